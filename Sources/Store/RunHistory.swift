/// Runs as a history: reruns over stored answers, and what changed between two runs.
extension QuoteStore {
    /// A stored answer to analyze again.
    public struct StoredAnswer: Sendable {
        public var id: Int64
        public var text: String
        /// The respondent's value of the field asked for (nil when not asked or not stored).
        public var field: String? = nil
    }

    /// Every answer of a consultation, by id, with its respondent's value of `field` when given.
    public func storedAnswers(consultation: Int64, field: String? = nil) throws -> [StoredAnswer] {
        let statement = try database.prepare("""
            SELECT a.id, a.text, f.value FROM answer a JOIN respondent r ON r.id = a.respondentId
            LEFT JOIN respondentField f ON f.respondentId = a.respondentId AND f.name = ?
            WHERE r.consultationId = ? ORDER BY a.id
            """)
        try statement.bind([field.map { .text($0) } ?? .null, .int(consultation)])
        var out: [StoredAnswer] = []
        while try statement.step() {
            out.append(StoredAnswer(id: statement.int64(0), text: statement.text(1), field: statement.isNull(2) ? nil : statement.text(2)))
        }
        return out
    }

    /// The speaker column (`run --speaker-col`) of the consultation's latest finished run, or nil.
    public func lastSpeakerColumn(consultation: Int64) throws -> String? {
        let statement = try database.prepare("""
            SELECT json_extract(settings, '$.speakerColumn') FROM run
            WHERE consultationId = ? AND finishedAt IS NOT NULL ORDER BY id DESC LIMIT 1
            """)
        try statement.bind([.int(consultation)])
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return statement.text(0)
    }

    /// Marks a run as a rerun of stored answers (`kind` = 'rerun').
    public func markRerun(_ run: Int64) throws {
        try database.prepare("UPDATE run SET kind = 'rerun' WHERE id = ?").run([.int(run)])
    }

    /// Records the scores a run measured on a labelled set (a JSON object).
    public func setScores(_ run: Int64, json: String) throws {
        try database.prepare("UPDATE run SET scores = ? WHERE id = ?").run([.text(json), .int(run)])
    }

    /// The ids of the finished runs of a consultation, oldest first.
    public func finishedRuns(consultation: Int64) throws -> [Int64] {
        let statement = try database.prepare("SELECT id FROM run WHERE consultationId = ? AND finishedAt IS NOT NULL ORDER BY id")
        try statement.bind([.int(consultation)])
        var out: [Int64] = []
        while try statement.step() { out.append(statement.int64(0)) }
        return out
    }
}

/// What changed between two runs: excerpts whose themes or intent differ, and theme counts.
///
/// The state of an excerpt at run X is what the latest run ≤ X that analyzed it decided: its
/// current decision (`excerpt.runId`, `excerptTheme`, `excerpt.intent`) or one that a rerun
/// replaced (`excerptRun`). An incremental run analyzes only new and changed answers, a rerun
/// all of them.
public struct RunDiff: Sendable {
    /// One excerpt whose decision changed.
    public struct Change: Sendable, Equatable {
        public var excerptID: Int64
        public var answerID: Int64
        public var respondent: String
        public var question: String
        public var text: String
        /// Theme ids, sorted; nil when the excerpt did not exist at that run.
        public var themesBefore: [String]?
        public var themesAfter: [String]
        public var intentBefore: String?
        public var intentAfter: String?
    }

    public var before: Int64
    public var after: Int64
    public var excerptsCompared: Int
    public var changes: [Change]
    /// Theme id → excerpts with the theme at each run.
    public var themeCounts: [(theme: String, before: Int, after: Int)]

    /// Compares the decisions of run `before` and run `after` of a consultation.
    public static func between(_ before: Int64, _ after: Int64, consultation: Int64, store: QuoteStore) throws -> RunDiff {
        // The state at a run, per excerpt of the consultation.
        func stateSQL(_ parameter: Int) -> String {
            """
            SELECT excerptId, themes, intent FROM
                (SELECT d.*, row_number() OVER (PARTITION BY excerptId ORDER BY runId DESC) AS latest
                 FROM decision d WHERE runId <= ?\(parameter))
            WHERE latest = 1
            """
        }
        let statement = try store.database.prepare("""
            WITH current AS MATERIALIZED (
                SELECT e.id AS excerptId, e.runId AS runId,
                       coalesce((SELECT group_concat(themeId, ';') FROM
                                 (SELECT themeId FROM excerptTheme t WHERE t.excerptId = e.id ORDER BY themeId)), '') AS themes,
                       e.intent AS intent
                FROM excerpt e JOIN answer a ON a.id = e.answerId JOIN respondent r ON r.id = a.respondentId
                WHERE r.consultationId = ?1),
            decision AS (SELECT * FROM current UNION ALL
                         SELECT h.excerptId, h.runId, h.themes, h.intent FROM excerptRun h JOIN current c ON c.excerptId = h.excerptId),
            a AS (\(stateSQL(2))), b AS (\(stateSQL(3)))
            SELECT b.excerptId, e.answerId, r.code, q.code, e.text, a.themes, b.themes, a.intent, b.intent, a.excerptId IS NULL
            FROM b LEFT JOIN a ON a.excerptId = b.excerptId
            JOIN excerpt e ON e.id = b.excerptId JOIN answer an ON an.id = e.answerId
            JOIN respondent r ON r.id = an.respondentId JOIN question q ON q.id = an.questionId
            ORDER BY e.answerId, e.ordinal
            """)
        try statement.bind([.int(consultation), .int(before), .int(after)])
        var changes: [Change] = []
        var compared = 0
        var countBefore: [String: Int] = [:], countAfter: [String: Int] = [:]
        func split(_ s: String) -> [String] { s.split(separator: ";").map(String.init) }
        while try statement.step() {
            compared += 1
            let missing = statement.int64(9) == 1
            let themesBefore = missing ? nil : split(statement.text(5))
            let themesAfter = split(statement.text(6))
            let intentBefore = statement.isNull(7) ? nil : statement.text(7)
            let intentAfter = statement.isNull(8) ? nil : statement.text(8)
            for t in themesBefore ?? [] { countBefore[t, default: 0] += 1 }
            for t in themesAfter { countAfter[t, default: 0] += 1 }
            if missing || themesBefore != themesAfter || intentBefore != intentAfter {
                changes.append(Change(excerptID: statement.int64(0), answerID: statement.int64(1), respondent: statement.text(2),
                                      question: statement.text(3), text: statement.text(4), themesBefore: themesBefore,
                                      themesAfter: themesAfter, intentBefore: intentBefore, intentAfter: intentAfter))
            }
        }
        let themes = Set(countBefore.keys).union(countAfter.keys).sorted()
        return RunDiff(before: before, after: after, excerptsCompared: compared, changes: changes,
                       themeCounts: themes.map { ($0, countBefore[$0] ?? 0, countAfter[$0] ?? 0) })
    }
}
