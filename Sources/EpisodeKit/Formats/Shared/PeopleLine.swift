/// Turns a `Guest:` or `Host:` line into people.
///
/// `Dr Eric Ballbach is SWP's Korea Foundation Fellow. His research …` is one
/// person whose name ends before `is`; `Anna Weber and Tom Li` or
/// `Anna Weber, Tom Li` are several people without descriptions.
enum PeopleLine {
    static func people(from text: String, role: Person.Role) -> [Person] {
        let line = text.trimmingWhitespace()
        guard !line.isEmpty else { return [] }
        for separator in [" is ", " ist ", " – ", " — ", " - ", ", ", " ("] {
            guard let range = line.firstRange(of: separator) else { continue }
            let name = line[..<range.lowerBound].trimmingWhitespace()
            var about = line[range.upperBound...].trimmingWhitespace()
            if separator == " (" && about.hasSuffix(")") { about.removeLast() }
            // "A, B and C" is a list of names, not a name and a description.
            if separator == ", " && looksLikeNameList(line) { break }
            guard looksLikeName(name) else { continue }
            return [Person(name: name, role: role, about: about.isEmpty ? nil : about)]
        }
        return splitNames(line).map { Person(name: $0, role: role) }
    }

    private static func splitNames(_ line: String) -> [String] {
        var parts = [line]
        for separator in [", ", " and ", " und ", " & ", "; "] {
            parts = parts.flatMap { $0.split(separator: separator).map(String.init) }
        }
        let names = parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return names.allSatisfy(looksLikeName) ? names : [line]
    }

    private static func looksLikeNameList(_ line: String) -> Bool {
        let names = splitNames(line)
        return names.count > 1 && names.allSatisfy(looksLikeName)
    }

    /// Up to six words, each starting with a capital letter or being a
    /// particle such as `von` or `de`.
    static func looksLikeName(_ text: String) -> Bool {
        let particles: Set<String> = ["von", "van", "de", "der", "den", "da", "di", "du", "zu", "la", "le", "bin", "al"]
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            return first.isUppercase || particles.contains(String(word))
        }
    }
}
