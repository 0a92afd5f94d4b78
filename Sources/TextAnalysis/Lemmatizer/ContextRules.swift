/// Homograph context rules (lexicons/fr/context-rules.tsv, ALGORITHM.md §5.5): after Viterbi, a
/// word such as "ferme" or "été" is checked against the words and decoded tags around it; the
/// first matching rule forces its UPOS when the word has that reading, and the sentence is
/// decoded again under that constraint.
struct ContextRule: Sendable {
    /// One condition on a neighbour: any, a set of words and tags, possibly negated.
    struct Condition: Sendable {
        var any = false
        var negated = false
        var words: Set<String> = []
        var tags: Set<UInt8> = []
        /// `^` (before the sentence) or `$` (after it).
        var boundary = false

        init(_ text: String, file: String, line: Int) throws {
            if text == "*" { any = true; return }
            var body = Substring(text)
            if body.hasPrefix("!") { negated = true; body = body.dropFirst() }
            for item in body.split(separator: "|", omittingEmptySubsequences: false) {
                if item == "^" || item == "$" { boundary = true; continue }
                if let upos = UPOS(name: String(item)) { tags.insert(upos.rawValue); continue }
                guard !item.isEmpty, item.lowercased() == item else {
                    throw LexiconError(file: file, line: line, message: "condition item '\(item)' is neither a lowercase word, a UPOS name, ^ nor $")
                }
                words.insert(String(item))
            }
        }

        /// Whether a neighbour (nil = outside the sentence) satisfies the condition.
        func holds(word: String?, tag: UInt8?) -> Bool {
            if any { return true }
            let hit: Bool
            if let word { hit = words.contains(word) || tag.map(tags.contains) == true } else { hit = boundary }
            return hit != negated
        }
    }

    var forms: Set<String>
    var left2: Condition
    var left: Condition
    var right: Condition
    var upos: UInt8

    /// Parses the table rows (forms, left2, left, right, upos, example).
    static func load(_ table: SortedTable) throws -> [ContextRule] {
        try table.allRows().enumerated().map { row, f in
            let line = table.lineNumber(ofRow: row)
            guard f.count >= 5 else {
                throw LexiconError(file: table.path, line: line, message: "expected forms, left2, left, right, upos, example")
            }
            guard let upos = UPOS(name: f[4]) else {
                throw LexiconError(file: table.path, line: line, message: "unknown UPOS '\(f[4])'")
            }
            return ContextRule(forms: Set(f[0].split(separator: "|").map(String.init)),
                               left2: try Condition(f[1], file: table.path, line: line),
                               left: try Condition(f[2], file: table.path, line: line),
                               right: try Condition(f[3], file: table.path, line: line), upos: upos.rawValue)
        }
    }
}
