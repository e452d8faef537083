import EpisodeKit
import Playback
import ReaderUI

/// Owns the playback clock for the reader: mpv when there is audio and mpv
/// is installed, the read-along clock otherwise. mpv is started when it is
/// first needed (or at once with `--play`), and a player that stopped is
/// replaced by the read-along clock at the same place.
public final class PlayerHost: Player {
    private let audio: String?
    private let duration: TimeCode
    private var clock: PlaybackClock?
    /// A message for the status line (mpv missing, could not start).
    private(set) var notice: String?

    public init(audio: String?, duration: TimeCode) {
        self.audio = audio
        self.duration = duration
    }

    /// Starts playing at once (`--play`).
    public func start(at position: TimeCode) {
        perform(.play(from: position))
    }

    /// The clock's reading, or nil before anything played.
    public func reading() -> PlaybackReading? {
        guard let clock else { return nil }
        let state = clock.state(now: monotonicNow())
        var problem = state.problem ?? notice
        notice = nil
        if let player = clock as? MPVPlayer, !player.isRunning {
            // Carry on reading along from where the audio stopped.
            let fallback = VirtualClock(start: state.position, duration: duration)
            player.stop()
            self.clock = fallback
            problem = problem ?? "mpv stopped; the reader carries on without audio"
        }
        var reading = state
        reading.problem = problem
        return reading
    }

    public func perform(_ command: PlayerCommand) {
        let clock = self.clock ?? makeClock(for: command)
        clock.perform(command, now: monotonicNow())
    }

    private func makeClock(for request: PlayerCommand) -> PlaybackClock {
        var start = TimeCode.zero
        if case .play(let from?) = request { start = from }
        if case .seek(let time) = request { start = time }
        let made: PlaybackClock
        if let audio {
            do {
                made = try MPVPlayer(audio: audio, start: start, play: false)
            } catch {
                notice = error.description
                made = VirtualClock(start: start, duration: duration)
            }
        } else {
            made = VirtualClock(start: start, duration: duration)
        }
        clock = made
        return made
    }

    public func stop() {
        clock?.stop()
        clock = nil
    }
}
