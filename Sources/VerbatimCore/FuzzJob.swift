import Ingest
import TextAnalysis
import Themes

/// `verbatim bench fuzz`: seeded random inputs thrown at the readers and the text stage.
///
/// Each input is one of six cases, in turn:
/// 1. a generated CSV (random delimiter, quotes, line breaks, BOM, CRLF, accents, emoji) read
///    back strictly: header, every field and every answer must come back exactly;
/// 2. the same CSV with a few bytes flipped, inserted or deleted, read strictly and leniently:
///    a table, or an error naming the file and a line;
/// 3. a generated JSON Lines file read back (string values round-trip), then mutated;
/// 4. the bundled XLSX fixture with bytes flipped or truncated (an error or a table);
/// 5. random bytes as any format;
/// 6. a hostile answer through normalize → tokenize → lemmatize → redact → tag → excerpts:
///    spans inside the text, ordered, excerpt texts equal to their slices.
/// Failures are collected, never fatal; the slowest input is reported (a hang shows there).
public enum FuzzJob {
    public struct Report: Sendable {
        public var inputs = 0
        public var perCase = [Int](repeating: 0, count: 6)
        /// Inputs a reader refused with an error (expected for mutated inputs).
        public var rejected = 0
        /// Rows and answers that went through a round trip unchanged.
        public var rowsRoundTripped = 0
        public var answersAccounted = 0
        public var failures: [String] = []
        public var slowestSeconds = 0.0
        public var slowestInput = ""
        public var seconds = 0.0
    }

    public static let caseNames = ["csv round trip", "csv mutated", "jsonl", "xlsx mutated", "random bytes", "text stage"]

    /// Runs `inputs` inputs (or until `seconds` have passed) from `seed`.
    public static func run(inputs: Int, seed: UInt64, seconds: Double? = nil, lexicons: String?, xlsxFixture: [UInt8],
                           progress: ((Int) -> Void)? = nil) throws -> Report {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        let redactor = Redactor(analyzer: try TextAnalyzer(), names: try PersonNames(lexicon: lexicon))
        let tagger = try ThemeSetup.tagger(lexicon: lexicon, analyzer: analyzer, taxonomy: nil, intents: nil)
        var rng = SeededGenerator(seed: seed)
        var report = Report()
        let started = Clock.now()
        for n in 0..<inputs {
            if let seconds, Clock.now() - started > seconds { break }
            let kind = n % 6
            let inputStart = Clock.now()
            var description = ""
            switch kind {
            case 0: description = csvRoundTrip(&rng, &report)
            case 1: description = csvMutated(&rng, &report)
            case 2: description = jsonl(&rng, &report)
            case 3: description = xlsxMutated(xlsxFixture, &rng, &report)
            case 4: description = randomBytes(&rng, &report)
            default: description = textStage(&rng, &report, analyzer: analyzer, redactor: redactor, tagger: tagger)
            }
            let elapsed = Clock.now() - inputStart
            if elapsed > report.slowestSeconds {
                report.slowestSeconds = elapsed
                report.slowestInput = "input \(n) (\(caseNames[kind])): \(description.prefix(120))"
            }
            report.inputs += 1
            report.perCase[kind] += 1
            if n % 10_000 == 0 { progress?(n) }
        }
        report.seconds = Clock.now() - started
        return report
    }

    // MARK: Generators

    /// Pieces of cells: separators of every format, quotes, line breaks, accents, emoji, controls.
    static let pieces: [String] = [
        "a", "b", "le gardien", "l'ascenseur", "été", "ÉTÉ", "œuvre", ";", ",", "\t", "|", "\"", "\"\"", "'", "\n", "\r\n",
        "\r", " ", "  ", "{", "}", "[", "]", ":", "\\", "\\\"", "\\n", "\\u00e9", "😡", "👩‍💻", "e\u{0301}", "\u{00A0}",
        "\u{200B}", "\u{FEFF}", "\u{2028}", "\u{7}", "=1+1", "@SUM(A1)", "-2", "06 12 34 56 78", "Mme Martin", "x@y.org",
        "3e étage", "1 000 €", "N°", "日本", "ß", "null", "true", "1e9",
    ]

    static func cell(_ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &rng) { text += pieces.randomElement(using: &rng)! }
        return text
    }

    static let delimiters: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]

    /// A CSV with every field quoted when it must be (or at random), and the table it encodes.
    static func csv(_ rng: inout SeededGenerator) -> (bytes: [UInt8], header: [String], rows: [[String]], delimiter: UInt8) {
        let delimiter = delimiters.randomElement(using: &rng)!
        let columns = Int.random(in: 1...6, using: &rng)
        let header = ["id"] + (1..<columns).map { "q\($0)" }
        let rows = (0..<Int.random(in: 0...12, using: &rng)).map { r in ["R\(r)"] + (1..<columns).map { _ in cell(&rng) } }
        let lineEnd: [UInt8] = Bool.random(using: &rng) ? [0x0D, 0x0A] : [0x0A]
        var bytes: [UInt8] = Bool.random(using: &rng) ? [0xEF, 0xBB, 0xBF] : []
        for row in [header] + rows {
            for (k, field) in row.enumerated() {
                if k > 0 { bytes.append(delimiter) }
                let utf8 = Array(field.utf8)
                let mustQuote = utf8.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } || utf8.isEmpty && columns == 1
                if mustQuote || Int.random(in: 0..<8, using: &rng) == 0 {
                    bytes.append(0x22)
                    for b in utf8 { if b == 0x22 { bytes.append(0x22) }; bytes.append(b) }
                    bytes.append(0x22)
                } else {
                    bytes += utf8
                }
            }
            bytes += lineEnd
        }
        return (bytes, header, rows, delimiter)
    }

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        let interesting: [UInt8] = [0x22, 0x0A, 0x0D, 0x00, 0xFF, 0xC3, 0x3B, 0x2C, 0x09, 0x7B, 0x7D, 0x5C, 0x80, 0xEF]
        for _ in 0..<Int.random(in: 1...5, using: &rng) {
            let at = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &rng)
            let byte = Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where !out.isEmpty: out[at] = byte
            case 1: out.insert(byte, at: at)
            default: if !out.isEmpty { out.remove(at: at) }
            }
        }
        return out
    }

    // MARK: Cases

    static func csvRoundTrip(_ rng: inout SeededGenerator, _ report: inout Report) -> String {
        let (bytes, header, rows, delimiter) = csv(&rng)
        let shown = String(decoding: bytes.prefix(200), as: UTF8.self)
        do {
            let table = try TableFile.read(file: "fuzz.csv", bytes: bytes, options: TableFileOptions(format: .csv, delimiter: delimiter))
            guard table.header == header, table.records.map(\.fields) == rows else {
                report.failures.append("csv round trip: got \(table.header) + \(table.records.map(\.fields)), wrote \(header) + \(rows): \(shown)")
                return shown
            }
            report.rowsRoundTripped += rows.count
            // Every non-blank cell of a question column is an answer, each kept once.
            let mapping = ColumnMapping(idColumn: "id", textColumns: Array(header.dropFirst()))
            let answers = try mapping.answers(from: table, file: "fuzz.csv")
            let expected = rows.reduce(0) { $0 + $1.dropFirst().filter { $0.unicodeScalars.contains { !$0.properties.isWhitespace } }.count }
            if answers.count != expected {
                report.failures.append("csv answers: \(answers.count) mapped, \(expected) non-blank cells: \(shown)")
            }
            report.answersAccounted += answers.count
        } catch {
            report.failures.append("csv round trip refused a valid file: \(error): \(shown)")
        }
        return shown
    }

    static func csvMutated(_ rng: inout SeededGenerator, _ report: inout Report) -> String {
        let bytes = mutate(csv(&rng).bytes, &rng)
        let shown = String(decoding: bytes.prefix(200), as: UTF8.self)
        for strict in [true, false] {
            checkRead(bytes, file: "fuzz.csv", options: TableFileOptions(format: .csv, strict: strict), shown: shown, &report)
        }
        return shown
    }

    static func jsonl(_ rng: inout SeededGenerator, _ report: inout Report) -> String {
        let rows = (0..<Int.random(in: 1...8, using: &rng)).map { r in ["id": "R\(r)", "texte": cell(&rng)] }
        var bytes: [UInt8] = []
        for row in rows {
            bytes += Array("{\"id\":\(TextOutput.jsonString(row["id"]!)),\"texte\":\(TextOutput.jsonString(row["texte"]!))}\n".utf8)
        }
        let shown = String(decoding: bytes.prefix(200), as: UTF8.self)
        do {
            let table = try TableFile.read(file: "fuzz.jsonl", bytes: bytes, options: TableFileOptions(format: .jsonl))
            let idIndex = table.header.firstIndex(of: "id"), textIndex = table.header.firstIndex(of: "texte")
            if let idIndex, let textIndex,
               table.records.map({ [$0.fields[idIndex], $0.fields[textIndex]] }) == rows.map({ [$0["id"]!, $0["texte"]!] }) {
                report.rowsRoundTripped += rows.count
            } else {
                report.failures.append("jsonl round trip: got \(table.header) \(table.records.map(\.fields)): \(shown)")
            }
        } catch {
            report.failures.append("jsonl round trip refused a valid file: \(error): \(shown)")
        }
        checkRead(mutate(bytes, &rng), file: "fuzz.jsonl", options: TableFileOptions(format: .jsonl), shown: shown, &report)
        return shown
    }

    static func xlsxMutated(_ fixture: [UInt8], _ rng: inout SeededGenerator, _ report: inout Report) -> String {
        guard !fixture.isEmpty else { return "no fixture" }
        var bytes = fixture
        if Int.random(in: 0..<4, using: &rng) == 0 {
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
        } else {
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
        }
        checkRead(bytes, file: "fuzz.xlsx", options: TableFileOptions(format: .xlsx), shown: "xlsx of \(bytes.count) bytes", &report)
        return "xlsx of \(bytes.count) bytes"
    }

    static func randomBytes(_ rng: inout SeededGenerator, _ report: inout Report) -> String {
        let bytes = (0..<Int.random(in: 0...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let format = TableFormat.allCases.randomElement(using: &rng)!
        checkRead(bytes, file: "fuzz." + format.rawValue, options: TableFileOptions(format: format, strict: Bool.random(using: &rng)),
                  shown: "\(bytes.count) random bytes as \(format.rawValue)", &report)
        return "\(bytes.count) random bytes as \(format.rawValue)"
    }

    /// A read must give a consistent table or an error naming the file.
    static func checkRead(_ bytes: [UInt8], file: String, options: TableFileOptions, shown: String, _ report: inout Report) {
        do {
            let table = try TableFile.read(file: file, bytes: bytes, options: options)
            var previousLine = 0
            for record in table.records {
                if record.line <= previousLine || record.fields.count != table.header.count {
                    report.failures.append("\(file): record at line \(record.line) after \(previousLine) with \(record.fields.count) fields for \(table.header.count) columns: \(shown)")
                    break
                }
                previousLine = record.line
            }
        } catch {
            report.rejected += 1
            if !"\(error)".hasPrefix(file) {
                report.failures.append("error without the file name: \(error): \(shown)")
            }
        }
    }

    static func textStage(_ rng: inout SeededGenerator, _ report: inout Report, analyzer: TextAnalyzer, redactor: Redactor,
                          tagger: ThemeTagger) -> String {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...30, using: &rng) {
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: bytes.append(UInt8.random(in: 0...255, using: &rng))
            case 1: bytes += Array("FR76 3000 6000 0112 3456 7890 189 ".utf8)
            case 2: bytes += Array("Jean-Marc Vigouroux, M. Le Goff, 12 rue des Lilas, 33600 Pessac. ".utf8)
            default: bytes += Array(pieces.randomElement(using: &rng)!.utf8)
            }
            if Bool.random(using: &rng) { bytes.append(0x20) }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let shown = String(text.prefix(120))
        let redacted = redactor.redact(text)
        var end = 0
        for span in redacted.spans {
            if span.utf8Start < end || span.utf8End <= span.utf8Start || span.utf8End > text.utf8.count {
                report.failures.append("redaction span \(span.utf8Start)..<\(span.utf8End) out of order or bounds: \(shown)")
                break
            }
            end = span.utf8End
        }
        if redacted.total != redacted.spans.count {
            report.failures.append("redaction counted \(redacted.total) masks for \(redacted.spans.count) spans: \(shown)")
        }
        let (excerpts, _) = RunJob.excerptRecords(of: redacted.text, analyzer: analyzer, tagger: tagger)
        let utf8 = Array(redacted.text.utf8)
        var previous = 0
        for excerpt in excerpts {
            guard excerpt.utf8Start >= previous, excerpt.utf8Start < excerpt.utf8End, excerpt.utf8End <= utf8.count,
                  Array(excerpt.text.utf8) == Array(utf8[excerpt.utf8Start..<excerpt.utf8End]) else {
                report.failures.append("excerpt \(excerpt.utf8Start)..<\(excerpt.utf8End) is not its slice: \(shown)")
                break
            }
            previous = excerpt.utf8End
        }
        report.answersAccounted += 1
        return shown
    }

    /// The report as text.
    public static func format(_ r: Report, seed: UInt64) -> String {
        var out = "\(r.inputs) inputs (seed \(seed)) in \(AnalyzeJob.format(r.seconds, decimals: 1)) s: "
            + zip(caseNames, r.perCase).map { "\($0.1) \($0.0)" }.joined(separator: ", ") + "\n"
        out += "\(r.rowsRoundTripped) rows round-tripped, \(r.answersAccounted) answers accounted for, \(r.rejected) inputs refused with an error\n"
        out += "slowest input: \(AnalyzeJob.format(r.slowestSeconds * 1000, decimals: 1)) ms — \(r.slowestInput)\n"
        out += r.failures.isEmpty ? "failures: none\n" : "failures: \(r.failures.count)\n" + r.failures.prefix(20).joined(separator: "\n") + "\n"
        return out
    }
}
