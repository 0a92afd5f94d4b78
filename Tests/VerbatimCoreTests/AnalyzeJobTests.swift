import Testing
import VerbatimCore

@Test func linesSplitOnLFAndCRLF() {
    let bytes = Array("un\r\ndeux\n\ntrois\n".utf8)
    let lines = AnalyzeJob.lines(of: bytes).map { String(decoding: $0, as: UTF8.self) }
    #expect(lines == ["un", "deux", "", "trois"])
}

@Test func lastLineWithoutNewlineIsKept() {
    let lines = AnalyzeJob.lines(of: Array("a\nb".utf8)).map { String(decoding: $0, as: UTF8.self) }
    #expect(lines == ["a", "b"])
    #expect(AnalyzeJob.lines(of: []).isEmpty)
}

@Test func jsonStringEscapes() {
    #expect(TextOutput.jsonString("a\"b\\c\nd\te") == "\"a\\\"b\\\\c\\nd\\te\"")
    #expect(TextOutput.jsonString("\u{01}é") == "\"\\u0001é\"")
}

@Test func tsvCellEscapesSeparators() {
    #expect(TextOutput.tsvCell("a\tb\nc\\") == "a\\tb\\nc\\\\")
    #expect(TextOutput.tsvCell("l'été") == "l'été")
}

@Test func summaryCountsAnswersExcerptsAndTokens() throws {
    let job = try AnalyzeJob(format: .summary)
    var summary = AnalyzeJob.Summary()
    var output = ""
    // "RAS" = 1 token; "Le hall est sale. Merci !" = 7 tokens in 2 excerpts; "" = nothing.
    for (i, text) in ["RAS", "Le hall est sale. Merci !", ""].enumerated() {
        job.process(answer: ArraySlice(Array(text.utf8)), index: i, summary: &summary, output: &output)
    }
    #expect(summary.answers == 3)
    #expect(summary.excerpts == 3)
    #expect(summary.tokens == 8)
    #expect(summary.words == 6)
    #expect(output.isEmpty)
}

@Test func tsvRowsCarryOriginalSlices() throws {
    let job = try AnalyzeJob(format: .tsv)
    var summary = AnalyzeJob.Summary()
    var output = ""
    job.process(answer: ArraySlice(Array("L’été".utf8)), index: 4, summary: &summary, output: &output)
    let rows = output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    #expect(rows.count == 2)
    // answer, utf8Start, utf8End, text, norm, kind
    #expect(rows[0].prefix(6).map(String.init) == ["4", "0", "4", "L’", "l'", "word"])
    #expect(rows[1].prefix(6).map(String.init) == ["4", "4", "9", "été", "été", "word"])  // é t é = 2+1+2 bytes
}
