/// Reads one sheet of an Excel workbook (.xlsx, Office Open XML) into a `CSVTable`.
///
/// - The first non-empty row is the header (names trimmed as `CSVReader` trims them); each later
///   non-empty row is a record whose `line` is its spreadsheet row number (1-based). Empty rows
///   are skipped; a header wider than a row pads it with empty fields.
/// - Cells are placed by their reference (`C7` → third column), so skipped cells are empty fields;
///   a cell without a reference follows the previous one.
/// - Values: shared and inline strings (rich-text runs concatenated, phonetic runs left out,
///   `_x000D_` escapes decoded); numbers and dates exactly as stored (`42`, `3.5`, `45292`: no
///   number formats are applied); booleans as `TRUE`/`FALSE`; errors as stored (`#N/A`); formulas
///   as their cached result. Whitespace inside `<t>` is kept whether or not `xml:space` says so.
/// - The sheet is the one named `sheet` (exact name, else the same name ignoring case), or by
///   default the first visible worksheet; skipping hidden sheets is reported in `warnings`.
/// - Strict mode fails on a non-empty cell right of the last header column; lenient mode drops it
///   with a warning.
///
/// The result's `delimiter` is tab, the one to write it back with.
public struct XLSXReader: Sendable {
    public var file: String
    /// Sheet to read by name (nil = the first visible worksheet).
    public var sheet: String?
    public var strict: Bool

    public init(file: String, sheet: String? = nil, strict: Bool = true) {
        self.file = file
        self.sheet = sheet
        self.strict = strict
    }

    /// The names of the workbook's sheets, in tab order.
    public func sheetNames(_ bytes: [UInt8]) throws -> [String] {
        try Workbook(file: file, zip: ZipArchive(file: file, bytes: bytes)).sheets.map(\.name)
    }

    /// Reads the selected sheet.
    public func read(_ bytes: [UInt8]) throws -> CSVTable {
        let zip = try ZipArchive(file: file, bytes: bytes)
        let workbook = try Workbook(file: file, zip: zip)
        var warnings: [String] = []
        let chosen = try choose(from: workbook, warnings: &warnings)
        let sharedStrings = try workbook.sharedStringsPath.flatMap { path in
            try zip.contents(ofEntryNamed: path).map { try SharedStrings.parse($0, file: file, part: path) }
        } ?? []
        guard let sheetBytes = try zip.contents(ofEntryNamed: chosen.path) else {
            throw IngestError.missingWorkbookPart(file: file, part: chosen.path)
        }
        var parser = SheetParser(file: file, part: chosen.path, sharedStrings: sharedStrings)
        let rows = try parser.parse(sheetBytes)
        if parser.formulasWithoutValue > 0 {
            warnings.append("\(file): sheet '\(chosen.name)': \(parser.formulasWithoutValue) formula cells have no saved result (the file was never recalculated); they read as empty")
        }
        return try table(from: rows, warnings: warnings)
    }

    func choose(from workbook: Workbook, warnings: inout [String]) throws -> Workbook.Sheet {
        if let name = sheet {
            if let s = workbook.sheets.first(where: { $0.name == name }) { return s }
            let key = name.lowercased()
            if let s = workbook.sheets.first(where: { $0.name.lowercased() == key }) { return s }
            throw IngestError.missingSheet(file: file, name: name, available: workbook.sheets.map(\.name))
        }
        let worksheets = workbook.sheets.filter(\.isWorksheet)
        guard let first = worksheets.first(where: { !$0.isHidden }) ?? worksheets.first else {
            throw IngestError.invalidWorkbook(file: file, part: workbook.path, reason: "the workbook has no worksheet")
        }
        let skipped = worksheets.prefix { $0.name != first.name }.filter(\.isHidden).map { "'\($0.name)'" }
        if !skipped.isEmpty {
            warnings.append("\(file): hidden sheet \(skipped.joined(separator: ", ")) skipped; read sheet '\(first.name)'")
        }
        return first
    }

    func table(from rows: [SheetParser.Row], warnings: [String]) throws -> CSVTable {
        var warnings = warnings
        guard let headerIndex = rows.firstIndex(where: { $0.cells.contains { !$0.isEmpty } }) else {
            throw IngestError.emptyFile(file: file)
        }
        let headerRow = rows[headerIndex]
        let width = (headerRow.cells.lastIndex { !$0.isEmpty } ?? 0) + 1
        let header = headerRow.cells.prefix(width).map(CSVReader.trimmedHeader)
        var records: [CSVRecord] = []
        records.reserveCapacity(rows.count - headerIndex)
        for row in rows[(headerIndex + 1)...] {
            guard row.cells.contains(where: { !$0.isEmpty }) else { continue }
            var fields = row.cells
            if fields.count > width {
                if let outside = fields[width...].firstIndex(where: { !$0.isEmpty }) {
                    let cell = "\(SheetParser.columnName(outside))\(row.number)"
                    if strict { throw IngestError.cellOutsideHeader(file: file, row: row.number, cell: cell, headerColumns: width) }
                    warnings.append("\(file): row \(row.number): cell \(cell) is right of the \(width) header columns; dropped")
                }
                fields.removeLast(fields.count - width)
            }
            while fields.count < width { fields.append("") }
            records.append(CSVRecord(line: row.number, fields: fields))
        }
        return CSVTable(delimiter: 0x09, header: header, records: records, warnings: warnings)
    }
}

// MARK: - Workbook structure

/// The workbook part, its sheets and where their XML lives in the archive.
struct Workbook {
    struct Sheet {
        var name: String
        /// Path of the sheet's XML in the archive, e.g. `xl/worksheets/sheet1.xml`.
        var path: String
        var isHidden: Bool
        /// False for chart sheets and dialog sheets, which hold no cells.
        var isWorksheet: Bool
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// Path of the workbook part, usually `xl/workbook.xml`.
    var path: String
    var sheets: [Sheet]
    var sharedStringsPath: String?

    init(file: String, zip: ZipArchive) throws {
        // The package relationships name the workbook part; xl/workbook.xml when they are missing.
        var path = "xl/workbook.xml"
        if let rootRels = try zip.contents(ofEntryNamed: "_rels/.rels") {
            let rels = try Self.relationships(rootRels, file: file, part: "_rels/.rels", baseDirectory: "")
            if let office = rels.first(where: { $0.type.hasSuffix("/officeDocument") }) { path = office.target }
        }
        guard let workbookBytes = try zip.contents(ofEntryNamed: path) else {
            throw IngestError.missingWorkbookPart(file: file, part: path)
        }
        let directory = Self.directory(of: path)
        let relsPath = directory + "_rels/" + path.dropFirst(directory.count) + ".rels"
        guard let relsBytes = try zip.contents(ofEntryNamed: relsPath) else {
            throw IngestError.missingWorkbookPart(file: file, part: relsPath)
        }
        let rels = try Self.relationships(relsBytes, file: file, part: relsPath, baseDirectory: directory)
        self.path = path
        self.sharedStringsPath = rels.first { $0.type.hasSuffix("/sharedStrings") }?.target

        var sheets: [Sheet] = []
        var xml = XMLScanner(bytes: workbookBytes, file: file, part: path)
        var inSheets = false
        while let token = try xml.next() {
            guard case let .tag(tag) = token else { continue }
            if xml.isNamed(tag, "sheets") { inSheets = tag.kind == .start; continue }
            guard inSheets, tag.kind != .end, xml.isNamed(tag, "sheet") else { continue }
            let name = xml.attribute(tag, "name") ?? ""
            guard let id = xml.attribute(tag, "id", prefixed: true) else {
                throw IngestError.invalidWorkbook(file: file, part: path, reason: "sheet '\(name)' has no r:id attribute")
            }
            guard let rel = rels.first(where: { $0.id == id }) else {
                throw IngestError.invalidWorkbook(file: file, part: path,
                                                  reason: "sheet '\(name)' points to relationship '\(id)', which \(relsPath) does not define")
            }
            let state = xml.attribute(tag, "state")
            sheets.append(Sheet(name: name, path: rel.target, isHidden: state == "hidden" || state == "veryHidden",
                                isWorksheet: rel.type.hasSuffix("/worksheet")))
        }
        self.sheets = sheets
    }

    /// The relationships of a `.rels` part, targets resolved to archive paths; external targets are left out.
    static func relationships(_ bytes: [UInt8], file: String, part: String, baseDirectory: String) throws -> [Relationship] {
        var xml = XMLScanner(bytes: bytes, file: file, part: part)
        var rels: [Relationship] = []
        while let token = try xml.next() {
            guard case let .tag(tag) = token, tag.kind != .end, xml.isNamed(tag, "Relationship") else { continue }
            guard xml.attribute(tag, "TargetMode") != "External",
                  let id = xml.attribute(tag, "Id"), let target = xml.attribute(tag, "Target") else { continue }
            rels.append(Relationship(id: id, type: xml.attribute(tag, "Type") ?? "", target: resolve(target, in: baseDirectory)))
        }
        return rels
    }

    /// `dir/` of `dir/name` ("" for a name at the root).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Resolves a relationship target: absolute (`/xl/x.xml`) from the root, else relative to
    /// `directory`; `.` and `..` segments are folded.
    static func resolve(_ target: String, in directory: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : directory + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !segments.isEmpty { segments.removeLast() }; continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }
}

/// The shared-string table (`xl/sharedStrings.xml`): one string per `<si>`, the text of its
/// `<t>` elements concatenated (rich-text runs), phonetic runs (`<rPh>`) left out.
enum SharedStrings {
    static func parse(_ bytes: [UInt8], file: String, part: String) throws -> [String] {
        var xml = XMLScanner(bytes: bytes, file: file, part: part)
        var strings: [String] = []
        var text: [UInt8] = []
        var inItem = false, inText = false, phoneticDepth = 0
        while let token = try xml.next() {
            switch token {
            case let .tag(tag):
                if xml.isNamed(tag, "si") {
                    switch tag.kind {
                    case .start: inItem = true; text.removeAll(keepingCapacity: true)
                    case .end: inItem = false; strings.append(XMLScanner.unescapedString(text))
                    case .empty: strings.append("")
                    }
                } else if xml.isNamed(tag, "rPh") {
                    if tag.kind == .start { phoneticDepth += 1 } else if tag.kind == .end { phoneticDepth -= 1 }
                } else if xml.isNamed(tag, "t") {
                    inText = tag.kind == .start && inItem && phoneticDepth == 0
                }
            case let .text(range):
                if inText { xml.appendDecoded(range, to: &text) }
            case let .cdata(range):
                if inText { text.append(contentsOf: xml.bytes[range]) }
            }
        }
        return strings
    }
}

// MARK: - Sheet data

/// Reads the rows of a worksheet part (`<sheetData>`): cells placed by column, values resolved.
struct SheetParser {
    struct Row {
        /// 1-based spreadsheet row number.
        var number: Int
        var cells: [String]
    }

    /// The `t` attribute of a cell.
    enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, other
    }

    /// Excel's limit; a reference beyond it is an error rather than a gigantic row.
    static let maxColumns = 16_384

    let file: String
    let part: String
    let sharedStrings: [String]
    /// Formula cells without a cached result (files written by libraries that do not compute).
    var formulasWithoutValue = 0

    init(file: String, part: String, sharedStrings: [String]) {
        self.file = file
        self.part = part
        self.sharedStrings = sharedStrings
    }

    /// The cell being read.
    private struct Cell {
        var column = -1
        var type = CellType.number
        var value: [UInt8] = []
        var inline: [UInt8] = []
        var hasValue = false, hasInline = false, hasFormula = false
        var inInlineString = false
        var phoneticDepth = 0
        var reading = Reading.nothing

        enum Reading { case nothing, value, inlineText }
    }

    mutating func parse(_ bytes: [UInt8]) throws -> [Row] {
        var xml = XMLScanner(bytes: bytes, file: file, part: part)
        var rows: [Row] = []
        var inSheetData = false
        var row = Row(number: 0, cells: [])
        var rowNumbered = false  // the row's number came from its r attribute or a cell reference
        var cell = Cell()
        cell.value.reserveCapacity(64)
        cell.inline.reserveCapacity(64)

        while let token = try xml.next() {
            switch token {
            case let .text(range):
                switch cell.reading {
                case .value: xml.appendDecoded(range, to: &cell.value)
                case .inlineText: xml.appendDecoded(range, to: &cell.inline)
                case .nothing: break
                }
            case let .cdata(range):
                switch cell.reading {
                case .value: cell.value.append(contentsOf: xml.bytes[range])
                case .inlineText: cell.inline.append(contentsOf: xml.bytes[range])
                case .nothing: break
                }
            case let .tag(tag):
                if !inSheetData {
                    if tag.kind == .start && xml.isNamed(tag, "sheetData") { inSheetData = true }
                    continue
                }
                if xml.isNamed(tag, "c") {
                    if tag.kind == .end {
                        try place(cell, in: &row)
                        cell.reading = .nothing
                        continue
                    }
                    // A new cell: its column from the reference, else the one after the previous.
                    let next = cell.column + 1
                    cell.value.removeAll(keepingCapacity: true)
                    cell.inline.removeAll(keepingCapacity: true)
                    cell.hasValue = false; cell.hasInline = false; cell.hasFormula = false
                    cell.inInlineString = false; cell.phoneticDepth = 0; cell.reading = .nothing
                    if let ref = xml.attributeRange(tag, "r") {
                        let (column, refRow) = try parseReference(xml.bytes[ref], row: row.number)
                        cell.column = column
                        if !rowNumbered, let refRow { row.number = refRow; rowNumbered = true }
                    } else {
                        cell.column = next
                    }
                    guard cell.column < Self.maxColumns else {
                        throw IngestError.invalidWorkbook(file: file, part: part, reason: "row \(row.number): more than \(Self.maxColumns) columns")
                    }
                    cell.type = cellType(xml, tag)
                    if tag.kind == .empty { try place(cell, in: &row) }
                } else if xml.isNamed(tag, "v") {
                    if tag.kind != .end { cell.hasValue = true }
                    cell.reading = tag.kind == .start ? .value : .nothing
                } else if xml.isNamed(tag, "f") {
                    cell.hasFormula = true
                } else if xml.isNamed(tag, "is") {
                    cell.inInlineString = tag.kind == .start
                    if tag.kind != .end { cell.hasInline = true }
                } else if xml.isNamed(tag, "rPh") {
                    if tag.kind == .start { cell.phoneticDepth += 1 } else if tag.kind == .end { cell.phoneticDepth -= 1 }
                } else if xml.isNamed(tag, "t") {
                    cell.reading = tag.kind == .start && cell.inInlineString && cell.phoneticDepth == 0 ? .inlineText : .nothing
                } else if xml.isNamed(tag, "row") {
                    if tag.kind == .end { rows.append(row); continue }
                    let previous = rows.last?.number ?? 0
                    row = Row(number: previous + 1, cells: [])
                    rowNumbered = false
                    cell.column = -1
                    if let r = xml.attribute(tag, "r") {
                        guard let n = Int(r), n > 0 else {
                            throw IngestError.invalidWorkbook(file: file, part: part, reason: "row after row \(previous): row number '\(r)' is not a positive integer")
                        }
                        row.number = n
                        rowNumbered = true
                    }
                    if tag.kind == .empty { rows.append(row) }
                } else if tag.kind == .end && xml.isNamed(tag, "sheetData") {
                    inSheetData = false
                }
            }
        }
        return rows
    }

    private func cellType(_ xml: XMLScanner, _ tag: XMLTag) -> CellType {
        guard let t = xml.attributeRange(tag, "t") else { return .number }
        if xml.bytes(in: t, equal: "s") { return .sharedString }
        if xml.bytes(in: t, equal: "inlineStr") { return .inlineString }
        if xml.bytes(in: t, equal: "str") { return .formulaString }
        if xml.bytes(in: t, equal: "b") { return .boolean }
        if xml.bytes(in: t, equal: "n") { return .number }
        return .other  // e (error), d (ISO date): as stored
    }

    /// Resolves a cell's value by its type and stores it in its column.
    private mutating func place(_ cell: Cell, in row: inout Row) throws {
        let value = cell.hasValue ? cell.value : nil
        let text: String
        switch cell.type {
        case .sharedString:
            guard let value, !value.isEmpty else { text = ""; break }
            let ref = "\(Self.columnName(cell.column))\(row.number)"
            guard let index = Self.parseIndex(value) else {
                throw IngestError.invalidWorkbook(file: file, part: part,
                                                  reason: "cell \(ref): shared string index '\(String(decoding: value, as: UTF8.self))' is not a number")
            }
            guard index < sharedStrings.count else {
                throw IngestError.invalidWorkbook(file: file, part: part,
                                                  reason: "cell \(ref): shared string \(index) does not exist (the table has \(sharedStrings.count))")
            }
            text = sharedStrings[index]
        case .inlineString:
            text = XMLScanner.unescapedString(cell.hasInline ? cell.inline : value ?? [])
        case .formulaString:
            text = XMLScanner.unescapedString(value ?? [])
        case .boolean:
            text = value == [0x31] ? "TRUE" : value == [0x30] ? "FALSE" : String(decoding: value ?? [], as: UTF8.self)
        case .number, .other:
            text = String(decoding: value ?? [], as: UTF8.self)
        }
        if cell.hasFormula && !cell.hasValue && !cell.hasInline { formulasWithoutValue += 1 }
        if cell.column >= row.cells.count {
            if text.isEmpty { return }
            row.cells.append(contentsOf: repeatElement("", count: cell.column - row.cells.count + 1))
        }
        row.cells[cell.column] = text
    }

    /// A non-negative decimal integer, surrounding XML spaces allowed.
    static func parseIndex(_ bytes: [UInt8]) -> Int? {
        var value = 0, digits = 0
        for b in bytes {
            if XMLScanner.isSpace(b) { if digits > 0 { break } else { continue } }
            guard b >= 0x30 && b <= 0x39, value < Int.max / 10 - 10 else { return nil }
            value = value * 10 + Int(b - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// Column index (0-based) and row number of a reference such as `AB12`.
    func parseReference(_ ref: ArraySlice<UInt8>, row: Int) throws -> (column: Int, row: Int?) {
        var column = 0
        var i = ref.startIndex
        while i < ref.endIndex {
            var b = ref[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { break }
            column = column * 26 + Int(b - 0x40)
            guard column <= Self.maxColumns else {
                throw IngestError.invalidWorkbook(file: file, part: part, reason: "row \(row): cell '\(String(decoding: ref, as: UTF8.self))' is beyond column XFD, Excel's last")
            }
            i += 1
        }
        guard column > 0 else {
            throw IngestError.invalidWorkbook(file: file, part: part, reason: "row \(row): cell reference '\(String(decoding: ref, as: UTF8.self))' has no column letters")
        }
        var number = 0
        for b in ref[i...] {
            guard b >= 0x30 && b <= 0x39, number < 10_000_000 else { return (column - 1, nil) }
            number = number * 10 + Int(b - 0x30)
        }
        return (column - 1, number > 0 ? number : nil)
    }

    /// Letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var letters: [UInt8] = []
        while n > 0 {
            n -= 1
            letters.append(UInt8(0x41 + n % 26))
            n /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }
}

// MARK: - XML scanning

/// A start, end or empty-element tag found by `XMLScanner`.
struct XMLTag {
    enum Kind { case start, end, empty }
    var kind: Kind
    /// Byte range of the local name (after any `prefix:`).
    var name: Range<Int>
    /// Byte range of the attributes, between the name and `>` or `/>`.
    var attributes: Range<Int>
}

/// A pull scanner over the bytes of an XML document, enough for the parts of a workbook: tags
/// with attributes, text, CDATA; comments, processing instructions and DOCTYPE are skipped.
/// It checks only what it needs (tags are closed, quotes too); names are matched by their local
/// part so that prefixed documents (`<x:c>`) read the same.
struct XMLScanner {
    enum Token {
        case tag(XMLTag)
        /// Raw character data: entities not yet decoded (see `appendDecoded`).
        case text(Range<Int>)
        case cdata(Range<Int>)
    }

    let bytes: [UInt8]
    let file: String
    let part: String
    var position = 0

    init(bytes: [UInt8], file: String, part: String) {
        self.bytes = bytes
        self.file = file
        self.part = part
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() throws -> Token? {
        while position < bytes.count {
            let start = position
            guard bytes[position] == 0x3C else { // text up to the next '<'
                while position < bytes.count && bytes[position] != 0x3C { position += 1 }
                return .text(start..<position)
            }
            if has("<!--", at: start) {
                position = try end(of: "-->", from: start + 4, what: "comment")
                continue
            }
            if has("<![CDATA[", at: start) {
                position = try end(of: "]]>", from: start + 9, what: "CDATA section")
                return .cdata((start + 9)..<(position - 3))
            }
            if has("<?", at: start) {
                position = try end(of: "?>", from: start + 2, what: "processing instruction")
                continue
            }
            if has("<!", at: start) { // DOCTYPE, with an optional [internal subset]
                var depth = 0, i = start + 2
                while i < bytes.count && !(bytes[i] == 0x3E && depth == 0) {
                    if bytes[i] == 0x5B { depth += 1 } else if bytes[i] == 0x5D { depth -= 1 }
                    i += 1
                }
                guard i < bytes.count else { throw error(at: start, "declaration is never closed") }
                position = i + 1
                continue
            }
            return .tag(try tag(at: start))
        }
        return nil
    }

    /// The tag starting at `start` (on its `<`); moves past its `>`.
    private mutating func tag(at start: Int) throws -> XMLTag {
        var i = start + 1
        let isEnd = i < bytes.count && bytes[i] == 0x2F
        if isEnd { i += 1 }
        var nameStart = i
        while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != 0x3E, bytes[i] != 0x2F {
            if bytes[i] == 0x3A { nameStart = i + 1 } // prefix:
            i += 1
        }
        let name = nameStart..<i
        guard !name.isEmpty else { throw error(at: start, "a '<' that starts no tag (write it as &lt;)") }
        let attributesStart = i
        var quote: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { break }
            i += 1
        }
        guard i < bytes.count else { throw error(at: start, "tag is never closed") }
        position = i + 1
        let selfClosing = !isEnd && i > attributesStart && bytes[i - 1] == 0x2F
        return XMLTag(kind: isEnd ? .end : selfClosing ? .empty : .start, name: name,
                      attributes: attributesStart..<(selfClosing ? i - 1 : i))
    }

    /// True when the tag's local name is `name`.
    func isNamed(_ tag: XMLTag, _ name: StaticString) -> Bool {
        name.withUTF8Buffer { n in
            guard n.count == tag.name.count else { return false }
            var k = 0
            for i in tag.name { if bytes[i] != n[k] { return false }; k += 1 }
            return true
        }
    }

    /// The decoded value of attribute `name`: unprefixed, or with any prefix when `prefixed`
    /// (`r:id`, whatever the document calls the relationships namespace).
    func attribute(_ tag: XMLTag, _ name: StaticString, prefixed: Bool = false) -> String? {
        guard let range = attributeRange(tag, name, prefixed: prefixed) else { return nil }
        var out: [UInt8] = []
        appendDecoded(range, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte range of the raw (undecoded) value of attribute `name`.
    func attributeRange(_ tag: XMLTag, _ name: StaticString, prefixed: Bool = false) -> Range<Int>? {
        var i = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while i < end {
            while i < end && Self.isSpace(bytes[i]) { i += 1 }
            let qualifiedStart = i
            var localStart = i
            while i < end && bytes[i] != 0x3D && !Self.isSpace(bytes[i]) {
                if bytes[i] == 0x3A { localStart = i + 1 }
                i += 1
            }
            let local = localStart..<i
            let hasPrefix = localStart != qualifiedStart
            while i < end && (Self.isSpace(bytes[i]) || bytes[i] == 0x3D) { i += 1 }
            guard i < end, bytes[i] == 0x22 || bytes[i] == 0x27 else { return nil }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < end && bytes[i] != quote { i += 1 }
            let value = valueStart..<min(i, end)
            i += 1
            if hasPrefix == prefixed && bytes(in: local, equal: name) { return value }
        }
        return nil
    }

    /// True when the bytes in `range` are `literal`.
    func bytes(in range: Range<Int>, equal literal: StaticString) -> Bool {
        literal.withUTF8Buffer { n in
            guard n.count == range.count else { return false }
            return zip(range, n).allSatisfy { bytes[$0] == $1 }
        }
    }

    /// Appends the character data in `range` with entities and character references decoded and
    /// line ends normalized (CRLF and CR → LF, as XML requires). An unknown entity is kept as written.
    func appendDecoded(_ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = bytes[i]
            if b != 0x26 && b != 0x0D { out.append(b); i += 1; continue }
            if b == 0x0D {
                out.append(0x0A)
                i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
                continue
            }
            // '&': find ';' within a short distance.
            var j = i + 1
            while j < end && j - i <= 12 && bytes[j] != 0x3B { j += 1 }
            guard j < end && bytes[j] == 0x3B, let scalar = entityScalar((i + 1)..<j) else { out.append(b); i += 1; continue }
            TextDecoder.appendScalar(scalar, to: &out)
            i = j + 1
        }
    }

    /// The scalar of the entity or character reference between `&` and `;` (U+FFFD for a
    /// reference to a code point XML forbids), nil when unknown.
    private func entityScalar(_ r: Range<Int>) -> UInt32? {
        let name = bytes[r]
        switch name.count {
        case 2 where name.elementsEqual("lt".utf8): return 0x3C
        case 2 where name.elementsEqual("gt".utf8): return 0x3E
        case 3 where name.elementsEqual("amp".utf8): return 0x26
        case 4 where name.elementsEqual("quot".utf8): return 0x22
        case 4 where name.elementsEqual("apos".utf8): return 0x27
        default: break
        }
        guard name.first == 0x23, name.count >= 2 else { return nil } // '#'
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if digits.first == 0x78 || digits.first == 0x58 { radix = 16; digits = digits.dropFirst() } // x
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for d in digits {
            guard let v = Self.digitValue(d), v < radix else { return nil }
            value = value * radix + v
            if value > 0x10FFFF { return 0xFFFD }
        }
        if value == 0 || (value >= 0xD800 && value < 0xE000) { return 0xFFFD }
        return value
    }

    static func digitValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// Decodes the `_xHHHH_` escapes Office writes for characters XML cannot hold (`_x000D_` is a
    /// carriage return; `_x005F_` escapes an underscore, so `_x005F_x000D_` reads `_x000D_`).
    static func unescapedString(_ utf8: [UInt8]) -> String {
        guard utf8.count >= 7, utf8.contains(0x5F) else { return String(decoding: utf8, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        func escape(at i: Int) -> UInt32? {
            guard i + 6 < utf8.count, utf8[i] == 0x5F, utf8[i + 1] == 0x78 || utf8[i + 1] == 0x58, utf8[i + 6] == 0x5F else { return nil }
            var v: UInt32 = 0
            for k in 2..<6 { guard let d = digitValue(utf8[i + k]) else { return nil }; v = v << 4 | d }
            return v
        }
        while i < utf8.count {
            guard utf8[i] == 0x5F, var scalar = escape(at: i) else { out.append(utf8[i]); i += 1; continue }
            i += 7
            if scalar >= 0xD800 && scalar < 0xDC00, let low = escape(at: i), low >= 0xDC00 && low < 0xE000 {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                i += 7
            } else if scalar >= 0xD800 && scalar < 0xE000 {
                scalar = 0xFFFD
            }
            TextDecoder.appendScalar(scalar, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func has(_ literal: StaticString, at i: Int) -> Bool {
        literal.withUTF8Buffer { l in
            guard i + l.count <= bytes.count else { return false }
            for k in 0..<l.count where bytes[i + k] != l[k] { return false }
            return true
        }
    }

    /// Position after `terminator`, searched from `from`.
    private func end(of terminator: StaticString, from: Int, what: String) throws -> Int {
        var i = from
        while i < bytes.count {
            if bytes[i] == terminator.utf8Start.pointee && has(terminator, at: i) { return i + terminator.utf8CodeUnitCount }
            i += 1
        }
        throw error(at: from, "\(what) is never closed")
    }

    /// An error naming the part and the line and column of byte `offset`.
    func error(at offset: Int, _ message: String) -> IngestError {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        var column = 1
        for i in lineStart..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return .invalidWorkbook(file: file, part: part, reason: "line \(line), column \(column): \(message)")
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
}
