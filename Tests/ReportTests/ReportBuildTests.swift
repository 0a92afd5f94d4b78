import Testing
import Report
import Store
#if canImport(Glibc)
import Glibc
#endif

/// A database file in /tmp removed (with its WAL files) when the test ends.
final class TemporaryDatabase {
    let path: String
    init() { path = "/tmp/verbatim-report-test-\(getpid())-\(UInt64.random(in: 0..<UInt64.max)).sqlite" }
    deinit { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
}

/// The excerpt of `answer` that is exactly `slice` (its first occurrence), with an intent and themes.
func excerpt(_ answer: String, _ slice: String, intent: String, themes: [(String, Double, String)] = []) -> ExcerptRecord {
    let bytes = Array(answer.utf8), part = Array(slice.utf8)
    var start = 0
    while Array(bytes[start..<(start + part.count)]) != part { start += 1 }
    return ExcerptRecord(utf8Start: start, utf8End: start + part.count, text: slice, forms: "x", lemmas: "x", tokenCount: 1,
                         intent: intent, themes: themes.map { ExcerptThemeRecord(theme: $0.0, score: $0.1, evidence: $0.2, negated: false) })
}

func answer(_ respondent: String, _ text: String, fields: [(String, String)], _ excerpts: [ExcerptRecord]) -> AnswerWrite {
    AnswerWrite(respondent: respondent, question: "q1", text: text, sha256: SHA256.hex(text),
                fields: fields.map { (name: $0.0, value: $0.1) }, sourceLine: nil, excerpts: excerpts)
}

let a1 = "C'est sale dans le hall. Le local poubelle déborde et ça sent mauvais tous les jours."
let a2 = "<script>alert('x')</script> Les charges sont trop chères."
let a3 = "Rien à signaler 😀"
let a4 = "Le loyer & les charges augmentent 😡"   // 38 bytes: shorter than the preferred 40–300

/// Four hand-written answers: two about cleanliness in one answer, two about rent (one with a
/// script tag), one without theme; fields groupe and territoire.
func reportStore(_ file: TemporaryDatabase) throws -> QuoteStore {
    let store = try QuoteStore(path: file.path)
    let consultation = try store.consultationID(named: "Grande <consultation>", create: true)
    try store.upsertThemes([("proprete", "Propreté & déchets", "Parties communes \"propres\""),
                            ("loyer-charges", "Loyer et charges", "Montant du loyer"),
                            ("vivre-ensemble", "Vivre ensemble", "")])
    try store.upsertQuestions(consultation: consultation, [(code: "q1", label: "Qu'est-ce qui doit être amélioré ?")])
    let run = try store.beginRun(consultation: consultation, RunRecord(
        toolVersion: "9.9.9", stagesJSON: "[{\"name\":\"text\",\"version\":\"1\"}]", lexiconsJSON: "{}",
        settingsJSON: "{\"idColumn\":\"id\"}", sourceFile: "fixture.csv", sourceSha256: String(repeating: "a", count: 64)))
    var counts = RunCounts()
    try store.writer(consultation: consultation, run: run).write([
        answer("R1", a1, fields: [("groupe", "locataire"), ("territoire", "Nord")], [
            excerpt(a1, "C'est sale dans le hall.", intent: "plainte", themes: [("proprete", 1.5, "sale; hall")]),
            excerpt(a1, "Le local poubelle déborde et ça sent mauvais tous les jours.", intent: "plainte",
                    themes: [("proprete", 1.5, "local poubelle; sent")]),
        ]),
        answer("R2", a2, fields: [("groupe", "partenaire"), ("territoire", "Sud")],
               [excerpt(a2, a2, intent: "attente", themes: [("loyer-charges", 2, "charges")])]),
        answer("R3", a3, fields: [("groupe", "locataire"), ("territoire", "Nord")], [excerpt(a3, a3, intent: "neutre")]),
        answer("R4", a4, fields: [("groupe", "locataire"), ("territoire", "Sud")],
               [excerpt(a4, a4, intent: "plainte", themes: [("loyer-charges", 2, "loyer; charges")])]),
    ], counts: &counts)
    try store.finishRun(run, counts: counts)
    return store
}

let options = ReportOptions(
    generator: "Verbatim test", generatedAt: "2026-01-02 03:04 UTC",
    clusters: [DiscoveredTheme(size: 3, terms: ["ascenseur", "panne"], examples: ["L'ascenseur <b>encore</b> en panne"],
                               nearestTheme: "proprete")],
    discoveryNote: "reinert, k = 8 & seed = 42")

@Suite struct ReportBuildTests {
    @Test func readsTheFiguresOfTheStore() throws {
        let file = TemporaryDatabase()
        defer { withExtendedLifetime(file) {} }   // the files are unlinked when it goes away
        let store = try reportStore(file)
        let data = try ReportData.load(store: store, consultation: nil, field: nil)
        #expect(data.overview.consultation == "Grande <consultation>")
        #expect(data.overview.respondents == 4)
        #expect(data.overview.answers == 4)
        #expect(data.overview.excerpts == 5)
        #expect(data.overview.classifiedExcerpts == 4)
        #expect(data.overview.unclassifiedAnswers == 1)
        #expect(data.overview.questions == [ReportQueries.Question(code: "q1", label: "Qu'est-ce qui doit être amélioré ?",
                                                                   answers: 4, classifiedAnswers: 3)])
        #expect(data.overview.fields == ["groupe", "territoire"])
        #expect(data.field == "groupe")
        #expect(data.counts.rows.map(\.theme) == ["loyer-charges", "proprete", "vivre-ensemble"])
        #expect(data.counts.rows.map(\.answers) == [2, 1, 0])
        #expect(data.terms["proprete"] == [ReportQueries.Term(term: "hall", excerpts: 1), ReportQueries.Term(term: "local poubelle", excerpts: 1),
                                           ReportQueries.Term(term: "sale", excerpts: 1), ReportQueries.Term(term: "sent", excerpts: 1)])
        #expect(data.terms["loyer-charges"] == [ReportQueries.Term(term: "charges", excerpts: 2), ReportQueries.Term(term: "loyer", excerpts: 1)])
        // One quote per answer: the longer of R1's two equally scored excerpts.
        #expect(data.quotes["proprete"]?.map(\.text) == ["Le local poubelle déborde et ça sent mauvais tous les jours."])
        // Same score: the 40–300-byte excerpt (R2) before the 38-byte one (R4).
        #expect(data.quotes["loyer-charges"]?.map(\.respondent) == ["R2", "R4"])
        #expect(data.quotes["loyer-charges"]?.first?.text == a2)
        #expect(data.quotes["loyer-charges"]?.first?.fields == [ReportQueries.Field(name: "groupe", value: "partenaire"),
                                                                ReportQueries.Field(name: "territoire", value: "Sud")])
        #expect(data.quotes["loyer-charges"]?.first?.question == "q1")
        #expect(data.quotes["loyer-charges"]?.first?.questionLabel == "Qu'est-ce qui doit être amélioré ?")
        #expect(data.quotes["vivre-ensemble"] == nil)
        var rent = ReportQueries.IntentSplit()
        rent.plainte = 1
        rent.attente = 1
        #expect(data.intents["loyer-charges"] == rent)
        #expect(data.intents["proprete"]?.plainte == 2 && data.intents["proprete"]?.total == 2)
        #expect(data.run?.toolVersion == "9.9.9")
        #expect(data.run?.sourceFile == "fixture.csv")
        #expect(data.run?.runs == 1 && data.run?.unfinishedRuns == 0)
        #expect(try ReportData.load(store: store, consultation: "Grande <consultation>", field: "territoire").field == "territoire")
        #expect(throws: StoreError.self) { _ = try ReportData.load(store: store, consultation: nil, field: "age") }
    }

    @Test func defaultFieldIsGroupeThenTheFirst() {
        #expect(ReportData.defaultField(requested: nil, available: ["age", "groupe"]) == "groupe")
        #expect(ReportData.defaultField(requested: nil, available: ["age", "territoire"]) == "age")
        #expect(ReportData.defaultField(requested: "territoire", available: ["groupe", "territoire"]) == "territoire")
        #expect(ReportData.defaultField(requested: nil, available: []) == nil)
    }

    @Test func reportIsSelfContainedEscapedAndComplete() throws {
        let file = TemporaryDatabase()
        defer { withExtendedLifetime(file) {} }   // the files are unlinked when it goes away
        let store = try reportStore(file)
        let data = try ReportData.load(store: store, consultation: nil, field: nil)
        let html = ReportBuilder.build(data, options: options)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        // The script tag of the answer is text, never markup.
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Les charges sont trop chères."))
        #expect(!html.lowercased().contains("<script"))
        // Nothing outside the file: no URL, no src, links only to anchors, CSS url() only to local patterns.
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import") && !html.contains("@font-face"))
        #expect(occurrences("href=\"", in: html) == occurrences("href=\"#", in: html))
        #expect(occurrences("url(", in: html) == occurrences("url(#", in: html))
        // Every section.
        for heading in ["<h1>Consultation report: Grande &lt;consultation&gt;</h1>", "<h2>Overview</h2>", "<h2>Themes</h2>",
                        "<h2>Themes by groupe</h2>", "<h2>Intent by theme</h2>", "<h2>Themes in detail</h2>",
                        "<h2>Discovered clusters</h2>", "<h2>Methods</h2>", "<h3>Questions</h3>", "<h3>Provenance</h3>",
                        "<h3>How the figures are computed</h3>"] {
            #expect(html.contains(heading), "missing \(heading)")
        }
        #expect(html.contains("<title>Consultation report: Grande &lt;consultation&gt;</title>"))
        #expect(occurrences("<section", in: html) == 7 && occurrences("</section>", in: html) == 7)
        // Themes, heatmap, intents; no "largest differences" chart: no difference is significant.
        #expect(occurrences("<svg", in: html) == 3 && occurrences("</svg>", in: html) == 3)
        // Overview figures and the question.
        #expect(html.contains("<div class=\"figure\"><b>4</b>respondents</div>"))
        #expect(html.contains("<div class=\"figure\"><b>1</b>unclassified answers (25.0%)</div>"))
        #expect(html.contains("<td>Qu&#39;est-ce qui doit être amélioré ?</td><td class=\"n\">4</td><td class=\"n\">3 (75.0%)</td>"))
        // Database strings are escaped; emoji and accents kept.
        #expect(html.contains("Propreté &amp; déchets"))
        #expect(html.contains("<p class=\"description\">Parties communes &quot;propres&quot;</p>"))
        #expect(html.contains("« Le loyer &amp; les charges augmentent 😡 »"))
        #expect(html.contains("R2 · <abbr title=\"Qu&#39;est-ce qui doit être amélioré ?\">q1</abbr> · groupe=partenaire · territoire=Sud · attente"))
        // Theme bars with the unclassified pile; heatmap cells by hand: loyer-charges has p = 2/4;
        // partenaire (n = 1, k = 1): z = (1 − 0.5) / √(1 × 0.5 × 0.5) = +1.0; locataire (n = 3, k = 1):
        // z = (1 − 1.5) / √(3 × 0.5 × 0.5) = −0.577.
        #expect(html.contains(">2 (50.0%)</text>") && html.contains(">1 (25.0%)</text>") && html.contains(">(unclassified)</text>"))
        #expect(html.contains(">n 1 · z +1.0</text>") && html.contains(">n 1 · z -0.6</text>"))
        #expect(html.contains("<p class=\"by\">By <code>groupe</code>: no significant difference.</p>"))
        #expect(html.contains("No answer for: Vivre ensemble <code>vivre-ensemble</code>."))
        #expect(html.contains("Terms found: charges (2), loyer (1)"))
        #expect(html.contains("complaint 1, expectation 1, satisfaction 0, neutral 0"))
        // Clusters, escaped.
        #expect(html.contains("<h3>Cluster 1: 3 excerpts (100.0%)</h3>"))
        #expect(html.contains("« L&#39;ascenseur &lt;b&gt;encore&lt;/b&gt; en panne »"))
        #expect(html.contains("Nearest theme: Propreté &amp; déchets <code>proprete</code>"))
        #expect(html.contains("reinert, k = 8 &amp; seed = 42"))
        // Provenance.
        #expect(html.contains("Verbatim 9.9.9"))
        #expect(html.contains("<pre>[{&quot;name&quot;:&quot;text&quot;,&quot;version&quot;:&quot;1&quot;}]</pre>"))
        #expect(html.contains("sha256 <code class=\"hash\">" + String(repeating: "a", count: 64) + "</code>"))
        #expect(html.contains("Verbatim test, 2026-01-02 03:04 UTC"))
        // Print: A4 and a page break before each section.
        #expect(html.contains("@page { size: A4;") && html.contains("@media print") && html.contains("section { break-before: page; }"))
        // Same data, same bytes.
        #expect(ReportBuilder.build(data, options: options) == html)
    }

    @Test func quotesSkipRepeatedTexts() throws {
        let file = TemporaryDatabase()
        defer { withExtendedLifetime(file) {} }   // the files are unlinked when it goes away
        let store = try QuoteStore(path: file.path)
        let consultation = try store.consultationID(named: "c", create: true)
        try store.upsertThemes([("loyer-charges", "Loyer", "")])
        let run = try store.beginRun(consultation: consultation, RunRecord(
            toolVersion: "t", stagesJSON: "[]", lexiconsJSON: "{}", settingsJSON: "{}", sourceFile: "f", sourceSha256: String(repeating: "0", count: 64)))
        let same = "Les charges augmentent chaque année sans explication."
        let other = "Loyer trop cher."
        var counts = RunCounts()
        try store.writer(consultation: consultation, run: run).write([
            answer("A", same, fields: [], [excerpt(same, same, intent: "plainte", themes: [("loyer-charges", 2, "charges")])]),
            answer("B", same, fields: [], [excerpt(same, same, intent: "plainte", themes: [("loyer-charges", 2, "charges")])]),
            answer("C", other, fields: [], [excerpt(other, other, intent: "plainte", themes: [("loyer-charges", 1, "loyer")])]),
        ], counts: &counts)
        let quotes = try ReportQueries.quotes(store, consultation: consultation, perTheme: 5)
        #expect(quotes["loyer-charges"]?.map(\.respondent) == ["A", "C"])
        #expect(quotes["loyer-charges"]?.map(\.fields) == [[], []])
        #expect(try ReportQueries.quotes(store, consultation: consultation, perTheme: 1)["loyer-charges"]?.map(\.respondent) == ["A"])
    }

    @Test func clustersSectionIsOptional() throws {
        let file = TemporaryDatabase()
        defer { withExtendedLifetime(file) {} }   // the files are unlinked when it goes away
        let data = try ReportData.load(store: try reportStore(file), consultation: nil, field: nil)
        let html = ReportBuilder.build(data, options: ReportOptions(generator: "Verbatim test"))
        #expect(!html.contains("Discovered clusters"))
        #expect(html.contains("<h2>Methods</h2>"))
        #expect(occurrences("<section", in: html) == 6)
    }
}
