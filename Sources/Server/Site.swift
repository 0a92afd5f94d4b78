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

    /// A read-only connection for one request (SQLite connections are not shared across threads).
    func store() throws -> QuoteStore { try QuoteStore(path: database, readOnly: true) }

    func analyzer() throws -> TextAnalyzer { try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon)) }

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
            [
                "number": i + 1, "size": c.members.count,
                "share": Percent.text(c.members.count, total),
                "nearest": result.nearestTheme[i] as Any,
                "terms": c.specificTerms.prefix(10).map(\.term).joined(separator: ", "),
                "examples": c.representatives.map { ["text": result.texts[$0]] },
            ]
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
        whole == 0 ? "–" : NumberText.fixed(100 * Double(part) / Double(whole), decimals: 1) + " %"
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
