import FrenchText

/// A word as search and theme matching see it: its accent- and case-folded form (œ → oe) and
/// folded lemma (the form when the lemma is unknown or equal to it).
public struct FoldedWord: Sendable, Equatable {
    public var form: String
    public var lemma: String
    /// Index of the source token in the analyzed text.
    public var tokenIndex: Int
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
        for i in tokens.indices where isWord(tokens[i]) {
            let t = tokens[i]
            let form = CaseFolding.accentFolded(t.norm)
            let lemma = t.lemma.map { $0 == t.norm ? form : CaseFolding.accentFolded($0) } ?? form
            out.append(FoldedWord(form: form, lemma: lemma, tokenIndex: i))
        }
        return out
    }
}
