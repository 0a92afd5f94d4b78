import FrenchText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits normalized French text into tokens whose spans point into the original text.
///
/// ICU word boundaries (UAX #29) give the default segments; French rules then split elisions
/// ("l'ascenseur" → "l'" "ascenseur") and inverted clitics ("peut-on" → "peut" "-on"), keep
/// hyphenated compounds whole ("rez-de-chaussée"), merge numbers with French separators
/// ("3 000", "12,5", "1er", "2h30"), and recognise e-mails, URLs, phone numbers, hashtags,
/// emoji, emoticons and repeated punctuation as single tokens. See docs/text-stage.md.
///
/// Not thread-safe (it owns an ICU iterator): one tokenizer per worker.
public final class FrenchTokenizer {
    private let words: BoundaryScanner
    private var boundaries: [BoundaryScanner.Boundary] = []

    public init() throws {
        words = try BoundaryScanner(.word)
    }

    /// Appends the tokens of `text` to `tokens` (excerpt indices are left at 0).
    public func tokenize(_ text: NormalizedText, into tokens: inout [Token]) {
        boundaries.removeAll(keepingCapacity: true)
        text.utf8.withUnsafeBufferPointer { utf8 in
            // ICU only when the text leaves the Latin alphabet (emoji, other scripts…).
            if !LatinWordBoundaries.scan(utf8, into: &boundaries) { words.scan(utf8, into: &boundaries) }
            boundaries.withUnsafeBufferPointer { bounds in
                var scan = Scan(text: text, utf8: utf8, bounds: bounds)
                scan.run(into: &tokens)
            }
        }
    }
}

/// One pass over one answer.
private struct Scan {
    let text: NormalizedText
    let utf8: UnsafeBufferPointer<UInt8>
    let bounds: UnsafeBufferPointer<BoundaryScanner.Boundary>
    var boundIndex = 0
    let hasAt: Bool
    let hasURLHint: Bool

    init(text: NormalizedText, utf8: UnsafeBufferPointer<UInt8>, bounds: UnsafeBufferPointer<BoundaryScanner.Boundary>) {
        self.text = text
        self.utf8 = utf8
        self.bounds = bounds
        let base = UnsafeRawPointer(utf8.baseAddress)
        func has(_ byte: UInt8) -> Bool { base.map { memchr($0, Int32(byte), utf8.count) != nil } ?? false }
        let at = has(0x40)
        let slash = has(0x2F)
        let w = has(0x77) || has(0x57)
        hasAt = at
        hasURLHint = slash || w
    }

    var count: Int { utf8.count }

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < count ? utf8[i] : 0 }

    /// End of the ICU segment that contains `position`.
    mutating func segmentEnd(after position: Int) -> Int {
        while boundIndex < bounds.count && Int(bounds[boundIndex].utf8End) <= position { boundIndex += 1 }
        return boundIndex < bounds.count ? Int(bounds[boundIndex].utf8End) : count
    }

    func scalar(at i: Int) -> (value: UInt32, utf8Count: Int) {
        UTF8Decoder.scalar(in: utf8, at: i)
    }

    func category(at i: Int) -> ScalarProperties.Category {
        guard i < count else { return .space }
        let b = utf8[i]
        if b < 0x80 { return ScalarProperties.category(UInt32(b)) }
        return ScalarProperties.category(scalar(at: i).value)
    }

    func isWordChar(at i: Int) -> Bool {
        let c = category(at: i)
        return c == .letter || c == .number || c == .mark
    }

    func isLetter(at i: Int) -> Bool {
        let c = category(at: i)
        return c == .letter || c == .mark
    }

    /// Lowercased text of a normalized range.
    func folded(_ start: Int, _ end: Int) -> String {
        CaseFolding.folded(UnsafeBufferPointer(rebasing: utf8[start..<end]))
    }

    // MARK: Main loop

    mutating func run(into tokens: inout [Token]) {
        var pos = 0
        while pos < count {
            let b = utf8[pos]
            if b == 0x20 || b == 0x0A { pos += 1; continue }
            if mayStartSpecial(b), let end = matchSpecial(at: pos, into: &tokens) { pos = end; continue }
            let end = segmentEnd(after: pos)
            let (value, _) = scalar(at: pos)
            switch ScalarProperties.category(value) {
            case .letter, .mark:
                pos = word(at: pos, segmentEnd: end, into: &tokens)
            case .number:
                pos = number(at: pos, segmentEnd: end, into: &tokens)
            case .space:
                pos = end
            default:
                if isEmoji(value, segmentStart: pos, segmentEnd: end) {
                    emit(pos, end, .emoji, [], into: &tokens)
                    pos = end
                } else if b == 0x21 || b == 0x3F || b == 0x2E {
                    pos = punctuationRun(at: pos, into: &tokens)
                } else {
                    let kind: TokenKind
                    switch ScalarProperties.category(value) {
                    case _ where value == 0x25 || value == 0x2030: kind = .symbol // % ‰
                    case .punctuation: kind = .punct
                    case .symbol: kind = .symbol
                    default: kind = .other
                    }
                    // One scalar at a time for punctuation and symbols (ICU may group them).
                    let scalarEnd = pos + scalar(at: pos).utf8Count
                    let tokenEnd = kind == .other ? max(end, scalarEnd) : scalarEnd
                    emit(pos, tokenEnd, kind, [], into: &tokens)
                    pos = tokenEnd
                }
            }
        }
    }

    /// Emoji: pictographs shown as emoji by default, or followed by VS16 / a modifier / ZWJ,
    /// and flags. "©" alone is a symbol, "❤️" is an emoji.
    func isEmoji(_ value: UInt32, segmentStart: Int, segmentEnd: Int) -> Bool {
        if ScalarProperties.isRegionalIndicator(value) { return true }
        guard ScalarProperties.isExtendedPictographic(value) else { return false }
        if ScalarProperties.isEmojiPresentation(value) { return true }
        return segmentEnd - segmentStart > scalar(at: segmentStart).utf8Count
    }

    /// Cheap gate before `matchSpecial`: only some first bytes can start a special form.
    @inline(__always) func mayStartSpecial(_ b: UInt8) -> Bool {
        if b >= 0x80 { return false }
        if hasAt && isEmailLocalStart(b) { return true }
        return FrenchRules.specialFirstBytes[Int(b)]
    }

    // MARK: Emission

    mutating func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ flags: TokenFlags, norm: String? = nil,
                       into tokens: inout [Token]) {
        let original = text.originalRange(utf8Start: start, utf8End: end)
        var flags = flags
        let normText = norm ?? folded(start, end)
        if kind == .word { flags.formUnion(caseFlags(start, end)) }
        if text.repairCount > 0 && containsReplacement(start, end) { flags.insert(.repaired) }
        tokens.append(Token(utf8Start: original.lowerBound, utf8End: original.upperBound, norm: normText,
                            kind: kind, flags: flags, normalizedUTF8Start: start, normalizedUTF8End: end))
    }

    /// True when the range holds U+FFFD (EF BF BD), the mark of repaired input.
    func containsReplacement(_ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 3 <= end {
            if utf8[i] == 0xEF && utf8[i + 1] == 0xBF && utf8[i + 2] == 0xBD { return true }
            i += 1
        }
        return false
    }

    func caseFlags(_ start: Int, _ end: Int) -> TokenFlags {
        var letters = 0, uppers = 0
        var firstUpper = false
        var i = start
        while i < end {
            let (v, n) = scalar(at: i)
            if ScalarProperties.isAlphabetic(v) {
                let up = ScalarProperties.isUppercase(v)
                if letters == 0 { firstUpper = up }
                letters += 1
                if up { uppers += 1 }
            }
            i += n
        }
        var flags: TokenFlags = []
        if firstUpper { flags.insert(.capitalized) }
        if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
        return flags
    }

    // MARK: Words

    /// A word starting at `start`: lexicalized compounds, elisions, hyphen chains, abbreviations.
    mutating func word(at start: Int, segmentEnd: Int, into tokens: inout [Token]) -> Int {
        var segEnd = segmentEnd
        let apostrophe = firstApostrophe(start, segEnd)
        if apostrophe != nil || byte(segEnd) == 0x2D, let end = lexicalizedCompound(at: start) {
            emit(start, end, .word, .compound, into: &tokens)
            return end
        }
        // Elision: "l'", "qu'", "jusqu'" at the start of the segment (or followed by a space).
        if let apostrophe {
            let prefix = folded(start, apostrophe)
            if FrenchRules.elisionPrefixes.contains(prefix) && isLetterOrEnd(after: apostrophe) {
                emit(start, apostrophe + 1, .word, .elided, into: &tokens)
                let next = apostrophe + 1
                if next < count && isLetter(at: next) {
                    return word(at: next, segmentEnd: max(segEnd, next + 1), into: &tokens)
                }
                return next
            }
        } else if byte(segEnd) == 0x27 && FrenchRules.elisionPrefixes.contains(folded(start, segEnd)) {
            // "l' ascenseur", "l'2e": the apostrophe is its own ICU segment.
            emit(start, segEnd + 1, .word, .elided, into: &tokens)
            return segEnd + 1
        }
        // Hyphen chain: parts joined by "-" with no space.
        var parts: [(start: Int, end: Int)] = [(start, segEnd)]
        while byte(segEnd) == 0x2D && segEnd + 1 < count && isWordChar(at: segEnd + 1) {
            let partStart = segEnd + 1
            let partEnd = self.segmentEnd(after: partStart)
            parts.append((partStart, partEnd))
            segEnd = partEnd
        }
        if parts.count > 1 {
            let firstClitic = cliticSuffixStart(parts)
            let wordEnd = parts[firstClitic - 1].end
            emit(start, wordEnd, .word, firstClitic > 1 ? .compound : [], into: &tokens)
            var k = firstClitic
            while k < parts.count {
                let partNorm = folded(parts[k].start, parts[k].end)
                if partNorm == "t" && k + 1 < parts.count {
                    // "-t-il": one token, norm "il".
                    emit(parts[k].start - 1, parts[k + 1].end, .word, .clitic,
                         norm: folded(parts[k + 1].start, parts[k + 1].end), into: &tokens)
                    k += 2
                } else {
                    emit(parts[k].start - 1, parts[k].end, .word, .clitic, norm: partNorm, into: &tokens)
                    k += 1
                }
            }
            return segEnd
        }
        // "n°"
        if segEnd - start == 1 && (utf8[start] | 0x20) == 0x6E && byte(segEnd) == 0xC2 && byte(segEnd + 1) == 0xB0 {
            emit(start, segEnd + 2, .word, .abbreviation, into: &tokens)
            return segEnd + 2
        }
        // Abbreviation with its period (but not the first dot of "...").
        if byte(segEnd) == 0x2E && byte(segEnd + 1) != 0x2E {
            let key = folded(start, segEnd)
            let isSingleM = segEnd - start == 1 && utf8[start] == 0x4D // "M." only in capitals
            if isSingleM || (segEnd - start > 1 && FrenchRules.abbreviations.contains(key)) {
                emit(start, segEnd + 1, .word, .abbreviation, into: &tokens)
                return segEnd + 1
            }
        }
        // An inner apostrophe that is no elision: "aujourd'hui", "quelqu'un", "presqu'île".
        emit(start, segEnd, .word, apostrophe != nil ? .compound : [], into: &tokens)
        return segEnd
    }

    func isLetterOrEnd(after apostrophe: Int) -> Bool {
        let next = apostrophe + 1
        return next >= count || isLetter(at: next) || utf8[next] == 0x20 || utf8[next] == 0x0A
    }

    func firstApostrophe(_ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            if utf8[i] == 0x27 { return i }
            i += 1
        }
        return nil
    }

    /// Index of the first part of the longest all-clitic suffix of a hyphen chain (parts.count
    /// when there is none). The first part is never a clitic.
    func cliticSuffixStart(_ parts: [(start: Int, end: Int)]) -> Int {
        var first = parts.count
        var k = parts.count - 1
        while k >= 1 {
            let norm = folded(parts[k].start, parts[k].end)
            if FrenchRules.cliticPronouns.contains(norm) {
                // "-t-il": the euphonic t belongs to the clitic.
                if k >= 2 && folded(parts[k - 1].start, parts[k - 1].end) == "t"
                    && FrenchRules.euphonicSubjects.contains(norm) {
                    first = k - 1
                    k -= 2
                    continue
                }
                first = k
                k -= 1
                continue
            }
            break
        }
        return max(first, 1)
    }

    func lexicalizedCompound(at start: Int) -> Int? {
        let first = utf8[start]
        guard FrenchRules.compoundFirstBytes[Int(first < 0x80 ? first | 0x20 : first)] else { return nil }
        compounds: for compound in FrenchRules.lexicalizedCompoundBytes {
            let length = compound.count
            guard start + length <= count else { continue }
            // Cheap reject on the ASCII bytes (case-insensitive), then confirm on folded text.
            for k in 0..<length where compound[k] < 0x80 {
                let b = utf8[start + k]
                let lower = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                if lower != compound[k] { continue compounds }
            }
            if !isWordChar(at: start + length) && folded(start, start + length).utf8.elementsEqual(compound) {
                return start + length
            }
        }
        return nil
    }

    // MARK: Numbers

    mutating func number(at start: Int, segmentEnd: Int, into tokens: inout [Token]) -> Int {
        // Split the ICU segment into its numeric head ("12,5") and letter tail ("er", "h30").
        var headEnd = start
        while headEnd < segmentEnd {
            let b = utf8[headEnd]
            if b >= 0x30 && b <= 0x39 { headEnd += 1; continue }
            if (b == 0x2C || b == 0x2E) && headEnd + 1 < segmentEnd && utf8[headEnd + 1] >= 0x30 && utf8[headEnd + 1] <= 0x39 {
                headEnd += 1
                continue
            }
            break
        }
        if headEnd == start { // a non-ASCII digit: keep ICU's segment
            emit(start, segmentEnd, .number, [], into: &tokens)
            return segmentEnd
        }
        if headEnd < segmentEnd {
            let tail = folded(headEnd, segmentEnd)
            if FrenchRules.ordinalSuffixes.contains(tail) {
                emit(start, segmentEnd, .number, .ordinal, into: &tokens)
            } else if isUnitTail(tail) {
                emit(start, segmentEnd, .number, [], into: &tokens)
            } else {
                emit(start, segmentEnd, .word, [], into: &tokens)
            }
            return segmentEnd
        }
        // French thousands groups: "3 000", "1 250 000" (a group of 1–3 digits, then groups of 3).
        var end = headEnd
        let firstGroup = headEnd - start
        if firstGroup <= 3 {
            while byte(end) == 0x20 && isDigits(end + 1, 3) && !isDigitByte(byte(end + 4)) && !isLetter(at: end + 4) {
                end += 4
            }
            // Decimal part after grouped thousands: "3 000,50".
            if end > headEnd && byte(end) == 0x2C && isDigitByte(byte(end + 1)) {
                end += 1
                while isDigitByte(byte(end)) { end += 1 }
            }
        }
        if end > headEnd {
            var norm = ""
            for i in start..<end where utf8[i] != 0x20 { norm.unicodeScalars.append(Unicode.Scalar(utf8[i])) }
            emit(start, end, .number, [], norm: norm, into: &tokens)
            return end
        }
        emit(start, headEnd, .number, [], into: &tokens)
        return headEnd
    }

    func isUnitTail(_ tail: String) -> Bool {
        if FrenchRules.unitSuffixes.contains(tail) { return true }
        // "2h30", "10h00", "15h45"
        if tail.hasPrefix("h") {
            let rest = tail.utf8.dropFirst()
            return !rest.isEmpty && rest.count <= 2 && rest.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        return false
    }

    @inline(__always) func isDigitByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    func isDigits(_ start: Int, _ length: Int) -> Bool {
        guard start + length <= count else { return false }
        for i in start..<(start + length) where !isDigitByte(utf8[i]) { return false }
        return true
    }

    // MARK: Punctuation

    mutating func punctuationRun(at start: Int, into tokens: inout [Token]) -> Int {
        var end = start
        while end < count, utf8[end] == 0x21 || utf8[end] == 0x3F || utf8[end] == 0x2E { end += 1 }
        emit(start, end, .punct, [], into: &tokens)
        return end
    }

    // MARK: Special forms

    /// E-mails, URLs, phone numbers, hashtags, mentions and emoticons. Returns the end when one
    /// matched at `pos` (and emits it).
    mutating func matchSpecial(at pos: Int, into tokens: inout [Token]) -> Int? {
        let b = utf8[pos]
        if hasURLHint, let end = matchURL(at: pos) {
            emit(pos, end, .url, [], norm: String(decoding: UnsafeBufferPointer(rebasing: utf8[pos..<end]), as: UTF8.self), into: &tokens)
            return end
        }
        if hasAt && isEmailLocalStart(b), let end = matchEmail(at: pos) {
            emit(pos, end, .email, [], into: &tokens)
            return end
        }
        if isDigitByte(b) || b == 0x2B || b == 0x28, let (end, digits) = matchPhone(at: pos) {
            emit(pos, end, .phone, [], norm: digits, into: &tokens)
            return end
        }
        if b == 0x23 || b == 0x40, pos + 1 < count, isTagChar(at: pos + 1) {
            var end = pos + 1
            while end < count && isTagChar(at: end) { end += scalar(at: end).utf8Count }
            emit(pos, end, b == 0x23 ? .hashtag : .mention, [], into: &tokens)
            return end
        }
        if let end = matchEmoticon(at: pos) {
            emit(pos, end, .emoticon, [], norm: String(decoding: UnsafeBufferPointer(rebasing: utf8[pos..<end]), as: UTF8.self), into: &tokens)
            return end
        }
        return nil
    }

    func isTagChar(at i: Int) -> Bool {
        if utf8[i] == 0x5F { return true }
        return isWordChar(at: i)
    }

    func isEmailLocalStart(_ b: UInt8) -> Bool {
        (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || isDigitByte(b)
    }

    func isEmailLocalByte(_ b: UInt8) -> Bool {
        isEmailLocalStart(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    func isDomainByte(_ b: UInt8) -> Bool { isEmailLocalStart(b) || b == 0x2D }

    func matchEmail(at pos: Int) -> Int? {
        var i = pos
        while i < count && i - pos < 64 && isEmailLocalByte(utf8[i]) { i += 1 }
        guard i > pos, byte(i) == 0x40 else { return nil }
        i += 1
        var labels = 0
        var lastLabelStart = i
        var lastLabelLetters = true
        while true {
            let labelStart = i
            var letters = true
            while i < count && isDomainByte(utf8[i]) {
                if !((utf8[i] | 0x20) >= 0x61 && (utf8[i] | 0x20) <= 0x7A) { letters = false }
                i += 1
            }
            guard i > labelStart else { return nil }
            labels += 1
            lastLabelStart = labelStart
            lastLabelLetters = letters
            if byte(i) == 0x2E && i + 1 < count && isDomainByte(utf8[i + 1]) { i += 1; continue }
            break
        }
        guard labels >= 2, lastLabelLetters, i - lastLabelStart >= 2 else { return nil }
        return i
    }

    func matchURL(at pos: Int) -> Int? {
        let lower = (byte(pos) | 0x20)
        guard lower == 0x68 || lower == 0x77 else { return nil }
        var bodyStart = pos
        for scheme in ["https://", "http://", "www."] {
            let length = scheme.utf8.count
            guard pos + length <= count else { continue }
            var ok = true
            var k = 0
            for s in scheme.utf8 {
                if (utf8[pos + k] | (s >= 0x61 ? 0x20 : 0)) != s { ok = false; break }
                k += 1
            }
            if ok { bodyStart = pos + length; break }
        }
        guard bodyStart > pos else { return nil }
        var end = bodyStart
        while end < count {
            let b = utf8[end]
            if b == 0x20 || b == 0x0A || b == 0x22 || b == 0x3C || b == 0x3E { break }
            end += 1
        }
        // Trailing punctuation belongs to the sentence, not the URL.
        while end > bodyStart, [0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x27].contains(utf8[end - 1]) { end -= 1 }
        guard end > bodyStart, isWordChar(at: bodyStart) else { return nil }
        return end
    }

    /// French numbers (0X XX XX XX XX, +33 X XX XX XX XX, 0033…, +33 (0)X…) and international
    /// ones (+ then 8–15 digits in groups). Separators: one space, dot or dash between groups.
    func matchPhone(at pos: Int) -> (Int, String)? {
        var i = pos
        var digits = ""
        func readDigits(_ n: Int) -> Bool {
            guard isDigits(i, n) else { return false }
            for k in i..<(i + n) { digits.unicodeScalars.append(Unicode.Scalar(utf8[k])) }
            i += n
            return true
        }
        func separator() -> UInt8? {
            let b = byte(i)
            if (b == 0x20 || b == 0x2E || b == 0x2D) && isDigitByte(byte(i + 1)) { i += 1; return b }
            return nil
        }
        let b = utf8[pos]
        if b == 0x2B || (b == 0x30 && byte(pos + 1) == 0x30) {
            // International: +CC or 00CC, then groups.
            if b == 0x2B { digits = "+"; i += 1 } else { digits = "+"; i += 2 }
            var total = 0
            let groupStart = i
            while isDigitByte(byte(i)) {
                digits.unicodeScalars.append(Unicode.Scalar(utf8[i])); i += 1; total += 1
                if i - groupStart > 3 && total > 3 { break }
            }
            guard total >= 1 else { return nil }
            // optional " (0)"
            if byte(i) == 0x20 && byte(i + 1) == 0x28 && byte(i + 2) == 0x30 && byte(i + 3) == 0x29 { i += 4 }
            else if byte(i) == 0x28 && byte(i + 1) == 0x30 && byte(i + 2) == 0x29 { i += 3 }
            while true {
                let save = i
                if separator() == nil && !isDigitByte(byte(i)) { i = save; break }
                var group = 0
                while isDigitByte(byte(i)) { digits.unicodeScalars.append(Unicode.Scalar(utf8[i])); i += 1; group += 1; total += 1 }
                if group == 0 { i = save; break }
            }
            guard total >= 8 && total <= 15, !isWordChar(at: i) else { return nil }
            return (i, digits)
        }
        guard b == 0x30, byte(pos + 1) >= 0x31, byte(pos + 1) <= 0x39 else { return nil }
        // National: 0X then four pairs, separators consistent.
        guard readDigits(2) else { return nil }
        var sep: UInt8? = nil
        var first = true
        for _ in 0..<4 {
            let s = byte(i)
            if s == 0x20 || s == 0x2E || s == 0x2D {
                if first { sep = s } else if sep != s { return nil }
                i += 1
            } else if !first && sep != nil {
                return nil
            }
            first = false
            guard readDigits(2) else { return nil }
        }
        guard !isWordChar(at: i) else { return nil }
        return (i, digits)
    }

    func matchEmoticon(at pos: Int) -> Int? {
        let b = utf8[pos]
        guard b == 0x3A || b == 0x3B || b == 0x3D || b == 0x3C || b == 0x5E || b == 0x2D || b == 0x78 || b == 0x58 else { return nil }
        if b == 0x3A, pos > 0, isDigitByte(utf8[pos - 1]) { return nil } // "10:30"
        if (b == 0x78 || b == 0x58), pos > 0, isWordChar(at: pos - 1) { return nil }
        for emoticon in FrenchRules.emoticons {
            let length = emoticon.utf8.count
            guard pos + length <= count else { continue }
            var k = 0
            var ok = true
            for s in emoticon.utf8 {
                if utf8[pos + k] != s { ok = false; break }
                k += 1
            }
            guard ok else { continue }
            let end = pos + length
            // Must stand alone: not glued to a following word or digit.
            if end < count && isWordChar(at: end) { continue }
            return end
        }
        return nil
    }
}
