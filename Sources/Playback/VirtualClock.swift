import EpisodeKit

/// A clock that advances in real time × speed: read along at the pace of
/// speech when there is no audio.
public final class VirtualClock: PlaybackClock {
    public let name = "read-along"
    private var base: TimeCode
    private var baseTime: UInt64
    private var playing = false
    private var speed = 1.0
    private let duration: TimeCode?

    public init(start: TimeCode = .zero, duration: TimeCode? = nil, now: UInt64 = monotonicNow()) {
        base = start
        baseTime = now
        self.duration = duration
    }

    public func state(now: UInt64) -> PlaybackReading {
        PlaybackReading(position: position(now: now), playing: playing && !atEnd(now: now), speed: speed, duration: duration,
                        ended: atEnd(now: now))
    }

    private func position(now: UInt64) -> TimeCode {
        guard playing, now > baseTime else { return base }
        let advanced = Double(now - baseTime) / 1_000_000 * speed
        let position = TimeCode(milliseconds: base.milliseconds + Int(advanced))
        if let duration { return min(position, duration) }
        return position
    }

    private func atEnd(now: UInt64) -> Bool {
        guard let duration else { return false }
        return position(now: now) >= duration
    }

    public func perform(_ command: PlayerCommand, now: UInt64) {
        // Fold the time so far into the base before changing anything.
        base = position(now: now)
        baseTime = now
        switch command {
        case .play(let from):
            if let from { base = from }
            playing = true
        case .pause: playing = false
        case .seek(let time): base = duration.map { min(time, $0) } ?? time
        case .speed(let value): speed = min(3.0, max(0.5, value))
        case .volume, .mute: break  // no sound to change
        }
    }

    public func stop() { playing = false }
}
