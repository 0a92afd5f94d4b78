import FrenchText

/// Cuts an answer into excerpts: sentences (ICU, `fr_FR@ss=standard`), lines and list items.
///
/// Excerpts are built from tokens, so every token belongs to exactly one excerpt and an excerpt
/// spans from its first token's start to its last token's end (no surrounding spaces). Fixes on
/// top of ICU: a closing quote or guillemet that ICU pushes to the next sentence ("… fini. »")
/// stays with the sentence it closes; an abbreviation of ours ("bât.", "appt.") does not end a
/// sentence; a bullet (•, ▪, …) starts an item even mid-line; a line
/// break always ends an excerpt.
///
/// Not thread-safe (it owns an ICU iterator): one segmenter per worker.
public final class ExcerptSegmenter {
    private let sentences: BoundaryScanner
    private var boundaries: [BoundaryScanner.Boundary] = []

    public init() throws {
        sentences = try BoundaryScanner(.sentence)
    }

    /// Sets `excerptIndex` on every token and returns the excerpts in order.
    public func segment(_ text: NormalizedText, tokens: inout [Token]) -> [Excerpt] {
        guard !tokens.isEmpty else { return [] }
        boundaries.removeAll(keepingCapacity: true)
        text.utf8.withUnsafeBufferPointer { sentences.scan($0, into: &boundaries) }
        var excerpts: [Excerpt] = []
        var first = 0             // first token of the current excerpt
        var quotesInCurrent = 0   // straight double quotes seen in the current excerpt
        var boundIndex = 0
        let utf8 = text.utf8
        var pendingBreak = false  // a sentence end was deferred past a closing quote
        for k in 0..<tokens.count {
            let start = tokens[k].normalizedUTF8Start
            var breakHere = pendingBreak
            pendingBreak = false
            // Passing a sentence end starts a new excerpt.
            while boundIndex < boundaries.count && Int(boundaries[boundIndex].utf8End) <= start {
                boundIndex += 1
                breakHere = true
            }
            if k > first {
                let previousEnd = tokens[k - 1].normalizedUTF8End
                var newline = false
                for i in previousEnd..<start where utf8[i] == 0x0A { newline = true; break }
                if newline {
                    breakHere = true
                } else if breakHere && isQuote(tokens, k, utf8) && quotesInCurrent % 2 == 1 {
                    // "… fini. »": the guillemet closes this sentence; the next token starts one.
                    breakHere = false
                    pendingBreak = true
                } else if breakHere && (tokens[k].kind == .emoji || tokens[k].kind == .emoticon) {
                    // "c'est nul !!! 😡": emoji after the final punctuation belong to the sentence.
                    breakHere = false
                    pendingBreak = true
                } else if breakHere && tokens[k - 1].flags.contains(.abbreviation) && tokens[k - 1].norm != "etc." {
                    // "bât. C", "appt. 12": ICU ends a sentence after a period it does not know.
                    breakHere = false
                } else if !breakHere && isInlineBullet(tokens, k, utf8) {
                    breakHere = true
                } else if !breakHere && closesWithEmoji(tokens, k) {
                    // "Super. :) À bientôt.": ICU reads ":" as a continuation; the capital after
                    // "final punctuation + emoticon" starts a new sentence.
                    breakHere = true
                }
            }
            if breakHere && k > first {
                excerpts.append(makeExcerpt(tokens, first..<k))
                first = k
                quotesInCurrent = 0
            }
            tokens[k].excerptIndex = excerpts.count
            if isQuote(tokens, k, utf8) { quotesInCurrent += 1 }
        }
        excerpts.append(makeExcerpt(tokens, first..<tokens.count))
        return excerpts
    }

    /// True when token `k` is capitalized and follows final punctuation then emoji/emoticons.
    private func closesWithEmoji(_ tokens: [Token], _ k: Int) -> Bool {
        guard tokens[k].flags.contains(.capitalized) else { return false }
        var j = k - 1
        var sawEmoji = false
        while j >= 0 && (tokens[j].kind == .emoji || tokens[j].kind == .emoticon) { sawEmoji = true; j -= 1 }
        guard sawEmoji, j >= 0, tokens[j].kind == .punct else { return false }
        let norm = tokens[j].norm
        return norm.hasSuffix(".") || norm.hasSuffix("!") || norm.hasSuffix("?")
    }

    private func makeExcerpt(_ tokens: [Token], _ range: Range<Int>) -> Excerpt {
        Excerpt(utf8Start: tokens[range.lowerBound].utf8Start, utf8End: tokens[range.upperBound - 1].utf8End,
                tokenRange: range)
    }

    private func isQuote(_ tokens: [Token], _ k: Int, _ utf8: [UInt8]) -> Bool {
        tokens[k].kind == .punct && tokens[k].normalizedUTF8End - tokens[k].normalizedUTF8Start == 1
            && utf8[tokens[k].normalizedUTF8Start] == 0x22
    }

    private func isInlineBullet(_ tokens: [Token], _ k: Int, _ utf8: [UInt8]) -> Bool {
        guard tokens[k].kind == .punct || tokens[k].kind == .symbol, utf8[tokens[k].normalizedUTF8Start] >= 0x80 else { return false }
        let start = tokens[k].normalizedUTF8Start
        let (value, length) = utf8.withUnsafeBufferPointer { UTF8Decoder.scalar(in: $0, at: start) }
        return length == tokens[k].normalizedUTF8End - start
            && FrenchRules.bulletScalars.contains(value)
    }
}
