/// Reads numbers said in words, so that `2024` finds "twenty-twenty four" and
/// "twenty twenty-four", `2018` finds "two thousand eighteen" and `7000`
/// finds "seven thousand" (and the other way round). English only.
enum SpokenNumbers {
    static let small: [String: Int] = [
        "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000]

    /// Whether a folded word can be part of a spoken number.
    static func isNumberWord(_ word: String) -> Bool {
        small[word] != nil || tens[word] != nil || scales[word] != nil
    }

    /// The value of a run of number words (`and` allowed inside), or nil when
    /// the run does not read as one number. "oh" counts only inside a run.
    static func value(of words: [String]) -> Int? {
        let words = words.filter { $0 != "and" }
        guard !words.isEmpty, !(words.count == 1 && words[0] == "oh") else { return nil }
        if let year = yearStyle(words) { return year }
        return cardinal(words)
    }

    /// "twenty twenty four", "nineteen eighty-four", "twenty oh five": two
    /// pairs of digits, the first from 10 to 99.
    private static func yearStyle(_ words: [String]) -> Int? {
        guard !words.contains(where: { scales[$0] != nil }) else { return nil }
        var pairs: [Int] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            if let ten = tens[word] {
                if index + 1 < words.count, let unit = small[words[index + 1]], (1...9).contains(unit), words[index + 1] != "oh" {
                    pairs.append(ten + unit)
                    index += 2
                } else {
                    pairs.append(ten)
                    index += 1
                }
            } else if word == "oh", index + 1 < words.count, let unit = small[words[index + 1]], (1...9).contains(unit) {
                pairs.append(unit)
                index += 2
            } else if let value = small[word] {
                pairs.append(value)
                index += 1
            } else {
                return nil
            }
        }
        if pairs.count == 1 { return pairs[0] }
        guard pairs.count == 2, (10...99).contains(pairs[0]) else { return nil }
        return pairs[0] * 100 + pairs[1]
    }

    /// "two thousand eighteen", "seven thousand", "three hundred and five".
    private static func cardinal(_ words: [String]) -> Int? {
        var total = 0
        var current = 0
        var sawDigitWord = false
        // What came last, so "one two three" is refused while
        // "twenty four" and "two hundred five" are read.
        enum Last { case none, unit, ten, scale }
        var last = Last.none
        for word in words {
            if let value = small[word], word != "oh" {
                if last == .unit || (last == .ten && !(1...9).contains(value)) { return nil }
                current += value
                sawDigitWord = true
                last = .unit
            } else if let value = tens[word] {
                if last == .unit || last == .ten { return nil }
                current += value
                sawDigitWord = true
                last = .ten
            } else if let scale = scales[word] {
                if current == 0 { current = 1 }
                if scale == 100 {
                    current *= 100
                } else {
                    total += current * scale
                    current = 0
                }
                last = .scale
            } else {
                return nil
            }
        }
        return sawDigitWord || total > 0 ? total + current : nil
    }
}
