#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Large blocks of zeroed memory for the index builder's tables, mapped
/// straight from the system and, from 2 MB on, asked to come as huge pages.
///
/// Why: the builder writes a posting table of tens of megabytes in an order
/// spread over all of it. On 4 KB pages every write lands on a page the
/// processor's address cache does not hold, and the first write to each
/// page stops for a fault; on 2 MB pages both nearly vanish (the kernel
/// zeroes each huge page once, as it would the small ones). Fresh mappings
/// are zero already, so nothing is written twice.
enum ZeroedPages {
    static let hugePage = 2 << 20

    /// `bytes` zeroed bytes, 2 MB aligned when that large; nil when the
    /// system has no memory to give.
    static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let size = max(bytes, 1)
        guard size >= hugePage else { return calloc(size, 1) }
        // Over-map by one huge page and trim, so the block starts on a
        // huge page's boundary (the kernel only backs aligned 2 MB runs).
        let mapped = mappedSize(size) + hugePage
        guard let raw = mmap(nil, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              raw != MAP_FAILED else { return nil }
        let address = UInt(bitPattern: raw)
        let aligned = (address + UInt(hugePage - 1)) & ~UInt(hugePage - 1)
        let before = Int(aligned - address)
        if before > 0 { munmap(raw, before) }
        let after = mapped - before - mappedSize(size)
        let start = UnsafeMutableRawPointer(bitPattern: aligned)!
        if after > 0 { munmap(start + mappedSize(size), after) }
        #if os(Linux)
        _ = madvise(start, mappedSize(size), MADV_HUGEPAGE)
        #endif
        return start
    }

    /// Gives back a block from `allocate` of `bytes` bytes.
    static func deallocate(_ block: UnsafeMutableRawPointer, bytes: Int) {
        let size = max(bytes, 1)
        if size >= hugePage {
            munmap(block, mappedSize(size))
        } else {
            free(block)
        }
    }

    private static func mappedSize(_ bytes: Int) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        return (bytes + page - 1) / page * page
    }
}
