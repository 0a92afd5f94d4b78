/// Bank and social-security numbers found on the bytes of an answer (the tokenizer splits them
/// into many number tokens): IBANs and French social-security numbers (NIR).
enum PersonalNumbers {
    /// The IBAN and NIR spans of `text`, in order, never overlapping.
    static func spans(in text: String) -> [Redactor.Span] {
        var spans: [Redactor.Span] = []
        var copy = text
        copy.withUTF8 { utf8 in
            var i = 0
            while i < utf8.count {
                let b = utf8[i]
                let atWordStart = i == 0 || !isAlphanumeric(utf8[i - 1])
                if atWordStart && isLetter(b), let end = ibanEnd(utf8, from: i) {
                    spans.append(Redactor.Span(utf8Start: i, utf8End: end, kind: .iban))
                    i = end
                    continue
                }
                if atWordStart && (b == 0x31 || b == 0x32), let end = nirEnd(utf8, from: i) {
                    spans.append(Redactor.Span(utf8Start: i, utf8End: end, kind: .socialSecurity))
                    i = end
                    continue
                }
                i += 1
            }
        }
        return spans
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }

    /// "FR76 3000 6000 0112 3456 7890 189", "FR7630006000011234567890189": a country code, two
    /// check digits, then 10 to 30 letters and digits, alone or in groups of up to four separated
    /// by one space. At least eight of them are digits.
    static func ibanEnd(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start + 4 <= utf8.count, isLetter(utf8[start + 1]), isDigit(utf8[start + 2]), isDigit(utf8[start + 3]) else { return nil }
        var i = start + 4
        var body = 0, digits = 0, end = i
        // Groups after "FR76": either glued ("FR7630006…") or space-separated.
        while i < utf8.count {
            if utf8[i] == 0x20 && i + 1 < utf8.count && isIBANChar(utf8[i + 1]) { i += 1 }
            var group = 0
            while i < utf8.count && isIBANChar(utf8[i]) {
                if isDigit(utf8[i]) { digits += 1 }
                group += 1
                i += 1
            }
            // A group is followed by a space, punctuation or the end, not by a letter of a word.
            if group == 0 || (i < utf8.count && utf8[i] >= 0x80) { break }
            if group > 4 && body > 0 { break }
            body += group
            end = i
            if i >= utf8.count || utf8[i] != 0x20 { break }
        }
        return body >= 10 && body <= 30 && digits >= 8 ? end : nil
    }

    /// Capital letters and digits (IBAN characters as written).
    static func isIBANChar(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x5A) }

    /// "1 84 12 33 063 045 27", "184123306304527", "2.91.07.75.115.001": 13 digits (or 15 with the
    /// key) starting with 1 or 2, a month 01–12 (or 20–99 for special cases) in third and fourth
    /// place, separated by nothing or single spaces or dots between groups; Corsica's 2A/2B allowed.
    static func nirEnd(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var digits: [UInt8] = []
        var i = start, end = start
        while i < utf8.count && digits.count < 16 {
            let b = utf8[i]
            if isDigit(b) {
                digits.append(b)
                i += 1
                end = i
            } else if (b == 0x41 || b == 0x42) && digits.count == 5 && utf8[i - 1] == 0x32 {
                digits.append(0x30)   // "2A", "2B": a department, counted as a digit
                i += 1
                end = i
            } else if (b == 0x20 || b == 0x2E) && i + 1 < utf8.count && isDigit(utf8[i + 1]) && !digits.isEmpty {
                i += 1
            } else {
                break
            }
        }
        guard digits.count == 13 || digits.count == 15 else { return nil }
        if end < utf8.count && isAlphanumeric(utf8[end]) { return nil }
        let month = Int(digits[3] - 0x30) * 10 + Int(digits[4] - 0x30)
        guard (1...12).contains(month) || month >= 20 else { return nil }
        return end
    }
}
