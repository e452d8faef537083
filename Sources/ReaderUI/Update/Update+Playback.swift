import EpisodeKit

extension ReaderState {
    /// A reading from the clock: while following, the transcript moves to the spoken line.
    mutating func receive(_ reading: PlaybackReading) {
        playback = reading
        if let problem = reading.problem { message = StatusMessage(text: problem, isWarning: true) }
        guard reading.playing, follow, let segment = timeline.segmentIndex(at: reading.position),
              segment != panes[.transcript]!.cursor else { return }
        moveCursor(.transcript, to: segment, centered: true)
    }

    /// Playback keys; returns what the player must do.
    mutating func performPlayback(_ action: Action) -> [Effect] {
        let step: Int
        switch action {
        case .playPause:
            if isPlaying { return [.player(.pause)] }
            follow = true
            // Resume where the clock is if that is the current line; otherwise play this line.
            let current = currentSegment.map { episode.segments[$0] }
            if let playback, let current, playback.position >= current.start, playback.position < max(current.end, current.start + TimeCode(milliseconds: 1)) {
                return [.player(.play(from: nil))]
            }
            return [.player(.play(from: current?.start ?? .zero))]
        case .playLine:
            guard focus == .transcript, let segment = currentSegment else { return [] }
            follow = true
            return [.player(.play(from: episode.segments[segment].start))]
        case .follow:
            follow = true
            message = StatusMessage(text: UIStrings.following, isWarning: false)
            if let playback, let segment = timeline.segmentIndex(at: playback.position) {
                moveCursor(.transcript, to: segment, centered: true)
            }
            return []
        case .seekBackward: step = -5_000
        case .seekForward: step = 5_000
        case .seekBackwardLong: step = -30_000
        case .seekForwardLong: step = 30_000
        case .slower, .faster:
            let speed = min(3.0, max(0.5, (playback?.speed ?? 1.0) + (action == .faster ? 0.1 : -0.1)))
            let rounded = (speed * 10).rounded() / 10
            message = StatusMessage(text: UIStrings.speed(rounded), isWarning: false)
            return [.player(.speed(rounded))]
        case .volumeDown: return [.player(.volume(-2))]
        case .volumeUp: return [.player(.volume(2))]
        case .mute: return [.player(.mute)]
        default: return []
        }
        let target = TimeCode(milliseconds: position.milliseconds + step)
        if !isPlaying { jump(to: target) }
        return [.player(.seek(target))]
    }

    /// Moving by hand while audio plays lets go of the spoken line.
    mutating func detachFollow() {
        guard isPlaying, follow else { return }
        follow = false
        message = StatusMessage(text: UIStrings.followOff, isWarning: false)
    }
}

extension TimeCode {
    static func + (lhs: TimeCode, rhs: TimeCode) -> TimeCode {
        TimeCode(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }
}
