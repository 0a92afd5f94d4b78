/// What a token is, in the order a reader meets the cases.
public enum TokenKind: String, Sendable, CaseIterable, Codable {
    case word, number, punct, symbol, email, url, phone, hashtag, mention, emoji, emoticon, other
}

/// Annotations on a token. Later stages add flags; nothing is ever deleted.
public struct TokenFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// An elided article or pronoun: `l'`, `qu'`, `jusqu'`.
    public static let elided = TokenFlags(rawValue: 1 << 0)
    /// A clitic split from an inverted verb: `-on` in "peut-on", `-t-il` in "a-t-il".
    public static let clitic = TokenFlags(rawValue: 1 << 1)
    /// A lexicalized compound kept whole: "rez-de-chaussée", "aujourd'hui".
    public static let compound = TokenFlags(rawValue: 1 << 2)
    /// An ordinal number: "1er", "3e", "2ème".
    public static let ordinal = TokenFlags(rawValue: 1 << 3)
    /// An abbreviation with its period: "M.", "Mme.", "etc.".
    public static let abbreviation = TokenFlags(rawValue: 1 << 4)
    /// A word written in capitals (two letters or more).
    public static let allCaps = TokenFlags(rawValue: 1 << 5)
    /// A word whose first letter is a capital.
    public static let capitalized = TokenFlags(rawValue: 1 << 6)
    /// The token contains U+FFFD from repaired invalid UTF-8.
    public static let repaired = TokenFlags(rawValue: 1 << 7)
    /// The lemmatizer read the word through a spelling, accent or SMS fix ("pb", "probleme").
    public static let corrected = TokenFlags(rawValue: 1 << 8)
    /// Unknown to the lexicons: the lemma is the lowercased form, the UPOS a guess.
    public static let guessed = TokenFlags(rawValue: 1 << 9)
    /// The key is in lexicons/fr/stopwords.txt.
    public static let stopword = TokenFlags(rawValue: 1 << 10)

    /// Names for output, in bit order.
    public static let names: [(TokenFlags, String)] = [
        (.elided, "elided"), (.clitic, "clitic"), (.compound, "compound"), (.ordinal, "ordinal"),
        (.abbreviation, "abbreviation"), (.allCaps, "allCaps"), (.capitalized, "capitalized"),
        (.repaired, "repaired"), (.corrected, "corrected"), (.guessed, "guessed"), (.stopword, "stopword"),
    ]

    /// The flag names joined by `separator`, in bit order (empty when none).
    public func names(separator: String = ",") -> String {
        Self.names.filter { contains($0.0) }.map(\.1).joined(separator: separator)
    }
}

/// One token of an answer. Offsets are UTF-8 byte offsets into the original answer text.
public struct Token: Sendable, Equatable {
    /// Start of the token in the original text (UTF-8 bytes).
    public var utf8Start: Int
    /// End (exclusive) of the token in the original text (UTF-8 bytes).
    public var utf8End: Int
    /// The normalized, case-folded form used as a key ("L’ASCENSEUR" → "l'" + "ascenseur").
    public var norm: String
    public var kind: TokenKind
    public var flags: TokenFlags
    /// Index of the excerpt (sentence, line or list item) holding the token.
    public var excerptIndex: Int
    /// The lemma, when a lemmatizer ran ("réparations" → "réparation"); nil otherwise.
    public var lemma: String?
    /// The UD part of speech, when a lemmatizer ran.
    public var upos: UPOS?
    /// Span in the normalized text (for stages that read it).
    package var normalizedUTF8Start: Int
    package var normalizedUTF8End: Int

    public init(utf8Start: Int, utf8End: Int, norm: String, kind: TokenKind, flags: TokenFlags = [],
                excerptIndex: Int = 0, normalizedUTF8Start: Int = 0, normalizedUTF8End: Int = 0,
                lemma: String? = nil, upos: UPOS? = nil) {
        self.lemma = lemma
        self.upos = upos
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.norm = norm
        self.kind = kind
        self.flags = flags
        self.excerptIndex = excerptIndex
        self.normalizedUTF8Start = normalizedUTF8Start
        self.normalizedUTF8End = normalizedUTF8End
    }

    /// The byte range in the original text.
    public var utf8Range: Range<Int> { utf8Start..<utf8End }
}

/// A quotable unit of an answer: a sentence, a line or a list item.
public struct Excerpt: Sendable, Equatable {
    /// Start in the original answer (UTF-8 bytes): the start of its first token.
    public var utf8Start: Int
    /// End (exclusive) in the original answer: the end of its last token.
    public var utf8End: Int
    /// Indices of its tokens in the answer's token array.
    public var tokenRange: Range<Int>

    public init(utf8Start: Int, utf8End: Int, tokenRange: Range<Int>) {
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.tokenRange = tokenRange
    }
}
