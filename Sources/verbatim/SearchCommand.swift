import ArgumentParser
import Store
import VerbatimCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find excerpts by words, phrases and respondent fields.",
        discussion: """
            Query syntax: words (all must match), "exact phrases", OR between two items, -word or \
            -"phrase" to exclude. Matching ignores accents, case and elisions ("ascenseur" finds \
            "l'ASCENSEUR") and uses lemmas ("réparations" finds "réparation"). Any other \
            character is just text: the query never reaches SQLite's FTS5 syntax.

            Exit status: 0 with hits, 1 when nothing matches, 2 on a bad database, filter or query.

            Examples:
              verbatim search ascenseur --db verbatim-demo.sqlite
              verbatim search '"parties communes" OR ménage' --db verbatim-demo.sqlite --where groupe=locataire
              verbatim search gardien --db verbatim-demo.sqlite --question q4 --format json --full-answer
              verbatim search --theme proprete --db verbatim-demo.sqlite --where groupe=locataire
            """
    )

    @Argument(help: "The query (optional with --theme).")
    var query: String = ""

    @Option(help: "The SQLite database written by `verbatim run`.")
    var db: String

    @Option(name: .customLong("where"), help: "FIELD=VALUE on a respondent field, e.g. territoire='Rive droite' (repeatable, all must hold).")
    var filters: [String] = []

    @Option(help: "Only answers to this question (its code, e.g. q2).")
    var question: String?

    @Option(help: "Only excerpts tagged with this theme id (see `verbatim themes`).")
    var theme: String?

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    @Option(help: "Maximum number of hits.")
    var limit = 20

    @Option(help: "Output: table, json or csv.")
    var format: SearchJob.Format = .table

    @Flag(help: "Also print the whole answer of each hit.")
    var fullAnswer = false

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        for filter in filters where !filter.contains("=") || filter.hasPrefix("=") {
            throw ValidationError("--where expects FIELD=VALUE, got '\(filter)'.")
        }
    }

    func run() throws {
        let parsed = filters.map { f -> (name: String, value: String) in
            let eq = f.firstIndex(of: "=")!
            return (String(f[..<eq]), String(f[f.index(after: eq)...]))
        }
        let options = SearchOptions(consultation: consultation, question: question, theme: theme, filters: parsed, limit: limit,
                                    includeAnswer: fullAnswer)
        let result = try SearchJob.run(query: query, database: db, options: options, format: format,
                                       color: Terminal.standardOutputIsTerminal, lexicons: lexicons)
        FileIO.writeStandardOutput(result.output)
        if result.hits == 0 {
            FileIO.writeStandardError("no excerpt matches \(query.isEmpty ? "theme " + (theme ?? "") : query)\n")
            throw ExitCode(ExitStatus.nothingFound)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every excerpt with its respondent fields as CSV (Excel-safe) or JSON Lines.",
        discussion: """
            CSV: UTF-8 with a byte order mark so Excel reads accents, CRLF line ends, cells that \
            start with = + - @ prefixed with ' so they never run as formulas. Use --delimiter ';' \
            for a French Excel.

            Examples:
              verbatim export --db verbatim-demo.sqlite --format csv --delimiter ';' -o excerpts.csv
              verbatim export --db verbatim-demo.sqlite --format jsonl | head -3
            """
    )

    @Option(help: "The SQLite database written by `verbatim run`.")
    var db: String

    @Option(help: "csv or jsonl.")
    var format: ExportJob.Format = .csv

    @Option(help: "CSV delimiter: one character (default ',').")
    var delimiter = ","

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    @Option(name: .shortAndLong, help: "Output file (default: standard output); written to a temporary file, then renamed.")
    var output: String?

    func validate() throws {
        if delimiter.count != 1 || delimiter == "\"" { throw ValidationError("--delimiter must be one character other than '\"'.") }
    }

    func run() throws {
        try ExportCLI.run(database: db, consultation: consultation, format: format, delimiter: delimiter.first!, output: output)
    }
}
