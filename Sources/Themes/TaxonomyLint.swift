import TextAnalysis

/// Checks of a taxonomy file beyond what loading enforces (`verbatim taxonomy lint`): terms that
/// repeat, terms the lexicons do not know, excludes that exclude nothing, themes with too few or
/// too many terms.
public enum TaxonomyLint {
    /// One finding, at a line of the file.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Severity: String, Sendable { case error, warning }
        public var severity: Severity
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
    }

    /// Term counts per theme that the README recommends.
    public static let termRange = 25...120

    /// Findings for a taxonomy file (it must load: call after `ThemeTaxonomy.init`).
    public static func check(file: String, bytes: [UInt8], analyzer: TextAnalyzer) throws -> [Finding] {
        var findings: [Finding] = []
        var seen: [[String]: (theme: String, line: Int)] = [:]
        var termsOfTheme: [String: [[FoldedWord]]] = [:]
        var countLine: [String: (count: Int, line: Int)] = [:]
        var excludes: [(theme: String, words: [FoldedWord], line: Int, text: String)] = []
        for row in try TermTable.read(bytes, file: file) where row.type == "term" || row.type == "exclude" {
            let analyzed = analyzer.analyze(row.text)
            let words = FoldedWords.of(analyzed.tokens[...])
            // Two terms are the same when every word has the same lemma and form (the matcher
            // tries both: "gardienne" still matches where the text reads it as a verb).
            let formsOnly = row.text.hasPrefix("=")   // "=travaux": forms only (PhraseCompiler)
            let key = words.map { (formsOnly ? $0.form : $0.lemma) + "\u{1}" + $0.form }
            if row.type == "exclude" {
                excludes.append((row.key, words, row.line, row.text))
                continue
            }
            countLine[row.key] = ((countLine[row.key]?.count ?? 0) + 1, countLine[row.key]?.line ?? row.line)
            termsOfTheme[row.key, default: []].append(words)
            if let first = seen[key] {
                let same = first.theme == row.key
                findings.append(Finding(severity: same ? .error : .warning, file: file, line: row.line,
                                        message: same ? "term '\(row.text)' repeats line \(first.line) (same lemmas and forms)"
                                                      : "term '\(row.text)' is also a term of '\(first.theme)' (line \(first.line)): an excerpt gets both themes"))
            } else {
                seen[key] = (row.key, row.line)
            }
            for w in words where analyzed.tokens[w.tokenIndex].flags.contains(.guessed) {
                findings.append(Finding(severity: .warning, file: file, line: row.line,
                                        message: "'\(analyzed.tokens[w.tokenIndex].norm)' in term '\(row.text)' is unknown to the lexicons: it matches this spelling only"))
            }
            if words.count == 1, analyzed.tokens[words[0].tokenIndex].flags.contains(.stopword) {
                findings.append(Finding(severity: .warning, file: file, line: row.line,
                                        message: "term '\(row.text)' is a stopword: it fires on almost every excerpt"))
            }
        }
        for e in excludes {
            let terms = termsOfTheme[e.theme] ?? []
            // As the matcher does: a word matches when a lemma or a form of one equals one of the other's.
            func same(_ a: FoldedWord, _ b: FoldedWord) -> Bool {
                a.lemma == b.lemma || a.form == b.form || a.lemma == b.form || a.form == b.lemma
            }
            let containsTerm = terms.contains { t in
                !t.isEmpty && t.count <= e.words.count
                    && (0...(e.words.count - t.count)).contains { start in (0..<t.count).allSatisfy { same(e.words[start + $0], t[$0]) } }
            }
            if !containsTerm {
                findings.append(Finding(severity: .warning, file: file, line: e.line,
                                        message: "exclude '\(e.text)' contains no term of '\(e.theme)' (lemmatized alone; "
                                            + "check in a sentence with `verbatim taxonomy explain`): it may exclude nothing"))
            }
        }
        for (theme, c) in countLine.sorted(by: { $0.value.line < $1.value.line }) where !termRange.contains(c.count) {
            findings.append(Finding(severity: .warning, file: file, line: c.line,
                                    message: "theme '\(theme)' has \(c.count) terms (\(termRange.lowerBound)–\(termRange.upperBound) recommended)"))
        }
        return findings.sorted { $0.line < $1.line }
    }
}
