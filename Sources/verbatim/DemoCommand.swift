import ArgumentParser
import VerbatimCore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled sample consultation into ./verbatim-demo.sqlite, then search it.",
        discussion: """
            The sample (examples/consultation/consultation.csv) is a consultation written for this \
            project: tenants, employees and partners answering 5 open questions, as an Excel \
            export (";", Windows-1252). The demo is `verbatim run` with the right column options, \
            followed by a few `verbatim search` queries. Running it twice adds nothing the second time.
            """
    )

    @Option(help: "The database to write.")
    var db = "verbatim-demo.sqlite"

    @Option(help: "The sample folder (default: ./examples/consultation, or next to the lexicons).")
    var sample: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        try DemoJob.run(database: db, sample: sample, lexicons: lexicons)
    }
}
