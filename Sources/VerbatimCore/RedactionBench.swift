import Ingest
import TextAnalysis

/// `verbatim bench redaction`: scores the redaction stage against a PII test set.
///
/// Gold format (TSV `id<TAB>text`, header first): personal data planted in the text as
/// `{{KIND|surface}}` (KIND: NOM, TÉLÉPHONE, EMAIL, URL, ADRESSE, IBAN, NIR) and traps that must stay
/// as `{{PIEGE|surface}}`. The markup is removed to get the answer; the surfaces stay in place.
public enum RedactionBench {
    /// One marked item of a gold answer: its kind (`PIEGE` for a trap) and its bytes in the clean text.
    public struct Item: Sendable, Equatable {
        public var kind: String
        public var utf8Range: Range<Int>
    }

    /// A gold answer: the clean text and its marked items.
    public struct GoldAnswer: Sendable, Equatable {
        public var id: String
        public var text: String
        public var items: [Item]

        public init(id: String, text: String, items: [Item]) {
            self.id = id
            self.text = text
            self.items = items
        }
    }

    public static let trapKind = "PIEGE"

    /// Splits `{{KIND|surface}}` markup from a text.
    /// - Throws: `VerbatimError.badInput` naming the line for unbalanced markup or an unknown kind.
    public static func parse(_ marked: String, path: String, line: Int) throws -> (text: String, items: [Item]) {
        let kinds = Set(Redactor.Kind.allCases.map(\.rawValue)).union([trapKind])
        var text: [UInt8] = []
        var items: [Item] = []
        let bytes = Array(marked.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x7B && i + 1 < bytes.count && bytes[i + 1] == 0x7B {
                guard let bar = bytes[(i + 2)...].firstIndex(of: 0x7C),
                      let close = (bar..<max(bar, bytes.count - 1)).first(where: { bytes[$0] == 0x7D && bytes[$0 + 1] == 0x7D }) else {
                    throw VerbatimError.badInput(path: path, line: line, reason: "'{{' without '|…}}' at byte \(i)")
                }
                let kind = String(decoding: bytes[(i + 2)..<bar], as: UTF8.self)
                guard kinds.contains(kind) else {
                    throw VerbatimError.badInput(path: path, line: line, reason: "unknown kind '\(kind)' (expected one of \(kinds.sorted().joined(separator: ", ")))")
                }
                let surface = bytes[(bar + 1)..<close]
                guard !surface.contains(0x7B) else {
                    throw VerbatimError.badInput(path: path, line: line, reason: "nested markup at byte \(i)")
                }
                items.append(Item(kind: kind, utf8Range: text.count..<(text.count + surface.count)))
                text.append(contentsOf: surface)
                i = close + 2
                continue
            }
            text.append(bytes[i])
            i += 1
        }
        return (String(decoding: text, as: UTF8.self), items)
    }

    /// Reads a gold file.
    public static func read(path: String) throws -> [GoldAnswer] {
        let decoded = TextDecoder.decode(try FileIO.readAll(path: path))
        var answers: [GoldAnswer] = []
        for (n, line) in AnalyzeJob.lines(of: decoded.utf8).enumerated() where !line.isEmpty {
            let fields = line.split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false)
            let id = String(decoding: fields[0], as: UTF8.self)
            if n == 0 && id == "id" { continue }
            guard fields.count == 2 else { throw VerbatimError.badInput(path: path, line: n + 1, reason: "expected 'id<TAB>text'") }
            let (text, items) = try parse(String(decoding: fields[1], as: UTF8.self), path: path, line: n + 1)
            answers.append(GoldAnswer(id: id, text: text, items: items))
        }
        return answers
    }

    /// Counts for one kind.
    public struct KindScore: Sendable, Equatable {
        public var planted = 0
        /// Items entirely under masks (of any kind).
        public var masked = 0
        /// Items entirely under masks of their own kind.
        public var maskedAsKind = 0
        public var recall: Double { planted == 0 ? 0 : Double(masked) / Double(planted) }

        public init(planted: Int = 0, masked: Int = 0, maskedAsKind: Int = 0) {
            self.planted = planted
            self.masked = masked
            self.maskedAsKind = maskedAsKind
        }
    }

    /// The whole score.
    public struct Score: Sendable {
        public var perKind: [String: KindScore] = [:]
        public var traps = 0
        /// Traps touched by a mask.
        public var trapsMasked = 0
        /// Masks that touch no planted item (over-masking outside the traps included).
        public var masksOutsideItems = 0
        public var masks = 0
        public var answers = 0
        /// Misses and false alarms as "id: KIND 'surface' → masked text", for inspection.
        public var mistakes: [String] = []
        public var trapRate: Double { traps == 0 ? 0 : Double(trapsMasked) / Double(traps) }
    }

    /// Scores redactions of the gold answers.
    public static func score(_ answers: [GoldAnswer], redactor: Redactor) -> Score {
        var score = Score()
        for answer in answers {
            score.answers += 1
            let result = redactor.redact(answer.text)
            score.masks += result.spans.count
            let utf8 = Array(answer.text.utf8)
            func surface(_ r: Range<Int>) -> String { String(decoding: utf8[r], as: UTF8.self) }
            for item in answer.items {
                // Bytes of the item that a mask must cover (spaces and punctuation at its edges excepted).
                let covered: (Redactor.Span) -> Bool = { $0.utf8Start < item.utf8Range.upperBound && $0.utf8End > item.utf8Range.lowerBound }
                let touching = result.spans.filter(covered)
                if item.kind == trapKind {
                    score.traps += 1
                    if !touching.isEmpty {
                        score.trapsMasked += 1
                        score.mistakes.append("\(answer.id): trap '\(surface(item.utf8Range))' masked → \(result.text)")
                    }
                    continue
                }
                var s = score.perKind[item.kind] ?? KindScore()
                s.planted += 1
                let needed = item.utf8Range.filter { utf8[$0] > 0x20 && utf8[$0] != 0x2C && utf8[$0] != 0x2E }
                let all = needed.allSatisfy { b in touching.contains { $0.utf8Start <= b && b < $0.utf8End } }
                if all { s.masked += 1 } else {
                    score.mistakes.append("\(answer.id): \(item.kind) '\(surface(item.utf8Range))' missed → \(result.text)")
                }
                if all && needed.allSatisfy({ b in touching.contains { $0.utf8Start <= b && b < $0.utf8End && $0.kind.rawValue == item.kind } }) {
                    s.maskedAsKind += 1
                }
                score.perKind[item.kind] = s
            }
            for span in result.spans where !answer.items.contains(where: {
                $0.kind != trapKind && span.utf8Start < $0.utf8Range.upperBound && span.utf8End > $0.utf8Range.lowerBound
            }) {
                score.masksOutsideItems += 1
                let r = span.utf8Start..<span.utf8End
                if !answer.items.contains(where: { $0.kind == trapKind && r.overlaps($0.utf8Range) }) {
                    score.mistakes.append("\(answer.id): unplanned \(span.kind.rawValue) '\(surface(r))' → \(result.text)")
                }
            }
        }
        return score
    }

    /// Runs the bench on a gold file and formats the result.
    public static func run(gold path: String, lexicons: String?, json: Bool, showMistakes: Bool) throws -> String {
        let answers = try read(path: path)
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let redactor = Redactor(analyzer: try TextAnalyzer(), names: try PersonNames(lexicon: lexicon))
        let started = Clock.now()
        let s = score(answers, redactor: redactor)
        let seconds = Clock.now() - started
        let kinds = Redactor.Kind.allCases.map(\.rawValue).filter { s.perKind[$0] != nil }
        if json {
            let perKind = kinds.map { k in
                let v = s.perKind[k]!
                return "\(TextOutput.jsonString(k)):{\"planted\":\(v.planted),\"masked\":\(v.masked),\"maskedAsKind\":\(v.maskedAsKind),\"recall\":\(AnalyzeJob.format(v.recall, decimals: 4))}"
            }.joined(separator: ",")
            return "{\"file\":\(TextOutput.jsonString(path)),\"answers\":\(s.answers),\"perKind\":{\(perKind)},"
                + "\"traps\":\(s.traps),\"trapsMasked\":\(s.trapsMasked),\"trapRate\":\(AnalyzeJob.format(s.trapRate, decimals: 4)),"
                + "\"masks\":\(s.masks),\"masksOutsideItems\":\(s.masksOutsideItems)}\n"
        }
        var out = "\(path): \(s.answers) answers, \(AnalyzeJob.format(seconds * 1000, decimals: 0)) ms\n\n"
        out += TextOutput.table(header: ["kind", "planted", "masked", "recall", "as its kind"], rows: kinds.map { k in
            let v = s.perKind[k]!
            return [k, "\(v.planted)", "\(v.masked)", AnalyzeJob.format(v.recall, decimals: 3), "\(v.maskedAsKind)"]
        }, rightAligned: [1, 2, 3, 4])
        let planted = s.perKind.values.reduce(0) { $0 + $1.planted }, masked = s.perKind.values.reduce(0) { $0 + $1.masked }
        out += "all: \(masked)/\(planted) masked (recall \(AnalyzeJob.format(planted == 0 ? 0 : Double(masked) / Double(planted), decimals: 3)))\n"
        out += "traps: \(s.trapsMasked)/\(s.traps) masked (false-positive rate \(AnalyzeJob.format(s.trapRate, decimals: 3)))\n"
        out += "masks: \(s.masks), of which \(s.masksOutsideItems) touch no planted item\n"
        if showMistakes && !s.mistakes.isEmpty { out += "\n" + s.mistakes.joined(separator: "\n") + "\n" }
        return out
    }
}
