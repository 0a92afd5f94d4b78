import Ingest
import Store
import TextAnalysis

/// `verbatim demo`: the sample consultation through `run`, then a few searches.
public enum DemoJob {
    /// The searches the demo shows: query, filters, question.
    static let searches: [(query: String, filters: [(name: String, value: String)], question: String?)] = [
        ("ascenseur", [], nil),
        ("\"parties communes\" OR ménage", [("groupe", "locataire"), ("territoire", "Rive droite")], nil),
        ("gardien -absent", [("groupe", "partenaire")], "q4"),
    ]

    public static func run(database: String, sample: String?, lexicons: String?) throws {
        let folder = try sample ?? locateSample(lexicons: lexicons)
        let questions = ["q1", "q2", "q3", "q4", "q5"]
        var settings = RunSettings(
            input: folder + "/consultation.csv", database: database, consultation: "consultation",
            mapping: ColumnMapping(idColumn: "id_repondant", textColumns: questions,
                                   segmentColumns: ["groupe", "territoire", "type_logement", "tranche_age"]),
            questionLabels: folder + "/questions.tsv", lexicons: lexicons)
        settings.speakerColumn = "groupe"
        FileIO.writeStandardOutput("$ verbatim run \(settings.input) --db \(database) --id-col id_repondant "
            + questions.map { "--text-col \($0)" }.joined(separator: " ")
            + " --segment-col groupe --segment-col territoire --segment-col type_logement --segment-col tranche_age"
            + " --speaker-col groupe --questions \(folder)/questions.tsv\n")
        try RunCLI.run(settings, quiet: false)
        FileIO.writeStandardOutput("\n$ verbatim themes --db \(database) --by groupe\n"
            + (try ThemesJob.run(database: database, consultation: nil, field: "groupe")))
        for search in searches {
            let options = SearchOptions(question: search.question, filters: search.filters, limit: 3)
            let command = "verbatim search '\(search.query)' --db \(database)"
                + search.filters.map { " --where '\($0.name)=\($0.value)'" }.joined()
                + (search.question.map { " --question \($0)" } ?? "") + " --limit 3"
            let result = try SearchJob.run(query: search.query, database: database, options: options, format: .table,
                                           color: Terminal.standardOutputIsTerminal, lexicons: lexicons)
            FileIO.writeStandardOutput("\n$ \(command)\n" + (result.hits == 0 ? "(no hits)\n" : result.output))
        }
    }

    /// `./examples/consultation`, or the one two folders above the lexicon folder.
    static func locateSample(lexicons: String?) throws -> String {
        var candidates = ["examples/consultation"]
        if let lexiconFolder = try? FrenchLexicon.locate(explicit: lexicons) {
            candidates.append(lexiconFolder + "/../../examples/consultation")
        }
        for candidate in candidates where FileIO.exists(candidate + "/consultation.csv") { return candidate }
        throw VerbatimError.cannotRead(path: candidates[0] + "/consultation.csv",
                                       reason: "sample consultation not found; give --sample FOLDER")
    }
}
