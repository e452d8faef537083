// libFuzzer entry points for podread's parsers. Built outside the package
// by `.ci/fuzz`, together with the EpisodeKit sources, as one program; the
// target is chosen with PODREAD_FUZZ_TARGET. Every input must end in a
// value or an error — never a crash, a hang or a runaway allocation.
import Foundation

enum FuzzTarget: String, CaseIterable {
    case pageText = "page-text", webVTT = "webvtt", srt, podcastJSON = "podcast-json", html, text
    case chapters, rss, detector, time, query

    func run(_ bytes: [UInt8]) {
        switch self {
        case .pageText: _ = try? PageTextReader.read(SourceText(bytes: bytes))
        case .webVTT:
            let general = try? WebVTTReader.read(SourceText(bytes: bytes), title: "fuzz", strict: false)
            // The packed reader answers only with what the general one finds, read whole or in halves.
            for halvesFrom in [Int.max, 0] {
                guard let packed = PackedWebVTTReader.read(bytes, title: "fuzz", halvesFrom: halvesFrom) else { continue }
                guard let general, general.warnings.isEmpty, Array(packed.segments) == Array(general.segments) else {
                    fatalError("the packed WebVTT reader differs from the general one")
                }
            }
        case .srt: _ = try? SRTReader.read(SourceText(bytes: bytes), title: "fuzz", strict: false)
        case .podcastJSON: _ = try? PodcastJSONReader.read(SourceText(bytes: bytes), title: "fuzz", strict: false)
        case .html: _ = try? HTMLTranscriptReader.read(SourceText(bytes: bytes), title: "fuzz")
        case .text: _ = try? PlainTextReader.read(SourceText(bytes: bytes), title: "fuzz")
        case .chapters: _ = try? ChaptersReader.read(SourceText(bytes: bytes))
        case .rss: _ = try? FeedReader.read(SourceText(bytes: bytes))
        case .detector:
            // Detection, then whichever reader it picks, then an index and a search.
            if let episode = try? EpisodeReader.read(bytes: bytes, fallbackTitle: "fuzz") {
                let index = SearchIndex(episodes: [episode])
                _ = index.search("korea").hits(limit: 5)
            }
        case .time:
            _ = try? TimeInput.parse(String(decoding: bytes, as: UTF8.self)).resolved(from: TimeCode(milliseconds: 751_000))
        case .query:
            let query = SearchQuery(String(decoding: bytes, as: UTF8.self))
            _ = FuzzTarget.sampleIndex.search(query).hits(limit: 10)
        }
    }

    static let sampleIndex: SearchIndex = {
        let segments = (0..<20).map { Segment(index: $0, start: TimeCode(milliseconds: $0 * 3000),
                                              text: "North Korea's cyber army of seven thousand, twenty-twenty four, Kim Jong-un \($0)") }
        return SearchIndex(episodes: [Episode(title: "Fuzz", segments: segments, format: .text).resolvingEnds()])
    }()
}

let selectedTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["PODREAD_FUZZ_TARGET"] ?? "detector"
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("PODREAD_FUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
