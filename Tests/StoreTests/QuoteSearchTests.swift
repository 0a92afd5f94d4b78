import Testing
@testable import Store

@Suite struct QuoteSearchTests {
    func search(_ query: String, _ options: SearchOptions = .init()) throws -> [SearchHit] {
        let file = TemporaryDatabase()
        let store = try fixtureStore(file)
        return try QuoteSearch(store: store, analyzer: Lex.analyzer()).search(query, options: options)
    }

    @Test(arguments: ["ascenseur", "ASCENSEUR", "Ascenseur", "l'ascenseur", "L’ascenseur", "ascenseùr"])
    func caseAccentAndElisionDoNotMatter(_ query: String) throws {
        #expect(try search(query).map(\.respondent).sorted() == ["P1", "T1"])
    }

    @Test func accentsMissingOnEitherSide() throws {
        // Stored "Etat des lieux" without accent; the query has it.
        #expect(try search("état").map(\.respondent) == ["T3"])
        // Stored "bâclé"; the query has none.
        #expect(try search("bacle").map(\.respondent) == ["T3"])
        // œ folds to oe.
        #expect(try search("coeur").map(\.respondent) == ["P2"])
    }

    @Test func lemmasMatchOtherForms() throws {
        // Stored "réparations"; the singular finds it through the lemma.
        #expect(try search("réparation").map(\.respondent) == ["T3"])
        // Stored "sont"; the infinitive finds it through the lemma être.
        #expect(try search("être sales").map(\.respondent) == ["T2"])
    }

    @Test func phrasesKeepWordOrder() throws {
        #expect(try search("\"parties communes\"").map(\.respondent) == ["T2"])
        // Both words, any order: P2 has "Communes … parties".
        #expect(try search("parties communes").map(\.respondent).sorted() == ["P2", "T2"])
    }

    @Test func orAndExclusion() throws {
        #expect(try search("ascenseur -panne").map(\.respondent) == ["P1"])
        #expect(try search("panne OR cœur").map(\.respondent).sorted() == ["P2", "T1"])
        #expect(try search("ascenseur OR sales bâtiment").map(\.respondent) == ["P1"])
    }

    @Test func filtersOnFieldsAndQuestion() throws {
        #expect(try search("ascenseur", SearchOptions(filters: [("groupe", "locataire")])).map(\.respondent) == ["T1"])
        #expect(try search("ascenseur", SearchOptions(filters: [("groupe", "LOCATAIRE")])).map(\.respondent) == ["T1"])
        #expect(try search("ascenseur", SearchOptions(filters: [("groupe", "locataire"), ("territoire", "Sud Gironde")])).isEmpty)
        #expect(try search("parties", SearchOptions(question: "q2")).map(\.respondent) == ["P2"])
        #expect(throws: StoreError.self) { try search("ascenseur", SearchOptions(filters: [("grupe", "locataire")])) }
    }

    @Test func hitsCarryFieldsAndHighlightsInAnswerBytes() throws {
        let hit = try #require(try search("ascenseur panne", SearchOptions(includeAnswer: true)).first)
        #expect(hit.respondent == "T1")
        #expect(hit.fields.map(\.name) == ["groupe", "territoire"])
        let answer = Array(try #require(hit.answer).utf8)
        #expect(hit.highlights.map { String(decoding: answer[$0], as: UTF8.self) } == ["ASCENSEUR", "panne"])
        #expect(String(decoding: answer[hit.utf8Start..<hit.utf8End], as: UTF8.self) == hit.text)
        #expect(hit.text == "L'ASCENSEUR est encore en panne.")
    }

    @Test(arguments: ["NEAR(", "ascenseur*", "^ascenseur", "a:b", "(ascenseur", "ascenseur)", "AND", "NOT",
                      "\"ascenseur", "ascen\"seur", "forms:panne", "{lemmas}:x", "''", "ascenseur OR"])
    func hostileQueriesNeverReachFTS5Syntax(_ query: String) throws {
        // Any outcome but an SQLite error: hits, no hits, or a clear empty-query error.
        do {
            _ = try search(query)
        } catch let error as StoreError {
            if case .sqlite = error { Issue.record("SQLite error for \(query): \(error)") }
        }
    }

    @Test func hostileQueriesStillFindTheirWords() throws {
        #expect(try search("(ascenseur").count == 2)
        #expect(try search("\"ascenseur").count == 2)
        #expect(try search("forms:panne").isEmpty)  // "forms" is a word the fixture lacks
    }

    @Test(arguments: ["\"", "*", "-ascenseur", "   ", "OR", "..."])
    func queriesWithoutWordsAreAClearError(_ query: String) throws {
        #expect(throws: StoreError.emptyQuery(query)) { try search(query) }
    }
}

@Suite struct SearchQueryTests {
    @Test func lexing() {
        #expect(SearchQuery.lex("a \"b c\" OR -d -\"e f\"") == [
            .init(text: "a"), .init(text: "b c"), .init(text: "OR", isOr: true), .init(text: "d", excluded: true),
            .init(text: "e f", excluded: true),
        ])
        #expect(SearchQuery.lex("\"open") == [.init(text: "open")])
        #expect(SearchQuery.lex("-") == [.init(text: "-")])
    }

    @Test func quotingDoublesQuotes() {
        #expect(SearchQuery.quoted(["a\"b", "c"]) == "\"a\"\"b c\"")
    }

    @Test func expressionShape() {
        let query = SearchQuery("ascenseur OR digicode -panne", analyzer: Lex.analyzer())
        #expect(query.ftsExpression == "((forms : \"ascenseur\" OR lemmas : \"ascenseur\") OR (forms : \"digicode\" OR lemmas : \"digicode\")) NOT (forms : \"panne\" OR lemmas : \"panne\")")
    }
}
