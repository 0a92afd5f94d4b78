import FrenchText

/// One answer after the text stage.
public struct AnalyzedText: Sendable {
    /// The normalized text and its map to the original bytes.
    public var normalized: NormalizedText
    public var tokens: [Token]
    public var excerpts: [Excerpt]
}

/// The text stage as one call: normalize → tokenize → segment, then (with a lemmatizer) lemmas and
/// UPOS per excerpt.
///
/// Not thread-safe (ICU iterators inside): create one per worker; creating one is cheap.
public final class TextAnalyzer {
    /// Name and version of the stage, recorded with every run. Bump the version when output changes.
    public static let stageName = "text"
    public static let stageVersion = "1"

    private let normalizer = TextNormalizer()
    private let tokenizer: FrenchTokenizer
    private let segmenter: ExcerptSegmenter
    /// Sets `lemma`, `upos` and the `corrected`/`guessed`/`stopword` flags when present.
    public let lemmatizer: FrenchLemmatizer?

    public init(lemmatizer: FrenchLemmatizer? = nil) throws {
        tokenizer = try FrenchTokenizer()
        segmenter = try ExcerptSegmenter()
        self.lemmatizer = lemmatizer
    }

    /// Analyzes UTF-8 bytes (invalid sequences are repaired and counted, never fatal).
    public func analyze(_ utf8: UnsafeBufferPointer<UInt8>) -> AnalyzedText {
        let normalized = normalizer.normalize(utf8)
        var tokens: [Token] = []
        tokens.reserveCapacity(normalized.utf8.count / 4 + 1)
        tokenizer.tokenize(normalized, into: &tokens)
        let excerpts = segmenter.segment(normalized, tokens: &tokens)
        if let lemmatizer {
            normalized.utf8.withUnsafeBufferPointer { text in
                // An answer typed without a single accent is "accentless" as a whole (§4 of
                // lexicons/fr/ALGORITHM.md); judging sentence by sentence misreads short ones.
                let accentless = !LexicalKeys.hasAccent(text)
                for excerpt in excerpts { lemmatizer.annotate(excerpt.tokenRange, &tokens, text, accentless: accentless) }
            }
        }
        return AnalyzedText(normalized: normalized, tokens: tokens, excerpts: excerpts)
    }

    /// Analyzes a string.
    public func analyze(_ text: String) -> AnalyzedText {
        var copy = text
        return copy.withUTF8 { analyze($0) }
    }

    /// Analyzes a byte array.
    public func analyze(_ bytes: [UInt8]) -> AnalyzedText {
        bytes.withUnsafeBufferPointer { analyze($0) }
    }
}
