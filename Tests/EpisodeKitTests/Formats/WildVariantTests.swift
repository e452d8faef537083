import Testing
@testable import EpisodeKit

/// Transcript shapes real publishers and tools produce, each from a fixture
/// written after them: exact counts, speakers, first and last words.
@Suite("Transcript variants seen in the wild")
struct WildVariantTests {
    @Test("[Speaker 1] [00:17] text, with minutes running past 59")
    func bracketSpeakers() throws {
        let episode = try Fixture.episode("variants/bracket-speakers.txt")
        #expect(episode.format == .text)
        #expect(episode.segments.count == 5)
        #expect(episode.segments.map(\.speaker) == ["Speaker 1", "Speaker 2", "Speaker 1", "Speaker 2", "Speaker 1"])
        #expect(episode.segments.map(\.start.formatted) == ["00:00:17", "00:00:21", "00:59:58", "01:01:02", "01:23:05"])
        #expect(episode.segments.first?.text == "Welcome back to the show, everyone.")
        #expect(episode.segments.last?.text == "That is all for today.")
    }

    @Test("a time glued to a bold label, and a label naming several speakers")
    func gluedBold() throws {
        let episode = try Fixture.episode("variants/glued-bold.md")
        #expect(episode.segments.count == 4)
        #expect(episode.segments.map(\.speaker) == ["Sam Ortiz", "Dana Wu", "Dana Wu & Sam Ortiz & Lee Park", "Lee Park"])
        #expect(episode.segments[1].start == TimeCode(milliseconds: 2_728_500))
        #expect(episode.segments[1].text == "Yeah.")
        #expect(episode.segments[2].text == "(laughing)")
        #expect(episode.segments.last?.text == "Right, so the river rose again.")
    }

    @Test("generic labels are labels: SPEAKER_01, Speaker 10, <v Speaker 5>")
    func genericLabels() throws {
        let text = try Fixture.episode("variants/generic-labels.txt")
        #expect(text.segments.map(\.speaker) == ["SPEAKER_01", "Speaker 10", "SPEAKER_01"])
        #expect(text.segments.map(\.text) == ["Good morning.", "Morning to you.", "Shall we start?"])
        let voices = try Fixture.episode("variants/generic-voices.vtt")
        #expect(voices.segments.map(\.speaker) == ["Speaker 5", nil, "Speaker 5"])
        #expect(voices.segments[1].text == "A line with no voice at all.")
    }

    @Test("rolling captions, with and without word times, become each line once at its first word's time")
    func rolling() throws {
        for name in ["variants/rolling.vtt", "variants/rolling-plain.vtt"] {
            let episode = try Fixture.episode(name)
            #expect(episode.segments.map(\.text) == ["so today we talk", "about rivers and lakes", "and the people who fish", "in them"], "\(name)")
            #expect(episode.warnings.contains { $0.message.hasPrefix("rolling captions") }, "\(name)")
        }
        let timed = try Fixture.episode("variants/rolling.vtt")
        #expect(timed.segments.map(\.start.formatted) == ["00:00:00", "00:00:02", "00:00:05", "00:00:08"])
        #expect(timed.segments[1].start == TimeCode(milliseconds: 2_360))
    }

    @Test("captions that roll for most of the file are de-duplicated even after a few ordinary cues; a short rolling run in ordinary captions is not")
    func rollingAfterOrdinary() throws {
        func file(ordinary: Int, rolling: Int) -> String {
            var text = "WEBVTT\n\n"
            var second = 0
            func cue(_ lines: [String]) {
                text += String(format: "00:00:%02d.000 --> 00:00:%02d.900\n", second, second) + lines.joined(separator: "\n") + "\n\n"
                second += 1
            }
            for number in 0..<ordinary { cue(["an ordinary line number \(number)"]) }
            var previous = "it starts to roll"
            cue([previous])
            for number in 0..<rolling {
                let next = "then line \(number) follows"
                cue([previous, next])
                previous = next
            }
            return text
        }
        let mostlyRolling = try EpisodeReader.read(bytes: Array(file(ordinary: 3, rolling: 20).utf8), fallbackTitle: "x")
        #expect(mostlyRolling.warnings.contains { $0.message.hasPrefix("rolling captions") })
        #expect(mostlyRolling.segments.count == 3 + 1 + 20)
        let mostlyOrdinary = try EpisodeReader.read(bytes: Array(file(ordinary: 30, rolling: 5).utf8), fallbackTitle: "x")
        #expect(!mostlyOrdinary.warnings.contains { $0.message.hasPrefix("rolling") })
    }

    @Test("speaker labels: the plain ASCII path answers as the general one")
    func speakerLabels() {
        let labels = ["Dana Wu", "dana Wu", "Speaker 10", "SPEAKER_01", "Speaker 1000", "Dana Wu Lee Park and Sam", "Dana Wu and Sam Ortiz", "dana and Sam", "Dana and sam",
                      "A B C D E", "O'Brien", "Jean-Luc", "Dr. Who", "Q&A", "Dana  Wu", "", " ", "Dana Wu ", "X1", "Speaker", "1 Dana",
                      "Dana & Sam", "Dana, Sam", "Dana/Sam", "Ms Wu 7", "Ms Wu 77 8", "The Host Of This Show", "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJKLMNOP"]
        for label in labels {
            #expect(SpeakerLabel.isName(label) == SpeakerLabel.isNameInGeneral(label), "\(label)")
        }
    }

    @Test("ASCII punctuation as Unicode counts it: every printable ASCII character agrees with Character.isPunctuation")
    func asciiPunctuation() {
        for byte in UInt8(32)...UInt8(126) {
            let text = String(UnicodeScalar(byte))
            #expect(WordJoiner.isPunctuation(text) == Character(text).isPunctuation, "\(text)")
        }
    }

    @Test("ordinary cues that merely share words are left alone")
    func sharedWords() throws {
        let episode = try Fixture.episode("variants/shared-words.vtt")
        #expect(episode.segments.count == 4)
        #expect(episode.segments[1].text == "the river rose again and again")
        #expect(!episode.warnings.contains { $0.message.hasPrefix("rolling") })
    }

    @Test("times in a form podread does not read are named, not denied")
    func honestRefusal() {
        #expect(throws: EpisodeReadError.self) { try EpisodeReader.read(bytes: Array("We met at 10:30 sharp and left.\nIt rained.\n".utf8), fallbackTitle: "x") }
        do {
            _ = try EpisodeReader.read(bytes: Array("We met at 10:30 sharp and left.\nIt rained.\n".utf8), fallbackTitle: "x")
        } catch {
            #expect(error.message.contains("has a time"))
            #expect(error.line == 1)
        }
    }
}
