/// Unicode properties the tokenizer needs, answered by ICU (without exposing it).
public enum ScalarProperties {
    /// Coarse classes for tokenization.
    public enum Category: UInt8, Sendable {
        case letter, mark, number, punctuation, symbol, space, other
    }

    /// The coarse category of `scalar` (from its general category).
    public static func category(_ scalar: UInt32) -> Category {
        if scalar < 0x80 {
            switch UInt8(scalar) {
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x30...0x39: return .number
            case 0x20, 0x09, 0x0A, 0x0D: return .space
            case 0x24, 0x2B, 0x3C...0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
            case 0x00..<0x20, 0x7F: return .other
            default: return .punctuation
            }
        }
        // ICU UCharCategory values.
        switch ICU.generalCategory(scalar) {
        case 1...5: return .letter          // Lu Ll Lt Lm Lo
        case 6...8: return .mark            // Mn Me Mc
        case 9...11: return .number         // Nd Nl No
        case 12...14: return .space         // Zs Zl Zp
        case 19...23, 29, 30: return .punctuation // Pd Ps Pe Pc Po Pi Pf
        case 24...27: return .symbol        // Sm Sc Sk So
        default: return .other
        }
    }

    /// Extended_Pictographic: the base of an emoji sequence.
    public static func isExtendedPictographic(_ scalar: UInt32) -> Bool {
        scalar >= 0x80 && ICU.isExtendedPictographic(scalar)
    }

    /// Emoji_Presentation: shown as an emoji even without VS16.
    public static func isEmojiPresentation(_ scalar: UInt32) -> Bool {
        scalar >= 0x80 && ICU.isEmojiPresentation(scalar)
    }

    /// Regional indicator letters (pairs make flags).
    public static func isRegionalIndicator(_ scalar: UInt32) -> Bool {
        scalar >= 0x1F1E6 && scalar <= 0x1F1FF
    }

    /// True for uppercase letters.
    public static func isUppercase(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x41 && scalar <= 0x5A }
        return ICU.isUppercase(scalar)
    }

    /// Alphabetic (letters and letter-like marks).
    public static func isAlphabetic(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A }
        return ICU.isAlphabetic(scalar)
    }
}

/// Public access to the module's tolerant UTF-8 decoder.
public enum UTF8Decoder {
    /// The scalar starting at `index` and its byte length; invalid input gives U+FFFD.
    @inlinable
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, utf8Count: Int) {
        let d = decodeScalar(bytes, at: index)
        return (d.value, d.utf8Count)
    }
}
