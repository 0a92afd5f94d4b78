import Testing
import TextAnalysis
@testable import VerbatimCore
#if canImport(Glibc)
import Glibc
#endif

private enum Lex {
    /// The lexicon is immutable and shared; a lemmatizer holds a memo, so each test gets its own
    /// (tests run in parallel).
    static let lexicon: FrenchLexicon = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return try! FrenchLexicon(directory: path + "/lexicons/fr")
    }()
    static var lemmatizer: FrenchLemmatizer { FrenchLemmatizer(lexicon: lexicon) }
}

// A hand-written CoNLL-U: comment lines, a range line (du = de + le), an empty node.
private let sample = """
# sent_id = 1
# text = Les portes du hall ferment mal.
1\tLes\tle\tDET\t_\t_\t2\tdet\t_\t_
2\tportes\tporte\tNOUN\t_\t_\t5\tnsubj\t_\t_
3-4\tdu\t_\t_\t_\t_\t_\t_\t_\t_
3\tde\tde\tADP\t_\t_\t5\tcase\t_\t_
4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_
5\thall\thall\tNOUN\t_\t_\t2\tnmod\t_\t_
5.1\tvide\tvide\tADJ\t_\t_\t_\t_\t_\t_
6\tferment\tfermer\tVERB\t_\t_\t0\troot\t_\t_
7\tmal\tmal\tADV\t_\t_\t6\tadvmod\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t6\tpunct\t_\t_

# sent_id = 2
1\tZorglub\tXXX\tPROPN\t_\t_\t0\troot\t_\t_


"""

@Test func conlluRoundTripChangesOnlyLemmaAndUpos() {
    let input = Array(sample.utf8)
    let output = Conllu.relemmatize(input, with: Lex.lemmatizer)
    let a = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let b = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(a.count == b.count)
    for (x, y) in zip(a, b) {
        let cx = x.split(separator: "\t", omittingEmptySubsequences: false)
        let cy = y.split(separator: "\t", omittingEmptySubsequences: false)
        let isWord = cx.count == 10 && cx[0].allSatisfy(\.isNumber)
        if isWord {
            #expect(cx.count == cy.count)
            #expect(Array(cx[0..<2]) == Array(cy[0..<2]))
            #expect(Array(cx[4...]) == Array(cy[4...]))
        } else {
            #expect(x == y)   // comments, range 3-4, empty node 5.1, blank lines
        }
    }
    // "ferment" → fermer VERB; the unknown name keeps its case.
    #expect(b.contains { $0.hasPrefix("6\tferment\tfermer\tVERB\t") })
    #expect(b.contains { $0.hasPrefix("1\tZorglub\tZorglub\tPROPN\t") })
}

@Test func benchCountsByHand() {
    // 8 words in sentence 1 + 1 in sentence 2. Gold lemma of Zorglub is "XXX": a sure miss.
    // (a) excludes PUNCT: 8 words, 7 right (all but Zorglub) → 87.5
    // (b) no PRON here → same 87.5; (c) NOUN/VERB/ADV: portes, hall, ferment, mal → 100
    // (d) VERB: ferment → 100
    let bench = LemmaBench(lemmatizer: Lex.lemmatizer, stripAccents: false)
    let (s, k) = bench.score(name: "sample", conllu: Array(sample.utf8))
    #expect(k.a == (7, 8))
    #expect(k.c == (4, 4))
    #expect(k.d == (1, 1))
    #expect(s.a == 87.5)
    #expect(s.b == 87.5)
    #expect(s.c == 100)
    #expect(s.words == 9)
    let m = LemmaBench.macro([s, LemmaBench.Scores(name: "x", a: 100, b: 100, c: 50, d: 0, upos: 0)])
    #expect(m.a == 93.75)
    #expect(m.c == 75)
}

@Test func analyzeTSVHasLemmaColumns() throws {
    #expect(AnalyzeJob.tsvHeader == "answer\tutf8Start\tutf8End\ttext\tnorm\tkind\tlemma\tupos\texcerpt\tflags")
    let job = try AnalyzeJob(format: .tsv, lemmatizer: Lex.lemmatizer)
    var summary = AnalyzeJob.Summary()
    var output = ""
    job.process(answer: ArraySlice(Array("Les réparations".utf8)), index: 0, summary: &summary, output: &output)
    let rows = output.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    #expect(rows[1][3...7] == ["réparations", "réparations", "word", "réparation", "NOUN"])
}
