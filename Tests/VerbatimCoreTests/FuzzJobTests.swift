import Ingest
import Testing
import VerbatimCore

/// A short run of the fuzz harness in the suite (the long one is `verbatim bench fuzz`).
@Test func seededRandomInputsBreakNoReaderAndNoStage() throws {
    let fixture = try FileIO.readAll(path: repositoryRoot + "/Tests/IngestTests/Fixtures/consultation-fictive.xlsx")
    let report = try FuzzJob.run(inputs: 3_000, seed: 20261130, lexicons: repositoryRoot + "/lexicons/fr", xlsxFixture: fixture)
    #expect(report.inputs == 3_000)
    #expect(report.perCase.allSatisfy { $0 == 500 })
    #expect(report.failures.isEmpty, "\(report.failures.prefix(5))")
    // The generated files really went through: rows came back, broken ones were refused.
    #expect(report.rowsRoundTripped > 1_000)
    #expect(report.rejected > 100)
}

/// The round-trip check catches a reader that changes a field: a CSV whose quoted field holds a
/// lone CR must come back with it (hand-written file).
@Test func csvFieldsWithLoneCarriageReturnsComeBackExactly() throws {
    let table = try TableFile.read(file: "cr.csv", bytes: Array("id;q1\nR1;\"a\rb\"\n".utf8))
    #expect(table.records.map(\.fields) == [["R1", "a\rb"]])
}
