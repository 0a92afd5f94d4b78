import Testing
import TextAnalysis
@testable import Themes

/// `verbatim taxonomy lint` and `explain` on hand-written files.
@Suite struct TaxonomyLintTests {
    static let taxonomy = """
        # theme\ttype\ttext\tweight
        proprete\tlabel\tPropreté\t
        proprete\tterm\tsale\t1
        proprete\tterm\tsales\t1
        proprete\tterm\tzorglubette\t1
        proprete\texclude\tsalle commune\t
        equipements-communs\tlabel\tÉquipements\t
        equipements-communs\tterm\tascenseur\t1
        equipements-communs\tterm\tsale\t0.5
        equipements-communs\texclude\tascenseur social\t

        """

    @Test func findingsNameTheLineAndTheProblem() throws {
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        let findings = try TaxonomyLint.check(file: "t.tsv", bytes: Array(Self.taxonomy.utf8), analyzer: analyzer)
        // Lines: 3 sale, 4 sales, 5 zorglubette, 6 exclude, 8 ascenseur, 9 sale (0.5), 10 exclude.
        // "sales" is not "sale" again (its form differs); "ascenseur social" contains "ascenseur".
        #expect(findings.map(\.line) == [3, 5, 6, 8, 9])
        #expect(findings.contains { $0.line == 3 && $0.message.contains("theme 'proprete' has 3 terms") })
        #expect(findings.contains { $0.line == 5 && $0.message.contains("'zorglubette'") && $0.message.contains("unknown") })
        #expect(findings.contains { $0.line == 6 && $0.message.contains("exclude 'salle commune'") })
        #expect(findings.contains { $0.line == 8 && $0.message.contains("theme 'equipements-communs' has 2 terms") })
        #expect(findings.contains { $0.line == 9 && $0.message.contains("also a term of 'proprete' (line 3)") })
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func theSameTermTwiceInOneThemeIsAnError() throws {
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        let text = "# theme\ttype\ttext\tweight\nproprete\tlabel\tP\t\nproprete\tterm\tsale\t1\nproprete\tterm\tsale\t0.5\n"
        let findings = try TaxonomyLint.check(file: "t.tsv", bytes: Array(text.utf8), analyzer: analyzer)
        #expect(findings.contains { $0.severity == .error && $0.line == 4 && $0.description.hasPrefix("t.tsv:4: error: term 'sale' repeats line 3") })
    }

    @Test func traceExplainsTermsNegationsCuesAndTheIntent() {
        let (analyzer, tagger) = Fixture.setup()
        let analyzed = analyzer.analyze("pas de souci avec le gardien")
        let tokens = analyzed.tokens[analyzed.excerpts[0].tokenRange]
        let trace = TagTrace()
        let tags = tagger.tag(tokens, words: PhraseCompiler.matchTokens(tokens), trace: trace)
        #expect(tags.intent == .satisfaction)
        #expect(trace.lines.contains { $0.hasPrefix("negation  'pas' denies: de souci") })
        #expect(trace.lines.contains("term      'gardien' (1.0) → presence-proximite"))
        #expect(trace.lines.contains("cue       'souci' (plainte, 1.0) — negated: counts for the opposite"))
        #expect(trace.lines.last == "intent    plainte 0.0, attente 0.0, satisfaction 1.0 → satisfaction")
    }
}
