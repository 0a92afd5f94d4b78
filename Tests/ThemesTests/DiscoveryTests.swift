import Testing
@testable import Themes

/// A synthetic corpus with three clear topics (hand-written word lists), shuffled with a seed.
private func corpus() -> [[String]] {
    let topics = [["ascenseur", "panne", "bouton", "cabine", "etage"],
                  ["loyer", "charge", "facture", "payer", "regularisation"],
                  ["chien", "voisin", "bruit", "nuit", "musique"]]
    var rng = SeededGenerator(seed: 7)
    var docs: [[String]] = []
    for i in 0..<300 {
        let topic = topics[i % 3]
        docs.append((0..<3).map { _ in topic[Int(rng.next() % UInt64(topic.count))] } + ["le", "est"])
    }
    return docs
}

@Suite struct DiscoveryTests {
    @Test func termMatrixKeepsFrequentNonIgnoredTerms() {
        let m = TermMatrix(documents: [["panne", "le"], ["panne", "ascenseur"], ["panne"], ["ascenseur"]],
                           ignore: ["le"], minimumDocuments: 2)
        #expect(m.terms == ["ascenseur", "panne"])
        #expect(m.documentFrequency == [2, 3])
        #expect(m.rows == [[1], [0, 1], [1], [0]])
    }

    @Test func chi2ByHand() {
        // a = 30 of a 50-document cluster, term in 40 of 200: b = 20, c = 10, d = 140.
        // χ² = 200 × (30×140 − 20×10)² / (50 × 150 × 40 × 160) = 200 × 4000² / 48,000,000 = 66.67
        let x = ClusterDescription.chi2(inCluster: 30, clusterSize: 50, total: 40, documents: 200)
        #expect(abs(x - 66.666_666) < 0.001)
        #expect(ClusterDescription.chi2(inCluster: 2, clusterSize: 50, total: 40, documents: 200) < 0)
    }

    @Test(arguments: ["reinert", "kmeans"])
    func separatesClearTopicsDeterministically(_ method: String) {
        let m = TermMatrix(documents: corpus(), ignore: ["le", "est"])
        func run() -> [DiscoveredCluster] {
            method == "reinert" ? ReinertClassifier.cluster(m, k: 3, seed: 42) : SphericalKMeans.cluster(m, k: 3, seed: 42)
        }
        let a = run(), b = run()
        #expect(a.map(\.members) == b.map(\.members))
        #expect(a.count == 3)
        // Each class is one topic: 100 documents, and its top term comes from that topic.
        #expect(a.map(\.members.count).sorted() == [100, 100, 100])
        for c in a {
            let topic = Set(c.members.map { $0 % 3 })
            #expect(topic.count == 1)
        }
    }
}
