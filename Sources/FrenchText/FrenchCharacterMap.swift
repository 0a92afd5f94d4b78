/// The character-level rules of the normalizer, as one table.
enum FrenchCharacterMap {
    enum Action: Equatable {
        /// Keep the scalar (subject to NFKC).
        case keep
        /// Replace with one ASCII byte.
        case replace(UInt8)
        /// Remove (zero-width, bidi controls, soft hyphen, controls).
        case drop
        /// U+200D: kept only between emoji.
        case zeroWidthJoiner
    }

    static func action(for scalar: UInt32) -> Action {
        if scalar < 0x80 {
            switch scalar {
            case 0x60: return .replace(0x27)
            case 0x09, 0x0B, 0x0C: return .replace(0x20)
            case 0x0A, 0x0D: return .replace(0x0A)
            case 0x00..<0x20, 0x7F: return .drop
            default: return .keep
            }
        }
        switch scalar {
        // Apostrophes: ’ ‘ ‛ ʼ ʻ ´ ′ ＇
        case 0x2019, 0x2018, 0x201B, 0x02BC, 0x02BB, 0x00B4, 0x2032, 0xFF07:
            return .replace(0x27)
        // Double quotes and guillemets: “ ” „ ‟ « » ‹ › ″ ＂
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A, 0x2033, 0xFF02:
            return .replace(0x22)
        // Hyphens and dashes: ‐ ‑ ‒ – — ― − ﹘ ﹣ －
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return .replace(0x2D)
        // Spaces: NBSP, Ogham, en/em/thin/hair spaces, narrow NBSP, math space, ideographic
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .replace(0x20)
        // Line and paragraph separators
        case 0x0085, 0x2028, 0x2029:
            return .replace(0x0A)
        case 0x200D:
            return .zeroWidthJoiner
        // Soft hyphen, zero-width space/non-joiner, word joiner, BOM, bidi marks and controls,
        // C1 controls, invisible operators, interlinear annotation marks.
        case 0x00AD, 0x200B, 0x200C, 0x2060...0x2064, 0xFEFF, 0x200E, 0x200F, 0x202A...0x202E,
             0x2066...0x2069, 0x061C, 0x0080...0x009F, 0xFFF9...0xFFFB, 0x180E:
            return .drop
        default:
            return .keep
        }
    }

    /// True when a zero-width joiner after `scalar` continues an emoji sequence.
    static func continuesEmoji(_ scalar: UInt32) -> Bool {
        scalar == 0xFE0F || ICU.isExtendedPictographic(scalar) || ICU.isEmojiModifier(scalar)
            || (0xE0020...0xE007F).contains(scalar)
    }
}
