import Foundation
import Testing
@testable import EpisodeKit

@Suite("JSON parser")
struct JSONParserTests {
    @Test("values of every kind, members in order")
    func values() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5, 3e2, 0.125E-1], "b": true, "c": false, "d": null, "e": {}, "f": [] } "#)
        #expect(value == .object([
            ("a", .array([.double(1), .double(-2.5), .double(300), .double(0.0125)])),
            ("b", .bool(true)), ("c", .bool(false)), ("d", .null), ("e", .object([])), ("f", .array([])),
        ]))
    }

    @Test("escapes, surrogate pairs, and a lone surrogate as U+FFFD")
    func escapes() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n\t\r\b\f", "\u00e9\u4E2D", "\ud83d\ude00", "\ud800x", "plain ü"]"#)
        #expect(value == .array([.string("a\"b\\c/d\n\t\r\u{8}\u{C}"), .string("é中"), .string("😀"), .string("\u{FFFD}x"), .string("plain ü")]))
    }

    @Test("a repeated member name takes its last value")
    func repeated() throws {
        let value = try JSONParser.parse(#"{"x": 1, "x": 2}"#)
        #expect(value[member: "x"] == .double(2))
    }

    @Test("each problem is named with its line and column", arguments: [
        (#"{"a": 1,"# + "\n" + #"  "b" 2}"#, 2, 7, "expected ':' after the name \"b\""),
        ("[1, 2", 1, 6, "the text ends inside a list"),
        ("[1, ", 1, 5, "the text ends where a value should be"),
        ("[1 2]", 1, 4, "expected ',' or ']' in the list"),
        (#"{"a": tru}"#, 1, 7, "expected a value, found 't'"),
        (#"["abc"#, 1, 2, "a string is not closed"),
        (#"["\x"]"#, 1, 3, "unknown escape: \\ followed by 'x'"),
        (#"["\u12"]"#, 1, 7, "\\u needs four hex digits"),
        ("[1.]", 1, 4, "a number needs digits after its '.'"),
        ("[-]", 1, 3, "a number needs digits"),
        ("{} {}", 1, 4, "unexpected text after the JSON value"),
        ("", 1, 1, "the text ends where a value should be"),
    ])
    func problems(text: String, line: Int, column: Int, message: String) {
        #expect(throws: JSONParser.Failure(line: line, column: column, message: message)) {
            try JSONParser.parse(text)
        }
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func nesting() throws {
        let limit = JSONParser.maximumDepth
        _ = try JSONParser.parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        let deep = String(repeating: "[", count: 1_000_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
        let error = #expect(throws: EpisodeReadError.self) {
            try EpisodeReader.read(bytes: Array(("{\"segments\": " + String(repeating: "{\"a\":", count: 100_000)).utf8), fallbackTitle: "x")
        }
        #expect(error?.message.contains("nested more than 512 deep") == true)
    }

    @Test("agrees with Foundation on a real transcript")
    func agreesWithFoundation() throws {
        let text = Fixture.source("words.json").text
        let ours = try JSONParser.parse(text)
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let segments = try #require(theirs?["segments"] as? [[String: Any]])
        let ourSegments = try #require(ours[member: "segments"]?.arrayValue)
        #expect(ourSegments.count == segments.count)
        for (mine, reference) in zip(ourSegments, segments) {
            #expect(mine[member: "body"]?.stringValue == reference["body"] as? String)
            #expect(JSONDocument.seconds(mine[member: "startTime"])?.milliseconds
                    == ((reference["startTime"] as? NSNumber)?.doubleValue).map { TimeCode(seconds: $0).milliseconds })
        }
    }
}
