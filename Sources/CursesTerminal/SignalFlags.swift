#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGHUP and SIGINT from another process set a flag; the reader's
/// loop sees it within one input timeout and leaves the terminal cleanly.
/// A signal handler may do nothing more than this.
public enum SignalFlags {
    nonisolated(unsafe) private static var stop: sig_atomic_t = 0

    public static var stopRequested: Bool { stop != 0 }

    static func install() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
            signal(signalNumber) { _ in SignalFlags.stop = 1 }
            sigaddset(&unblock, signalNumber)
        }
        // A parent may have started podread with these blocked; they must
        // reach us, or a terminal could be left in raw mode.
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }
}
