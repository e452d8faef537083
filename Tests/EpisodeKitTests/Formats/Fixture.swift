import Foundation
@testable import EpisodeKit

/// Test files under `Fixtures/`, written for podread's edge cases.
enum Fixture {
    static func bytes(_ name: String) -> [UInt8] {
        let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
        return Array(try! Data(contentsOf: url))
    }

    static func source(_ name: String) -> SourceText {
        SourceText(bytes: bytes(name))
    }

    static func episode(_ name: String, options: ReadOptions = ReadOptions()) throws -> Episode {
        try EpisodeReader.read(bytes: bytes(name), fallbackTitle: name, options: options)
    }
}
