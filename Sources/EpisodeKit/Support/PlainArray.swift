/// A growable list of plain values for the index builder's innermost loops:
/// an append checks only for room. An array's append also asks the runtime
/// whether its storage is shared, which, once per posting of a build, was
/// a measurable share of it.
///
/// A copy shares the storage: one owner writes it and hands it on (hence
/// Sendable) only once it is done writing.
struct PlainArray<Element>: @unchecked Sendable, RandomAccessCollection {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private var owner: Owner

    init(capacity: Int = 64) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
        owner = Owner(base)
    }

    /// `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < count)
            return base[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Forgets every element, keeping the room.
    mutating func removeAll() { count = 0 }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base = larger
        capacity *= 2
        owner = Owner(larger)
    }

    private final class Owner {
        let base: UnsafeMutablePointer<Element>
        init(_ base: UnsafeMutablePointer<Element>) { self.base = base }
        deinit { base.deallocate() }
    }
}
