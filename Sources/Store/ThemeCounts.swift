/// Theme counts of a consultation, overall or by a respondent field, read from `excerptTheme`.
public struct ThemeCounts: Sendable {
    public struct Row: Sendable {
        public var theme: String
        public var label: String
        /// Answers with the theme in at least one excerpt.
        public var answers: Int
        public var excerpts: Int
        /// Excerpts where every term of the theme was negated.
        public var negatedExcerpts: Int
        /// Excerpt intents among the theme's excerpts.
        public var plainte: Int, attente: Int, satisfaction: Int
        /// By field value: answers with the theme.
        public var answersByValue: [String: Int]
    }

    public var rows: [Row]
    /// Answers in the consultation, and by field value.
    public var totalAnswers: Int
    public var answersByValue: [String: Int]
    /// Field values, sorted.
    public var values: [String]
    /// Answers with no theme at all: the unclassified pile.
    public var unclassifiedAnswers: Int

    /// Reads the counts; `field` splits them by a respondent field.
    public init(store: QuoteStore, consultation: String?, field: String?) throws {
        let id = try store.resolveConsultation(consultation)
        let db = store.database
        totalAnswers = Int(try db.scalarInt("""
            SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.consultationId = ?
            """, [.int(id)]) ?? 0)
        unclassifiedAnswers = Int(try db.scalarInt("""
            SELECT count(*) FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.consultationId = ?
            AND NOT EXISTS (SELECT 1 FROM excerpt e JOIN excerptTheme t ON t.excerptId = e.id WHERE e.answerId = a.id)
            """, [.int(id)]) ?? 0)
        var rows: [String: Row] = [:]
        let themes = try db.prepare("SELECT id, label FROM theme ORDER BY id")
        while try themes.step() {
            rows[themes.text(0)] = Row(theme: themes.text(0), label: themes.text(1), answers: 0, excerpts: 0, negatedExcerpts: 0,
                                       plainte: 0, attente: 0, satisfaction: 0, answersByValue: [:])
        }
        let counts = try db.prepare("""
            SELECT t.themeId, count(DISTINCT e.answerId), count(*), sum(t.negated),
                   sum(e.intent = 'plainte'), sum(e.intent = 'attente'), sum(e.intent = 'satisfaction')
            FROM excerptTheme t JOIN excerpt e ON e.id = t.excerptId JOIN answer a ON a.id = e.answerId
            JOIN respondent r ON r.id = a.respondentId WHERE r.consultationId = ? GROUP BY t.themeId
            """)
        try counts.bind([.int(id)])
        while try counts.step() {
            let theme = counts.text(0)
            var row = rows[theme] ?? Row(theme: theme, label: theme, answers: 0, excerpts: 0, negatedExcerpts: 0,
                                         plainte: 0, attente: 0, satisfaction: 0, answersByValue: [:])
            row.answers = counts.int(1)
            row.excerpts = counts.int(2)
            row.negatedExcerpts = counts.int(3)
            row.plainte = counts.int(4)
            row.attente = counts.int(5)
            row.satisfaction = counts.int(6)
            rows[theme] = row
        }
        answersByValue = [:]
        if let field {
            let totals = try db.prepare("""
                SELECT f.value, count(*) FROM answer a JOIN respondent r ON r.id = a.respondentId
                JOIN respondentField f ON f.respondentId = r.id AND f.name = ?
                WHERE r.consultationId = ? GROUP BY f.value
                """)
            try totals.bind([.text(field), .int(id)])
            while try totals.step() { answersByValue[totals.text(0)] = totals.int(1) }
            guard !answersByValue.isEmpty else {
                let names = try db.prepare("SELECT DISTINCT name FROM respondentField ORDER BY name")
                var available: [String] = []
                while try names.step() { available.append(names.text(0)) }
                throw StoreError.badFilter(path: store.path, filter: field, available: available)
            }
            let split = try db.prepare("""
                SELECT t.themeId, f.value, count(DISTINCT e.answerId)
                FROM excerptTheme t JOIN excerpt e ON e.id = t.excerptId JOIN answer a ON a.id = e.answerId
                JOIN respondent r ON r.id = a.respondentId JOIN respondentField f ON f.respondentId = r.id AND f.name = ?
                WHERE r.consultationId = ? GROUP BY 1, 2
                """)
            try split.bind([.text(field), .int(id)])
            while try split.step() { rows[split.text(0)]?.answersByValue[split.text(1)] = split.int(2) }
        }
        values = answersByValue.keys.sorted()
        self.rows = rows.values.sorted { $0.answers != $1.answers ? $0.answers > $1.answers : $0.theme < $1.theme }
    }

    /// How far a group's share departs from the overall share, in standard deviations (binomial z):
    /// z = (observed − n·p) / √(n·p·(1−p)), with p the theme's share of all answers and n the
    /// group's answers. |z| ≥ 1.96 is significant at 5 %.
    public static func zScore(observed: Int, groupAnswers: Int, themeAnswers: Int, totalAnswers: Int) -> Double {
        guard totalAnswers > 0, groupAnswers > 0 else { return 0 }
        let p = Double(themeAnswers) / Double(totalAnswers)
        let expected = Double(groupAnswers) * p
        let variance = expected * (1 - p)
        guard variance > 0 else { return 0 }
        return (Double(observed) - expected) / variance.squareRoot()
    }
}
