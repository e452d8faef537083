/// One timed piece of the transcript, as the source divided it.
public struct Segment: Hashable, Sendable {
    /// Position in the transcript, counting from 0; other commands call it `segment`.
    public var index: Int
    /// When it starts. For a transcript without times every start is zero
    /// (see `Episode.hasTimes`).
    public var start: TimeCode
    /// When it ends. Sources that omit it get the next segment's start, and
    /// the last segment its own start (see `Episode.resolvingEnds`).
    public var end: TimeCode
    public var speaker: String?
    public var text: String
    /// Word-level times, when the source had them (Podcasting 2.0 word
    /// transcripts); a jump or a search hit can then land on the word.
    public var words: [TimedWord]

    public init(index: Int, start: TimeCode, end: TimeCode? = nil, speaker: String? = nil,
                text: String, words: [TimedWord] = []) {
        self.index = index
        self.start = start
        self.end = end ?? start
        self.speaker = speaker
        self.text = text
        self.words = words
        self.endWasGiven = end != nil
    }

    /// Whether the source gave an end time; if not, the end is filled in later.
    public var endWasGiven: Bool
}

/// A word and the moment it is spoken.
public struct TimedWord: Hashable, Sendable {
    public var start: TimeCode
    public var text: String
    public init(start: TimeCode, text: String) {
        self.start = start
        self.text = text
    }
}
