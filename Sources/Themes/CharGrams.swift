import TextAnalysis

/// The character 4-grams of an answer's words: the features of the theme model's second
/// regression (`c:` rows of the model file), which reads spellings the lexicon does not know
/// ("ascensceur", "chauffag") and word families ("nettoy" in nettoyer, nettoyage, nettoient).
///
/// Each folded word form is padded with a space on both sides and cut into windows of four
/// Unicode scalars (" ascenseur " gives " asc", "asce", … "eur "); a form shorter than that gives
/// itself, padded (" wc "). An answer's grams are counted once each. Tagging finds grams by a
/// 64-bit key computed on UTF-8 bytes (`key`), so it builds no strings.
public enum CharGrams {
    /// Scalars per gram.
    public static let scalarCount = 4
    /// The prefix of gram rows in the model file; the row named by the prefix alone is the bias.
    public static let prefix = "c:"

    /// Calls `body` with the UTF-8 bytes of every gram of `words`, repeats included.
    @inline(__always)
    public static func forEachGram(of words: [MatchToken], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for word in words {
            let utf8 = word.form.utf8
            let count = utf8.count + 2
            // Stack buffers: the padded form, and where each of its scalars starts.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { padded in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { starts in
                    padded[0] = 0x20
                    _ = UnsafeMutableBufferPointer(rebasing: padded[1...]).initialize(from: utf8)
                    padded[count - 1] = 0x20
                    var scalars = 0
                    for i in 0..<count where padded[i] & 0xC0 != 0x80 {
                        starts[scalars] = i
                        scalars += 1
                    }
                    let bytes = UnsafeBufferPointer(padded)
                    guard scalars > scalarCount else {
                        body(bytes)
                        return
                    }
                    for i in 0...(scalars - scalarCount) {
                        let end = i + scalarCount < scalars ? starts[i + scalarCount] : count
                        body(UnsafeBufferPointer(rebasing: bytes[starts[i]..<end]))
                    }
                }
            }
        }
    }

    /// The grams of `words` as model feature names (`c:` and the gram), without repeats.
    public static func names(of words: [MatchToken]) -> Set<String> {
        var out = Set<String>()
        forEachGram(of: words) { out.insert(prefix + String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Calls `body` with the key (`key`) of every gram of `words`, repeats included: the
    /// same keys as `forEachGram`'s bytes give, with all-ASCII words read in one pass.
    @inline(__always)
    public static func forEachGramKey(of words: [MatchToken], _ body: (UInt64) -> Void) {
        for word in words {
            let done: Void? = word.form.utf8.withContiguousStorageIfAvailable { utf8 in
                var ascii: UInt8 = 0
                for byte in utf8 { ascii |= byte }
                guard ascii < 0x80 else {
                    forEachGram(of: [word]) { body(key($0)) }
                    return
                }
                // One byte per scalar: a window of 4 bytes rolls over " form ".
                var window: UInt64 = 0x20
                var seen = 1
                for byte in utf8 {
                    window = window << 8 | UInt64(byte)
                    seen += 1
                    if seen >= scalarCount { body(window & 0xFFFF_FFFF) }
                }
                window = window << 8 | 0x20
                seen += 1
                body(seen >= scalarCount ? window & 0xFFFF_FFFF : window)
            }
            if done == nil { forEachGram(of: [word]) { body(key($0)) } }
        }
    }

    /// A gram's key: up to 8 bytes packed into one number, first byte highest (text holds no NUL
    /// byte, so two such grams never share a key); longer grams, their 64-bit FNV-1a hash.
    @inline(__always)
    public static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count <= 8 { return bytes.reduce(0) { $0 << 8 | UInt64($1) } }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The key of a gram given as a string.
    public static func key(_ gram: Substring.UTF8View) -> UInt64 {
        Array(gram).withUnsafeBufferPointer(key)
    }
}
