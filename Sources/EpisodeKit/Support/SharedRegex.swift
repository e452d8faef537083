import Foundation

/// A regex built once and used from any thread. Swift's `Regex` compiles
/// itself lazily on first use and is not safe to use from two threads at
/// once (feeds and a library are read by several), so each use holds a lock;
/// the matching itself is short next to the reading around it.
final class SharedRegex<Output>: @unchecked Sendable {
    private let lock = NSLock()
    private let regex: Regex<Output>

    init(_ regex: Regex<Output>) {
        self.regex = regex
    }

    /// Runs `body` with the regex, holding it alone.
    func use<Result>(_ body: (Regex<Output>) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(regex)
    }
}
