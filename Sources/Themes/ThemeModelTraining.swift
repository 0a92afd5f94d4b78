#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One labelled answer for training: its features (`ThemeModel.features(of:…)`) and gold labels.
public struct ThemeModelExample: Sendable {
    public var features: [String]
    public var themes: Set<String>
    public var intent: Intent?

    public init(features: [String], themes: Set<String>, intent: Intent?) {
        self.features = features
        self.themes = themes
        self.intent = intent
    }
}

/// How `ThemeModelTrainer` learns: L2-regularised logistic (themes) and softmax (intent)
/// regressions, fitted by full-batch AdaGrad from zero weights — no randomness, so the same
/// examples always give the same file.
public struct ThemeModelSettings: Sendable, Equatable {
    /// Inverse regularisation strength of the theme regressions (as scikit-learn's `C`).
    public var themeC = 10.0
    /// Inverse regularisation strength of the intent regression.
    public var intentC = 10.0
    public var iterations = 1000
    public var learningRate = 0.5
    /// A feature is learned only when at least this many answers have it.
    public var minAnswers = 2
    /// A theme is kept when its probability is at least this.
    public var threshold = 0.35

    public init() {}

    var description: String {
        "theme-C \(ThemeModel.decimal(themeC)), intent-C \(ThemeModel.decimal(intentC)), iterations \(iterations), "
            + "learning-rate \(ThemeModel.decimal(learningRate)), min-answers \(minAnswers)"
    }
}

/// Learns a `ThemeModel` from labelled answers.
public enum ThemeModelTrainer {
    /// Trains on `examples` for the themes `themes` (the taxonomy's ids, in its order).
    /// `provenance` lines are written at the top of the file.
    public static func train(_ examples: [ThemeModelExample], themes: [String], settings: ThemeModelSettings = .init(),
                             provenance: [(key: String, value: String)] = [], file: String = "") -> ThemeModel {
        var answersWith: [String: Int] = [:]
        for e in examples { for f in Set(e.features) { answersWith[f, default: 0] += 1 } }
        let names = answersWith.filter { $0.value >= settings.minAnswers }.keys.sorted()
        let column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        // Sparse rows: the feature indices of each example.
        var rowStart = [0]
        var index: [Int] = []
        for e in examples {
            for f in Set(e.features).sorted() { if let c = column[f] { index.append(c) } }
            rowStart.append(index.count)
        }
        let matrix = SparseRows(rowStart: rowStart, index: index, columns: names.count)
        let columns = themes.count + ThemeModel.intents.count
        var weights = [Double](repeating: 0, count: (names.count + 1) * columns)
        for (t, theme) in themes.enumerated() {
            let y = examples.map { $0.themes.contains(theme) ? 1.0 : 0.0 }
            let (w, b) = logistic(matrix, y, c: settings.themeC, settings)
            weights[t] = b
            for j in 0..<names.count { weights[(j + 1) * columns + t] = w[j] }
        }
        let labelled = examples.indices.filter { examples[$0].intent != nil }
        if !labelled.isEmpty {
            let sub = matrix.rows(labelled)
            let y = labelled.map { ThemeModel.intents.firstIndex(of: examples[$0].intent!)! }
            let (w, b) = softmax(sub, y, classes: ThemeModel.intents.count, c: settings.intentC, settings)
            for k in 0..<ThemeModel.intents.count {
                weights[themes.count + k] = b[k]
                for j in 0..<names.count { weights[(j + 1) * columns + themes.count + k] = w[j * ThemeModel.intents.count + k] }
            }
        }
        return ThemeModel(file: file, themes: themes, threshold: settings.threshold,
                          provenance: provenance + [("settings", settings.description)], featureNames: names, weights: weights)
    }

    /// Binary logistic regression: weights per column and the bias.
    static func logistic(_ x: SparseRows, _ y: [Double], c: Double, _ s: ThemeModelSettings) -> ([Double], Double) {
        var w = [Double](repeating: 0, count: x.columns), b = 0.0
        var g2 = [Double](repeating: 1e-8, count: x.columns), gb2 = 1e-8
        var grad = [Double](repeating: 0, count: x.columns)
        for _ in 0..<s.iterations {
            for j in 0..<x.columns { grad[j] = w[j] / c }
            var gb = 0.0
            for i in 0..<x.count {
                var z = b
                for k in x.rowStart[i]..<x.rowStart[i + 1] { z += w[x.index[k]] }
                let r = 1 / (1 + exp(-z)) - y[i]
                gb += r
                for k in x.rowStart[i]..<x.rowStart[i + 1] { grad[x.index[k]] += r }
            }
            for j in 0..<x.columns {
                g2[j] += grad[j] * grad[j]
                w[j] -= s.learningRate * grad[j] / g2[j].squareRoot()
            }
            gb2 += gb * gb
            b -= s.learningRate * gb / gb2.squareRoot()
        }
        return (w, b)
    }

    /// Softmax regression: weights (column-major by class: `w[j * classes + k]`) and biases.
    static func softmax(_ x: SparseRows, _ y: [Int], classes: Int, c: Double, _ s: ThemeModelSettings) -> ([Double], [Double]) {
        var w = [Double](repeating: 0, count: x.columns * classes), b = [Double](repeating: 0, count: classes)
        var g2 = [Double](repeating: 1e-8, count: w.count), gb2 = [Double](repeating: 1e-8, count: classes)
        var grad = [Double](repeating: 0, count: w.count)
        var z = [Double](repeating: 0, count: classes)
        for _ in 0..<s.iterations {
            for j in 0..<w.count { grad[j] = w[j] / c }
            var gb = [Double](repeating: 0, count: classes)
            for i in 0..<x.count {
                for k in 0..<classes { z[k] = b[k] }
                for p in x.rowStart[i]..<x.rowStart[i + 1] {
                    let base = x.index[p] * classes
                    for k in 0..<classes { z[k] += w[base + k] }
                }
                let top = z.max()!
                var sum = 0.0
                for k in 0..<classes { z[k] = exp(z[k] - top); sum += z[k] }
                for k in 0..<classes {
                    let r = z[k] / sum - (y[i] == k ? 1 : 0)
                    gb[k] += r
                    for p in x.rowStart[i]..<x.rowStart[i + 1] { grad[x.index[p] * classes + k] += r }
                }
            }
            for j in 0..<w.count {
                g2[j] += grad[j] * grad[j]
                w[j] -= s.learningRate * grad[j] / g2[j].squareRoot()
            }
            for k in 0..<classes {
                gb2[k] += gb[k] * gb[k]
                b[k] -= s.learningRate * gb[k] / gb2[k].squareRoot()
            }
        }
        return (w, b)
    }
}

/// Binary rows in compressed form: row `i` has ones at `index[rowStart[i]..<rowStart[i + 1]]`.
struct SparseRows {
    var rowStart: [Int]
    var index: [Int]
    var columns: Int
    var count: Int { rowStart.count - 1 }

    /// The rows `rows`, in that order.
    func rows(_ rows: [Int]) -> SparseRows {
        var start = [0], idx: [Int] = []
        for r in rows {
            idx.append(contentsOf: index[rowStart[r]..<rowStart[r + 1]])
            start.append(idx.count)
        }
        return SparseRows(rowStart: start, index: idx, columns: columns)
    }
}
