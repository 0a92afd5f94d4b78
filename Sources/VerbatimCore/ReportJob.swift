import Report
import Store
import TextAnalysis
import Themes
#if canImport(Glibc)
import Glibc
#endif

/// `verbatim report`: one self-contained HTML file (inline CSS and SVG, no script, no external
/// resource) with the overview, the theme charts, the comparison by a field, the intents, each
/// theme with its quotes, the discovered clusters and the methods; written atomically.
public enum ReportJob {
    public struct Settings: Sendable {
        public var database: String
        public var output: String
        /// The field to compare by (default: "groupe" when present, else the first field).
        public var field: String?
        public var consultation: String?
        public var lexicons: String?
        /// Run discovery (reinert, k 8, seed 42, unclassified excerpts) for the clusters section.
        public var discovery = true

        public init(database: String, output: String, field: String? = nil, consultation: String? = nil, lexicons: String? = nil) {
            self.database = database
            self.output = output
            self.field = field
            self.consultation = consultation
            self.lexicons = lexicons
        }
    }

    public struct Outcome: Sendable {
        public var path: String
        public var bytes: Int
        public var seconds: Double
        public var discoverySeconds: Double
        /// Why the clusters section was left out, when it was.
        public var discoverySkipped: String?
    }

    /// The report as HTML, and why discovery was skipped if it was.
    public static func build(_ settings: Settings) throws -> (html: String, discoverySeconds: Double, discoverySkipped: String?) {
        let store = try QuoteStore(path: settings.database, readOnly: true)
        let data = try ReportData.load(store: store, consultation: settings.consultation, field: settings.field)
        var options = ReportOptions(generator: "Verbatim \(VerbatimVersion.string)", generatedAt: utcNow())
        var skipped: String? = nil
        let t0 = Clock.now()
        if settings.discovery {
            do {
                let setup = try ThemeSetup(lexicons: settings.lexicons, taxonomy: nil, intents: nil)
                if let lexicon = setup.analyzer.lemmatizer?.lexicon {
                    var discover = DiscoverJob.Options()
                    discover.consultation = settings.consultation
                    let result = try DiscoverJob.discover(database: settings.database, options: discover, setup: setup, lexicon: lexicon)
                    options.clusters = result.clusters.enumerated().map { i, cluster in
                        DiscoveredTheme(size: cluster.members.count, terms: cluster.specificTerms.prefix(10).map(\.term),
                                        examples: cluster.representatives.map { result.texts[$0] }, nearestTheme: result.nearestTheme[i])
                    }
                    options.discoveryNote = "\(discover.method.rawValue), k = \(discover.k), seed = \(discover.seed): "
                        + "\(NumberText.integer(result.clustered)) of \(NumberText.integer(result.excerptsRead)) unclassified excerpts "
                        + "clustered (the others share no frequent word)."
                } else {
                    skipped = "no lexicon"
                }
            } catch let error as StoreError {
                throw error
            } catch {
                // The lexicon or the taxonomy cannot load: the report goes without the clusters.
                skipped = "\(error)"
            }
        }
        let discoverySeconds = Clock.now() - t0
        return (ReportBuilder.build(data, options: options), discoverySeconds, skipped)
    }

    /// Builds the report and writes it to `settings.output` (atomically).
    public static func run(_ settings: Settings) throws -> Outcome {
        let t0 = Clock.now()
        let (html, discoverySeconds, skipped) = try build(settings)
        let bytes = Array(html.utf8)
        try FileIO.writeAll(path: settings.output, bytes: bytes)
        return Outcome(path: settings.output, bytes: bytes.count, seconds: Clock.now() - t0,
                       discoverySeconds: discoverySeconds, discoverySkipped: skipped)
    }

    /// What `verbatim report` prints.
    public static func render(_ o: Outcome) -> String {
        var out = "report   \(o.path) (\(AnalyzeJob.format(Double(o.bytes) / 1024, decimals: 0)) KB)\n"
        out += "time     \(AnalyzeJob.format(o.seconds, decimals: 2)) s"
        if o.discoverySkipped == nil { out += " (discovery \(AnalyzeJob.format(o.discoverySeconds, decimals: 2)) s)" }
        out += "\n"
        if let reason = o.discoverySkipped { out += "note     discovered clusters left out: \(reason)\n" }
        return out
    }

    /// The current time in UTC, e.g. "2026-12-01 09:30 UTC".
    static func utcNow() -> String {
        var now = time(nil)
        var parts = tm()
        guard gmtime_r(&now, &parts) != nil else { return "" }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
    }
}
