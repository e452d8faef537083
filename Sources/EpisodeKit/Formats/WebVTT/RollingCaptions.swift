/// Rolling captions, as automatic captions come out of video sites' downloaders:
/// each cue shows the line of the cue before it and adds the next few
/// words (often with a timestamp per word, and a cue of a few milliseconds
/// holding the finished line alone). Read cue by cue, every line of speech
/// would appear two or three times.
enum RollingCaptions {
    /// The lines of speech, each once, starting when its first word was
    /// said (the start of the cue it first appears in); nil when the cues
    /// do not roll. They roll when, from four cues on, each cue's first line
    /// repeats the last line of the cue before it — told from the text alone,
    /// so ordinary cues that merely share words are left as they are.
    static func lines(of cues: [CueCollector.Cue]) -> [Segment]? {
        let texts = cues.map { cue in
            cue.payload.map { line in VoiceSpans.split(line).map(\.text).joined(separator: " ").collapsingWhitespace() }
                .filter { !$0.isEmpty }
        }
        guard texts.count >= 4 else { return nil }
        var repeats = 0
        var longestRun = 0
        var run = 0
        for index in 1..<texts.count {
            if let first = texts[index].first, first == texts[index - 1].last {
                repeats += 1
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
        }
        // Four cues in a row, and most of the file, roll.
        guard longestRun >= 3, repeats * 2 >= texts.count - 1 else { return nil }
        var segments: [Segment] = []
        var previousLast: String?
        for (cue, lines) in zip(cues, texts) {
            var fresh = lines[...]
            if let first = fresh.first, first == previousLast { fresh = fresh.dropFirst() }
            for line in fresh where line != segments.last?.text {
                segments.append(Segment(index: segments.count, start: cue.timing.start, text: line))
            }
            if let last = lines.last { previousLast = last }
        }
        return segments
    }
}
