import EpisodeKit

/// A source of playback time: the real player, or a read-along clock.
public protocol PlaybackClock: AnyObject {
    /// Short name for the status line ("mpv", "read-along").
    var name: String { get }
    /// The state now, interpolated between the player's reports with a
    /// monotonic clock so the spoken line moves smoothly.
    func state(now: UInt64) -> PlaybackReading
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
