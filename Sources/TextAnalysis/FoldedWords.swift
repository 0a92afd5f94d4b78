import FrenchText

/// A word as search and theme matching see it: its accent- and case-folded form (œ → oe) and
/// folded lemma (the form when the lemma is unknown or equal to it).
public struct FoldedWord: Sendable, Equatable {
    public var form: String
    public var lemma: String
    /// Index of the source token in the analyzed text.
    public var tokenIndex: Int
    /// The folded lemma of the elided word just before ("de" in "d'accompagnement", "le" in
    /// "l'ascenseur"): phrase matching lets a phrase word stand for it ("plus de" matches "plus
    /// d'accompagnement"). Search ignores it.
    public var elided: String? = nil
    /// A number: digits ("3") or a number word ("trois"); the `#` of a taxonomy term matches it.
    public var isNumber = false
}

/// The one definition of which tokens count as words for search and themes, and how they fold:
/// words and numbers, not elided clitics (`l'`, `qu'`), so "ascenseur" matches "l'ascenseur".
public enum FoldedWords {
    /// Whether a token is a word for search and themes.
    @inlinable
    public static func isWord(_ token: Token) -> Bool {
        (token.kind == .word || token.kind == .number) && !token.flags.contains(.elided)
    }

    /// Accent- and case-folds a word the way `of` does.
    public static func fold(_ word: String) -> String { CaseFolding.accentFolded(word) }

    /// The folded words of `tokens`, in order.
    public static func of(_ tokens: ArraySlice<Token>) -> [FoldedWord] {
        var out: [FoldedWord] = []
        out.reserveCapacity(tokens.count)
        var elided: String? = nil
        for i in tokens.indices {
            let t = tokens[i]
            guard isWord(t) else {
                elided = t.kind == .word && t.flags.contains(.elided) ? t.lemma.map(CaseFolding.accentFolded) : nil
                continue
            }
            let form = CaseFolding.accentFolded(t.norm)
            let lemma = t.lemma.map { $0 == t.norm ? form : CaseFolding.accentFolded($0) } ?? form
            out.append(FoldedWord(form: form, lemma: lemma, tokenIndex: i, elided: elided,
                                  isNumber: t.kind == .number || t.upos == .num))
            elided = nil
        }
        return out
    }
}
