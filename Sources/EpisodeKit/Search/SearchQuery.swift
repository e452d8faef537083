/// A parsed search: what must occur, what must not, and how leniently.
///
/// The language: words (all must occur in the segment or item); the last
/// word also matches as a prefix; `"quoted phrases"` match consecutive
/// words; `-word` excludes. A hyphenated word matches its parts in a row or
/// joined; spoken numbers and digits match each other.
public struct SearchQuery: Sendable, Equatable {
    /// One thing that must (or, when excluded, must not) occur.
    public struct Requirement: Sendable, Equatable {
        /// Any one of these satisfies the requirement.
        public var alternatives: [Alternative]
        public var excluded: Bool
        /// How the user wrote it, for messages.
        public var written: String
    }

    public enum Alternative: Sendable, Equatable {
        /// A folded word; `prefix` also accepts longer words starting with it;
        /// `fuzzy` accepts words within the edit distance its length allows.
        case word(String, prefix: Bool, fuzzy: Bool)
        /// Folded words that must stand in a row.
        case phrase([String])
    }

    public var requirements: [Requirement]
    public var text: String

    public var isEmpty: Bool { requirements.allSatisfy(\.excluded) }

    /// - Parameter exact: switch fuzzy matching off.
    public init(_ text: String, exact: Bool = false) {
        self.text = text
        requirements = SearchQuery.parse(text, exact: exact)
    }

    private static func parse(_ text: String, exact: Bool) -> [Requirement] {
        var requirements: [Requirement] = []
        let tokenizer = WordTokenizer(spokenNumbers: false)
        // Split into quoted phrases and bare chunks, keeping the minus signs.
        var chunks: [(text: String, quoted: Bool, excluded: Bool)] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
                continue
            }
            var excluded = false
            var start = index
            if character == "-" {
                excluded = true
                start = text.index(after: index)
            }
            if start < text.endIndex, text[start] == "\"" || text[start] == "“" {
                let contentStart = text.index(after: start)
                let close = text[contentStart...].firstIndex(where: { $0 == "\"" || $0 == "”" }) ?? text.endIndex
                chunks.append((String(text[contentStart..<close]), true, excluded))
                index = close < text.endIndex ? text.index(after: close) : close
            } else {
                let end = text[start...].firstIndex(where: \.isWhitespace) ?? text.endIndex
                chunks.append((String(text[start..<end]), false, excluded))
                index = end
            }
        }
        let lastBare = chunks.lastIndex { !$0.quoted && !$0.excluded }
        var pendingNumbers: [(words: [String], written: String)] = []

        func flushNumbers() {
            defer { pendingNumbers = [] }
            guard !pendingNumbers.isEmpty else { return }
            let words = pendingNumbers.flatMap(\.words)
            if pendingNumbers.count > 1 || words.count > 1, let value = SpokenNumbers.value(of: words) {
                requirements.append(Requirement(alternatives: [.word(String(value), prefix: false, fuzzy: false), .phrase(words)],
                                                excluded: false, written: pendingNumbers.map(\.written).joined(separator: " ")))
            } else {
                for group in pendingNumbers {
                    requirements.append(wordRequirement(group.words, written: group.written, prefix: false, fuzzy: false, excluded: false))
                }
            }
        }

        for (number, chunk) in chunks.enumerated() {
            let words = tokenizer.tokens(chunk.text).filter { !$0.isAlias }.map(\.term)
            guard !words.isEmpty else { continue }
            if chunk.quoted {
                flushNumbers()
                requirements.append(Requirement(alternatives: [.phrase(words)], excluded: chunk.excluded, written: "\"\(chunk.text)\""))
                continue
            }
            // Spoken numbers may span several bare words: "twenty twenty-four".
            if !chunk.excluded, words.allSatisfy({ SpokenNumbers.isNumberWord($0) || $0 == "and" }) {
                pendingNumbers.append((words, chunk.text))
                continue
            }
            flushNumbers()
            let prefix = number == lastBare
            requirements.append(wordRequirement(words, written: chunk.text, prefix: prefix, fuzzy: !exact, excluded: chunk.excluded))
        }
        flushNumbers()
        if let lastIndex = requirements.indices.last, lastBare == chunks.indices.last,
           case .word(let word, false, let fuzzy) = requirements[lastIndex].alternatives.first, requirements[lastIndex].alternatives.count == 1,
           !requirements[lastIndex].excluded, !word.allSatisfy(\.isNumber) {
            // A single trailing spoken-number word ("seven") is still typed: let it grow.
            requirements[lastIndex].alternatives = [.word(word, prefix: true, fuzzy: fuzzy)]
        }
        return requirements
    }

    /// A bare chunk: one word, or the parts of a hyphenated word (in a row, or joined).
    private static func wordRequirement(_ words: [String], written: String, prefix: Bool, fuzzy: Bool, excluded: Bool) -> Requirement {
        if words.count == 1 {
            return Requirement(alternatives: [.word(words[0], prefix: prefix, fuzzy: fuzzy)], excluded: excluded, written: written)
        }
        return Requirement(alternatives: [.word(words.joined(), prefix: prefix, fuzzy: fuzzy), .phrase(words)],
                           excluded: excluded, written: written)
    }
}
