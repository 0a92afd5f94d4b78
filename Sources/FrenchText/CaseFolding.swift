/// Keys for lookup and search: case folded, and optionally accent folded.
///
/// Lemma lookup keeps accents (été ≠ ete); accent-folded keys exist only for fallbacks and
/// search (see docs/architecture: "Tokens").
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

    /// Lowercase and strip accents: NFD, drop non-spacing marks, œ → oe, æ → ae, ß → ss.
    /// "Sécurité" → "securite", "Œuvre" → "oeuvre".
    public static func accentFolded(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { accentFolded($0) }
    }

    /// Accent-folded key of a UTF-8 slice.
    public static func accentFolded(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        var scratch: [UInt16] = []
        while i < utf8.count {
            let d = decodeScalar(utf8, at: i)
            i += d.utf8Count
            if d.value < 0x80 {
                let b = UInt8(d.value)
                out.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                continue
            }
            let folded = foldScalar(d.value)
            switch folded {
            case 0x0153: out.append(0x6F); out.append(0x65); continue // œ
            case 0x00E6: out.append(0x61); out.append(0x65); continue // æ
            case 0x00DF: out.append(0x73); out.append(0x73); continue // ß
            default: break
            }
            scratch.removeAll(keepingCapacity: true)
            appendUTF16(folded, to: &scratch)
            var decomposed: [UInt8] = []
            ICU.normalize(scratch, with: ICU.nfd, appendingTo: &decomposed)
            decomposed.withUnsafeBufferPointer { buffer in
                var k = 0
                while k < buffer.count {
                    let s = decodeScalar(buffer, at: k)
                    if !ICU.isNonSpacingMark(s.value) { appendUTF8(s.value, to: &out) }
                    k += s.utf8Count
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    static func foldScalar(_ scalar: UInt32) -> UInt32 {
        // Latin-1 capitals À..Þ (except ×) fold by +0x20 without asking ICU.
        if scalar >= 0xC0 && scalar <= 0xDE && scalar != 0xD7 { return scalar + 0x20 }
        if scalar >= 0xDF && scalar <= 0xFF { return scalar }
        return ICU.simpleFold(scalar)
    }
}
