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
        guard cues.count >= 4, rolls(cues) else { return nil }
        let texts = cues.map { cue in cue.payload.map(clean).filter { !$0.isEmpty } }
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

    /// Whether four cues in a row, and most of the file, roll. Only each
    /// cue's first and last lines are read, and the reading stops as soon
    /// as most of the file cannot roll any more: ordinary captions (nearly
    /// every file) cost a few cues, not a second reading of every line.
    private static func rolls(_ cues: [CueCollector.Cue]) -> Bool {
        let pairs = cues.count - 1
        var repeats = 0
        var misses = 0
        var longestRun = 0
        var run = 0
        var previousLast = lastLine(of: cues[0])
        for index in 1..<cues.count {
            let lines = edgeLines(of: cues[index])
            if let first = lines.first, first == previousLast {
                repeats += 1
                run += 1
                longestRun = max(longestRun, run)
            } else {
                misses += 1
                run = 0
                if misses > pairs / 2 { return false }
            }
            previousLast = lines.last
        }
        return longestRun >= 3 && repeats * 2 >= pairs
    }

    /// A cue's first and last lines with text, cleaned (nil when it has none).
    private static func edgeLines(of cue: CueCollector.Cue) -> (first: String?, last: String?) {
        var first: String?
        var firstIndex = cue.payload.endIndex
        for (index, line) in cue.payload.enumerated() {
            let text = clean(line)
            if !text.isEmpty {
                first = text
                firstIndex = index
                break
            }
        }
        guard let first else { return (nil, nil) }
        for line in cue.payload[(firstIndex + 1)...].reversed() {
            let text = clean(line)
            if !text.isEmpty { return (first, text) }
        }
        return (first, first)
    }

    private static func lastLine(of cue: CueCollector.Cue) -> String? { edgeLines(of: cue).last }

    /// A payload line as the reader shows it: tags dropped, spaces folded.
    static func clean(_ line: String) -> String {
        VoiceSpans.split(line).map(\.text).joined(separator: " ").collapsingWhitespace()
    }
}
