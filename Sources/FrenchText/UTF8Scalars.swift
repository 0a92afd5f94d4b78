/// Decoding of UTF-8 that never traps: invalid or truncated sequences become U+FFFD.

/// One decoded scalar and the number of bytes it took in the source.
@usableFromInline
struct DecodedScalar {
    @usableFromInline var value: UInt32
    @usableFromInline var utf8Count: Int
    /// True when the bytes were not valid UTF-8 and `value` is the replacement character.
    @usableFromInline var isRepair: Bool

    @usableFromInline init(value: UInt32, utf8Count: Int, isRepair: Bool) {
        self.value = value
        self.utf8Count = utf8Count
        self.isRepair = isRepair
    }
}

@usableFromInline let replacementScalar: UInt32 = 0xFFFD

/// Decodes the scalar starting at `index`. Invalid input yields U+FFFD and consumes the longest
/// prefix that could have started a valid sequence (at least one byte), as Unicode recommends.
@inlinable
func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> DecodedScalar {
    let b0 = bytes[index]
    if b0 < 0x80 { return DecodedScalar(value: UInt32(b0), utf8Count: 1, isRepair: false) }
    let count = bytes.count
    var need = 0
    var value: UInt32 = 0
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch b0 {
    case 0xC2...0xDF: need = 1; value = UInt32(b0 & 0x1F)
    case 0xE0: need = 2; value = UInt32(b0 & 0x0F); lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: need = 2; value = UInt32(b0 & 0x0F)
    case 0xED: need = 2; value = UInt32(b0 & 0x0F); upper = 0x9F
    case 0xF0: need = 3; value = UInt32(b0 & 0x07); lower = 0x90
    case 0xF1...0xF3: need = 3; value = UInt32(b0 & 0x07)
    case 0xF4: need = 3; value = UInt32(b0 & 0x07); upper = 0x8F
    default: return DecodedScalar(value: replacementScalar, utf8Count: 1, isRepair: true)
    }
    var i = index + 1
    var k = 0
    while k < need {
        guard i < count else { return DecodedScalar(value: replacementScalar, utf8Count: i - index, isRepair: true) }
        let b = bytes[i]
        let lo: UInt8 = k == 0 ? lower : 0x80
        let hi: UInt8 = k == 0 ? upper : 0xBF
        guard b >= lo && b <= hi else {
            return DecodedScalar(value: replacementScalar, utf8Count: i - index, isRepair: true)
        }
        value = (value << 6) | UInt32(b & 0x3F)
        i += 1
        k += 1
    }
    return DecodedScalar(value: value, utf8Count: need + 1, isRepair: false)
}

/// Appends the UTF-8 encoding of `scalar` to `out`.
@inlinable
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
        out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}

/// Appends the UTF-16 code units of `scalar` to `out`.
@inlinable
func appendUTF16(_ scalar: UInt32, to out: inout [UInt16]) {
    if scalar < 0x10000 {
        out.append(UInt16(scalar))
    } else {
        let v = scalar - 0x10000
        out.append(UInt16(0xD800 + (v >> 10)))
        out.append(UInt16(0xDC00 + (v & 0x3FF)))
    }
}

/// Decodes UTF-16 code units (as produced by ICU) into scalars, appending their UTF-8 bytes.
@usableFromInline
func appendUTF8(fromUTF16 units: UnsafeBufferPointer<UInt16>, to out: inout [UInt8]) {
    var i = 0
    while i < units.count {
        let u = UInt32(units[i])
        if u >= 0xD800 && u < 0xDC00, i + 1 < units.count {
            let low = UInt32(units[i + 1])
            if low >= 0xDC00 && low < 0xE000 {
                appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                i += 2
                continue
            }
        }
        appendUTF8((u >= 0xD800 && u < 0xE000) ? replacementScalar : u, to: &out)
        i += 1
    }
}

/// Counts the scalars and repairs in a byte buffer; used to build Strings and to validate.
public enum UTF8Repair {
    /// Returns the text with every invalid sequence replaced by U+FFFD, and how many there were.
    public static func repaired(_ bytes: some Collection<UInt8>) -> (text: String, repairs: Int) {
        let array = Array(bytes)
        var repairs = 0
        array.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                let d = decodeScalar(buffer, at: i)
                if d.isRepair { repairs += 1 }
                i += d.utf8Count
            }
        }
        return (String(decoding: array, as: UTF8.self), repairs)
    }
}
