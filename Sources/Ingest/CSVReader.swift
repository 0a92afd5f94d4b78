/// One record of a delimited file: its fields and where it starts in the file.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line where the record starts (a quoted field may span lines).
    public var line: Int
    public var fields: [String]
}

/// A delimited table: header and records, plus what the lenient mode repaired.
public struct CSVTable: Sendable {
    public var delimiter: UInt8
    public var header: [String]
    public var records: [CSVRecord]
    /// Human-readable notes on what lenient parsing changed or skipped, with line numbers.
    public var warnings: [String]
}

/// RFC 4180 reader over UTF-8 bytes: delimiter sniffing (; , tab |), quoted fields with doubled
/// quotes and line breaks, CRLF/LF/CR line ends, NUL bytes removed.
///
/// Strict mode stops at the first malformed record with an error naming file, line and column.
/// Lenient mode keeps going: an unterminated quote is read as a literal character up to the end
/// of its line, text after a closing quote is kept, extra fields are dropped; each repair is
/// reported in `warnings`.
public struct CSVReader: Sendable {
    public var file: String
    public var strict: Bool
    /// Forced delimiter (nil = sniff from the header line).
    public var delimiter: UInt8?

    public init(file: String, strict: Bool = true, delimiter: UInt8? = nil) {
        self.file = file
        self.strict = strict
        self.delimiter = delimiter
    }

    /// Sniffs the delimiter from the first record: the most frequent of ; , tab | outside quotes
    /// (ties: ; then , then tab then |). A file with none is one column (delimiter ;).
    public static func sniffDelimiter(_ utf8: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
        var counts = [Int](repeating: 0, count: 4)
        var inQuotes = false
        for b in utf8 {
            if b == 0x22 { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == 0x0A || b == 0x0D { break }
            if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
        }
        var best = 0
        for k in 1..<4 where counts[k] > counts[best] { best = k }
        return candidates[best]
    }

    /// Parses the whole text.
    public func read(_ utf8: [UInt8]) throws -> CSVTable {
        let delimiter = self.delimiter ?? Self.sniffDelimiter(utf8)
        var parser = Parser(bytes: utf8, delimiter: delimiter, strict: strict, file: file)
        guard let header = try parser.nextRecord() else { throw IngestError.emptyFile(file: file) }
        var records: [CSVRecord] = []
        while let record = try parser.nextRecord() {
            // A blank line is not a record.
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }
            var fields = record.fields
            if fields.count > header.fields.count {
                let extra = fields[header.fields.count...]
                if extra.allSatisfy(\.isEmpty) {
                    fields.removeLast(extra.count) // trailing delimiters, as spreadsheets write them
                } else if strict {
                    throw IngestError.tooManyFields(file: file, line: record.line, expected: header.fields.count, found: fields.count)
                } else {
                    parser.warnings.append("\(file):\(record.line): \(fields.count) fields, header has \(header.fields.count); extra fields dropped")
                    fields.removeLast(extra.count)
                }
            }
            while fields.count < header.fields.count { fields.append("") }
            records.append(CSVRecord(line: record.line, fields: fields))
        }
        return CSVTable(delimiter: delimiter, header: header.fields.map(Self.trimmedHeader), records: records,
                        warnings: parser.warnings)
    }

    static func trimmedHeader(_ name: String) -> String {
        var scalars = Substring(name).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\u{FEFF}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

private struct Parser {
    let bytes: [UInt8]
    let delimiter: UInt8
    let strict: Bool
    let file: String
    var position = 0
    var line = 1
    var lineStart = 0
    var warnings: [String] = []

    init(bytes: [UInt8], delimiter: UInt8, strict: Bool, file: String) {
        self.bytes = bytes
        self.delimiter = delimiter
        self.strict = strict
        self.file = file
    }

    /// 1-based column (in characters) of byte offset `offset` on the current line.
    func column(of offset: Int, lineStart: Int) -> Int {
        var count = 1
        var i = lineStart
        while i < offset { if bytes[i] & 0xC0 != 0x80 { count += 1 }; i += 1 }
        return count
    }

    mutating func nextRecord() throws -> CSVRecord? {
        guard position < bytes.count else { return nil }
        let recordLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            // Start of a field.
            if position < bytes.count && bytes[position] == 0x22 {
                let quoteOffset = position
                let quoteLine = line, quoteLineStart = lineStart
                let savedWarnings = warnings.count
                if let end = try quotedField(into: &field) {
                    position = end
                } else {
                    // Unterminated: strict fails; lenient reads the quote as a literal up to the end of its line.
                    let column = column(of: quoteOffset, lineStart: quoteLineStart)
                    if strict { throw IngestError.unterminatedQuote(file: file, line: quoteLine, column: column) }
                    warnings.removeLast(warnings.count - savedWarnings)
                    warnings.append("\(file):\(quoteLine):\(column): quote never closed; read as a plain character up to the end of the line")
                    position = quoteOffset
                    line = quoteLine
                    lineStart = quoteLineStart
                    field.removeAll()
                    field.append(0x22)
                    position += 1
                    readUnquoted(into: &field)
                }
            } else {
                readUnquoted(into: &field)
            }
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            // After a field: delimiter, end of line or end of file.
            guard position < bytes.count else { break }
            let b = bytes[position]
            if b == delimiter { position += 1; continue }
            if b == 0x0D || b == 0x0A { consumeLineEnd(); break }
        }
        return CSVRecord(line: recordLine, fields: fields)
    }

    mutating func readUnquoted(into field: inout [UInt8]) {
        while position < bytes.count {
            let b = bytes[position]
            if b == delimiter || b == 0x0A || b == 0x0D { return }
            if b != 0 { field.append(b) }
            position += 1
        }
    }

    /// Reads a quoted field starting at `position` (on the opening quote). Returns the position
    /// after it, or nil when the file ends inside the quotes.
    mutating func quotedField(into field: inout [UInt8]) throws -> Int? {
        var i = position + 1
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x22 {
                if i + 1 < bytes.count && bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                i += 1
                // Closing quote: anything before the next delimiter or line end is stray text.
                if i < bytes.count && bytes[i] != delimiter && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    let column = column(of: i, lineStart: lineStart)
                    if strict { throw IngestError.textAfterClosingQuote(file: file, line: line, column: column) }
                    warnings.append("\(file):\(line):\(column): text after a closing quote kept in the field")
                    position = i
                    readUnquoted(into: &field)
                    return position
                }
                return i
            }
            if b == 0x0A || (b == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            if b != 0 { field.append(b) }
            i += 1
        }
        return nil
    }

    mutating func consumeLineEnd() {
        if bytes[position] == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A { position += 2 } else { position += 1 }
        line += 1
        lineStart = position
    }
}
