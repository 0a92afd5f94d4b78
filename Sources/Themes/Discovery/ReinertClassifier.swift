/// Descending hierarchical classification after Reinert (Alceste, IRaMuTeQ): the largest class is
/// split in two along the first axis of a correspondence analysis of its excerpt × lemma table, at
/// the cut that maximizes the χ² of the two halves' term counts, then excerpts are reassigned to
/// the half whose term profile explains them best; until `k` classes. Deterministic: the power
/// iteration starts from a seeded vector and ties break on indices.
///
/// Departures from Alceste, for short answers: excerpts are single sentences (no fixed-length
/// segments), the largest splittable class is split next (so no class swallows the corpus), and
/// classes smaller than `minimumSize` are not split.
public enum ReinertClassifier {
    public static func cluster(_ matrix: TermMatrix, k: Int, seed: UInt64) -> [DiscoveredCluster] {
        let live = (0..<matrix.rows.count).filter { !matrix.rows[$0].isEmpty }
        guard k >= 1, live.count >= k else { return [] }
        let minimumSize = max(10, live.count / 100)
        var classes: [[Int]] = [live]
        var unsplittable = Set<Int>()   // first member of classes that could not be split
        while classes.count < k {
            guard let target = classes.indices.filter({ classes[$0].count >= 2 * minimumSize && !unsplittable.contains(classes[$0][0]) })
                .max(by: { classes[$0].count != classes[$1].count ? classes[$0].count < classes[$1].count : classes[$0][0] > classes[$1][0] })
            else { break }
            let (a, b) = split(classes[target], matrix, seed: seed &+ UInt64(classes.count))
            if a.count < minimumSize || b.count < minimumSize {
                unsplittable.insert(classes[target][0])
                continue
            }
            classes[target] = a
            classes.append(b)
        }
        classes.sort { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
        var assignment = [Int](repeating: -1, count: matrix.rows.count)
        for (c, docs) in classes.enumerated() { for d in docs { assignment[d] = c } }
        return ClusterDescription.describe(assignment, k: classes.count, matrix: matrix)
    }

    /// Splits documents in two; both halves sorted ascending.
    static func split(_ docs: [Int], _ matrix: TermMatrix, seed: UInt64) -> ([Int], [Int]) {
        // Local term ids for terms used at least twice in this class (dense arrays, not hashing).
        var counts = [Int](repeating: 0, count: matrix.terms.count)
        for d in docs { for t in matrix.rows[d] { counts[Int(t)] += 1 } }
        var local = [Int](repeating: -1, count: matrix.terms.count)
        var v = 0
        for t in counts.indices where counts[t] >= 2 { local[t] = v; v += 1 }
        guard v >= 2 else { return (docs, []) }
        // The class's rows as one flat array of local ids with offsets.
        var offsets = [Int](repeating: 0, count: docs.count + 1)
        var flat: [Int] = []
        for (i, d) in docs.enumerated() {
            for t in matrix.rows[d] where local[Int(t)] >= 0 { flat.append(local[Int(t)]) }
            offsets[i + 1] = flat.count
        }
        let rows = FlatRows(offsets: offsets, terms: flat)
        let coordinates = firstAxis(rows, termCount: v, seed: seed)
        let order = docs.indices.sorted { coordinates[$0] != coordinates[$1] ? coordinates[$0] < coordinates[$1] : $0 < $1 }

        // Best cut among evenly spaced ranks, by the χ² of the 2 × terms table.
        var colTotals = [Int](repeating: 0, count: v)
        for t in flat { colTotals[t] += 1 }
        var left = [Int](repeating: 0, count: v)
        var leftTotal = 0
        var bestCut = order.count / 2, bestChi2 = -1.0
        let steps = 60
        var position = 0
        for s in 1..<steps {
            let cut = order.count * s / steps
            while position < cut { for t in rows[order[position]] { left[t] += 1; leftTotal += 1 }; position += 1 }
            let x = chi2(left, leftTotal, colTotals)
            if x > bestChi2 { bestChi2 = x; bestCut = cut }
        }
        var side = [Bool](repeating: false, count: docs.count)   // true = second half
        for (rank, i) in order.enumerated() where rank >= bestCut { side[i] = true }

        // Reassignment: each excerpt goes to the half whose smoothed term profile gives it the
        // higher likelihood; a few passes.
        for _ in 0..<4 {
            var countsFirst = [Double](repeating: 0.5, count: v), countsSecond = [Double](repeating: 0.5, count: v)
            var totalFirst = 0.5 * Double(v), totalSecond = 0.5 * Double(v)
            for i in docs.indices {
                if side[i] {
                    for t in rows[i] { countsSecond[t] += 1; totalSecond += 1 }
                } else {
                    for t in rows[i] { countsFirst[t] += 1; totalFirst += 1 }
                }
            }
            let logFirst = countsFirst.map { log($0 / totalFirst) }, logSecond = countsSecond.map { log($0 / totalSecond) }
            var moved = 0
            for i in docs.indices where !rows[i].isEmpty {
                var a = 0.0, b = 0.0
                for t in rows[i] { a += logFirst[t] }
                for t in rows[i] { b += logSecond[t] }
                let wantSecond = b > a
                if wantSecond != side[i] { side[i] = wantSecond; moved += 1 }
            }
            if moved == 0 { break }
        }
        var first: [Int] = [], second: [Int] = []
        for (i, d) in docs.enumerated() { if side[i] { second.append(d) } else { first.append(d) } }
        return (first, second)
    }

    /// Rows of local term ids stored end to end: row `i` is `terms[offsets[i]..<offsets[i + 1]]`.
    struct FlatRows {
        let offsets: [Int]
        let terms: [Int]
        var count: Int { offsets.count - 1 }
        subscript(i: Int) -> ArraySlice<Int> { terms[offsets[i]..<offsets[i + 1]] }
    }

    /// Row coordinates on the first correspondence-analysis axis (power iteration on SᵀS).
    static func firstAxis(_ rows: FlatRows, termCount v: Int, seed: UInt64) -> [Double] {
        let offsets = rows.offsets, flat = rows.terms
        var colSums = [Double](repeating: 0, count: v)
        for t in flat { colSums[t] += 1 }
        let total = Double(flat.count)
        guard total > 0 else { return [Double](repeating: 0, count: rows.count) }
        let n = rows.count
        let rowMass = (0..<n).map { Double(offsets[$0 + 1] - offsets[$0]) / total }
        let colMass = colSums.map { $0 / total }
        var rng = SeededGenerator(seed: seed)
        let initial = (0..<v).map { _ in Double(rng.next() % 1_000_003) / 1_000_003.0 - 0.5 }
        // Scratch vectors as raw buffers: no array uniqueness or exclusivity checks in the passes.
        let vec = UnsafeMutableBufferPointer<Double>.allocate(capacity: v)
        let w = UnsafeMutableBufferPointer<Double>.allocate(capacity: v)
        let next = UnsafeMutableBufferPointer<Double>.allocate(capacity: v)
        let u = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let z = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { for buffer in [vec, w, next, u, z] { buffer.deallocate() } }
        _ = vec.initialize(from: initial)
        u.initialize(repeating: 0)
        flat.withUnsafeBufferPointer { terms in
            offsets.withUnsafeBufferPointer { offsets in
                rowMass.withUnsafeBufferPointer { rowMass in
                    colMass.withUnsafeBufferPointer { colMass in
                        for _ in 0..<40 {
                            // u = S v
                            for j in 0..<v { w[j] = colMass[j] > 0 ? vec[j] / colMass[j].squareRoot() : 0 }
                            var cw = 0.0
                            for j in 0..<v { cw += colMass[j] * w[j] }
                            for i in 0..<n where rowMass[i] > 0 {
                                var sum = 0.0
                                for k in offsets[i]..<offsets[i + 1] { sum += w[terms[k]] }
                                u[i] = (sum / total - rowMass[i] * cw) / rowMass[i].squareRoot()
                            }
                            // vec = Sᵀ u
                            for i in 0..<n { z[i] = rowMass[i] > 0 ? u[i] / rowMass[i].squareRoot() : 0 }
                            var rz = 0.0
                            for i in 0..<n { rz += rowMass[i] * z[i] }
                            for j in 0..<v { next[j] = 0 }
                            for i in 0..<n {
                                let zi = z[i]
                                for k in offsets[i]..<offsets[i + 1] { next[terms[k]] += zi }
                            }
                            for j in 0..<v { next[j] = colMass[j] > 0 ? (next[j] / total - colMass[j] * rz) / colMass[j].squareRoot() : 0 }
                            var squares = 0.0
                            for j in 0..<v { squares += next[j] * next[j] }
                            let norm = squares.squareRoot()
                            guard norm > 0 else { break }
                            for j in 0..<v { vec[j] = next[j] / norm }
                        }
                    }
                }
            }
        }
        return (0..<n).map { rowMass[$0] > 0 ? u[$0] / rowMass[$0].squareRoot() : 0 }
    }

    /// χ² of the 2 × terms table whose first row is `left` (total `leftTotal`) and whose column
    /// totals are `cols`.
    static func chi2(_ left: [Int], _ leftTotal: Int, _ cols: [Int]) -> Double {
        let total = cols.reduce(0, +)
        guard leftTotal > 0, leftTotal < total else { return 0 }
        let pl = Double(leftTotal) / Double(total), pr = 1 - pl
        var x = 0.0
        for j in cols.indices where cols[j] > 0 {
            let el = Double(cols[j]) * pl, er = Double(cols[j]) * pr
            let ol = Double(left[j]), or = Double(cols[j] - left[j])
            x += (ol - el) * (ol - el) / el + (or - er) * (or - er) / er
        }
        return x
    }
}

#if canImport(Glibc)
import Glibc
#endif
