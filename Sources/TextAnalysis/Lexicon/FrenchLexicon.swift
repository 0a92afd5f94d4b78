#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The French lemmatizer tables of `lexicons/fr` (see its ALGORITHM.md), loaded once and shared.
///
/// Large tables (UD lemmas, Lexique, Dicollecte, the fold index) stay as sorted bytes and are
/// binary-searched; small ones become dictionaries. Immutable after `init`, hence `Sendable`:
/// one lexicon can serve every worker's `FrenchLemmatizer`.
public final class FrenchLexicon: Sendable {
    /// Name and version of the data, from manifest.json when present.
    public let directory: String
    /// Seconds spent loading (reading, indexing, building the tagger model).
    public let loadSeconds: Double

    let ud: SortedTable
    let closedClass: SortedTable
    let lexique: SortedTable
    let dicollecte: SortedTable
    let foldIndex: SortedTable
    /// SMS and housing replacements (housing first, SMS wins).
    let replacements: [String: String]
    /// Ambiguity class ("ADJ,VERB") → tag id → factor.
    let ambiguityFactors: [String: [UInt8: Double]]
    /// "shape\tsuffix" → (tag id, count) in file order, duplicates summed.
    let suffixCounts: [String: [(UInt8, Double)]]
    /// ln T(a, b, c) at `(a * 18 + b) * 18 + c`; a, b ∈ 0 (`<S>`) … 17; c = 0 means `</S>`.
    let logTransitions: [Double]
    /// P(t) = uni(t) / total, by tag id (index 0 unused).
    let tagPrior: [Double]
    /// Interpolation weights λ1, λ2, λ3.
    let lambdas: (Double, Double, Double)
    /// Multiword expressions: tokens → unit.
    let multiwords: [[String]: String]
    /// Stopwords (keys).
    let stopwords: Set<String>
    /// The stopword list (`stopwords.txt`).
    public var stopwordList: Set<String> { stopwords }
    /// Homograph context rules, in file order.
    let contextRules: [ContextRule]
    /// Forms that have at least one context rule.
    let contextRuleForms: Set<String>
    /// Spelling-correction index (`spelling-index.tsv`, ALGORITHM.md §6.1).
    let spellingIndex: SortedTable

    /// Loads the tables of `directory` (see `locate`).
    /// - Throws: `LexiconError` naming `file:line` for a malformed row, or the file when missing.
    public init(directory: String) throws {
        let t0 = monotonicSeconds()
        self.directory = directory
        func p(_ name: String) -> String { directory + "/" + name }
        // Column 2 of these tables is a UPOS tag, checked while the rows are scanned.
        let tag: (UnsafeBufferPointer<UInt8>) -> String? = {
            Self.tagID($0) == nil ? "unknown UPOS '\(String(decoding: $0, as: UTF8.self))'" : nil
        }
        ud = try SortedTable(path: p("ud-lemmas.tsv"), columns: 4, numericLastColumn: true, checkColumn: 2, check: tag)
        closedClass = try SortedTable(path: p("closed-class.tsv"), columns: 4, numericLastColumn: true, checkColumn: 2, check: tag)
        lexique = try SortedTable(path: p("lexique.tsv"), columns: 4, numericLastColumn: true, checkColumn: 2, check: tag)
        dicollecte = try SortedTable(path: p("dicollecte.tsv"), columns: 3, checkColumn: 2, check: tag)
        foldIndex = try SortedTable(path: p("fold-index.tsv"), columns: 2)
        spellingIndex = try SortedTable(path: p("spelling-index.tsv"), columns: 3, numericLastColumn: true)

        var repl: [String: String] = [:]
        for name in ["housing.tsv", "sms.tsv"] {
            let t = try SortedTable(path: p(name), columns: 2)
            for f in t.allRows() { repl[f[0]] = f[1] }
        }
        replacements = repl

        let ambTable = try SortedTable(path: p("ud-ambclass.tsv"), columns: 3, numericLastColumn: true)
        var amb: [String: [UInt8: Double]] = [:]
        for row in 0..<ambTable.count {
            let f = ambTable.fields(row)
            amb[f[0], default: [:]][try Self.tag(f[1], ambTable, row)] = try ambTable.number(f[2], row: row)
        }
        ambiguityFactors = amb

        let sufTable = try SortedTable(path: p("ud-suffix.tsv"), columns: 4, numericLastColumn: true)
        var suf: [String: [(UInt8, Double)]] = [:]
        for row in 0..<sufTable.count {
            let f = sufTable.fields(row)
            let tag = try Self.tag(f[2], sufTable, row)
            let n = try sufTable.number(f[3], row: row)
            let k = f[0] + "\t" + f[1]
            if let i = suf[k]?.firstIndex(where: { $0.0 == tag }) { suf[k]![i].1 += n } else { suf[k, default: []].append((tag, n)) }
        }
        suffixCounts = suf

        let model = try TagModel(table: try SortedTable(path: p("ud-upos-ngrams.tsv"), columns: 5, checkOrder: false,
                                                        numericLastColumn: true))
        logTransitions = model.logT
        tagPrior = model.prior
        lambdas = model.lambdas

        let mwTable = try SortedTable(path: p("multiwords.tsv"), columns: 2)
        var mw: [[String]: String] = [:]
        for f in mwTable.allRows() { mw[f[0].split(separator: " ", omittingEmptySubsequences: false).map(String.init)] = f[1] }
        multiwords = mw

        let swTable = try SortedTable(path: p("stopwords.txt"), columns: 1)
        stopwords = Set(swTable.allRows().map { $0[0] })
        contextRules = try ContextRule.load(try SortedTable(path: p("context-rules.tsv"), columns: 6, checkOrder: false))
        contextRuleForms = contextRules.reduce(into: Set<String>()) { $0.formUnion($1.forms) }
        loadSeconds = monotonicSeconds() - t0
    }

    /// Finds the lexicon folder: `explicit`, else `$VERBATIM_LEXICONS`, else `lexicons/fr` under
    /// the current directory, else `lexicons/fr` next to the executable or in one of its parents
    /// (so `.build/release/verbatim` run from anywhere finds the repository's tables).
    public static func locate(explicit: String? = nil) throws -> String {
        if let explicit {
            guard isLexiconFolder(explicit) else {
                throw LexiconError(file: explicit, line: 0, message: "not a lexicon folder (no lexique.tsv)")
            }
            return explicit
        }
        if let env = getenv("VERBATIM_LEXICONS").map({ String(cString: $0) }), !env.isEmpty {
            guard isLexiconFolder(env) else {
                throw LexiconError(file: env, line: 0, message: "VERBATIM_LEXICONS is not a lexicon folder (no lexique.tsv)")
            }
            return env
        }
        if isLexiconFolder("lexicons/fr") { return "lexicons/fr" }
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        if n > 0 {
            var dir = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            for _ in 0..<6 {
                guard let slash = dir.lastIndex(of: "/") else { break }
                dir = String(dir[..<slash])
                let candidate = (dir.isEmpty ? "" : dir) + "/lexicons/fr"
                if isLexiconFolder(candidate) { return candidate }
            }
        }
        throw LexiconError(file: "lexicons/fr", line: 0,
                           message: "lexicon folder not found (use --lexicons DIR or VERBATIM_LEXICONS)")
    }

    /// Locates and loads.
    public static func load(explicit: String? = nil) throws -> FrenchLexicon {
        try FrenchLexicon(directory: try locate(explicit: explicit))
    }

    static func isLexiconFolder(_ path: String) -> Bool {
        access(path + "/lexique.tsv", R_OK) == 0
    }

    static func tag(_ name: String, _ table: SortedTable, _ row: Int) throws -> UInt8 {
        guard let u = UPOS(name: name) else {
            throw LexiconError(file: table.path, line: table.lineNumber(ofRow: row), message: "unknown UPOS '\(name)'")
        }
        return u.rawValue
    }

    /// Checks the UPOS column (third) of a form/lemma/upos table without building strings.
    /// The tag id of a UPOS name, from its bytes.
    static func tagID(_ b: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard b.count >= 1 && b.count <= 5 else { return nil }
        var v: UInt64 = 0
        for x in b { v = v << 8 | UInt64(x) }
        return packedTags.firstIndex(of: v).map { UInt8($0) }
    }

    /// Tag names packed big-endian into integers (index = tag id; 0 = `<S>`, never matched).
    static let packedTags: [UInt64] = UPOS.names.enumerated().map { i, name in
        i == 0 ? UInt64.max : name.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}

@inline(__always)
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
