/// A binary document × term matrix in sparse rows, for discovery. Documents are excerpts given as
/// folded lemmas; terms are lemmas found in at least `minimumDocuments` documents.
public struct TermMatrix: Sendable {
    /// Term strings by id (sorted, so ids are deterministic).
    public let terms: [String]
    /// Sorted term ids of each document (documents with no term have an empty row).
    public let rows: [[Int32]]
    /// Documents per term.
    public let documentFrequency: [Int]

    /// Builds the matrix; `ignore` lists words that never become terms (stopwords).
    public init(documents: [[String]], ignore: Set<String>, minimumDocuments: Int = 3, minimumLength: Int = 3) {
        // One hash per word occurrence: words get provisional ids in order of appearance (-1 for
        // words that can never be terms), rows are deduplicated with the last document seen.
        var provisional: [String: Int32] = [:]
        var words: [String] = []
        var df: [Int] = []
        var lastDocument: [Int] = []
        var rows: [[Int32]] = []
        rows.reserveCapacity(documents.count)
        for (d, doc) in documents.enumerated() {
            var row: [Int32] = []
            for word in doc {
                let id: Int32
                if let known = provisional[word] {
                    id = known
                } else {
                    let eligible = word.count >= minimumLength && !ignore.contains(word) && !word.allSatisfy(\.isNumber)
                    id = eligible ? Int32(words.count) : -1
                    provisional[word] = id
                    if eligible { words.append(word); df.append(0); lastDocument.append(-1) }
                }
                guard id >= 0, lastDocument[Int(id)] != d else { continue }
                lastDocument[Int(id)] = d
                df[Int(id)] += 1
                row.append(id)
            }
            rows.append(row)
        }
        // Terms in at least `minimumDocuments` documents, sorted, so that ids are deterministic.
        let kept = words.indices.filter { df[$0] >= minimumDocuments }.sorted { words[$0] < words[$1] }
        var final = [Int32](repeating: -1, count: words.count)
        for (i, p) in kept.enumerated() { final[p] = Int32(i) }
        var freq = [Int](repeating: 0, count: kept.count)
        self.rows = rows.map { row in
            let ids = row.compactMap { final[Int($0)] >= 0 ? final[Int($0)] : nil }.sorted()
            for t in ids { freq[Int(t)] += 1 }
            return ids
        }
        terms = kept.map { words[$0] }
        documentFrequency = freq
    }
}

/// A cluster of documents with what describes it.
public struct DiscoveredCluster: Sendable {
    /// Document indices, ascending.
    public var members: [Int]
    /// Most specific terms: (term, χ² of the 2×2 table term × in-cluster, positive association only).
    public var specificTerms: [(term: String, chi2: Double)]
    /// The most representative documents (highest sum of specific-term χ² among their terms).
    public var representatives: [Int]
}

/// Specificity and representatives, shared by every method.
enum ClusterDescription {
    /// χ² of the 2×2 table (term present/absent × in/out of cluster), signed: negative when the
    /// term is less frequent in the cluster than outside.
    static func chi2(inCluster a: Int, clusterSize n1: Int, total df: Int, documents n: Int) -> Double {
        let b = n1 - a, c = df - a, d = n - n1 - c
        let num = Double(a * d - b * c)
        let den = Double(n1) * Double(n - n1) * Double(df) * Double(n - df)
        guard den > 0 else { return 0 }
        let x = Double(n) * num * num / den
        return num >= 0 ? x : -x
    }

    static func describe(_ assignment: [Int], k: Int, matrix: TermMatrix, topTerms: Int = 15,
                         representatives: Int = 5) -> [DiscoveredCluster] {
        let n = matrix.rows.count
        var members = Array(repeating: [Int](), count: k)
        for (i, c) in assignment.enumerated() where c >= 0 { members[c].append(i) }
        return members.map { docs in
            var counts = [Int](repeating: 0, count: matrix.terms.count)
            for d in docs { for t in matrix.rows[d] { counts[Int(t)] += 1 } }
            var scored: [(term: Int, chi2: Double)] = []
            for t in 0..<matrix.terms.count where counts[t] > 0 {
                let x = chi2(inCluster: counts[t], clusterSize: docs.count, total: matrix.documentFrequency[t], documents: n)
                if x > 0 { scored.append((t, x)) }
            }
            scored.sort { $0.chi2 != $1.chi2 ? $0.chi2 > $1.chi2 : $0.term < $1.term }
            let top = Array(scored.prefix(topTerms))
            var weight: [Int: Double] = [:]
            for s in scored.prefix(50) { weight[s.term] = s.chi2 }
            let ranked = docs.map { d in (d, matrix.rows[d].reduce(0.0) { $0 + (weight[Int($1)] ?? 0) }) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return DiscoveredCluster(members: docs, specificTerms: top.map { (matrix.terms[$0.term], $0.chi2) },
                                     representatives: ranked.prefix(representatives).map(\.0))
        }
    }
}
