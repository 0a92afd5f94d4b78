/// One answer read from an export: who answered which question, and the text as written.
public struct AnswerRecord: Sendable, Equatable {
    public var respondentID: String
    public var questionID: String
    public var text: String
    /// Respondent fields (group, territory, age band…) by column name, in mapping order.
    public var segments: [(name: String, value: String)]
    /// 1-based line of the record in the file.
    public var line: Int

    public static func == (a: AnswerRecord, b: AnswerRecord) -> Bool {
        a.respondentID == b.respondentID && a.questionID == b.questionID && a.text == b.text && a.line == b.line
            && a.segments.map(\.name) == b.segments.map(\.name) && a.segments.map(\.value) == b.segments.map(\.value)
    }
}

/// How columns become answers.
///
/// - Wide layout (one row per respondent, one column per open question): `textColumns` are the
///   question columns; the question id is the column name.
/// - Long layout (one row per answer): `questionColumn` names the question; `textColumns` holds
///   exactly one column, the answer.
/// Empty answers (blank after trimming spaces) are not answers and are skipped.
public struct ColumnMapping: Sendable {
    public var idColumn: String
    public var textColumns: [String]
    public var segmentColumns: [String]
    public var questionColumn: String?

    public init(idColumn: String, textColumns: [String], segmentColumns: [String] = [], questionColumn: String? = nil) {
        self.idColumn = idColumn
        self.textColumns = textColumns
        self.segmentColumns = segmentColumns
        self.questionColumn = questionColumn
    }

    /// Maps a table to answers, or names the first missing column and lists the available ones.
    public func answers(from table: CSVTable, file: String) throws -> [AnswerRecord] {
        func index(_ name: String) throws -> Int {
            guard let i = table.header.firstIndex(of: name) else {
                throw IngestError.missingColumn(file: file, name: name, available: table.header)
            }
            return i
        }
        let idIndex = try index(idColumn)
        let textIndices = try textColumns.map(index)
        let segmentIndices = try segmentColumns.map(index)
        let questionIndex = try questionColumn.map(index)
        var answers: [AnswerRecord] = []
        answers.reserveCapacity(table.records.count * max(1, textIndices.count))
        for record in table.records {
            let segments = zip(segmentColumns, segmentIndices).map { (name: $0.0, value: record.fields[$0.1]) }
            for (k, textIndex) in textIndices.enumerated() {
                let text = record.fields[textIndex]
                guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else { continue }
                let question = questionIndex.map { record.fields[$0] } ?? textColumns[k]
                answers.append(AnswerRecord(respondentID: record.fields[idIndex], questionID: question, text: text,
                                            segments: segments, line: record.line))
            }
        }
        return answers
    }
}
