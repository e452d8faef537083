import EpisodeIO
import EpisodeKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The library's search index on disk, beside the database
/// (`$XDG_DATA_HOME/podread/index/`): a few segment files, each a saved
/// `SearchIndex` of some episodes with their texts, mapped when searched.
///
/// Segments are never changed, only added and deleted. Which copy of an
/// episode counts is worked out from the database at every use: the
/// newest segment holding the episode at its current revision. So a
/// refresh indexes only new and changed episodes (into a new segment), a
/// removed podcast's episodes stop counting at once, and a crash while
/// indexing loses nothing but the work in progress (a segment appears
/// whole, by rename, or not at all). Segments full of stale episodes, or
/// too many of them, are merged from their stored texts without reading a
/// transcript again.
public final class SearchStore: @unchecked Sendable {
    public let folder: URL
    let library: Library
    /// More segments than this are merged into one.
    static let segmentLimit = 6
    /// A segment whose stale units exceed this share is merged away.
    static let staleShare = 0.2

    public init(library: Library) {
        self.library = library
        folder = library.databaseFile.deletingLastPathComponent().appendingPathComponent("index", isDirectory: true)
    }

    /// What `update` did, for a progress line or a note.
    public struct Work: Sendable, Equatable {
        /// Episodes indexed from their files.
        public var indexed = 0
        /// Episodes carried into a merged segment from stored texts.
        public var merged = 0
        /// Segment files that could not be read and were deleted.
        public var damaged = 0
        /// Segments of another podread's index format, made again.
        public var outdated = 0
        /// Whether there was no index to start from.
        public var fromNothing = false
    }

    /// Brings the index up to date with the library and returns what to
    /// search. `progress` hears (episodes indexed, episodes to index).
    /// `purge` merges away every stale entry (after a podcast is removed).
    public func update(purge: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> LibrarySnapshot {
        let directory = try library.indexDirectory()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var work = Work()
        var state = try readState(directory: directory, work: &work)
        if state.isCurrent(purge: purge) { return state.snapshot(directory: directory, work: work) }

        // Another podread may be at the same work: one at a time, and what
        // it finished is not done twice.
        let lock = try FolderLock(folder.appendingPathComponent("lock").path)
        defer { lock.release() }
        state = try readState(directory: directory, work: &work)
        if state.isCurrent(purge: purge) { return state.snapshot(directory: directory, work: work) }
        removeLeftovers()

        let merging = state.segmentsToMerge(purge: purge)
        let carried = merging.flatMap { number in state.live[number].map { (segment: number, episode: $0) } }
        let missing = state.missing
        let total = missing.count
        let done = Locked(0)
        let library = self.library
        let segments = state.segments
        let loaded = missing.map { directory[$0] }
        let source = IndexSource(count: carried.count + missing.count, items: { number in
            if number < carried.count {
                return segments[carried[number].segment].index.items(ofEpisode: carried[number].episode)
            }
            let info = loaded[number - carried.count]
            guard let (row, podcast) = (try? library.episode(id: info.id)) ?? nil else { return [] }
            let items = library.episode(row, of: podcast).searchableItems
            let count = done.withLock { value in
                value += 1
                return value
            }
            progress?(count, total)
            return items
        }, key: { number in
            if number < carried.count {
                return segments[carried[number].segment].index.key(ofEpisode: carried[number].episode)
            }
            let info = loaded[number - carried.count]
            return (info.id, info.revision)
        })
        let built = SearchIndex(source: source)
        let number = (state.segments.map(\.number).max() ?? 0) + 1
        try IndexFile.save(built, to: segmentPath(number))
        for position in merging { try? FileManager.default.removeItem(atPath: segmentPath(state.segments[position].number)) }
        work.indexed = missing.count
        work.merged = carried.count
        state = try readState(directory: directory, work: &work)
        return state.snapshot(directory: directory, work: work)
    }

    /// Deletes the whole index (it is built again on next use).
    public func erase() {
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: - Reading the folder

    struct Segment {
        var number: Int
        var index: SearchIndex
    }

    /// The segments on disk and, from the database, which of their episodes count.
    struct State {
        var segments: [Segment]
        /// Per segment: its index episodes that count.
        var live: [[Int]]
        /// Per segment: units of episodes that no longer count.
        var staleUnits: [Int]
        /// Places in the directory of episodes no segment holds at their revision.
        var missing: [Int]
        var placeOf: [Int64: Int]

        func isCurrent(purge: Bool) -> Bool {
            missing.isEmpty && segmentsToMerge(purge: purge).isEmpty
        }

        /// The segments to merge into the next one: too many, or too stale.
        func segmentsToMerge(purge: Bool) -> [Int] {
            if segments.count + (missing.isEmpty ? 0 : 1) > SearchStore.segmentLimit { return Array(segments.indices) }
            return segments.indices.filter { position in
                let units = segments[position].index.unitCount
                let stale = staleUnits[position]
                if live[position].isEmpty { return true }
                return stale > 0 && (purge || Double(stale) > Double(units) * SearchStore.staleShare)
            }
        }

        func snapshot(directory: [IndexedEpisodeInfo], work: SearchStore.Work) -> LibrarySnapshot {
            LibrarySnapshot(directory: directory, parts: segments.indices.compactMap { position in
                guard !live[position].isEmpty else { return nil }
                let index = segments[position].index
                let places = live[position].map { (episode: $0, place: placeOf[index.key(ofEpisode: $0).key] ?? -1) }
                return LibrarySnapshot.Part(index: index, places: places)
            }, work: work)
        }
    }

    private func readState(directory: [IndexedEpisodeInfo], work: inout Work) throws -> State {
        try checkLibraryIdentity()
        var segments: [Segment] = []
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let numbers = names.compactMap(Self.segmentNumber).sorted()
        if numbers.isEmpty { work.fromNothing = true }
        for number in numbers {
            if let index = IndexFile.open(segmentPath(number)) {
                segments.append(Segment(number: number, index: index))
            } else {
                // Of an older podread, cut short or not an index at all: its episodes are indexed again.
                if IndexFile.isOtherVersion(segmentPath(number)) { work.outdated += 1 } else { work.damaged += 1 }
                try? FileManager.default.removeItem(atPath: segmentPath(number))
            }
        }
        var placeOf: [Int64: Int] = [:]
        for (place, info) in directory.enumerated() { placeOf[info.id] = place }
        var claimed = Set<Int64>()
        var live = [[Int]](repeating: [], count: segments.count)
        var stale = [Int](repeating: 0, count: segments.count)
        // The newest segment's copy of an episode counts.
        for position in segments.indices.reversed() {
            let index = segments[position].index
            for episode in 0..<index.episodeCount {
                let (key, revision) = index.key(ofEpisode: episode)
                if let place = placeOf[key], directory[place].revision == revision, claimed.insert(key).inserted {
                    live[position].append(episode)
                } else {
                    stale[position] += index.unitCount(ofEpisode: episode)
                }
            }
            live[position].sort()
        }
        let missing = directory.indices.filter { !claimed.contains(directory[$0].id) }
        return State(segments: segments, live: live, staleUnits: stale, missing: missing, placeOf: placeOf)
    }

    /// An index made for another library (one reset since) is deleted.
    private func checkLibraryIdentity() throws {
        let identity = try library.identity()
        let file = folder.appendingPathComponent("library-id")
        let recorded = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard recorded != identity else { return }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where Self.segmentNumber(name) != nil {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        try Data((identity + "\n").utf8).write(to: file, options: .atomic)
    }

    /// Temporary files of a save that never finished (its podread was killed).
    private func removeLeftovers() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let range = name.range(of: ".partial-"), let pid = Int32(name[range.upperBound...]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
    }

    func segmentPath(_ number: Int) -> String {
        folder.appendingPathComponent(String(format: "segment-%06d.index", number)).path
    }

    static func segmentNumber(_ name: String) -> Int? {
        guard name.hasPrefix("segment-"), name.hasSuffix(".index") else { return nil }
        return Int(name.dropFirst(8).dropLast(6))
    }
}

/// An exclusive lock on a file, held until released (or the process ends).
struct FolderLock {
    private let descriptor: Int32

    init(_ path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LibraryError("\(path): \(String(cString: strerror(errno)))") }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
