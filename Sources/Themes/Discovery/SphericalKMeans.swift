/// Spherical k-means on L2-normalized binary TF-IDF rows, k-means++ seeding with a seeded
/// generator: the same seed gives the same clusters.
public enum SphericalKMeans {
    /// Clusters with `restarts` seedings derived from `seed`, keeping the one with the highest
    /// total cosine similarity to the centroids.
    public static func cluster(_ matrix: TermMatrix, k: Int, seed: UInt64, iterations: Int = 30, restarts: Int = 5) -> [DiscoveredCluster] {
        let live = (0..<matrix.rows.count).filter { !matrix.rows[$0].isEmpty }
        guard k >= 1, live.count >= k, !matrix.terms.isEmpty else { return [] }
        var best: (assignment: [Int], objective: Float)? = nil
        for r in 0..<max(1, restarts) {
            let run = lloyd(matrix, live: live, k: k, seed: seed &+ UInt64(r) &* 0x9E37_79B9, iterations: iterations)
            if best == nil || run.objective > best!.objective { best = run }
        }
        return ClusterDescription.describe(best!.assignment, k: k, matrix: matrix)
    }

    static func lloyd(_ matrix: TermMatrix, live: [Int], k: Int, seed: UInt64, iterations: Int) -> (assignment: [Int], objective: Float) {
        let n = matrix.rows.count, v = matrix.terms.count
        let idf = matrix.documentFrequency.map { Float(log(Double(n) / Double(max(1, $0)))) }
        let norms = matrix.rows.map { row in Float(row.reduce(0.0) { $0 + Double(idf[Int($1)] * idf[Int($1)]) }.squareRoot()) }
        @inline(__always) func weight(_ d: Int, _ t: Int32) -> Float { idf[Int(t)] / max(norms[d], 1e-9) }
        var rng = SeededGenerator(seed: seed)
        // k-means++ on cosine distance.
        var centroids = [[Float]]()
        func dense(_ d: Int) -> [Float] {
            var c = [Float](repeating: 0, count: v)
            for t in matrix.rows[d] { c[Int(t)] = weight(d, t) }
            return c
        }
        func similarity(_ d: Int, _ c: [Float]) -> Float { matrix.rows[d].reduce(0) { $0 + weight(d, $1) * c[Int($1)] } }
        centroids.append(dense(live[Int(rng.next() % UInt64(live.count))]))
        var best = live.map { similarity($0, centroids[0]) }
        while centroids.count < k {
            let distances = best.map { Double(max(0, 1 - $0)) }
            let total = distances.reduce(0, +)
            var pick = 0
            if total > 0 {
                var r = Double(rng.next() % 1_000_000_007) / 1_000_000_007.0 * total
                for (i, dist) in distances.enumerated() { r -= dist; if r <= 0 { pick = i; break } }
            }
            centroids.append(dense(live[pick]))
            for (i, d) in live.enumerated() { best[i] = max(best[i], similarity(d, centroids[centroids.count - 1])) }
        }
        var assignment = [Int](repeating: -1, count: n)
        var objective: Float = 0
        for _ in 0..<iterations {
            var changed = false
            objective = 0
            for d in live {
                var bestC = 0
                var bestS = -Float.infinity
                for c in 0..<k {
                    let s = similarity(d, centroids[c])
                    if s > bestS { bestS = s; bestC = c }
                }
                objective += bestS
                if assignment[d] != bestC { assignment[d] = bestC; changed = true }
            }
            // New centroids: normalized means.
            var sums = Array(repeating: [Float](repeating: 0, count: v), count: k)
            for d in live { for t in matrix.rows[d] { sums[assignment[d]][Int(t)] += weight(d, t) } }
            for c in 0..<k {
                let norm = sums[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > 0 { centroids[c] = sums[c].map { $0 / norm } }
            }
            if !changed { break }
        }
        return (assignment, objective)
    }
}

#if canImport(Glibc)
import Glibc
#endif
