/// An open-addressing hash table from (UTF-8 bytes, one flag byte) to a dense Int32 index,
/// so that the per-token lookup neither allocates nor hashes through `String`.
struct ByteKeyMemo {
    private var slots: [Int32] = []
    private var mask: Int
    private var arena: [UInt8] = []
    private var keyStart: [Int32] = []
    private var keyLength: [Int32] = []
    private var keyFlags: [UInt8] = []
    private var hashes: [UInt64] = []

    init(capacity: Int = 1 << 14) {
        if capacity == 0 { mask = 0; return }
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        slots = [Int32](repeating: -1, count: c)
        mask = c - 1
    }

    /// A table with no slots (a placeholder that is never searched).
    static var unallocated: ByteKeyMemo {
        var m = ByteKeyMemo(capacity: 0)
        m.slots = []
        return m
    }

    var count: Int { keyStart.count }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ flags: UInt8) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(key.count) << 8 | UInt64(flags))
        var i = 0
        let n = key.count
        let raw = UnsafeRawPointer(key.baseAddress)
        while i + 8 <= n {
            let w = raw!.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n { w |= UInt64(key[i]) << shift; shift += 8; i += 1 }
            h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        h = h &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    /// The index stored for the key, or nil.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>, _ flags: UInt8, hash h: UInt64) -> Int32? {
        var s = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { slotBuf in
            arena.withUnsafeBufferPointer { arenaBuf in
                while true {
                    let e = slotBuf[s]
                    if e < 0 { return nil }
                    let k = Int(e)
                    if hashes[k] == h && keyFlags[k] == flags && Int(keyLength[k]) == key.count {
                        let st = Int(keyStart[k])
                        if key.count == 0 || memcmpBytes(arenaBuf.baseAddress! + st, key.baseAddress!, key.count) {
                            return e
                        }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    /// Inserts a new key (absent) and returns its index (= previous count).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ flags: UInt8, hash h: UInt64) -> Int32 {
        if (count + 1) * 2 > slots.count { grow() }
        let index = Int32(count)
        keyStart.append(Int32(arena.count))
        keyLength.append(Int32(key.count))
        keyFlags.append(flags)
        hashes.append(h)
        arena.append(contentsOf: key)
        place(index, h)
        return index
    }

    private mutating func place(_ index: Int32, _ h: UInt64) {
        var s = Int(truncatingIfNeeded: h) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = index
    }

    private mutating func grow() {
        let c = slots.count * 2
        slots = [Int32](repeating: -1, count: c)
        mask = c - 1
        for i in 0..<count { place(Int32(i), hashes[i]) }
    }
}

@inline(__always)
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n { if a[i] != b[i] { return false }; i += 1 }
    return true
}
