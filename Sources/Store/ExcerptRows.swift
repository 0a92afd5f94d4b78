/// One excerpt with its answer's context, as exports list them.
public struct ExcerptRow: Sendable {
    public var excerptID: Int64
    public var respondent: String
    public var question: String
    public var ordinal: Int
    public var utf8Start: Int
    public var utf8End: Int
    public var text: String
    public var lemmas: String
    /// Values of `ExcerptRows.fieldNames`, in that order ("" when the respondent has none).
    public var fieldValues: [String]
}

/// Streams every excerpt of a consultation in a stable order (question, respondent, ordinal).
public struct ExcerptRows {
    public let store: QuoteStore
    public let consultation: Int64
    /// Respondent field names present in the consultation, sorted.
    public let fieldNames: [String]

    public init(store: QuoteStore, consultation: String?) throws {
        self.store = store
        self.consultation = try store.resolveConsultation(consultation)
        let statement = try store.database.prepare("""
            SELECT DISTINCT f.name FROM respondentField f JOIN respondent r ON r.id = f.respondentId
            WHERE r.consultationId = ? ORDER BY f.name
            """)
        try statement.bind([.int(self.consultation)])
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        fieldNames = names
    }

    /// Calls `body` for each excerpt.
    public func forEach(_ body: (ExcerptRow) throws -> Void) throws {
        var fieldsByRespondent: [Int64: [String]] = [:]
        let fields = try store.database.prepare("""
            SELECT f.respondentId, f.name, f.value FROM respondentField f JOIN respondent r ON r.id = f.respondentId
            WHERE r.consultationId = ?
            """)
        try fields.bind([.int(consultation)])
        let column = Dictionary(uniqueKeysWithValues: fieldNames.enumerated().map { ($1, $0) })
        while try fields.step() {
            guard let k = column[fields.text(1)] else { continue }
            fieldsByRespondent[fields.int64(0), default: Array(repeating: "", count: fieldNames.count)][k] = fields.text(2)
        }
        let rows = try store.database.prepare("""
            SELECT e.id, r.id, r.code, q.code, e.ordinal, e.utf8Start, e.utf8End, e.text, e.lemmas
            FROM excerpt e JOIN answer a ON a.id = e.answerId
            JOIN respondent r ON r.id = a.respondentId JOIN question q ON q.id = a.questionId
            WHERE r.consultationId = ?
            ORDER BY q.code, r.code, e.ordinal
            """)
        try rows.bind([.int(consultation)])
        let none = Array(repeating: "", count: fieldNames.count)
        while try rows.step() {
            try body(ExcerptRow(excerptID: rows.int64(0), respondent: rows.text(2), question: rows.text(3), ordinal: rows.int(4),
                                utf8Start: rows.int(5), utf8End: rows.int(6), text: rows.text(7), lemmas: rows.text(8),
                                fieldValues: fieldsByRespondent[rows.int64(1)] ?? none))
        }
    }
}
