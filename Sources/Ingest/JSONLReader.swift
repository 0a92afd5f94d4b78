/// Reads JSON Lines (one JSON object per line, UTF-8) into a `CSVTable`.
///
/// - The header is the union of the keys in first-seen order; a record lacking a key has an empty
///   field there. `CSVRecord.line` is the 1-based physical line.
/// - Values: strings as they are (all escapes decoded, `\uD83D\uDE00` pairs joined), numbers as
///   their literal text (`1e3` stays `1e3`), `true`/`false`, null as an empty field.
/// - Blank lines are skipped; a UTF-8 BOM and CRLF line ends are accepted.
/// - Strict parsing (RFC 8259): a line that is not one object fails with file, line and column;
///   so does an array or object as a value, and a key twice in one object. Lenient mode skips a
///   bad line, keeps a nested value as its JSON text and the last of duplicate keys, and says so
///   in `warnings`. A lone surrogate escape reads as U+FFFD with a warning in both modes.
///
/// The result's `delimiter` is tab, the one to write it back with.
public struct JSONLReader: Sendable {
    public var file: String
    public var strict: Bool

    public init(file: String, strict: Bool = true) {
        self.file = file
        self.strict = strict
    }

    /// Parses the whole text.
    public func read(_ utf8: [UInt8]) throws -> CSVTable {
        var header: [String] = []
        var columns: [String: Int] = [:]
        var rows: [(line: Int, values: [(column: Int, value: String)])] = []
        var warnings: [String] = []
        var start = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < utf8.count {
            var end = start
            while end < utf8.count && utf8[end] != 0x0A { end += 1 }
            defer { start = end + 1; line += 1 }
            var parser = JSONParser(bytes: utf8, range: start..<end, file: file, line: line)
            guard !parser.isBlank else { continue }
            let object: [(key: String, value: JSONParser.Field)]
            do {
                object = try parser.parseLineObject()
            } catch let error as IngestError where !strict {
                warnings.append("\(error.description); line skipped")
                continue
            }
            warnings += parser.warnings
            var values: [(column: Int, value: String)] = []
            values.reserveCapacity(object.count)
            var seen: Set<String> = []
            for (key, field) in object {
                let text: String
                switch field {
                case let .scalar(s): text = s
                case let .nested(json):
                    if strict { throw IngestError.nestedJSONValue(file: file, line: line, key: key) }
                    warnings.append("\(file):\(line): field '\(key)' holds an array or object; kept as its JSON text")
                    text = json
                }
                if !seen.insert(key).inserted {
                    if strict {
                        throw IngestError.invalidJSON(file: file, line: line, column: parser.keyColumns[key] ?? 1,
                                                      reason: "key '\(key)' appears twice in the object")
                    }
                    warnings.append("\(file):\(line): key '\(key)' appears twice; the last value kept")
                }
                let column: Int
                if let c = columns[key] {
                    column = c
                } else {
                    column = header.count
                    columns[key] = column
                    header.append(key)
                }
                values.append((column, text))
            }
            rows.append((line, values))
        }
        guard !rows.isEmpty else { throw IngestError.emptyFile(file: file) }
        var records: [CSVRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows {
            var fields = [String](repeating: "", count: header.count)
            for (column, value) in row.values { fields[column] = value }
            records.append(CSVRecord(line: row.line, fields: fields))
        }
        return CSVTable(delimiter: 0x09, header: header, records: records, warnings: warnings)
    }
}

/// A strict JSON parser over one line of UTF-8 bytes. The top level must be an object whose values
/// are read as table fields; nested values are validated and kept as their source text.
struct JSONParser {
    enum Field: Equatable {
        case scalar(String)
        /// An array or object: its JSON text as written.
        case nested(String)
    }

    /// Deeper nesting is an error, so that recursion stays bounded.
    static let maxDepth = 512

    let bytes: [UInt8]
    let end: Int
    let lineStart: Int
    let file: String
    let line: Int
    var position: Int
    var warnings: [String] = []
    /// Column of the first occurrence of each key (for the duplicate-key error).
    var keyColumns: [String: Int] = [:]
    private var buffer: [UInt8] = []

    init(bytes: [UInt8], range: Range<Int>, file: String, line: Int) {
        self.bytes = bytes
        self.end = range.upperBound
        self.lineStart = range.lowerBound
        self.position = range.lowerBound
        self.file = file
        self.line = line
    }

    /// True when the line holds only JSON whitespace (a CR of CRLF included).
    var isBlank: Bool {
        var i = position
        while i < end { if !Self.isSpace(bytes[i]) { return false }; i += 1 }
        return true
    }

    mutating func parseLineObject() throws -> [(key: String, value: Field)] {
        skipSpaces()
        guard position < end, bytes[position] == 0x7B else {
            throw error("expected a JSON object ('{') starting the line, found \(describeHere())")
        }
        let object = try parseObjectFields()
        skipSpaces()
        guard position == end else { throw error("text after the end of the object: \(describeHere())") }
        return object
    }

    // MARK: Values

    /// The top-level object, on its '{'.
    private mutating func parseObjectFields() throws -> [(key: String, value: Field)] {
        position += 1
        var fields: [(key: String, value: Field)] = []
        skipSpaces()
        if peek() == 0x7D { position += 1; return fields }
        while true {
            skipSpaces()
            guard peek() == 0x22 else { throw error("expected a key in double quotes, found \(describeHere())") }
            let keyColumn = column(of: position)
            let key = try parseString()
            if keyColumns[key] == nil { keyColumns[key] = keyColumn }
            skipSpaces()
            guard peek() == 0x3A else { throw error("expected ':' after key '\(key)', found \(describeHere())") }
            position += 1
            skipSpaces()
            let value: Field
            switch peek() {
            case 0x7B, 0x5B:
                let start = position
                try skipValue(depth: 1)
                value = .nested(String(decoding: bytes[start..<position], as: UTF8.self))
            default:
                value = .scalar(try parseScalar())
            }
            fields.append((key, value))
            skipSpaces()
            switch peek() {
            case 0x2C: position += 1
            case 0x7D: position += 1; return fields
            default: throw error("expected ',' or '}' after the value of '\(key)', found \(describeHere())")
            }
        }
    }

    /// A string, number, true, false or null, as field text.
    private mutating func parseScalar() throws -> String {
        switch peek() ?? 0 {
        case 0x22: return try parseString()
        case 0x2D, 0x30...0x39: return try parseNumber()
        case 0x74: try literal("true"); return "true"
        case 0x66: try literal("false"); return "false"
        case 0x6E: try literal("null"); return ""
        default: throw error("expected a value, found \(describeHere())")
        }
    }

    /// Validates any value and moves past it (nested arrays and objects).
    private mutating func skipValue(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        switch peek() {
        case 0x7B:
            position += 1
            skipSpaces()
            if peek() == 0x7D { position += 1; return }
            while true {
                skipSpaces()
                guard peek() == 0x22 else { throw error("expected a key in double quotes, found \(describeHere())") }
                _ = try parseString()
                skipSpaces()
                guard peek() == 0x3A else { throw error("expected ':' after a key, found \(describeHere())") }
                position += 1
                skipSpaces()
                try skipValue(depth: depth + 1)
                skipSpaces()
                switch peek() {
                case 0x2C: position += 1
                case 0x7D: position += 1; return
                default: throw error("expected ',' or '}' in an object, found \(describeHere())")
                }
            }
        case 0x5B:
            position += 1
            skipSpaces()
            if peek() == 0x5D { position += 1; return }
            while true {
                skipSpaces()
                try skipValue(depth: depth + 1)
                skipSpaces()
                switch peek() {
                case 0x2C: position += 1
                case 0x5D: position += 1; return
                default: throw error("expected ',' or ']' in an array, found \(describeHere())")
                }
            }
        default:
            _ = try parseScalar()
        }
    }

    /// A string, on its opening quote.
    private mutating func parseString() throws -> String {
        let open = position
        position += 1
        buffer.removeAll(keepingCapacity: true)
        while true {
            // Fast path: plain bytes up to a quote, backslash or control character.
            let runStart = position
            while position < end, bytes[position] != 0x22, bytes[position] != 0x5C, bytes[position] >= 0x20 { position += 1 }
            buffer.append(contentsOf: bytes[runStart..<position])
            guard position < end else { throw error(at: open, "string is never closed") }
            let b = bytes[position]
            if b == 0x22 { position += 1; return String(decoding: buffer, as: UTF8.self) }
            if b < 0x20 { throw error("control character U+\(Self.hex(UInt32(b))) inside a string (write it as an escape)") }
            // Backslash.
            let escape = position
            guard position + 1 < end else { throw error(at: open, "string is never closed") }
            position += 2
            switch bytes[escape + 1] {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x2F: buffer.append(0x2F)
            case 0x62: buffer.append(0x08)
            case 0x66: buffer.append(0x0C)
            case 0x6E: buffer.append(0x0A)
            case 0x72: buffer.append(0x0D)
            case 0x74: buffer.append(0x09)
            case 0x75:
                guard var scalar = hex4(at: escape) else { throw error(at: escape, "\\u needs four hex digits") }
                position = escape + 6
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    if let low = hex4(at: position), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    } else {
                        warnings.append("\(file):\(line):\(column(of: escape)): lone surrogate \\u\(Self.hex(scalar)) read as U+FFFD")
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    warnings.append("\(file):\(line):\(column(of: escape)): lone surrogate \\u\(Self.hex(scalar)) read as U+FFFD")
                    scalar = 0xFFFD
                }
                TextDecoder.appendScalar(scalar, to: &buffer)
            default:
                throw error(at: escape, "invalid escape '\\\(Self.describe(bytes[escape + 1]))' in a string")
            }
        }
    }

    /// The value of the `\uXXXX` escape at `offset` (on its backslash), nil when there is none.
    private func hex4(at offset: Int) -> UInt32? {
        guard offset + 6 <= end, bytes[offset] == 0x5C, bytes[offset + 1] == 0x75 else { return nil }
        var v: UInt32 = 0
        for k in (offset + 2)..<(offset + 6) {
            guard let d = XMLScanner.digitValue(bytes[k]) else { return nil }
            v = v << 4 | d
        }
        return v
    }

    /// A number, kept as written once its grammar is checked: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func parseNumber() throws -> String {
        let start = position
        func digits() -> Int {
            let s = position
            while position < end && bytes[position] >= 0x30 && bytes[position] <= 0x39 { position += 1 }
            return position - s
        }
        if peek() == 0x2D { position += 1 }
        if peek() == 0x30 {
            position += 1
            if let b = peek(), b >= 0x30 && b <= 0x39 { throw error("a number cannot start with 0 followed by digits") }
        } else if digits() == 0 {
            throw error("expected digits in a number, found \(describeHere())")
        }
        if peek() == 0x2E {
            position += 1
            guard digits() > 0 else { throw error("expected digits after the decimal point, found \(describeHere())") }
        }
        if peek() == 0x65 || peek() == 0x45 {
            position += 1
            if peek() == 0x2B || peek() == 0x2D { position += 1 }
            guard digits() > 0 else { throw error("expected digits in the exponent, found \(describeHere())") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func literal(_ word: StaticString) throws {
        let ok = word.withUTF8Buffer { w in
            position + w.count <= end && (0..<w.count).allSatisfy { bytes[position + $0] == w[$0] }
        }
        guard ok else { throw error("expected \(word), found \(describeHere())") }
        position += word.utf8CodeUnitCount
    }

    // MARK: Helpers

    private func peek() -> UInt8? { position < end ? bytes[position] : nil }

    private mutating func skipSpaces() { while position < end && Self.isSpace(bytes[position]) { position += 1 } }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// 1-based column in characters of byte `offset` on the line.
    func column(of offset: Int) -> Int {
        var count = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// What is at the current position, for messages: the end of the line or the character there.
    private func describeHere() -> String {
        guard position < end else { return "the end of the line" }
        if bytes[position] == 0x0D && position + 1 == end { return "the end of the line" }
        var n = TextDecoder.validSequenceLength(bytes, position)
        if n == 0 { n = 1 }
        return "'" + String(decoding: bytes[position..<min(position + n, end)], as: UTF8.self) + "'"
    }

    private static func describe(_ b: UInt8) -> String { b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "U+" + hex(UInt32(b)) }

    static func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private func error(_ message: String) -> IngestError { error(at: position, message) }

    private func error(at offset: Int, _ message: String) -> IngestError {
        .invalidJSON(file: file, line: line, column: column(of: min(offset, end)), reason: message)
    }
}
