/// The table formats `TableFile` reads.
public enum TableFormat: String, Sendable, CaseIterable {
    case csv, tsv, xlsx, jsonl
}

/// How to read a table file; every option has a default that detects or sniffs.
public struct TableFileOptions: Sendable {
    /// Forced format (nil = from the extension, else from the content).
    public var format: TableFormat?
    /// Sheet of a workbook, by name (nil = the first visible worksheet). XLSX only.
    public var sheet: String?
    /// Forced text encoding (nil = detected). CSV, TSV and JSONL.
    public var encoding: TextEncoding?
    /// Forced delimiter (nil = sniffed). CSV only; TSV is always tab.
    public var delimiter: UInt8?
    /// Stop at the first malformed record (true), or repair, skip and warn (false).
    public var strict: Bool

    public init(format: TableFormat? = nil, sheet: String? = nil, encoding: TextEncoding? = nil,
                delimiter: UInt8? = nil, strict: Bool = true) {
        self.format = format
        self.sheet = sheet
        self.encoding = encoding
        self.delimiter = delimiter
        self.strict = strict
    }
}

/// One entry point for every table format: picks the format, then the reader.
public enum TableFile {
    /// Reads `bytes` (the content of `file`, a name used for the format and in messages) as a table.
    /// The warnings of the decoder and of the reader are in the result's `warnings`, and so are
    /// options that do not apply to the format (a sheet for a CSV file…).
    public static func read(file: String, bytes: [UInt8], options: TableFileOptions = .init()) throws -> CSVTable {
        let format = options.format ?? detectFormat(file: file, bytes: bytes)
        var warnings = ignoredOptions(options, format: format, file: file)
        var table: CSVTable
        switch format {
        case .xlsx:
            table = try XLSXReader(file: file, sheet: options.sheet, strict: options.strict).read(bytes)
        case .jsonl:
            let decoded = TextDecoder.decode(bytes, encoding: options.encoding)
            warnings += decoderWarnings(decoded, file: file)
            table = try JSONLReader(file: file, strict: options.strict).read(decoded.utf8)
        case .csv, .tsv:
            let decoded = TextDecoder.decode(bytes, encoding: options.encoding)
            warnings += decoderWarnings(decoded, file: file)
            let delimiter = format == .tsv ? 0x09 : options.delimiter
            table = try CSVReader(file: file, strict: options.strict, delimiter: delimiter).read(decoded.utf8)
        }
        table.warnings = warnings + table.warnings
        return table
    }

    /// The format by extension (`.xlsx`; `.jsonl`, `.ndjson`; `.tsv`; `.csv`, `.txt`, any case),
    /// else by content: a ZIP signature is XLSX, a first non-blank `{` is JSONL, anything else CSV.
    public static func detectFormat(file: String, bytes: [UInt8]) -> TableFormat {
        let name = file.split(separator: "/").last ?? ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            switch name[name.index(after: dot)...].lowercased() {
            case "xlsx": return .xlsx
            case "jsonl", "ndjson": return .jsonl
            case "tsv": return .tsv
            case "csv", "txt": return .csv
            default: break
            }
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count && JSONParser.isSpace(bytes[i]) { i += 1 }
        return i < bytes.count && bytes[i] == 0x7B ? .jsonl : .csv
    }

    static func decoderWarnings(_ decoded: DecodedText, file: String) -> [String] {
        guard decoded.repairs > 0 else { return [] }
        if decoded.encoding == .mixed {
            return ["\(file): \(decoded.repairs) bytes that are not UTF-8 read as Windows-1252 (mixed encodings)"]
        }
        return ["\(file): \(decoded.repairs) invalid \(decoded.encoding.rawValue) sequences replaced by U+FFFD"]
    }

    static func ignoredOptions(_ options: TableFileOptions, format: TableFormat, file: String) -> [String] {
        var ignored: [String] = []
        if let sheet = options.sheet, format != .xlsx { ignored.append("sheet '\(sheet)'") }
        if let encoding = options.encoding, format == .xlsx { ignored.append("encoding \(encoding.rawValue)") }
        if let delimiter = options.delimiter, format != .csv {
            ignored.append("delimiter '\(String(decoding: [delimiter], as: UTF8.self))'")
        }
        return ignored.map { "\(file): \($0) ignored: the file is read as \(format.rawValue)" }
    }
}
