import Testing
@testable import Store

@Suite struct QuoteStoreTests {
    @Test func migrationsAreRecordedOnceAndReopeningKeepsThem() throws {
        let file = TemporaryDatabase()
        _ = try QuoteStore(path: file.path)
        let reopened = try QuoteStore(path: file.path)
        #expect(try Schema.appliedMigrations(reopened.database) == Schema.migrations.map(\.name))
        #expect(try reopened.database.scalarText("PRAGMA journal_mode") == "wal")
    }

    @Test func aMigrationFromTheFutureIsRefused() throws {
        let file = TemporaryDatabase()
        let store = try QuoteStore(path: file.path)
        try store.database.execute("INSERT INTO schemaMigration(name, appliedAt) VALUES ('v99-future', 'x')")
        #expect(throws: StoreError.unknownSchema(path: file.path, migration: "v99-future")) {
            _ = try QuoteStore(path: file.path)
        }
    }

    @Test func aReadOnlyOpenOfAStrangerFileIsRefused() throws {
        let file = TemporaryDatabase()
        let db = try SQLiteDatabase(path: file.path)
        try db.execute("CREATE TABLE t(x)")
        #expect(throws: StoreError.self) { _ = try QuoteStore(path: file.path, readOnly: true) }
    }

    @Test func constraintsRejectBadSpans() throws {
        let file = TemporaryDatabase()
        let store = try fixtureStore(file)
        let answer = try #require(try store.database.scalarInt("SELECT min(id) FROM answer"))
        let insert = "INSERT INTO excerpt(answerId, runId, ordinal, utf8Start, utf8End, text, forms, lemmas, tokenCount) VALUES "
        // End before start.
        #expect(throws: StoreError.self) { try store.database.execute(insert + "(\(answer), 1, 9, 5, 5, '', '', '', 0)") }
        // Text length (bytes) must equal the span: "é" is 2 bytes, the span says 1.
        #expect(throws: StoreError.self) { try store.database.execute(insert + "(\(answer), 1, 9, 0, 1, 'é', 'e', 'e', 1)") }
        // Unknown answer (foreign key).
        #expect(throws: StoreError.self) { try store.database.execute(insert + "(999999, 1, 0, 0, 1, 'a', 'a', 'a', 1)") }
        // The same span with the right byte length is accepted.
        try store.database.execute(insert + "(\(answer), 1, 9, 0, 2, 'é', 'e', 'e', 1)")
    }

    @Test func excerptTextIsTheOriginalSliceOfTheAnswer() throws {
        let file = TemporaryDatabase()
        let store = try fixtureStore(file)
        let mismatches = try store.database.scalarInt("""
            SELECT count(*) FROM excerpt e JOIN answer a ON a.id = e.answerId
            WHERE substr(CAST(a.text AS BLOB), e.utf8Start + 1, e.utf8End - e.utf8Start) <> CAST(e.text AS BLOB)
            """)
        #expect(mismatches == 0)
        // "L'ASCENSEUR est encore en panne. Personne ne vient." has two sentences.
        #expect(try store.database.scalarInt("SELECT count(*) FROM excerpt e JOIN answer a ON a.id = e.answerId WHERE a.text GLOB 'L''ASCENSEUR*'") == 2)
    }

    @Test func writingTheSameAnswersTwiceAddsNothing() throws {
        let file = TemporaryDatabase()
        let store = try fixtureStore(file)
        let excerptsBefore = try store.database.scalarInt("SELECT count(*) FROM excerpt")
        let consultation = try store.consultationID(named: "test", create: false)
        let run = try store.beginRun(consultation: consultation, testRun)
        var counts = RunCounts()
        let analyzer = Lex.analyzer()
        try store.writer(consultation: consultation, run: run).write([
            answerWrite("T1", "q1", "L'ASCENSEUR est encore en panne. Personne ne vient.", analyzer: analyzer),
            answerWrite("T2", "q1", "Les parties communes sont propres maintenant", analyzer: analyzer),
            answerWrite("T9", "q1", "Nouveau : le digicode est cassé", analyzer: analyzer),
        ], counts: &counts)
        #expect(counts.answersUnchanged == 1)
        #expect(counts.answersUpdated == 1)
        #expect(counts.answersAdded == 1)
        #expect(try store.database.scalarInt("SELECT count(*) FROM answer") == 6)
        // T2's old excerpt is gone from the table and from the index; its new text is searchable.
        #expect(try store.database.scalarInt("SELECT count(*) FROM excerpt") == excerptsBefore! + 1)
        let search = QuoteSearch(store: store, analyzer: analyzer)
        #expect(try search.search("sales").isEmpty)
        #expect(try search.search("propres").map(\.respondent) == ["T2"])
        #expect(try store.database.scalarText("PRAGMA integrity_check") == "ok")
        try store.database.execute("INSERT INTO excerptSearch(excerptSearch) VALUES ('integrity-check')")
    }

    @Test func respondentFieldsTakeTheLatestValue() throws {
        let file = TemporaryDatabase()
        let store = try fixtureStore(file)
        let consultation = try store.consultationID(named: "test", create: false)
        let run = try store.beginRun(consultation: consultation, testRun)
        var counts = RunCounts()
        try store.writer(consultation: consultation, run: run).write([
            answerWrite("T1", "q1", "L'ASCENSEUR est encore en panne. Personne ne vient.",
                        fields: [("territoire", "Bordeaux centre")], analyzer: Lex.analyzer()),
        ], counts: &counts)
        #expect(try store.database.scalarText(
            "SELECT value FROM respondentField f JOIN respondent r ON r.id = f.respondentId WHERE r.code = 'T1' AND f.name = 'territoire'")
            == "Bordeaux centre")
    }

    @Test func anUnknownConsultationNamesTheKnownOnes() throws {
        let file = TemporaryDatabase()
        let store = try fixtureStore(file)
        #expect(throws: StoreError.unknownConsultation(path: file.path, name: "autre", available: ["test"])) {
            _ = try store.consultationID(named: "autre", create: false)
        }
    }
}
