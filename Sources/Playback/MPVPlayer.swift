import EpisodeKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real player: mpv, driven over its JSON IPC socket.
///
/// mpv runs with no video, no terminal output of its own, a null audio
/// output when the machine has no sound device, and its socket in a private
/// temporary folder. It is started by a small shell that holds the read end
/// of a pipe from podread: when podread ends — however it ends, a crash
/// included — the pipe closes and the shell stops mpv. No orphan players.
public final class MPVPlayer: PlaybackClock, @unchecked Sendable {
    public let name = "mpv"
    private let lock = NSLock()
    private let socketPath: String
    private let folder: String
    private var socket: Int32 = -1
    private var lifeline: Int32 = -1
    private var shellPID: pid_t = 0

    // What mpv last reported, and when (monotonic), for interpolation.
    private var reportedPosition: TimeCode = .zero
    private var reportedAt: UInt64 = 0
    private var paused = true
    private var speed = 1.0
    private var duration: TimeCode?
    private var ended = false
    private var problem: String?
    private var gone = false

    /// Whether an `mpv` is on the PATH.
    public static func isInstalled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        executable(environment: environment) != nil
    }

    static func executable(environment: [String: String]) -> String? {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/mpv" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts mpv on `audio` (a file or URL), paused or playing, at `start`.
    public init(audio: String, start: TimeCode = .zero, play: Bool, extraArguments: [String] = []) throws(PlayerError) {
        guard let mpv = Self.executable(environment: ProcessInfo.processInfo.environment) else {
            throw PlayerError(message: "mpv is not installed; Space plays the read-along clock instead")
        }
        // A local file that is not there is said at once; mpv would only
        // stop a moment later. (URLs are mpv's to fetch.)
        if !audio.contains("://"), !FileManager.default.isReadableFile(atPath: audio) {
            throw PlayerError(message: "\(audio): no such audio file")
        }
        var template = Array((NSTemporaryDirectory() + "/podread-mpv-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw PlayerError(message: "cannot make a folder for the player's socket") }
        folder = String(cString: made)
        chmod(folder, 0o700)
        socketPath = folder + "/mpv.sock"
        reportedPosition = start
        reportedAt = monotonicNow()
        paused = !play
        let arguments = [
            "--no-video", "--no-terminal", "--really-quiet", "--idle=no", "--keep-open=yes",
            "--audio-fallback-to-null=yes", "--input-ipc-server=\(socketPath)", "--pause=\(play ? "no" : "yes")",
            "--start=\(start.secondsText)",
        ] + extraArguments + ["--", audio]
        try launch(mpv: mpv, arguments: arguments)
        try connect()
        for (id, property) in ["time-pos", "pause", "speed", "duration", "eof-reached"].enumerated() {
            send(["observe_property", id + 1, property])
        }
        let thread = Thread { [weak self] in self?.readEvents() }
        thread.start()
    }

    private func launch(mpv: String, arguments: [String]) throws(PlayerError) {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw PlayerError(message: "cannot start mpv (no pipe)") }
        // podread keeps the write end; no other child may inherit it.
        _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
        lifeline = pipeEnds[1]
        // mpv in the background; a watcher reads the pipe and stops mpv at
        // its end; the shell itself ends when mpv does.
        // (A background job's standard input is /dev/null, so the pipe is
        // passed to the watcher as descriptor 3. mpv busy opening an audio
        // device may not act on SIGTERM at once, so SIGKILL follows.)
        let script = "exec 3<&0; \"$0\" \"$@\" </dev/null >/dev/null 2>&1 3<&- & m=$!; (read -r _ <&3; kill $m 2>/dev/null; sleep 1; kill -9 $m 2>/dev/null) & w=$!; exec 3<&-; wait $m; kill $w 2>/dev/null"
        let argv = (["/bin/sh", "-c", script, mpv] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // Its own process group: the terminal's Ctrl-C is podread's to handle.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let status = posix_spawn(&shellPID, "/bin/sh", &actions, &attributes, argv, environ)
        close(pipeEnds[0])
        guard status == 0 else {
            close(lifeline)
            throw PlayerError(message: "cannot start mpv (\(String(cString: strerror(status))))")
        }
    }

    /// Waits (up to 5 s) for mpv's socket and connects to it.
    private func connect() throws(PlayerError) {
        let deadline = monotonicNow() + 5_000_000_000
        while monotonicNow() < deadline {
            let descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                let bytes = Array(socketPath.utf8.prefix(buffer.count - 1))
                buffer.copyBytes(from: bytes)
                buffer[bytes.count] = 0
            }
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            if connected == 0 {
                socket = descriptor
                return
            }
            close(descriptor)
            var status: Int32 = 0
            if waitpid(shellPID, &status, WNOHANG) == shellPID {
                throw PlayerError(message: "mpv could not play this audio")
            }
            usleep(50_000)
        }
        stop()
        throw PlayerError(message: "mpv did not answer within 5 s")
    }

    private func send(_ command: [Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: ["command": command]) else { return }
        var line = Array(data)
        line.append(10)
        lock.lock()
        let descriptor = socket
        lock.unlock()
        guard descriptor >= 0 else { return }
        _ = line.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads mpv's events until the socket closes.
    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var pending: [UInt8] = []
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            pending += buffer[0..<count]
            while let newline = pending.firstIndex(of: 10) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                handle(line)
            }
        }
        lock.lock()
        if !gone { problem = "mpv stopped; the reader carries on without audio" }
        gone = true
        paused = true
        lock.unlock()
    }

    private func handle(_ line: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              object["event"] as? String == "property-change", let name = object["name"] as? String else { return }
        let value = object["data"]
        let now = monotonicNow()
        lock.lock()
        defer { lock.unlock() }
        switch name {
        case "time-pos":
            if let seconds = (value as? NSNumber)?.doubleValue, seconds.isFinite {
                reportedPosition = TimeCode(seconds: max(0, seconds))
                reportedAt = now
            }
        case "pause":
            if let flag = value as? Bool {
                reportedPosition = interpolated(now: now)
                reportedAt = now
                paused = flag
            }
        case "speed":
            if let number = (value as? NSNumber)?.doubleValue { speed = number }
        case "duration":
            if let seconds = (value as? NSNumber)?.doubleValue, seconds.isFinite { duration = TimeCode(seconds: seconds) }
        case "eof-reached":
            ended = (value as? Bool) ?? false
        default: break
        }
    }

    private func interpolated(now: UInt64) -> TimeCode {
        guard !paused, !ended, now > reportedAt else { return reportedPosition }
        // mpv reports about every frame of audio; between reports, count on.
        let elapsed = min(Double(now - reportedAt) / 1_000_000, 1000) * speed
        let position = TimeCode(milliseconds: reportedPosition.milliseconds + Int(elapsed))
        if let duration { return min(position, duration) }
        return position
    }

    public func state(now: UInt64) -> PlaybackReading {
        lock.lock()
        defer { lock.unlock() }
        let state = PlaybackReading(position: interpolated(now: now), playing: !paused && !ended && !gone, speed: speed,
                                    duration: duration, problem: problem, ended: ended)
        problem = nil
        return state
    }

    public var isRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !gone
    }

    public func perform(_ command: PlayerCommand, now: UInt64) {
        switch command {
        case .play(let from):
            if let from {
                send(["seek", from.seconds, "absolute", "exact"])
                lock.lock()
                reportedPosition = from
                reportedAt = now
                lock.unlock()
            }
            send(["set_property", "pause", false])
        case .pause:
            send(["set_property", "pause", true])
        case .seek(let time):
            send(["seek", time.seconds, "absolute", "exact"])
            lock.lock()
            reportedPosition = time
            reportedAt = now
            ended = false
            lock.unlock()
        case .speed(let value):
            send(["set_property", "speed", min(3.0, max(0.5, value))])
        case .volume(let delta):
            send(["add", "volume", delta])
        case .mute:
            send(["cycle", "mute"])
        }
    }

    /// The private folder of the socket (names this player among processes).
    public var socketFolder: String { folder }

    /// The shell's process id (mpv is its child), for tests.
    public var processID: pid_t { shellPID }

    public func stop() {
        send(["quit"])
        lock.lock()
        let descriptor = socket
        socket = -1
        gone = true
        lock.unlock()
        if descriptor >= 0 { close(descriptor) }
        if lifeline >= 0 {
            close(lifeline)  // the shell's `read` returns and it stops mpv
            lifeline = -1
        }
        if shellPID > 0 {
            var status: Int32 = 0
            for _ in 0..<40 where waitpid(shellPID, &status, WNOHANG) == 0 { usleep(25_000) }
            if waitpid(shellPID, &status, WNOHANG) == 0 {
                kill(-shellPID, SIGKILL)
                waitpid(shellPID, &status, 0)
            }
            shellPID = 0
        }
        unlink(socketPath)
        rmdir(folder)
    }

    deinit { stop() }
}

public struct PlayerError: Error, CustomStringConvertible, Sendable, Equatable {
    public var message: String
    public var description: String { message }
}
