/// Escaping for the CLI's text formats.
public enum TextOutput {
    /// A JSON string literal (with quotes) for `text`.
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// A plain-text table: columns padded to their widest cell (in characters), two spaces apart;
    /// the columns in `rightAligned` (numbers) are aligned right.
    public static func table(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.indices.map { c in
                let gap = String(repeating: " ", count: widths[c] - row[c].count)
                return rightAligned.contains(c) ? gap + row[c] : (c == row.count - 1 ? row[c] : row[c] + gap)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A TSV cell: tabs, newlines, carriage returns and backslashes escaped as \t \n \r \\.
    public static func tsvCell(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// CSV cells that Excel opens safely.
public struct CSVCells: Sendable {
    public var delimiter: Character
    /// Prefix cells that Excel would run as formulas (on for exports, off for generated test data).
    public var neutralizeFormulas: Bool

    public init(delimiter: Character = ",", neutralizeFormulas: Bool = true) {
        self.delimiter = delimiter
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// One cell: a leading = + - @ (or tab/CR) is neutralised with a `'` so Excel never runs it as
    /// a formula; quoted when it holds the delimiter, a quote or a line break.
    public func cell(_ text: String) -> String {
        var value = text
        if neutralizeFormulas, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return value
        }
        var out = "\""
        for ch in value { if ch == "\"" { out += "\"\"" } else { out.append(ch) } }
        return out + "\""
    }

    /// A record: cells joined by the delimiter, ended by CRLF (RFC 4180).
    public func row(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: String(delimiter)) + "\r\n"
    }

    /// The UTF-8 byte order mark Excel needs to read UTF-8.
    public static let byteOrderMark = "\u{FEFF}"
}
