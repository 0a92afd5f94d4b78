/// One answer with everything the reader of a quote needs around it.
public struct AnswerDetail: Sendable {
    public struct Excerpt: Sendable {
        public var id: Int64
        public var ordinal: Int
        public var utf8Start: Int
        public var utf8End: Int
        public var text: String
        public var intent: String?
        /// (theme id, negated) pairs, sorted by theme.
        public var themes: [(theme: String, negated: Bool)]
    }

    public var id: Int64
    public var respondent: String
    public var question: String
    public var questionLabel: String?
    /// The answer exactly as stored.
    public var text: String
    public var fields: [(name: String, value: String)]
    public var excerpts: [Excerpt]

    /// The answer `id`, or nil when there is none.
    public static func load(_ store: QuoteStore, id: Int64) throws -> AnswerDetail? {
        let db = store.database
        let answer = try db.prepare("""
            SELECT a.id, r.code, q.code, q.label, a.text, r.id FROM answer a
            JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.id = a.questionId WHERE a.id = ?
            """)
        try answer.bind([.int(id)])
        guard try answer.step() else { return nil }
        var detail = AnswerDetail(id: answer.int64(0), respondent: answer.text(1), question: answer.text(2),
                                  questionLabel: answer.optionalText(3), text: answer.text(4), fields: [], excerpts: [])
        let respondent = answer.int64(5)
        let fields = try db.prepare("SELECT name, value FROM respondentField WHERE respondentId = ? ORDER BY name")
        try fields.bind([.int(respondent)])
        while try fields.step() { detail.fields.append((fields.text(0), fields.text(1))) }
        let excerpts = try db.prepare("""
            SELECT e.id, e.ordinal, e.utf8Start, e.utf8End, e.text, e.intent FROM excerpt e WHERE e.answerId = ? ORDER BY e.ordinal
            """)
        try excerpts.bind([.int(id)])
        let themes = try db.prepare("SELECT themeId, negated FROM excerptTheme WHERE excerptId = ? ORDER BY themeId")
        while try excerpts.step() {
            var e = Excerpt(id: excerpts.int64(0), ordinal: excerpts.int(1), utf8Start: excerpts.int(2), utf8End: excerpts.int(3),
                            text: excerpts.text(4), intent: excerpts.optionalText(5), themes: [])
            try themes.bind([.int(e.id)])
            while try themes.step() { e.themes.append((themes.text(0), themes.int(1) == 1)) }
            themes.reset()
            detail.excerpts.append(e)
        }
        return detail
    }
}
