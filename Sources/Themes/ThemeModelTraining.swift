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
/// regressions, fitted by L-BFGS from zero weights — no randomness, so the same examples always
/// give the same file.
public struct ThemeModelSettings: Sendable, Equatable {
    /// Inverse regularisation strength of the theme regressions (as scikit-learn's `C`).
    public var themeC = 10.0
    /// Inverse regularisation strength of the intent regression.
    public var intentC = 10.0
    /// Inverse regularisation strength of the gram regressions (`CharGrams`); 0: no gram regression.
    public var gramC = 30.0
    /// Most L-BFGS steps per regression (it stops earlier once converged).
    public var iterations = 500
    /// A feature is learned only when at least this many answers have it.
    public var minAnswers = 2
    /// A theme is kept when its probability is at least this.
    public var threshold = 0.35

    public init() {}

    var description: String {
        "theme-C \(ThemeModel.decimal(themeC)), intent-C \(ThemeModel.decimal(intentC)), gram-C \(ThemeModel.decimal(gramC)), "
            + "iterations \(iterations), min-answers \(minAnswers)"
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
        let learned = answersWith.filter { $0.value >= settings.minAnswers && $0.key != CharGrams.prefix }.keys
        let wordNames = learned.filter { !$0.hasPrefix(CharGrams.prefix) }.sorted()
        let gramNames = settings.gramC > 0 ? learned.filter { $0.hasPrefix(CharGrams.prefix) }.sorted() : []
        let names = (wordNames + gramNames + (gramNames.isEmpty ? [] : [CharGrams.prefix])).sorted()
        let row = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0 + 1) })
        let words = SparseRows(examples.map(\.features), columns: wordNames, scaled: false)
        let grams = SparseRows(examples.map(\.features), columns: gramNames, scaled: true)
        let columns = themes.count + ThemeModel.intents.count
        var weights = [Double](repeating: 0, count: (names.count + 1) * columns)
        for (t, theme) in themes.enumerated() {
            let y = examples.map { $0.themes.contains(theme) ? 1.0 : 0.0 }
            let (w, b) = logistic(words, y, c: settings.themeC, settings)
            weights[t] = b
            for (j, name) in wordNames.enumerated() { weights[row[name]! * columns + t] = w[j] }
            guard !gramNames.isEmpty else { continue }
            let (gw, gb) = logistic(grams, y, c: settings.gramC, settings)
            weights[row[CharGrams.prefix]! * columns + t] = gb
            for (j, name) in gramNames.enumerated() { weights[row[name]! * columns + t] = gw[j] }
        }
        let labelled = examples.indices.filter { examples[$0].intent != nil }
        if !labelled.isEmpty {
            let sub = words.rows(labelled)
            let y = labelled.map { ThemeModel.intents.firstIndex(of: examples[$0].intent!)! }
            let (w, b) = softmax(sub, y, classes: ThemeModel.intents.count, c: settings.intentC, settings)
            for k in 0..<ThemeModel.intents.count {
                weights[themes.count + k] = b[k]
                for (j, name) in wordNames.enumerated() {
                    weights[row[name]! * columns + themes.count + k] = w[j * ThemeModel.intents.count + k]
                }
            }
        }
        return ThemeModel(file: file, themes: themes, threshold: settings.threshold,
                          provenance: provenance + [("settings", settings.description)], featureNames: names, weights: weights)
    }

    /// Binary logistic regression: weights per column and the bias (not regularised).
    static func logistic(_ x: SparseRows, _ y: [Double], c: Double, _ s: ThemeModelSettings) -> ([Double], Double) {
        let n = x.columns
        let solution = LBFGS.minimize(from: [Double](repeating: 0, count: n + 1), iterations: s.iterations) { v, gradient in
            var f = 0.0
            for j in 0..<n { gradient[j] = v[j] / c; f += v[j] * v[j] / (2 * c) }
            var gb = 0.0
            for i in 0..<x.count {
                let range = x.rowStart[i]..<x.rowStart[i + 1]
                var sum = 0.0
                for k in range { sum += v[x.index[k]] }
                let z = v[n] + x.value[i] * sum
                f += (z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))) - y[i] * z
                let r = 1 / (1 + exp(-z)) - y[i]
                gb += r
                let scaled = r * x.value[i]
                for k in range { gradient[x.index[k]] += scaled }
            }
            gradient[n] = gb
            return f
        }
        return (Array(solution[0..<n]), solution[n])
    }

    /// Softmax regression: weights (column-major by class: `w[j * classes + k]`) and biases.
    static func softmax(_ x: SparseRows, _ y: [Int], classes: Int, c: Double, _ s: ThemeModelSettings) -> ([Double], [Double]) {
        let n = x.columns * classes
        var z = [Double](repeating: 0, count: classes)
        let solution = LBFGS.minimize(from: [Double](repeating: 0, count: n + classes), iterations: s.iterations) { v, gradient in
            var f = 0.0
            for j in 0..<n { gradient[j] = v[j] / c; f += v[j] * v[j] / (2 * c) }
            for k in 0..<classes { gradient[n + k] = 0 }
            for i in 0..<x.count {
                let range = x.rowStart[i]..<x.rowStart[i + 1]
                for k in 0..<classes { z[k] = v[n + k] }
                for p in range {
                    let base = x.index[p] * classes
                    for k in 0..<classes { z[k] += x.value[i] * v[base + k] }
                }
                let top = z.max()!
                var sum = 0.0
                for k in 0..<classes { sum += exp(z[k] - top) }
                f += top + log(sum) - z[y[i]]
                for k in 0..<classes {
                    let r = exp(z[k] - top) / sum - (y[i] == k ? 1 : 0)
                    gradient[n + k] += r
                    let scaled = r * x.value[i]
                    for p in range { gradient[x.index[p] * classes + k] += scaled }
                }
            }
            return f
        }
        return (Array(solution[0..<n]), Array(solution[n...]))
    }
}

/// Rows in compressed form: row `i` has the value `value[i]` at `index[rowStart[i]..<rowStart[i + 1]]`.
struct SparseRows {
    var rowStart: [Int]
    var index: [Int]
    var value: [Double]
    var columns: Int
    var count: Int { rowStart.count - 1 }

    init(rowStart: [Int], index: [Int], value: [Double], columns: Int) {
        self.rowStart = rowStart
        self.index = index
        self.value = value
        self.columns = columns
    }

    /// The rows of named features over the columns `names` (other names skipped); each value 1,
    /// or, `scaled`, 1/√k for a row with k columns (a unit-length row).
    init(_ features: [[String]], columns names: [String], scaled: Bool) {
        let column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var rowStart = [0], index: [Int] = [], value: [Double] = []
        for f in features {
            let before = index.count
            for name in Set(f).sorted() { if let c = column[name] { index.append(c) } }
            rowStart.append(index.count)
            let k = index.count - before
            value.append(scaled && k > 0 ? 1 / Double(k).squareRoot() : 1)
        }
        self.init(rowStart: rowStart, index: index, value: value, columns: names.count)
    }

    /// The rows `rows`, in that order.
    func rows(_ rows: [Int]) -> SparseRows {
        var start = [0], idx: [Int] = [], val: [Double] = []
        for r in rows {
            idx.append(contentsOf: index[rowStart[r]..<rowStart[r + 1]])
            start.append(idx.count)
            val.append(value[r])
        }
        return SparseRows(rowStart: start, index: idx, value: val, columns: columns)
    }
}
