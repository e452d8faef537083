import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it with `posix_spawn` and `waitpid`.
/// Foundation's `Process` does not reap a tmux client whose server forks
/// away from it, and waits forever; this does not.
public enum Spawn {
    public struct Failure: Error { public var message: String }

    /// Starts a program and returns its process id without waiting. Output
    /// goes to `output` (discarded by default). The test runner blocks some
    /// signals in its threads; a child would inherit that mask (and a shell's
    /// `wait` would never wake), so the child starts with no signals blocked
    /// and default handlers.
    public static func start(_ arguments: [String], output: String = "/dev/null", environment: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE, SIGQUIT] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard started == 0 else { throw Failure(message: "cannot start \(arguments[0]): \(started)") }
        return pid
    }

    /// Runs a program to its end; returns the raw wait status.
    public static func run(_ arguments: [String], output: String, environment: [String]) throws -> Int32 {
        let pid = try start(arguments, output: output, environment: environment)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }
}
