import Testing
import Ingest

func jsonl(_ text: String, strict: Bool = true) throws -> CSVTable {
    try JSONLReader(file: "r.jsonl", strict: strict).read(Array(text.utf8))
}

@Test func stringEscapesAndSurrogatePairs() throws {
    let line = #"{"id":"FAUX-1","texte":"caf\u00e9 \ud83d\ude00 \"cit\u00C9\" \\ \/ \b\f\n\r\t fin","brut":"déjà 😡"}"#
    let t = try jsonl(line + "\n")
    #expect(t.header == ["id", "texte", "brut"])
    #expect(t.testRecords == [TestRecord(1, fields: ["FAUX-1", "café 😀 \"citÉ\" \\ / \u{08}\u{0C}\n\r\t fin", "déjà 😡"])])
    #expect(t.warnings == [])
}

@Test func numbersBooleansAndNullAsText() throws {
    let t = try jsonl(#"{"i":42,"z":0,"neg":-0.5e+10,"big":12345678901234567890,"exp":1E3,"t":true,"f":false,"x":null}"#)
    #expect(t.header == ["i", "z", "neg", "big", "exp", "t", "f", "x"])
    #expect(t.records[0].fields == ["42", "0", "-0.5e+10", "12345678901234567890", "1E3", "true", "false", ""])
}

@Test func headerIsTheUnionOfKeysInFirstSeenOrder() throws {
    let text = """
        {"id":"FAUX-A","q1":"oui"}
        {"q2":"non","id":"FAUX-B"}
        {"q1":"peut-être","q3":"  espaces  "}
        {}
        """
    let t = try jsonl(text)
    #expect(t.header == ["id", "q1", "q2", "q3"])
    #expect(t.testRecords == [
        TestRecord(1, fields: ["FAUX-A", "oui", "", ""]),
        TestRecord(2, fields: ["FAUX-B", "", "non", ""]),
        TestRecord(3, fields: ["", "peut-être", "", "  espaces  "]),
        TestRecord(4, fields: ["", "", "", ""]),
    ])
}

@Test func nestedValueNamesLineAndKey() throws {
    let text = """
        {"id":"FAUX-1","q1":"a"}

        {"id":"FAUX-2","tags":["x", {"y": [1, 2]}],"q1":"b"}
        """
    #expect(throws: IngestError.nestedJSONValue(file: "r.jsonl", line: 3, key: "tags")) { try jsonl(text) }
    #expect(IngestError.nestedJSONValue(file: "r.jsonl", line: 3, key: "tags").description.hasPrefix("r.jsonl:3: field 'tags' holds an array or object"))
    let t = try jsonl(text, strict: false)
    #expect(t.header == ["id", "q1", "tags"])
    #expect(t.records[1].fields == ["FAUX-2", "b", #"["x", {"y": [1, 2]}]"#])
    #expect(t.warnings == ["r.jsonl:3: field 'tags' holds an array or object; kept as its JSON text"])
}

@Test func invalidLinesNameLineAndColumn() throws {
    func failure(_ text: String) -> IngestError? {
        do { _ = try jsonl(text); return nil } catch { return error as? IngestError }
    }
    let ok = #"{"id":"FAUX-1"}"# + "\n"
    #expect(failure(ok + #"{"id":"D" "q1":"x"}"#)
        == .invalidJSON(file: "r.jsonl", line: 2, column: 11, reason: "expected ',' or '}' after the value of 'id', found '\"'"))
    #expect(failure(ok + ok + #"["pas", "un objet"]"#)
        == .invalidJSON(file: "r.jsonl", line: 3, column: 1, reason: "expected a JSON object ('{') starting the line, found '['"))
    #expect(failure("  42") == .invalidJSON(file: "r.jsonl", line: 1, column: 3, reason: "expected a JSON object ('{') starting the line, found '4'"))
    #expect(failure(#"{"a":1} x"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 9, reason: "text after the end of the object: 'x'"))
    #expect(failure(#"{"a":tru}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 6, reason: "expected true, found 't'"))
    #expect(failure(#"{"a":"abc"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 6, reason: "string is never closed"))
    #expect(failure(#"{"a":01}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 7, reason: "a number cannot start with 0 followed by digits"))
    #expect(failure(#"{"a":1.}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 8, reason: "expected digits after the decimal point, found '}'"))
    #expect(failure(#"{"a":"x\qy"}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 8, reason: "invalid escape '\\q' in a string"))
    #expect(failure(#"{"a":"\u12G4"}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 7, reason: "\\u needs four hex digits"))
    #expect(failure("{\"a\":\"tab\there\"}") == .invalidJSON(file: "r.jsonl", line: 1, column: 10, reason: "control character U+0009 inside a string (write it as an escape)"))
    #expect(failure(#"{'a':1}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 2, reason: "expected a key in double quotes, found '''"))
    #expect(failure(#"{"a":1,}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 8, reason: "expected a key in double quotes, found '}'"))
    #expect(failure(#"{"a":1"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 7, reason: "expected ',' or '}' after the value of 'a', found the end of the line"))
    // Columns count characters, not bytes.
    #expect(failure(#"{"é":"à" x}"#) == .invalidJSON(file: "r.jsonl", line: 1, column: 10, reason: "expected ',' or '}' after the value of 'é', found 'x'"))
    #expect(IngestError.invalidJSON(file: "r.jsonl", line: 2, column: 11, reason: "boom").description == "r.jsonl:2:11: boom")
}

@Test func lenientModeSkipsBadLines() throws {
    let text = "{\"id\":\"FAUX-1\"}\n{\"id\":\n{\"id\":\"FAUX-3\"}\n"
    let t = try jsonl(text, strict: false)
    #expect(t.testRecords == [TestRecord(1, fields: ["FAUX-1"]), TestRecord(3, fields: ["FAUX-3"])])
    #expect(t.warnings == ["r.jsonl:2:7: expected a value, found the end of the line; line skipped"])
}

@Test func crlfBOMAndBlankLines() throws {
    let text = "\u{FEFF}{\"id\":\"FAUX-1\",\"q1\":\"un\"}\r\n\r\n   \t\r\n{\"id\":\"FAUX-2\",\"q1\":\"deux\"}\r\n\r\n"
    let t = try jsonl(text)
    #expect(t.header == ["id", "q1"])
    #expect(t.testRecords == [TestRecord(1, fields: ["FAUX-1", "un"]), TestRecord(4, fields: ["FAUX-2", "deux"])])
    // The BOM does not count as a column.
    #expect(throws: IngestError.invalidJSON(file: "r.jsonl", line: 1, column: 1, reason: "expected a JSON object ('{') starting the line, found 'x'")) {
        try jsonl("\u{FEFF}x")
    }
}

@Test func emptyInput() throws {
    #expect(throws: IngestError.emptyFile(file: "r.jsonl")) { try jsonl("") }
    #expect(throws: IngestError.emptyFile(file: "r.jsonl")) { try jsonl("\u{FEFF}\n\r\n  \n") }
}

@Test func duplicateKeys() throws {
    let text = #"{"id":"FAUX-1","q1":"premier","q1":"second"}"#
    #expect(throws: IngestError.invalidJSON(file: "r.jsonl", line: 1, column: 16, reason: "key 'q1' appears twice in the object")) { try jsonl(text) }
    let t = try jsonl(text, strict: false)
    #expect(t.records[0].fields == ["FAUX-1", "second"])
    #expect(t.warnings == ["r.jsonl:1: key 'q1' appears twice; the last value kept"])
}

@Test func loneSurrogatesBecomeReplacementCharacters() throws {
    // A text cut in the middle of an emoji by the exporting tool.
    let t = try jsonl(#"{"texte":"coupé \ud83d","autre":"\ude00!"}"#)
    #expect(t.records[0].fields == ["coupé \u{FFFD}", "\u{FFFD}!"])
    #expect(t.warnings == ["r.jsonl:1:17: lone surrogate \\uD83D read as U+FFFD", "r.jsonl:1:34: lone surrogate \\uDE00 read as U+FFFD"])
    // A high surrogate followed by an escape that is not a low one: both characters are kept apart.
    #expect(try jsonl(#"{"t":"\ud83d\u0041"}"#).records[0].fields == ["\u{FFFD}A"])
}

@Test func nestingIsBounded() throws {
    let deep = #"{"a":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
    #expect(throws: IngestError.invalidJSON(file: "r.jsonl", line: 1, column: 518, reason: "nesting deeper than 512 levels")) { try jsonl(deep) }
}
