import Testing
@testable import EpisodeKit

@Suite("Time grammar")
struct TimeInputTests {
    @Test("absolute forms", arguments: [
        ("751", 751_000), ("751s", 751_000), ("751.5", 751_500), ("12:31", 751_000),
        ("00:12:31", 751_000), ("0:12:31.5", 751_500), ("12m31s", 751_000),
        ("1h2m3s", 3_723_000), ("1h", 3_600_000), ("90m", 5_400_000), ("90:00", 5_400_000),
        ("  12:31  ", 751_000), ("1H2M", 3_720_000), ("0", 0), ("2m0.25s", 120_250),
    ])
    func absolute(text: String, milliseconds: Int) throws {
        #expect(try TimeInput.parse(text) == .absolute(TimeCode(milliseconds: milliseconds)))
    }

    @Test("relative forms", arguments: [
        ("+30s", 30_000), ("-1m", -60_000), ("+1:00", 60_000), ("-90", -90_000), ("+1h2m", 3_720_000),
    ])
    func relative(text: String, milliseconds: Int) throws {
        #expect(try TimeInput.parse(text) == .relative(milliseconds: milliseconds))
    }

    @Test("relative steps resolve from the position and stop at zero")
    func resolving() throws {
        let position = TimeCode(milliseconds: 751_000)
        #expect(try TimeInput.parse("+30s").resolved(from: position).formatted == "00:13:01")
        #expect(try TimeInput.parse("-1m").resolved(from: position).formatted == "00:11:31")
        #expect(try TimeInput.parse("-1h").resolved(from: position) == .zero)
        #expect(try TimeInput.parse("5:00").resolved(from: position).formatted == "00:05:00")
    }

    @Test("invalid input is refused with a message quoting it", arguments: [
        "12:61", "abc", "-", "+", "1:2:3:4", "99999999h", "", "   ", "1:60:00", "12:3x",
        "1m1h", "1h1h", "12..5", "1.", ":30", "12:", "5x", "h", "1e5", "１２", "99999999999999999999",
    ])
    func invalid(text: String) {
        #expect {
            try TimeInput.parse(text)
        } throws: { error in
            guard let error = error as? TimeInputError else { return false }
            return error.description.contains("\"\(text)\"") && error.description.contains("12:31")
        }
    }

    @Test("formatting")
    func formatting() {
        #expect(TimeCode(milliseconds: 751_000).formatted == "00:12:31")
        #expect(TimeCode(milliseconds: 37_230_500).formatted == "10:20:30")
        #expect(TimeCode(milliseconds: 751_005).formattedWithMilliseconds() == "00:12:31.005")
        #expect(TimeCode(milliseconds: 751_250).formattedWithMilliseconds(separator: ",") == "00:12:31,250")
        #expect(TimeCode(milliseconds: 751_250).secondsText == "751.25")
        #expect(TimeCode(milliseconds: 751_000).secondsText == "751")
        #expect(TimeCode(milliseconds: -5) == .zero)
    }
}
