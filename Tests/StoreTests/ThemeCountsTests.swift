import Testing
@testable import Store

@Suite struct ThemeCountsTests {
    @Test func zScoreByHand() {
        // p = 200/1000 = 0.2; expected = 100 × 0.2 = 20; variance = 20 × 0.8 = 16; z = (30 − 20)/4.
        #expect(ThemeCounts.zScore(observed: 30, groupAnswers: 100, themeAnswers: 200, totalAnswers: 1000) == 2.5)
        #expect(ThemeCounts.zScore(observed: 20, groupAnswers: 100, themeAnswers: 200, totalAnswers: 1000) == 0)
        #expect(ThemeCounts.zScore(observed: 0, groupAnswers: 0, themeAnswers: 200, totalAnswers: 1000) == 0)
        // A theme in every answer has no variance.
        #expect(ThemeCounts.zScore(observed: 5, groupAnswers: 5, themeAnswers: 10, totalAnswers: 10) == 0)
    }

    @Test func countsThemesAndTheUnclassifiedPile() throws {
        let file = TemporaryDatabase()
        let store = try QuoteStore(path: file.path)
        let consultation = try store.consultationID(named: "t", create: true)
        try store.upsertThemes([("proprete", "Propreté", ""), ("loyer-charges", "Loyer", "")])
        let run = try store.beginRun(consultation: consultation, testRun)
        let analyzer = Lex.analyzer()
        func answer(_ r: String, _ text: String, _ group: String, _ themes: [String], intent: String) -> AnswerWrite {
            var a = answerWrite(r, "q1", text, fields: [("groupe", group)], analyzer: analyzer)
            for i in a.excerpts.indices {
                a.excerpts[i].intent = intent
                a.excerpts[i].themes = themes.map { ExcerptThemeRecord(theme: $0, score: 1, evidence: "x", negated: false) }
            }
            return a
        }
        var counts = RunCounts()
        try store.writer(consultation: consultation, run: run).write([
            answer("A", "C'est sale", "locataire", ["proprete"], intent: "plainte"),
            answer("B", "Trop sale et trop cher", "locataire", ["proprete", "loyer-charges"], intent: "plainte"),
            answer("C", "Rien à dire", "partenaire", [], intent: "neutre"),
        ], counts: &counts)
        let all = try ThemeCounts(store: store, consultation: nil, field: nil)
        #expect(all.totalAnswers == 3)
        #expect(all.unclassifiedAnswers == 1)
        #expect(all.rows.map(\.theme) == ["proprete", "loyer-charges"])
        #expect(all.rows[0].answers == 2 && all.rows[0].plainte == 2)
        let byGroup = try ThemeCounts(store: store, consultation: nil, field: "groupe")
        #expect(byGroup.values == ["locataire", "partenaire"])
        #expect(byGroup.answersByValue == ["locataire": 2, "partenaire": 1])
        #expect(byGroup.rows[0].answersByValue == ["locataire": 2])
        #expect(throws: StoreError.self) { _ = try ThemeCounts(store: store, consultation: nil, field: "age") }
        // Search by theme alone lists that theme's excerpts.
        let hits = try QuoteSearch(store: store, analyzer: analyzer).search("", options: SearchOptions(theme: "loyer-charges"))
        #expect(hits.map(\.respondent) == ["B"])
    }
}
