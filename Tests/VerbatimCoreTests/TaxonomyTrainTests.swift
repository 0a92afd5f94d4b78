import Testing
import Themes
@testable import VerbatimCore

/// `verbatim taxonomy train` and the model checks of `verbatim taxonomy lint`, on a hand-written
/// labelled file (invented answers).
@Suite struct TaxonomyTrainTests {
    static let root = repositoryRoot
    static let lexicons = root + "/lexicons/fr"

    /// Copies of the bundled taxonomy and cues in `folder` (the tests compare checksums: they must
    /// not see the bundled files change under them).
    static func files(_ folder: TemporaryFolder) throws -> (taxonomy: String, intents: String) {
        (folder.write("habitat.fr.tsv", try FileIO.readAll(path: root + "/lexicons/themes/habitat.fr.tsv")),
         folder.write("intent.fr.tsv", try FileIO.readAll(path: root + "/lexicons/themes/intent.fr.tsv")))
    }

    static let gold = """
        id\ttext\tthemes\tintent
        G1\tDes cafards partout dans la cave\tproprete\tplainte
        G2\tles cafards reviennent dans le local\tproprete\tplainte
        G3\tL'ascenseur est en panne depuis lundi\tequipements-communs\tplainte
        G4\tascenseur encore en panne, 3e fois\tequipements-communs\tplainte
        G5\tMerci au gardien, toujours là\tpresence-proximite\tsatisfaction
        G6\tmerci à la gardienne pour son sourire\tpresence-proximite\tsatisfaction
        G7\tIl faudrait repeindre la cage d'escalier\ttravaux-renovation\tattente
        G8\tRAS\t\tneutre

        """

    @Test func trainWritesAModelThatReadsBackAndLintAcceptsIt() throws {
        let folder = TemporaryFolder()
        let (taxonomy, intents) = try Self.files(folder)
        let gold = folder.write("gold.tsv", Self.gold)
        let output = folder.path + "/model.tsv"
        let report = try TaxonomyJob.train(gold: gold, output: output, lexicons: Self.lexicons, taxonomy: taxonomy,
                                           intents: intents, threshold: 0.35, iterations: 300, minAnswers: 2)
        #expect(report.hasPrefix(output + ": "))
        #expect(report.contains("from 8 answers"))
        let model = try ThemeModel(file: output, bytes: try FileIO.readAll(path: output))
        #expect(model.themes.count == 16 && model.themes.contains("proprete"))
        #expect(model.provenance.first { $0.key == "trained-on" }?.value.hasPrefix("gold.tsv\t") == true)
        #expect(model.provenance.first { $0.key == "trained-on" }?.value.hasSuffix("\t8 answers") == true)
        // 'cafard' is in two answers, both proprete: learned, and it pushes proprete up (it shares
        // the credit with r:proprete, the taxonomy's tag of the same answers, and the gram half of
        // the model sees no grams here: a rise of a few points).
        #expect(model.featureNames.contains("w:cafard"))
        let proprete = model.themes.firstIndex(of: "proprete")!
        #expect(model.themeProbabilities(["w:cafard"])[proprete] > model.themeProbabilities([])[proprete] + 0.05)
        // Its grams are learned too: " caf" is in those two answers only.
        #expect(model.featureNames.contains("c: caf"))
        #expect(model.themeProbabilities(["c: caf"])[proprete] > model.themeProbabilities([])[proprete] + 0.05)
        // Same inputs, same bytes.
        let again = folder.path + "/again.tsv"
        _ = try TaxonomyJob.train(gold: gold, output: again, lexicons: Self.lexicons, taxonomy: taxonomy,
                                  intents: intents, threshold: 0.35, iterations: 300, minAnswers: 2)
        #expect(try FileIO.readAll(path: again) == FileIO.readAll(path: output))
        // Trained with these very files: lint has nothing to say about the model.
        let (lint, errors) = try TaxonomyJob.lint(lexicons: Self.lexicons, taxonomy: taxonomy, intents: intents, model: output)
        #expect(errors == 0)
        #expect(!lint.contains(output))
    }

    @Test func lintWarnsWhenTheTaxonomyChangedSinceTraining() throws {
        let folder = TemporaryFolder()
        let (taxonomy, intents) = try Self.files(folder)
        let gold = folder.write("gold.tsv", Self.gold)
        let output = folder.path + "/model.tsv"
        _ = try TaxonomyJob.train(gold: gold, output: output, lexicons: Self.lexicons, taxonomy: taxonomy,
                                  intents: intents, threshold: 0.35, iterations: 50, minAnswers: 2)
        var edited = try FileIO.readAll(path: taxonomy)
        edited += Array("travaux-renovation\tterm\ttrottinette\t1\n".utf8)
        let editedPath = folder.write("edited.tsv", edited)
        let (lint, _) = try TaxonomyJob.lint(lexicons: Self.lexicons, taxonomy: editedPath, intents: intents, model: output)
        #expect(lint.contains("\(output): warning: trained with another taxonomy file than \(editedPath)"))
        #expect(!lint.contains("trained with another intents file"))
    }

    @Test func unknownThemeOrIntentNamesTheLine() throws {
        let folder = TemporaryFolder()
        let (taxonomy, intents) = try Self.files(folder)
        let bad = folder.write("bad.tsv", "id\ttext\tthemes\tintent\nG1\tun texte\tproprete\tplainte\nG2\tautre\tpropreté\tplainte\n")
        #expect(throws: VerbatimError.self) {
            _ = try TaxonomyJob.train(gold: bad, output: folder.path + "/m.tsv", lexicons: Self.lexicons, taxonomy: taxonomy,
                                      intents: intents, threshold: 0.35, iterations: 10, minAnswers: 2)
        }
        do {
            _ = try TaxonomyJob.train(gold: bad, output: folder.path + "/m.tsv", lexicons: Self.lexicons, taxonomy: taxonomy,
                                      intents: intents, threshold: 0.35, iterations: 10, minAnswers: 2)
        } catch {
            #expect("\(error)" == "\(bad):3: theme 'propreté' is not in the taxonomy")
        }
        let badIntent = folder.write("bad2.tsv", "id\ttext\tthemes\tintent\nG1\tun texte\tproprete\tcolère\n")
        do {
            _ = try TaxonomyJob.train(gold: badIntent, output: folder.path + "/m.tsv", lexicons: Self.lexicons, taxonomy: taxonomy,
                                      intents: intents, threshold: 0.35, iterations: 10, minAnswers: 2)
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "\(badIntent):2: intent 'colère' is not plainte, attente, satisfaction or neutre")
        }
        #expect(!FileIO.exists(folder.path + "/m.tsv"))
    }
}

/// The `--model` option and what the theme commands say about the tagger they use.
@Suite struct ModelChoiceTests {
    @Test func optionNamesTheBundledModelNoneOrAFile() {
        #expect(ModelChoice(option: nil) == .bundled)
        #expect(ModelChoice(option: "none") == .none)
        #expect(ModelChoice(option: "my-model.tsv") == .file("my-model.tsv"))
    }

    @Test func benchNamesTheTagger() throws {
        let lexicons = repositoryRoot + "/lexicons/fr"
        let alone = try ThemeSetup(lexicons: lexicons, taxonomy: nil, intents: nil, model: .none)
        #expect(ThemeBench.describe(alone.tagger) == "taxonomy alone (no model)")
        let bundled = try ThemeSetup(lexicons: lexicons, taxonomy: nil, intents: nil)
        let text = ThemeBench.describe(bundled.tagger)
        // The bundled model is trained on the whole training file: its answers, header aside.
        let lines = try FileIO.readAll(path: repositoryRoot + "/Benchmarks/data/themes-train.tsv").split(separator: 0x0A)
        #expect(text.hasPrefix("taxonomy + model ") && text.hasSuffix("model.fr.tsv (trained on themes-train.tsv, \(lines.count - 1) answers)"),
                "\(text)")
    }

    @Test func auditRefusesAnUnknownThemeAndListsTheKnownOnes() throws {
        let folder = TemporaryFolder()
        let gold = folder.write("gold.tsv", "id\ttext\tthemes\nG1\tle hall est sale\tproprete\n")
        let setup = try ThemeSetup(lexicons: repositoryRoot + "/lexicons/fr", taxonomy: nil, intents: nil, model: .none)
        do {
            _ = try TaxonomyJob.audit(gold: gold, setup: setup, theme: "proprété")
            Issue.record("no error")
        } catch {
            #expect("\(error)".contains("no theme 'proprété' (themes: proprete, entretien-logement"))
        }
        let report = try TaxonomyJob.audit(gold: gold, setup: setup, theme: "proprete")
        #expect(report == "\(gold): 1 answers\n\nproprete: labelled 1, tagged 1, missed 0, wrong 0\n")
    }
}
