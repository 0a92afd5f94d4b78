/// Character encodings of survey exports, detected from the bytes or forced by the user.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"
    /// UTF-8 where invalid sequences are read as Windows-1252 bytes (files pasted together).
    case mixed = "mixed"

    /// Accepts common spellings: "utf8", "UTF-8", "cp1252", "latin1", "utf-16"…
    public init?(name: String) {
        let key = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16", "utf16", "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "windows-1252", "cp1252", "win1252", "windows1252", "ansi": self = .windows1252
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "iso-8859-15", "latin9": self = .latin1
        case "mixed": self = .mixed
        default: return nil
        }
    }
}

/// The result of decoding a file to UTF-8.
public struct DecodedText: Sendable {
    /// The text as UTF-8 bytes, without BOM.
    public var utf8: [UInt8]
    public var encoding: TextEncoding
    /// True when a byte-order mark was found and removed.
    public var hadBOM: Bool
    /// Invalid sequences replaced by U+FFFD (UTF-8/UTF-16), or read as Windows-1252 (mixed).
    public var repairs: Int
}

/// Detection and decoding. Pure Swift: no ICU is needed for these encodings.
public enum TextDecoder {
    /// Detects the encoding: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise, if valid
    /// multi-byte UTF-8 sequences outnumber the invalid bytes it is `mixed`, else Windows-1252.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LE }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BE }
        let scan = scanUTF8(bytes)
        if scan.invalid == 0 { return .utf8 }
        // Windows-1252 text can hold byte pairs that happen to be valid UTF-8 ("Ã©"); call it
        // mixed only when real UTF-8 sequences outnumber the invalid bytes.
        return scan.multibyte > scan.invalid ? .mixed : .windows1252
    }

    /// Decodes `bytes` with `encoding` (detected when nil) to UTF-8.
    public static func decode(_ bytes: [UInt8], encoding forced: TextEncoding? = nil) -> DecodedText {
        let encoding = forced ?? detect(bytes)
        switch encoding {
        case .utf8, .mixed:
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            let body = bom ? Array(bytes[3...]) : bytes
            let (utf8, repairs) = repairUTF8(body, fallbackToWindows1252: encoding == .mixed)
            return DecodedText(utf8: utf8, encoding: encoding, hadBOM: bom, repairs: repairs)
        case .utf16LE, .utf16BE:
            let little = encoding == .utf16LE
            let bom = little ? bytes.starts(with: [0xFF, 0xFE]) : bytes.starts(with: [0xFE, 0xFF])
            let (utf8, repairs) = decodeUTF16(bom ? Array(bytes[2...]) : bytes, littleEndian: little)
            return DecodedText(utf8: utf8, encoding: encoding, hadBOM: bom, repairs: repairs)
        case .windows1252, .latin1:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes { appendScalar(encoding == .latin1 ? UInt32(b) : windows1252Scalar(b), to: &out) }
            return DecodedText(utf8: out, encoding: encoding, hadBOM: false, repairs: 0)
        }
    }

    /// The scalar for a Windows-1252 byte. The five unassigned bytes map to C1 controls, as
    /// Windows does.
    public static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        guard byte >= 0x80 && byte <= 0x9F else { return UInt32(byte) }
        return cp1252High[Int(byte - 0x80)]
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// Length of the valid UTF-8 sequence at `i`, or 0 when invalid.
    static func validSequenceLength(_ bytes: [UInt8], _ i: Int) -> Int {
        let b0 = bytes[i]
        if b0 < 0x80 { return 1 }
        var need = 0
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; upper = 0x9F
        case 0xF0: need = 3; lower = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; upper = 0x8F
        default: return 0
        }
        for k in 1...need {
            guard i + k < bytes.count else { return 0 }
            let b = bytes[i + k]
            let lo = k == 1 ? lower : 0x80
            let hi = k == 1 ? upper : 0xBF
            if b < lo || b > hi { return 0 }
        }
        return need + 1
    }

    static func scanUTF8(_ bytes: [UInt8]) -> (invalid: Int, multibyte: Int) {
        var invalid = 0, multibyte = 0, i = 0
        while i < bytes.count {
            let n = validSequenceLength(bytes, i)
            if n == 0 { invalid += 1; i += 1 } else { if n > 1 { multibyte += 1 }; i += n }
        }
        return (invalid, multibyte)
    }

    static func repairUTF8(_ bytes: [UInt8], fallbackToWindows1252: Bool) -> ([UInt8], Int) {
        // Fast path: valid UTF-8 (the common case) is returned as is, without a copy.
        var k = 0
        while k < bytes.count {
            if bytes[k] < 0x80 { k += 1; continue }
            let n = validSequenceLength(bytes, k)
            if n == 0 { break }
            k += n
        }
        if k == bytes.count { return (bytes, 0) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var repairs = 0, i = 0
        while i < bytes.count {
            let n = validSequenceLength(bytes, i)
            if n > 0 {
                out.append(contentsOf: bytes[i..<(i + n)])
                i += n
            } else {
                repairs += 1
                appendScalar(fallbackToWindows1252 ? windows1252Scalar(bytes[i]) : 0xFFFD, to: &out)
                i += 1
            }
        }
        return (out, repairs)
    }

    static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) -> ([UInt8], Int) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var repairs = 0, i = 0
        func unit(_ k: Int) -> UInt32 {
            littleEndian ? UInt32(bytes[k]) | UInt32(bytes[k + 1]) << 8 : UInt32(bytes[k]) << 8 | UInt32(bytes[k + 1])
        }
        while i + 1 < bytes.count {
            let u = unit(i)
            if u >= 0xD800 && u < 0xDC00, i + 3 < bytes.count {
                let low = unit(i + 2)
                if low >= 0xDC00 && low < 0xE000 {
                    appendScalar(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                    i += 4
                    continue
                }
            }
            if u >= 0xD800 && u < 0xE000 { repairs += 1; appendScalar(0xFFFD, to: &out) } else { appendScalar(u, to: &out) }
            i += 2
        }
        if i < bytes.count { repairs += 1; appendScalar(0xFFFD, to: &out) } // odd trailing byte
        return (out, repairs)
    }

    static func appendScalar(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6))); out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12))); out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18))); out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F))); out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
