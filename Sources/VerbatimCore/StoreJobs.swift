import Store
import TextAnalysis

/// `verbatim search`: runs a query on a store and renders the hits.
public enum SearchJob {
    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    /// Opens the store read-only, searches, returns the rendering and the hit count.
    public static func run(query: String, database: String, options: SearchOptions, format: Format, color: Bool,
                           lexicons: String?) throws -> (output: String, hits: Int) {
        let store = try QuoteStore(path: database, readOnly: true)
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: try FrenchLexicon.load(explicit: lexicons)))
        let hits = try QuoteSearch(store: store, analyzer: analyzer).search(query, options: options)
        let label = [query.isEmpty ? nil : query, options.theme.map { "theme \($0)" }].compactMap { $0 }.joined(separator: " in ")
        switch format {
        case .table: return (renderTable(hits, query: label, color: color), hits.count)
        case .json: return (renderJSON(hits, query: query), hits.count)
        case .csv: return (renderCSV(hits), hits.count)
        }
    }

    /// The excerpt with highlighted words wrapped in `open`/`close`; every piece of respondent
    /// text goes through `escape` (HTML escaping for the web UI).
    public static func marked(_ hit: SearchHit, open: String, close: String,
                              escape: (String) -> String = { $0 }) -> String {
        let bytes = Array(hit.text.utf8)
        func piece(_ r: Range<Int>) -> String { escape(String(decoding: bytes[r], as: UTF8.self)) }
        var out = ""
        var at = 0
        for range in hit.highlights {
            let start = range.lowerBound - hit.utf8Start, end = range.upperBound - hit.utf8Start
            guard start >= at, end <= bytes.count else { continue }
            out += piece(at..<start) + open + piece(start..<end) + close
            at = end
        }
        return out + piece(at..<bytes.count)
    }

    static func renderTable(_ hits: [SearchHit], query: String, color: Bool) -> String {
        guard !hits.isEmpty else { return "" }
        var out = "\(hits.count) hit\(hits.count == 1 ? "" : "s") for \(query)\n\n"
        for hit in hits {
            let fields = hit.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " · ")
            out += "\(hit.respondent) \(hit.question)  \(fields)\n"
            let text = color ? marked(hit, open: "\u{1B}[1;33m", close: "\u{1B}[0m") : marked(hit, open: "[", close: "]")
            out += "  « " + text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") + " »\n"
            if let answer = hit.answer { out += "  answer: " + answer.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ") + "\n" }
        }
        return out
    }

    static func renderJSON(_ hits: [SearchHit], query: String) -> String {
        func j(_ s: String) -> String { TextOutput.jsonString(s) }
        var out = "{\"query\":\(j(query)),\"count\":\(hits.count),\"hits\":["
        for (n, hit) in hits.enumerated() {
            if n > 0 { out += "," }
            let bytes = Array(hit.text.utf8)
            let highlights = hit.highlights.map { r in
                let text = String(decoding: bytes[(r.lowerBound - hit.utf8Start)..<(r.upperBound - hit.utf8Start)], as: UTF8.self)
                return "{\"utf8Start\":\(r.lowerBound),\"utf8End\":\(r.upperBound),\"text\":\(j(text))}"
            }.joined(separator: ",")
            out += "\n{\"answerId\":\(hit.answerID),\"excerptId\":\(hit.excerptID),\"respondent\":\(j(hit.respondent)),"
                + "\"question\":\(j(hit.question)),\"fields\":{\(hit.fields.map { "\(j($0.name)):\(j($0.value))" }.joined(separator: ","))},"
                + "\"text\":\(j(hit.text)),\"utf8Start\":\(hit.utf8Start),\"utf8End\":\(hit.utf8End),\"highlights\":[\(highlights)],"
                + "\"score\":\(AnalyzeJob.format(-hit.score, decimals: 4))"
                + (hit.answer.map { ",\"answer\":\(j($0))" } ?? "") + "}"
        }
        return out + "\n]}\n"
    }

    static func renderCSV(_ hits: [SearchHit]) -> String {
        let csv = CSVCells()
        var names: [String] = []
        for hit in hits { for f in hit.fields where !names.contains(f.name) { names.append(f.name) } }
        names.sort()
        var out = CSVCells.byteOrderMark + csv.row(["respondent", "question"] + names + ["utf8Start", "utf8End", "excerpt"])
        for hit in hits {
            let values = names.map { name in hit.fields.first { $0.name == name }?.value ?? "" }
            out += csv.row([hit.respondent, hit.question] + values + [String(hit.utf8Start), String(hit.utf8End), hit.text])
        }
        return out
    }
}

/// `verbatim export`: every excerpt with its respondent fields, as CSV (Excel-safe) or JSON Lines.
public enum ExportJob {
    public enum Format: String, CaseIterable, Sendable { case csv, jsonl }

    /// Streams the export to `write` in chunks; returns the number of excerpts.
    public static func run(database: String, consultation: String?, format: Format, delimiter: Character,
                           write: (String) throws -> Void) throws -> Int {
        let store = try QuoteStore(path: database, readOnly: true)
        let rows = try ExcerptRows(store: store, consultation: consultation)
        let csv = CSVCells(delimiter: delimiter)
        var out = ""
        if format == .csv {
            out = CSVCells.byteOrderMark + csv.row(["excerpt_id", "respondent", "question"] + rows.fieldNames
                                                    + ["ordinal", "utf8Start", "utf8End", "text", "lemmas"])
        }
        var count = 0
        try rows.forEach { row in
            count += 1
            switch format {
            case .csv:
                out += csv.row([String(row.excerptID), row.respondent, row.question] + row.fieldValues
                               + [String(row.ordinal), String(row.utf8Start), String(row.utf8End), row.text, row.lemmas])
            case .jsonl:
                func j(_ s: String) -> String { TextOutput.jsonString(s) }
                let fields = zip(rows.fieldNames, row.fieldValues).map { "\(j($0)):\(j($1))" }.joined(separator: ",")
                out += "{\"excerptId\":\(row.excerptID),\"respondent\":\(j(row.respondent)),\"question\":\(j(row.question)),"
                    + "\"fields\":{\(fields)},\"ordinal\":\(row.ordinal),\"utf8Start\":\(row.utf8Start),\"utf8End\":\(row.utf8End),"
                    + "\"text\":\(j(row.text)),\"lemmas\":\(j(row.lemmas))}\n"
            }
            if out.utf8.count > 1 << 16 {
                try write(out)
                out.removeAll(keepingCapacity: true)
            }
        }
        try write(out)
        return count
    }
}
