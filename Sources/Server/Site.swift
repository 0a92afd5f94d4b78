import Hummingbird
import Report
import Store
import Synchronization
import TextAnalysis
import VerbatimCore

/// What the server serves: one database, read-only, and the lexicons to analyze queries.
public final class Site: Sendable {
    public let database: String
    public let consultation: String?
    let lexicon: FrenchLexicon
    let lexiconFolder: String?
    /// Discovery is computed once, on the first request of /clusters.
    private let clusterCache = Mutex<CachedClusters?>(nil)

    /// Checks that the database opens read-only and loads the lexicons.
    public init(database: String, consultation: String? = nil, lexicons: String? = nil) throws {
        self.database = database
        self.consultation = consultation
        self.lexiconFolder = lexicons
        _ = try QuoteStore(path: database, readOnly: true)
        lexicon = try FrenchLexicon.load(explicit: lexicons)
    }

    /// Aggregates (theme counts overall and by group, evidence terms) computed once per version of
    /// the database file: they scan every excerpt, searches do not.
    private let statsCache = Mutex<CachedStats?>(nil)

    func stats() throws -> CachedStats {
        let version = Self.fileVersion(database)
        if let cached = statsCache.withLock({ $0 }), cached.version == version { return cached }
        let store = try store()
        let consultationID = try store.resolveConsultation(consultation)
        let fields = try ReportQueries.overview(store, consultation: consultationID).fields
        let field = fields.contains("groupe") ? "groupe" : fields.first
        let stats = CachedStats(version: version,
                                overall: try ThemeCounts(store: store, consultation: consultation, field: nil),
                                byField: try field.map { try ThemeCounts(store: store, consultation: consultation, field: $0) },
                                field: field,
                                terms: try ReportQueries.topTerms(store, consultation: consultationID, limit: 15))
        statsCache.withLock { $0 = stats }
        return stats
    }

    /// Size and modification time of the database and its WAL: changes when a run writes.
    static func fileVersion(_ path: String) -> [Int] {
        var out: [Int] = []
        for p in [path, path + "-wal"] {
            var st = stat()
            if stat(p, &st) == 0 { out += [Int(st.st_size), Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)] } else { out += [0, 0, 0] }
        }
        return out
    }

    /// A read-only connection for one request (SQLite connections are not shared across threads).
    func store() throws -> QuoteStore { try QuoteStore(path: database, readOnly: true) }

    /// Analyzers are not thread-safe and cost something to build: a request borrows one.
    private let analyzers = Mutex<[AnalyzerBox]>([])

    func withAnalyzer<T>(_ body: (TextAnalyzer) throws -> T) throws -> T {
        let box = try analyzers.withLock { $0.popLast() } ?? AnalyzerBox(try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon)))
        defer { analyzers.withLock { $0.append(box) } }
        return try body(box.analyzer)
    }

    /// Discovery on the unclassified excerpts (Reinert, k 8, seed 42), rendered as (HTML context, JSON).
    func clusters() throws -> (context: [String: Any], json: String) {
        if let cached = clusterCache.withLock({ $0 }) { return (cached.context, cached.json) }
        let computed = try computeClusters()
        clusterCache.withLock { $0 = CachedClusters(context: computed.context, json: computed.json) }
        return computed
    }

    private func computeClusters() throws -> (context: [String: Any], json: String) {
        let setup = try ThemeSetup(lexicons: lexiconFolder, taxonomy: nil, intents: nil)
        var options = DiscoverJob.Options()
        options.consultation = consultation
        let result = try DiscoverJob.discover(database: database, options: options, setup: setup, lexicon: lexicon)
        let total = max(1, result.clustered)
        let clusters: [[String: Any]] = result.clusters.enumerated().map { i, c in
            var cluster: [String: Any] = [
                "number": i + 1, "size": c.members.count,
                "share": Percent.text(c.members.count, total),
                "terms": c.specificTerms.prefix(10).map(\.term).joined(separator: ", "),
                "examples": c.representatives.map { ["text": result.texts[$0]] },
            ]
            if let nearest = result.nearestTheme[i] { cluster["nearest"] = nearest }
            return cluster
        }
        let json = "{\"method\":\"reinert\",\"k\":8,\"seed\":42,\"clustered\":\(result.clustered),\"excerpts\":\(result.excerptsRead),\"clusters\":["
            + result.clusters.enumerated().map { i, c in
                "{\"size\":\(c.members.count),\"nearestTheme\":\(result.nearestTheme[i].map(JSON.string) ?? "null"),"
                    + "\"terms\":[\(c.specificTerms.prefix(15).map { JSON.string($0.term) }.joined(separator: ","))],"
                    + "\"examples\":[\(c.representatives.map { JSON.string(result.texts[$0]) }.joined(separator: ","))]}"
            }.joined(separator: ",") + "]}"
        let summary = "\(result.clustered) extraits non classés regroupés sur \(result.excerptsRead) (Reinert, k = 8, graine 42)"
        return (["clusters": clusters, "summary": summary], json)
    }
}

enum JSON {
    static func string(_ s: String) -> String { TextOutput.jsonString(s) }
    static func fields(_ fields: [(name: String, value: String)]) -> String {
        "{" + fields.map { "\(string($0.name)):\(string($0.value))" }.joined(separator: ",") + "}"
    }
}

enum Percent {
    static func text(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : NumberText.fixed(100 * Double(part) / Double(whole), decimals: 1) + "\u{00A0}%"
    }
}

/// An analyzer used by one request at a time (handed over through the pool's lock).
final class AnalyzerBox: @unchecked Sendable {
    let analyzer: TextAnalyzer
    init(_ analyzer: TextAnalyzer) { self.analyzer = analyzer }
}

/// Aggregates of one version of the database.
final class CachedStats: Sendable {
    let version: [Int]
    let overall: ThemeCounts
    let byField: ThemeCounts?
    let field: String?
    let terms: [String: [ReportQueries.Term]]
    init(version: [Int], overall: ThemeCounts, byField: ThemeCounts?, field: String?, terms: [String: [ReportQueries.Term]]) {
        self.version = version
        self.overall = overall
        self.byField = byField
        self.field = field
        self.terms = terms
    }
}

/// Rendered discovery, computed once (immutable after creation).
final class CachedClusters: @unchecked Sendable {
    let context: [String: Any]
    let json: String
    init(context: [String: Any], json: String) {
        self.context = context
        self.json = json
    }
}

#if canImport(Glibc)
import Glibc
#endif
