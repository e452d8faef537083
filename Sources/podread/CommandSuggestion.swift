import Foundation

/// A mistyped command (`podread serach korea`, `podread transcripts`) would
/// otherwise be taken for an episode file that does not exist; the command
/// it resembles is named instead.
enum CommandSuggestion {
    static var commands: [String] {
        Podread.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// The command `word` looks like, when `word` is no command, no option and no file.
    static func `for`(_ word: String) -> String? {
        guard !word.hasPrefix("-"), !word.contains("/"), !word.contains("."), !word.contains(":"),
              !commands.contains(word), !FileManager.default.fileExists(atPath: word) else { return nil }
        let typed = Array(word.lowercased().unicodeScalars)
        let scored = commands.map { ($0, distance(typed, Array($0.unicodeScalars))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= (word.count >= 6 ? 2 : 1) else { return nil }
        return best.0
    }

    /// Edits between two words, a swap of neighbours counting as one.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
