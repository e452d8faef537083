import EpisodeKit

extension ReaderState {
    /// A reading from the clock: while following, the transcript moves to the spoken line.
    mutating func receive(_ reading: PlaybackReading) {
        playback = reading
        if reading.ended { heardToEnd = true }
        if let problem = reading.problem { say(problem, warning: true) }
        // The player has caught up with the speed asked for.
        if let requested = requestedSpeed, abs(requested - reading.speed) < 0.01 { requestedSpeed = nil }
        guard reading.playing, follow, let segment = timeline.segmentIndex(at: reading.position),
              segment != panes[.transcript].cursor else { return }
        moveCursor(.transcript, to: segment, centered: true)
    }

    /// Playback keys; returns what the player must do.
    /// A count (`3l`) multiplies a step: one seek, `times` as far.
    mutating func performPlayback(_ action: Action, times: Int = 1) -> [Effect] {
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
            say(UIStrings.following)
            if let playback, let segment = timeline.segmentIndex(at: playback.position) {
                moveCursor(.transcript, to: segment, centered: true)
            }
            return []
        case .seekBackward: step = -5_000
        case .seekForward: step = 5_000
        case .seekBackwardLong: step = -30_000
        case .seekForwardLong: step = 30_000
        case .slower, .faster:
            // From the speed last asked for: quick presses each count, even
            // before the player has reported the one before.
            let current = requestedSpeed ?? playback?.speed ?? 1.0
            let speed = min(3.0, max(0.5, current + (action == .faster ? 0.1 : -0.1) * Double(times)))
            let rounded = (speed * 10).rounded() / 10
            requestedSpeed = rounded
            say(UIStrings.speed(rounded))
            return [.player(.speed(rounded))]
        case .volumeDown, .volumeUp:
            let step = (action == .volumeUp ? 2 : -2) * times
            volume = min(130, max(0, volume + step))
            say(UIStrings.volume(volume, muted: muted))
            return [.player(.volume(step))]
        case .mute:
            muted.toggle()
            say(UIStrings.volume(volume, muted: muted))
            return [.player(.mute)]
        default: return []
        }
        let target = TimeCode(milliseconds: max(0, position.milliseconds + step * times))
        if !isPlaying { jump(to: target) }
        return [.player(.seek(target))]
    }

    /// Moving by hand while audio plays lets go of the spoken line.
    mutating func detachFollow() {
        guard isPlaying, follow else { return }
        follow = false
        say(UIStrings.followOff(key: keyName(.follow)))
    }
}

extension TimeCode {
    static func + (lhs: TimeCode, rhs: TimeCode) -> TimeCode {
        TimeCode(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }
}
