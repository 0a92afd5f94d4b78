import Testing
import Ingest

@Test func formatFromTheExtension() {
    let text = Array("id;q1\n".utf8)
    #expect(TableFile.detectFormat(file: "export.XLSX", bytes: text) == .xlsx)  // the name wins over the content
    #expect(TableFile.detectFormat(file: "dir/r.jsonl", bytes: text) == .jsonl)
    #expect(TableFile.detectFormat(file: "r.ndjson", bytes: text) == .jsonl)
    #expect(TableFile.detectFormat(file: "a.tsv", bytes: text) == .tsv)
    #expect(TableFile.detectFormat(file: "a.Csv", bytes: Array("{\"a\":1}".utf8)) == .csv)
    #expect(TableFile.detectFormat(file: "notes.txt", bytes: text) == .csv)
}

@Test func formatFromTheContent() {
    let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]
    #expect(TableFile.detectFormat(file: "export", bytes: zip) == .xlsx)
    #expect(TableFile.detectFormat(file: "export.dat", bytes: zip) == .xlsx)
    #expect(TableFile.detectFormat(file: "-", bytes: Array("\u{FEFF} \r\n\t{\"id\":1}".utf8)) == .jsonl)
    #expect(TableFile.detectFormat(file: "v1.2/export", bytes: Array("id;q1\n".utf8)) == .csv)  // the dot is in a directory
    #expect(TableFile.detectFormat(file: ".jsonl", bytes: Array("id;q1\n".utf8)) == .csv)  // a hidden file, no extension
    #expect(TableFile.detectFormat(file: "vide", bytes: []) == .csv)
}

@Test func csvDecodedThenRead() throws {
    // Windows-1252 "é" (0xE9) and ";" as Excel writes them.
    let bytes: [UInt8] = Array("id;groupe\r\nFAUX-1;salari".utf8) + [0xE9] + Array("\r\n".utf8)
    let t = try TableFile.read(file: "export.csv", bytes: bytes)
    #expect(t.delimiter == UInt8(ascii: ";"))
    #expect(t.header == ["id", "groupe"])
    #expect(t.testRecords == [TestRecord(2, fields: ["FAUX-1", "salarié"])])
    #expect(t.warnings == [])
}

@Test func decoderRepairsBecomeWarnings() throws {
    // Mostly UTF-8 with one stray Windows-1252 byte: mixed.
    let mixed: [UInt8] = Array("id;q1\nFAUX-1;été ".utf8) + [0xE9] + Array("\n".utf8)
    let t = try TableFile.read(file: "m.csv", bytes: mixed)
    #expect(t.records[0].fields == ["FAUX-1", "été é"])
    #expect(t.warnings == ["m.csv: 1 bytes that are not UTF-8 read as Windows-1252 (mixed encodings)"])
    // Forced UTF-8: the byte becomes U+FFFD.
    let forced = try TableFile.read(file: "m.csv", bytes: mixed, options: .init(encoding: .utf8))
    #expect(forced.records[0].fields == ["FAUX-1", "été \u{FFFD}"])
    #expect(forced.warnings == ["m.csv: 1 invalid utf-8 sequences replaced by U+FFFD"])
}

@Test func tsvForcesTab() throws {
    let bytes = Array("id\ttexte;avec;points-virgules\nFAUX-1\tun;deux;trois\n".utf8)
    let tsv = try TableFile.read(file: "a.tsv", bytes: bytes)
    #expect(tsv.delimiter == 0x09)
    #expect(tsv.header == ["id", "texte;avec;points-virgules"])
    #expect(tsv.records[0].fields == ["FAUX-1", "un;deux;trois"])
    // The same bytes as CSV: ";" is sniffed (2 against 1 tab).
    let csv = try TableFile.read(file: "a.csv", bytes: bytes)
    #expect(csv.header == ["id\ttexte", "avec", "points-virgules"])
    // A forced delimiter for CSV.
    let pipe = try TableFile.read(file: "p.csv", bytes: Array("a|b;c\n1|2;3\n".utf8), options: .init(delimiter: UInt8(ascii: "|")))
    #expect(pipe.header == ["a", "b;c"])
}

@Test func forcedFormatBeatsTheExtension() throws {
    let bytes = Array("{\"id\":\"FAUX-1\",\"q1\":\"oui\"}\n".utf8)
    let t = try TableFile.read(file: "export.csv", bytes: bytes, options: .init(format: .jsonl))
    #expect(t.header == ["id", "q1"])
    #expect(t.testRecords == [TestRecord(1, fields: ["FAUX-1", "oui"])])
}

@Test func jsonlThroughTheDecoder() throws {
    // JSON Lines saved as UTF-16LE with a BOM (as some Windows tools do).
    let text = "{\"id\":\"FAUX-1\",\"q1\":\"très 😀\"}\r\n"
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
    let t = try TableFile.read(file: "r.jsonl", bytes: bytes)
    #expect(t.header == ["id", "q1"])
    #expect(t.records[0].fields == ["FAUX-1", "très 😀"])
}

@Test func xlsxByContentWithASheet() throws {
    let bytes = try fixtureWorkbook()
    let t = try TableFile.read(file: "telechargement", bytes: bytes, options: .init(sheet: "Codes"))
    #expect(t.header == ["code", "libellé"])
    #expect(t.testRecords == [TestRecord(2, fields: ["LOC", "Locataire fictif"])])
    #expect(t.warnings == [])
    #expect(throws: IngestError.missingSheet(file: "telechargement", name: "Feuil2", available: ["Réponses", "Codes"])) {
        try TableFile.read(file: "telechargement", bytes: bytes, options: .init(sheet: "Feuil2"))
    }
}

@Test func strictnessAndIgnoredOptions() throws {
    let bytes = Array("a;b\n1;2;3\n".utf8)
    #expect(throws: IngestError.tooManyFields(file: "x.csv", line: 2, expected: 2, found: 3)) {
        try TableFile.read(file: "x.csv", bytes: bytes)
    }
    let lenient = try TableFile.read(file: "x.csv", bytes: bytes, options: .init(sheet: "Feuil1", strict: false))
    #expect(lenient.records[0].fields == ["1", "2"])
    // Option warnings first, then the reader's.
    #expect(lenient.warnings == [
        "x.csv: sheet 'Feuil1' ignored: the file is read as csv",
        "x.csv:2: 3 fields, header has 2; extra fields dropped",
    ])
    let xlsx = try TableFile.read(file: "c.xlsx", bytes: try fixtureWorkbook(),
                                  options: .init(encoding: .windows1252, delimiter: UInt8(ascii: ",")))
    #expect(xlsx.warnings == [
        "c.xlsx: encoding windows-1252 ignored: the file is read as xlsx",
        "c.xlsx: delimiter ',' ignored: the file is read as xlsx",
    ])
}

@Test func wrongExtensionGivesAClearError() throws {
    // A CSV saved with an .xlsx name.
    #expect(throws: IngestError.notAnXLSX(file: "faux.xlsx", hint: "it is not a ZIP archive, as .xlsx files are; is it a CSV file with an .xlsx name?")) {
        try TableFile.read(file: "faux.xlsx", bytes: Array("id;q1\n".utf8))
    }
    #expect(throws: IngestError.emptyFile(file: "vide.jsonl")) { try TableFile.read(file: "vide.jsonl", bytes: []) }
}

@Test func formatsHaveStableNames() {
    #expect(TableFormat.allCases.map(\.rawValue) == ["csv", "tsv", "xlsx", "jsonl"])
    #expect(TableFormat(rawValue: "jsonl") == .jsonl)
    let defaults = TableFileOptions()
    #expect(defaults.strict && defaults.format == nil && defaults.sheet == nil && defaults.encoding == nil && defaults.delimiter == nil)
}
