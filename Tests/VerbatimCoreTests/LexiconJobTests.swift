import Testing
@testable import VerbatimCore

@Suite struct LexiconJobTests {
    static let lexicons = repositoryRoot + "/lexicons/fr"

    @Test func lookupShowsTheReadingsAndTheLemmaInContext() throws {
        let out = try LexiconJob.lookup("charges", context: "les charges augmentent", accentless: false, lexicons: Self.lexicons)
        #expect(out.contains("in context (\"les charges augmentent\"): charge NOUN"))
        #expect(out.contains("charger  VERB"))
        let unknown = try LexiconJob.lookup("zorglubette", context: nil, accentless: false, lexicons: Self.lexicons)
        // No table knows it: the readings are the unknown-word model's guesses.
        #expect(unknown.hasPrefix("zorglubette: ") && unknown.contains("readings from guess"))
        #expect(unknown.contains("[guessed]"))
    }

    @Test func manifestFilesAreReadInOrder() {
        let json = "{\n \"files\": [\n  {\n   \"path\": \"a.tsv\",\n   \"sha256\": \"01\",\n   \"rows\": 1\n  },\n  {\n   \"path\": \"b.tsv\",\n   \"sha256\": \"02\"\n  }\n ]\n}"
        #expect(LexiconJob.manifestFiles(json).map { "\($0.0)=\($0.1)" } == ["a.tsv=01", "b.tsv=02"])
    }

    /// A copy of the tables with a hand edit: the checksum and the conflicting entry are errors.
    @Test func lintFindsHandEditsAndConflicts() throws {
        let folder = TemporaryFolder()
        let copy = folder.path + "/fr"
        #expect(runProcess("/bin/cp", ["-r", Self.lexicons, copy]) == 0)
        #expect(try LexiconJob.lint(lexicons: copy).errors == 0)
        let sms = String(decoding: try FileIO.readAll(path: copy + "/sms.tsv"), as: UTF8.self)
        var lines = sms.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let at = try #require(lines.firstIndex { $0.hasPrefix("tjrs\t") })
        lines.insert("tjrs\tjamais", at: at + 1)
        try FileIO.writeAll(path: copy + "/sms.tsv", bytes: Array(lines.joined(separator: "\n").utf8))
        let (report, errors) = try LexiconJob.lint(lexicons: copy)
        #expect(errors == 2)
        #expect(report.contains("/sms.tsv: checksum differs from manifest.json"))
        #expect(report.contains("/sms.tsv:\(at + 2): 'tjrs' is listed again with 'jamais' (line \(at + 1): 'toujours')"))
    }
}
