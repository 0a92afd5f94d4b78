import FrenchText
import TextAnalysis

/// What the FTS5 index sees of an excerpt, and the same rule applied to queries, so both sides
/// always agree.
///
/// Two columns, one entry per indexed token at the same position in each: `forms` holds the
/// accent- and case-folded normalized forms (œ → oe), `lemmas` the folded lemma (the form when the
/// lemma is unknown). Elided clitics (`l'`, `qu'`) and anything that is not a word or a number are
/// left out, which makes "ascenseur" match "l'ascenseur" and keeps phrases tight.
public enum SearchText {
    /// Stage name and version recorded with runs; bump when the indexed text changes.
    public static let stageName = "search-text"
    public static let stageVersion = "1"

    /// Whether a token takes a place in the index.
    @inlinable
    public static func isIndexed(_ token: Token) -> Bool {
        (token.kind == .word || token.kind == .number) && !token.flags.contains(.elided)
    }

    /// The folded (form, lemma) pair of an indexed token.
    public static func terms(of token: Token) -> (form: String, lemma: String) {
        let form = CaseFolding.accentFolded(token.norm)
        guard let lemma = token.lemma, lemma != token.norm else { return (form, form) }
        return (form, CaseFolding.accentFolded(lemma))
    }

    /// The `forms` and `lemmas` column text of tokens `range`.
    public static func columns(_ tokens: ArraySlice<Token>) -> (forms: String, lemmas: String, count: Int) {
        var forms = ""
        var lemmas = ""
        var count = 0
        for token in tokens where isIndexed(token) {
            let (form, lemma) = terms(of: token)
            if count > 0 {
                forms.append(" ")
                lemmas.append(" ")
            }
            forms.append(form)
            lemmas.append(lemma)
            count += 1
        }
        return (forms, lemmas, count)
    }
}
