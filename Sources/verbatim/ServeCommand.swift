import ArgumentParser
import Server
import VerbatimCore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the managers' web UI on a stored consultation (read-only).",
        discussion: """
            Pages: /themes (counts and bars), /themes/ID (terms, groups, quotes), /search (words, \
            theme, question, FIELD=VALUE, pages of 20), /answers/ID (the whole answer, its excerpts \
            and themes), /clusters (discovered classes), /about (provenance). Every page has a JSON \
            twin: add .json or send Accept: application/json. No scripts, no external resources.

            Binds to 127.0.0.1 by default. With --token (or $VERBATIM_TOKEN) every request needs \
            Authorization: Bearer TOKEN or the cookie set by /login?token=TOKEN; serving on another \
            address without a token prints a warning.

            Example:
              verbatim serve --db verbatim-demo.sqlite        # then open http://127.0.0.1:8080/
            """
    )

    @Option(help: "The SQLite database written by `verbatim run` (opened read-only).")
    var db: String

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port.")
    var port = 8080

    @Option(help: "Require this token (default: $VERBATIM_TOKEN when set).")
    var token: String?

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() async throws {
        let token = self.token ?? Environment.variable("VERBATIM_TOKEN")
        let site = try Site(database: db, consultation: consultation, lexicons: lexicons)
        if token == nil && host != "127.0.0.1" && host != "localhost" && host != "::1" {
            FileIO.writeStandardError("warning: serving \(host) without --token: anyone who can reach it reads every answer\n")
        }
        FileIO.writeStandardError("Verbatim serving \(db) on http://\(host):\(port)/\n")
        try await runServer(site: site, host: host, port: port, token: token)
    }
}
