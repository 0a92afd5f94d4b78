import Store
import TextAnalysis
import Themes

/// `verbatim discover`: clusters the excerpts the taxonomy leaves unclassified (or all of them)
/// into candidate themes, and can promote one into the taxonomy file.
public enum DiscoverJob {
    public enum Method: String, CaseIterable, Sendable { case reinert, kmeans }

    /// Lemmas that say nothing about a topic, on top of the stopword list.
    static let ignoredLemmas: Set<String> = [
        "etre", "avoir", "faire", "pouvoir", "falloir", "aller", "devoir", "vouloir", "dire", "mettre", "voir",
        "savoir", "venir", "prendre", "donner", "rester", "trouver", "passer", "chose", "fois", "gens", "tout",
        "bien", "tres", "plus", "moins", "aussi", "meme", "encore", "toujours", "jamais", "rien", "quand", "plaire", "s'il",
        "lui", "soi", "moi", "son", "leur", "celui", "cela", "ceci", "comme", "peu", "trop", "vraiment", "merci",
    ]

    public struct Options: Sendable {
        public var method: Method = .reinert
        public var k = 8
        public var seed: UInt64 = 42
        /// Cluster every excerpt, not only the unclassified ones.
        public var all = false
        public var consultation: String?
        public init() {}
    }

    public struct Result {
        public var clusters: [DiscoveredCluster]
        /// Texts of the representative excerpts (`DiscoveredCluster.representatives`); empty for the others.
        public var texts: [String]
        /// Excerpt ids, parallel to `texts`.
        public var excerptIDs: [Int64]
        public var nearestTheme: [String?]
        public var clustered: Int
        public var excerptsRead: Int
    }

    public static func discover(database: String, options: Options, setup: ThemeSetup, lexicon: FrenchLexicon) throws -> Result {
        let store = try QuoteStore(path: database, readOnly: true)
        let consultation = try store.resolveConsultation(options.consultation)
        let statement = try store.database.prepare("""
            SELECT e.lemmas, e.id FROM excerpt e JOIN answer a ON a.id = e.answerId JOIN respondent r ON r.id = a.respondentId
            WHERE r.consultationId = ? \(options.all ? "" : "AND NOT EXISTS (SELECT 1 FROM excerptTheme t WHERE t.excerptId = e.id)")
            ORDER BY e.id
            """)
        try statement.bind([.int(consultation)])
        var documents: [[String]] = [], ids: [Int64] = []
        while try statement.step() {
            documents.append(statement.text(0).split(separator: " ").map(String.init))
            ids.append(statement.int64(1))
        }
        let ignore = ignoredLemmas.union(lexicon.stopwordList.map(FoldedWords.fold))
        let matrix = TermMatrix(documents: documents, ignore: ignore)
        let clusters = options.method == .reinert
            ? ReinertClassifier.cluster(matrix, k: options.k, seed: options.seed)
            : SphericalKMeans.cluster(matrix, k: options.k, seed: options.seed)
        // Only the representative excerpts are shown: read their texts alone.
        var texts = [String](repeating: "", count: ids.count)
        let textOf = try store.database.prepare("SELECT text FROM excerpt WHERE id = ?")
        for d in Set(clusters.flatMap(\.representatives)).sorted() {
            try textOf.bind([.int(ids[d])])
            if try textOf.step() { texts[d] = textOf.text(0) }
            textOf.reset()
        }
        let taxonomy = setup.tagger.taxonomy
        let nearest = clusters.map { cluster -> String? in
            var score: [String: Double] = [:]
            for (term, chi2) in cluster.specificTerms { for id in taxonomy.themes(forWord: term) { score[id, default: 0] += chi2 } }
            return score.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
        }
        return Result(clusters: clusters, texts: texts, excerptIDs: ids, nearestTheme: nearest,
                      clustered: clusters.reduce(0) { $0 + $1.members.count }, excerptsRead: ids.count)
    }

    public static func render(_ r: Result, options: Options) -> String {
        var out = "\(options.method.rawValue), k = \(options.k), seed = \(options.seed): \(r.clustered) of \(r.excerptsRead) "
            + (options.all ? "excerpts" : "unclassified excerpts") + " clustered (the others have no term)\n"
        for (i, c) in r.clusters.enumerated() {
            let share = AnalyzeJob.format(100 * Double(c.members.count) / Double(max(1, r.clustered)), decimals: 1)
            out += "\nclass \(i + 1): \(c.members.count) excerpts (\(share)%)"
                + (r.nearestTheme[i].map { ", nearest theme: \($0)" } ?? ", no near theme") + "\n"
            out += "  terms: " + c.specificTerms.prefix(10).map { "\($0.term) (\(Int($0.chi2.rounded())))" }.joined(separator: ", ") + "\n"
            for d in c.representatives {
                let text = r.texts[d].split(whereSeparator: \.isNewline).joined(separator: " ")
                out += "  « " + (text.count > 110 ? String(text.prefix(110)) + "…" : text) + " »\n"
            }
        }
        return out
    }

    /// `excerptId<TAB>class` (1-based) for every clustered excerpt, by excerpt id.
    public static func members(_ r: Result) -> String {
        var rows: [(Int64, Int)] = []
        for (c, cluster) in r.clusters.enumerated() { for d in cluster.members { rows.append((r.excerptIDs[d], c + 1)) } }
        return "excerptId\tclass\n" + rows.sorted { $0.0 < $1.0 }.map { "\($0.0)\t\($0.1)\n" }.joined()
    }

    /// The taxonomy rows that promote class `index` (1-based) to a theme: its label, a description
    /// and its ten most specific terms (the first five with weight 1, the others 0.5).
    public static func promotionRows(_ r: Result, index: Int, id: String, label: String) throws -> String {
        guard index >= 1, index <= r.clusters.count else {
            throw VerbatimError.badInput(path: "--promote", line: index, reason: "no class \(index); there are \(r.clusters.count)")
        }
        let c = r.clusters[index - 1]
        var rows = "\(id)\tlabel\t\(label)\t\n\(id)\tdescription\tDiscovered class of \(c.members.count) excerpts\t\n"
        for (k, term) in c.specificTerms.prefix(10).enumerated() { rows += "\(id)\tterm\t\(term.term)\t\(k < 5 ? "1" : "0.5")\n" }
        return rows
    }
}

/// What `verbatim discover` prints, and the promotion into the taxonomy file.
public enum DiscoverCLI {
    public static func run(database: String, options: DiscoverJob.Options, lexicons: String?, taxonomy: String?,
                           promote: (index: Int, id: String, label: String)?, members: String? = nil) throws {
        let setup = try ThemeSetup(lexicons: lexicons, taxonomy: taxonomy, intents: nil)
        let lexicon = setup.analyzer.lemmatizer!.lexicon
        let result = try DiscoverJob.discover(database: database, options: options, setup: setup, lexicon: lexicon)
        if let members { try FileIO.writeAll(path: members, bytes: Array(DiscoverJob.members(result).utf8)) }
        guard let promote else {
            FileIO.writeStandardOutput(DiscoverJob.render(result, options: options))
            return
        }
        let path = taxonomy ?? lexicon.directory + "/../themes/habitat.fr.tsv"
        if setup.tagger.taxonomy.themes.contains(where: { $0.id == promote.id }) {
            throw VerbatimError.badInput(path: path, line: 0, reason: "theme '\(promote.id)' already exists")
        }
        var bytes = try FileIO.readAll(path: path)
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        let rows = try DiscoverJob.promotionRows(result, index: promote.index, id: promote.id, label: promote.label)
        bytes.append(contentsOf: rows.utf8)
        try FileIO.writeAll(path: path, bytes: bytes)
        FileIO.writeStandardOutput("added to \(path):\n" + rows)
    }
}
