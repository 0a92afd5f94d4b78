import Testing
import FrenchText

/// Normalizer examples: each row is an input and the normalized text expected by the table in
/// docs/text-stage.md.
struct NormalizerCase: CustomTestStringConvertible, Sendable {
    let input: String
    let expected: String
    let note: String
    var testDescription: String { note }
}

let normalizerCases: [NormalizerCase] = [
    NormalizerCase(input: "l’ascenseur", expected: "l'ascenseur", note: "typographic apostrophe"),
    NormalizerCase(input: "lʼeau l‘eau l`eau l´eau l′eau", expected: "l'eau l'eau l'eau l'eau l'eau", note: "apostrophe variants"),
    NormalizerCase(input: "« super » “ok” „ja“", expected: "\" super \" \"ok\" \"ja\"", note: "quotes and guillemets"),
    NormalizerCase(input: "a–b—c‑d−e", expected: "a-b-c-d-e", note: "dashes and hyphens"),
    NormalizerCase(input: "3\u{00A0}000\u{202F}€\tok", expected: "3 000 € ok", note: "NBSP, narrow NBSP, tab"),
    NormalizerCase(input: "a\r\nb\rc\u{2028}d", expected: "a\nb\nc\nd", note: "line separators"),
    NormalizerCase(input: "ascen\u{00AD}seur", expected: "ascenseur", note: "soft hyphen removed"),
    NormalizerCase(input: "as\u{200B}cen\u{FEFF}seur", expected: "ascenseur", note: "zero-width space and BOM removed"),
    NormalizerCase(input: "\u{200E}bonjour\u{200F}", expected: "bonjour", note: "bidi marks removed"),
    NormalizerCase(input: "a\u{0007}b\u{007F}c\u{0085}d", expected: "abc\nd", note: "controls dropped, NEL is a line break"),
    NormalizerCase(input: "e\u{0301}te\u{0301}", expected: "été", note: "combining accents composed"),
    NormalizerCase(input: "ﬁn ﬂeur", expected: "fin fleur", note: "ligatures"),
    NormalizerCase(input: "ＡＢＣ１２", expected: "ABC12", note: "full-width forms"),
    NormalizerCase(input: "bof…", expected: "bof...", note: "ellipsis"),
    NormalizerCase(input: "👩\u{200D}💻", expected: "👩\u{200D}💻", note: "ZWJ kept inside an emoji sequence"),
    NormalizerCase(input: "a\u{200D}b", expected: "ab", note: "ZWJ dropped between letters"),
    NormalizerCase(input: "👍🏽", expected: "👍🏽", note: "skin tone kept"),
    NormalizerCase(input: "Œuvre cœur", expected: "Œuvre cœur", note: "œ kept, case kept"),
    NormalizerCase(input: "", expected: "", note: "empty"),
]

@Test("normalizer table", arguments: normalizerCases)
func normalizerTable(_ c: NormalizerCase) {
    let result = TextNormalizer().normalize(c.input)
    #expect(result.string == c.expected, "\(c.note): got \(result.string.debugDescription)")
}

@Test func identityMapWhenNothingChangesLength() {
    let text = "Le gardien est très bien, merci !"
    let result = TextNormalizer().normalize(text)
    #expect(result.isIdentityMapped)
    #expect(result.string == text)
}

@Test func offsetMapPointsBackToOriginalBytes() {
    // "’" is 3 bytes and becomes 1; "\u{00AD}" (2 bytes) disappears.
    let original = "l’as\u{00AD}cen"
    let result = TextNormalizer().normalize(original)
    #expect(result.string == "l'ascen")
    #expect(!result.isIdentityMapped)
    // normalized "'" (byte 1) comes from original bytes 1..<4
    #expect(result.originalRange(utf8Start: 1, utf8End: 2) == 1..<4)
    // normalized "ascen" (bytes 2..<7) spans original 4..<11 including the dropped soft hyphen
    #expect(result.originalRange(utf8Start: 2, utf8End: 7) == 4..<11)
    // normalized "cen" starts after the soft hyphen: original 8..<11
    #expect(result.originalRange(utf8Start: 4, utf8End: 7) == 8..<11)
}

@Test func combiningSequenceMapsAsAWhole() {
    let original = "e\u{0301}t"  // 3 bytes for é (e + U+0301), then t
    let result = TextNormalizer().normalize(original)
    #expect(result.string == "ét")
    #expect(result.originalRange(utf8Start: 0, utf8End: 2) == 0..<3)
    #expect(result.originalRange(utf8Start: 2, utf8End: 3) == 3..<4)
}

@Test func invalidUTF8IsRepairedAndCounted() {
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xED, 0xA0, 0x80]
    let result = TextNormalizer().normalize(bytes)
    // Maximal subparts: FF | E2 82 (truncated) | ED (A0 is not a valid second byte after ED:
    // that would be a surrogate) | A0 | 80 — five replacement characters.
    #expect(result.repairCount == 5)
    #expect(result.string == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}\u{FFFD}")
}

@Test func truncatedSequenceAtEndIsRepaired() {
    let result = TextNormalizer().normalize([0x6F, 0x6B, 0xC3] as [UInt8])
    #expect(result.string == "ok\u{FFFD}")
    #expect(result.repairCount == 1)
    #expect(result.originalRange(utf8Start: 2, utf8End: 5) == 2..<3)
}
