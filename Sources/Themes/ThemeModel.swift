import TextAnalysis
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The learned second stage of tagging (`lexicons/themes/model.fr.tsv`, written by `verbatim
/// taxonomy train` from a labelled file): for each theme two logistic regressions whose
/// probabilities are averaged — one over an answer's words and the taxonomy's own decisions,
/// one over the character 4-grams of its words (`CharGrams`) — and for the intent a softmax
/// regression over the first one's features.
///
/// Word features (`forEachFeature`): content words (`w:`), pairs of content words at most
/// `pairWindow` content words apart in an excerpt (`b:a|b`), stopwords (`o:`), each excerpt's
/// first word (`f:`), "?" and "!" (`p:`), and the taxonomy's decisions: themes tagged (`r:`),
/// speaker's theme (`s:`), intent of the cues (`i:`). Gram features (`c:`) count 1/√k each in an
/// answer with k known grams; the `c:` row alone is the gram regression's bias. A model without
/// `c:` rows uses the word regression alone. The model keeps, drops or adds themes and picks the
/// intent; its heaviest word features (`heaviest(rows:column:)`) explain each decision.
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
    /// Rows by kind and name (pairs apart), for lookups without building names.
    let rowByKind: [[String: Int]]
    let pairRow: [PairKey: Int]
    /// After `number(with:)` and `index(vocabularyCount:)`: rows by kind and vocabulary number
    /// (0: none), and pair rows by the two numbers.
    private var numberedNames: [(FeatureKind, Int32, Int32, Int)] = []
    private var rowByNumber: [[Int32]] = []
    private var pairRowByNumbers = RowTable([:])
    /// The gram regression, apart and compact for tagging: gram numbers by the gram's key
    /// (`CharGrams.key`), the theme weights of gram `g` at `gramWeights[g * themes.count...]`,
    /// and the bias per theme (nil: the model has no grams).
    let gramByKey: RowTable
    let gramWeights: [Float]
    let gramBias: [Double]?
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
        var byKind = [[String: Int]](repeating: [:], count: FeatureKind.allCases.count)
        var pairs: [PairKey: Int] = [:]
        var grams: [UInt64: Int32] = [:]
        var gramWeights: [Float] = []
        var gramBias: [Double]? = nil
        let columns = themes.count + Self.intents.count
        for (i, name) in featureNames.enumerated() {
            rows[name] = i + 1
            if name.hasPrefix(CharGrams.prefix) {
                let row = weights[((i + 1) * columns)..<((i + 1) * columns + themes.count)]
                if name == CharGrams.prefix {
                    gramBias = Array(row)
                } else {
                    grams[CharGrams.key(name.utf8.dropFirst(2))] = Int32(grams.count)
                    gramWeights += row.map(Float.init)
                }
                continue
            }
            guard let kind = FeatureKind.allCases.first(where: { name.hasPrefix($0.prefix) }) else { continue }
            let rest = String(name.dropFirst(2))
            if kind == .pair {
                guard let bar = rest.firstIndex(of: "|") else { continue }
                pairs[PairKey(first: String(rest[..<bar]), second: String(rest[rest.index(after: bar)...]))] = i + 1
            } else {
                byKind[kind.rawValue][rest] = i + 1
            }
        }
        featureRow = rows
        rowByKind = byKind
        pairRow = pairs
        gramByKey = RowTable(grams)
        self.gramWeights = gramWeights
        self.gramBias = gramBias
    }

    // MARK: Features

    /// The kinds of features, and their prefixes in the file.
    public enum FeatureKind: Int, CaseIterable, Sendable {
        case word, pair, stopword, first, punctuation, rule, speaker, intent
        public var prefix: String { ["w:", "b:", "o:", "f:", "p:", "r:", "s:", "i:"][rawValue] }
    }

    /// A pair feature joins a content word to each of the this many content words before it in
    /// its excerpt ("ascenseur … panne … fois" gives ascenseur|panne, ascenseur|fois, panne|fois).
    static let pairWindow = 4

    /// One feature as `forEachFeature` gives it: its kind; for words, stopwords, first words and
    /// pairs, where the word is (`part`, `word`; a pair's second word `second`) and the vocabulary
    /// numbers of the lemmas (-1 when unknown); for the other kinds, its name. Words are given by
    /// place, not by lemma, so that tagging copies no strings.
    struct FeatureVisit {
        var kind: FeatureKind
        var part = 0, word = 0, second = 0
        var text = ""
        var id: Int32 = -1
        var secondID: Int32 = -1

        /// The feature's name without the kind's prefix ("cafard", "cafard|envahir", "proprete").
        func name(in parts: [(tokens: ArraySlice<Token>, words: [MatchToken])]) -> String {
            switch kind {
            case .word, .stopword, .first: parts[part].words[word].lemma
            case .pair: parts[part].words[word].lemma + "|" + parts[part].words[second].lemma
            default: text
            }
        }
    }

    /// Calls `body` with every feature of one answer or excerpt, in text order, repeats included:
    /// content words (`w:` folded lemma; not a stopword, number or elided word), pairs of content
    /// words of an excerpt at most `pairWindow` apart (`b:`, written "a|b"), stopwords (`o:`),
    /// each excerpt's first word (`f:`), "?" and "!" (`p:`), the taxonomy's themes (`r:`), the
    /// speaker's theme (`s:`) and the cues' intent (`i:`). `ids`, when given, are the words'
    /// vocabulary numbers, passed along.
    static func forEachFeature(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], ids: [[WordIDs]]? = nil,
                               themes: [String], intent: Intent, speaker: String?, _ body: (FeatureVisit) -> Void) {
        for (n, part) in parts.enumerated() {
            func id(_ w: Int) -> Int32 { ids?[n][w].lemma ?? -1 }
            if !part.words.isEmpty { body(FeatureVisit(kind: .first, part: n, word: 0, id: id(0))) }
            for token in part.tokens where token.kind == .punct && (token.norm == "?" || token.norm == "!") {
                body(FeatureVisit(kind: .punctuation, text: token.norm))
            }
            var content: [Int] = []   // positions of the excerpt's content words so far
            content.reserveCapacity(part.words.count)
            for (w, word) in part.words.enumerated() {
                let token = part.tokens[word.tokenIndex]
                if token.flags.contains(.stopword) { body(FeatureVisit(kind: .stopword, part: n, word: w, id: id(w))) }
                guard token.kind == .word, !token.flags.contains(.stopword) else { continue }
                let wid = id(w)
                body(FeatureVisit(kind: .word, part: n, word: w, id: wid))
                for p in content.suffix(pairWindow) {
                    body(FeatureVisit(kind: .pair, part: n, word: p, second: w, id: id(p), secondID: wid))
                }
                content.append(w)
            }
        }
        for theme in themes { body(FeatureVisit(kind: .rule, text: theme)) }
        if let speaker { body(FeatureVisit(kind: .speaker, text: speaker)) }
        body(FeatureVisit(kind: .intent, text: intent.rawValue))
    }

    /// The features' names (as in the file), grams included, sorted, without repeats: what
    /// training sees.
    public static func features(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], themes: [String],
                                intent: Intent, speaker: String?) -> [String] {
        var out = Set<String>()
        forEachFeature(of: parts, themes: themes, intent: intent, speaker: speaker) { f in
            out.insert(f.kind.prefix + f.name(in: parts))
        }
        for part in parts { out.formUnion(CharGrams.names(of: part.words)) }
        return out.sorted()
    }

    /// The weight rows of the features the model knows (sorted, without repeats): what tagging
    /// sums. With `ids` (and the model numbered with the same vocabulary) words are found by
    /// number; otherwise by name.
    func rows(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], ids: [[WordIDs]]? = nil, themes: [String],
              intent: Intent, speaker: String?) -> [Int] {
        var rows: [Int] = []
        let numbered = ids != nil && !rowByNumber.isEmpty
        Self.forEachFeature(of: parts, ids: numbered ? ids : nil, themes: themes, intent: intent, speaker: speaker) { f in
            let row: Int?
            switch f.kind {
            case .pair:
                row = numbered ? (f.id < 0 || f.secondID < 0 ? nil : pairRowByNumbers.row(Self.pairKey(f.id, f.secondID)).map(Int.init))
                    : pairRow[PairKey(first: parts[f.part].words[f.word].lemma, second: parts[f.part].words[f.second].lemma)]
            case .word, .stopword, .first:
                if numbered {
                    let r = f.id < 0 ? 0 : rowByNumber[f.kind.rawValue][Int(f.id)]
                    row = r == 0 ? nil : Int(r)
                } else {
                    row = rowByKind[f.kind.rawValue][parts[f.part].words[f.word].lemma]
                }
            default:
                row = rowByKind[f.kind.rawValue][f.text]
            }
            if let row { rows.append(row) }
        }
        rows.sort()
        var unique: [Int] = []
        unique.reserveCapacity(rows.count)
        for r in rows where unique.last != r { unique.append(r) }
        return unique
    }

    /// The gram regression's logit per theme for the grams of `parts`, or nil when the model
    /// has no grams.
    func gramLogits(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])]) -> [Double]? {
        gramLogits { body in for part in parts { CharGrams.forEachGramKey(of: part.words, body) } }
    }

    /// The gram regression's logit per theme for the gram keys that `keys` passes to its body
    /// (each known gram counted once), or nil when the model has no grams.
    @inline(__always)
    func gramLogits(_ keys: ((UInt64) -> Void) -> Void) -> [Double]? {
        guard let gramBias else { return nil }
        let count = themes.count, table = gramByKey
        var sums = [Float](repeating: 0, count: count)
        var distinct = 0
        // Which grams were seen: one bit each, on the stack.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: table.count / 64 + 1) { seen in
            seen.initialize(repeating: 0)
            gramWeights.withUnsafeBufferPointer { w in
                sums.withUnsafeMutableBufferPointer { s in
                    keys { key in
                        guard let row = table.row(key) else { return }
                        let gram = Int(row)
                        let bit: UInt64 = 1 << UInt64(gram & 63)
                        guard seen[gram >> 6] & bit == 0 else { return }
                        seen[gram >> 6] |= bit
                        distinct += 1
                        let base = gram * count
                        var t = 0
                        while t + 8 <= count {   // eight themes at a time
                            let sums = UnsafeMutableRawPointer(s.baseAddress! + t)
                            let sum = sums.loadUnaligned(as: SIMD8<Float>.self)
                                + UnsafeRawPointer(w.baseAddress! + base + t).loadUnaligned(as: SIMD8<Float>.self)
                            sums.storeBytes(of: sum, as: SIMD8<Float>.self)
                            t += 8
                        }
                        while t < count { s[t] += w[base + t]; t += 1 }
                    }
                }
            }
        }
        let value = distinct > 0 ? 1 / Double(distinct).squareRoot() : 0
        return (0..<count).map { gramBias[$0] + value * Double(sums[$0]) }
    }

    /// Numbers the words of the model's word, stopword, first-word and pair features with a
    /// tagger's vocabulary (then `index`), so that tagging finds them without hashing names.
    mutating func number(with vocabulary: inout PhraseVocabulary) {
        numberedNames = []
        for (i, name) in featureNames.enumerated() {
            guard let kind = FeatureKind.allCases.first(where: { name.hasPrefix($0.prefix) }),
                  [.word, .stopword, .first, .pair].contains(kind) else { continue }
            let rest = String(name.dropFirst(2))
            if kind == .pair, let bar = rest.firstIndex(of: "|") {
                numberedNames.append((kind, vocabulary.number(String(rest[..<bar])),
                                      vocabulary.number(String(rest[rest.index(after: bar)...])), i + 1))
            } else if kind != .pair {
                numberedNames.append((kind, vocabulary.number(rest), -1, i + 1))
            }
        }
    }

    /// Builds the number tables once the vocabulary is complete.
    mutating func index(vocabularyCount: Int) {
        rowByNumber = Array(repeating: Array(repeating: 0, count: vocabularyCount), count: FeatureKind.allCases.count)
        var pairs: [UInt64: Int32] = [:]
        for (kind, first, second, row) in numberedNames {
            if kind == .pair {
                pairs[Self.pairKey(first, second)] = Int32(row)
            } else {
                rowByNumber[kind.rawValue][Int(first)] = Int32(row)
            }
        }
        pairRowByNumbers = RowTable(pairs)
    }

    /// The table key of a pair of vocabulary numbers (both ≥ 0): never 0, one key per pair.
    @inline(__always)
    static func pairKey(_ first: Int32, _ second: Int32) -> UInt64 { (UInt64(first) << 32 | UInt64(second)) &+ 1 }

    // MARK: Prediction

    /// The summed weights (logits) of the rows: one per theme, then one per intent.
    func logits(rows: [Int]) -> [Double] {
        var z = Array(weights[0..<columns])
        for row in rows {
            let base = row * columns
            for c in 0..<columns { z[c] += weights[base + c] }
        }
        return z
    }

    /// Per theme of `themes`, the probability that the answer expresses it, from feature names
    /// (grams as `c:` names).
    public func themeProbabilities(_ features: [String]) -> [Double] {
        let grams = features.filter { $0.hasPrefix(CharGrams.prefix) && $0 != CharGrams.prefix }
        return themeProbabilities(rows: rows(named: features), gramLogits: gramLogits { body in
            for gram in grams { body(CharGrams.key(gram.utf8.dropFirst(2))) }
        })
    }

    /// Per theme, the probability from the word rows and, when the model has grams, the mean
    /// with the probability from the gram logits (`gramLogits`).
    func themeProbabilities(rows: [Int], gramLogits: [Double]?) -> [Double] {
        let z = logits(rows: rows)
        var p = (0..<themes.count).map { 1 / (1 + Self.clampedExp(-z[$0])) }
        guard let gramLogits else { return p }
        for t in 0..<themes.count { p[t] = (p[t] + 1 / (1 + Self.clampedExp(-gramLogits[t]))) / 2 }
        return p
    }

    /// The intent with the highest score, and the four probabilities in `intents` order.
    public func intent(_ features: [String]) -> (Intent, [Double]) { intent(rows: rows(named: features)) }

    func intent(rows: [Int]) -> (Intent, [Double]) {
        let z = Array(logits(rows: rows)[themes.count...])
        let top = z.max()!
        let e = z.map { Self.clampedExp($0 - top) }
        let sum = e.reduce(0, +)
        var best = 0
        for i in 1..<z.count where z[i] > z[best] { best = i }
        return (Self.intents[best], e.map { $0 / sum })
    }

    /// The word rows of named features (grams and unknown names skipped, repeats once).
    func rows(named features: [String]) -> [Int] {
        Array(Set(features.compactMap { $0.hasPrefix(CharGrams.prefix) ? nil : featureRow[$0] })).sorted()
    }

    /// The features among `rows` that weigh most for theme column `column`, heaviest first.
    func heaviest(rows: [Int], column: Int, count: Int = 3, wordsOnly: Bool = false) -> [(String, Double)] {
        var out: [(String, Double)] = []
        for row in rows {
            let name = featureNames[row - 1]
            guard !wordsOnly || name.hasPrefix("w:") || name.hasPrefix("b:") else { continue }
            let w = weights[row * columns + column]
            if w > 0 { out.append((name, w)) }
        }
        out.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return Array(out.prefix(count))
    }

    /// The sum of the word and pair rows' weights for theme column `column` (where in an
    /// answer the model finds a theme it adds).
    func wordScore(rows: [Int], column: Int) -> Double {
        var s = 0.0
        for row in rows where featureNames[row - 1].hasPrefix("w:") || featureNames[row - 1].hasPrefix("b:") {
            s += weights[row * columns + column]
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

/// Two lemmas of a pair feature.
struct PairKey: Hashable, Sendable {
    var first: String
    var second: String
}
