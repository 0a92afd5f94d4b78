/// Errors of the readers, each naming the file and where in it the problem is.
public enum IngestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A quoted field was never closed. `line`/`column` point at its opening quote (1-based).
    case unterminatedQuote(file: String, line: Int, column: Int)
    /// Text right after a closing quote, e.g. `"abc"def` (strict mode only).
    case textAfterClosingQuote(file: String, line: Int, column: Int)
    /// A record has more fields than the header (strict mode only).
    case tooManyFields(file: String, line: Int, expected: Int, found: Int)
    /// A mapped column does not exist; lists the columns that do.
    case missingColumn(file: String, name: String, available: [String])
    /// The file has no header line.
    case emptyFile(file: String)
    /// An encoding name given with --encoding is not supported.
    case unknownEncoding(String)
    /// The bytes read as a workbook are not a ZIP archive; `hint` says what they look like.
    case notAnXLSX(file: String, hint: String)
    /// The ZIP archive is damaged or uses what the reader does not support; `entry` names the
    /// archive member when the problem is in one.
    case corruptArchive(file: String, entry: String?, reason: String)
    /// A part every workbook has is missing from the archive, e.g. `xl/workbook.xml`.
    case missingWorkbookPart(file: String, part: String)
    /// No sheet has the name asked for; lists the sheets there are.
    case missingSheet(file: String, name: String, available: [String])
    /// A workbook part is malformed; `part` is its path in the archive, `reason` names the row or
    /// cell when there is one.
    case invalidWorkbook(file: String, part: String, reason: String)
    /// A non-empty cell lies right of the last header column (strict mode only).
    case cellOutsideHeader(file: String, row: Int, cell: String, headerColumns: Int)
    /// A JSON Lines line is not one valid JSON object; `line`/`column` are 1-based, the column in characters.
    case invalidJSON(file: String, line: Int, column: Int, reason: String)
    /// A JSON Lines field holds an array or an object, which has no place in a table cell (strict mode only).
    case nestedJSONValue(file: String, line: Int, key: String)

    public var description: String {
        switch self {
        case let .unterminatedQuote(file, line, column):
            return "\(file):\(line):\(column): quoted field is never closed (a \" opens here; double it as \"\" inside a field)"
        case let .textAfterClosingQuote(file, line, column):
            return "\(file):\(line):\(column): text after a closing quote; use --lenient to keep it"
        case let .tooManyFields(file, line, expected, found):
            return "\(file):\(line): \(found) fields where the header has \(expected); use --lenient to keep the first \(expected)"
        case let .missingColumn(file, name, available):
            return "\(file): no column named '\(name)'; available columns: \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case let .emptyFile(file):
            return "\(file): the file is empty (no header line)"
        case let .notAnXLSX(file, hint):
            return "\(file): not an XLSX workbook: \(hint)"
        case let .corruptArchive(file, entry, reason):
            return "\(file)\(entry.map { ": \($0)" } ?? ""): damaged ZIP archive: \(reason)"
        case let .missingWorkbookPart(file, part):
            return "\(file): not an XLSX workbook: \(part) is missing from the archive"
        case let .missingSheet(file, name, available):
            return "\(file): no sheet named '\(name)'; available sheets: \(available.map { "'\($0)'" }.joined(separator: ", "))"
        case let .invalidWorkbook(file, part, reason):
            return "\(file): \(part): \(reason)"
        case let .cellOutsideHeader(file, row, cell, headerColumns):
            return "\(file): row \(row): cell \(cell) is right of the \(headerColumns) header columns; use --lenient to drop it"
        case let .invalidJSON(file, line, column, reason):
            return "\(file):\(line):\(column): \(reason)"
        case let .nestedJSONValue(file, line, key):
            return "\(file):\(line): field '\(key)' holds an array or object; only strings, numbers, booleans and null fit in a column (use --lenient to keep its JSON text)"
        case let .unknownEncoding(name):
            return "unknown encoding '\(name)'; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
