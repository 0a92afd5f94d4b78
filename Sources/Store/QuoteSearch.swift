import TextAnalysis

/// Filters and limits of a search.
public struct SearchOptions: Sendable {
    /// Consultation name; nil = the only one in the database.
    public var consultation: String?
    /// Question code (e.g. "q2").
    public var question: String?
    /// Only excerpts tagged with this theme id.
    public var theme: String?
    /// Respondent fields that must equal a value (ASCII case-insensitive), all of them.
    public var filters: [(name: String, value: String)]
    public var limit: Int
    /// Also return the whole answer text with each hit.
    public var includeAnswer: Bool

    public init(consultation: String? = nil, question: String? = nil, theme: String? = nil,
                filters: [(name: String, value: String)] = [], limit: Int = 20, includeAnswer: Bool = false) {
        self.consultation = consultation
        self.theme = theme
        self.question = question
        self.filters = filters
        self.limit = limit
        self.includeAnswer = includeAnswer
    }
}

/// One excerpt that matched.
public struct SearchHit: Sendable {
    public var excerptID: Int64
    public var answerID: Int64
    public var respondent: String
    public var question: String
    /// Respondent fields, sorted by name.
    public var fields: [(name: String, value: String)]
    /// The excerpt as written.
    public var text: String
    /// The excerpt's span within the answer.
    public var utf8Start: Int
    public var utf8End: Int
    /// Matched words, as byte ranges within the answer (not the excerpt).
    public var highlights: [Range<Int>]
    /// The whole answer when asked for.
    public var answer: String?
    /// FTS5 bm25 score (lower is better).
    public var score: Double
}

/// Searches excerpts with the FTS5 index, filters by question and respondent fields, ranks by bm25.
public final class QuoteSearch {
    public let store: QuoteStore
    private let analyzer: TextAnalyzer

    /// `analyzer` must lemmatize the way the index was built (same lexicons).
    public init(store: QuoteStore, analyzer: TextAnalyzer) {
        self.store = store
        self.analyzer = analyzer
    }

    /// Runs a search; an empty array when nothing matches.
    /// - Throws: `StoreError.emptyQuery` when the query has no word; `badFilter` for a filter on a
    ///   field no respondent has (checked only when nothing matched, to keep searches fast).
    public func search(_ text: String, options: SearchOptions = .init()) throws -> [SearchHit] {
        let query = SearchQuery(text, analyzer: analyzer)
        // Words are optional when a theme is given: then the theme's excerpts, strongest first.
        guard !query.isEmpty || options.theme != nil else { throw StoreError.emptyQuery(text) }
        let consultation = try store.resolveConsultation(options.consultation)
        let limit = max(0, options.limit)
        // Rank the best `candidates` matches first, then join and filter only those: joining every
        // match of a frequent word (10k+) cost more than the ranking. When filters leave fewer than
        // `limit` hits among them, search again over all matches.
        let candidates = max(200, limit * 10)
        // bm25 costs ~1.5 µs per matching excerpt: for words in more than `rankingWindow` excerpts,
        // rank only the most recently stored `rankingWindow` of them.
        let windowStart = query.isEmpty ? nil : try store.database.scalarInt("""
            SELECT rowid FROM excerptSearch WHERE excerptSearch MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
            """, [.text(query.ftsExpression), .int(Int64(Self.rankingWindow - 1))])
        var (hits, respondentRowIDs) = try runQuery(query, consultation: consultation, options: options,
                                                    candidates: candidates, fromRowID: windowStart)
        if hits.count < limit {
            (hits, respondentRowIDs) = try runQuery(query, consultation: consultation, options: options,
                                                    candidates: nil, fromRowID: nil)
        }
        if hits.isEmpty {
            try checkFilters(options.filters)
            return []
        }
        let fieldsOf = try store.database.prepare("SELECT name, value FROM respondentField WHERE respondentId = ? ORDER BY name")
        let terms = query.highlightTerms
        for i in hits.indices {
            try fieldsOf.bind([.int(respondentRowIDs[i])])
            while try fieldsOf.step() { hits[i].fields.append((fieldsOf.text(0), fieldsOf.text(1))) }
            fieldsOf.reset()
            hits[i].highlights = highlights(in: hits[i].text, offset: hits[i].utf8Start, terms)
        }
        return hits
    }

    /// Matching excerpts ranked per search, at most (see `search`).
    public static let rankingWindow = 2_000

    private func runQuery(_ query: SearchQuery, consultation: Int64, options: SearchOptions,
                          candidates: Int?, fromRowID: Int64?) throws -> ([SearchHit], [Int64]) {
        let ranked = query.isEmpty
            ? "SELECT excerptId, -score FROM excerptTheme WHERE themeId = ? AND excerptId >= ? ORDER BY score DESC, excerptId LIMIT ?"
            : "SELECT rowid, bm25(excerptSearch) FROM excerptSearch WHERE excerptSearch MATCH ? AND rowid >= ? ORDER BY bm25(excerptSearch) LIMIT ?"
        var sql = """
            WITH hit(id, score) AS (\(ranked))
            SELECT e.id, e.answerId, e.utf8Start, e.utf8End, e.text, r.id, r.code, q.code, hit.score,
                   \(options.includeAnswer ? "a.text" : "NULL")
            FROM hit
            JOIN excerpt e ON e.id = hit.id
            JOIN answer a ON a.id = e.answerId
            JOIN respondent r ON r.id = a.respondentId
            JOIN question q ON q.id = a.questionId
            WHERE r.consultationId = ?
            """
        var values: [SQLiteValue] = [.text(query.isEmpty ? options.theme ?? "" : query.ftsExpression), .int(fromRowID ?? 0), .int(Int64(candidates ?? -1)),
                                     .int(consultation)]
        if let question = options.question {
            sql += " AND q.code = ?"
            values.append(.text(question))
        }
        if let theme = options.theme {
            sql += " AND EXISTS (SELECT 1 FROM excerptTheme t WHERE t.excerptId = e.id AND t.themeId = ?)"
            values.append(.text(theme))
        }
        for filter in options.filters {
            sql += " AND EXISTS (SELECT 1 FROM respondentField f WHERE f.respondentId = r.id AND f.name = ? AND f.value = ? COLLATE NOCASE)"
            values.append(.text(filter.name))
            values.append(.text(filter.value))
        }
        // bm25 favours very short excerpts ("L'ascenseur."); halve the score of those under four
        // indexed words so that quotes with content come first.
        sql += " ORDER BY hit.score * (CASE WHEN e.tokenCount < 4 THEN 0.5 ELSE 1.0 END), e.id LIMIT ?"
        values.append(.int(Int64(max(0, options.limit))))
        let statement = try store.database.prepare(sql)
        try statement.bind(values)
        var hits: [SearchHit] = []
        var respondentRowIDs: [Int64] = []
        while try statement.step() {
            hits.append(SearchHit(excerptID: statement.int64(0), answerID: statement.int64(1), respondent: statement.text(6),
                                  question: statement.text(7), fields: [], text: statement.text(4),
                                  utf8Start: statement.int(2), utf8End: statement.int(3), highlights: [],
                                  answer: statement.optionalText(9), score: statement.double(8)))
            respondentRowIDs.append(statement.int64(5))
        }
        return (hits, respondentRowIDs)
    }

    /// Byte ranges (shifted by `offset`) of the indexed tokens of `text` that carry a searched term.
    func highlights(in text: String, offset: Int, _ terms: (forms: Set<String>, lemmas: Set<String>)) -> [Range<Int>] {
        let analyzed = analyzer.analyze(text)
        var ranges: [Range<Int>] = []
        for word in FoldedWords.of(analyzed.tokens[...]) where terms.forms.contains(word.form) || terms.lemmas.contains(word.lemma) {
            let token = analyzed.tokens[word.tokenIndex]
            ranges.append((token.utf8Start + offset)..<(token.utf8End + offset))
        }
        return ranges
    }

    /// Names of the respondent fields present in the database, sorted.
    public func fieldNames() throws -> [String] {
        let statement = try store.database.prepare("SELECT DISTINCT name FROM respondentField ORDER BY name")
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }

    private func checkFilters(_ filters: [(name: String, value: String)]) throws {
        guard !filters.isEmpty else { return }
        let names = try fieldNames()
        for filter in filters where !names.contains(filter.name) {
            throw StoreError.badFilter(path: store.path, filter: "\(filter.name)=\(filter.value)", available: names)
        }
    }
}
