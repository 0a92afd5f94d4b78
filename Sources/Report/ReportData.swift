import Store

/// Everything the report shows, read from the store in one go (the builder does no I/O).
public struct ReportData: Sendable {
    public var overview: ReportQueries.Overview
    /// Theme counts; split by `field` when there is one.
    public var counts: ThemeCounts
    /// The field the themes are compared across: the one asked for, else "groupe" when present,
    /// else the first field; nil when respondents have no field.
    public var field: String?
    public var themes: [String: ReportQueries.Theme]
    public var terms: [String: [ReportQueries.Term]]
    public var quotes: [String: [ReportQueries.Quote]]
    public var intents: [String: ReportQueries.IntentSplit]
    public var run: ReportQueries.RunInfo?
    /// The database file name, as given.
    public var databasePath: String

    public init(overview: ReportQueries.Overview, counts: ThemeCounts, field: String?, themes: [String: ReportQueries.Theme],
                terms: [String: [ReportQueries.Term]], quotes: [String: [ReportQueries.Quote]],
                intents: [String: ReportQueries.IntentSplit], run: ReportQueries.RunInfo?, databasePath: String) {
        self.overview = overview
        self.counts = counts
        self.field = field
        self.themes = themes
        self.terms = terms
        self.quotes = quotes
        self.intents = intents
        self.run = run
        self.databasePath = databasePath
    }

    /// The field to compare by: `requested`, else "groupe" when present, else the first field.
    public static func defaultField(requested: String?, available: [String]) -> String? {
        if let requested { return requested }
        if available.contains("groupe") { return "groupe" }
        return available.first
    }

    /// Reads the report's data. `field` nil picks the default field; an unknown field is an error
    /// listing the available ones.
    public static func load(store: QuoteStore, consultation: String?, field: String?,
                            termsPerTheme: Int = 10, quotesPerTheme: Int = 5) throws -> ReportData {
        let id = try store.resolveConsultation(consultation)
        let overview = try ReportQueries.overview(store, consultation: id)
        let field = defaultField(requested: field, available: overview.fields)
        let counts = try ThemeCounts(store: store, consultation: overview.consultation, field: field)
        var themes: [String: ReportQueries.Theme] = [:]
        for theme in try ReportQueries.themes(store) { themes[theme.id] = theme }
        return ReportData(overview: overview, counts: counts, field: field, themes: themes,
                          terms: try ReportQueries.topTerms(store, consultation: id, limit: termsPerTheme),
                          quotes: try ReportQueries.quotes(store, consultation: id, perTheme: quotesPerTheme),
                          intents: try ReportQueries.intentSplit(store, consultation: id),
                          run: try ReportQueries.latestRun(store, consultation: id), databasePath: store.path)
    }
}
