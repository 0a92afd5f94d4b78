import Testing
import FrenchText
import TextAnalysis

/// SplitMix64: a small seeded generator, so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Fragments that stress the text stage: accents, elisions, compounds, 4-byte scalars,
/// combining marks, invisible characters, emoji sequences, numbers, contacts, punctuation.
let fragments: [String] = [
    "l'ascenseur", "L’ASCENSEUR", "qu'il", "jusqu'à", "aujourd'hui", "c'est-à-dire", "peut-on", "a-t-il",
    "rez-de-chaussée", "dites-moi", "été", "securite", "pb", "tjrs", "RAS", "3 000 €", "12,5 %", "1er",
    "3e étage", "2h30", "06 12 34 56 78", "+33 6 12 34 56 78", "test@example.org", "https://ex.org/a.",
    "#logement", "@bailleur", "😡", "👍🏽", "👩\u{200D}💻", "🇫🇷", "❤️", ":)", ":-(", "!!!", "???", "...", "…",
    "«", "»", "“", "”", "(", ")", "-", "–", "—", "•", "1)", "a.", "M.", "Mme", "etc.", "n°",
    "𝓜", "𝄞", "e\u{0301}", "ﬁ", "Ａ", "\u{00AD}", "\u{200B}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{FEFF}",
    "\u{00A0}", "\u{202F}", "\t", "\r\n", "\n", "\r", " ", "  ", "\u{0007}", "\u{0301}", "\u{FE0F}", "\u{1F3FD}",
    "日本", "مرحبا", "ß", "İ", "ǅ", "x", "'", "\"", "@", "#", "+", ".", ",", ";", ":", "?", "!", "/", "°",
]

/// Random answers: fragments joined by random separators, sometimes with invalid UTF-8.
func randomAnswer(_ rng: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = []
    let pieces = Int.random(in: 0...24, using: &rng)
    for _ in 0..<pieces {
        bytes += Array(fragments.randomElement(using: &rng)!.utf8)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<5: bytes.append(0x20)
        case 5: bytes += [0xFF]                    // invalid byte
        case 6: bytes += [0xE2, 0x82]              // truncated sequence
        case 7: break                              // glued
        default: bytes.append(0x0A)
        }
    }
    return bytes
}

/// True when `index` is a scalar boundary of `bytes` (not a continuation byte).
func isBoundary(_ bytes: [UInt8], _ index: Int) -> Bool {
    index == bytes.count || (bytes[index] & 0xC0) != 0x80 || !isValidPrefix(bytes, index)
}

/// With invalid input a stray continuation byte is its own (repaired) scalar, so a boundary may
/// fall before it: accept a continuation byte when no valid lead byte owns it.
func isValidPrefix(_ bytes: [UInt8], _ index: Int) -> Bool {
    var lead = index - 1
    var continuations = 1
    while lead >= 0 && (bytes[lead] & 0xC0) == 0x80 && continuations < 4 { lead -= 1; continuations += 1 }
    guard lead >= 0 else { return false }
    let b = bytes[lead]
    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
    return length > continuations
}

@Test func randomAnswersKeepEveryInvariant() throws {
    let analyzer = try TextAnalyzer()
    let normalizer = TextNormalizer()
    var rng = SeededGenerator(seed: 20261130)
    var tokensSeen = 0
    for answerIndex in 0..<10_000 {
        let bytes = randomAnswer(&rng)
        let result = analyzer.analyze(bytes)
        var previousEnd = 0
        for (k, token) in result.tokens.enumerated() {
            let where_ = "answer \(answerIndex) token \(k) \(token.utf8Start)..<\(token.utf8End) in \(bytes)"
            // Inside the text, non-empty, in order, not overlapping.
            #expect(token.utf8Start >= previousEnd && token.utf8Start < token.utf8End && token.utf8End <= bytes.count, "\(where_)")
            // On scalar boundaries.
            #expect(isBoundary(bytes, token.utf8Start) && isBoundary(bytes, token.utf8End), "\(where_)")
            // The original slice normalizes to exactly the token's normalized bytes.
            let slice = Array(bytes[token.utf8Start..<token.utf8End])
            let renormalized = normalizer.normalize(slice).utf8
            let expected = Array(result.normalized.utf8[token.normalizedSpan(in: result)])
            #expect(renormalized == expected, "\(where_): \(renormalized) vs \(expected)")
            // A token is never blank.
            #expect(!expected.allSatisfy { $0 == 0x20 || $0 == 0x0A }, "\(where_)")
            #expect(!token.norm.isEmpty, "\(where_)")
            previousEnd = token.utf8End
            tokensSeen += 1
        }
        // Excerpts: in order, cover every token exactly once, spans from first to last token.
        var nextToken = 0
        for (e, excerpt) in result.excerpts.enumerated() {
            #expect(excerpt.tokenRange.lowerBound == nextToken && !excerpt.tokenRange.isEmpty, "answer \(answerIndex) excerpt \(e)")
            nextToken = excerpt.tokenRange.upperBound
            #expect(excerpt.utf8Start == result.tokens[excerpt.tokenRange.lowerBound].utf8Start)
            #expect(excerpt.utf8End == result.tokens[excerpt.tokenRange.upperBound - 1].utf8End)
            for t in excerpt.tokenRange {
                #expect(result.tokens[t].excerptIndex == e, "answer \(answerIndex) token \(t)")
            }
        }
        #expect(nextToken == result.tokens.count, "answer \(answerIndex): excerpts cover \(nextToken) of \(result.tokens.count) tokens")
    }
    #expect(tokensSeen > 50_000)
}

extension Token {
    /// The token's range in the normalized text (package access through the analyzer result).
    func normalizedSpan(in result: AnalyzedText) -> Range<Int> {
        normalizedUTF8Start..<normalizedUTF8End
    }
}
