import EpisodeKit

/// What the playback clock last said, as the reader needs it.
public struct PlaybackReading: Sendable, Equatable {
    public var position: TimeCode
    public var playing: Bool
    public var speed: Double
    public var problem: String?

    public init(position: TimeCode, playing: Bool, speed: Double, problem: String? = nil) {
        self.position = position
        self.playing = playing
        self.speed = speed
        self.problem = problem
    }
}

/// What the reader asks the player to do; the host passes it to the clock.
public enum PlayerRequest: Sendable, Equatable {
    case play(from: TimeCode?)
    case pause
    case seek(TimeCode)
    case speed(Double)
    case volume(Int)
    case mute
}
