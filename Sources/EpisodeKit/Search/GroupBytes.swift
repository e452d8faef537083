/// The group's folded bytes: a buffer the scanner grows and its scratch
/// frees, so handing out a word from it retains and checks nothing. Always
/// `slack` bytes longer than what is written, for the loads of `token`.
struct GroupBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
        base.initialize(repeating: 0, count: capacity)
    }

    /// Room for `count` bytes, keeping those written.
    @inline(__always)
    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        var larger = capacity
        while larger < count { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(repeating: 0, count: larger)
        moved.update(from: base, count: capacity)
        base.deallocate()
        base = moved
        capacity = larger
    }

    func free() { base.deallocate() }
}
