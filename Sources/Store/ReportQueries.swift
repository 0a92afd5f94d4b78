/// Read-only queries behind the HTML report (and reusable by the CLI and the server): overview
/// figures, run provenance, evidence terms, intent split and representative quotes per theme.
///
/// Counts, shares and z-scores by field come from `ThemeCounts`; these queries add what the report
/// needs besides. Every query is scoped to one consultation (an id from `resolveConsultation`).
public enum ReportQueries {
    /// A question of the consultation with its answers.
    public struct Question: Sendable, Equatable {
        public var code: String
        /// The wording from `--questions`, nil when none was given.
        public var label: String?
        public var answers: Int
        /// Answers with at least one theme.
        public var classifiedAnswers: Int

        public init(code: String, label: String?, answers: Int, classifiedAnswers: Int) {
            self.code = code
            self.label = label
            self.answers = answers
            self.classifiedAnswers = classifiedAnswers
        }
    }

    /// Headline figures.
    public struct Overview: Sendable {
        public var consultation: String
        public var createdAt: String
        public var respondents: Int
        public var answers: Int
        public var excerpts: Int
        /// Excerpts with at least one theme.
        public var classifiedExcerpts: Int
        /// Answers with no theme in any excerpt.
        public var unclassifiedAnswers: Int
        /// In the order the questions were first stored.
        public var questions: [Question]
        /// Respondent field names, sorted.
        public var fields: [String]

        public init(consultation: String, createdAt: String, respondents: Int, answers: Int, excerpts: Int,
                    classifiedExcerpts: Int, unclassifiedAnswers: Int, questions: [Question], fields: [String]) {
            self.consultation = consultation
            self.createdAt = createdAt
            self.respondents = respondents
            self.answers = answers
            self.excerpts = excerpts
            self.classifiedExcerpts = classifiedExcerpts
            self.unclassifiedAnswers = unclassifiedAnswers
            self.questions = questions
            self.fields = fields
        }
    }

    /// A finished run (provenance of the stored analysis).
    public struct RunInfo: Sendable, Equatable {
        public var id: Int64
        public var startedAt: String
        public var finishedAt: String
        public var toolVersion: String
        /// JSON, exactly as recorded.
        public var stagesJSON: String
        public var lexiconsJSON: String
        public var settingsJSON: String
        public var sourceFile: String
        public var sourceSha256: String
        public var answersRead: Int
        public var excerptsAdded: Int
        /// All runs of the consultation, and those that never finished (interrupted).
        public var runs: Int
        public var unfinishedRuns: Int
        /// `import`, or `rerun` for `verbatim run --rerun`.
        public var kind = "import"
        /// Scores on the `--gold` file (JSON), when measured.
        public var scores: String?

        public init(id: Int64, startedAt: String, finishedAt: String, toolVersion: String, stagesJSON: String,
                    lexiconsJSON: String, settingsJSON: String, sourceFile: String, sourceSha256: String, answersRead: Int,
                    excerptsAdded: Int, runs: Int, unfinishedRuns: Int) {
            self.id = id
            self.startedAt = startedAt
            self.finishedAt = finishedAt
            self.toolVersion = toolVersion
            self.stagesJSON = stagesJSON
            self.lexiconsJSON = lexiconsJSON
            self.settingsJSON = settingsJSON
            self.sourceFile = sourceFile
            self.sourceSha256 = sourceSha256
            self.answersRead = answersRead
            self.excerptsAdded = excerptsAdded
            self.runs = runs
            self.unfinishedRuns = unfinishedRuns
        }
    }

    /// A taxonomy (or discovered) theme as stored.
    public struct Theme: Sendable, Equatable {
        public var id: String
        public var label: String
        public var description: String
        public var source: String

        public init(id: String, label: String, description: String, source: String) {
            self.id = id
            self.label = label
            self.description = description
            self.source = source
        }
    }

    /// An evidence term and the number of the theme's excerpts it was found in.
    public struct Term: Sendable, Equatable {
        public var term: String
        public var excerpts: Int

        public init(term: String, excerpts: Int) {
            self.term = term
            self.excerpts = excerpts
        }
    }

    /// A quote: one excerpt exactly as stored (the respondent's original bytes), with who wrote it.
    public struct Quote: Sendable, Equatable {
        public var excerptID: Int64
        public var answerID: Int64
        public var text: String
        public var score: Double
        public var intent: String?
        public var negated: Bool
        public var respondent: String
        public var question: String
        public var questionLabel: String?
        /// Respondent fields, sorted by name.
        public var fields: [Field]

        public init(excerptID: Int64, answerID: Int64, text: String, score: Double, intent: String?, negated: Bool,
                    respondent: String, question: String, questionLabel: String?, fields: [Field]) {
            self.excerptID = excerptID
            self.answerID = answerID
            self.text = text
            self.score = score
            self.intent = intent
            self.negated = negated
            self.respondent = respondent
            self.question = question
            self.questionLabel = questionLabel
            self.fields = fields
        }
    }

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Excerpt intents of a theme's excerpts (`unknown`: intent not recorded).
    public struct IntentSplit: Sendable, Equatable {
        public var plainte = 0, attente = 0, satisfaction = 0, neutre = 0, unknown = 0
        public var total: Int { plainte + attente + satisfaction + neutre + unknown }
        public init() {}
    }

    /// The excerpt → answer → respondent join limited to one consultation.
    static let themedExcerpts = """
        FROM excerptTheme t JOIN excerpt e ON e.id = t.excerptId JOIN answer a ON a.id = e.answerId
        JOIN respondent r ON r.id = a.respondentId WHERE r.consultationId = ?
        """

    public static func overview(_ store: QuoteStore, consultation id: Int64) throws -> Overview {
        let db = store.database
        let head = try db.prepare("SELECT name, createdAt FROM consultation WHERE id = ?")
        try head.bind([.int(id)])
        guard try head.step() else {
            throw StoreError.unknownConsultation(path: store.path, name: "#\(id)", available: try store.consultationNames())
        }
        let name = head.text(0), createdAt = head.text(1)
        func count(_ sql: String) throws -> Int { Int(try db.scalarInt(sql, [.int(id)]) ?? 0) }
        let respondents = try count("SELECT count(*) FROM respondent WHERE consultationId = ?")
        let answers = try count("SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.consultationId = ?")
        let excerpts = try count("""
            SELECT count(*) FROM excerpt e JOIN answer a ON a.id = e.answerId JOIN respondent r ON r.id = a.respondentId
            WHERE r.consultationId = ?
            """)
        let classifiedExcerpts = try count("SELECT count(DISTINCT t.excerptId) " + themedExcerpts)
        let unclassified = try count("""
            SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.consultationId = ?
            AND NOT EXISTS (SELECT 1 FROM excerpt e JOIN excerptTheme t ON t.excerptId = e.id WHERE e.answerId = a.id)
            """)
        let q = try db.prepare("""
            SELECT q.code, q.label, count(a.id),
                   coalesce(sum(EXISTS (SELECT 1 FROM excerpt e JOIN excerptTheme t ON t.excerptId = e.id WHERE e.answerId = a.id)), 0)
            FROM question q LEFT JOIN answer a ON a.questionId = q.id
            WHERE q.consultationId = ? GROUP BY q.id ORDER BY q.id
            """)
        try q.bind([.int(id)])
        var questions: [Question] = []
        while try q.step() {
            questions.append(Question(code: q.text(0), label: q.optionalText(1), answers: q.int(2), classifiedAnswers: q.int(3)))
        }
        let f = try db.prepare("""
            SELECT DISTINCT f.name FROM respondentField f JOIN respondent r ON r.id = f.respondentId
            WHERE r.consultationId = ? ORDER BY f.name
            """)
        try f.bind([.int(id)])
        var fields: [String] = []
        while try f.step() { fields.append(f.text(0)) }
        return Overview(consultation: name, createdAt: createdAt, respondents: respondents, answers: answers, excerpts: excerpts,
                        classifiedExcerpts: classifiedExcerpts, unclassifiedAnswers: unclassified, questions: questions, fields: fields)
    }

    /// The latest finished run of the consultation, nil when none finished.
    public static func latestRun(_ store: QuoteStore, consultation id: Int64) throws -> RunInfo? {
        try finishedRun(store, consultation: id, run: nil)
    }

    /// The finished run `run` of the consultation (nil: the latest), or nil when there is none.
    public static func finishedRun(_ store: QuoteStore, consultation id: Int64, run: Int64?) throws -> RunInfo? {
        let db = store.database
        let runs = Int(try db.scalarInt("SELECT count(*) FROM run WHERE consultationId = ?", [.int(id)]) ?? 0)
        let unfinished = Int(try db.scalarInt("SELECT count(*) FROM run WHERE consultationId = ? AND finishedAt IS NULL", [.int(id)]) ?? 0)
        let s = try db.prepare("""
            SELECT id, startedAt, finishedAt, toolVersion, stages, lexicons, settings, sourceFile, sourceSha256,
                   coalesce(answersRead, 0), coalesce(excerptsAdded, 0), kind, scores
            FROM run WHERE consultationId = ? AND finishedAt IS NOT NULL AND (?2 IS NULL OR id = ?2) ORDER BY id DESC LIMIT 1
            """)
        try s.bind([.int(id), run.map(SQLiteValue.int) ?? .null])
        guard try s.step() else { return nil }
        var info = RunInfo(id: s.int64(0), startedAt: s.text(1), finishedAt: s.text(2), toolVersion: s.text(3), stagesJSON: s.text(4),
                           lexiconsJSON: s.text(5), settingsJSON: s.text(6), sourceFile: s.text(7), sourceSha256: s.text(8),
                           answersRead: s.int(9), excerptsAdded: s.int(10), runs: runs, unfinishedRuns: unfinished)
        info.kind = s.text(11)
        info.scores = s.isNull(12) ? nil : s.text(12)
        return info
    }

    /// Every stored theme, by id.
    public static func themes(_ store: QuoteStore) throws -> [Theme] {
        let s = try store.database.prepare("SELECT id, label, description, source FROM theme ORDER BY id")
        var themes: [Theme] = []
        while try s.step() { themes.append(Theme(id: s.text(0), label: s.text(1), description: s.text(2), source: s.text(3))) }
        return themes
    }

    /// The most frequent evidence terms of each theme: every term of `excerptTheme.evidence`
    /// (split on "; ") counts once per excerpt. Ties: alphabetical.
    public static func topTerms(_ store: QuoteStore, consultation id: Int64, limit: Int = 10) throws -> [String: [Term]] {
        // Group identical evidence strings in SQL first: far fewer rows to split than excerpts.
        let s = try store.database.prepare("SELECT t.themeId, t.evidence, count(*) " + themedExcerpts + " GROUP BY 1, 2")
        try s.bind([.int(id)])
        var counts: [String: [String: Int]] = [:]
        while try s.step() {
            let theme = s.text(0), n = s.int(2)
            var seen = Set<Substring>()
            for term in s.text(1).split(separator: "; ", omittingEmptySubsequences: true) where seen.insert(term).inserted {
                counts[theme, default: [:]][String(term), default: 0] += n
            }
        }
        return counts.mapValues { terms in
            terms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(limit).map { Term(term: $0.key, excerpts: $0.value) }
        }
    }

    /// Excerpt intents per theme.
    public static func intentSplit(_ store: QuoteStore, consultation id: Int64) throws -> [String: IntentSplit] {
        let s = try store.database.prepare("SELECT t.themeId, e.intent, count(*) " + themedExcerpts + " GROUP BY 1, 2")
        try s.bind([.int(id)])
        var split: [String: IntentSplit] = [:]
        while try s.step() {
            let n = s.int(2)
            switch s.optionalText(1) {
            case "plainte": split[s.text(0), default: .init()].plainte += n
            case "attente": split[s.text(0), default: .init()].attente += n
            case "satisfaction": split[s.text(0), default: .init()].satisfaction += n
            case "neutre": split[s.text(0), default: .init()].neutre += n
            default: split[s.text(0), default: .init()].unknown += n
            }
        }
        return split
    }

    /// Representative quotes of each theme: excerpts ranked by theme score (highest first), then
    /// excerpts of 40–300 bytes before shorter or longer ones, then storage order; taken in that
    /// order, skipping an excerpt whose answer or whose exact text is already quoted for the theme.
    public static func quotes(_ store: QuoteStore, consultation id: Int64, perTheme: Int = 5) throws -> [String: [Quote]] {
        let db = store.database
        // Ranks without the texts (a small sort even on 100,000 answers); texts are read only for
        // the candidates looked at, which stops after `perTheme` quotes.
        let ranked = try db.prepare("""
            SELECT e.id, e.answerId, t.score, t.negated
            FROM excerptTheme t JOIN excerpt e ON e.id = t.excerptId JOIN answer a ON a.id = e.answerId
            JOIN respondent r ON r.id = a.respondentId
            WHERE t.themeId = ? AND r.consultationId = ?
            ORDER BY t.score DESC, (e.utf8End - e.utf8Start BETWEEN 40 AND 300) DESC, e.id
            """)
        let excerptText = try db.prepare("SELECT text, intent FROM excerpt WHERE id = ?")
        let who = try db.prepare("""
            SELECT r.id, r.code, q.code, q.label FROM answer a JOIN respondent r ON r.id = a.respondentId
            JOIN question q ON q.id = a.questionId WHERE a.id = ?
            """)
        let fieldQuery = try db.prepare("SELECT name, value FROM respondentField WHERE respondentId = ? ORDER BY name")
        var quotes: [String: [Quote]] = [:]
        guard perTheme > 0 else { return quotes }
        for theme in try themes(store).map(\.id) {
            try ranked.bind([.text(theme), .int(id)])
            defer { ranked.reset() }
            var answers = Set<Int64>(), texts = Set<String>()
            var chosen: [Quote] = []
            while chosen.count < perTheme, try ranked.step() {
                let excerptID = ranked.int64(0), answerID = ranked.int64(1)
                guard !answers.contains(answerID) else { continue }
                try excerptText.bind([.int(excerptID)])
                guard try excerptText.step() else { excerptText.reset(); continue }
                let text = excerptText.text(0), intent = excerptText.optionalText(1)
                excerptText.reset()
                guard texts.insert(text).inserted else { continue }
                answers.insert(answerID)
                try who.bind([.int(answerID)])
                guard try who.step() else { who.reset(); continue }
                let respondentID = who.int64(0), respondent = who.text(1), question = who.text(2), label = who.optionalText(3)
                who.reset()
                try fieldQuery.bind([.int(respondentID)])
                var fields: [Field] = []
                while try fieldQuery.step() { fields.append(Field(name: fieldQuery.text(0), value: fieldQuery.text(1))) }
                fieldQuery.reset()
                chosen.append(Quote(excerptID: excerptID, answerID: answerID, text: text, score: ranked.double(2), intent: intent,
                                    negated: ranked.int(3) != 0, respondent: respondent, question: question, questionLabel: label,
                                    fields: fields))
            }
            if !chosen.isEmpty { quotes[theme] = chosen }
        }
        return quotes
    }
}
