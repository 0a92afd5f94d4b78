import Testing
import Ingest

/// A record as the tests write it (`CSVRecord` has no public initializer).
struct TestRecord: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]
    init(_ line: Int, fields: [String]) { self.line = line; self.fields = fields }
    var description: String { "\(line): \(fields)" }
}

extension CSVTable {
    var testRecords: [TestRecord] { records.map { TestRecord($0.line, fields: $0.fields) } }
}

// MARK: - Fixture workbooks built in the test

/// A tiny ZIP writer (stored entries) so that workbooks can be written inline, byte by byte.
enum TestZip {
    struct Member {
        var name: String
        var data: [UInt8]
        /// Written as the method; data is stored as given (8 with non-deflate bytes = corrupt).
        var method: UInt16 = 0
        /// Overrides the CRC-32 written in the headers (nil = the real one).
        var crc: UInt32? = nil
    }

    static func make(_ members: [Member]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for m in members {
            let offset = out.count
            let name = Array(m.name.utf8)
            let crc = m.crc ?? crc32(m.data)
            // Local file header.
            put32(&out, 0x0403_4B50); put16(&out, 20); put16(&out, 0x0800); put16(&out, m.method)
            put16(&out, 0); put16(&out, 0x21) // time, date (1980-01-01)
            put32(&out, crc); put32(&out, UInt32(m.data.count)); put32(&out, UInt32(m.data.count))
            put16(&out, UInt16(name.count)); put16(&out, 0)
            out += name
            out += m.data
            // Central directory record.
            put32(&central, 0x0201_4B50); put16(&central, 20); put16(&central, 20); put16(&central, 0x0800)
            put16(&central, m.method); put16(&central, 0); put16(&central, 0x21)
            put32(&central, crc); put32(&central, UInt32(m.data.count)); put32(&central, UInt32(m.data.count))
            put16(&central, UInt16(name.count)); put16(&central, 0); put16(&central, 0)
            put16(&central, 0); put16(&central, 0); put32(&central, 0); put32(&central, UInt32(offset))
            central += name
        }
        let centralOffset = out.count
        out += central
        put32(&out, 0x0605_4B50); put16(&out, 0); put16(&out, 0)
        put16(&out, UInt16(members.count)); put16(&out, UInt16(members.count))
        put32(&out, UInt32(central.count)); put32(&out, UInt32(centralOffset)); put16(&out, 0)
        return out
    }

    static func put16(_ out: inout [UInt8], _ v: UInt16) { out.append(UInt8(v & 0xFF)); out.append(UInt8(v >> 8)) }
    static func put32(_ out: inout [UInt8], _ v: UInt32) { put16(&out, UInt16(v & 0xFFFF)); put16(&out, UInt16(v >> 16)) }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (ISO-HDLC, as ZIP uses it).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// Namespaces of a workbook.
let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/// A sheet of a test workbook: its name, the inside of `<sheetData>`, and its state.
struct TestSheet {
    var name: String
    var rows: String
    var state: String? = nil
}

/// An .xlsx with the given sheets and shared strings (each the inside of an `<si>`).
func testWorkbook(_ sheets: [TestSheet], sharedStrings: [String]? = nil, extra: [TestZip.Member] = []) -> [UInt8] {
    var members: [TestZip.Member] = []
    func add(_ name: String, _ xml: String) { members.append(.init(name: name, data: Array(xml.utf8))) }
    add("_rels/.rels", """
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relNS)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """)
    let sheetList = sheets.enumerated().map { k, s in
        "<sheet name=\"\(s.name)\" sheetId=\"\(k + 1)\"\(s.state.map { " state=\"\($0)\"" } ?? "") r:id=\"rId\(k + 1)\"/>"
    }.joined()
    add("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\"><sheets>\(sheetList)</sheets></workbook>")
    var rels = sheets.indices.map {
        "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }
    if sharedStrings != nil {
        rels.append("<Relationship Id=\"rIdS\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>")
    }
    add("xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels.joined())</Relationships>")
    if let sharedStrings {
        add("xl/sharedStrings.xml", "<sst xmlns=\"\(mainNS)\">" + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>")
    }
    for (k, s) in sheets.enumerated() {
        add("xl/worksheets/sheet\(k + 1).xml", "<worksheet xmlns=\"\(mainNS)\"><sheetData>\(s.rows)</sheetData></worksheet>")
    }
    return TestZip.make(members + extra)
}

func readXLSX(_ bytes: [UInt8], sheet: String? = nil, strict: Bool = true) throws -> CSVTable {
    try XLSXReader(file: "t.xlsx", sheet: sheet, strict: strict).read(bytes)
}

/// Tests/IngestTests/Fixtures/consultation-fictive.xlsx (written by make_consultation_xlsx.py, deflated).
func fixtureWorkbook() throws -> [UInt8] {
    let directory = #filePath.split(separator: "/").dropLast().joined(separator: "/")
    return try readFile("/" + directory + "/Fixtures/consultation-fictive.xlsx")
}

// MARK: - The deflated fixture

@Test func deflatedFixtureFirstSheet() throws {
    let t = try XLSXReader(file: "consultation-fictive.xlsx").read(try fixtureWorkbook())
    #expect(t.header == ["id_repondant", "groupe", "q1 — Qu’attendez-vous ?", "note"])
    #expect(t.records.map(\.line) == [2, 3, 5, 6])  // row 4 does not exist
    #expect(t.records[0].fields == ["FAUX-001", "locataire", "Ascenseur en panne encore 😡", "3"])
    #expect(t.records[1].fields == ["FAUX-002", "salarié", "Chauffage & eau chaude <froids> \"toujours\"", "4.5"])
    #expect(t.records[2].fields == ["FAUX-003", "partenaire", "Très bien\r\nmerci", "TRUE"])
    #expect(t.records[3].fields == ["FAUX-004", "", "Rien à signaler", "10"])
    #expect(t.warnings == [])
    #expect(t.delimiter == 0x09)
}

@Test func deflatedFixtureSheetByName() throws {
    let bytes = try fixtureWorkbook()
    let codes = try XLSXReader(file: "c.xlsx", sheet: "Codes").read(bytes)
    #expect(codes.header == ["code", "libellé"])
    #expect(codes.testRecords == [TestRecord(2, fields: ["LOC", "Locataire fictif"])])
    // Excel sheet names are unique ignoring case; the exact spelling is not required.
    #expect(try XLSXReader(file: "c.xlsx", sheet: "CODES").read(bytes).header == ["code", "libellé"])
    #expect(try XLSXReader(file: "c.xlsx", sheet: "Réponses").read(bytes).records.count == 4)
    #expect(try XLSXReader(file: "c.xlsx").sheetNames(bytes) == ["Réponses", "Codes"])
}

@Test func missingSheetListsTheSheets() throws {
    let bytes = try fixtureWorkbook()
    #expect(throws: IngestError.missingSheet(file: "c.xlsx", name: "Feuil1", available: ["Réponses", "Codes"])) {
        try XLSXReader(file: "c.xlsx", sheet: "Feuil1").read(bytes)
    }
    let message = IngestError.missingSheet(file: "c.xlsx", name: "Feuil1", available: ["Réponses", "Codes"]).description
    #expect(message == "c.xlsx: no sheet named 'Feuil1'; available sheets: 'Réponses', 'Codes'")
}

@Test func truncatedZipIsReportedAsTruncated() throws {
    let bytes = try fixtureWorkbook()
    let half = Array(bytes.prefix(bytes.count / 2))
    #expect(throws: IngestError.corruptArchive(file: "t.xlsx", entry: nil,
                                               reason: "truncated: the central directory at the end of the file is missing")) {
        try readXLSX(half)
    }
}

@Test func archiveWithBytesAppendedStillReads() throws {
    // Some upload tools pad files; the end-of-central-directory record is then not last.
    let padded = try fixtureWorkbook() + [UInt8](repeating: 0, count: 100)
    #expect(try XLSXReader(file: "p.xlsx", sheet: "Codes").read(padded).header == ["code", "libellé"])
}

@Test func archiveReaderInflatesEveryFixtureEntry() throws {
    let zip = try ZipArchive(file: "f.xlsx", bytes: try fixtureWorkbook())
    #expect(zip.entries.map(\.name) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                        "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
    #expect(zip.entries.allSatisfy { $0.method == 8 })
    let sheet2 = String(decoding: try #require(try zip.contents(ofEntryNamed: "xl/worksheets/sheet2.xml")), as: UTF8.self)
    #expect(sheet2.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet"))
    #expect(sheet2.hasSuffix("</sheetData>\n</worksheet>"))
    #expect(try zip.contents(ofEntryNamed: "xl/styles.xml") == nil)
}

// MARK: - Workbooks built inline

@Test func sharedStringsAccentsEmojiRichTextAndEscapes() throws {
    let strings = [
        "<t>Numéro</t>",                                                    // 0
        "<t>Réponse</t>",                                                   // 1
        "<t>FAUX-Zoé</t>",                                                  // 2
        "<r><t>Très </t></r><r><rPr><b/></rPr><t>content</t></r><r><t xml:space=\"preserve\"> 👍🏽 !</t></r>",  // 3
        "<t>A &amp; B &lt;ok&gt; &quot;q&quot; l&apos;été &#233;&#xE9; &#x1F600;</t>",  // 4
        "<t>ligne 1_x000D_\nligne 2_x0009_fin _x005F_x000D_</t>",            // 5
        "<t xml:space=\"preserve\">  deux espaces  </t>",                    // 6
        "<r><t>漢字</t></r><rPh sb=\"0\" eb=\"2\"><t>カンジ</t></rPh>",          // 7: phonetic run left out
        "<t/>",                                                             // 8
    ]
    let rows = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>
        <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>
        <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="s"><v>4</v></c></row>
        <row r="4"><c r="A4" t="s"><v>2</v></c><c r="B4" t="s"><v>5</v></c></row>
        <row r="5"><c r="A5" t="s"><v>2</v></c><c r="B5" t="s"><v>6</v></c></row>
        <row r="6"><c r="A6" t="s"><v>2</v></c><c r="B6" t="s"><v>7</v></c></row>
        <row r="7"><c r="A7" t="s"><v>2</v></c><c r="B7" t="s"><v>8</v></c></row>
        """
    let t = try readXLSX(testWorkbook([TestSheet(name: "Feuil1", rows: rows)], sharedStrings: strings))
    #expect(t.header == ["Numéro", "Réponse"])
    #expect(t.records.map { $0.fields[1] } == [
        "Très content 👍🏽 !",
        "A & B <ok> \"q\" l'été éé 😀",
        "ligne 1\r\nligne 2\tfin _x000D_",
        "  deux espaces  ",
        "漢字",
        "",
    ])
    #expect(t.records.map(\.line) == [2, 3, 4, 5, 6, 7])
}

@Test func gapsMissingReferencesAndInlineStrings() throws {
    // Header A1, C1 (B1 missing); rows with gaps, cells without r (next column), self-closing cells.
    let rows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="C1" t="inlineStr"><is><t>texte</t></is></c></row>
        <row r="2"><c r="C2" t="inlineStr"><is><t>seul en C</t></is></c></row>
        <row r="3"><c t="inlineStr"><is><t>X1</t></is></c><c t="inlineStr"><is><t>B sans r</t></is></c><c><v>7</v></c></row>
        <row r="4"><c r="A4" s="1"/><c r="B4" t="inlineStr"><is><r><t>ri</t></r><r><t>che</t></r></is></c></row>
        <row r="5"><c r="A5" s="3"/></row>
        <row r="6"/>
        """
    let t = try readXLSX(testWorkbook([TestSheet(name: "S", rows: rows)]))
    #expect(t.header == ["id", "", "texte"])
    #expect(t.testRecords == [
        TestRecord(2, fields: ["", "", "seul en C"]),
        TestRecord(3, fields: ["X1", "B sans r", "7"]),
        TestRecord(4, fields: ["", "riche", ""]),
    ])  // rows 5 and 6 hold nothing
}

@Test func headerIsTheFirstNonEmptyRowAndColumnLettersGoPastZ() throws {
    let rows = """
        <row r="2"><c r="A2" s="4"/></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t> id </t></is></c><c r="AB3" t="inlineStr"><is><t>q28</t></is></c></row>
        <row r="4"><c r="A4"><v>1</v></c><c r="Z4"><v>26</v></c><c r="AA4"><v>27</v></c><c r="AB4"><v>28</v></c></row>
        """
    let t = try readXLSX(testWorkbook([TestSheet(name: "S", rows: rows)]))
    #expect(t.header.count == 28)
    #expect(t.header.first == "id")  // trimmed like a CSV header
    #expect(t.header.last == "q28")
    #expect(t.records.count == 1)
    #expect(t.records[0].line == 4)
    #expect(t.records[0].fields[0] == "1")
    #expect(t.records[0].fields[25] == "26")
    #expect(t.records[0].fields[26] == "27")
    #expect(t.records[0].fields[27] == "28")
}

@Test func numbersBooleansErrorsAndFormulasAsStored() throws {
    let rows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>v</t></is></c></row>
        <row r="2"><c r="A2"><v>42</v></c></row>
        <row r="3"><c r="A3" t="n"><v>42.0</v></c></row>
        <row r="4"><c r="A4"><v>1.5E-3</v></c></row>
        <row r="5"><c r="A5" t="b"><v>0</v></c></row>
        <row r="6"><c r="A6" t="e"><v>#N/A</v></c></row>
        <row r="7"><c r="A7" t="str"><f>A1&amp;"x"</f><v>vx</v></c></row>
        <row r="8"><c r="A8" s="2"><v>45292</v></c></row>
        <row r="9"><c r="A9"><f>1+1</f></c></row>
        <row r="10"><c r="A10"><v>3</v></c></row>
        """
    let t = try readXLSX(testWorkbook([TestSheet(name: "S", rows: rows)]))
    #expect(t.records.map { $0.fields[0] } == ["42", "42.0", "1.5E-3", "FALSE", "#N/A", "vx", "45292", "3"])
    #expect(t.records.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 10])  // row 9: a formula never computed, empty
    #expect(t.warnings == ["t.xlsx: sheet 'S': 1 formula cells have no saved result (the file was never recalculated); they read as empty"])
}

@Test func twoSheetsSelectionAndHiddenFirstSheet() throws {
    let lists = TestSheet(name: "Listes", rows: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>interne</t></is></c></row>", state: "hidden")
    let answers = TestSheet(name: "Réponses 2024", rows: """
        <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>FAUX-9</t></is></c></row>
        """)
    let bytes = testWorkbook([lists, answers])
    let byDefault = try readXLSX(bytes)
    #expect(byDefault.header == ["id"])
    #expect(byDefault.testRecords == [TestRecord(2, fields: ["FAUX-9"])])
    #expect(byDefault.warnings == ["t.xlsx: hidden sheet 'Listes' skipped; read sheet 'Réponses 2024'"])
    // A hidden sheet can still be asked for by name.
    let hidden = try readXLSX(bytes, sheet: "Listes")
    #expect(hidden.header == ["interne"])
    #expect(hidden.records.isEmpty)
    #expect(hidden.warnings.isEmpty)
}

@Test func oneMegabyteXLSXCell() throws {
    let big = String(repeating: "é", count: 524_288)  // 1 MiB of UTF-8
    let rows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>texte</t></is></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>FAUX-1</t></is></c><c r="B2" t="s"><v>0</v></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>FAUX-2</t></is></c><c r="B3" t="inlineStr"><is><t>\(big)x</t></is></c></row>
        """
    let t = try readXLSX(testWorkbook([TestSheet(name: "S", rows: rows)], sharedStrings: ["<t>" + big + "</t>"]))
    #expect(t.records.count == 2)
    #expect(t.records[0].fields[1].utf8.count == 1_048_576)
    #expect(t.records[0].fields[1] == big)
    #expect(t.records[1].fields[1].utf8.count == 1_048_577)
    #expect(t.records[1].fields[1].hasSuffix("éx"))
}

@Test func prefixedXMLAbsoluteTargetsAndAnUnusualWorkbookPath() throws {
    // Some generators write <x:c> with a prefix, absolute relationship targets, other part names,
    // and other prefixes for the relationship namespace.
    let members: [TestZip.Member] = [
        .init(name: "_rels/.rels", data: Array("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="R1" Type="\(relNS)/officeDocument" Target="/classeur/livre.xml"/></Relationships>
            """.utf8)),
        .init(name: "classeur/livre.xml", data: Array("""
            <x:workbook xmlns:x="\(mainNS)" xmlns:rel="\(relNS)"><x:sheets>\
            <x:sheet name="Données &amp; co" sheetId="7" rel:id="Rfeuille"/></x:sheets></x:workbook>
            """.utf8)),
        .init(name: "classeur/_rels/livre.xml.rels", data: Array("""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="Rlien" Type="\(relNS)/hyperlink" Target="https://example.invalid/" TargetMode="External"/>\
            <Relationship Id="Rfeuille" Type="\(relNS)/worksheet" Target="/classeur/feuilles/../feuilles/une.xml"/>\
            <Relationship Id="Rchaines" Type="\(relNS)/sharedStrings" Target="chaines.xml"/></Relationships>
            """.utf8)),
        .init(name: "classeur/chaines.xml", data: Array("<x:sst xmlns:x=\"\(mainNS)\"><x:si><x:t>clé</x:t></x:si></x:sst>".utf8)),
        .init(name: "classeur/feuilles/une.xml", data: Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- écrit à la main -->
            <x:worksheet xmlns:x="\(mainNS)"><x:sheetData>
              <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>
              <x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[<brut> & net]]></x:t></x:is></x:c></x:row>
            </x:sheetData></x:worksheet>
            """.utf8)),
    ]
    let bytes = TestZip.make(members)
    #expect(try XLSXReader(file: "t.xlsx").sheetNames(bytes) == ["Données & co"])
    let t = try readXLSX(bytes)
    #expect(t.header == ["clé"])
    #expect(t.testRecords == [TestRecord(2, fields: ["<brut> & net"])])
}

@Test func cellsRightOfTheHeader() throws {
    let rows = """
        <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>q1</t></is></c><c r="C1" s="1"/></row>
        <row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2" s="1"/></row>
        <row r="3"><c r="A3"><v>3</v></c><c r="D3" t="inlineStr"><is><t>note perdue</t></is></c></row>
        """
    let bytes = testWorkbook([TestSheet(name: "S", rows: rows)])
    #expect(throws: IngestError.cellOutsideHeader(file: "t.xlsx", row: 3, cell: "D3", headerColumns: 2)) { try readXLSX(bytes) }
    let t = try readXLSX(bytes, strict: false)
    #expect(t.records.map(\.fields) == [["1", "2"], ["3", ""]])
    #expect(t.warnings == ["t.xlsx: row 3: cell D3 is right of the 2 header columns; dropped"])
}

@Test func emptySheetIsAnEmptyFile() throws {
    let bytes = testWorkbook([TestSheet(name: "Vide", rows: "<row r=\"1\"><c r=\"A1\" s=\"1\"/></row>")])
    #expect(throws: IngestError.emptyFile(file: "t.xlsx")) { try readXLSX(bytes) }
}

// MARK: - Broken files

@Test func notAZipFile() throws {
    let csv = Array("id;q1\nFAUX-1;bonjour\n".utf8)
    #expect(throws: IngestError.notAnXLSX(file: "t.xlsx", hint: "it is not a ZIP archive, as .xlsx files are; is it a CSV file with an .xlsx name?")) {
        try readXLSX(csv)
    }
    let message = IngestError.notAnXLSX(file: "t.xlsx", hint: "x").description
    #expect(message == "t.xlsx: not an XLSX workbook: x")
    // A legacy .xls (or a password-protected workbook) is an OLE2 compound file.
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
    do {
        _ = try readXLSX(ole)
        Issue.record("an OLE2 file was read as a workbook")
    } catch let IngestError.notAnXLSX(file, hint) {
        #expect(file == "t.xlsx")
        #expect(hint.contains("legacy .xls"))
    }
    #expect(throws: IngestError.notAnXLSX(file: "t.xlsx", hint: "the file is empty")) { try readXLSX([]) }
}

/// The members of `workbook` with the sheet replaced by `sheet`.
func replacingSheet(in workbook: [UInt8], with sheet: TestZip.Member) throws -> [UInt8] {
    let zip = try ZipArchive(file: "t", bytes: workbook)
    let kept = try zip.entries.filter { $0.name != sheet.name }.map { TestZip.Member(name: $0.name, data: try zip.contents(of: $0)) }
    return TestZip.make(kept + [sheet])
}

@Test func corruptDeflateData() throws {
    // A "deflated" sheet whose data is not deflate: the first block has the reserved type 3.
    let bytes = try replacingSheet(in: testWorkbook([TestSheet(name: "S", rows: "")]),
                                   with: .init(name: "xl/worksheets/sheet1.xml", data: [0xFF, 0xFF, 0xFF, 0xFF], method: 8, crc: 0))
    do {
        _ = try readXLSX(bytes)
        Issue.record("corrupt deflate data was read")
    } catch let IngestError.corruptArchive(file, entry, reason) {
        #expect(file == "t.xlsx")
        #expect(entry == "xl/worksheets/sheet1.xml")
        #expect(reason.hasPrefix("the deflate data is damaged (zlib: "))
    }
}

@Test func checksumMismatch() throws {
    let sheet = Array("<worksheet xmlns=\"\(mainNS)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>".utf8)
    let bytes = try replacingSheet(in: testWorkbook([TestSheet(name: "S", rows: "")]),
                                   with: .init(name: "xl/worksheets/sheet1.xml", data: sheet, crc: 0x1234_5678))
    #expect(throws: IngestError.corruptArchive(file: "t.xlsx", entry: "xl/worksheets/sheet1.xml", reason: "CRC-32 mismatch (the data is damaged)")) {
        try readXLSX(bytes)
    }
    // The same bytes with their true checksum read fine.
    let fine = try replacingSheet(in: testWorkbook([TestSheet(name: "S", rows: "")]), with: .init(name: "xl/worksheets/sheet1.xml", data: sheet))
    #expect(try readXLSX(fine).header == ["1"])
    let message = IngestError.corruptArchive(file: "t.xlsx", entry: "xl/worksheets/sheet1.xml", reason: "CRC-32 mismatch (the data is damaged)").description
    #expect(message == "t.xlsx: xl/worksheets/sheet1.xml: damaged ZIP archive: CRC-32 mismatch (the data is damaged)")
}

@Test func truncatedDeflateStream() throws {
    // A stored-looking archive whose deflated sheet stops mid-stream: the first 40 bytes of a real
    // deflate stream taken from the fixture.
    let fixture = try ZipArchive(file: "f", bytes: try fixtureWorkbook())
    let entry = try #require(fixture.entries.first { $0.name == "xl/worksheets/sheet1.xml" })
    let local = entry.localHeaderOffset
    let start = local + 30 + Int(fixture.bytes[local + 26]) + Int(fixture.bytes[local + 27]) << 8
        + Int(fixture.bytes[local + 28]) + Int(fixture.bytes[local + 29]) << 8
    let cut = Array(fixture.bytes[start..<(start + 40)])
    let bytes = try replacingSheet(in: testWorkbook([TestSheet(name: "S", rows: "")]),
                                   with: .init(name: "xl/worksheets/sheet1.xml", data: cut, method: 8))
    #expect(throws: IngestError.corruptArchive(file: "t.xlsx", entry: "xl/worksheets/sheet1.xml", reason: "truncated: the deflate stream ends early")) {
        try readXLSX(bytes)
    }
}

@Test func missingWorkbookPart() throws {
    let zipWithoutWorkbook = TestZip.make([.init(name: "docProps/app.xml", data: Array("<Properties/>".utf8))])
    #expect(throws: IngestError.missingWorkbookPart(file: "t.xlsx", part: "xl/workbook.xml")) { try readXLSX(zipWithoutWorkbook) }
    #expect(IngestError.missingWorkbookPart(file: "t.xlsx", part: "xl/workbook.xml").description
        == "t.xlsx: not an XLSX workbook: xl/workbook.xml is missing from the archive")
}

@Test func sharedStringOutOfRangeNamesTheCell() throws {
    let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>5</v></c></row>"
    let bytes = testWorkbook([TestSheet(name: "S", rows: rows)], sharedStrings: ["<t>a</t>", "<t>b</t>"])
    #expect(throws: IngestError.invalidWorkbook(file: "t.xlsx", part: "xl/worksheets/sheet1.xml",
                                                reason: "cell B1: shared string 5 does not exist (the table has 2)")) {
        try readXLSX(bytes)
    }
}

@Test func malformedXMLNamesLineAndColumn() throws {
    let rows = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n<row r=\"2\"><c r=\"A2\"><v>2</v></c></row>\n<row r=\"3\"><c r=\"A3\" t=\"s"
    let bytes = testWorkbook([TestSheet(name: "S", rows: rows)])
    #expect(throws: IngestError.invalidWorkbook(file: "t.xlsx", part: "xl/worksheets/sheet1.xml", reason: "line 3, column 12: tag is never closed")) {
        try readXLSX(bytes)
    }
}
