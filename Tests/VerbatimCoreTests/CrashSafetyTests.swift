import Store
import Testing
import Themes
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

    /// A consultation of `answers` answers resampled from the bundled sample, written to `folder`.
    static func sample(answers: Int, seed: UInt64, in folder: TemporaryFolder, as name: String) throws -> String {
        let resampler = try Resampler(sampleCSV: root + "/examples/consultation/consultation.csv",
                                      idColumn: "id_repondant", questionColumns: ["q1", "q2", "q3", "q4", "q5"])
        return folder.write(name, resampler.csv(answers: answers, seed: seed))
    }

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
        let total = 6_000
        let csv = try Self.sample(answers: total, seed: 7, in: folder, as: "big.csv")
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

    /// Twenty SIGKILLs at seeded random moments (before, during and around the writes), each
    /// followed by an integrity check; then a last run completes the job and the database equals
    /// one written without interruption.
    @Test func twentyKillsAtRandomPointsNeverCorruptOrDuplicate() throws {
        try #require(access(Self.executable, X_OK) == 0, "\(Self.executable) is missing: run the tests with `swift test`")
        let folder = TemporaryFolder()
        let total = 3_000
        let csv = try Self.sample(answers: total, seed: 20, in: folder, as: "kills.csv")
        let killed = folder.path + "/killed.sqlite", clean = folder.path + "/clean.sqlite"
        var random = SeededGenerator(seed: 2026)
        var previous = 0
        var killedMidRun = 0
        for round in 1...20 {
            var victim = Self.launch(Self.arguments(csv, killed))
            usleep(UInt32(Int.random(in: 20_000...1_200_000, using: &random)))
            if victim.isRunning() { killedMidRun += 1 }
            kill(victim.pid, SIGKILL)
            victim.wait()
            let committed = Self.committedAnswers(killed)
            #expect(committed >= previous, "round \(round): \(committed) answers after \(previous)")
            #expect(committed % 50 == 0 || committed == total, "round \(round): \(committed) answers is not whole batches")
            if access(killed, F_OK) == 0 && committed > 0 { try Self.checkIntegrity(killed) }
            previous = committed
        }
        #expect(killedMidRun >= 15, "only \(killedMidRun) of 20 kills hit a running process")
        var last = Self.launch(Self.arguments(csv, killed))
        #expect(last.wait() == 0)
        var reference = Self.launch(Self.arguments(csv, clean))
        #expect(reference.wait() == 0)
        let a = try Self.content(killed), b = try Self.content(clean)
        #expect(a.answers.count == total)
        #expect(a.answers == b.answers)
        #expect(a.excerpts == b.excerpts)
        try Self.checkIntegrity(killed)
    }
}

/// Several processes on one database: two writers, and the web UI reading while a run writes.
@Suite struct ConcurrencyTests {
    typealias C = CrashSafetyTests

    @Test func twoRunsAtOnceOnOneDatabaseTakeTurns() throws {
        try #require(access(C.executable, X_OK) == 0, "\(C.executable) is missing: run the tests with `swift test`")
        let folder = TemporaryFolder()
        let total = 1_500
        let csv = try C.sample(answers: total, seed: 5, in: folder, as: "both.csv")
        let db = folder.path + "/shared.sqlite"
        var first = C.launch(C.arguments(csv, db))
        var second = C.launch(C.arguments(csv, db))
        #expect(first.wait() == 0)
        #expect(second.wait() == 0)
        try C.checkIntegrity(db)
        let store = try QuoteStore(path: db, readOnly: true)
        #expect(try store.database.scalarInt("SELECT count(*) FROM answer") == Int64(total))
        // One run added everything, the other found it all stored.
        #expect(try store.database.scalarInt("SELECT count(*) FROM run WHERE finishedAt IS NOT NULL") == 2)
        #expect(try store.database.scalarInt("SELECT sum(answersAdded) FROM run") == Int64(total))
        #expect(try store.database.scalarInt("SELECT max(answersUnchanged) FROM run") == Int64(total))
    }

    @Test func serveKeepsAnsweringWhileARunWrites() throws {
        try #require(access(C.executable, X_OK) == 0, "\(C.executable) is missing: run the tests with `swift test`")
        let folder = TemporaryFolder()
        let small = try C.sample(answers: 100, seed: 1, in: folder, as: "small.csv")
        let big = try C.sample(answers: 4_000, seed: 2, in: folder, as: "big.csv")
        let db = folder.path + "/live.sqlite"
        #expect(runProcess(C.executable, C.arguments(small, db)) == 0)

        let port = UInt16(20_000 + Int(getpid()) % 20_000)
        var server = ChildProcess(C.executable, ["serve", "--db", db, "--port", "\(port)", "--lexicons", C.root + "/lexicons/fr"])
        defer { kill(server.pid, SIGKILL); server.wait() }
        let ready = Clock.now() + 60
        while httpGet(port: port, "/about.json") == nil && Clock.now() < ready && server.isRunning() { usleep(50_000) }
        try #require(httpGet(port: port, "/about.json")?.status == 200, "verbatim serve did not start on port \(port)")

        var writer = C.launch(C.arguments(big, db))
        var requests = 0, failures: [String] = []
        while writer.isRunning() {
            for path in ["/themes.json", "/search.json?q=gardien", "/about.json"] {
                requests += 1
                guard let response = httpGet(port: port, path) else { failures.append("\(path): no answer"); continue }
                if response.status != 200 { failures.append("\(path): \(response.status) \(response.body.prefix(200))") }
            }
        }
        #expect(writer.wait() == 0)
        #expect(requests >= 6, "only \(requests) requests while the run wrote")
        #expect(failures.isEmpty, "\(failures.count) failed requests: \(failures.prefix(3))")
        // The new run is visible without restarting the server.
        #expect(httpGet(port: port, "/about.json")?.body.contains("\"runs\":2") == true)
    }
}
