import TextAnalysis
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The learned second stage of tagging (`lexicons/themes/model.fr.tsv`, written by `verbatim
/// taxonomy train` from a labelled file): for each theme a logistic regression, and for the
/// intent a softmax regression, over an answer's words and the taxonomy's own decisions.
///
/// Features (`features(of:)`): `w:LEMMA` for each content word (folded lemma; not a stopword,
/// number or elided word), `b:LEMMA LEMMA` for two consecutive content words of an excerpt,
/// `r:THEME` for each theme the taxonomy tagged, `s:THEME` for the speaker's theme, `i:INTENT`
/// for the intent of the cues and rules. The model keeps, drops or adds themes and picks the
/// intent; what it decides is explained by its heaviest features (`explanation`).
public struct ThemeModel: Sendable {
    public static let intents: [Intent] = [.plainte, .attente, .satisfaction, .neutre]

    public let file: String
    /// Theme ids: the first columns of the weight table (the intents follow).
    public let themes: [String]
    /// A theme is kept when its probability is at least this.
    public let threshold: Double
    /// The `# key<TAB>value…` provenance lines of the file (trained-on, taxonomy, settings).
    public let provenance: [(key: String, value: String)]
    /// Feature names in file order; row `i + 1` of `weights` (row 0 is the bias).
    public let featureNames: [String]
    let featureRow: [String: Int]
    /// Row-major: (1 + features) × (themes + 4).
    let weights: [Double]
    var columns: Int { themes.count + Self.intents.count }

    init(file: String, themes: [String], threshold: Double, provenance: [(key: String, value: String)],
         featureNames: [String], weights: [Double]) {
        self.file = file
        self.themes = themes
        self.threshold = threshold
        self.provenance = provenance
        self.featureNames = featureNames
        self.weights = weights
        var rows: [String: Int] = [:]
        for (i, name) in featureNames.enumerated() { rows[name] = i + 1 }
        featureRow = rows
    }

    // MARK: Features

    /// The features of one answer, or of one excerpt: its parts (tokens and match tokens), the
    /// themes and intent the taxonomy gave it, and the speaker's theme. Sorted, without repeats.
    public static func features(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], themes: [String],
                                intent: Intent, speaker: String?) -> [String] {
        var out = Set<String>()
        for part in parts {
            var previous: String? = nil
            if let first = part.words.first { out.insert("f:" + first.lemma) }
            for token in part.tokens where token.kind == .punct && (token.norm == "?" || token.norm == "!") {
                out.insert("p:" + token.norm)
            }
            for word in part.words {
                let token = part.tokens[word.tokenIndex]
                if token.flags.contains(.stopword) { out.insert("o:" + word.lemma) }
                guard token.kind == .word, !token.flags.contains(.stopword) else { continue }
                out.insert("w:" + word.lemma)
                if let previous { out.insert("b:" + previous + " " + word.lemma) }
                previous = word.lemma
            }
        }
        for theme in themes { out.insert("r:" + theme) }
        if let speaker { out.insert("s:" + speaker) }
        out.insert("i:" + intent.rawValue)
        return out.sorted()
    }

    // MARK: Prediction

    /// The summed weights (logits) of the features: one per theme, then one per intent.
    func logits(_ features: [String]) -> [Double] {
        var z = Array(weights[0..<columns])
        for f in features {
            guard let row = featureRow[f] else { continue }
            let base = row * columns
            for c in 0..<columns { z[c] += weights[base + c] }
        }
        return z
    }

    /// Per theme of `themes`, the probability that the answer expresses it.
    public func themeProbabilities(_ features: [String]) -> [Double] {
        let z = logits(features)
        return (0..<themes.count).map { 1 / (1 + Self.clampedExp(-z[$0])) }
    }

    /// The intent with the highest score, and the four probabilities in `intents` order.
    public func intent(_ features: [String]) -> (Intent, [Double]) {
        let z = Array(logits(features)[themes.count...])
        let top = z.max()!
        let e = z.map { Self.clampedExp($0 - top) }
        let sum = e.reduce(0, +)
        var best = 0
        for i in 1..<z.count where z[i] > z[best] { best = i }
        return (Self.intents[best], e.map { $0 / sum })
    }

    /// The features of `features` that weigh most for theme column `column`, heaviest first.
    public func heaviest(_ features: [String], column: Int, count: Int = 3, wordsOnly: Bool = false) -> [(String, Double)] {
        var out: [(String, Double)] = []
        for f in features {
            guard let row = featureRow[f], !wordsOnly || f.hasPrefix("w:") || f.hasPrefix("b:") else { continue }
            let w = weights[row * columns + column]
            if w > 0 { out.append((f, w)) }
        }
        out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(out.prefix(count))
    }

    /// The sum of the word features' weights for theme column `column` (where in an answer the
    /// model finds a theme it adds).
    func wordScore(_ features: [String], column: Int) -> Double {
        var s = 0.0
        for f in features where f.hasPrefix("w:") || f.hasPrefix("b:") {
            if let row = featureRow[f] { s += weights[row * columns + column] }
        }
        return s
    }

    /// e^x, with the argument clamped so that no answer overflows.
    static func clampedExp(_ x: Double) -> Double { exp(min(max(x, -60), 60)) }
}

// MARK: File format

extension ThemeModel {
    /// The model file's first column header.
    static let featureHeader = "feature"
    static let biasRow = "(bias)"

    /// Reads a model file (format in `lexicons/themes/README.md`).
    /// - Throws: `ThemeError` naming `file:line`.
    public init(file: String, bytes: [UInt8]) throws {
        var provenance: [(key: String, value: String)] = []
        var header: [String]? = nil
        var names: [String] = []
        var weights: [Double] = []
        var sawBias = false
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(decoding: rawLine, as: UTF8.self)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let body = line.dropFirst().drop { $0 == " " }
                if let tab = body.firstIndex(of: "\t") {
                    provenance.append((String(body[..<tab]), String(body[body.index(after: tab)...])))
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                let intents = Self.intents.map(\.rawValue)
                guard fields.first == Self.featureHeader, fields.count > 1 + intents.count,
                      Array(fields.suffix(intents.count)) == intents else {
                    throw ThemeError(file: file, line: lineNumber,
                                     message: "expected the header 'feature', theme ids, then \(intents.joined(separator: ", "))")
                }
                header = fields
                continue
            }
            guard fields.count == columns.count else {
                throw ThemeError(file: file, line: lineNumber, message: "expected \(columns.count) tab-separated columns, found \(fields.count)")
            }
            if !sawBias {
                guard fields[0] == Self.biasRow else {
                    throw ThemeError(file: file, line: lineNumber, message: "the first row must be '\(Self.biasRow)'")
                }
                sawBias = true
            } else {
                if let last = names.last, !(last < fields[0]) {
                    throw ThemeError(file: file, line: lineNumber, message: "features not sorted or repeated: '\(fields[0])'")
                }
                names.append(fields[0])
            }
            for field in fields.dropFirst() {
                guard let w = Double(field), w.isFinite else {
                    throw ThemeError(file: file, line: lineNumber, message: "weight '\(field)' is not a number")
                }
                weights.append(w)
            }
        }
        guard let columns = header, sawBias else { throw ThemeError(file: file, line: 0, message: "no header or bias row") }
        let thresholdText = provenance.first { $0.key == "threshold" }?.value ?? "0.5"
        guard let threshold = Double(thresholdText), threshold > 0, threshold < 1 else {
            throw ThemeError(file: file, line: 0, message: "threshold '\(thresholdText)' is not between 0 and 1")
        }
        self.init(file: file, themes: Array(columns.dropFirst().dropLast(Self.intents.count)), threshold: threshold,
                  provenance: provenance, featureNames: names, weights: weights)
    }

    /// The model as its file: provenance comments, the header, the bias row, then one row per
    /// feature with a non-zero weight (weights rounded to 4 decimals).
    public func tsv() -> String {
        var out = "# Verbatim theme model: logistic regressions learned by `verbatim taxonomy train`. Retrain, do not edit.\n"
        for (key, value) in provenance where key != "threshold" { out += "# \(key)\t\(value)\n" }
        out += "# threshold\t\(Self.decimal(threshold))\n"
        out += ([Self.featureHeader] + themes + Self.intents.map(\.rawValue)).joined(separator: "\t") + "\n"
        for row in 0...featureNames.count {
            let values = weights[(row * columns)..<((row + 1) * columns)].map(Self.decimal)
            if row > 0 && values.allSatisfy({ $0 == "0" }) { continue }
            out += ([row == 0 ? Self.biasRow : featureNames[row - 1]] + values).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// `x` with at most 4 decimals, no trailing zeros, no exponent ("-1.25", "0").
    static func decimal(_ x: Double) -> String {
        let scaled = (x * 10_000).rounded()
        if scaled == 0 { return "0" }
        let units = Int(abs(scaled))
        var fraction = String(units % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (scaled < 0 ? "-" : "") + String(units / 10_000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
