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
        case let .unknownEncoding(name):
            return "unknown encoding '\(name)'; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }
}
