import FrenchText

/// Checks of the lexicon tables beyond what loading enforces (`verbatim lexicon lint`).
extension FrenchLexicon {
    /// Whether any table (UD, closed class, Lexique, Dicollecte) has a row for the key of `form`.
    public func isKnown(_ form: String) -> Bool {
        let key = LexicalKeys.key(form)
        return [ud, closedClass, lexique, dicollecte].contains { !$0.rows(matching: key).isEmpty }
    }

    /// Row counts of the tables, by file name.
    public var tableSizes: [(file: String, rows: Int)] {
        [("ud-lemmas.tsv", ud.count), ("closed-class.tsv", closedClass.count), ("lexique.tsv", lexique.count),
         ("dicollecte.tsv", dicollecte.count), ("fold-index.tsv", foldIndex.count), ("spelling-index.tsv", spellingIndex.count),
         ("sms.tsv + housing.tsv", replacements.count), ("multiwords.tsv", multiwords.count), ("stopwords.txt", stopwords.count),
         ("context-rules.tsv", contextRules.count)]
    }

    /// Problems of the hand-made tables, as "file:line: message" (empty when none): a key listed
    /// twice with different values, replacements and multiword expressions made of words no
    /// table knows, replacements of words the tables already know (they would never apply).
    public func lintHandMadeTables() throws -> [String] {
        var findings: [String] = []
        for name in ["sms.tsv", "housing.tsv", "multiwords.tsv"] {
            let table = try SortedTable(path: directory + "/" + name, columns: 2)
            var first: [String: (value: String, line: Int)] = [:]
            for row in 0..<table.count {
                let f = table.fields(row)
                let line = table.lineNumber(ofRow: row)
                if let seen = first[f[0]], seen.value != f[1] {
                    findings.append("\(table.path):\(line): '\(f[0])' is listed again with '\(f[1])' (line \(seen.line): '\(seen.value)')")
                } else if first[f[0]] == nil {
                    first[f[0]] = (f[1], line)
                }
                let words = name == "multiwords.tsv" ? f[0].split(separator: " ").map(String.init)
                                                      : f[1].split(separator: " ").map(String.init)
                for w in words where !isKnown(w) && !w.hasSuffix("'") {
                    findings.append("\(table.path):\(line): '\(w)' in '\(name == "multiwords.tsv" ? f[0] : f[1])' is unknown to the lexicons")
                }
                if name == "sms.tsv", isKnown(f[0]) && !knownAsAbbreviation(f[0]) {
                    findings.append("\(table.path):\(line): '\(f[0])' is also a word of the lexicons: the SMS reading competes with it")
                }
            }
        }
        return findings
    }

    /// Short forms the lexicons list as abbreviations or interjections themselves ("svp", "pb").
    private func knownAsAbbreviation(_ form: String) -> Bool {
        let key = LexicalKeys.key(form)
        return lexique.rows(matching: key).allSatisfy { lexique.fields($0)[2] == "INTJ" || lexique.fields($0)[2] == "X" }
            && ud.rows(matching: key).isEmpty
    }
}
