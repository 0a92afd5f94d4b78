import TextAnalysis

/// `verbatim analyze`: runs the text stage over answers and renders tokens as TSV, JSON lines or
/// a summary. The CLI only parses options and calls this.
public struct AnalyzeJob {
    public enum Format: String, CaseIterable, Sendable {
        case tsv, json, summary
    }

    /// Counts gathered over all answers.
    public struct Summary: Sendable, Equatable {
        public var answers = 0
        public var excerpts = 0
        public var tokens = 0
        public var words = 0
        public var utf8Bytes = 0
        public var repairs = 0
        public init() {}
    }

    /// The TSV columns; `lemma` and `upos` are empty when lemmas are off (`--no-lemmas`).
    public static let tsvHeader = "answer\tutf8Start\tutf8End\ttext\tnorm\tkind\tlemma\tupos\texcerpt\tflags"

    private let analyzer: TextAnalyzer
    public let format: Format
    /// Seconds spent loading the lexicon (0 without lemmas).
    public let lexiconLoadSeconds: Double

    /// A job without lemmas (text stage only), or with the given lemmatizer.
    public init(format: Format, lemmatizer: FrenchLemmatizer? = nil) throws {
        self.format = format
        self.analyzer = try TextAnalyzer(lemmatizer: lemmatizer)
        self.lexiconLoadSeconds = lemmatizer?.lexicon.loadSeconds ?? 0
    }

    /// A job that loads the lexicon (located as `FrenchLexicon.locate` does) when `lemmas` is true.
    public init(format: Format, lemmas: Bool, lexicons: String?) throws {
        let lemmatizer = lemmas ? FrenchLemmatizer(lexicon: try FrenchLexicon.load(explicit: lexicons)) : nil
        try self.init(format: format, lemmatizer: lemmatizer)
    }

    /// Splits a file's bytes into answers, one per line (LF or CRLF). A final newline does not
    /// make an empty answer; empty lines are empty answers.
    public static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            let end = (i > start && bytes[i - 1] == 0x0D) ? i - 1 : i
            lines.append(bytes[start..<end])
            start = i + 1
        }
        if start < bytes.count { lines.append(bytes[start..<bytes.count]) }
        return lines
    }

    /// Analyzes one answer; appends its rendering (if any) to `output` and counts it in `summary`.
    public func process(answer: ArraySlice<UInt8>, index: Int, summary: inout Summary, output: inout String) {
        answer.withUnsafeBufferPointer { bytes in
            let result = analyzer.analyze(bytes)
            summary.answers += 1
            summary.excerpts += result.excerpts.count
            summary.tokens += result.tokens.count
            summary.utf8Bytes += bytes.count
            summary.repairs += result.normalized.repairCount
            for token in result.tokens where token.kind == .word { summary.words += 1 }
            switch format {
            case .summary: break
            case .tsv: renderTSV(result, bytes, index, &output)
            case .json: renderJSON(result, bytes, index, &output)
            }
        }
    }

    private func slice(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func renderTSV(_ result: AnalyzedText, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ out: inout String) {
        for t in result.tokens {
            out += "\(index)\t\(t.utf8Start)\t\(t.utf8End)\t\(TextOutput.tsvCell(slice(bytes, t.utf8Start, t.utf8End)))\t"
            out += "\(TextOutput.tsvCell(t.norm))\t\(t.kind.rawValue)\t\(TextOutput.tsvCell(t.lemma ?? ""))\t\(t.upos?.name ?? "")\t"
            out += "\(t.excerptIndex)\t\(t.flags.names())\n"
        }
    }

    private func renderJSON(_ result: AnalyzedText, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ out: inout String) {
        out += "{\"answer\":\(index),\"text\":\(TextOutput.jsonString(slice(bytes, 0, bytes.count))),\"excerpts\":["
        for (k, e) in result.excerpts.enumerated() {
            if k > 0 { out += "," }
            out += "{\"utf8Start\":\(e.utf8Start),\"utf8End\":\(e.utf8End),\"text\":\(TextOutput.jsonString(slice(bytes, e.utf8Start, e.utf8End)))}"
        }
        out += "],\"tokens\":["
        for (k, t) in result.tokens.enumerated() {
            if k > 0 { out += "," }
            out += "{\"utf8Start\":\(t.utf8Start),\"utf8End\":\(t.utf8End),\"text\":\(TextOutput.jsonString(slice(bytes, t.utf8Start, t.utf8End)))"
            out += ",\"norm\":\(TextOutput.jsonString(t.norm)),\"kind\":\"\(t.kind.rawValue)\""
            if let lemma = t.lemma { out += ",\"lemma\":\(TextOutput.jsonString(lemma))" }
            if let upos = t.upos { out += ",\"upos\":\"\(upos.name)\"" }
            out += ",\"excerpt\":\(t.excerptIndex)"
            out += ",\"flags\":[\(TokenFlags.names.filter { t.flags.contains($0.0) }.map { "\"\($0.1)\"" }.joined(separator: ","))]}"
        }
        out += "]}\n"
    }
}

/// Drives an analyze job over a list of answers: streams output, prints the summary.
public enum CLIRunner {
    public static func runAnalyze(job: AnalyzeJob, answers: [ArraySlice<UInt8>]) throws {
        var summary = AnalyzeJob.Summary()
        var output = ""
        if job.format == .tsv { output += AnalyzeJob.tsvHeader + "\n" }
        let started = Clock.now()
        for (index, answer) in answers.enumerated() {
            job.process(answer: answer, index: index, summary: &summary, output: &output)
            if output.utf8.count > 1 << 16 {
                FileIO.writeStandardOutput(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        let elapsed = Clock.now() - started
        FileIO.writeStandardOutput(output)
        if job.format == .summary {
            FileIO.writeStandardOutput(AnalyzeJob.renderSummary(summary, seconds: elapsed,
                                                                loadSeconds: job.lexiconLoadSeconds))
        }
    }
}

extension AnalyzeJob {
    /// The summary block: counts, time and rates.
    public static func renderSummary(_ s: Summary, seconds: Double, loadSeconds: Double = 0) -> String {
        let rate = seconds > 0 ? Double(s.tokens) / seconds : 0
        let total = seconds + loadSeconds
        let rateWithLoad = total > 0 ? Double(s.tokens) / total : 0
        let lexicon = loadSeconds > 0
            ? "lexicon   \(format(loadSeconds * 1000, decimals: 1)) ms load\n"
                + "rate+load \(Int(rateWithLoad.rounded())) tokens/s (lexicon load included)\n"
            : ""
        return """
            answers   \(s.answers)
            excerpts  \(s.excerpts)
            tokens    \(s.tokens) (\(s.words) words)
            bytes     \(s.utf8Bytes)
            repaired  \(s.repairs) invalid UTF-8 sequences
            time      \(format(seconds, decimals: 3)) s
            rate      \(Int(rate.rounded())) tokens/s

            """ + lexicon
    }

    static func format(_ value: Double, decimals: Int) -> String {
        if value < 0 {
            let magnitude = format(-value, decimals: decimals)
            return magnitude.allSatisfy({ $0 == "0" || $0 == "." }) ? magnitude : "-" + magnitude
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return decimals == 0 ? "\(whole)" : "\(whole).\(fraction)"
    }
}

/// `verbatim redact`: standard input to standard output, one answer per line.
public enum RedactJob {
    public static func run(counts: Bool, lexicons: String?, settings: Redactor.Settings = .all) throws {
        let redactor = Redactor(analyzer: try TextAnalyzer(), names: try PersonNames(lexicon: FrenchLexicon.load(explicit: lexicons)),
                                settings: settings)
        var total: [Redactor.Kind: Int] = [:]
        var out = ""
        for line in AnalyzeJob.lines(of: FileIO.readStandardInput()) {
            let result = redactor.redact(String(decoding: line, as: UTF8.self))
            out += result.text + "\n"
            for (k, n) in result.counts { total[k, default: 0] += n }
        }
        FileIO.writeStandardOutput(out)
        if counts {
            FileIO.writeStandardError(Redactor.Kind.allCases.map { "\($0.rawValue)\t\(total[$0] ?? 0)" }.joined(separator: "\n") + "\n")
        }
    }
}
