import Testing
@testable import TextAnalysis
@testable import Themes

/// The learned second stage: its file format, its training, and what the tagger does with it.
@Suite struct ThemeModelTests {
    @Test(arguments: [(0.0, "0"), (1.25, "1.25"), (-1.5, "-1.5"), (12.3456789, "12.3457"), (-0.00004, "0"), (0.00005, "0.0001"), (3, "3")])
    func decimalsAreShortAndExact(_ x: Double, _ text: String) {
        #expect(ThemeModel.decimal(x) == text)
    }

    /// A model written by hand for the `Fixture` taxonomy (columns: its 4 themes, then intents).
    static let handMade = """
        # threshold\t0.5
        feature\tproprete\tequipements-communs\tpresence-proximite\tloyer-charges\tplainte\tattente\tsatisfaction\tneutre
        (bias)\t-2\t-2\t-2\t-2\t0\t0\t0\t0.5
        b:cafard|envahir\t0.1\t0\t0\t0\t0\t0\t0\t0
        o:le\t0\t0\t0\t0.1\t0\t0\t0\t0
        r:equipements-communs\t0\t4\t0\t0\t1\t0\t0\t0
        r:presence-proximite\t0\t0\t4\t0\t0\t0\t0\t0
        r:proprete\t4\t0\t0\t0\t0\t0\t0\t0
        w:cafard\t4\t0\t0\t0\t1\t0\t0\t0
        w:merci\t0\t0\t0\t0\t0\t0\t5\t0
        w:social\t0\t-8\t0\t0\t0\t0\t0\t0

        """

    static func tagger(model: ThemeModel?) -> (TextAnalyzer, ThemeTagger) {
        let (analyzer, rules) = Fixture.setup()
        return (analyzer, ThemeTagger(taxonomy: rules.taxonomy, cues: rules.cues, model: model))
    }

    static func tag(_ text: String, trace: TagTrace? = nil) throws -> (excerpts: [ThemeTags], answer: ThemeTags) {
        let model = try ThemeModel(file: "m.tsv", bytes: Array(handMade.utf8))
        let (analyzer, tagger) = tagger(model: model)
        let analyzed = analyzer.analyze(text)
        return tagger.tag(excerpts: analyzed.excerpts.map {
            let tokens = analyzed.tokens[$0.tokenRange]
            return (tokens, PhraseCompiler.matchTokens(tokens))
        }, trace: trace)
    }

    @Test func modelAddsAThemeWithItsWordsAsEvidence() throws {
        // No term of proprete; w:cafard gives -2 + 4 = 2, p = 0.88.
        let tags = try Self.tag("Des cafards partout dans la cave")
        #expect(tags.answer.themeIDs == ["proprete"])
        let added = tags.answer.themes[0]
        #expect(added.evidence == ["model: cafard"])
        #expect(added.score > 0.88 && added.score < 0.881)
    }

    @Test func modelDropsAThemeTheTermsFound() throws {
        // The term 'ascenseur' fires (r:equipements-communs +4) but w:social weighs -8.
        #expect(try Self.tag("L'ascenseur social est en panne").answer.themeIDs == [])
        #expect(try Self.tag("L'ascenseur est en panne").answer.themeIDs == ["equipements-communs"])
    }

    @Test func addedThemeGoesToTheExcerptWhoseWordsCarryIt() throws {
        let tags = try Self.tag("L'ascenseur est en panne. Des cafards partout.")
        #expect(tags.excerpts.map(\.themeIDs) == [["equipements-communs"], ["proprete"]])
        #expect(tags.answer.themeIDs == ["equipements-communs", "proprete"])
    }

    @Test func intentIsTheModels() throws {
        // The cues say nothing; the bias says neutre, "merci" says satisfaction.
        #expect(try Self.tag("Le gardien est là").answer.intent == .neutre)
        let tags = try Self.tag("Le gardien est là, merci")
        #expect(tags.answer.intent == .satisfaction)
        #expect(tags.excerpts.map(\.intent) == [.satisfaction])
    }

    @Test func traceSaysWhatTheModelDid() throws {
        let trace = TagTrace()
        _ = try Self.tag("L'ascenseur social est en panne, des cafards", trace: trace)
        #expect(trace.lines.contains { $0.hasPrefix("model     equipements-communs") && $0.hasSuffix("dropped") })
        #expect(trace.lines.contains { $0.hasPrefix("model     proprete") && $0.contains("added to excerpt 1") && $0.contains("w:cafard 4") })
        #expect(trace.lines.contains { $0.hasPrefix("model     intent") })
    }

    @Test func fileErrorsNameTheLine() {
        let header = "feature\tproprete\tplainte\tattente\tsatisfaction\tneutre\n"
        #expect(throws: ThemeError(file: "m.tsv", line: 1, message: "expected the header 'feature', theme ids, then plainte, attente, satisfaction, neutre")) {
            _ = try ThemeModel(file: "m.tsv", bytes: Array("feature\tproprete\n".utf8))
        }
        #expect(throws: ThemeError(file: "m.tsv", line: 2, message: "the first row must be '(bias)'")) {
            _ = try ThemeModel(file: "m.tsv", bytes: Array((header + "w:a\t1\t0\t0\t0\t0\n").utf8))
        }
        #expect(throws: ThemeError(file: "m.tsv", line: 4, message: "features not sorted or repeated: 'w:a'")) {
            _ = try ThemeModel(file: "m.tsv", bytes: Array((header + "(bias)\t0\t0\t0\t0\t0\nw:b\t1\t0\t0\t0\t0\nw:a\t1\t0\t0\t0\t0\n").utf8))
        }
        #expect(throws: ThemeError(file: "m.tsv", line: 3, message: "weight 'x' is not a number")) {
            _ = try ThemeModel(file: "m.tsv", bytes: Array((header + "(bias)\t0\t0\t0\t0\t0\nw:a\tx\t0\t0\t0\t0\n").utf8))
        }
        #expect(throws: ThemeError(file: "m.tsv", line: 3, message: "expected 6 tab-separated columns, found 2")) {
            _ = try ThemeModel(file: "m.tsv", bytes: Array((header + "(bias)\t0\t0\t0\t0\t0\nw:a\t1\n").utf8))
        }
    }

    /// `handMade` with a gram regression: bias -1 for every theme, "cafa" and "fard" +3 for proprete.
    static let withGrams = handMade.replacing("o:le\t", with: """
        c:\t-1\t-1\t-1\t-1\t0\t0\t0\t0
        c:cafa\t3\t0\t0\t0\t0\t0\t0\t0
        c:fard\t3\t0\t0\t0\t0\t0\t0\t0
        o:le\t
        """)

    @Test func gramsAverageTheirProbabilityWithTheWords() throws {
        let model = try ThemeModel(file: "m.tsv", bytes: Array(Self.withGrams.utf8))
        let (analyzer, tagger) = Self.tagger(model: model)
        let analyzed = analyzer.analyze("Des cafards partout dans la cave")
        let tags = tagger.tag(analyzed).answer
        // Words: -2 + 4 (w:cafard) → σ(2) = 0.8808. Grams: "cafards" holds cafa and fard, the
        // only known grams (k = 2): -1 + (3 + 3)/√2 → σ(3.2426) = 0.9624. Mean: 0.9216.
        #expect(tags.themeIDs == ["proprete"])
        #expect(abs(tags.themes[0].score - 0.9216) < 0.0001)
        // By names, the same; unknown grams are not counted in k.
        let p = model.themeProbabilities(["w:cafard", "c:cafa", "c:fard", "c:zzzz"])
        #expect(abs(p[0] - 0.9216) < 0.0001)
        // No gram of equipements-communs: σ(-2) and σ(-1) → 0.1941.
        #expect(abs(p[1] - 0.1941) < 0.0001)
        // One gram alone: k = 1, -1 + 3 → σ(2), with the words' bias σ(-2): exactly 0.5.
        #expect(abs(model.themeProbabilities(["c:fard"])[0] - 0.5) < 1e-9)
    }

    @Test func aModelWithoutGramsUsesTheWordsAlone() throws {
        let model = try ThemeModel(file: "m.tsv", bytes: Array(Self.handMade.utf8))
        #expect(model.gramBias == nil)
        // σ(-2 + 4): the word regression alone.
        #expect(abs(model.themeProbabilities(["w:cafard", "c:cafa"])[0] - 0.8808) < 0.0001)
    }

    static let examples: [ThemeModelExample] = {
        var out: [ThemeModelExample] = []
        for i in 0..<6 {
            out.append(ThemeModelExample(features: ["w:cafard", "w:cave\(i % 2)"], themes: ["proprete"], intent: .plainte))
            out.append(ThemeModelExample(features: ["w:ascenseur", "w:cave\(i % 2)"], themes: ["equipements"], intent: .plainte))
            out.append(ThemeModelExample(features: ["w:merci", "w:cave\(i % 2)"], themes: [], intent: .satisfaction))
        }
        out.append(ThemeModelExample(features: ["w:unique"], themes: ["proprete"], intent: nil))
        return out
    }()

    @Test func trainingLearnsWhatSeparatesTheAnswers() {
        let model = ThemeModelTrainer.train(Self.examples, themes: ["proprete", "equipements"])
        // 'w:unique' is in one answer only: not learned (min-answers 2).
        #expect(model.featureNames == ["w:ascenseur", "w:cafard", "w:cave0", "w:cave1", "w:merci"])
        // Regularised: clear but not extreme probabilities (the bias alone gives about 0.3).
        #expect(model.themeProbabilities(["w:cafard"])[0] > 0.8)
        #expect(model.themeProbabilities(["w:cafard"])[1] < 0.2)
        #expect(model.themeProbabilities(["w:ascenseur"])[1] > 0.8)
        #expect(model.themeProbabilities(["w:merci"]).allSatisfy { $0 < 0.2 })
        #expect(model.intent(["w:merci"]).0 == .satisfaction)
        #expect(model.intent(["w:cafard"]).0 == .plainte)
    }

    @Test func trainingLearnsGramsApartFromWords() {
        // Grams of two spellings of one word; the typo shares most of its grams.
        let poubelle = CharGrams.names(of: [MatchToken(form: "poubelles", lemma: "poubelle", tokenIndex: 0)])
        let ascenseur = CharGrams.names(of: [MatchToken(form: "ascenseur", lemma: "ascenseur", tokenIndex: 0)])
        var examples: [ThemeModelExample] = []
        for i in 0..<6 {
            examples.append(ThemeModelExample(features: ["w:x\(i % 2)"] + poubelle.sorted(), themes: ["proprete"], intent: .plainte))
            examples.append(ThemeModelExample(features: ["w:x\(i % 2)"] + ascenseur.sorted(), themes: ["equipements"], intent: .plainte))
        }
        let model = ThemeModelTrainer.train(examples, themes: ["proprete", "equipements"])
        #expect(model.featureNames.contains("c:") && model.featureNames.contains("c:poub"))
        let typo = CharGrams.names(of: [MatchToken(form: "poubels", lemma: "poubels", tokenIndex: 0)])
        let p = model.themeProbabilities(typo.sorted())
        #expect(p[0] > 0.5 && p[1] < 0.5)
        // Without grams (gram-C 0): no `c:` rows, and the typo tells nothing.
        var settings = ThemeModelSettings()
        settings.gramC = 0
        let words = ThemeModelTrainer.train(examples, themes: ["proprete", "equipements"], settings: settings)
        #expect(!words.featureNames.contains { $0.hasPrefix("c:") })
        #expect(abs(words.themeProbabilities(typo.sorted())[0] - words.themeProbabilities([])[0]) < 1e-12)
    }

    @Test func trainingIsDeterministicAndTheFileReadsBack() throws {
        let a = ThemeModelTrainer.train(Self.examples, themes: ["proprete", "equipements"], provenance: [("trained-on", "toy")])
        let b = ThemeModelTrainer.train(Self.examples, themes: ["proprete", "equipements"], provenance: [("trained-on", "toy")])
        #expect(a.tsv() == b.tsv())
        let read = try ThemeModel(file: "m.tsv", bytes: Array(a.tsv().utf8))
        #expect(read.tsv() == a.tsv())
        #expect(read.themes == ["proprete", "equipements"])
        #expect(read.provenance.first?.key == "trained-on" && read.provenance.first?.value == "toy")
        #expect(read.threshold == 0.35)
        for features in [["w:cafard"], ["w:ascenseur", "w:cave1"], ["w:merci"]] {
            #expect(read.intent(features).0 == a.intent(features).0)
            for (x, y) in zip(read.themeProbabilities(features), a.themeProbabilities(features)) { #expect(abs(x - y) < 0.01) }
        }
    }

    @Test func featuresNameWordsPairsRulesSpeakerAndIntent() {
        let (analyzer, _) = Fixture.setup()
        let analyzed = analyzer.analyze("Les cafards envahissent la cave ?")
        let tokens = analyzed.tokens[...]
        let features = ThemeModel.features(of: [(tokens, PhraseCompiler.matchTokens(tokens))], themes: ["proprete"],
                                           intent: .plainte, speaker: "organisation-interne")
        #expect(features.contains("w:cafard") && features.contains("w:cave"))
        #expect(features.contains("b:cafard|envahir"))
        // Pairs skip words (up to four content words apart), in text order only.
        #expect(features.contains("b:cafard|cave") && features.contains("b:envahir|cave"))
        #expect(!features.contains("b:cave|cafard"))
        #expect(features.contains("o:le"))             // a stopword, apart from the words
        #expect(features.contains("f:le"))             // the excerpt's first word
        #expect(features.contains("p:?"))
        #expect(features.contains("r:proprete") && features.contains("s:organisation-interne") && features.contains("i:plainte"))
        #expect(features == features.sorted())
        // Tagging looks the same features up by kind: the same rows as by name.
        let model = try! ThemeModel(file: "m.tsv", bytes: Array(Self.handMade.utf8))
        let rows = model.rows(of: [(tokens, PhraseCompiler.matchTokens(tokens))], themes: ["proprete"], intent: .plainte,
                              speaker: "organisation-interne")
        #expect(rows == model.rows(named: features))
        #expect(rows.map { model.featureNames[$0 - 1] } == ["b:cafard|envahir", "o:le", "r:proprete", "w:cafard"])
    }

    @Test func pairsReachFourContentWordsBackAndNoFurther() {
        let (analyzer, _) = Fixture.setup()
        // Six content words: the first pairs with the next four, not with the sixth.
        let analyzed = analyzer.analyze("cafard punaise souris rat blatte fourmi")
        let tokens = analyzed.tokens[...]
        let pairs = ThemeModel.features(of: [(tokens, PhraseCompiler.matchTokens(tokens))], themes: [], intent: .neutre,
                                        speaker: nil).filter { $0.hasPrefix("b:") }
        #expect(pairs.filter { $0.hasPrefix("b:cafard|") }.count == 4)
        #expect(!pairs.contains("b:cafard|fourmi") && pairs.contains("b:punaise|fourmi"))
        #expect(pairs.count == 4 + 4 + 3 + 2 + 1)
    }

    @Test(arguments: ["Les cafards envahissent la cave ?", "L'ascenseur social est en panne. Des cafards !", "merci", ""])
    func rowsByNumberAreRowsByName(_ text: String) throws {
        // A tagger numbers the model's words with its vocabulary; lookups by number must find
        // exactly the rows that lookups by name find.
        let model = try ThemeModel(file: "m.tsv", bytes: Array(Self.handMade.utf8))
        let (analyzer, tagger) = Self.tagger(model: model)
        let analyzed = analyzer.analyze(text)
        let parts = analyzed.excerpts.map {
            let tokens = analyzed.tokens[$0.tokenRange]
            return (tokens: tokens, words: PhraseCompiler.matchTokens(tokens))
        }
        let ids = parts.map { tagger.vocabulary.ids(of: $0.words) }
        let byNumber = tagger.model!.rows(of: parts, ids: ids, themes: ["proprete"], intent: .neutre, speaker: nil)
        let byName = model.rows(of: parts, themes: ["proprete"], intent: .neutre, speaker: nil)
        #expect(byNumber == byName)
        #expect(byName == model.rows(named: ThemeModel.features(of: parts, themes: ["proprete"], intent: .neutre, speaker: nil)))
    }
}
