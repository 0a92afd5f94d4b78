import Testing
@testable import VerbatimCore

/// `verbatim bench themes --labels`: another labelling scored against the gold, matched by id.
/// Every expected figure is counted by hand in the comments.
@Suite struct ThemeBenchLabelsTests {
    static let gold = """
        id\ttext\tthemes\tintent
        a\tascenseur en panne et personne ne répond\tequipements-communs;relation-bailleur\tplainte
        b\tcafards dans la cave\tproprete\tattente
        c\tRAS\t\tneutre

        """

    /// Rows in another order than the gold's, without the text column.
    static let labels = """
        id\tthemes\tintent
        c\trelation-bailleur\tneutre
        a\tequipements-communs\tplainte
        b\tloyer-charges;proprete\tneutre

        """

    @Test func scoresAnotherLabellingByID() throws {
        let folder = TemporaryFolder()
        let result = try ThemeBench.scoreLabels(folder.write("labels.tsv", Self.labels), gold: folder.write("gold.tsv", Self.gold))
        // True positives: a/equipements-communs, b/proprete. False positives: b/loyer-charges,
        // c/relation-bailleur. False negative: a/relation-bailleur.
        #expect(result.micro.truePositives == 2)
        #expect(result.micro.falsePositives == 2)
        #expect(result.micro.falseNegatives == 1)
        #expect(abs(result.micro.f1 - 4.0 / 7.0) < 1e-9)  // P 2/4, R 2/3 → F1 = 2·(1/2)(2/3)/(7/6) = 4/7
        // Themes with gold answers: equipements-communs F1 1, proprete F1 1, relation-bailleur F1 0
        // (tp 0, fp 1, fn 1); loyer-charges has no gold answer and stays out of the macro average.
        #expect(abs(result.macroF1 - 2.0 / 3.0) < 1e-9)
        #expect(result.perTheme.map(\.theme) == ["equipements-communs", "loyer-charges", "proprete", "relation-bailleur"])
        // Intents: a and c agree, b does not.
        #expect(abs(result.intentAccuracy! - 2.0 / 3.0) < 1e-9)
        #expect(result.answers == 3)
    }

    @Test func noIntentColumnMeansNoIntentAccuracy() throws {
        let folder = TemporaryFolder()
        let labels = "id\tthemes\na\tequipements-communs;relation-bailleur\nb\tproprete\nc\t\n"
        let result = try ThemeBench.scoreLabels(folder.write("labels.tsv", labels), gold: folder.write("gold.tsv", Self.gold))
        #expect(result.micro.f1 == 1)
        #expect(result.intentAccuracy == nil)
    }

    @Test func labelsAndGoldMustCoverTheSameIDs() throws {
        let folder = TemporaryFolder()
        let gold = folder.write("gold.tsv", Self.gold)
        /// The error scoring `labels` gives, or nil when it was accepted.
        func refusal(_ name: String, _ labels: String) -> (path: String, message: String?) {
            let path = folder.write(name, labels)
            do { _ = try ThemeBench.scoreLabels(path, gold: gold); return (path, nil) } catch { return (path, "\(error)") }
        }
        let stray = refusal("stray.tsv", Self.labels + "z\tproprete\tplainte\n")
        #expect(stray.message == "\(stray.path):5: id 'z' is not in \(gold)")
        let short = refusal("short.tsv", "id\tthemes\tintent\na\tproprete\tplainte\nc\t\tneutre\n")
        #expect(short.message == "\(gold):3: id 'b' has no labels in \(short.path)")
        let twice = refusal("twice.tsv", Self.labels + "a\tproprete\tplainte\n")
        #expect(twice.message == "\(twice.path):5: id 'a' was already given on line 3")
    }

    @Test func aSampleScoresOnlyTheGoldAnswersItLabels() throws {
        let folder = TemporaryFolder()
        let gold = folder.write("gold.tsv", Self.gold)
        // Only a and b are labelled: a has equipements-communs right and relation-bailleur
        // missed, b is right. tp 2, fp 0, fn 1 → P 1, R 2/3, F1 0.8.
        let labels = folder.write("sample.tsv", "id\tthemes\na\tequipements-communs\nb\tproprete\n")
        let result = try ThemeBench.scoreLabels(labels, gold: gold, sample: true)
        #expect(result.answers == 2)
        #expect(abs(result.micro.f1 - 0.8) < 1e-9)
        #expect(throws: (any Error).self) { try ThemeBench.scoreLabels(labels, gold: gold) }
    }

    @Test func theTableNamesTheLabelsAndPrintsNoSpeed() throws {
        let folder = TemporaryFolder()
        let labels = folder.write("labels.tsv", Self.labels)
        let table = try ThemeBench.run(labels: labels, gold: folder.write("gold.tsv", Self.gold), json: false)
        #expect(table.contains("labels \(labels)"))
        #expect(table.contains("micro           P 0.500  R 0.667  F1 0.571"))
        #expect(!table.contains("answers/s"))
        let json = try ThemeBench.run(labels: labels, gold: folder.path + "/gold.tsv", json: true)
        #expect(json.contains("\"microF1\":0.571"))
        #expect(!json.contains("answersPerSecond"))
    }
}
