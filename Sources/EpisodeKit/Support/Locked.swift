import Foundation

/// A value shared by threads, behind a lock. A class, so every thread that
/// holds it holds the same one (work spread over threads shares its
/// counters and results through these).
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
