/// One row of a 4-column theme data file (`key  type  text  weight`), with its line number.
struct TermRow: Sendable {
    var key: String
    var type: String
    var text: String
    var weight: Double?
    var line: Int
}

/// Reads the TSV data files of `lexicons/themes/`: UTF-8, `#` comment lines, four tab-separated
/// columns, the fourth a number or empty.
enum TermTable {
    static func read(_ bytes: [UInt8], file: String) throws -> [TermRow] {
        var rows: [TermRow] = []
        var line = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            line += 1
            var body = raw
            if body.last == 0x0D { body = body.dropLast() }
            if body.isEmpty || body.first == 0x23 { continue }
            let fields = body.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 4 else {
                throw ThemeError(file: file, line: line, message: "expected 4 tab-separated columns, found \(fields.count)")
            }
            var weight: Double? = nil
            if !fields[3].isEmpty {
                guard let w = Double(fields[3]), w > 0 else {
                    throw ThemeError(file: file, line: line, message: "weight '\(fields[3])' is not a positive number")
                }
                weight = w
            }
            guard !fields[0].isEmpty, !fields[2].isEmpty else {
                throw ThemeError(file: file, line: line, message: "empty \(fields[0].isEmpty ? "first column" : "text")")
            }
            rows.append(TermRow(key: fields[0], type: fields[1], text: fields[2], weight: weight, line: line))
        }
        return rows
    }
}
