import Foundation
import GRDB

/// What the search index needs to know of each episode of the library,
/// in one query and without reading any file: which revision of it is
/// current, and how to name it in results.
public struct IndexedEpisodeInfo: Sendable, Equatable {
    public var id: Int64
    public var revision: Int64
    public var podcastID: Int64
    public var podcast: String
    /// Its place among the podcast's episodes, newest first, from 1 (as `--episode` takes it).
    public var number: Int
    public var title: String
    public var date: String?
}

extension Library {
    /// Every episode, in the order searches list them: podcasts as added,
    /// each podcast's episodes newest first.
    public func indexDirectory() throws -> [IndexedEpisodeInfo] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.id, e.revision, e.podcastID, p.title,
                       ROW_NUMBER() OVER (PARTITION BY e.podcastID ORDER BY e.date DESC, e.id ASC), e.title, e.date
                FROM episode e JOIN podcast p ON p.id = e.podcastID
                ORDER BY p.id, e.date DESC, e.id ASC
                """).map { row in
                IndexedEpisodeInfo(id: row[0], revision: row[1], podcastID: row[2], podcast: row[3], number: row[4], title: row[5], date: row[6])
            }
        }
    }

    /// Which library this is (kept in the database; a library started over gets a new one).
    public func identity() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = 'libraryID'") } ?? ""
    }
}
