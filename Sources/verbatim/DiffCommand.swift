import ArgumentParser
import VerbatimCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the excerpts whose themes or intent changed between two runs, with theme counts and scores.",
        discussion: """
            Compares what two runs of a database decided for each excerpt (an incremental run \
            decides for the answers it analyzed; `verbatim run --rerun` for all of them): the \
            excerpts whose themes or intent differ, the number of excerpts per theme in each run, \
            and the scores each run recorded on a labelled set (--gold). Without RUN_A RUN_B: the \
            last two finished runs.

            Example (a researcher's loop):
              verbatim run --db consultation.sqlite --rerun --taxonomy edited.tsv --gold Benchmarks/data/themes-dev.tsv
              verbatim diff --db consultation.sqlite
            """
    )

    @Option(help: "The SQLite database written by `verbatim run`.")
    var db: String

    @Argument(help: "The earlier run id (default: the second-to-last finished run).")
    var runA: Int64?

    @Argument(help: "The later run id (default: the last finished run).")
    var runB: Int64?

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    @Option(help: "Changed excerpts listed (table format).")
    var limit = 50

    @Option(help: "Output format: table or json.")
    var format: DiffJob.Format = .table

    func validate() throws {
        if runA != nil && runB == nil { throw ValidationError("Give both run ids, or none (the last two runs).") }
    }

    func run() throws {
        FileIO.writeStandardOutput(try DiffJob.run(database: db, consultation: consultation, before: runA, after: runB,
                                                   limit: limit, format: format))
    }
}

extension DiffJob.Format: ExpressibleByArgument {}
