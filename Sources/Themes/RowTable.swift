/// Rows by a 64-bit key (a gram's `CharGrams.key`, a pair of word numbers): open addressing
/// with linear probing, for tagging's lookups without hashing through `Hasher`.
struct RowTable: Sendable {
    private var keys: [UInt64]
    private var rows: [Int32]
    private let mask: Int, shift: UInt64
    /// Entries.
    let count: Int

    /// A table of rows by key; key 0 is stored as 1 (0 marks an empty slot).
    init(_ entries: [UInt64: Int32]) {
        var capacity = 16, bits: UInt64 = 4
        while capacity < entries.count * 2 { capacity *= 2; bits += 1 }
        keys = Array(repeating: 0, count: capacity)
        rows = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        shift = 64 - bits
        count = entries.count
        for (hash, row) in entries.sorted(by: { $0.key < $1.key }) {
            let key = hash == 0 ? 1 : hash
            var slot = self.slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = row
        }
    }

    /// Fibonacci hashing: the key's bits mixed into a slot.
    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The row of the gram with this key, or nil.
    @inline(__always)
    func row(_ hash: UInt64) -> Int32? {
        let key = hash == 0 ? 1 : hash
        var slot = self.slot(key)
        while true {
            let k = keys[slot]
            if k == key { return rows[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
