/// One excerpt ready to store: its span in the answer, the original slice and its index text.
public struct ExcerptRecord: Sendable, Equatable {
    public var utf8Start: Int
    public var utf8End: Int
    /// The original bytes of the span, exactly as the respondent wrote them.
    public var text: String
    /// Index columns, see `SearchText`.
    public var forms: String
    public var lemmas: String
    /// Indexed tokens in the excerpt.
    public var tokenCount: Int
    /// `plainte`, `attente`, `satisfaction` or `neutre`; nil when themes were not tagged.
    public var intent: String?
    /// Taxonomy themes of the excerpt.
    public var themes: [ExcerptThemeRecord]

    public init(utf8Start: Int, utf8End: Int, text: String, forms: String, lemmas: String, tokenCount: Int,
                intent: String? = nil, themes: [ExcerptThemeRecord] = []) {
        self.intent = intent
        self.themes = themes
        self.utf8Start = utf8Start
        self.utf8End = utf8End
        self.text = text
        self.forms = forms
        self.lemmas = lemmas
        self.tokenCount = tokenCount
    }
}

/// A theme of an excerpt as stored in `excerptTheme`.
public struct ExcerptThemeRecord: Sendable, Equatable {
    public var theme: String
    public var score: Double
    /// Evidence terms joined by "; ".
    public var evidence: String
    public var negated: Bool

    public init(theme: String, score: Double, evidence: String, negated: Bool) {
        self.theme = theme
        self.score = score
        self.evidence = evidence
        self.negated = negated
    }
}

/// One answer ready to store.
public struct AnswerWrite: Sendable {
    public var respondent: String
    public var question: String
    public var text: String
    public var sha256: String
    /// Respondent fields (group, territory…); the latest value of a field wins.
    public var fields: [(name: String, value: String)]
    public var sourceLine: Int?
    public var excerpts: [ExcerptRecord]
    /// The caller knows the store has no answer for this respondent and question (it read
    /// `answerHashes` first): the writer skips its lookup.
    public var knownNew: Bool
    /// What redaction masked, as JSON (`{"TÉLÉPHONE":1}`); nil when nothing or redaction was off.
    public var redactions: String?
    /// Replace the stored answer even when its text is unchanged (re-analysis after a lexicon or
    /// taxonomy edit).
    public var reanalyze = false

    public init(respondent: String, question: String, text: String, sha256: String,
                fields: [(name: String, value: String)], sourceLine: Int?, excerpts: [ExcerptRecord], knownNew: Bool = false) {
        self.knownNew = knownNew
        self.respondent = respondent
        self.question = question
        self.text = text
        self.sha256 = sha256
        self.fields = fields
        self.sourceLine = sourceLine
        self.excerpts = excerpts
    }
}

/// Provenance of a run (DESIGN.md: "runs are records").
public struct RunRecord: Sendable {
    public var toolVersion: String
    /// JSON array of `{"name":…, "version":…}`.
    public var stagesJSON: String
    /// JSON object: lexicon version and manifest checksum.
    public var lexiconsJSON: String
    public var settingsJSON: String
    public var sourceFile: String
    public var sourceSha256: String

    public init(toolVersion: String, stagesJSON: String, lexiconsJSON: String, settingsJSON: String,
                sourceFile: String, sourceSha256: String) {
        self.toolVersion = toolVersion
        self.stagesJSON = stagesJSON
        self.lexiconsJSON = lexiconsJSON
        self.settingsJSON = settingsJSON
        self.sourceFile = sourceFile
        self.sourceSha256 = sourceSha256
    }
}

/// Counts a run reports at its end.
public struct RunCounts: Sendable, Equatable {
    public var answersRead = 0
    public var answersAdded = 0
    public var answersUpdated = 0
    public var answersUnchanged = 0
    public var excerptsAdded = 0
    /// Items masked by redaction in this run's new and changed answers, by placeholder kind.
    public var redactions: [String: Int] = [:]
    public init() {}
}

/// The quote store: one SQLite file in WAL mode holding consultations, respondents, answers,
/// excerpts and runs, with an FTS5 index over excerpts.
///
/// One writer at a time (SQLite's rule); each batch of answers is one transaction, so an
/// interrupted run keeps every batch it committed and nothing half-written.
public final class QuoteStore {
    public let database: SQLiteDatabase
    public var path: String { database.path }

    /// Opens (and when writable, creates and migrates) the database at `path`.
    public init(path: String, readOnly: Bool = false) throws {
        database = try SQLiteDatabase(path: path, mode: readOnly ? .readOnly : .readWriteCreate)
        try Schema.prepare(database, writable: !readOnly)
        if readOnly {
            let applied = try Schema.appliedMigrations(database)
            guard !applied.isEmpty else {
                throw StoreError.unknownSchema(path: path, migration: "(none: not a Verbatim database)")
            }
        }
    }

    /// The id of the consultation `name`, created when `create` is true.
    public func consultationID(named name: String, create: Bool) throws -> Int64 {
        if let id = try database.scalarInt("SELECT id FROM consultation WHERE name = ?", [.text(name)]) { return id }
        guard create else {
            throw StoreError.unknownConsultation(path: path, name: name, available: try consultationNames())
        }
        try database.prepare("INSERT INTO consultation(name, createdAt) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
            .run([.text(name)])
        return database.lastInsertRowID
    }

    /// Consultation names, sorted.
    public func consultationNames() throws -> [String] {
        let statement = try database.prepare("SELECT name FROM consultation ORDER BY name")
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    /// The consultation to read: `name` when given, else the only one (error when several).
    public func resolveConsultation(_ name: String?) throws -> Int64 {
        if let name { return try consultationID(named: name, create: false) }
        let names = try consultationNames()
        guard names.count == 1 else {
            throw StoreError.unknownConsultation(path: path, name: "(unspecified; use --consultation)", available: names)
        }
        return try consultationID(named: names[0], create: false)
    }

    /// Adds or relabels questions (code → label; nil keeps the current label).
    public func upsertQuestions(consultation: Int64, _ questions: [(code: String, label: String?)]) throws {
        let statement = try database.prepare("""
            INSERT INTO question(consultationId, code, label) VALUES (?, ?, ?)
            ON CONFLICT (consultationId, code) DO UPDATE SET label = coalesce(excluded.label, label)
            """)
        try database.transaction {
            for q in questions { try statement.run([.int(consultation), .text(q.code), q.label.map(SQLiteValue.text) ?? .null]) }
        }
    }

    /// Adds or updates taxonomy themes (id, label, description).
    public func upsertThemes(_ themes: [(id: String, label: String, description: String)]) throws {
        let statement = try database.prepare("""
            INSERT INTO theme(id, label, description, source) VALUES (?, ?, ?, 'taxonomy')
            ON CONFLICT (id) DO UPDATE SET label = excluded.label, description = excluded.description
            """)
        try database.transaction {
            for t in themes { try statement.run([.text(t.id), .text(t.label), .text(t.description)]) }
        }
    }

    /// The sha256 of every stored answer of a consultation, by respondent and question code.
    public func answerHashes(consultation: Int64) throws -> [AnswerKey: String] {
        let statement = try database.prepare("""
            SELECT r.code, q.code, a.sha256 FROM answer a
            JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.id = a.questionId
            WHERE r.consultationId = ?
            """)
        try statement.bind([.int(consultation)])
        var hashes: [AnswerKey: String] = [:]
        while try statement.step() {
            hashes[AnswerKey(respondent: statement.text(0), question: statement.text(1))] = statement.text(2)
        }
        return hashes
    }

    /// Starts a run (its `finishedAt` stays NULL until `finishRun`).
    public func beginRun(consultation: Int64, _ run: RunRecord) throws -> Int64 {
        try database.prepare("""
            INSERT INTO run(consultationId, startedAt, toolVersion, stages, lexicons, settings, sourceFile, sourceSha256)
            VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?, ?)
            """).run([.int(consultation), .text(run.toolVersion), .text(run.stagesJSON), .text(run.lexiconsJSON),
                      .text(run.settingsJSON), .text(run.sourceFile), .text(run.sourceSha256)])
        return database.lastInsertRowID
    }

    /// Records the end of a run and its counts.
    public func finishRun(_ run: Int64, counts: RunCounts) throws {
        let redactions = "{" + counts.redactions.keys.sorted().map { "\"\($0)\":\(counts.redactions[$0]!)" }.joined(separator: ",") + "}"
        try database.prepare("UPDATE run SET redactions = ? WHERE id = ?").run([.text(redactions), .int(run)])
        try database.prepare("""
            UPDATE run SET finishedAt = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), answersRead = ?, answersAdded = ?,
                answersUpdated = ?, answersUnchanged = ?, excerptsAdded = ? WHERE id = ?
            """).run([.int(Int64(counts.answersRead)), .int(Int64(counts.answersAdded)), .int(Int64(counts.answersUpdated)),
                      .int(Int64(counts.answersUnchanged)), .int(Int64(counts.excerptsAdded)), .int(run)])
        // Copy the WAL back into the database file now (part of the run's time), and restore the
        // default checkpoint interval.
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA wal_autocheckpoint = 1000")
    }

    /// A writer for one run: prepared statements and respondent/question id caches.
    public func writer(consultation: Int64, run: Int64) throws -> AnswerWriter {
        try AnswerWriter(store: self, consultation: consultation, run: run)
    }
}

/// Identifies an answer within a consultation.
public struct AnswerKey: Hashable, Sendable {
    public var respondent: String
    public var question: String
    public init(respondent: String, question: String) {
        self.respondent = respondent
        self.question = question
    }
}

/// Writes answers with their excerpts for one run. Call `write(_:)` with batches; each batch is
/// one transaction.
public final class AnswerWriter {
    private let database: SQLiteDatabase
    private let consultation: Int64
    private let run: Int64
    private var respondentIDs: [String: Int64] = [:]
    private var questionIDs: [String: Int64] = [:]
    /// Respondents whose fields this writer already stored (a respondent answers several questions).
    private var fieldsWritten = Set<Int64>()
    private let findRespondent: SQLiteStatement
    private let insertRespondent: SQLiteStatement
    private let upsertField: SQLiteStatement
    private let findQuestion: SQLiteStatement
    private let insertQuestion: SQLiteStatement
    private let findAnswer: SQLiteStatement
    private let insertAnswer: SQLiteStatement
    private let updateAnswer: SQLiteStatement
    private let deleteExcerpts: SQLiteStatement
    private let insertExcerpt: SQLiteStatement
    private let indexExcerpt: SQLiteStatement
    private let insertTheme: SQLiteStatement
    private let insertExcerptRun: SQLiteStatement
    private let storedExcerpts: SQLiteStatement
    private let updateExcerpt: SQLiteStatement
    private let updateExcerptDecision: SQLiteStatement
    private let deleteThemes: SQLiteStatement

    init(store: QuoteStore, consultation: Int64, run: Int64) throws {
        database = store.database
        // Bulk writes: checkpoint the WAL every ~200 MB instead of ~4 MB, so index pages changed by
        // many batches are copied back to the database file fewer times.
        try database.execute("PRAGMA wal_autocheckpoint = 50000")
        self.consultation = consultation
        self.run = run
        // Find-then-insert, not an upsert with RETURNING: that form made each write 20x slower.
        findRespondent = try database.prepare("SELECT id FROM respondent WHERE consultationId = ? AND code = ?")
        insertRespondent = try database.prepare("INSERT INTO respondent(consultationId, code) VALUES (?, ?)")
        upsertField = try database.prepare("""
            INSERT INTO respondentField(respondentId, name, value) VALUES (?, ?, ?)
            ON CONFLICT (respondentId, name) DO UPDATE SET value = excluded.value WHERE value <> excluded.value
            """)
        findQuestion = try database.prepare("SELECT id FROM question WHERE consultationId = ? AND code = ?")
        insertQuestion = try database.prepare("INSERT INTO question(consultationId, code) VALUES (?, ?)")
        findAnswer = try database.prepare("SELECT id, sha256 FROM answer WHERE respondentId = ? AND questionId = ?")
        insertAnswer = try database.prepare("""
            INSERT INTO answer(respondentId, questionId, text, sha256, runId, sourceLine, redactions) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        updateAnswer = try database.prepare("UPDATE answer SET text = ?, sha256 = ?, runId = ?, sourceLine = ?, redactions = ? WHERE id = ?")
        deleteExcerpts = try database.prepare("DELETE FROM excerpt WHERE answerId = ?")
        insertExcerpt = try database.prepare("""
            INSERT INTO excerpt(answerId, runId, ordinal, utf8Start, utf8End, text, forms, lemmas, tokenCount, intent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertTheme = try database.prepare("""
            INSERT INTO excerptTheme(excerptId, themeId, runId, score, evidence, negated, source)
            VALUES (?, ?, ?, ?, ?, ?, 'taxonomy')
            """)
        indexExcerpt = try database.prepare("INSERT INTO excerptSearch(rowid, forms, lemmas) VALUES (?, ?, ?)")
        // The decision a rerun is about to replace, kept for `verbatim diff`.
        insertExcerptRun = try database.prepare("""
            INSERT OR IGNORE INTO excerptRun(excerptId, runId, themes, intent)
            SELECT e.id, e.runId, coalesce((SELECT group_concat(themeId, ';') FROM
                                            (SELECT themeId FROM excerptTheme t WHERE t.excerptId = e.id ORDER BY themeId)), ''),
                   e.intent
            FROM excerpt e WHERE e.id = ?
            """)
        storedExcerpts = try database.prepare("""
            SELECT id, utf8Start, utf8End, forms, lemmas, tokenCount FROM excerpt WHERE answerId = ? ORDER BY ordinal
            """)
        updateExcerpt = try database.prepare("UPDATE excerpt SET forms = ?, lemmas = ?, tokenCount = ? WHERE id = ?")
        updateExcerptDecision = try database.prepare("UPDATE excerpt SET intent = ?, runId = ? WHERE id = ?")
        deleteThemes = try database.prepare("DELETE FROM excerptTheme WHERE excerptId = ?")
    }

    /// Writes a batch in one transaction; answers whose text is already stored unchanged are
    /// skipped. Adds the outcome to `counts`.
    public func write(_ answers: [AnswerWrite], counts: inout RunCounts) throws {
        var batch = RunCounts()
        try database.transaction {
            for answer in answers { try write(answer, &batch) }
        }
        counts.answersAdded += batch.answersAdded
        counts.answersUpdated += batch.answersUpdated
        counts.answersUnchanged += batch.answersUnchanged
        counts.excerptsAdded += batch.excerptsAdded
    }

    /// The id of the row `find` returns, or of the row `insert` then adds.
    private func findOrInsert(_ find: SQLiteStatement, _ insert: SQLiteStatement, _ values: [SQLiteValue]) throws -> Int64 {
        try find.bind(values)
        let found = try find.step() ? find.int64(0) : nil
        find.reset()
        if let found { return found }
        try insert.run(values)
        return database.lastInsertRowID
    }

    private func respondentID(_ code: String) throws -> Int64 {
        if let id = respondentIDs[code] { return id }
        let id = try findOrInsert(findRespondent, insertRespondent, [.int(consultation), .text(code)])
        respondentIDs[code] = id
        return id
    }

    private func questionID(_ code: String) throws -> Int64 {
        if let id = questionIDs[code] { return id }
        let id = try findOrInsert(findQuestion, insertQuestion, [.int(consultation), .text(code)])
        questionIDs[code] = id
        return id
    }

    private func write(_ answer: AnswerWrite, _ counts: inout RunCounts) throws {
        let respondent = try respondentID(answer.respondent)
        if fieldsWritten.insert(respondent).inserted {
            for field in answer.fields {
                try upsertField.run([.int(respondent), .text(field.name), .text(field.value)])
            }
        }
        let question = try questionID(answer.question)
        let line: SQLiteValue = answer.sourceLine.map { .int(Int64($0)) } ?? .null
        var existing: (id: Int64, sha: String)? = nil
        if !answer.knownNew {
            try findAnswer.bind([.int(respondent), .int(question)])
            existing = try findAnswer.step() ? (findAnswer.int64(0), findAnswer.text(1)) : nil
            findAnswer.reset()
        }
        let answerID: Int64
        if let existing {
            if existing.sha == answer.sha256 && !answer.reanalyze {
                counts.answersUnchanged += 1
                return
            }
            try deleteExcerpts.run([.int(existing.id)])
            try updateAnswer.run([.text(answer.text), .text(answer.sha256), .int(run), line,
                                  answer.redactions.map(SQLiteValue.text) ?? .null, .int(existing.id)])
            answerID = existing.id
            counts.answersUpdated += 1
        } else {
            try insertAnswer.run([.int(respondent), .int(question), .text(answer.text), .text(answer.sha256), .int(run), line,
                                  answer.redactions.map(SQLiteValue.text) ?? .null])
            answerID = database.lastInsertRowID
            counts.answersAdded += 1
        }
        try insertExcerpts(answer.excerpts, answerID: answerID)
        counts.excerptsAdded += answer.excerpts.count
    }

    /// Inserts the excerpts of an answer with their index rows, themes and history row.
    private func insertExcerpts(_ excerpts: [ExcerptRecord], answerID: Int64) throws {
        for (ordinal, excerpt) in excerpts.enumerated() {
            try insertExcerpt.run { s in
                try s.bind(answerID, at: 1); try s.bind(run, at: 2); try s.bind(ordinal, at: 3)
                try s.bind(excerpt.utf8Start, at: 4); try s.bind(excerpt.utf8End, at: 5); try s.bind(excerpt.text, at: 6)
                try s.bind(excerpt.forms, at: 7); try s.bind(excerpt.lemmas, at: 8); try s.bind(excerpt.tokenCount, at: 9)
                try s.bind(excerpt.intent, at: 10)
            }
            let excerptID = database.lastInsertRowID
            try indexExcerpt.run { s in
                try s.bind(excerptID, at: 1); try s.bind(excerpt.forms, at: 2); try s.bind(excerpt.lemmas, at: 3)
            }
            try insertDecision(excerpt, excerptID: excerptID)
        }
    }

    /// The excerpt's themes.
    private func insertDecision(_ excerpt: ExcerptRecord, excerptID: Int64) throws {
        for theme in excerpt.themes {
            try insertTheme.run { s in
                try s.bind(excerptID, at: 1); try s.bind(theme.theme, at: 2); try s.bind(run, at: 3)
                try s.bind(theme.score, at: 4); try s.bind(theme.evidence, at: 5); try s.bind(theme.negated ? 1 : 0, at: 6)
            }
        }
    }

    /// Writes a rerun's analysis of stored answers in one transaction: when an answer's excerpts
    /// have the same spans as stored (the text stage did not change), they keep their ids, their
    /// index columns are updated only if the lemmas changed, and their themes and intent are
    /// replaced, the replaced decision kept in `excerptRun`; otherwise the answer's excerpts are
    /// replaced. Returns the number of excerpts whose index columns or spans changed.
    public func rewrite(_ answers: [(answerID: Int64, excerpts: [ExcerptRecord])]) throws -> Int {
        var reindexed = 0
        try database.transaction {
            for (answerID, excerpts) in answers {
                try storedExcerpts.bind([.int(answerID)])
                var stored: [(id: Int64, start: Int, end: Int, forms: String, lemmas: String, tokenCount: Int)] = []
                while try storedExcerpts.step() {
                    stored.append((storedExcerpts.int64(0), Int(storedExcerpts.int64(1)), Int(storedExcerpts.int64(2)),
                                   storedExcerpts.text(3), storedExcerpts.text(4), Int(storedExcerpts.int64(5))))
                }
                storedExcerpts.reset()
                guard stored.count == excerpts.count,
                      zip(stored, excerpts).allSatisfy({ $0.start == $1.utf8Start && $0.end == $1.utf8End }) else {
                    try deleteExcerpts.run([.int(answerID)])
                    try insertExcerpts(excerpts, answerID: answerID)
                    reindexed += excerpts.count
                    continue
                }
                for (old, excerpt) in zip(stored, excerpts) {
                    if old.forms != excerpt.forms || old.lemmas != excerpt.lemmas || old.tokenCount != excerpt.tokenCount {
                        try updateExcerpt.run([.text(excerpt.forms), .text(excerpt.lemmas), .int(Int64(excerpt.tokenCount)), .int(old.id)])
                        reindexed += 1
                    }
                    try insertExcerptRun.run([.int(old.id)])
                    try updateExcerptDecision.run([excerpt.intent.map(SQLiteValue.text) ?? .null, .int(run), .int(old.id)])
                    try deleteThemes.run([.int(old.id)])
                    try insertDecision(excerpt, excerptID: old.id)
                }
            }
        }
        return reindexed
    }
}
