import Ingest
import TextAnalysis
import Themes

/// Makes large consultations for benchmarks and crash tests by resampling the sentences of the
/// bundled sample: each new respondent takes the fields of a random sample respondent and, for
/// each question answered, one to three random sentences given to that question.
public struct Resampler {
    public let header: [String]
    let idColumn: Int
    let questionColumns: [Int]
    let fieldRows: [[String]]
    let sentencesByQuestion: [[String]]
    let answerRate: Double

    /// Reads the sample export and splits its answers into sentences.
    public init(sampleCSV path: String, idColumn: String, questionColumns: [String]) throws {
        let bytes = try FileIO.readAll(path: path)
        let table = try TableFile.read(file: path, bytes: bytes)
        header = table.header
        func index(_ name: String) throws -> Int {
            guard let i = table.header.firstIndex(of: name) else {
                throw IngestError.missingColumn(file: path, name: name, available: table.header)
            }
            return i
        }
        self.idColumn = try index(idColumn)
        self.questionColumns = try questionColumns.map(index)
        let analyzer = try TextAnalyzer()
        var sentences = Array(repeating: [String](), count: questionColumns.count)
        var answered = 0
        for record in table.records {
            for (k, column) in self.questionColumns.enumerated() {
                let text = record.fields[column]
                let bytes = Array(text.utf8)
                let analyzed = analyzer.analyze(bytes)
                if !analyzed.excerpts.isEmpty { answered += 1 }
                for e in analyzed.excerpts {
                    sentences[k].append(String(decoding: bytes[e.utf8Start..<e.utf8End], as: UTF8.self))
                }
            }
        }
        fieldRows = table.records.map(\.fields)
        sentencesByQuestion = sentences
        answerRate = Double(answered) / Double(max(1, table.records.count * questionColumns.count))
    }

    /// A `;`-separated UTF-8 CSV with about `answers` non-empty answers (same columns as the sample).
    public func csv(answers target: Int, seed: UInt64) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        let cells = CSVCells(delimiter: ";", neutralizeFormulas: false)
        var out = cells.row(header)
        var made = 0
        var respondent = 0
        while made < target {
            respondent += 1
            var row = fieldRows[Int.random(in: 0..<fieldRows.count, using: &rng)]
            row[idColumn] = "G\(respondent)"
            for (k, column) in questionColumns.enumerated() {
                guard made < target, Double.random(in: 0..<1, using: &rng) < answerRate, !sentencesByQuestion[k].isEmpty else {
                    row[column] = ""
                    continue
                }
                let count = Int.random(in: 1...3, using: &rng)
                row[column] = (0..<count).map { _ in sentencesByQuestion[k].randomElement(using: &rng)! }.joined(separator: " ")
                made += 1
            }
            out += cells.row(row)
        }
        return Array(out.utf8)
    }
}
