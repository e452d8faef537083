import Foundation

/// Folds letters so that spellings a listener would call the same match:
/// case (`Korea` = `korea`), diacritics (`Pjöngjang` = `pjongjang`,
/// `é` = `e`), `ß` = `ss`, `æ` = `ae`. Works on Unicode scalars with a table
/// for Latin letters; ASCII never leaves the fast path.
enum TextFolding {
    /// Appends the folded form of `scalar` to `output` as UTF-8 bytes.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            output.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
            return
        }
        if let folded = latin[value] {
            output.append(contentsOf: folded.utf8)
            return
        }
        if isCombiningMark(value) { return }
        // Other scripts: lowercase, and drop accents by decomposing (ά → α).
        let lower = scalar.properties.lowercaseMapping
        if scalar.properties.isAlphabetic, value < 0x3000 {
            for part in lower.decomposedStringWithCanonicalMapping.unicodeScalars where !isCombiningMark(part.value) {
                output.append(contentsOf: String(part).utf8)
            }
        } else {
            output.append(contentsOf: lower.utf8)
        }
    }

    /// The folded form of a whole string (used for queries and tests).
    static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { append(scalar, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isCombiningMark(_ value: UInt32) -> Bool {
        (0x0300...0x036F).contains(value) || (0x1AB0...0x1AFF).contains(value)
            || (0x1DC0...0x1DFF).contains(value) || (0x20D0...0x20FF).contains(value) || (0xFE20...0xFE2F).contains(value)
    }

    /// Latin letters with diacritics and ligatures, to their plain forms.
    static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåāăąǎǻ", "a"), ("ÀÁÂÃÄÅĀĂĄǍǺ", "a"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "c"),
            ("ďđ", "d"), ("ĎĐ", "d"), ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "e"),
            ("ĝğġģ", "g"), ("ĜĞĠĢ", "g"), ("ĥħ", "h"), ("ĤĦ", "h"), ("ìíîïĩīĭįıǐ", "i"),
            ("ÌÍÎÏĨĪĬĮİǏ", "i"), ("ĵ", "j"), ("Ĵ", "j"), ("ķ", "k"), ("Ķ", "k"),
            ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "l"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "n"),
            ("òóôõöøōŏőǒǿ", "o"), ("ÒÓÔÕÖØŌŎŐǑǾ", "o"), ("ŕŗř", "r"), ("ŔŖŘ", "r"),
            ("śŝşšș", "s"), ("ŚŜŞŠȘ", "s"), ("ţťŧț", "t"), ("ŢŤŦȚ", "t"),
            ("ùúûüũūŭůűųǔǖǘǚǜ", "u"), ("ÙÚÛÜŨŪŬŮŰŲǓǕǗǙǛ", "u"), ("ŵ", "w"), ("Ŵ", "w"),
            ("ýÿŷ", "y"), ("ÝŸŶ", "y"), ("źżž", "z"), ("ŹŻŽ", "z"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        for (letter, folded) in [("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"),
                                 ("þ", "th"), ("Þ", "th"), ("ð", "d"), ("Ð", "d"), ("ĳ", "ij"), ("Ĳ", "ij")] {
            table[letter.unicodeScalars.first!.value] = folded
        }
        return table
    }()
}
