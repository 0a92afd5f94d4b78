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

    /// The `forms` and `lemmas` column text of `tokens`.
    public static func columns(_ tokens: ArraySlice<Token>) -> (forms: String, lemmas: String, count: Int) {
        columns(FoldedWords.of(tokens))
    }

    /// The column text of folded words.
    public static func columns(_ words: [FoldedWord]) -> (forms: String, lemmas: String, count: Int) {
        (words.map(\.form).joined(separator: " "), words.map(\.lemma).joined(separator: " "), words.count)
    }
}
