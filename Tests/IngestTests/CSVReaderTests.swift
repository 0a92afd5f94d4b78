import Testing
import Ingest

func table(_ text: String, strict: Bool = true) throws -> CSVTable {
    try CSVReader(file: "t.csv", strict: strict).read(Array(text.utf8))
}

@Test func semicolonExcelExportWithCRLFAndQuotedNewlines() throws {
    let text = "id;groupe;q1\r\nR1;locataire;\"Ascenseur en panne;\r\nencore !\"\r\nR2;salarie;\"Il dit \"\"bonjour\"\"\"\r\n"
    let t = try table(text)
    #expect(t.delimiter == UInt8(ascii: ";"))
    #expect(t.header == ["id", "groupe", "q1"])
    #expect(t.records.count == 2)
    #expect(t.records[0].fields == ["R1", "locataire", "Ascenseur en panne;\r\nencore !"])
    #expect(t.records[0].line == 2)
    #expect(t.records[1].line == 4)  // the quoted field of R1 spans lines 2–3
    #expect(t.records[1].fields[2] == "Il dit \"bonjour\"")
}

@Test func delimiterSniffing() {
    #expect(CSVReader.sniffDelimiter(Array("a,b,c\n1;2,3".utf8)) == UInt8(ascii: ","))
    #expect(CSVReader.sniffDelimiter(Array("a\tb\tc".utf8)) == 0x09)
    #expect(CSVReader.sniffDelimiter(Array("\"x;y\",b,c".utf8)) == UInt8(ascii: ","))  // ; inside quotes ignored
    #expect(CSVReader.sniffDelimiter(Array("text".utf8)) == UInt8(ascii: ";"))
}

@Test func emptyCellsShortRowsAndBlankLines() throws {
    let t = try table("a;b;c\n1;;\n\n2\n")
    #expect(t.records.map(\.fields) == [["1", "", ""], ["2", "", ""]])
    #expect(t.records.map(\.line) == [2, 4])
}

@Test func unterminatedQuoteNamesLineAndColumn() throws {
    let text = "id;q1\nR1;ok\nR2;\"jamais fermé\nR3;suite\n"
    #expect(throws: IngestError.unterminatedQuote(file: "t.csv", line: 3, column: 4)) { try table(text) }
}

@Test func lenientModeRecoversAnUnterminatedQuote() throws {
    let text = "id;q1\nR1;ok\nR2;\"jamais fermé\nR3;suite\n"
    let t = try table(text, strict: false)
    #expect(t.records.map(\.fields) == [["R1", "ok"], ["R2", "\"jamais fermé"], ["R3", "suite"]])
    #expect(t.warnings.count == 1)
    #expect(t.warnings[0].hasPrefix("t.csv:3:4:"))
}

@Test func textAfterClosingQuote() throws {
    #expect(throws: IngestError.textAfterClosingQuote(file: "t.csv", line: 2, column: 6)) { try table("a;b\n1;\"x\"y;\n") }
    let t = try table("a;b\n1;\"x\"y\n", strict: false)
    #expect(t.records[0].fields == ["1", "xy"])
}

@Test func tooManyFields() throws {
    #expect(throws: IngestError.tooManyFields(file: "t.csv", line: 2, expected: 2, found: 3)) { try table("a;b\n1;2;3\n") }
    #expect(try table("a;b\n1;2;;\n").records[0].fields == ["1", "2"])  // trailing empty cells are fine
    #expect(try table("a;b\n1;2;3\n", strict: false).records[0].fields == ["1", "2"])
}

@Test func nulBytesAreRemoved() throws {
    let bytes: [UInt8] = Array("a;b\n1;x".utf8) + [0] + Array("y\n".utf8)
    let t = try CSVReader(file: "t.csv").read(bytes)
    #expect(t.records[0].fields == ["1", "xy"])
}

@Test func headerBOMAndSpacesAreTrimmed() throws {
    let t = try table("\u{FEFF}id ; groupe\n1;2\n")
    #expect(t.header == ["id", "groupe"])
}

@Test func emptyFileIsAnError() {
    #expect(throws: IngestError.emptyFile(file: "t.csv")) { try table("") }
}

@Test func oneMegabyteCell() throws {
    let big = String(repeating: "ascenseur en panne ", count: 55_000)  // ~1 MB
    let t = try table("id;q1\nR1;\"\(big)\"\n")
    #expect(t.records[0].fields[1].utf8.count == big.utf8.count)
}
