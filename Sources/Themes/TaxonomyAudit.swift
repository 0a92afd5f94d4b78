import TextAnalysis

/// What a labelled file says about a taxonomy's terms: how often each term fires on answers that
/// carry its theme and on answers that do not, and which words of the answers the taxonomy missed
/// would have found them without firing elsewhere. Suggestions are for a researcher to review,
/// never applied by themselves.
public struct TaxonomyAudit: Sendable {
    /// One term of the taxonomy on the labelled answers.
    public struct TermFigures: Sendable, Equatable {
        public var theme: String
        public var term: String
        /// The term's weight (a 0.5 term alone does not tag).
        public var weight: Double
        /// Answers in which the term fired.
        public var fired: Int
        /// Of those, answers labelled with the term's theme.
        public var right: Int
        public var precision: Double { fired == 0 ? 0 : Double(right) / Double(fired) }
    }

    /// A word or phrase of the answers (lemmas, folded) that would find missed answers of a theme.
    public struct Suggestion: Sendable, Equatable {
        public var theme: String
        /// Lemmas joined by spaces: a term as the taxonomy file writes it.
        public var term: String
        /// Answers of the theme the tagger missed that contain it.
        public var fixes: Int
        /// Answers that contain it, and of those, answers labelled with the theme.
        public var occurrences: Int
        public var right: Int
        public var precision: Double { Double(right) / Double(occurrences) }
    }

    /// Per theme: answers labelled with it, answers tagged with it, missed and wrongly tagged ones.
    public struct ThemeFigures: Sendable, Equatable {
        public var theme: String
        public var gold = 0, tagged = 0, missed = 0, wrong = 0
    }

    public private(set) var themes: [ThemeFigures] = []
    public private(set) var terms: [TermFigures] = []
    public private(set) var suggestions: [Suggestion] = []

    /// Audits `tagger` on labelled answers. Suggestions: phrases of one to three lemmas (starting
    /// and ending with a word that is not a stopword) found in at least `minFixes` missed answers
    /// of a theme, with precision at least `minPrecision` over all the answers that hold them.
    public init(tagger: ThemeTagger, analyzer: TextAnalyzer, answers: [(text: String, themes: Set<String>)],
                stopwords: Set<String>, minFixes: Int = 2, minPrecision: Double = 0.6) {
        let ids = tagger.taxonomy.themes.map(\.id)
        let themeIndex = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let folded = Set(stopwords.map(FoldedWords.fold))
        var figures = ids.map { ThemeFigures(theme: $0) }
        var fired = [Int](repeating: 0, count: tagger.taxonomy.terms.phrases.count)
        var firedRight = fired
        // phrase → (answers holding it, per theme: answers labelled with it, missed answers)
        var phraseAnswers: [String: Int] = [:]
        var phraseRight: [String: [Int: Int]] = [:]
        var phraseFixes: [String: [Int: Int]] = [:]
        for answer in answers {
            let analyzed = analyzer.analyze(answer.text)
            let tagged = Set(tagger.tag(analyzed).answer.themeIDs)
            let gold = Set(answer.themes.compactMap { themeIndex[$0] })
            for t in gold { figures[t].gold += 1 }
            for id in tagged { if let t = themeIndex[id] { figures[t].tagged += 1; if !gold.contains(t) { figures[t].wrong += 1 } } }
            let missed = gold.filter { !tagged.contains(ids[$0]) }
            for t in missed { figures[t].missed += 1 }
            var firedHere = Set<Int>()
            var phrases = Set<String>()
            for excerpt in analyzed.excerpts {
                let words = PhraseCompiler.matchTokens(analyzed.tokens[excerpt.tokenRange])
                for m in tagger.firedTerms(words) { firedHere.insert(m.phrase) }
                let content = words.map { !folded.contains($0.lemma) && !folded.contains($0.form) && $0.form.utf8.count > 1
                    && !$0.form.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
                for i in words.indices where content[i] {
                    for n in 1...3 where i + n <= words.count && content[i + n - 1] {
                        phrases.insert(words[i..<(i + n)].map(\.lemma).joined(separator: " "))
                    }
                }
            }
            for p in firedHere {
                fired[p] += 1
                if gold.contains(tagger.taxonomy.termTheme[p]) { firedRight[p] += 1 }
            }
            for p in phrases {
                phraseAnswers[p, default: 0] += 1
                for t in gold { phraseRight[p, default: [:]][t, default: 0] += 1 }
                for t in missed { phraseFixes[p, default: [:]][t, default: 0] += 1 }
            }
        }
        themes = figures
        let phrases = tagger.taxonomy.terms.phrases
        terms = phrases.indices.map {
            TermFigures(theme: ids[tagger.taxonomy.termTheme[$0]], term: phrases[$0].text, weight: tagger.taxonomy.termWeight[$0],
                        fired: fired[$0], right: firedRight[$0])
        }
        let existing = Set(phrases.map { $0.words.map(\.lemma).joined(separator: " ") })
        for (p, byTheme) in phraseFixes where !existing.contains(p) {
            for (t, fixes) in byTheme where fixes >= minFixes {
                let s = Suggestion(theme: ids[t], term: p, fixes: fixes, occurrences: phraseAnswers[p]!, right: phraseRight[p]?[t] ?? 0)
                if s.precision >= minPrecision { suggestions.append(s) }
            }
        }
        suggestions.sort {
            ($0.theme, -$0.fixes, -$0.precision, $0.term) < ($1.theme, -$1.fixes, -$1.precision, $1.term)
        }
    }
}
