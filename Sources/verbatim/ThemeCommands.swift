import ArgumentParser
import VerbatimCore

struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Tag answers with taxonomy themes and an intent; no database.",
        discussion: """
            Reads a CSV/TSV/XLSX/JSONL file, and prints one line per answer after a header: \
            id<TAB>themes<TAB>intent, themes as sorted ids joined by ";" (empty when none), intent \
            one of plainte, attente, satisfaction, neutre. --format json adds each theme's score, \
            evidence terms and negation.

            Example:
              verbatim classify --input answers.csv --id-col id --text-col text
            """
    )

    @Option(help: "The file of answers.")
    var input: String

    @Option(name: .customLong("id-col"), help: "The id column.")
    var idColumn = "id"

    @Option(name: .customLong("text-col"), help: "The answer column.")
    var textColumn = "text"


    @Option(help: "tsv or json.")
    var format: ClassifyJob.Format = .tsv

    @OptionGroup var files: TaxonomyFiles

    func run() throws {
        let setup = try files.setup()
        FileIO.writeStandardOutput(try ClassifyJob.run(input: input, idColumn: idColumn, textColumn: textColumn,
                                                       format: format, setup: setup))
    }
}

struct BenchThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Score theme tagging and intent against a labelled TSV (id, text, themes, [intent]).",
        discussion: """
            Prints precision, recall and F1 per theme, micro and macro F1 over answers, intent \
            accuracy, and speed. With --labels FILE, scores that file's labels instead of the \
            tagger: a second coder's labels (agreement between coders), or another tool's \
            output; rows are matched by id, and `verbatim classify` writes the format.

            Examples:
              verbatim bench themes --gold Benchmarks/data/themes-dev.tsv
              verbatim bench themes --gold Benchmarks/data/themes-dev.tsv --labels Benchmarks/data/themes-dev-coder2.tsv
            """
    )

    @Option(help: "The labelled file: columns id, text, themes (ids joined by ';'), optional intent.")
    var gold: String

    @Option(help: "Score these labels (columns id, themes, optional intent) instead of the tagger.")
    var labels: String?

    @Flag(help: "With --labels: the labels cover a sample of the gold answers; score those only.")
    var sample = false

    @Option(help: "Output format: table or json.")
    var format: BenchLemmasCommand.BenchFormat = .table

    @OptionGroup var files: TaxonomyFiles

    func run() throws {
        if sample && labels == nil { throw ValidationError("--sample goes with --labels.") }
        if let labels {
            FileIO.writeStandardOutput(try ThemeBench.run(labels: labels, gold: gold, sample: sample, json: format == .json))
            return
        }
        let setup = try files.setup()
        FileIO.writeStandardOutput(try ThemeBench.run(gold: gold, setup: setup, json: format == .json))
    }
}

extension ClassifyJob.Format: ExpressibleByArgument {}

struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "Print the theme table of a stored consultation, overall or by a respondent field.",
        discussion: """
            Overall: answers with each theme and their share, excerpts, negated excerpts ("aucun \
            problème de propreté"), excerpt intents, and the unclassified answers. With --by FIELD: \
            per value of the field, answers with the theme, their share, and a z-score against \
            the overall share (* when significant at 5 %).

            Examples:
              verbatim themes --db verbatim-demo.sqlite
              verbatim themes --db verbatim-demo.sqlite --by groupe
            """
    )

    @Option(help: "The SQLite database written by `verbatim run`.")
    var db: String

    @Option(help: "A respondent field to split by (e.g. groupe, territoire).")
    var by: String?

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    func run() throws {
        FileIO.writeStandardOutput(try ThemesJob.run(database: db, consultation: consultation, field: by))
    }
}

struct DiscoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discover",
        abstract: "Cluster the excerpts the taxonomy leaves unclassified into candidate themes.",
        discussion: """
            Methods: reinert (descending hierarchical classification on the excerpt × lemma table, \
            after Alceste/IRaMuTeQ) or kmeans (spherical k-means on TF-IDF). Deterministic for a \
            seed. Each class: size, its most specific lemmas (χ² against the other classes), 5 \
            representative excerpts, and the nearest taxonomy theme. --promote N --as ID --label \
            TEXT appends class N to the taxonomy file as a new theme (review its terms, then \
            `verbatim run --reanalyze`).

            Examples:
              verbatim discover --db verbatim-demo.sqlite
              verbatim discover --db verbatim-demo.sqlite --method kmeans --k 10 --all
              verbatim discover --db verbatim-demo.sqlite --promote 3 --as voisinage-animaux --label "Animaux"
            """
    )

    @OptionGroup var discovery: DiscoveryOptions

    @Option(help: "Write the class of every clustered excerpt to this TSV file (excerptId, class).")
    var members: String?

    @Option(help: "Append this class (1-based) to the taxonomy as a new theme.")
    var promote: Int?

    @Option(name: .customLong("as"), help: "With --promote: the new theme id.")
    var themeID: String?

    @Option(help: "With --promote: the new theme label.")
    var label: String?

    @Option(help: "The taxonomy file (default: lexicons/themes/habitat.fr.tsv).")
    var taxonomy: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func validate() throws {
        if promote != nil && (themeID == nil || label == nil) { throw ValidationError("--promote needs --as ID and --label TEXT.") }
    }

    func run() throws {
        try DiscoverCLI.run(database: discovery.db, options: discovery.options, lexicons: lexicons, taxonomy: taxonomy,
                            promote: promote.map { ($0, themeID!, label!) }, members: members)
    }
}

/// The database and the discovery settings: shared by `discover` and `taxonomy promote`, so that
/// the same options give the same classes.
struct DiscoveryOptions: ParsableArguments {
    @Option(help: "The SQLite database written by `verbatim run`.")
    var db: String

    @Option(help: "reinert or kmeans.")
    var method: DiscoverJob.Method = .reinert

    @Option(help: "Number of classes.")
    var k = 8

    @Option(help: "Random seed (same seed, same classes).")
    var seed: UInt64 = 42

    @Flag(help: "Cluster every excerpt, not only the unclassified ones.")
    var all = false

    @Option(help: "The consultation (default: the only one in the database).")
    var consultation: String?

    func validate() throws {
        if k < 2 || k > 50 { throw ValidationError("--k must be between 2 and 50.") }
    }

    var options: DiscoverJob.Options {
        var options = DiscoverJob.Options()
        options.method = method
        options.k = k
        options.seed = seed
        options.all = all
        options.consultation = consultation
        return options
    }
}

extension DiscoverJob.Method: ExpressibleByArgument {}
