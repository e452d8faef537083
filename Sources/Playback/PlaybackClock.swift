import EpisodeKit

/// What a clock says at a moment: where playback is and how.
public struct ClockState: Sendable, Equatable {
    public var position: TimeCode
    public var playing: Bool
    public var speed: Double
    public var duration: TimeCode?
    /// A problem to tell the person once (mpv stopped, could not start).
    public var problem: String?

    public init(position: TimeCode, playing: Bool, speed: Double, duration: TimeCode? = nil, problem: String? = nil) {
        self.position = position
        self.playing = playing
        self.speed = speed
        self.duration = duration
        self.problem = problem
    }
}

/// What the reader asks a clock to do.
public enum PlayerCommand: Sendable, Equatable {
    case play(from: TimeCode?)
    case pause
    case seek(TimeCode)
    case speed(Double)
    case volume(Int)
    case mute
}

/// A source of playback time: the real player, or a read-along clock.
public protocol PlaybackClock: AnyObject {
    /// Short name for the status line ("mpv", "read-along").
    var name: String { get }
    /// The state now, interpolated between the player's reports with a
    /// monotonic clock so the spoken line moves smoothly.
    func state(now: UInt64) -> ClockState
    func perform(_ command: PlayerCommand, now: UInt64)
    /// Stops playback for good (and the player process with it).
    func stop()
}

/// Nanoseconds of a monotonic clock.
public func monotonicNow() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

#if canImport(Glibc)
import Glibc
#endif
