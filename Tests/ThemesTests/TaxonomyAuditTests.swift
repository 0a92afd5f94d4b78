import Testing
import TextAnalysis
@testable import Themes

/// `verbatim taxonomy audit` on hand-labelled answers and the `Fixture` taxonomy; every figure
/// below is counted by hand from the answers.
@Suite struct TaxonomyAuditTests {
    static let answers: [(text: String, themes: Set<String>)] = [
        ("L'ascenseur est en panne depuis lundi.", ["equipements-communs"]),           // right
        ("Des cafards dans la cave, encore.", ["proprete"]),                          // missed: cafard
        ("Les cafards reviennent chaque été.", ["proprete"]),                          // missed: cafard
        ("J'ai vu un cafard au marché.", []),                                          // cafard, no theme
        ("Le gardien est sale de caractère.", ["presence-proximite"]),                 // 'sale' fires wrongly
        ("Le gardien parle d'un sale temps.", ["presence-proximite"]),                 // 'sale' again wrongly
        ("Tout est sale dans le hall.", ["proprete"]),                                 // 'sale' right
    ]

    static func audit(minFixes: Int = 2, minPrecision: Double = 0.6) -> TaxonomyAudit {
        let (analyzer, tagger) = Fixture.setup()
        return TaxonomyAudit(tagger: tagger, analyzer: analyzer, answers: answers,
                             stopwords: Fixture.lexicon.stopwordList, minFixes: minFixes, minPrecision: minPrecision)
    }

    @Test func themeFiguresCountLabelledTaggedMissedAndWrong() {
        let figures = Dictionary(uniqueKeysWithValues: Self.audit().themes.map { ($0.theme, $0) })
        // proprete: labelled 3 (two cafard answers + hall), tagged 3 (the two 'sale' of the
        // caretaker answers and the hall), missed the two cafard answers, wrong the two caretaker ones.
        #expect(figures["proprete"] == .init(theme: "proprete", gold: 3, tagged: 3, missed: 2, wrong: 2))
        #expect(figures["equipements-communs"] == .init(theme: "equipements-communs", gold: 1, tagged: 1, missed: 0, wrong: 0))
        #expect(figures["presence-proximite"] == .init(theme: "presence-proximite", gold: 2, tagged: 2, missed: 0, wrong: 0))
    }

    @Test func termFiguresSayWhereEachTermFired() {
        let terms = Self.audit().terms
        let sale = terms.first { $0.term == "sale" }
        #expect(sale?.fired == 3)
        #expect(sale?.right == 1)
        let ascenseur = terms.first { $0.term == "ascenseur" }
        #expect(ascenseur?.fired == 1 && ascenseur?.right == 1)
        #expect(terms.first { $0.term == "loyer" }?.fired == 0)
    }

    @Test func suggestionsFindMissedAnswersAndWeighTheirPrecision() {
        let suggestions = Self.audit().suggestions
        // 'cafard' is in both missed proprete answers and in one answer without a theme: 2 of 3.
        let cafard = suggestions.first { $0.term == "cafard" }
        #expect(cafard == .init(theme: "proprete", term: "cafard", fixes: 2, occurrences: 3, right: 2))
        // Words of one missed answer only, stopwords and existing terms are never suggested.
        #expect(!suggestions.contains { $0.term == "cave" })
        #expect(!suggestions.contains { $0.term == "dans" || $0.term == "le" })
        #expect(suggestions.allSatisfy { $0.theme == "proprete" })
        // Asking for more precision than 2 of 3 drops it.
        #expect(!Self.audit(minPrecision: 0.7).suggestions.contains { $0.term == "cafard" })
        // One missed answer is enough when asked: 'cave' (1 of 1) appears.
        #expect(Self.audit(minFixes: 1).suggestions.contains { $0.term == "cave" && $0.fixes == 1 && $0.right == 1 })
    }
}
