import Testing
@testable import EpisodeKit

@Suite("Index memory")
struct ZeroedPagesTests {
    @Test("large blocks start on a huge page's boundary and come zeroed; small ones are zeroed too")
    func blocks() {
        for size in [1, 100, ZeroedPages.hugePage - 1, ZeroedPages.hugePage, 3 * ZeroedPages.hugePage + 12_345] {
            let block = ZeroedPages.allocate(size)!
            if size >= ZeroedPages.hugePage { #expect(Int(bitPattern: block) % ZeroedPages.hugePage == 0) }
            let bytes = UnsafeMutableRawBufferPointer(start: block, count: size)
            #expect(bytes.allSatisfy { $0 == 0 })
            bytes.storeBytes(of: 0xFF, toByteOffset: size - 1, as: UInt8.self)
            ZeroedPages.deallocate(block, bytes: size)
        }
    }

    @Test("growing keeps what was written and zeroes the rest, in place within the reserve and copied beyond it")
    func growing() {
        let size = 3 * ZeroedPages.hugePage + 8
        let memory = IndexMemory(allocating: size, reserving: 5 * ZeroedPages.hugePage)
        let start = memory.base.baseAddress
        let written = UnsafeMutableRawBufferPointer(mutating: memory.base)
        for index in stride(from: 0, to: size, by: 4_093) { written[index] = UInt8(truncatingIfNeeded: index | 1) }
        written[size - 1] = 7
        func keeps(_ memory: IndexMemory) -> Bool {
            stride(from: 0, to: size - 1, by: 4_093).allSatisfy { memory.base[$0] == UInt8(truncatingIfNeeded: $0 | 1) }
                && memory.base[size - 1] == 7
        }
        memory.grow(to: 4 * ZeroedPages.hugePage)
        #expect(memory.base.baseAddress == start)
        #expect(memory.base.count == 4 * ZeroedPages.hugePage)
        #expect(keeps(memory))
        #expect(memory.base[size...].allSatisfy { $0 == 0 })
        memory.grow(to: 7 * ZeroedPages.hugePage + 3)
        #expect(memory.base.count == 7 * ZeroedPages.hugePage + 3)
        #expect(keeps(memory))
        #expect(memory.base[size...].allSatisfy { $0 == 0 })
    }
}
