import Store
import Testing
@testable import VerbatimCore
#if canImport(Glibc)
import Glibc
#endif

/// Kills `verbatim run` with SIGKILL in the middle of a run, reruns it, and compares the database
/// with one written by an uninterrupted run.
@Suite struct CrashSafetyTests {
    static let root = repositoryRoot

    /// The `verbatim` executable built next to the test bundle (`swift test` builds it).
    static var executable: String {
        let runner = CommandLine.arguments[0]
        return String(runner[..<(runner.lastIndex(of: "/") ?? runner.startIndex)]) + "/verbatim"
    }

    static func arguments(_ csv: String, _ db: String) -> [String] {
        ["run", csv, "--db", db, "--consultation", "crash", "--id-col", "id_repondant", "--text-col", "q1", "--text-col", "q2",
         "--text-col", "q3", "--text-col", "q4", "--text-col", "q5", "--segment-col", "groupe", "--segment-col", "territoire",
         "--batch-size", "50", "--threads", "1", "--quiet", "--lexicons", root + "/lexicons/fr"]
    }

    static func launch(_ arguments: [String]) -> ChildProcess { ChildProcess(executable, arguments) }

    /// Answers committed so far (0 while the file or its schema does not exist yet).
    static func committedAnswers(_ db: String) -> Int {
        guard let store = try? QuoteStore(path: db, readOnly: true),
              let n = try? store.database.scalarInt("SELECT count(*) FROM answer") else { return 0 }
        return Int(n)
    }

    /// Every answer and excerpt, in a form independent of row ids.
    static func content(_ db: String) throws -> (answers: [String], excerpts: [String]) {
        let store = try QuoteStore(path: db, readOnly: true)
        func rows(_ sql: String) throws -> [String] {
            let statement = try store.database.prepare(sql)
            var out: [String] = []
            while try statement.step() {
                out.append((0..<statement.columnCount).map { statement.text($0) }.joined(separator: "|"))
            }
            return out
        }
        let answers = try rows("""
            SELECT r.code, q.code, a.sha256, a.text FROM answer a JOIN respondent r ON r.id = a.respondentId
            JOIN question q ON q.id = a.questionId ORDER BY 1, 2
            """)
        let excerpts = try rows("""
            SELECT r.code, q.code, e.ordinal, e.utf8Start, e.utf8End, e.text, e.forms, e.lemmas FROM excerpt e
            JOIN answer a ON a.id = e.answerId JOIN respondent r ON r.id = a.respondentId
            JOIN question q ON q.id = a.questionId ORDER BY 1, 2, 3
            """)
        return (answers, excerpts)
    }

    static func checkIntegrity(_ db: String) throws {
        let store = try QuoteStore(path: db)
        #expect(try store.database.scalarText("PRAGMA integrity_check") == "ok")
        #expect(try store.database.scalarInt("PRAGMA foreign_key_check") == nil)
        try store.database.execute("INSERT INTO excerptSearch(excerptSearch) VALUES ('integrity-check')")
    }

    @Test func aKilledRunLosesNothingCommittedAndARerunCompletesIt() throws {
        try #require(access(Self.executable, X_OK) == 0,
                     "\(Self.executable) is missing: run the tests with `swift test` (it builds the executable too)")
        let folder = TemporaryFolder()
        let tmp = folder.path
        let resampler = try Resampler(sampleCSV: Self.root + "/examples/consultation/consultation.csv",
                                      idColumn: "id_repondant", questionColumns: ["q1", "q2", "q3", "q4", "q5"])
        let total = 6_000
        let csv = folder.write("big.csv", resampler.csv(answers: total, seed: 7))
        let killed = tmp + "/killed.sqlite", clean = tmp + "/clean.sqlite"

        var victim = Self.launch(Self.arguments(csv, killed))
        let deadline = Clock.now() + 120
        while Self.committedAnswers(killed) < 300 && victim.isRunning() && Clock.now() < deadline { usleep(5_000) }
        let finishedFirst = !victim.isRunning()
        kill(victim.pid, SIGKILL)
        victim.wait()
        let afterKill = Self.committedAnswers(killed)
        #expect(!finishedFirst, "the run ended before it could be killed; make the input larger")
        #expect(afterKill >= 300 && afterKill < total, "\(afterKill) answers committed when killed")
        // Whole batches only: 50 answers per transaction.
        #expect(afterKill % 50 == 0)
        try Self.checkIntegrity(killed)

        var rerun = Self.launch(Self.arguments(csv, killed))
        #expect(rerun.wait() == 0)
        var reference = Self.launch(Self.arguments(csv, clean))
        #expect(reference.wait() == 0)

        let a = try Self.content(killed), b = try Self.content(clean)
        #expect(a.answers.count == total)
        #expect(a.answers == b.answers)
        #expect(a.excerpts == b.excerpts)
        #expect(Set(a.excerpts).count == a.excerpts.count)
        try Self.checkIntegrity(killed)
        // The killed run stays recorded as unfinished; the rerun finished.
        let store = try QuoteStore(path: killed, readOnly: true)
        #expect(try store.database.scalarInt("SELECT count(*) FROM run WHERE finishedAt IS NULL") == 1)
        #expect(try store.database.scalarInt("SELECT answersUnchanged FROM run ORDER BY id DESC LIMIT 1") == Int64(afterKill))
    }
}
