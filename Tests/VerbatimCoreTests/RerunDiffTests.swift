import Ingest
import Store
import Testing
@testable import VerbatimCore

/// The researchers' loop: edit a copy of the taxonomy, rerun, diff.
@Suite struct RerunDiffTests {
    static let root = repositoryRoot

    // Hand-written (fake respondents). "trottinette" is in no theme of the default taxonomy, and
    // none of these sentences speaks of works: adding the term to travaux-renovation must change
    // exactly the three excerpts that contain it.
    static let export = """
        id;q1
        R1;Les trottinettes électriques bloquent le hall. Il y a trop de bruit le soir.
        R2;Une trottinette a été volée dans le local à vélos.
        R3;Merci pour le nouveau parking à vélos.
        R4;La trottinette du voisin traîne dans l'escalier. Le gardien est gentil.

        """

    @Test func addingATermChangesExactlyTheExcerptsThatContainIt() throws {
        let folder = TemporaryFolder()
        let input = folder.write("consultation.csv", Self.export)
        let db = folder.path + "/loop.sqlite"
        let lexicons = Self.root + "/lexicons/fr"
        // The taxonomy alone (no model): this is about what a term edit does, and the bundled
        // model was trained with the unedited taxonomy (`verbatim taxonomy lint` says so).
        var settings = RunSettings(input: input, database: db, mapping: ColumnMapping(idColumn: "id", textColumns: ["q1"]),
                                   lexicons: lexicons, workers: 1)
        settings.model = "none"
        _ = try RunJob.run(settings)

        var taxonomy = try FileIO.readAll(path: Self.root + "/lexicons/themes/habitat.fr.tsv")
        #expect(!String(decoding: taxonomy, as: UTF8.self).contains("trottinette"))
        taxonomy += Array("travaux-renovation\tterm\ttrottinette\t1\n".utf8)
        let edited = folder.write("edited.tsv", taxonomy)
        var editedRun = RerunSettings(database: db, lexicons: lexicons, taxonomy: edited, workers: 1)
        editedRun.model = "none"
        let rerun = try RerunJob.run(editedRun)
        #expect(rerun.answers == 4)
        #expect(rerun.reindexed == 0)   // same lexicons: same lemmas, same spans

        let store = try QuoteStore(path: db, readOnly: true)
        let consultation = try store.resolveConsultation(nil)
        let diff = try RunDiff.between(1, rerun.runID, consultation: consultation, store: store)
        #expect(diff.excerptsCompared == 6)
        #expect(diff.changes.map(\.text) == ["Les trottinettes électriques bloquent le hall.",
                                             "Une trottinette a été volée dans le local à vélos.",
                                             "La trottinette du voisin traîne dans l'escalier."])
        #expect(diff.changes.allSatisfy { $0.themesAfter == ($0.themesBefore ?? []).union(["travaux-renovation"]) })
        #expect(diff.changes.allSatisfy { $0.intentBefore == $0.intentAfter })
        #expect(diff.themeCounts.first { $0.theme == "travaux-renovation" }.map { $0.after - $0.before } == 3)
        // The same run against itself: nothing changed.
        #expect(try RunDiff.between(rerun.runID, rerun.runID, consultation: consultation, store: store).changes.isEmpty)
        #expect(try store.database.scalarText("PRAGMA integrity_check") == "ok")

        // Back to the default taxonomy: run 3 decides as run 1 did, and run 2 stays comparable.
        var backRun = RerunSettings(database: db, lexicons: lexicons, workers: 1)
        backRun.model = "none"
        let back = try RerunJob.run(backRun)
        let store3 = try QuoteStore(path: db, readOnly: true)
        #expect(try RunDiff.between(1, back.runID, consultation: consultation, store: store3).changes.isEmpty)
        let undo = try RunDiff.between(rerun.runID, back.runID, consultation: consultation, store: store3)
        #expect(undo.changes.map(\.excerptID) == diff.changes.map(\.excerptID))
        #expect(undo.changes.allSatisfy { $0.themesBefore?.contains("travaux-renovation") == true && !$0.themesAfter.contains("travaux-renovation") })
    }

    @Test func diffNamesTheRunsWhenThereAreTooFew() throws {
        let folder = TemporaryFolder()
        let input = folder.write("one.csv", "id;q1\nR1;Le hall est sale.\n")
        let db = folder.path + "/one.sqlite"
        _ = try RunJob.run(RunSettings(input: input, database: db, mapping: ColumnMapping(idColumn: "id", textColumns: ["q1"]),
                                       lexicons: Self.root + "/lexicons/fr", workers: 1))
        #expect {
            try DiffJob.run(database: db, consultation: nil, before: nil, after: nil, limit: 10, format: .table)
        } throws: { "\($0)".contains("has 1 finished run(s); two are needed") }
    }
}

extension Array where Element == String {
    func union(_ other: [String]) -> [String] { Array(Set(self).union(other)).sorted() }
}
