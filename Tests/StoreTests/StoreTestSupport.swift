import Store
import TextAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// Shared lexicon (immutable) and a fresh analyzer per test (lemmatizers hold a memo).
enum Lex {
    static let lexicon: FrenchLexicon = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return try! FrenchLexicon(directory: path + "/lexicons/fr")
    }()
    static func analyzer() -> TextAnalyzer { try! TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon)) }
}

/// A database file in /tmp removed (with its WAL files) when the test ends.
final class TemporaryDatabase {
    let path: String
    init() {
        path = "/tmp/verbatim-test-\(getpid())-\(UInt64.random(in: 0..<UInt64.max)).sqlite"
    }
    deinit { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
}

/// Builds what `verbatim run` would write for one answer.
func answerWrite(_ respondent: String, _ question: String, _ text: String, fields: [(String, String)] = [],
                 analyzer: TextAnalyzer) -> AnswerWrite {
    let analyzed = analyzer.analyze(text)
    let bytes = Array(text.utf8)
    let excerpts = analyzed.excerpts.map { e in
        let columns = SearchText.columns(analyzed.tokens[e.tokenRange])
        return ExcerptRecord(utf8Start: e.utf8Start, utf8End: e.utf8End,
                             text: String(decoding: bytes[e.utf8Start..<e.utf8End], as: UTF8.self),
                             forms: columns.forms, lemmas: columns.lemmas, tokenCount: columns.count)
    }
    return AnswerWrite(respondent: respondent, question: question, text: text, sha256: SHA256.hex(text),
                       fields: fields.map { (name: $0.0, value: $0.1) }, sourceLine: nil, excerpts: excerpts)
}

let testRun = RunRecord(toolVersion: "test", stagesJSON: "[]", lexiconsJSON: "{}", settingsJSON: "{}",
                        sourceFile: "fixture", sourceSha256: String(repeating: "0", count: 64))

/// A store filled with hand-written answers (fake respondents) covering the search cases.
func fixtureStore(_ file: TemporaryDatabase) throws -> QuoteStore {
    let store = try QuoteStore(path: file.path)
    let consultation = try store.consultationID(named: "test", create: true)
    let run = try store.beginRun(consultation: consultation, testRun)
    let writer = try store.writer(consultation: consultation, run: run)
    let analyzer = Lex.analyzer()
    let tenant = [("groupe", "locataire"), ("territoire", "Rive droite")]
    let partner = [("groupe", "partenaire"), ("territoire", "Sud Gironde")]
    var counts = RunCounts()
    try writer.write([
        answerWrite("T1", "q1", "L'ASCENSEUR est encore en panne. Personne ne vient.", fields: tenant, analyzer: analyzer),
        answerWrite("T2", "q1", "Les parties communes sont sales depuis des mois", fields: tenant, analyzer: analyzer),
        answerWrite("T3", "q2", "Etat des lieux bâclé, et les réparations jamais faites", fields: tenant, analyzer: analyzer),
        answerWrite("P1", "q1", "l'ascenseur du bâtiment B fonctionne bien", fields: partner, analyzer: analyzer),
        answerWrite("P2", "q2", "Communes voisines et parties prenantes à associer ; le cœur du sujet", fields: partner, analyzer: analyzer),
    ], counts: &counts)
    try store.finishRun(run, counts: counts)
    return store
}
