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
        var df: [String: Int] = [:]
        for doc in documents {
            for word in Set(doc) where word.count >= minimumLength && !ignore.contains(word) && !word.allSatisfy(\.isNumber) {
                df[word, default: 0] += 1
            }
        }
        let kept = df.filter { $0.value >= minimumDocuments }.keys.sorted()
        var id: [String: Int32] = [:]
        for (i, t) in kept.enumerated() { id[t] = Int32(i) }
        var freq = [Int](repeating: 0, count: kept.count)
        rows = documents.map { doc in
            let ids = Array(Set(doc.compactMap { id[$0] })).sorted()
            for t in ids { freq[Int(t)] += 1 }
            return ids
        }
        terms = kept
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
