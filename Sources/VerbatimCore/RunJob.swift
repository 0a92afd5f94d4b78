import FrenchText
import Ingest
import Store
import TextAnalysis
import Themes

/// What `verbatim run` does and with which settings.
public struct RunSettings: Sendable {
    /// The export to read (CSV/TSV/XLSX/JSONL).
    public var input: String
    /// The SQLite file, created when missing.
    public var database: String
    /// Consultation name; default: the input file name without its extension.
    public var consultation: String?
    public var mapping: ColumnMapping
    public var table: TableFileOptions
    /// A TSV file `id<TAB>label` naming the questions (optional).
    public var questionLabels: String?
    /// Lexicon folder (see `FrenchLexicon.locate`).
    public var lexicons: String?
    /// Analysis threads; default: all cores.
    public var workers: Int
    /// Answers per transaction.
    public var batchSize: Int
    /// Taxonomy and intent-cue files (default: `lexicons/themes/`); tagging is off when `tagThemes` is false.
    public var taxonomy: String?
    public var intents: String?
    /// The learned model (`ModelChoice(option:)`: nil the bundled one, "none" no model, or a path).
    public var model: String?
    public var tagThemes = true
    /// The respondent field (one of the mapping's segment columns) whose value tells who writes,
    /// through the taxonomy's `speaker-group` rows ("salarie" → organisation-interne).
    public var speakerColumn: String?
    /// Analyze and store again answers whose text is unchanged (after a lexicon or taxonomy edit).
    public var reanalyze = false
    /// Mask personal data (phones, e-mails, URLs, IBANs, social-security numbers, names, addresses)
    /// before anything is stored; `--keep-personal-data` turns it off.
    public var redact = true
    /// What the redaction masks (kinds, address parts); everything by default.
    public var redaction = Redactor.Settings.all
    /// Longest answer analyzed and stored (UTF-8 bytes); longer ones are skipped with a warning.
    public var maxAnswerBytes = RunSettings.defaultMaxAnswerBytes
    /// Most data rows accepted from the input; more is an error before anything is written.
    public var maxRows = RunSettings.defaultMaxRows
    /// A labelled TSV scored with the run's tagger; the scores are stored with the run.
    public var gold: String?
    /// How long to wait for another run writing to the same database (`WriterLock`).
    public var waitSeconds = 600.0

    /// 100,000 bytes: some forty pages of text, far beyond any survey answer.
    public static let defaultMaxAnswerBytes = 100_000
    public static let defaultMaxRows = 5_000_000

    public init(input: String, database: String, consultation: String? = nil, mapping: ColumnMapping,
                table: TableFileOptions = .init(), questionLabels: String? = nil, lexicons: String? = nil,
                workers: Int? = nil, batchSize: Int = 2_000) {
        self.input = input
        self.database = database
        self.consultation = consultation
        self.mapping = mapping
        self.table = table
        self.questionLabels = questionLabels
        self.lexicons = lexicons
        self.workers = max(1, workers ?? Parallel.coreCount)
        self.batchSize = max(1, batchSize)
    }

    /// The consultation name used: the option, or the file name without directory and extension.
    public var consultationName: String {
        if let consultation { return consultation }
        let file = input.split(separator: "/").last.map(String.init) ?? input
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}

/// What a run did.
public struct RunReport: Sendable {
    public var consultation: String
    public var runID: Int64
    public var counts: RunCounts
    /// Tokens analyzed (new and changed answers only).
    public var tokens: Int
    /// Answers skipped because their respondent already answered that question earlier in the file.
    public var duplicatesSkipped: Int
    /// Answers skipped because they are longer than `RunSettings.maxAnswerBytes`.
    public var tooLongSkipped: Int
    public var warnings: [String]
    public var seconds: Double
    public var lexiconLoadSeconds: Double
    /// Wall time in the parallel analysis and in the SQLite writes (these overlap: batch k is
    /// written while batch k+1 is analyzed).
    public var analyzeSeconds: Double
    public var writeSeconds: Double
    /// Wall time before the first batch: reading, decoding, parsing, mapping, lexicon load.
    public var readSeconds: Double
}

/// `verbatim run`: read an export, analyze the new and changed answers on all cores, and store
/// them with their excerpts and index, one transaction per batch.
///
/// Idempotent: an answer already stored with the same text (sha256) is skipped before analysis.
/// Interrupted runs keep every committed batch; rerunning completes them.
public enum RunJob {
    /// Progress: answers handled so far and the total to handle.
    public typealias Progress = (_ done: Int, _ total: Int) -> Void

    public static func run(_ settings: RunSettings, progress: Progress? = nil) throws -> RunReport {
        let started = Clock.now()
        if let column = settings.speakerColumn, !settings.mapping.segmentColumns.contains(column) {
            throw VerbatimError.badOption(option: "--speaker-col", reason: "'\(column)' is not a kept respondent field; "
                                          + "add --segment-col \(column)")
        }
        let bytes = try FileIO.readAll(path: settings.input)
        let table = try TableFile.read(file: settings.input, bytes: bytes, options: settings.table)
        guard table.records.count <= settings.maxRows else {
            throw VerbatimError.tooLarge(path: settings.input, reason: "\(table.records.count) data rows, more than the limit of "
                                         + "\(settings.maxRows) (--max-rows); split the file or raise the limit")
        }
        var warnings = table.warnings
        let (unique, duplicates) = deduplicate(try settings.mapping.answers(from: table, file: settings.input),
                                               file: settings.input, warnings: &warnings)
        let (records, tooLong) = limitLength(unique, maxBytes: settings.maxAnswerBytes, file: settings.input, warnings: &warnings)
        let labels = try settings.questionLabels.map(readQuestionLabels) ?? [:]

        let lexicon = try FrenchLexicon.load(explicit: settings.lexicons)
        // One writer at a time: a second run waits here (readers are never blocked).
        let lock = try WriterLock(path: settings.database, waitSeconds: settings.waitSeconds) {
            FileIO.writeStandardError("waiting for another `verbatim run` writing to \(settings.database)…\n")
        }
        defer { withExtendedLifetime(lock) {} }
        let store = try QuoteStore(path: settings.database)
        let consultationName = settings.consultationName
        let consultation = try store.consultationID(named: consultationName, create: true)
        var questionCodes: [String] = []
        var seenQuestions = Set<String>()
        for record in records where seenQuestions.insert(record.questionID).inserted { questionCodes.append(record.questionID) }
        for code in labels.keys.sorted() where seenQuestions.insert(code).inserted { questionCodes.append(code) }
        try store.upsertQuestions(consultation: consultation, questionCodes.map { ($0, labels[$0]) })

        let stored = try store.answerHashes(consultation: consultation)
        let runID = try store.beginRun(consultation: consultation, runRecord(settings, lexicon: lexicon, sourceSha256: SHA256.hex(bytes)))

        let writer = try store.writer(consultation: consultation, run: runID)
        let personNames = settings.redact ? try PersonNames(lexicon: lexicon) : nil
        let workers = try (0..<settings.workers).map { _ in
            try RunWorker(analyzer: TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon)),
                          redactor: settings.redact ? Redactor(analyzer: TextAnalyzer(), names: personNames, settings: settings.redaction) : nil)
        }
        let analyzers = workers.map(\.analyzer)
        let tagger = settings.tagThemes
            ? try ThemeSetup.tagger(lexicon: lexicon, analyzer: analyzers[0], taxonomy: settings.taxonomy, intents: settings.intents,
                                   model: ModelChoice(option: settings.model))
            : nil
        if let tagger {
            try store.upsertThemes(tagger.taxonomy.themes.map { ($0.id, $0.label, $0.description) })
        }

        var counts = RunCounts()
        counts.answersRead = records.count
        var tokens = 0
        let readSeconds = Clock.now() - started
        progress?(0, records.count)
        var batchStart = 0
        var analyzeSeconds = 0.0
        let pipeline = PipelinedWriter(writer)
        while batchStart < records.count {
            let batch = records[batchStart..<min(records.count, batchStart + settings.batchSize)]
            let analyzeStart = Clock.now()
            let prepared = Parallel.map(count: batch.count, workers: workers) { worker, i in
                prepare(batch[batch.startIndex + i], analyzer: worker.analyzer, redactor: worker.redactor, tagger: tagger,
                        speakerColumn: settings.speakerColumn, stored: stored, reanalyze: settings.reanalyze)
            }
            var writes: [AnswerWrite] = []
            writes.reserveCapacity(prepared.count)
            for item in prepared {
                switch item {
                case .unchanged: counts.answersUnchanged += 1
                case let .write(answer, tokenCount, masked):
                    writes.append(answer)
                    tokens += tokenCount
                    for (kind, n) in masked { counts.redactions[kind.rawValue, default: 0] += n }
                }
            }
            analyzeSeconds += Clock.now() - analyzeStart
            try pipeline.submit(writes, batchSize: batch.count)
            progress?(pipeline.committedAnswers, records.count)
            batchStart += settings.batchSize
        }
        try pipeline.finish(into: &counts)
        progress?(records.count, records.count)
        let writeSeconds = pipeline.writeSeconds
        try store.finishRun(runID, counts: counts)
        if let gold = settings.gold, let tagger {
            let (result, _) = try ThemeBench.evaluate(gold: gold, analyzer: analyzers[0], tagger: tagger)
            try store.setScores(runID, json: ThemeBench.scoresJSON(result, file: gold))
        }
        return RunReport(consultation: consultationName, runID: runID, counts: counts, tokens: tokens,
                         duplicatesSkipped: duplicates, tooLongSkipped: tooLong, warnings: warnings, seconds: Clock.now() - started,
                         lexiconLoadSeconds: lexicon.loadSeconds, analyzeSeconds: analyzeSeconds, writeSeconds: writeSeconds,
                         readSeconds: readSeconds)
    }

    enum Prepared {
        case unchanged
        case write(AnswerWrite, tokens: Int, redactions: [Redactor.Kind: Int])
    }

    /// One analysis thread's tools.
    final class RunWorker {
        let analyzer: TextAnalyzer
        let redactor: Redactor?
        init(analyzer: TextAnalyzer, redactor: Redactor?) {
            self.analyzer = analyzer
            self.redactor = redactor
        }
    }

    /// Hashes an answer and, when it is new or changed, analyzes it into excerpts.
    static func prepare(_ record: AnswerRecord, analyzer: TextAnalyzer, redactor: Redactor?, tagger: ThemeTagger?,
                        speakerColumn: String? = nil, stored: [AnswerKey: String], reanalyze: Bool) -> Prepared {
        // What is stored (and hashed) is the redacted text: personal data never reaches the file.
        let redacted = redactor?.redact(record.text)
        let text = redacted?.text ?? record.text
        let sha = SHA256.hex(text)
        let storedSha = stored[AnswerKey(respondent: record.respondentID, question: record.questionID)]
        if storedSha == sha && !reanalyze { return .unchanged }
        let group = speakerColumn.flatMap { column in record.segments.first { $0.name == column }?.value }
        let (excerpts, tokenCount) = excerptRecords(of: text, analyzer: analyzer, tagger: tagger, group: group)
        var write = AnswerWrite(respondent: record.respondentID, question: record.questionID, text: text,
                                sha256: sha, fields: record.segments, sourceLine: record.line, excerpts: excerpts,
                                knownNew: storedSha == nil)
        write.reanalyze = reanalyze
        let counts = redacted?.counts ?? [:]
        if !counts.isEmpty {
            write.redactions = "{" + counts.keys.map(\.rawValue).sorted().map { k in "\"\(k)\":\(counts[Redactor.Kind(rawValue: k)!]!)" }
                .joined(separator: ",") + "}"
        }
        return .write(write, tokens: tokenCount, redactions: counts)
    }

    /// The excerpts of one answer with their index text (and themes and intent with a tagger;
    /// `group` is the respondent's value of the speaker column); and the number of tokens.
    public static func excerptRecords(of text: String, analyzer: TextAnalyzer, tagger: ThemeTagger? = nil,
                                      group: String? = nil) -> ([ExcerptRecord], Int) {
        var copy = text
        return copy.withUTF8 { utf8 in
            let analyzed = analyzer.analyze(utf8)
            // One folding pass serves the index columns and the theme matcher (same words).
            let parts = analyzed.excerpts.map {
                let tokens = analyzed.tokens[$0.tokenRange]
                return (tokens: tokens, words: FoldedWords.of(tokens))
            }
            let tags = tagger?.tag(excerpts: parts, group: group).excerpts
            let excerpts = analyzed.excerpts.enumerated().map { n, excerpt in
                let slice = String(decoding: UnsafeBufferPointer(rebasing: utf8[excerpt.utf8Start..<excerpt.utf8End]), as: UTF8.self)
                let columns = SearchText.columns(parts[n].words)
                var record = ExcerptRecord(utf8Start: excerpt.utf8Start, utf8End: excerpt.utf8End, text: slice,
                                           forms: columns.forms, lemmas: columns.lemmas, tokenCount: columns.count)
                if let tags = tags?[n] {
                    record.intent = tags.intent.rawValue
                    record.themes = tags.themes.map {
                        ExcerptThemeRecord(theme: $0.theme, score: $0.score, evidence: $0.evidence.joined(separator: "; "), negated: $0.negated)
                    }
                }
                return record
            }
            return (excerpts, analyzed.tokens.count)
        }
    }

    /// Keeps the first answer of each respondent to each question; warns about the others.
    static func deduplicate(_ records: [AnswerRecord], file: String, warnings: inout [String]) -> ([AnswerRecord], Int) {
        var firstLine: [AnswerKey: Int] = [:]
        var kept: [AnswerRecord] = []
        kept.reserveCapacity(records.count)
        var skipped = 0
        for record in records {
            let key = AnswerKey(respondent: record.respondentID, question: record.questionID)
            if let line = firstLine[key] {
                skipped += 1
                if skipped <= 20 {
                    warnings.append("\(file):\(record.line): respondent '\(record.respondentID)' already answered '\(record.questionID)' at line \(line); this answer is skipped")
                }
                continue
            }
            firstLine[key] = record.line
            kept.append(record)
        }
        if skipped > 20 { warnings.append("\(file): \(skipped - 20) more duplicate answers skipped") }
        return (kept, skipped)
    }

    /// Drops answers longer than `maxBytes`, each reported with its line (the first 20).
    static func limitLength(_ records: [AnswerRecord], maxBytes: Int, file: String, warnings: inout [String]) -> ([AnswerRecord], Int) {
        var skipped = 0
        let kept = records.filter { record in
            let size = record.text.utf8.count
            guard size > maxBytes else { return true }
            skipped += 1
            if skipped <= 20 {
                warnings.append("\(file):\(record.line): the answer of '\(record.respondentID)' to '\(record.questionID)' is \(size) bytes, "
                                + "more than the limit of \(maxBytes) (--max-answer-bytes); it is skipped")
            }
            return false
        }
        if skipped > 20 { warnings.append("\(file): \(skipped - 20) more answers over \(maxBytes) bytes skipped") }
        return (kept, skipped)
    }

    /// Reads `id<TAB>label` lines (a first line starting with `id` is a header).
    static func readQuestionLabels(_ path: String) throws -> [String: String] {
        let decoded = TextDecoder.decode(try FileIO.readAll(path: path))
        var labels: [String: String] = [:]
        for (n, line) in AnalyzeJob.lines(of: decoded.utf8).enumerated() {
            let fields = line.split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                if line.isEmpty { continue }
                throw VerbatimError.badInput(path: path, line: n + 1, reason: "expected 'id<TAB>label'")
            }
            let id = String(decoding: fields[0], as: UTF8.self)
            if n == 0 && id == "id" { continue }
            labels[id] = String(decoding: fields[1], as: UTF8.self)
        }
        return labels
    }

    static func runRecord(_ settings: RunSettings, lexicon: FrenchLexicon, sourceSha256: String) -> RunRecord {
        let manifest = (try? FileIO.readAll(path: lexicon.directory + "/manifest.json")) ?? []
        var stages = [(TextAnalyzer.stageName, TextAnalyzer.stageVersion), (FrenchLemmatizer.stageName, FrenchLemmatizer.stageVersion),
                      (SearchText.stageName, SearchText.stageVersion)]
        if settings.redact { stages.insert((Redactor.stageName, Redactor.stageVersion), at: 0) }
        var themesJSON = ""
        if settings.tagThemes {
            stages.append((ThemeTagger.stageName, ThemeTagger.stageVersion))
            let folder = lexicon.directory + "/../themes"
            let taxonomy = settings.taxonomy ?? folder + "/habitat.fr.tsv"
            let intents = settings.intents ?? folder + "/intent.fr.tsv"
            let taxonomySha = SHA256.hex((try? FileIO.readAll(path: taxonomy)) ?? [])
            let intentsSha = SHA256.hex((try? FileIO.readAll(path: intents)) ?? [])
            let model = ThemeSetup.modelPath(ModelChoice(option: settings.model), lexicon: lexicon)
            let modelJSON = model.map { ",\"model\":\(TextOutput.jsonString($0)),\"modelSha256\":\"\(SHA256.hex((try? FileIO.readAll(path: $0)) ?? []))\"" }
                ?? ",\"model\":null"
            themesJSON = ",\"themes\":{\"taxonomy\":\(TextOutput.jsonString(taxonomy)),\"taxonomySha256\":\"\(taxonomySha)\","
                + "\"intents\":\(TextOutput.jsonString(intents)),\"intentsSha256\":\"\(intentsSha)\"\(modelJSON)}"
        }
        let stagesJSON = "[" + stages.map { "{\"name\":\(TextOutput.jsonString($0.0)),\"version\":\(TextOutput.jsonString($0.1))}" }
            .joined(separator: ",") + "]"
        let lexiconsJSON = "{\"fr\":{\"version\":\(TextOutput.jsonString(manifestVersion(manifest))),\"manifestSha256\":\"\(SHA256.hex(manifest))\"}\(themesJSON)}"
        let m = settings.mapping
        let settingsJSON = "{\"idColumn\":\(TextOutput.jsonString(m.idColumn)),\"textColumns\":[\(m.textColumns.map(TextOutput.jsonString).joined(separator: ","))],"
            + "\"segmentColumns\":[\(m.segmentColumns.map(TextOutput.jsonString).joined(separator: ","))],"
            + "\"questionColumn\":\(m.questionColumn.map(TextOutput.jsonString) ?? "null"),\"batchSize\":\(settings.batchSize),"
            + "\"tagThemes\":\(settings.tagThemes),\"speakerColumn\":\(settings.speakerColumn.map(TextOutput.jsonString) ?? "null"),\"reanalyze\":\(settings.reanalyze),\"redact\":\(settings.redact),"
            + "\"mask\":[\(RedactionOptions.kindNames(settings.redaction).map(TextOutput.jsonString).joined(separator: ","))],"
            + "\"addressParts\":[\(RedactionOptions.partNames(settings.redaction).map(TextOutput.jsonString).joined(separator: ","))],"
            + "\"maxAnswerBytes\":\(settings.maxAnswerBytes)}"
        return RunRecord(toolVersion: VerbatimVersion.string, stagesJSON: stagesJSON, lexiconsJSON: lexiconsJSON,
                         settingsJSON: settingsJSON, sourceFile: settings.input, sourceSha256: sourceSha256)
    }

    /// The `"version"` value of a manifest, or "unknown".
    static func manifestVersion(_ manifest: [UInt8]) -> String {
        let key = Array("\"version\"".utf8)
        guard manifest.count > key.count,
              let at = (0...(manifest.count - key.count)).first(where: { manifest[$0..<($0 + key.count)].elementsEqual(key) }),
              let open = manifest[(at + key.count)...].firstIndex(of: 0x22),
              let close = manifest[(open + 1)...].firstIndex(of: 0x22)
        else { return "unknown" }
        return String(decoding: manifest[(open + 1)..<close], as: UTF8.self)
    }
}
