import Foundation
import Testing
@testable import Playback
import EpisodeKit
#if canImport(Glibc)
import Glibc
#endif

/// The real mpv on a speech file that espeak-ng makes for the test, with
/// audio going nowhere (`--ao=null`).
@Suite("mpv", .serialized)
struct MPVPlayerTests {
    static let speech: String = {
        let path = NSTemporaryDirectory() + "/podread-speech-\(getpid()).wav"
        if !FileManager.default.fileExists(atPath: path) {
            let text = String(repeating: "North Korea has become a security threat to Europe. Cyber attacks and arms supplies. ", count: 5)
            _ = try? Spawn.run(["/usr/bin/env", "espeak-ng", "-w", path, text])
        }
        return path
    }()

    private func wait(_ seconds: Double, until condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() && Date() < deadline { usleep(50_000) }
    }

    @Test("the speech file exists (espeak-ng)")
    func speechFile() {
        #expect(FileManager.default.fileExists(atPath: Self.speech))
    }

    @Test("position advances, seek lands near 10 s, pause holds, mpv is gone after stop")
    func playback() throws {
        let player = try MPVPlayer(audio: Self.speech, play: true, extraArguments: ["--ao=null"])
        // mpv reports the duration by its own event, which can come after the
        // position on a busy machine: wait for both.
        wait(5) {
            let state = player.state(now: monotonicNow())
            return state.position.milliseconds > 1_000 && state.duration != nil
        }
        let first = player.state(now: monotonicNow())
        #expect(first.playing)
        #expect(first.position.milliseconds > 1_000)
        #expect((first.duration?.milliseconds ?? 0) > 20_000)

        player.perform(.seek(TimeCode(milliseconds: 10_000)), now: monotonicNow())
        wait(3) {
            let position = player.state(now: monotonicNow()).position.milliseconds
            return position >= 10_000 && position < 11_500
        }
        let afterSeek = player.state(now: monotonicNow()).position.milliseconds
        #expect(afterSeek >= 10_000 && afterSeek < 11_500)

        player.perform(.pause, now: monotonicNow())
        wait(3) { !player.state(now: monotonicNow()).playing }
        // mpv reports where it stopped just after pausing: wait until the
        // reading has stayed the same for half a second (mpv is slow to say on a busy machine).
        var settled = player.state(now: monotonicNow()).position
        var since = Date()
        wait(6) {
            let now = player.state(now: monotonicNow()).position
            if now != settled {
                settled = now
                since = Date()
            }
            return Date().timeIntervalSince(since) >= 0.5 && !player.state(now: monotonicNow()).playing
        }
        let held = player.state(now: monotonicNow()).position
        // Then it must not move: watch for movement for most of a second.
        wait(0.8) { abs(player.state(now: monotonicNow()).position.milliseconds - held.milliseconds) > 20 }
        #expect(abs(player.state(now: monotonicNow()).position.milliseconds - held.milliseconds) <= 20)

        let shell = player.processID
        player.stop()
        #expect(kill(shell, 0) != 0)
        #expect(!Self.mpvRunning(socketOf: player))
    }

    @Test("when mpv dies, the clock says so and stops")
    func crash() throws {
        let player = try MPVPlayer(audio: Self.speech, play: true, extraArguments: ["--ao=null"])
        wait(5) { player.state(now: monotonicNow()).position.milliseconds > 500 }
        _ = try Spawn.run(["/usr/bin/env", "pkill", "-9", "-f", "input-ipc-server=\(player.socketFolder)"])
        wait(5) { !player.isRunning }
        let state = player.state(now: monotonicNow())
        #expect(!state.playing)
        #expect(state.problem?.contains("mpv stopped") == true)
        player.stop()
    }

    @Test("a missing file is a clear error; a file mpv cannot play is reported when mpv stops")
    func missing() throws {
        #expect(throws: PlayerError(message: "/no/such/audio.mp3: no such audio file")) {
            _ = try MPVPlayer(audio: "/no/such/audio.mp3", play: true, extraArguments: ["--ao=null"])
        }
        let junk = NSTemporaryDirectory() + "/podread-junk-\(getpid()).mp3"
        _ = FileManager.default.createFile(atPath: junk, contents: Data("not audio at all".utf8))
        defer { unlink(junk) }
        do {
            let player = try MPVPlayer(audio: junk, play: true, extraArguments: ["--ao=null"])
            wait(5) { !player.isRunning }
            #expect(!player.isRunning)
            #expect(player.state(now: monotonicNow()).problem?.contains("mpv stopped") == true)
            player.stop()
        } catch {
            #expect(error.description == "mpv could not play this audio")
        }
    }

    static func mpvRunning(socketOf player: MPVPlayer) -> Bool {
        let output = NSTemporaryDirectory() + "/podread-pgrep-\(UUID().uuidString)"
        defer { unlink(output) }
        let status = (try? Spawn.run(["/usr/bin/env", "pgrep", "-f", "input-ipc-server=\(player.socketFolder)"])) ?? 1
        return status == 0
    }
}

/// Runs a program to completion with a clean signal mask.
enum Spawn {
    struct Failure: Error {}

    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ) == 0 else { throw Failure() }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}
