import ArgumentParser
import VerbatimCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a stored consultation, to send or print.",
        discussion: """
            One HTML file, with its style and charts inside (inline CSS and SVG; no script, no \
            external resource, no web font): it opens offline in any browser, can be sent by \
            e-mail, and prints on A4 with one section per page, charts readable in black and white.

            Sections: overview (respondents, answers, questions, unclassified answers); answers \
            per theme; themes by a respondent field (--by; default groupe when present, else the \
            first field) as a heatmap of shares with significant differences marked (binomial \
            z-score, |z| ≥ 1.96); intent per theme; each theme with its description, figures, the \
            terms found and five quotes exactly as written, with the respondent's fields; \
            clusters of the unclassified excerpts (reinert, k 8, seed 42; left out when the \
            lexicon cannot load); methods and provenance (versions, settings of the run).

            Examples:
              verbatim report --db verbatim-demo.sqlite -o report.html
              verbatim report --db verbatim-demo.sqlite --by territoire -o territoires.html
              chromium --headless --no-pdf-header-footer --print-to-pdf=report.pdf report.html
            """
    )

    @Option(help: "The SQLite database written by `verbatim run`.")
    var db: String

    @Option(name: [.customShort("o"), .long], help: "The HTML file to write (replaced atomically).")
    var output = "report.html"

    @Option(help: "The respondent field to compare themes by (default: groupe when present, else the first field).")
    var by: String?

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    @Option(help: "The lexicon folder, for the discovered clusters (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        let settings = ReportJob.Settings(database: db, output: output, field: by, consultation: consultation, lexicons: lexicons)
        FileIO.writeStandardOutput(ReportJob.render(try ReportJob.run(settings)))
    }
}
