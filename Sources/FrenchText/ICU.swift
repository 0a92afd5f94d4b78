internal import CICU

/// Thin internal access to the ICU services the module uses. Nothing here leaks ICU types.
enum ICU {
    /// The NFKC normalizer instance (owned by ICU, never freed).
    nonisolated(unsafe) static let nfkc: OpaquePointer = {
        var status = U_ZERO_ERROR
        let n = vb_nfkc(&status)
        precondition(vb_failure(status) == 0 && n != nil, "ICU NFKC instance unavailable: \(String(cString: vb_errorName(status)))")
        return n!
    }()

    /// The NFC normalizer instance (owned by ICU, never freed).
    nonisolated(unsafe) static let nfc: OpaquePointer = {
        var status = U_ZERO_ERROR
        let n = vb_nfc(&status)
        precondition(vb_failure(status) == 0 && n != nil, "ICU NFC instance unavailable: \(String(cString: vb_errorName(status)))")
        return n!
    }()

    /// The NFD normalizer instance (owned by ICU, never freed).
    nonisolated(unsafe) static let nfd: OpaquePointer = {
        var status = U_ZERO_ERROR
        let n = vb_nfd(&status)
        precondition(vb_failure(status) == 0 && n != nil, "ICU NFD instance unavailable: \(String(cString: vb_errorName(status)))")
        return n!
    }()

    /// True when the scalar is NFKC quick-check YES: it stays as it is provided the next scalar
    /// starts a new normalization segment.
    static func isNFKCQuickCheckYes(_ scalar: UInt32) -> Bool {
        vb_intPropertyValue(UChar32(bitPattern: scalar), UCHAR_NFKC_QUICK_CHECK) == Int32(UNORM_YES.rawValue)
    }

    /// True when a normalization segment may start at `scalar` (it does not combine backwards).
    static func hasNFKCBoundaryBefore(_ scalar: UInt32) -> Bool {
        vb_hasBoundaryBefore(nfkc, UChar32(bitPattern: scalar)) != 0
    }

    /// Normalizes UTF-16 `source` with `normalizer`, appending the result to `out` as UTF-8.
    static func normalize(_ source: [UInt16], with normalizer: OpaquePointer, appendingTo out: inout [UInt8]) {
        var status = U_ZERO_ERROR
        let capacity = source.count * 4 + 16
        var dest = [UInt16](repeating: 0, count: capacity)
        let length = source.withUnsafeBufferPointer { src in
            dest.withUnsafeMutableBufferPointer { dst in
                vb_normalize(normalizer, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity), &status)
            }
        }
        guard vb_failure(status) == 0 else {
            // Cannot happen with this capacity; keep the text rather than lose it.
            for unit in source { appendUTF8(UInt32(unit), to: &out) }
            return
        }
        dest.withUnsafeBufferPointer { appendUTF8(fromUTF16: UnsafeBufferPointer(rebasing: $0[0..<Int(length)]), to: &out) }
    }

    static func isExtendedPictographic(_ scalar: UInt32) -> Bool {
        vb_hasBinaryProperty(UChar32(bitPattern: scalar), UCHAR_EXTENDED_PICTOGRAPHIC) != 0
    }

    static func isEmojiPresentation(_ scalar: UInt32) -> Bool {
        vb_hasBinaryProperty(UChar32(bitPattern: scalar), UCHAR_EMOJI_PRESENTATION) != 0
    }

    static func isEmojiModifier(_ scalar: UInt32) -> Bool {
        vb_hasBinaryProperty(UChar32(bitPattern: scalar), UCHAR_EMOJI_MODIFIER) != 0
    }

    static func isNonSpacingMark(_ scalar: UInt32) -> Bool {
        vb_charType(UChar32(bitPattern: scalar)) == Int8(U_NON_SPACING_MARK.rawValue)
    }

    static func generalCategory(_ scalar: UInt32) -> Int8 {
        vb_charType(UChar32(bitPattern: scalar))
    }

    static func simpleFold(_ scalar: UInt32) -> UInt32 {
        UInt32(bitPattern: vb_foldCase(UChar32(bitPattern: scalar)))
    }

    static func isUppercase(_ scalar: UInt32) -> Bool {
        vb_isUpper(UChar32(bitPattern: scalar)) != 0
    }

    static func isAlphabetic(_ scalar: UInt32) -> Bool {
        vb_isAlphabetic(UChar32(bitPattern: scalar)) != 0
    }
}
