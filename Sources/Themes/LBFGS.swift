/// Limited-memory BFGS for smooth convex objectives (the model's regularised regressions):
/// deterministic, from the given start, with a backtracking (Armijo) line search.
enum LBFGS {
    /// Minimises `objective` from `start`. `objective(x, &gradient)` returns f(x) and writes
    /// its gradient. Stops after `iterations` steps, or when the gradient's largest component
    /// falls under `tolerance`, or when a step no longer lowers f.
    static func minimize(from start: [Double], iterations: Int, memory: Int = 10, tolerance: Double = 1e-5,
                         _ objective: ([Double], inout [Double]) -> Double) -> [Double] {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var steps: [[Double]] = [], changes: [[Double]] = [], rho: [Double] = []
        var trial = [Double](repeating: 0, count: n), trialGradient = [Double](repeating: 0, count: n)
        for _ in 0..<iterations {
            if g.reduce(0, { max($0, abs($1)) }) < tolerance { break }
            // Two-loop recursion: d = -H g.
            var d = g
            var alpha = [Double](repeating: 0, count: steps.count)
            for k in steps.indices.reversed() {
                alpha[k] = rho[k] * dot(steps[k], d)
                for j in 0..<n { d[j] -= alpha[k] * changes[k][j] }
            }
            let scale = steps.isEmpty ? 1 / max(g.reduce(0, { $0 + $1 * $1 }).squareRoot(), 1)
                : dot(steps[steps.count - 1], changes[changes.count - 1]) / dot(changes[changes.count - 1], changes[changes.count - 1])
            for j in 0..<n { d[j] *= scale }
            for k in steps.indices {
                let beta = rho[k] * dot(changes[k], d)
                for j in 0..<n { d[j] += steps[k][j] * (alpha[k] - beta) }
            }
            for j in 0..<n { d[j] = -d[j] }
            var slope = dot(g, d)
            if slope >= 0 {   // not a descent direction: restart from the gradient
                steps = []; changes = []; rho = []
                for j in 0..<n { d[j] = -g[j] }
                slope = dot(g, d)
            }
            var step = 1.0, fTrial = f, accepted = false
            for _ in 0..<40 {
                for j in 0..<n { trial[j] = x[j] + step * d[j] }
                fTrial = objective(trial, &trialGradient)
                if fTrial <= f + 1e-4 * step * slope { accepted = true; break }
                step /= 2
            }
            guard accepted, fTrial < f else { break }
            var s = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
            for j in 0..<n { s[j] = trial[j] - x[j]; y[j] = trialGradient[j] - g[j] }
            let sy = dot(s, y)
            if sy > 1e-12 {
                steps.append(s); changes.append(y); rho.append(1 / sy)
                if steps.count > memory { steps.removeFirst(); changes.removeFirst(); rho.removeFirst() }
            }
            swap(&x, &trial)
            swap(&g, &trialGradient)
            f = fTrial
        }
        return x
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for j in a.indices { s += a[j] * b[j] }
        return s
    }
}
