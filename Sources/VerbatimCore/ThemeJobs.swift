import Ingest
import Store
import TextAnalysis
import Themes

/// Which learned model tags with the taxonomy (`ThemeModel`).
public enum ModelChoice: Sendable, Equatable {
    /// `lexicons/themes/model.fr.tsv` beside the lexicon folder, when it exists.
    case bundled
    case file(String)
    /// The taxonomy and intent cues alone.
    case none

    /// From a `--model` option: nil is the bundled model, "none" no model, anything else a path.
    public init(option: String?) {
        switch option {
        case nil: self = .bundled
        case "none"?: self = .none
        case let path?: self = .file(path)
        }
    }
}

/// Loads the taxonomy, intent cues and model (defaults: `lexicons/themes/` beside the lexicon folder).
public struct ThemeSetup {
    public let analyzer: TextAnalyzer
    public let tagger: ThemeTagger

    public init(lexicons: String?, taxonomy: String?, intents: String?, model: ModelChoice = .bundled) throws {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        tagger = try Self.tagger(lexicon: lexicon, analyzer: analyzer, taxonomy: taxonomy, intents: intents, model: model)
    }

    /// Loads a tagger; terms are lemmatized with `analyzer`. Default files: `lexicons/themes/`
    /// beside the lexicon folder.
    public static func tagger(lexicon: FrenchLexicon, analyzer: TextAnalyzer, taxonomy: String?, intents: String?,
                              model: ModelChoice = .bundled) throws -> ThemeTagger {
        let themesFolder = lexicon.directory + "/../themes"
        let taxonomyPath = taxonomy ?? themesFolder + "/habitat.fr.tsv"
        let intentsPath = intents ?? themesFolder + "/intent.fr.tsv"
        return ThemeTagger(
            taxonomy: try ThemeTaxonomy(file: taxonomyPath, bytes: try FileIO.readAll(path: taxonomyPath), analyzer: analyzer),
            cues: try IntentCues(file: intentsPath, bytes: try FileIO.readAll(path: intentsPath), analyzer: analyzer),
            model: try modelPath(model, lexicon: lexicon).map { try ThemeModel(file: $0, bytes: try FileIO.readAll(path: $0)) })
    }

    /// The model file a choice names, or nil for none (the bundled one only when it exists).
    public static func modelPath(_ choice: ModelChoice, lexicon: FrenchLexicon) -> String? {
        switch choice {
        case .none: return nil
        case .file(let path): return path
        case .bundled:
            let path = lexicon.directory + "/../themes/model.fr.tsv"
            return FileIO.exists(path) ? path : nil
        }
    }

    /// Themes and intent of one answer.
    public func tag(_ text: String) -> ThemeTags { tagger.tag(analyzer.analyze(text)).answer }
}

/// `verbatim classify`: stateless tagging of a file of answers, one line per answer.
public enum ClassifyJob {
    public enum Format: String, CaseIterable, Sendable { case tsv, json }

    public static func run(input: String, idColumn: String, textColumn: String, format: Format, setup: ThemeSetup,
                           table options: TableFileOptions = .init()) throws -> String {
        let table = try TableFile.read(file: input, bytes: try FileIO.readAll(path: input), options: options)
        let rows = try columnPair(table, file: input, idColumn, textColumn)
        var out = format == .tsv ? "id\tthemes\tintent\n" : ""
        for (id, text) in rows {
            let tags = setup.tag(text)
            switch format {
            case .tsv:
                out += "\(TextOutput.tsvCell(id))\t\(tags.themeIDs.joined(separator: ";"))\t\(tags.intent.rawValue)\n"
            case .json:
                func j(_ s: String) -> String { TextOutput.jsonString(s) }
                let themes = tags.themes.map { a in
                    "{\"theme\":\(j(a.theme)),\"score\":\(AnalyzeJob.format(a.score, decimals: 2)),\"negated\":\(a.negated),"
                        + "\"evidence\":[\(a.evidence.map(j).joined(separator: ","))]}"
                }.joined(separator: ",")
                out += "{\"id\":\(j(id)),\"themes\":[\(themes)],\"intent\":\(j(tags.intent.rawValue))}\n"
            }
        }
        return out
    }

    /// (id, text) of every row, or a missing-column error listing the available columns.
    static func columnPair(_ table: CSVTable, file: String, _ idColumn: String, _ textColumn: String) throws -> [(String, String)] {
        guard let i = table.header.firstIndex(of: idColumn) else {
            throw IngestError.missingColumn(file: file, name: idColumn, available: table.header)
        }
        guard let t = table.header.firstIndex(of: textColumn) else {
            throw IngestError.missingColumn(file: file, name: textColumn, available: table.header)
        }
        return table.records.map { ($0.fields[i], $0.fields[t]) }
    }
}

/// `verbatim bench themes`: precision, recall and F1 per theme against a labelled file, micro and
/// macro F1, intent accuracy, and tagging speed.
public enum ThemeBench {
    public struct Score: Sendable, Equatable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public var precision: Double { truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    public struct Result: Sendable {
        public var perTheme: [(theme: String, score: Score)]
        public var micro: Score
        public var macroF1: Double
        public var intentAccuracy: Double?
        public var answers: Int
        public var confusions: [String]
    }

    /// Scores predictions against gold theme sets (and intents when given).
    public static func score(gold: [(themes: Set<String>, intent: String?)], predicted: [(themes: Set<String>, intent: String)],
                             themeIDs: [String]) -> Result {
        var per: [String: Score] = [:]
        for id in themeIDs { per[id] = Score() }
        var micro = Score()
        var intentHits = 0, intentTotal = 0
        for (g, p) in zip(gold, predicted) {
            for t in g.themes.union(p.themes) {
                let inGold = g.themes.contains(t), inPred = p.themes.contains(t)
                if inGold && inPred { per[t, default: Score()].truePositives += 1; micro.truePositives += 1 }
                else if inPred { per[t, default: Score()].falsePositives += 1; micro.falsePositives += 1 }
                else { per[t, default: Score()].falseNegatives += 1; micro.falseNegatives += 1 }
            }
            if let gi = g.intent, !gi.isEmpty {
                intentTotal += 1
                if gi == p.intent { intentHits += 1 }
            }
        }
        let ids = per.keys.sorted()
        let scored = ids.map { (theme: $0, score: per[$0]!) }
        let withSupport = scored.filter { $0.score.truePositives + $0.score.falseNegatives > 0 }
        let macro = withSupport.isEmpty ? 0 : withSupport.map(\.score.f1).reduce(0, +) / Double(withSupport.count)
        return Result(perTheme: scored, micro: micro, macroF1: macro,
                      intentAccuracy: intentTotal == 0 ? nil : Double(intentHits) / Double(intentTotal),
                      answers: gold.count, confusions: [])
    }

    /// Runs the tagger on a gold file (`id text themes [intent]`, TSV) and renders the scores.
    /// Scores a tagger on a labelled TSV (columns id, text, themes, optional intent); also returns
    /// the answers' texts.
    public static func evaluate(gold path: String, analyzer: TextAnalyzer, tagger: ThemeTagger) throws -> (Result, [String]) {
        let answers = try goldAnswers(path)
        var predicted: [(themes: Set<String>, intent: String)] = []
        for answer in answers {
            let tags = tagger.tag(analyzer.analyze(answer.text)).answer
            predicted.append((Set(tags.themeIDs), tags.intent.rawValue))
        }
        return (score(gold: answers.map { ($0.themes, $0.intent) }, predicted: predicted, themeIDs: tagger.taxonomy.themes.map(\.id)),
                answers.map(\.text))
    }

    /// The answers of a labelled TSV: columns `text`, `themes` (ids joined by ";") and optional `intent`.
    public static func goldAnswers(_ path: String) throws -> [(text: String, themes: Set<String>, intent: String?, line: Int)] {
        let table = try TableFile.read(file: path, bytes: try FileIO.readAll(path: path), options: TableFileOptions(format: .tsv))
        guard let ti = table.header.firstIndex(of: "text"), let hi = table.header.firstIndex(of: "themes") else {
            throw IngestError.missingColumn(file: path, name: table.header.contains("text") ? "themes" : "text", available: table.header)
        }
        let ii = table.header.firstIndex(of: "intent")
        return table.records.map { record in
            (record.fields[ti], Set(record.fields[hi].split(separator: ";").map(String.init).filter { !$0.isEmpty }),
             ii.map { record.fields[$0] }, record.line)
        }
    }

    /// One labelled row of a file scored by `scoreLabels`: its id, themes and intent.
    struct LabelledRow {
        var id: String
        var themes: Set<String>
        var intent: String?
        var line: Int
    }

    /// The rows of a labels file (columns `id`, `themes`, optional `intent`), with an error for a
    /// missing column or an id given twice.
    static func labelledRows(_ path: String) throws -> [LabelledRow] {
        let table = try TableFile.read(file: path, bytes: try FileIO.readAll(path: path), options: TableFileOptions(format: .tsv))
        for name in ["id", "themes"] where !table.header.contains(name) {
            throw IngestError.missingColumn(file: path, name: name, available: table.header)
        }
        let ii = table.header.firstIndex(of: "id")!, hi = table.header.firstIndex(of: "themes")!
        let intentIndex = table.header.firstIndex(of: "intent")
        var seen: [String: Int] = [:]
        return try table.records.map { record in
            let id = record.fields[ii]
            if let first = seen[id] {
                throw VerbatimError.badInput(path: path, line: record.line, reason: "id '\(id)' was already given on line \(first)")
            }
            seen[id] = record.line
            return LabelledRow(id: id, themes: Set(record.fields[hi].split(separator: ";").map(String.init).filter { !$0.isEmpty }),
                               intent: intentIndex.map { record.fields[$0] }, line: record.line)
        }
    }

    /// Scores another labelling of the gold answers, matched by `id`: a second coder's labels, or
    /// another tool's output (`verbatim classify` writes this format). Every label row must have
    /// a gold answer, and every gold answer labels unless `sample` (the labels cover a sample of
    /// the gold answers, which alone are scored). Intent accuracy when both files have intents.
    public static func scoreLabels(_ labelsPath: String, gold goldPath: String, sample: Bool = false) throws -> Result {
        let labels = try labelledRows(labelsPath)
        var gold = try labelledRows(goldPath)
        let labelByID = Dictionary(uniqueKeysWithValues: labels.map { ($0.id, $0) })
        let goldIDs = Set(gold.map(\.id))
        if let stray = labels.first(where: { !goldIDs.contains($0.id) }) {
            throw VerbatimError.badInput(path: labelsPath, line: stray.line, reason: "id '\(stray.id)' is not in \(goldPath)")
        }
        if sample { gold.removeAll { labelByID[$0.id] == nil } }
        if let missing = gold.first(where: { labelByID[$0.id] == nil }) {
            throw VerbatimError.badInput(path: goldPath, line: missing.line, reason: "id '\(missing.id)' has no labels in \(labelsPath)")
        }
        let withIntent = labels.allSatisfy { $0.intent != nil }
        let predicted = gold.map { g in (themes: labelByID[g.id]!.themes, intent: labelByID[g.id]!.intent ?? "") }
        let themeIDs = Set(gold.flatMap(\.themes)).union(labels.flatMap(\.themes)).sorted()
        return score(gold: gold.map { (themes: $0.themes, intent: withIntent ? $0.intent : nil) }, predicted: predicted,
                     themeIDs: themeIDs)
    }

    /// `bench themes --labels`: the scores of a labels file against the gold, without speed.
    public static func run(labels labelsPath: String, gold goldPath: String, sample: Bool = false, json: Bool) throws -> String {
        let result = try scoreLabels(labelsPath, gold: goldPath, sample: sample)
        return render(result, file: goldPath, seconds: nil, tagSeconds: nil, json: json, tagger: "labels \(labelsPath)")
    }

    /// The three headline figures as a JSON object (stored with a run).
    public static func scoresJSON(_ r: Result, file: String) -> String {
        func f(_ x: Double) -> String { AnalyzeJob.format(x, decimals: 3) }
        return "{\"file\":\(TextOutput.jsonString(file)),\"answers\":\(r.answers),\"microF1\":\(f(r.micro.f1)),"
            + "\"macroF1\":\(f(r.macroF1)),\"intentAccuracy\":\(r.intentAccuracy.map(f) ?? "null")}"
    }

    public static func run(gold path: String, setup: ThemeSetup, json: Bool) throws -> String {
        let (result, texts) = try evaluate(gold: path, analyzer: setup.analyzer, tagger: setup.tagger)
        // Speed on warm memos: the gold answers again and again for at least 50,000 answers.
        let analyzed = texts.map { setup.analyzer.analyze($0) }
        let rounds = max(1, 50_000 / max(1, texts.count))
        var sink = 0
        let t0 = Clock.now()
        for _ in 0..<rounds { for a in analyzed { sink &+= setup.tagger.tag(a).answer.themes.count } }
        let tagSeconds = (Clock.now() - t0) / Double(rounds)
        let t1 = Clock.now()
        for _ in 0..<rounds { for text in texts { sink &+= setup.tagger.tag(setup.analyzer.analyze(text)).answer.themes.count } }
        let bothSeconds = (Clock.now() - t1) / Double(rounds)
        if sink == -1 { print(sink) }
        return render(result, file: path, seconds: bothSeconds, tagSeconds: tagSeconds, json: json, tagger: describe(setup.tagger))
    }

    /// "taxonomy alone", or the model file and what it was trained on.
    static func describe(_ tagger: ThemeTagger) -> String {
        guard let model = tagger.model else { return "taxonomy alone (no model)" }
        let trained = model.provenance.first { $0.key == "trained-on" }?.value.split(separator: "\t")
        return "taxonomy + model \(model.file)" + (trained.map { " (trained on \($0.first ?? ""), \($0.last ?? ""))" } ?? "")
    }

    static func render(_ r: Result, file: String, seconds: Double?, tagSeconds: Double?, json: Bool, tagger: String) -> String {
        func f(_ x: Double) -> String { AnalyzeJob.format(x, decimals: 3) }
        let rate = seconds.map { $0 > 0 ? Double(r.answers) / $0 : 0 }
        let tagRate = tagSeconds.map { $0 > 0 ? Double(r.answers) / $0 : 0 }
        if json {
            let themes = r.perTheme.map { "{\"theme\":\(TextOutput.jsonString($0.theme)),\"precision\":\(f($0.score.precision)),\"recall\":\(f($0.score.recall)),\"f1\":\(f($0.score.f1)),\"tp\":\($0.score.truePositives),\"fp\":\($0.score.falsePositives),\"fn\":\($0.score.falseNegatives)}" }
            return "{\"file\":\(TextOutput.jsonString(file)),\"tagger\":\(TextOutput.jsonString(tagger)),\"answers\":\(r.answers),\"microF1\":\(f(r.micro.f1)),\"microPrecision\":\(f(r.micro.precision)),\"microRecall\":\(f(r.micro.recall)),\"macroF1\":\(f(r.macroF1)),"
                + "\"intentAccuracy\":\(r.intentAccuracy.map(f) ?? "null"),"
                + (rate.map { "\"answersPerSecond\":\(Int($0)),\"taggingAnswersPerSecond\":\(Int(tagRate ?? 0))," } ?? "")
                + "\"themes\":[\(themes.joined(separator: ","))]}\n"
        }
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var out = "\(pad("theme", 24))\(lpad("P", 7))\(lpad("R", 7))\(lpad("F1", 7))\(lpad("gold", 6))\n"
        for (theme, s) in r.perTheme {
            out += "\(pad(theme, 24))\(lpad(f(s.precision), 7))\(lpad(f(s.recall), 7))\(lpad(f(s.f1), 7))\(lpad(String(s.truePositives + s.falseNegatives), 6))\n"
        }
        out += "\ntagger          \(tagger)\n"
        out += "answers         \(r.answers)\n"
        out += "micro           P \(f(r.micro.precision))  R \(f(r.micro.recall))  F1 \(f(r.micro.f1))\n"
        out += "macro F1        \(f(r.macroF1))\n"
        if let a = r.intentAccuracy { out += "intent accuracy \(f(a))\n" }
        if let rate, let tagRate {
            out += "speed           \(Int(rate.rounded())) answers/s analyze+tag, \(Int(tagRate.rounded())) answers/s tagging alone (1 thread, warm, \(r.answers) answers repeated)\n"
        }
        return out
    }
}

/// `verbatim themes`: the theme table of a stored consultation, overall or by a respondent field.
public enum ThemesJob {
    public static func run(database: String, consultation: String?, field: String?) throws -> String {
        let store = try QuoteStore(path: database, readOnly: true)
        let counts = try ThemeCounts(store: store, consultation: consultation, field: field)
        return field.map { render(counts, by: $0) } ?? render(counts)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : AnalyzeJob.format(100 * Double(part) / Double(whole), decimals: 1) + "%"
    }

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

    /// Overall: answers, share of answers, excerpts, negated excerpts, excerpt intents.
    static func render(_ c: ThemeCounts) -> String {
        var out = pad("theme", 24) + ["answers", "share", "excerpts", "negated", "plainte", "attente", "satisf."].map { lpad($0, 9) }.joined() + "\n"
        for r in c.rows where r.answers > 0 {
            out += pad(r.theme, 24) + [String(r.answers), percent(r.answers, c.totalAnswers), String(r.excerpts),
                                       String(r.negatedExcerpts), String(r.plainte), String(r.attente), String(r.satisfaction)]
                .map { lpad($0, 9) }.joined() + "\n"
        }
        out += pad("(unclassified)", 24) + lpad(String(c.unclassifiedAnswers), 9) + lpad(percent(c.unclassifiedAnswers, c.totalAnswers), 9) + "\n"
        let unused = c.rows.filter { $0.answers == 0 }.map(\.theme)
        if !unused.isEmpty { out += "no answer:  " + unused.joined(separator: ", ") + "\n" }
        out += "answers     \(c.totalAnswers)\n"
        return out
    }

    /// By field: per value, answers with the theme, their share of the value's answers, and the
    /// binomial z-score against the overall share (`*` when |z| ≥ 1.96).
    static func render(_ c: ThemeCounts, by field: String) -> String {
        let width = 22
        var out = pad("theme \\ \(field)", 24) + c.values.map { lpad(String($0.prefix(width - 1)), width) }.joined() + lpad("all", 14) + "\n"
        out += pad("", 24) + c.values.map { lpad("(\(c.answersByValue[$0] ?? 0) answers)", width) }.joined()
            + lpad("(\(c.totalAnswers))", 14) + "\n"
        for r in c.rows where r.answers > 0 {
            out += pad(r.theme, 24)
            for v in c.values {
                let n = r.answersByValue[v] ?? 0
                let z = ThemeCounts.zScore(observed: n, groupAnswers: c.answersByValue[v] ?? 0, themeAnswers: r.answers,
                                           totalAnswers: c.totalAnswers)
                let zText = (z >= 0 ? "+" : "") + AnalyzeJob.format(z, decimals: 1) + (abs(z) >= 1.96 ? "*" : " ")
                out += lpad("\(n) \(percent(n, c.answersByValue[v] ?? 0)) \(zText)", width)
            }
            out += lpad("\(r.answers) \(percent(r.answers, c.totalAnswers))", 14) + "\n"
        }
        out += "\nn = answers with the theme, % = share of the group's answers, z = binomial z-score against the overall share (* = |z| ≥ 1.96, 5 %)\n"
        return out
    }
}
