import Testing
import Ingest

let wideCSV = "id_repondant;groupe;territoire;q1;q2\nR1;locataire;Rive droite;Ascenseur en panne;RAS\nR2;salarie;Sud Gironde; ;Plus de moyens\n"

@Test func wideLayoutGivesOneAnswerPerNonEmptyCell() throws {
    let table = try CSVReader(file: "w.csv").read(Array(wideCSV.utf8))
    let mapping = ColumnMapping(idColumn: "id_repondant", textColumns: ["q1", "q2"], segmentColumns: ["groupe", "territoire"])
    let answers = try mapping.answers(from: table, file: "w.csv")
    #expect(answers.map(\.respondentID) == ["R1", "R1", "R2"])
    #expect(answers.map(\.questionID) == ["q1", "q2", "q2"])  // R2's q1 is blank
    #expect(answers.map(\.text) == ["Ascenseur en panne", "RAS", "Plus de moyens"])
    #expect(answers[2].segments.map(\.value) == ["salarie", "Sud Gironde"])
    #expect(answers[2].line == 3)
}

@Test func longLayoutTakesTheQuestionFromItsColumn() throws {
    let csv = "id,question,reponse,groupe\nR1,q1,Trop de bruit,locataire\nR1,q3,Par courrier,locataire\n"
    let table = try CSVReader(file: "l.csv").read(Array(csv.utf8))
    let mapping = ColumnMapping(idColumn: "id", textColumns: ["reponse"], segmentColumns: ["groupe"], questionColumn: "question")
    let answers = try mapping.answers(from: table, file: "l.csv")
    #expect(answers.map(\.questionID) == ["q1", "q3"])
    #expect(answers.map(\.text) == ["Trop de bruit", "Par courrier"])
}

@Test func missingColumnListsTheAvailableOnes() throws {
    let table = try CSVReader(file: "w.csv").read(Array(wideCSV.utf8))
    let mapping = ColumnMapping(idColumn: "id", textColumns: ["q1"])
    #expect(throws: IngestError.missingColumn(file: "w.csv", name: "id",
                                              available: ["id_repondant", "groupe", "territoire", "q1", "q2"])) {
        try mapping.answers(from: table, file: "w.csv")
    }
    let message = IngestError.missingColumn(file: "w.csv", name: "id", available: ["a", "b"]).description
    #expect(message == "w.csv: no column named 'id'; available columns: 'a', 'b'")
}

@Test func sampleConsultationParses() throws {
    // The bundled sample (Windows-1252, ";" , CRLF) as Excel exports it.
    let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    let bytes = try readFile("/" + path + "/examples/consultation/consultation.csv")
    let decoded = TextDecoder.decode(bytes)
    #expect(decoded.encoding == .windows1252)
    let table = try CSVReader(file: "consultation.csv").read(decoded.utf8)
    #expect(table.header.prefix(5) == ["id_repondant", "groupe", "territoire", "type_logement", "tranche_age"])
    let mapping = ColumnMapping(idColumn: "id_repondant", textColumns: ["q1", "q2", "q3", "q4", "q5"],
                                segmentColumns: ["groupe", "territoire", "type_logement", "tranche_age"])
    let answers = try mapping.answers(from: table, file: "consultation.csv")
    // examples/consultation/README.md: 281 respondents, 1,068 non-empty answers.
    #expect(table.records.count == 281)
    #expect(answers.count == 1068)
    #expect(Set(answers.map { $0.segments[0].value }) == ["locataire", "salarie", "partenaire"])
}
