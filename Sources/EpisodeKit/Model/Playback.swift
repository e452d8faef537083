/// What a playback clock says at a moment: where playback is and how. The
/// clocks (`Playback`) make these and the reader (`ReaderUI`) shows them;
/// neither module knows the other.
public struct PlaybackReading: Sendable, Equatable {
    public var position: TimeCode
    public var playing: Bool
    public var speed: Double
    public var duration: TimeCode?
    /// A problem to tell the person once (mpv stopped, could not start).
    public var problem: String?
    /// The audio played to its end.
    public var ended: Bool

    public init(position: TimeCode, playing: Bool, speed: Double, duration: TimeCode? = nil, problem: String? = nil, ended: Bool = false) {
        self.position = position
        self.playing = playing
        self.speed = speed
        self.duration = duration
        self.problem = problem
        self.ended = ended
    }
}

/// What the reader asks a playback clock to do.
public enum PlayerCommand: Sendable, Equatable {
    case play(from: TimeCode?)
    case pause
    case seek(TimeCode)
    case speed(Double)
    case volume(Int)
    case mute
}
