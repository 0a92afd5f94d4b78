/// The first stage: clean, comparable text with a map back to the bytes the respondent typed.
///
/// What it does, scalar by scalar (see `docs/text-stage.md`):
/// - repairs invalid UTF-8 with U+FFFD (counted in `repairCount`);
/// - maps apostrophes (’ ‘ ʼ ` ´ ′ ‛) to `'`, typographic quotes and guillemets to `"`,
///   hyphens and dashes (‐ ‑ ‒ – — ― −) to `-`;
/// - maps every space variant (tab, NBSP, U+202F, U+2000–U+200A, …) to a space and every line
///   separator (CR, CRLF, NEL, U+2028, U+2029) to `\n`;
/// - drops zero-width characters, bidi controls, soft hyphens and control characters, but keeps
///   the zero-width joiner inside emoji sequences;
/// - applies NFKC (composed accents, ligatures ﬁ → fi, full-width forms, … → ...).
///
/// Case is kept: folding is for keys (`CaseFolding`), and quotes show what people wrote.
public struct TextNormalizer: Sendable {
    public init() {}

    /// Normalizes `original` (UTF-8 bytes, possibly invalid).
    /// - Complexity: O(n) in the byte count; ASCII is copied without calling ICU.
    public func normalize(_ original: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var builder = Builder(original: original)
        builder.run()
        return builder.finish()
    }

    /// Convenience for Swift strings (always valid UTF-8).
    public func normalize(_ original: String) -> NormalizedText {
        var copy = original
        return copy.withUTF8 { normalize($0) }
    }

    /// Convenience for byte arrays.
    public func normalize(_ original: [UInt8]) -> NormalizedText {
        original.withUnsafeBufferPointer { normalize($0) }
    }
}

/// Normalized UTF-8 text and the map from its bytes to the original bytes.
public struct NormalizedText: Sendable {
    /// The normalized text as UTF-8 (always valid).
    public let utf8: [UInt8]
    /// Byte count of the original text.
    public let originalUTF8Count: Int
    /// Number of invalid UTF-8 sequences replaced by U+FFFD.
    public let repairCount: Int
    /// For normalized byte `i`: the original byte range of the source chunk that produced it.
    /// Empty when the text maps byte for byte (the common case: nothing changed length).
    @usableFromInline let originalStarts: [UInt32]
    @usableFromInline let originalEnds: [UInt32]

    init(utf8: [UInt8], originalUTF8Count: Int, repairCount: Int, originalStarts: [UInt32], originalEnds: [UInt32]) {
        self.utf8 = utf8
        self.originalUTF8Count = originalUTF8Count
        self.repairCount = repairCount
        self.originalStarts = originalStarts
        self.originalEnds = originalEnds
    }

    /// True when normalized offsets equal original offsets.
    public var isIdentityMapped: Bool { originalStarts.isEmpty }

    /// The original byte range covered by normalized bytes `utf8Start..<utf8End` (non-empty).
    /// A chunk that normalization merged (a letter and its combining accent, a ligature) maps as
    /// a whole, so original ranges always fall on scalar boundaries.
    @inlinable
    public func originalRange(utf8Start: Int, utf8End: Int) -> Range<Int> {
        precondition(utf8Start < utf8End && utf8End <= utf8.count, "empty or out-of-range normalized span")
        if isIdentityMapped { return utf8Start..<utf8End }
        return Int(originalStarts[utf8Start])..<Int(originalEnds[utf8End - 1])
    }

    /// The original offset of an insertion point in the normalized text (for empty spans).
    public func originalOffset(utf8Offset: Int) -> Int {
        if isIdentityMapped { return utf8Offset }
        if utf8Offset >= utf8.count { return originalUTF8Count }
        return Int(originalStarts[utf8Offset])
    }

    /// The normalized text as a String.
    public var string: String { String(decoding: utf8, as: UTF8.self) }
}

// MARK: - Builder

private struct Builder {
    let original: UnsafeBufferPointer<UInt8>
    var out: [UInt8]
    var starts: [UInt32] = []
    var ends: [UInt32] = []
    /// True while every emitted chunk had the length of its source, so the map is the identity.
    var identity = true
    var repairs = 0
    /// Last emitted scalar, to decide whether a zero-width joiner continues an emoji sequence.
    var lastEmitted: UInt32 = 0
    var utf16Scratch: [UInt16] = []

    init(original: UnsafeBufferPointer<UInt8>) {
        self.original = original
        self.out = []
        out.reserveCapacity(original.count)
    }

    mutating func run() {
        let bytes = original
        let count = bytes.count
        var i = 0
        while i < count {
            let b = bytes[i]
            if b >= 0x20 && b < 0x7F && b != 0x60 {
                // Run of plain printable ASCII: copied in one go. Its last byte is left to the
                // general path when a non-ASCII scalar follows (it may carry a combining accent).
                var end = i + 1
                while end < count {
                    let c = bytes[end]
                    if c < 0x20 || c >= 0x7F || c == 0x60 { break }
                    end += 1
                }
                if end < count && bytes[end] >= 0x80 { end -= 1 }
                if end > i {
                    emitASCIIRun(from: i, to: end)
                    i = end
                    continue
                }
            }
            if b < 0x80 {
                // ASCII fast path. A following non-ASCII byte may be a combining mark that
                // composes with this letter: then the chunk goes through NFKC.
                if b >= 0x20 && b < 0x7F {
                    if i + 1 < count && bytes[i + 1] >= 0x80 {
                        let next = decodeScalar(bytes, at: i + 1)
                        if !next.isRepair && !ICU.hasNFKCBoundaryBefore(next.value) {
                            i = normalizeChunk(from: i)
                            continue
                        }
                    }
                    emit(byte: b == 0x60 ? 0x27 : b, originalStart: i, originalEnd: i + 1)
                    i += 1
                    continue
                }
                switch b {
                case 0x09, 0x0B, 0x0C:
                    emit(byte: 0x20, originalStart: i, originalEnd: i + 1)
                    i += 1
                case 0x0A:
                    emit(byte: 0x0A, originalStart: i, originalEnd: i + 1)
                    i += 1
                case 0x0D:
                    let end = (i + 1 < count && bytes[i + 1] == 0x0A) ? i + 2 : i + 1
                    emit(byte: 0x0A, originalStart: i, originalEnd: end)
                    i = end
                default:
                    drop(originalStart: i, originalEnd: i + 1) // C0 control or DEL
                    i += 1
                }
                continue
            }
            let d = decodeScalar(bytes, at: i)
            let end = i + d.utf8Count
            if d.isRepair {
                repairs += 1
                emit(scalar: replacementScalar, originalStart: i, originalEnd: end)
                i = end
                continue
            }
            switch FrenchCharacterMap.action(for: d.value) {
            case .replace(let ascii):
                emit(byte: ascii, originalStart: i, originalEnd: end)
                i = end
            case .drop:
                drop(originalStart: i, originalEnd: end)
                i = end
            case .zeroWidthJoiner:
                let nextIsPictographic = end < count && {
                    let n = decodeScalar(bytes, at: end)
                    return !n.isRepair && ICU.isExtendedPictographic(n.value)
                }()
                if nextIsPictographic && FrenchCharacterMap.continuesEmoji(lastEmitted) {
                    emit(scalar: d.value, originalStart: i, originalEnd: end)
                } else {
                    drop(originalStart: i, originalEnd: end)
                }
                i = end
            case .keep:
                if ICU.isNFKCQuickCheckYes(d.value) && ICU.hasNFKCBoundaryBefore(d.value)
                    && nextStartsSegment(at: end) {
                    emitCopy(originalStart: i, originalEnd: end, scalar: d.value)
                    i = end
                } else {
                    i = normalizeChunk(from: i)
                }
            }
        }
    }

    /// True when the scalar at `index` (or the end of text) starts a new NFKC segment.
    func nextStartsSegment(at index: Int) -> Bool {
        guard index < original.count else { return true }
        let b = original[index]
        if b < 0x80 { return true }
        let n = decodeScalar(original, at: index)
        return n.isRepair || ICU.hasNFKCBoundaryBefore(n.value)
    }

    /// NFKC over one segment: the scalar at `start` and every following scalar that combines
    /// with it. The whole output maps to the whole source range. Returns the end of the segment.
    mutating func normalizeChunk(from start: Int) -> Int {
        utf16Scratch.removeAll(keepingCapacity: true)
        var i = start
        var first = true
        while i < original.count {
            let d = decodeScalar(original, at: i)
            if d.isRepair { break }
            if !first && ICU.hasNFKCBoundaryBefore(d.value) { break }
            var value = d.value
            if case .replace(let ascii) = FrenchCharacterMap.action(for: value) { value = UInt32(ascii) }
            appendUTF16(value, to: &utf16Scratch)
            i += d.utf8Count
            first = false
        }
        if i == start { // cannot happen: the first scalar is always taken; stay safe
            i = start + 1
        }
        var normalized: [UInt8] = []
        ICU.normalize(utf16Scratch, with: ICU.nfkc, appendingTo: &normalized)
        // NFKC can produce characters that our own map changes (… → ..., ＇ → '): apply it again.
        var mapped: [UInt8] = []
        mapped.reserveCapacity(normalized.count)
        normalized.withUnsafeBufferPointer { buffer in
            var k = 0
            while k < buffer.count {
                let d = decodeScalar(buffer, at: k)
                switch FrenchCharacterMap.action(for: d.value) {
                case .replace(let ascii): mapped.append(ascii)
                case .drop: break
                default:
                    if d.value == 0x09 || d.value == 0x0B || d.value == 0x0C { mapped.append(0x20) }
                    else { appendUTF8(d.value, to: &mapped) }
                }
                k += d.utf8Count
            }
        }
        // When the first scalar came through unchanged (a space before a stray combining mark),
        // map it on its own so a token never reaches back over it.
        let firstLength = decodeScalar(original, at: start).utf8Count
        if i - start > firstLength && mapped.count > firstLength
            && mapped[0..<firstLength].elementsEqual(original[start..<(start + firstLength)]) {
            emit(bytes: Array(mapped[0..<firstLength]), originalStart: start, originalEnd: start + firstLength)
            emit(bytes: Array(mapped[firstLength...]), originalStart: start + firstLength, originalEnd: i)
            return i
        }
        emit(bytes: mapped, originalStart: start, originalEnd: i)
        return i
    }

    // MARK: Emission and the offset map

    /// Copies original bytes `start..<end`, all plain ASCII, one to one.
    mutating func emitASCIIRun(from start: Int, to end: Int) {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: original[start..<end]))
        if !identity {
            for k in start..<end {
                starts.append(UInt32(k))
                ends.append(UInt32(k + 1))
            }
        }
        lastEmitted = UInt32(original[end - 1])
    }

    mutating func emit(byte: UInt8, originalStart: Int, originalEnd: Int) {
        if identity && originalEnd - originalStart != 1 { startMap() }
        out.append(byte)
        if !identity {
            starts.append(UInt32(originalStart))
            ends.append(UInt32(originalEnd))
        }
        lastEmitted = UInt32(byte)
    }

    mutating func emit(scalar: UInt32, originalStart: Int, originalEnd: Int) {
        let before = out.count
        appendUTF8(scalar, to: &out)
        afterEmit(from: before, originalStart: originalStart, originalEnd: originalEnd)
        lastEmitted = scalar
    }

    mutating func emitCopy(originalStart: Int, originalEnd: Int, scalar: UInt32) {
        let before = out.count
        for k in originalStart..<originalEnd { out.append(original[k]) }
        if !identity {
            for _ in before..<out.count {
                starts.append(UInt32(originalStart))
                ends.append(UInt32(originalEnd))
            }
        }
        lastEmitted = scalar
    }

    mutating func emit(bytes: [UInt8], originalStart: Int, originalEnd: Int) {
        let before = out.count
        out.append(contentsOf: bytes)
        afterEmit(from: before, originalStart: originalStart, originalEnd: originalEnd)
        if !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { buffer in
                var k = 0
                var last: UInt32 = 0
                while k < buffer.count { let d = decodeScalar(buffer, at: k); last = d.value; k += d.utf8Count }
                lastEmitted = last
            }
        }
    }

    private mutating func afterEmit(from before: Int, originalStart: Int, originalEnd: Int) {
        let emitted = out.count - before
        if identity && emitted != originalEnd - originalStart {
            // Switch to an explicit map; bytes emitted so far map one to one.
            let newBytes = Array(out[before...])
            out.removeLast(emitted)
            startMap()
            out.append(contentsOf: newBytes)
        }
        if !identity {
            for _ in 0..<emitted {
                starts.append(UInt32(originalStart))
                ends.append(UInt32(originalEnd))
            }
        }
    }

    mutating func drop(originalStart: Int, originalEnd: Int) {
        if identity { startMap() }
    }

    /// Leaves identity mode: every byte emitted so far maps to itself.
    mutating func startMap() {
        guard identity else { return }
        identity = false
        starts.reserveCapacity(original.count)
        ends.reserveCapacity(original.count)
        for k in 0..<out.count {
            starts.append(UInt32(k))
            ends.append(UInt32(k + 1))
        }
    }

    func finish() -> NormalizedText {
        NormalizedText(utf8: out, originalUTF8Count: original.count, repairCount: repairs,
                       originalStarts: identity ? [] : starts, originalEnds: identity ? [] : ends)
    }
}
