import Ingest
import Store
import Testing
@testable import VerbatimCore
#if canImport(Glibc)
import Glibc
#endif

/// `verbatim run` end to end on small hand-written exports (fake respondents).
@Suite struct RunJobTests {
    static let root = repositoryRoot
    typealias Folder = TemporaryFolder

    static func settings(_ input: String, _ db: String, labels: String? = nil) -> RunSettings {
        RunSettings(input: input, database: db, mapping: ColumnMapping(idColumn: "id", textColumns: ["q1", "q2"], segmentColumns: ["groupe"]),
                    questionLabels: labels, lexicons: root + "/lexicons/fr", workers: 2, batchSize: 2)
    }

    static let export = """
        id;groupe;q1;q2\r
        R1;locataire;L'ascenseur est en panne.;Plus de passages du gardien\r
        R2;partenaire;RAS;\r
        R3;locataire;"Deux lignes :\r
        - le local vélo\r
        - les boîtes aux lettres";Merci\r
        R1;locataire;doublon;doublon\r

        """

    @Test func storesAnswersExcerptsAndFieldsThenAddsNothingTheSecondTime() throws {
        let folder = Folder()
        let input = folder.write("consultation-test.csv", Self.export)
        let labels = folder.write("questions.tsv", "id\tlabel\nq1\tCe qui va bien ?\nq2\tÀ améliorer ?\n")
        let db = folder.path + "/out.sqlite"
        let first = try RunJob.run(Self.settings(input, db, labels: labels))
        // R1 q1, R1 q2, R2 q1, R3 q1, R3 q2 (R2 q2 is empty; the second R1 row is a duplicate).
        #expect(first.counts.answersRead == 5)
        #expect(first.counts.answersAdded == 5)
        #expect(first.duplicatesSkipped == 2)
        #expect(first.warnings.contains { $0.contains(":7: respondent 'R1' already answered 'q1' at line 2") })
        #expect(first.consultation == "consultation-test")
        // "L'ascenseur est en panne." 1, "Plus de passages du gardien" 1, "RAS" 1, the list: 3, "Merci" 1.
        #expect(first.counts.excerptsAdded == 7)

        let second = try RunJob.run(Self.settings(input, db, labels: labels))
        #expect(second.counts.answersAdded == 0)
        #expect(second.counts.answersUnchanged == 5)
        #expect(second.counts.excerptsAdded == 0)

        let store = try QuoteStore(path: db, readOnly: true)
        #expect(try store.database.scalarInt("SELECT count(*) FROM answer") == 5)
        #expect(try store.database.scalarInt("SELECT count(*) FROM run WHERE finishedAt IS NOT NULL") == 2)
        #expect(try store.database.scalarText("SELECT label FROM question WHERE code = 'q2'") == "À améliorer ?")
        #expect(try store.database.scalarText("SELECT text FROM answer a JOIN respondent r ON r.id = a.respondentId WHERE r.code = 'R3' AND a.questionId = (SELECT id FROM question WHERE code = 'q1')")
                == "Deux lignes :\r\n- le local vélo\r\n- les boîtes aux lettres")
        #expect(try store.database.scalarText("SELECT value FROM respondentField f JOIN respondent r ON r.id = f.respondentId WHERE r.code = 'R2'") == "partenaire")
        // Themes and intents are stored per excerpt (default taxonomy).
        #expect(try store.database.scalarText("SELECT group_concat(t.themeId) FROM excerptTheme t JOIN excerpt e ON e.id = t.excerptId WHERE e.text = 'L''ascenseur est en panne.'") == "equipements-communs")
        #expect(try store.database.scalarText("SELECT intent FROM excerpt WHERE text = 'L''ascenseur est en panne.'") == "plainte")
        #expect(try store.database.scalarInt("SELECT count(*) FROM theme") == 16)
        #expect(try store.database.scalarText("SELECT stages FROM run WHERE id = 1")?.contains("\"themes\"") == true)
    }

    @Test func theRunRecordsWhichModelTagged() throws {
        let folder = Folder()
        let input = folder.write("c.csv", Self.export)
        let db = folder.path + "/out.sqlite"
        _ = try RunJob.run(Self.settings(input, db))
        var alone = Self.settings(input, db)
        alone.model = "none"
        alone.reanalyze = true
        _ = try RunJob.run(alone)
        let store = try QuoteStore(path: db, readOnly: true)
        let model = try FileIO.readAll(path: Self.root + "/lexicons/themes/model.fr.tsv")
        let first = try store.database.scalarText("SELECT lexicons FROM run WHERE id = 1") ?? ""
        #expect(first.contains("\"modelSha256\":\"\(SHA256.hex(model))\""))
        #expect(first.contains("model.fr.tsv"))
        #expect(try store.database.scalarText("SELECT lexicons FROM run WHERE id = 2")?.contains("\"model\":null") == true)
        #expect(try store.database.scalarText("SELECT stages FROM run WHERE id = 1")?.contains("{\"name\":\"themes\",\"version\":\"5\"}") == true)
    }

    @Test func theSpeakerColumnMovesThemesAndRerunsKeepIt() throws {
        let folder = Folder()
        let taxonomy = folder.write("t.tsv", """
            presence-proximite\tlabel\tPrésence\t
            presence-proximite\tterm\tgardien\t1
            organisation-interne\tlabel\tOrganisation interne\t
            organisation-interne\tterm\tplanning\t1
            organisation-interne\tspeaker-moves\tpresence-proximite\t
            organisation-interne\tspeaker-group\tsalarié\t

            """)
        let input = folder.write("c.csv", "id;groupe;q1;q2\nE1;Salarie;Le gardien est débordé;\nT1;locataire;Le gardien est débordé;\n")
        let db = folder.path + "/out.sqlite"
        var settings = Self.settings(input, db)
        settings.taxonomy = taxonomy
        settings.model = "none"
        settings.speakerColumn = "groupe"
        _ = try RunJob.run(settings)
        func themes(_ respondent: String) throws -> String? {
            try QuoteStore(path: db, readOnly: true).database.scalarText("""
                SELECT group_concat(t.themeId || ' [' || t.evidence || ']') FROM excerptTheme t JOIN excerpt e ON e.id = t.excerptId
                JOIN answer a ON a.id = e.answerId JOIN respondent r ON r.id = a.respondentId WHERE r.code = '\(respondent)'
                """)
        }
        // The employee's caretaker is his own work; the tenant's stays the caretaker.
        #expect(try themes("E1") == "organisation-interne [gardien; speaker: group: salarié]")
        #expect(try themes("T1") == "presence-proximite [gardien]")
        let store = try QuoteStore(path: db, readOnly: true)
        #expect(try store.database.scalarText("SELECT settings FROM run WHERE id = 1")?.contains("\"speakerColumn\":\"groupe\"") == true)

        // A rerun without the option keeps the last run's column; "" turns it off.
        var rerun = RerunSettings(database: db, lexicons: Self.root + "/lexicons/fr", taxonomy: taxonomy, workers: 1)
        rerun.model = "none"
        _ = try RerunJob.run(rerun)
        #expect(try themes("E1") == "organisation-interne [gardien; speaker: group: salarié]")
        rerun.speakerColumn = ""
        _ = try RerunJob.run(rerun)
        #expect(try themes("E1") == "presence-proximite [gardien]")

        var unknown = settings
        unknown.speakerColumn = "territoire"
        do {
            _ = try RunJob.run(unknown)
            Issue.record("a speaker column that is not a kept field was accepted")
        } catch {
            #expect("\(error)" == "--speaker-col: 'territoire' is not a kept respondent field; add --segment-col territoire")
        }
    }

    @Test func aChangedFileAddsWhatIsNewAndReplacesWhatChanged() throws {
        let folder = Folder()
        let db = folder.path + "/out.sqlite"
        _ = try RunJob.run(Self.settings(folder.write("c.csv", Self.export), db))
        let changed = Self.export.replacing("RAS;", with: "RAS;Rien à signaler non plus")
            .replacing("Merci", with: "Merci beaucoup")
        let report = try RunJob.run(Self.settings(folder.write("c.csv", changed), db))
        #expect(report.counts.answersAdded == 1)     // R2 q2
        #expect(report.counts.answersUpdated == 1)   // R3 q2
        #expect(report.counts.answersUnchanged == 4)
        let store = try QuoteStore(path: db, readOnly: true)
        #expect(try store.database.scalarInt("SELECT count(*) FROM excerpt WHERE text = 'Merci'") == 0)
        #expect(try store.database.scalarInt("SELECT count(*) FROM excerpt WHERE text = 'Merci beaucoup'") == 1)
    }

    @Test func aMissingColumnListsTheAvailableOnes() throws {
        let folder = Folder()
        let input = folder.write("c.csv", "id;groupe;Q1\nR1;x;y\n")
        #expect(throws: IngestError.missingColumn(file: input, name: "q1", available: ["id", "groupe", "Q1"])) {
            _ = try RunJob.run(Self.settings(input, folder.path + "/out.sqlite"))
        }
    }

    @Test func aBadQuestionsFileNamesItsLine() throws {
        let folder = Folder()
        let input = folder.write("c.csv", Self.export)
        let labels = folder.write("q.tsv", "id\tlabel\nq1 without tab\n")
        #expect(throws: VerbatimError.self) { _ = try RunJob.run(Self.settings(input, folder.path + "/out.sqlite", labels: labels)) }
        do { _ = try RunJob.readQuestionLabels(labels) } catch { #expect("\(error)" == "\(labels):2: expected 'id<TAB>label'") }
    }

    @Test func excelSafeCells() {
        let cells = CSVCells(delimiter: ";")
        #expect(cells.cell("=SUM(A1)") == "'=SUM(A1)")
        #expect(cells.cell("+33 6") == "'+33 6")
        #expect(cells.cell("-rien") == "'-rien")
        #expect(cells.cell("@x") == "'@x")
        #expect(cells.cell("a;b") == "\"a;b\"")
        #expect(cells.cell("dit \"non\"") == "\"dit \"\"non\"\"\"")
        #expect(cells.cell("deux\nlignes") == "\"deux\nlignes\"")
        #expect(cells.cell("a,b") == "a,b")
        #expect(cells.row(["x", "y"]) == "x;y\r\n")
    }

    @Test func exportListsEveryExcerptWithItsFields() throws {
        let folder = Folder()
        let db = folder.path + "/out.sqlite"
        _ = try RunJob.run(Self.settings(folder.write("c.csv", Self.export), db))
        var csv = ""
        let count = try ExportJob.run(database: db, consultation: nil, format: .csv, delimiter: ";") { csv += $0 }
        #expect(count == 7)
        let lines = csv.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "\u{FEFF}excerpt_id;respondent;question;groupe;ordinal;utf8Start;utf8End;text;lemmas")
        // The list item "- le local vélo" starts with "-": neutralised for Excel.
        #expect(csv.contains(";'- le local vélo;"))
        var jsonl = ""
        _ = try ExportJob.run(database: db, consultation: nil, format: .jsonl, delimiter: ",") { jsonl += $0 }
        let first = try #require(jsonl.split(separator: "\n").first)
        #expect(first.hasPrefix("{\"excerptId\":"))
        #expect(first.contains("\"respondent\":\"R1\""))
        #expect(first.contains("\"fields\":{\"groupe\":\"locataire\"}"))
        #expect(first.contains("\"text\":\"L'ascenseur est en panne.\""))
    }
}

@Suite struct NumberFormatTests {
    @Test func decimalsAndSigns() {
        #expect(AnalyzeJob.format(2.5, decimals: 1) == "2.5")
        #expect(AnalyzeJob.format(-2.06, decimals: 1) == "-2.1")
        #expect(AnalyzeJob.format(-0.04, decimals: 1) == "0.0")
        #expect(AnalyzeJob.format(0.056, decimals: 2) == "0.06")
        #expect(AnalyzeJob.format(12, decimals: 0) == "12")
    }
}

/// Limits and the writer lock of `verbatim run`.
@Suite struct RunLimitsTests {
    typealias Folder = TemporaryFolder
    static func settings(_ input: String, _ db: String) -> RunSettings { RunJobTests.settings(input, db) }

    @Test func answersOverTheLengthLimitAreSkippedAndReportedWithTheirLine() throws {
        let folder = Folder()
        let input = folder.write("long.csv", "id;groupe;q1;q2\nR1;locataire;court;\(String(repeating: "très long ", count: 20))\nR2;locataire;ok;\n")
        var settings = Self.settings(input, folder.path + "/out.sqlite")
        settings.maxAnswerBytes = 100   // "très long " is 11 bytes: the R1 q2 answer is 220 bytes
        let report = try RunJob.run(settings)
        #expect(report.counts.answersAdded == 2)
        #expect(report.tooLongSkipped == 1)
        #expect(report.warnings.contains { $0.hasSuffix("long.csv:2: the answer of 'R1' to 'q2' is 220 bytes, more than the limit of 100 (--max-answer-bytes); it is skipped") })
        #expect(RunCLI.summary(report, database: "out.sqlite").contains("1 too long skipped"))
    }

    @Test func aFileOverTheRowLimitIsRefusedBeforeAnythingIsWritten() throws {
        let folder = Folder()
        let input = folder.write("rows.csv", "id;groupe;q1;q2\nR1;a;x;\nR2;a;y;\nR3;a;z;\n")
        let db = folder.path + "/out.sqlite"
        var settings = Self.settings(input, db)
        settings.maxRows = 2
        #expect {
            try RunJob.run(settings)
        } throws: { error in
            "\(error)".hasSuffix("rows.csv: 3 data rows, more than the limit of 2 (--max-rows); split the file or raise the limit")
        }
        #expect(access(db, F_OK) != 0)
    }

    @Test func aSecondRunOnTheSameDatabaseWaitsForTheWriterLockThenGivesUpClearly() throws {
        let folder = Folder()
        let input = folder.write("lock.csv", "id;groupe;q1;q2\nR1;a;x;\n")
        let db = folder.path + "/out.sqlite"
        var holder: WriterLock? = try WriterLock(path: db, waitSeconds: 0)
        var settings = Self.settings(input, db)
        settings.waitSeconds = 0.3
        #expect {
            try RunJob.run(settings)
        } throws: { error in
            "\(error)".contains("another `verbatim run` is writing to this database")
        }
        #expect(holder != nil)
        holder = nil
        // Released: the same run now goes through.
        #expect(try RunJob.run(settings).counts.answersAdded == 1)
    }
}
