/// Keys for lookup and search: case folded, and optionally accent folded.
///
/// Lemma lookup keeps accents (été ≠ ete); accent-folded keys exist only for fallbacks and
/// search (the design notes' "Tokens" contract).
public enum CaseFolding {
    /// Lowercases (Unicode simple case folding) a UTF-8 slice. ASCII takes a fast path.
    public static func folded(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var asciiOnly = true
        for b in utf8 where b >= 0x80 { asciiOnly = false; break }
        if asciiOnly {
            return String(unsafeUninitializedCapacity: utf8.count) { out in
                for k in 0..<utf8.count {
                    let b = utf8[k]
                    out[k] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                }
                return utf8.count
            }
        }
        // Simple folding maps one scalar to one scalar; UTF-8 length grows at most 1.5×. Fold
        // into scratch space, then let String choose its small (inline) form when it fits.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count * 2) { out in
            var written = 0
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                if b < 0x80 {
                    out[written] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    written += 1
                    i += 1
                    continue
                }
                let d = decodeScalar(utf8, at: i)
                i += d.utf8Count
                let f = foldScalar(d.value)
                if f == d.value && !d.isRepair {
                    for k in (i - d.utf8Count)..<i { out[written] = utf8[k]; written += 1 }
                } else {
                    written += writeUTF8(f, into: out, at: written)
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<written]), as: UTF8.self)
        }
    }

    @inline(__always)
    static func writeUTF8(_ scalar: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at index: Int) -> Int {
        switch scalar {
        case 0..<0x80:
            out[index] = UInt8(scalar); return 1
        case 0x80..<0x800:
            out[index] = UInt8(0xC0 | (scalar >> 6)); out[index + 1] = UInt8(0x80 | (scalar & 0x3F)); return 2
        case 0x800..<0x10000:
            out[index] = UInt8(0xE0 | (scalar >> 12)); out[index + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[index + 2] = UInt8(0x80 | (scalar & 0x3F)); return 3
        default:
            out[index] = UInt8(0xF0 | (scalar >> 18)); out[index + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[index + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F)); out[index + 3] = UInt8(0x80 | (scalar & 0x3F)); return 4
        }
    }

    /// Lowercases a string (simple case folding).
    public static func folded(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { folded($0) }
    }

    /// Lowercase and strip accents: NFD, drop non-spacing marks, œ → oe, æ → ae, ’ → '.
    /// "Sécurité" → "securite", "Œuvre" → "oeuvre". The same key as the lemmatizer's
    /// accent-folded index (`LexicalKeys.fold`), so search and lookup agree.
    public static func accentFolded(_ text: String) -> String {
        LexicalKeys.fold(text)
    }

    @inline(__always)
    static func foldScalar(_ scalar: UInt32) -> UInt32 {
        // Latin-1 capitals À..Þ (except ×) fold by +0x20 without asking ICU.
        if scalar >= 0xC0 && scalar <= 0xDE && scalar != 0xD7 { return scalar + 0x20 }
        if scalar >= 0xDF && scalar <= 0xFF { return scalar }
        return ICU.simpleFold(scalar)
    }
}
