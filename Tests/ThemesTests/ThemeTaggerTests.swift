import Testing
import TextAnalysis
@testable import Themes

/// A small hand-written taxonomy and cue list, so these tests check the tagger, not the data.
enum Fixture {
    static let lexicon: FrenchLexicon = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return try! FrenchLexicon(directory: path + "/lexicons/fr")
    }()

    static let taxonomy = """
        # theme\ttype\ttext\tweight
        proprete\tlabel\tPropreté\t
        proprete\tterm\tpropreté\t1
        proprete\tterm\tsale\t1
        proprete\tterm\tlocal poubelle\t1
        proprete\tterm\tpoubelle\t0.5
        proprete\tterm\todeur\t0.5
        equipements-communs\tlabel\tÉquipements communs\t
        equipements-communs\tterm\tascenseur\t1
        equipements-communs\tterm\tboîte aux lettres\t1
        presence-proximite\tlabel\tPrésence de proximité\t
        presence-proximite\tterm\tgardien\t1
        loyer-charges\tlabel\tLoyer et charges\t
        loyer-charges\tterm\tcharge\t1
        loyer-charges\tterm\tloyer\t1
        loyer-charges\texclude\tprendre en charge\t

        """

    static let intents = """
        # intent\ttype\ttext\tweight
        plainte\tcue\tpanne\t1
        plainte\tcue\tproblème\t1
        plainte\tcue\tsouci\t1
        plainte\tcue\tsale\t1
        attente\tcue\til faudrait\t1
        attente\tcue\tplus de\t1
        satisfaction\tcue\tmerci\t1
        satisfaction\tcue\tbien\t1
        negation\tcue\tpas\t1
        negation\tcue\tjamais\t1
        negation\tcue\taucun\t1
        negation\tcue\tplus\t1
        negation\tcue\tsans\t1

        """

    static func setup() -> (TextAnalyzer, ThemeTagger) {
        let analyzer = try! TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        let taxonomy = try! ThemeTaxonomy(file: "t.tsv", bytes: Array(Fixture.taxonomy.utf8), analyzer: analyzer)
        let cues = try! IntentCues(file: "i.tsv", bytes: Array(Fixture.intents.utf8), analyzer: analyzer)
        return (analyzer, ThemeTagger(taxonomy: taxonomy, cues: cues))
    }

    static func tag(_ text: String) -> ThemeTags {
        let (analyzer, tagger) = setup()
        return tagger.tag(analyzer.analyze(text)).answer
    }
}

@Suite struct ThemeTaggerTests {
    // (answer, themes, intent, negated themes) — written by hand.
    @Test(arguments: [
        ("L'ascenseur est en panne", ["equipements-communs"], Intent.plainte, [String]()),
        ("Les ascenseurs sont souvent en panne.", ["equipements-communs"], .plainte, []),
        ("aucun problème de propreté", ["proprete"], .satisfaction, ["proprete"]),
        // The problem is denied, not the caretaker: praise, and the theme is not negated.
        ("pas de souci avec le gardien, merci", ["presence-proximite"], .satisfaction, []),
        ("Le local poubelle est sale", ["proprete"], .plainte, []),
        ("il faudrait plus de passages du gardien", ["presence-proximite"], .attente, []),
        ("le gardien ne passe jamais", ["presence-proximite"], .plainte, []),
        ("il n'y a plus de gardien", ["presence-proximite"], .plainte, ["presence-proximite"]),
        ("Les charges augmentent et l'ascenseur est sale", ["equipements-communs", "loyer-charges", "proprete"], .plainte, []),
        ("Merci à l'équipe, tout va bien", [], .satisfaction, []),
        ("Rien de particulier", [], .neutre, []),
        ("", [], .neutre, []),
        ("La mairie doit prendre en charge ce dossier", [], .neutre, []),
        ("il y a une odeur dans la poubelle", ["proprete"], .neutre, []),
        ("une odeur bizarre", [], .neutre, []),
        ("la boite aux lettres est cassée", ["equipements-communs"], .neutre, []),
        // A sentence opening with an infinitive is a proposal.
        ("Réparer l'ascenseur au plus vite", ["equipements-communs"], .attente, []),
        ("Être joignable par le gardien", ["presence-proximite"], .attente, []),
        // "Que" and a subjunctive is a wish; "Que du…" is not.
        ("Que le gardien passe plus souvent", ["presence-proximite"], .attente, []),
        ("Que du bonheur avec le gardien", ["presence-proximite"], .neutre, []),
        // A verbless sentence about a theme names a wish, unless a complaint cue says otherwise.
        ("Un gardien joignable, avec un numéro direct", ["presence-proximite"], .attente, []),
        ("Des poubelles partout, c'est sale", ["proprete"], .plainte, []),
        // "pas que" restricts, it does not deny: no complaint, nothing negated.
        ("pas que le gardien, aussi l'ascenseur", ["equipements-communs", "presence-proximite"], .neutre, []),
    ])
    func table(_ text: String, _ themes: [String], _ intent: Intent, _ negated: [String]) {
        let tags = Fixture.tag(text)
        #expect(tags.themeIDs == themes, "\(text)")
        #expect(tags.intent == intent, "\(text)")
        #expect(tags.themes.filter(\.negated).map(\.theme) == negated, "\(text)")
    }

    @Test func answerThemesAreTheUnionOfItsExcerpts() {
        let (analyzer, tagger) = Fixture.setup()
        let (excerpts, answer) = tagger.tag(analyzer.analyze("Ascenseur en panne. Le loyer est trop cher."))
        #expect(excerpts.map(\.themeIDs) == [["equipements-communs"], ["loyer-charges"]])
        #expect(answer.themeIDs == ["equipements-communs", "loyer-charges"])
    }

    @Test func evidenceNamesTheTermsAsWritten() {
        let tags = Fixture.tag("les poubelles et le local poubelle")
        let proprete = tags.themes.first { $0.theme == "proprete" }
        #expect(proprete?.evidence == ["poubelle", "local poubelle"])
        #expect(proprete?.score == 1.5)
    }

    @Test func intentTieBreaks() {
        #expect(ThemeTagger.intent(plainte: 1, attente: 1, satisfaction: 1) == .attente)
        #expect(ThemeTagger.intent(plainte: 1, attente: 0, satisfaction: 1) == .plainte)
        #expect(ThemeTagger.intent(plainte: 0, attente: 0, satisfaction: 0.5) == .satisfaction)
        #expect(ThemeTagger.intent(plainte: 0.25, attente: 0, satisfaction: 0) == .neutre)
    }
}

@Suite struct TaxonomyFormatTests {
    func load(_ text: String) throws -> ThemeTaxonomy {
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        return try ThemeTaxonomy(file: "t.tsv", bytes: Array(text.utf8), analyzer: analyzer)
    }

    @Test func errorsNameTheLine() {
        #expect(throws: ThemeError(file: "t.tsv", line: 2, message: "expected 4 tab-separated columns, found 3")) {
            _ = try load("# h\nproprete\tlabel\tPropreté\n")
        }
        #expect(throws: ThemeError(file: "t.tsv", line: 3, message: "weight 'x' is not a positive number")) {
            _ = try load("# h\nproprete\tlabel\tPropreté\t\nproprete\tterm\tsale\tx\n")
        }
        #expect(throws: ThemeError(file: "t.tsv", line: 2, message: "theme 'proprete' must start with its label row")) {
            _ = try load("# h\nproprete\tterm\tsale\t1\n")
        }
        #expect(throws: ThemeError(file: "t.tsv", line: 2, message: "theme id 'Propreté' must be lowercase letters, digits and '-'")) {
            _ = try load("# h\nPropreté\tlabel\tP\t\n")
        }
        #expect(throws: ThemeError(file: "t.tsv", line: 3, message: "unknown type 'terme'; expected label, description, term, exclude, speaker, speaker-moves or speaker-group")) {
            _ = try load("# h\nproprete\tlabel\tP\t\nproprete\tterme\tsale\t1\n")
        }
    }

    /// The terms of `taxonomy` that match a text, as written in the file, in match order.
    static func termsMatched(by taxonomy: ThemeTaxonomy) throws -> (String) -> [String] {
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        let tagger = ThemeTagger(taxonomy: taxonomy, cues: Fixture.setup().1.cues)
        return { text in
            let words = PhraseCompiler.matchTokens(analyzer.analyze(text).tokens[...])
            return tagger.taxonomy.terms.matches(in: tagger.vocabulary.ids(of: words)).map { taxonomy.terms.phrases[$0.phrase].text }
        }
    }

    @Test func elidedWordsMatchTheWordsTheyStandFor() throws {
        let taxonomy = try load("""
            # h
            equipements\tlabel\tÉquipements\t
            equipements\tterm\tporte de l'immeuble\t1
            proprete\tlabel\tPropreté\t
            proprete\tterm\tagent d'entretien\t1
            equipements\tterm\tl'ascenseur\t1

            """)
        // Inside a term the elided word is a word of it; at its start it is not.
        #expect(taxonomy.terms.phrases.map { $0.words.map(\.lemma) } == [["porte", "de", "le", "immeuble"], ["agent", "de", "entretien"], ["ascenseur"]])
        let matched = try Self.termsMatched(by: taxonomy)
        #expect(matched("la porte de l'immeuble est cassée") == ["porte de l'immeuble"])
        // One elided word stands for one phrase word: "d'" is not "de l'".
        #expect(matched("la porte d'immeuble est cassée") == [])
        #expect(matched("un agent de l'entretien") == ["agent d'entretien"])
        #expect(matched("l'ascenseur et l'agent d'entretien") == ["l'ascenseur", "agent d'entretien"])
        #expect(matched("la porte immeuble") == [])
    }

    @Test func aHashMatchesAnyNumber() throws {
        let taxonomy = try load("""
            # h
            relation\tlabel\tRelation\t
            relation\tterm\tsignaler # fois\t1
            relation\tterm\t# relances\t1

            """)
        #expect(taxonomy.terms.phrases.map { $0.words.map(\.lemma) } == [["signaler", "#", "fois"], ["#", "relance"]])
        let matched = try Self.termsMatched(by: taxonomy)
        // Digits and number words; a phrase may start with it.
        #expect(matched("j'ai signalé 3 fois le problème") == ["signaler # fois"])
        #expect(matched("signalé trois fois, puis 12 relances") == ["signaler # fois", "# relances"])
        // Not a number: "plusieurs", "une" (a determiner), or no word in its place.
        #expect(matched("signalé plusieurs fois") == [])
        #expect(matched("signalé une fois") == [])
        #expect(matched("signalé fois") == [])
    }

    @Test func anEqualsSignMatchesFormsOnly() throws {
        let taxonomy = try load("# h\ntravaux\tlabel\tTravaux\t\ntravaux\tterm\t=travaux\t1\nemploi\tlabel\tEmploi\t\nemploi\tterm\ttravail\t1\n")
        // "travaux" and "travail" share the lemma "travail": only the plain term matches both.
        #expect(taxonomy.terms.phrases[0].words.map(\.lemma) == ["travaux"])
        #expect(taxonomy.terms.phrases[1].words.map(\.lemma) == ["travail"])
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        let tagger = ThemeTagger(taxonomy: taxonomy, cues: Fixture.setup().1.cues)
        func themes(_ text: String) -> [String] { tagger.tag(analyzer.analyze(text)).answer.themeIDs }
        #expect(themes("les travaux du hall") == ["emploi", "travaux"])
        #expect(themes("mon travail me fatigue") == ["emploi"])
    }

    @Test func elidedWordCompletesACue() {
        // The cue "plus de" (a wish) is found in "plus d'accompagnement".
        let tags = Fixture.tag("Plus d'accompagnement pour les personnes âgées")
        #expect(tags.attente == 1)
        #expect(tags.intent == .attente)
    }

    @Test func speakerRowsLoadAndNameTheirErrors() throws {
        let base = "# h\nproprete\tlabel\tP\t\nproprete\tterm\tsale\t1\norga\tlabel\tO\t\norga\tspeaker\ten tant que gardien\t\n"
        #expect(throws: ThemeError(file: "t.tsv", line: 6, message: "speaker-moves names no theme of this file: 'presence'")) {
            _ = try load(base + "orga\tspeaker-moves\tpresence\t\n")
        }
        #expect(throws: ThemeError(file: "t.tsv", line: 6, message: "speaker-moves 'orga' names its own theme")) {
            _ = try load(base + "orga\tspeaker-moves\torga\t\n")
        }
        let taxonomy = try load(base + "orga\tspeaker\t^gardien :\t\n")
        #expect(taxonomy.speakers.phrases.map(\.text) == ["en tant que gardien", "^gardien :"])
        #expect(taxonomy.speakerRules.map { [$0.atStart, $0.beforeColon] } == [[false, false], [true, true]])
    }

    @Test func termsAreLemmatized() throws {
        let taxonomy = try load("# h\nequipements\tlabel\tÉquipements\t\nequipements\tterm\tboîtes aux lettres\t1\n")
        let words = taxonomy.terms.phrases[0].words
        #expect(words.map(\.lemma) == ["boite", "a", "lettre"])
    }
}

/// Speaker phrases: who writes moves themes ("en tant que gardien": the caretaker is the writer,
/// so what he says of caretakers is about his work).
@Suite struct SpeakerTests {
    static func setup() -> (TextAnalyzer, ThemeTagger) {
        let analyzer = try! TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        let text = Fixture.taxonomy + """
            organisation-interne\tlabel\tOrganisation interne\t
            organisation-interne\tterm\tplanning\t1
            organisation-interne\tspeaker\ten tant que gardien\t
            organisation-interne\tspeaker\t^gardien :\t
            organisation-interne\tspeaker-moves\tpresence-proximite\t
            organisation-interne\tspeaker-group\tsalarié\t
            loyer-charges\tspeaker-group\tcomptable\t

            """
        let taxonomy = try! ThemeTaxonomy(file: "t.tsv", bytes: Array(text.utf8), analyzer: analyzer)
        let cues = try! IntentCues(file: "i.tsv", bytes: Array(Fixture.intents.utf8), analyzer: analyzer)
        return (analyzer, ThemeTagger(taxonomy: taxonomy, cues: cues))
    }

    static func tag(_ text: String) -> (excerpts: [ThemeTags], answer: ThemeTags) {
        let (analyzer, tagger) = setup()
        return tagger.tag(analyzer.analyze(text))
    }

    @Test(arguments: [
        ("En tant que gardien, je n'ai pas le planning", ["organisation-interne"]),
        ("En tant que gardienne, le local poubelle est sale", ["organisation-interne", "proprete"]),
        ("Gardien : l'ascenseur est en panne", ["equipements-communs", "organisation-interne"]),
        // Not a speaker: a word between the role and the colon, or the role not at the start.
        ("Gardien absent : l'ascenseur est en panne", ["equipements-communs", "presence-proximite"]),
        ("L'ascenseur. Gardien : absent", ["equipements-communs", "presence-proximite"]),
        ("Le gardien est sympa", ["presence-proximite"]),
    ])
    func speakerMovesThemes(_ text: String, _ themes: [String]) {
        #expect(Self.tag(text).answer.themeIDs == themes, "\(text)")
    }

    @Test func everyExcerptMovesAndEvidenceNamesTheSpeaker() {
        let (excerpts, answer) = Self.tag("Le gardien fait tout. En tant que gardien, je n'ai pas le planning.")
        // The speaker phrase is in the second excerpt; the first moves too.
        #expect(excerpts.map(\.themeIDs) == [["organisation-interne"], ["organisation-interne"]])
        let moved = answer.themes.first { $0.theme == "organisation-interne" }
        #expect(moved?.evidence == ["gardien", "speaker: en tant que gardien", "planning"])
    }

    static func tag(_ text: String, group: String?) -> ThemeTags {
        let (analyzer, tagger) = setup()
        let analyzed = analyzer.analyze(text)
        return tagger.tag(excerpts: analyzed.excerpts.map {
            let tokens = analyzed.tokens[$0.tokenRange]
            return (tokens, PhraseCompiler.matchTokens(tokens))
        }, group: group).answer
    }

    // (answer, respondent group, themes) — written by hand.
    @Test(arguments: [
        // The group makes the speaker; compared without case, accents or outer spaces.
        ("Le gardien est débordé", "salarié", ["organisation-interne"]),
        ("Le gardien est débordé", " SALARIE ", ["organisation-interne"]),
        // Other groups, no group, or a group whose theme moves nothing: nothing moves.
        ("Le gardien est débordé", "locataire", ["presence-proximite"]),
        ("Le gardien est débordé", nil, ["presence-proximite"]),
        ("Le gardien est débordé", "comptable", ["presence-proximite"]),
        // Themes the speaker does not move stay.
        ("L'ascenseur est en panne", "salarié", ["equipements-communs"]),
    ] as [(String, String?, [String])])
    func groupMakesTheSpeaker(_ text: String, _ group: String?, _ themes: [String]) {
        #expect(Self.tag(text, group: group).themeIDs == themes, "\(text) / \(group ?? "nil")")
    }

    @Test func groupEvidenceNamesTheGroupAsTheTaxonomyWritesIt() {
        let moved = Self.tag("Le gardien est débordé", group: "salarie").themes.first { $0.theme == "organisation-interne" }
        #expect(moved?.evidence == ["gardien", "speaker: group: salarié"])
    }

    @Test func aSpeakerPhraseWinsOverTheGroup() {
        let (analyzer, tagger) = Self.setup()
        let analyzed = analyzer.analyze("En tant que gardien, le loyer est trop cher")
        let parts = analyzed.excerpts.map { (analyzed.tokens[$0.tokenRange], PhraseCompiler.matchTokens(analyzed.tokens[$0.tokenRange])) }
        let trace = TagTrace()
        _ = tagger.tag(excerpts: parts, group: "comptable", trace: trace)
        #expect(trace.lines.contains { $0.hasPrefix("speaker   'en tant que gardien' → organisation-interne") })
        #expect(tagger.speaker(ofGroup: "Comptable")?.theme == "loyer-charges")
        #expect(tagger.speaker(ofGroup: "locataire") == nil)
    }

    @Test func badGroupRowsAreRefusedWithTheirLine() {
        let analyzer = try! TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        func error(_ rows: String) -> String {
            do {
                _ = try ThemeTaxonomy(file: "t.tsv", bytes: Array((Fixture.taxonomy + rows).utf8), analyzer: analyzer)
                return "accepted"
            } catch { return "\(error)" }
        }
        let first = Fixture.taxonomy.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(error("proprete\tspeaker-group\t  \t\n") == "t.tsv:\(first): speaker-group has no value")
        #expect(error("proprete\tspeaker-group\tSalarié\t\nloyer-charges\tspeaker-group\tsalarie\t\n")
                == "t.tsv:\(first + 1): speaker-group 'salarie' was already given on line \(first)")
    }
}


/// How term weights add up to a tag (a theme needs 1).
@Suite struct TermWeightTests {
    static func tagger() -> (TextAnalyzer, ThemeTagger) {
        let analyzer = try! TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: Fixture.lexicon))
        // "rdv" is read as "rendez-vous" (lexicons/fr/sms.tsv): both terms read the same word.
        let text = """
            entretien-logement\tlabel\tEntretien\t
            entretien-logement\tterm\trendez-vous\t0.5
            entretien-logement\tterm\trdv\t0.5
            entretien-logement\tterm\tplombier\t0.5
            entretien-logement\tterm\tfuite\t0.5
            entretien-logement\tterm\tfuite d'eau\t0.5

            """
        let taxonomy = try! ThemeTaxonomy(file: "t.tsv", bytes: Array(text.utf8), analyzer: analyzer)
        let cues = try! IntentCues(file: "i.tsv", bytes: Array(Fixture.intents.utf8), analyzer: analyzer)
        return (analyzer, ThemeTagger(taxonomy: taxonomy, cues: cues))
    }

    // (answer, tagged?) — written by hand: two 0.5 terms must read two different words.
    @Test(arguments: [
        ("un rendez-vous enfin", false),     // "rendez-vous" and "rdv" read the same word: 0.5
        ("un rdv enfin", false),
        ("rdv avec le plombier", true),      // two words: 0.5 + 0.5
        ("une fuite d'eau", false),          // "fuite" inside "fuite d'eau": one reading, 0.5
        ("une fuite d'eau, le plombier ne vient pas", true),
        ("une fuite ici, une fuite là", false),  // one term, counted once
    ])
    func sameWordsCountOnce(_ text: String, _ tagged: Bool) {
        let (analyzer, tagger) = Self.tagger()
        #expect(tagger.tag(analyzer.analyze(text)).answer.themeIDs == (tagged ? ["entretien-logement"] : []), "\(text)")
    }
}
