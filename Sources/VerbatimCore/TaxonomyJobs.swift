import Store
import TextAnalysis
import Themes

/// `verbatim taxonomy lint|explain|promote`: the researcher's view of a taxonomy.
public enum TaxonomyJob {
    /// Loads the taxonomy and intent cues (format errors name file:line), then reports what
    /// loading does not check. Returns the report and whether it holds errors.
    public static func lint(lexicons: String?, taxonomy: String?, intents: String?, model: String? = nil) throws -> (String, errors: Int) {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        let tagger = try ThemeSetup.tagger(lexicon: lexicon, analyzer: analyzer, taxonomy: taxonomy, intents: intents,
                                           model: ModelChoice(option: model))
        let path = taxonomy ?? lexicon.directory + "/../themes/habitat.fr.tsv"
        let intentsPath = intents ?? lexicon.directory + "/../themes/intent.fr.tsv"
        let findings = try TaxonomyLint.check(file: path, bytes: try FileIO.readAll(path: path), analyzer: analyzer)
        let errors = findings.filter { $0.severity == .error }.count
        var lines = findings.map(\.description)
        if let model = tagger.model {
            lines += try staleModel(model, taxonomy: (path, tagger.taxonomy.themes.map(\.id)), intents: intentsPath)
        }
        var out = lines.joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        out += "\(path): \(tagger.taxonomy.themes.count) themes; \(errors) errors, \(lines.count - errors) warnings\n"
        return (out, errors)
    }

    /// Warnings for a model that no longer matches the files it was trained with: another
    /// taxonomy or cue file (by SHA-256), themes without a model column.
    static func staleModel(_ model: ThemeModel, taxonomy: (path: String, themes: [String]), intents: String) throws -> [String] {
        var out: [String] = []
        for (key, path) in [("taxonomy", taxonomy.path), ("intents", intents)] {
            let recorded = model.provenance.first { $0.key == key }?.value.split(separator: "\t").last.map(String.init)
            let actual = SHA256.hex(try FileIO.readAll(path: path))
            if recorded != actual {
                out.append("\(model.file): warning: trained with another \(key) file than \(path) (retrain: verbatim taxonomy train --gold FILE)")
            }
        }
        for theme in taxonomy.themes where !model.themes.contains(theme) {
            out.append("\(model.file): warning: theme '\(theme)' has no model column: the taxonomy alone tags it (retrain)")
        }
        return out
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
        let trace = TagTrace()
        let answer = setup.tagger.tag(excerpts: parts, trace: trace).answer
        for line in trace.lines { out += line + "\n" }
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
                out += "  weak term  '\(t.term)' (\(AnalyzeJob.format(t.weight, decimals: 1))): fired in \(t.fired) answers, \(t.right) labelled \(t.theme)\n"
            }
            for s in audit.suggestions where s.theme == figures.theme {
                out += "  suggest    \(s.theme)\tterm\t\(s.term)\t1    # finds \(s.fixes) missed; \(s.right) of its \(s.occurrences) answers labelled \(s.theme)\n"
            }
        }
        return out
    }

    /// Learns the theme model from a labelled file with the taxonomy and cues alone, writes it
    /// (atomically), and reports what it learned and how it fits the file.
    public static func train(gold path: String, output: String?, lexicons: String?, taxonomy: String?, intents: String?,
                             threshold: Double, iterations: Int, minAnswers: Int, themeC: Double = 10, intentC: Double = 10,
                             gramC: Double = 30) throws -> String {
        let started = Clock.now()
        var settings = ThemeModelSettings()
        settings.threshold = threshold
        settings.iterations = iterations
        settings.minAnswers = minAnswers
        settings.themeC = themeC
        settings.intentC = intentC
        settings.gramC = gramC
        let setup = try ThemeSetup(lexicons: lexicons, taxonomy: taxonomy, intents: intents, model: .none)
        let folder = (setup.analyzer.lemmatizer?.lexicon.directory ?? "lexicons/fr") + "/../themes"
        let taxonomyPath = taxonomy ?? folder + "/habitat.fr.tsv", intentsPath = intents ?? folder + "/intent.fr.tsv"
        let outputPath = output ?? folder + "/model.fr.tsv"
        let answers = try ThemeBench.goldAnswers(path)
        let known = Set(setup.tagger.taxonomy.themes.map(\.id))
        var examples: [ThemeModelExample] = []
        for answer in answers {
            if let unknown = answer.themes.first(where: { !known.contains($0) }) {
                throw VerbatimError.badInput(path: path, line: answer.line, reason: "theme '\(unknown)' is not in the taxonomy")
            }
            var intent: Intent? = nil
            if let text = answer.intent, !text.isEmpty {
                guard let i = Intent(rawValue: text) else {
                    throw VerbatimError.badInput(path: path, line: answer.line, reason: "intent '\(text)' is not plainte, attente, satisfaction or neutre")
                }
                intent = i
            }
            examples.append(ThemeModelExample(features: features(answer.text, setup), themes: answer.themes, intent: intent))
        }
        func name(_ p: String) -> String { String(p.split(separator: "/").last ?? Substring(p)) }
        func sha(_ p: String) throws -> String { SHA256.hex(try FileIO.readAll(path: p)) }
        let provenance = [("trained-on", "\(name(path))\t\(try sha(path))\t\(answers.count) answers"),
                          ("taxonomy", "\(name(taxonomyPath))\t\(try sha(taxonomyPath))"),
                          ("intents", "\(name(intentsPath))\t\(try sha(intentsPath))")]
        let model = ThemeModelTrainer.train(examples, themes: setup.tagger.taxonomy.themes.map(\.id), settings: settings,
                                            provenance: provenance, file: outputPath)
        try FileIO.writeAll(path: outputPath, bytes: Array(model.tsv().utf8))
        // How the written model (rounded weights) fits the file it learned from.
        let trained = ThemeSetupWithModel(setup: setup, model: try ThemeModel(file: outputPath, bytes: try FileIO.readAll(path: outputPath)))
        var predicted: [(themes: Set<String>, intent: String)] = []
        for answer in answers {
            let tags = trained.tagger.tag(setup.analyzer.analyze(answer.text)).answer
            predicted.append((Set(tags.themeIDs), tags.intent.rawValue))
        }
        let fit = ThemeBench.score(gold: answers.map { ($0.themes, $0.intent) }, predicted: predicted, themeIDs: Array(known).sorted())
        func f(_ x: Double) -> String { AnalyzeJob.format(x, decimals: 3) }
        return """
            \(outputPath): \(model.featureNames.count) features, \(model.themes.count) themes + intent, from \(answers.count) answers \
            (\(f(Clock.now() - started)) s)
            fit on the training file (not a measure of quality: score another file with `verbatim bench themes`): \
            micro-F1 \(f(fit.micro.f1)), macro-F1 \(f(fit.macroF1)), intent \(fit.intentAccuracy.map(f) ?? "-")

            """
    }

    /// The model's features of one text, as the tagger without a model sees it.
    static func features(_ text: String, _ setup: ThemeSetup) -> [String] {
        let analyzed = setup.analyzer.analyze(text)
        let parts = analyzed.excerpts.map {
            let tokens = analyzed.tokens[$0.tokenRange]
            return (tokens: tokens, words: PhraseCompiler.matchTokens(tokens))
        }
        return setup.tagger.modelFeatures(of: parts)
    }
}

/// A setup's analyzer and taxonomy with another model.
struct ThemeSetupWithModel {
    let tagger: ThemeTagger
    init(setup: ThemeSetup, model: ThemeModel) {
        tagger = ThemeTagger(taxonomy: setup.tagger.taxonomy, cues: setup.tagger.cues, model: model)
    }
}
