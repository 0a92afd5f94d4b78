/// Keys of the lemmatizer tables (lexicons/fr/ALGORITHM.md §2), on UTF-8 with an ASCII fast path.
///
/// - `key`: NFC, `’`/`ʼ` → `'`, lowercase — how every form in the tables is written.
/// - `fold`: lowercase, `œ`→`oe`, `æ`→`ae`, apostrophes, accents dropped (NFD minus Mn, NFC).
/// - `stripAccents`: accents and ligatures removed, case kept (to simulate unaccented typing).
public enum LexicalKeys {
    /// NFC of `text` (ASCII returns itself).
    public static func nfc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var units: [UInt16] = Array(text.utf16)
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 3)
        ICU.normalize(units, with: ICU.nfc, appendingTo: &out)
        units.removeAll()
        return String(decoding: out, as: UTF8.self)
    }

    /// The lookup key of a surface form: NFC, typographic apostrophes → `'`, lowercase.
    public static func key(_ form: String) -> String {
        var s = nfc(form)
        if s.utf8.contains(0xCA) || s.utf8.contains(0xE2) {
            // U+2019 ’ (E2 80 99) and U+02BC ʼ (CA BC)
            var scalars = String.UnicodeScalarView()
            for u in s.unicodeScalars {
                scalars.append(u.value == 0x2019 || u.value == 0x2BC ? "'" : u)
            }
            s = String(scalars)
        }
        return CaseFolding.folded(s)
    }

    /// The accent-folded key (§2.2): `fold("Problème") == "probleme"`, `fold("œuvre") == "oeuvre"`.
    public static func fold(_ text: String) -> String {
        strip(text, lowercase: true)
    }

    /// Removes accents and the œ/æ ligatures, keeping case: "Été" → "Ete", "Œuvre" → "Oeuvre".
    public static func stripAccents(_ text: String) -> String {
        strip(text, lowercase: false)
    }

    /// True when the text has a letter outside ASCII (§2.3 `hasAccent`).
    public static func hasAccent(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < utf8.count {
            if utf8[i] < 0x80 { i += 1; continue }
            let d = decodeScalar(utf8, at: i)
            i += d.utf8Count
            if ScalarProperties.category(d.value) == .letter { return true }
        }
        return false
    }

    static func strip(_ text: String, lowercase: Bool) -> String {
        var utf8 = Array(text.utf8)
        if !utf8.contains(where: { $0 >= 0x80 }) {
            return lowercase ? CaseFolding.folded(text) : text
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        utf8.withUnsafeBufferPointer { src in
            var i = 0
            var scratch: [UInt16] = []
            var decomposed: [UInt8] = []
            while i < src.count {
                let d = decodeScalar(src, at: i)
                i += d.utf8Count
                var v = d.value
                if lowercase {
                    if v < 0x80 {
                        out.append(v >= 0x41 && v <= 0x5A ? UInt8(v) | 0x20 : UInt8(v)); continue
                    }
                    v = CaseFolding.foldScalar(v)
                    if v == 0x2019 || v == 0x2BC { out.append(0x27); continue }
                }
                if v < 0x80 { out.append(UInt8(v)); continue }
                switch v {
                case 0x0153: out.append(0x6F); out.append(0x65); continue // œ
                case 0x0152: out.append(0x4F); out.append(0x65); continue // Œ
                case 0x00E6: out.append(0x61); out.append(0x65); continue // æ
                case 0x00C6: out.append(0x41); out.append(0x65); continue // Æ
                default: break
                }
                scratch.removeAll(keepingCapacity: true)
                appendUTF16(v, to: &scratch)
                decomposed.removeAll(keepingCapacity: true)
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
        }
        utf8.removeAll()
        let result = String(decoding: out, as: UTF8.self)
        return out.contains(where: { $0 >= 0x80 }) ? nfc(result) : result
    }
}

extension ScalarProperties {
    /// General category Nd (a decimal digit, any script).
    public static func isDecimalDigit(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x30 && scalar <= 0x39 }
        return ICU.generalCategory(scalar) == 9
    }

    /// General category Ll (a lowercase letter).
    public static func isLowercaseLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x61 && scalar <= 0x7A }
        return ICU.generalCategory(scalar) == 2
    }
}
