#if canImport(Glibc)
import Glibc
#endif
import Ingest
import Store
import TextAnalysis
import Themes

/// What `verbatim run --rerun` does: analyze the stored answers again with the current lexicons
/// and taxonomy, into a new run.
public struct RerunSettings: Sendable {
    public var database: String
    public var consultation: String?
    public var lexicons: String?
    public var taxonomy: String?
    public var intents: String?
    /// The learned model (`ModelChoice(option:)`).
    public var model: String?
    /// A labelled TSV (`id text themes [intent]`) scored with the same tagger and recorded with
    /// the run, so that `verbatim diff` shows how the scores moved.
    public var gold: String?
    /// The respondent field whose value tells who writes (`RunSettings.speakerColumn`); nil: the
    /// one the consultation's latest run used; "" (`--speaker-col none`): none.
    public var speakerColumn: String?
    public var workers: Int
    public var batchSize: Int
    public var waitSeconds = 600.0

    public init(database: String, consultation: String? = nil, lexicons: String? = nil, taxonomy: String? = nil,
                intents: String? = nil, gold: String? = nil, workers: Int? = nil, batchSize: Int = 2_000) {
        self.database = database
        self.consultation = consultation
        self.lexicons = lexicons
        self.taxonomy = taxonomy
        self.intents = intents
        self.gold = gold
        self.workers = max(1, workers ?? Parallel.coreCount)
        self.batchSize = max(1, batchSize)
    }
}

/// What a rerun did.
public struct RerunReport: Sendable {
    public var runID: Int64
    public var answers: Int
    public var excerpts: Int
    /// Excerpts whose lemmas (index columns) or spans changed.
    public var reindexed: Int
    /// The scores on the labelled set, when one was given (JSON).
    public var scores: String?
    public var seconds: Double
}

/// `verbatim run --db PATH --rerun`: every stored answer of a consultation analyzed again (its
/// stored text, already redacted) and tagged with the current taxonomy; excerpts keep their ids
/// when their spans are unchanged, and each gets a history row for the new run (`verbatim diff`).
public enum RerunJob {
    public static func run(_ settings: RerunSettings, progress: RunJob.Progress? = nil) throws -> RerunReport {
        let started = Clock.now()
        guard access(settings.database, F_OK) == 0 else {
            throw VerbatimError.cannotRead(path: settings.database, reason: "no such database; `verbatim run FILE --db PATH` creates it")
        }
        let lexicon = try FrenchLexicon.load(explicit: settings.lexicons)
        let lock = try WriterLock(path: settings.database, waitSeconds: settings.waitSeconds) {
            FileIO.writeStandardError("waiting for another `verbatim run` writing to \(settings.database)…\n")
        }
        defer { withExtendedLifetime(lock) {} }
        let store = try QuoteStore(path: settings.database)
        let consultation = try store.resolveConsultation(settings.consultation)
        // "" (`--speaker-col none`) turns the column off; nil keeps the last run's.
        let speakerColumn = try (settings.speakerColumn ?? store.lastSpeakerColumn(consultation: consultation)).flatMap { $0.isEmpty ? nil : $0 }
        let answers = try store.storedAnswers(consultation: consultation, field: speakerColumn)
        let analyzers = try (0..<settings.workers).map { _ in try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon)) }
        let tagger = try ThemeSetup.tagger(lexicon: lexicon, analyzer: analyzers[0], taxonomy: settings.taxonomy, intents: settings.intents,
                                           model: ModelChoice(option: settings.model))
        try store.upsertThemes(tagger.taxonomy.themes.map { ($0.id, $0.label, $0.description) })

        var record = RunJob.runRecord(runSettings(settings), lexicon: lexicon, sourceSha256: SHA256.hex(""))
        record.sourceFile = "(stored answers)"
        record.sourceSha256 = SHA256.hex(answers.map { "\($0.id)\t\($0.text)\n" }.joined())
        record.settingsJSON = "{\"rerun\":true,\"batchSize\":\(settings.batchSize),"
            + "\"speakerColumn\":\(speakerColumn.map(TextOutput.jsonString) ?? "null"),\"gold\":\(settings.gold.map(TextOutput.jsonString) ?? "null")}"
        let runID = try store.beginRun(consultation: consultation, record)
        try store.markRerun(runID)
        let writer = try store.writer(consultation: consultation, run: runID)

        var excerpts = 0, reindexed = 0
        progress?(0, answers.count)
        var start = 0
        while start < answers.count {
            let batch = answers[start..<min(answers.count, start + settings.batchSize)]
            let analyzed = Parallel.map(count: batch.count, workers: analyzers) { analyzer, i in
                RunJob.excerptRecords(of: batch[batch.startIndex + i].text, analyzer: analyzer, tagger: tagger,
                                      group: batch[batch.startIndex + i].field).0
            }
            let rows = zip(batch, analyzed).map { (answerID: $0.id, excerpts: $1) }
            excerpts += analyzed.reduce(0) { $0 + $1.count }
            reindexed += try writer.rewrite(rows)
            start += settings.batchSize
            progress?(min(start, answers.count), answers.count)
        }
        var counts = RunCounts()
        counts.answersRead = answers.count
        counts.answersUpdated = answers.count
        try store.finishRun(runID, counts: counts)
        var scores: String?
        if let gold = settings.gold {
            let (result, _) = try ThemeBench.evaluate(gold: gold, analyzer: analyzers[0], tagger: tagger)
            scores = ThemeBench.scoresJSON(result, file: gold)
            try store.setScores(runID, json: scores!)
        }
        return RerunReport(runID: runID, answers: answers.count, excerpts: excerpts, reindexed: reindexed, scores: scores,
                           seconds: Clock.now() - started)
    }

    /// The settings `RunJob.runRecord` reads (stages, lexicons, taxonomy checksums).
    static func runSettings(_ s: RerunSettings) -> RunSettings {
        var settings = RunSettings(input: "(stored answers)", database: s.database, mapping: ColumnMapping(idColumn: "", textColumns: []),
                                   lexicons: s.lexicons, workers: s.workers, batchSize: s.batchSize)
        settings.taxonomy = s.taxonomy
        settings.intents = s.intents
        settings.model = s.model
        settings.redact = false
        return settings
    }
}

/// `verbatim diff --db PATH [RUN_A RUN_B]`: what changed between two runs.
public enum DiffJob {
    public enum Format: String, CaseIterable, Sendable { case table, json }

    /// The runs compared: the two given, or the last two finished runs.
    public static func run(database: String, consultation: String?, before: Int64?, after: Int64?, limit: Int,
                           format: Format) throws -> String {
        let store = try QuoteStore(path: database, readOnly: true)
        let consultationID = try store.resolveConsultation(consultation)
        let runs = try store.finishedRuns(consultation: consultationID)
        let b = after ?? runs.last
        let a = before ?? runs.dropLast().last
        guard let a, let b else {
            throw VerbatimError.badOption(option: "RUN_A RUN_B", reason: "\(database) has \(runs.count) finished run(s); two are needed")
        }
        guard let ra = try ReportQueries.finishedRun(store, consultation: consultationID, run: a),
              let rb = try ReportQueries.finishedRun(store, consultation: consultationID, run: b) else {
            throw VerbatimError.badOption(option: "RUN_A RUN_B", reason: "no finished run \(a) or \(b) in this consultation; its finished runs: "
                                          + runs.map(String.init).joined(separator: ", "))
        }
        let diff = try RunDiff.between(a, b, consultation: consultationID, store: store)
        return format == .json ? json(diff, ra, rb) : table(diff, ra, rb, limit: limit)
    }

    static func themes(_ t: [String]?) -> String { t.map { $0.isEmpty ? "∅" : $0.joined(separator: ";") } ?? "(new)" }

    static func table(_ d: RunDiff, _ a: ReportQueries.RunInfo, _ b: ReportQueries.RunInfo, limit: Int) -> String {
        let themeChanges = d.changes.filter { $0.themesBefore != $0.themesAfter }.count
        let intentChanges = d.changes.filter { $0.intentBefore != $0.intentAfter }.count
        var out = "runs      \(a.id) (\(a.kind), \(a.startedAt)) → \(b.id) (\(b.kind), \(b.startedAt))\n"
        out += "excerpts  \(d.excerptsCompared) compared, \(d.changes.count) changed (\(themeChanges) themes, \(intentChanges) intents)\n"
        if a.scores != nil || b.scores != nil {
            out += "scores    " + ["microF1", "macroF1", "intentAccuracy"].map { key in
                "\(key) \(a.scores.flatMap { number(key, in: $0) } ?? "–") → \(b.scores.flatMap { number(key, in: $0) } ?? "–")"
            }.joined(separator: ", ") + " (--gold)\n"
        }
        out += "\n" + TextOutput.table(header: ["theme", "run \(a.id)", "run \(b.id)", "change"], rows: d.themeCounts.map {
            [$0.theme, "\($0.before)", "\($0.after)", $0.after == $0.before ? "" : ($0.after > $0.before ? "+" : "") + "\($0.after - $0.before)"]
        }, rightAligned: [1, 2, 3])
        guard !d.changes.isEmpty else { return out + "\nno excerpt changed\n" }
        out += "\nchanged excerpts\(d.changes.count > limit ? " (first \(limit) of \(d.changes.count); --limit)" : "")\n"
        for c in d.changes.prefix(limit) {
            out += "\(c.respondent)/\(c.question) excerpt \(c.excerptID): \(c.text)\n"
            if c.themesBefore != c.themesAfter { out += "    themes  \(themes(c.themesBefore)) → \(themes(c.themesAfter))\n" }
            if c.intentBefore != c.intentAfter { out += "    intent  \(c.intentBefore ?? "∅") → \(c.intentAfter ?? "∅")\n" }
        }
        return out
    }

    /// The number after `"key":` in a flat JSON object written by `ThemeBench.scoresJSON`.
    static func number(_ key: String, in json: String) -> String? {
        guard let range = json.firstRange(of: "\"\(key)\":") else { return nil }
        let value = json[range.upperBound...].prefix { $0 != "," && $0 != "}" }
        return value == "null" ? nil : String(value)
    }

    static func json(_ d: RunDiff, _ a: ReportQueries.RunInfo, _ b: ReportQueries.RunInfo) -> String {
        func list(_ t: [String]?) -> String { t.map { "[" + $0.map(TextOutput.jsonString).joined(separator: ",") + "]" } ?? "null" }
        func opt(_ s: String?) -> String { s.map(TextOutput.jsonString) ?? "null" }
        let changes = d.changes.map { c in
            "{\"excerptId\":\(c.excerptID),\"answerId\":\(c.answerID),\"respondent\":\(TextOutput.jsonString(c.respondent)),"
                + "\"question\":\(TextOutput.jsonString(c.question)),\"text\":\(TextOutput.jsonString(c.text)),"
                + "\"themesBefore\":\(list(c.themesBefore)),\"themesAfter\":\(list(c.themesAfter)),"
                + "\"intentBefore\":\(opt(c.intentBefore)),\"intentAfter\":\(opt(c.intentAfter))}"
        }
        let counts = d.themeCounts.map { "{\"theme\":\(TextOutput.jsonString($0.theme)),\"before\":\($0.before),\"after\":\($0.after)}" }
        return "{\"before\":{\"run\":\(a.id),\"kind\":\(opt(a.kind)),\"scores\":\(a.scores ?? "null")},"
            + "\"after\":{\"run\":\(b.id),\"kind\":\(opt(b.kind)),\"scores\":\(b.scores ?? "null")},"
            + "\"excerptsCompared\":\(d.excerptsCompared),\"themeCounts\":[\(counts.joined(separator: ","))],"
            + "\"changes\":[\(changes.joined(separator: ","))]}\n"
    }
}
