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
        let answer = setup.tagger.tag(analyzed).answer
        out += "answer: themes \(answer.themeIDs.isEmpty ? "none" : answer.themeIDs.joined(separator: ";")); intent \(answer.intent.rawValue)\n"
        return out
    }
}
