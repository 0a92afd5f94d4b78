import TextAnalysis

/// A search typed by a person, turned into a safe FTS5 expression.
///
/// Syntax: words (all required), `"exact phrases"`, `OR` between two items, `-word` or
/// `-"phrase"` to exclude. Every word goes through the same analysis as the indexed text
/// (`SearchText`), so accents, case and elisions do not matter and lemmas match ("réparations"
/// finds "réparation" when the lexicon says so). User text never reaches FTS5 syntax: each item
/// becomes quoted strings, so `"`, `NEAR(`, `*` or `^` are just characters.
public struct SearchQuery: Sendable, Equatable {
    /// One searched item: a word or a phrase, as folded (form, lemma) terms.
    public struct Item: Sendable, Equatable {
        public var forms: [String]
        public var lemmas: [String]
    }

    /// Items that must all match; each inner array is a set of alternatives joined by OR.
    public var required: [[Item]]
    /// Items that must not match.
    public var excluded: [Item]
    /// The text as typed.
    public let text: String

    /// Parses `text`; `analyzer` gives forms and lemmas (use the one that built the index).
    public init(_ text: String, analyzer: TextAnalyzer) {
        self.text = text
        required = []
        excluded = []
        var pendingOr = false
        for raw in Self.lex(text) {
            if raw.isOr {
                pendingOr = !required.isEmpty
                continue
            }
            guard let item = Self.item(raw.text, analyzer) else { continue }
            if raw.excluded {
                excluded.append(item)
            } else if pendingOr, !required.isEmpty {
                required[required.count - 1].append(item)
            } else {
                required.append([item])
            }
            pendingOr = false
        }
    }

    /// True when there is nothing to match (no words, or exclusions alone).
    public var isEmpty: Bool { required.isEmpty }

    /// The FTS5 MATCH expression.
    public var ftsExpression: String {
        var expression = required.map { group in
            "(" + group.map(Self.expression).joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        for item in excluded { expression += " NOT " + Self.expression(item) }
        return expression
    }

    /// Folded forms and lemmas of the required items, for highlighting.
    public var highlightTerms: (forms: Set<String>, lemmas: Set<String>) {
        var forms = Set<String>()
        var lemmas = Set<String>()
        for group in required {
            for item in group {
                forms.formUnion(item.forms)
                lemmas.formUnion(item.lemmas)
            }
        }
        return (forms, lemmas)
    }

    private static func expression(_ item: Item) -> String {
        "(forms : \(quoted(item.forms)) OR lemmas : \(quoted(item.lemmas)))"
    }

    /// An FTS5 string: the terms between double quotes, inner quotes doubled.
    static func quoted(_ terms: [String]) -> String {
        var out = "\""
        for (i, term) in terms.enumerated() {
            if i > 0 { out.append(" ") }
            for ch in term { if ch == "\"" { out.append("\"\"") } else { out.append(ch) } }
        }
        out.append("\"")
        return out
    }

    private static func item(_ text: String, _ analyzer: TextAnalyzer) -> Item? {
        let analyzed = analyzer.analyze(text)
        var item = Item(forms: [], lemmas: [])
        for word in FoldedWords.of(analyzed.tokens[...]) {
            item.forms.append(word.form)
            item.lemmas.append(word.lemma)
        }
        return item.forms.isEmpty ? nil : item
    }

    struct RawItem: Equatable {
        var text: String
        var excluded = false
        var isOr = false
    }

    /// Splits the typed text into words, phrases, exclusions and OR.
    static func lex(_ text: String) -> [RawItem] {
        var items: [RawItem] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        while i < scalars.count {
            if isSpace(scalars[i]) { i += 1; continue }
            var excluded = false
            if scalars[i] == "-", i + 1 < scalars.count, !isSpace(scalars[i + 1]) {
                excluded = true
                i += 1
            }
            var chunk = String.UnicodeScalarView()
            if scalars[i] == "\"" {
                i += 1
                while i < scalars.count, scalars[i] != "\"" { chunk.append(scalars[i]); i += 1 }
                i += 1  // the closing quote, or past the end when it is missing
                items.append(RawItem(text: String(chunk), excluded: excluded))
                continue
            }
            while i < scalars.count, !isSpace(scalars[i]), scalars[i] != "\"" { chunk.append(scalars[i]); i += 1 }
            let word = String(chunk)
            items.append(RawItem(text: word, excluded: excluded, isOr: word == "OR" && !excluded))
        }
        return items
    }
}
