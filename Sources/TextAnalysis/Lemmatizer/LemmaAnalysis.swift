/// Where a lemma came from (ALGORITHM.md §8). A base source plus the `replacement` and `fold` marks.
///
/// - `ud`, `closed`, `lexique`, `dicollecte`: the first table that knew the key.
/// - `replacement`: an SMS/housing replacement fixed the spelling ("pb" → problème); with no base
///   source it was a several-word replacement ("a+" → "à plus").
/// - `fold`: accent variants were considered ("probleme" → problème, "ete" → été/être).
/// - `guess`: unknown word; the lemma is the lowercased form.
public struct LemmaSource: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ud = LemmaSource(rawValue: 1 << 0)
    public static let closed = LemmaSource(rawValue: 1 << 1)
    public static let lexique = LemmaSource(rawValue: 1 << 2)
    public static let dicollecte = LemmaSource(rawValue: 1 << 3)
    public static let replacement = LemmaSource(rawValue: 1 << 4)
    public static let fold = LemmaSource(rawValue: 1 << 5)
    public static let guess = LemmaSource(rawValue: 1 << 6)
    /// Spelling correction at edit distance 1 ("asenceur" → ascenseur), §6.1.
    public static let correction = LemmaSource(rawValue: 1 << 7)

    static let bases: [(LemmaSource, String)] = [(.ud, "ud"), (.closed, "closed"), (.lexique, "lexique"),
                                                   (.dicollecte, "dicollecte"), (.guess, "guess")]

    /// The reference implementation's label: `ud`, `repl:lexique`, `repl-multi`, `ud+fold`, `fold`, `guess`.
    public var description: String {
        let base = Self.bases.first { contains($0.0) }?.1
        if contains(.correction) { return "corr:" + (base ?? "") }
        if contains(.replacement) { return base.map { "repl:" + $0 } ?? "repl-multi" }
        if contains(.fold) { return base.map { $0 + "+fold" } ?? "fold" }
        return base ?? ""
    }
}

/// The lemma and part of speech chosen for one word.
public struct LemmaAnalysis: Sendable, Equatable {
    /// The lemma. Never nil from `FrenchLemmatizer`: unknown words get their lowercased form and
    /// `isGuess` (proper nouns keep their surface case).
    public var lemma: String?
    public var upos: UPOS
    public var source: LemmaSource
    /// How many analyses (UPOS, lemma) competed for the word after pruning.
    public var candidateCount: Int

    public init(lemma: String?, upos: UPOS, source: LemmaSource, candidateCount: Int) {
        self.lemma = lemma
        self.upos = upos
        self.source = source
        self.candidateCount = candidateCount
    }

    /// True when the word was unknown to every table: the lemma is the lowercased form.
    public var isGuess: Bool { source.contains(.guess) }
    /// True when the written form was fixed: an SMS/spelling replacement, or accent restoration
    /// of a form the lexicons do not know ("probleme" → problème). Accent variants merely
    /// weighed for a known word ("de" in an unaccented answer) are not a correction.
    public var isCorrected: Bool { source.contains(.replacement) || source.contains(.correction) || source == .fold }
}
