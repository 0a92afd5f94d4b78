import Store
import TextAnalysis
import Themes

/// `verbatim taxonomy lint|explain|promote`: the researcher's view of a taxonomy.
public enum TaxonomyJob {
    /// Loads the taxonomy and intent cues (format errors name file:line), then reports what
    /// loading does not check. Returns the report and whether it holds errors.
    public static func lint(lexicons: String?, taxonomy: String?, intents: String?) throws -> (String, errors: Int) {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        let tagger = try ThemeSetup.tagger(lexicon: lexicon, analyzer: analyzer, taxonomy: taxonomy, intents: intents)
        let path = taxonomy ?? lexicon.directory + "/../themes/habitat.fr.tsv"
        let findings = try TaxonomyLint.check(file: path, bytes: try FileIO.readAll(path: path), analyzer: analyzer)
        let errors = findings.filter { $0.severity == .error }.count
        var out = findings.map(\.description).joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        out += "\(path): \(tagger.taxonomy.themes.count) themes; \(errors) errors, \(findings.count - errors) warnings\n"
        return (out, errors)
    }

    /// Which terms fired, which negations and cues counted, and the resulting themes and intent,
    /// excerpt by excerpt.
    public static func explain(_ text: String, setup: ThemeSetup) -> String {
        let analyzed = setup.analyzer.analyze(text)
        var out = ""
        var all: [ThemeTags] = []
        for (n, excerpt) in analyzed.excerpts.enumerated() {
            let tokens = analyzed.tokens[excerpt.tokenRange]
            let trace = TagTrace()
            let tags = setup.tagger.tag(tokens, words: PhraseCompiler.matchTokens(tokens), trace: trace)
            all.append(tags)
            let slice = Array(text.utf8)[excerpt.utf8Start..<excerpt.utf8End]
            out += "excerpt \(n + 1): \(String(decoding: slice, as: UTF8.self))\n"
            out += "  lemmas    " + PhraseCompiler.matchTokens(tokens).map { $0.form == $0.lemma ? $0.form : "\($0.form)/\($0.lemma)" }
                .joined(separator: " ") + "\n"
            for line in trace.lines { out += "  \(line)\n" }
            out += "  themes    " + (tags.themes.isEmpty ? "none" : tags.themes.map {
                "\($0.theme) (\(AnalyzeJob.format($0.score, decimals: 1))\($0.negated ? ", negated" : ""))"
            }.joined(separator: ", ")) + "\n"
        }
        let parts = analyzed.excerpts.map {
            let tokens = analyzed.tokens[$0.tokenRange]
            return (tokens: tokens, words: PhraseCompiler.matchTokens(tokens))
        }
        if let speaker = setup.tagger.speaker(of: parts) {
            out += "speaker '\(speaker.phrase)' → \(speaker.theme)"
                + (speaker.moves.isEmpty ? "" : ": \(speaker.moves.joined(separator: ", ")) become \(speaker.theme)") + "\n"
        }
        let answer = setup.tagger.tag(excerpts: parts).answer
        out += "answer: themes \(answer.themeIDs.isEmpty ? "none" : answer.themeIDs.joined(separator: ";")); intent \(answer.intent.rawValue)\n"
        return out
    }

    /// Per theme: answers labelled, tagged, missed and wrongly tagged in a labelled file; the
    /// terms that fire mostly outside their theme (precision below `weakBelow`, at least two
    /// wrong answers); and suggested terms for the missed answers (`TaxonomyAudit`), as rows to
    /// paste into the taxonomy file after review. `theme` limits the report to one theme.
    public static func audit(gold path: String, setup: ThemeSetup, theme: String?, weakBelow: Double = 0.5,
                             minFixes: Int = 2, minPrecision: Double = 0.6) throws -> String {
        let ids = setup.tagger.taxonomy.themes.map(\.id)
        if let theme, !ids.contains(theme) {
            throw ThemeError(file: setup.tagger.taxonomy.file, line: 0,
                             message: "no theme '\(theme)' (themes: \(ids.joined(separator: ", ")))")
        }
        let answers = try ThemeBench.goldAnswers(path)
        let audit = TaxonomyAudit(tagger: setup.tagger, analyzer: setup.analyzer,
                                  answers: answers.map { ($0.text, $0.themes) },
                                  stopwords: setup.analyzer.lemmatizer?.lexicon.stopwordList ?? [],
                                  minFixes: minFixes, minPrecision: minPrecision)
        var out = "\(path): \(answers.count) answers\n"
        for figures in audit.themes where theme == nil || figures.theme == theme {
            out += "\n\(figures.theme): labelled \(figures.gold), tagged \(figures.tagged), missed \(figures.missed), wrong \(figures.wrong)\n"
            let weak = audit.terms.filter { $0.theme == figures.theme && $0.fired - $0.right >= 2 && $0.precision < weakBelow }
                .sorted { ($0.precision, $0.term) < ($1.precision, $1.term) }
            for t in weak {
                out += "  weak term  '\(t.term)': fired in \(t.fired) answers, \(t.right) labelled \(t.theme)\n"
            }
            for s in audit.suggestions where s.theme == figures.theme {
                out += "  suggest    \(s.theme)\tterm\t\(s.term)\t1    # finds \(s.fixes) missed; \(s.right) of its \(s.occurrences) answers labelled \(s.theme)\n"
            }
        }
        return out
    }
}
