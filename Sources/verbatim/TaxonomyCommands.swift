import ArgumentParser
import VerbatimCore

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Check a theme taxonomy, explain how a text is tagged, audit it and train its model on labelled answers, promote a discovered class.",
        subcommands: [TaxonomyLintCommand.self, TaxonomyExplainCommand.self, TaxonomyAuditCommand.self, TaxonomyTrainCommand.self,
                      TaxonomyPromoteCommand.self]
    )
}

/// Options naming the lexicons, the taxonomy and the intent cues.
struct TaxonomyFiles: ParsableArguments {
    @Option(help: "The taxonomy file (default: lexicons/themes/habitat.fr.tsv).")
    var taxonomy: String?

    @Option(help: "The intent cue file (default: lexicons/themes/intent.fr.tsv).")
    var intents: String?

    @Option(help: "The learned theme model (default: lexicons/themes/model.fr.tsv when present; 'none': the taxonomy alone).")
    var model: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    /// The analyzer and tagger these files name; `defaultModel` stands for an absent --model.
    func setup(defaultModel: String? = nil) throws -> ThemeSetup {
        try ThemeSetup(lexicons: lexicons, taxonomy: taxonomy, intents: intents, model: ModelChoice(option: model ?? defaultModel))
    }
}

struct TaxonomyLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the taxonomy and intent files: format (file:line), repeated terms, unknown words, idle excludes, term counts.",
        discussion: "Exit status 1 when there is an error (warnings alone exit 0).\n\nExample:\n  verbatim taxonomy lint --taxonomy my-taxonomy.tsv"
    )

    @OptionGroup var files: TaxonomyFiles

    func run() throws {
        let (report, errors) = try TaxonomyJob.lint(lexicons: files.lexicons, taxonomy: files.taxonomy, intents: files.intents,
                                                    model: files.model)
        FileIO.writeStandardOutput(report)
        if errors > 0 { throw ExitCode.failure }
    }
}

struct TaxonomyExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, excerpt by excerpt, the lemmas, the terms that fired, negations, intent cues and rules.",
        discussion: "Example:\n  verbatim taxonomy explain \"Pas de souci avec le gardien. Il faudrait réparer l'ascenseur.\""
    )

    @Argument(help: "The text to tag.")
    var text: String

    @OptionGroup var files: TaxonomyFiles

    func run() throws {
        let setup = try files.setup()
        FileIO.writeStandardOutput(TaxonomyJob.explain(text, setup: setup))
    }
}

struct TaxonomyAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Measure each term on labelled answers and suggest terms for the answers the taxonomy missed.",
        discussion: """
            For each theme: answers labelled with it, tagged with it, missed and wrongly tagged; \
            terms that fire mostly on answers without their theme ("weak term"); and words or \
            phrases (lemmas) found in missed answers and rarely elsewhere ("suggest", written as a \
            taxonomy row). Nothing is changed: review, edit the taxonomy, then measure again with \
            `verbatim bench themes`. Audit on a tuning file, never on the file you report. The \
            taxonomy is audited alone (no learned model) unless --model names one.

            The gold file is a TSV with columns text and themes (ids joined by ";"), as for \
            `verbatim bench themes`.

            Example:
              verbatim taxonomy audit --gold Benchmarks/data/themes-train.tsv --theme proprete
            """
    )

    @Option(help: "The labelled TSV file (columns text, themes).")
    var gold: String

    @Option(help: "Report only this theme id.")
    var theme: String?

    @Option(help: "Suggest a term only when it is found in at least this many missed answers.")
    var minFixes = 2

    @Option(help: "Suggest a term only when at least this share of the answers holding it carry the theme.")
    var minPrecision = 0.6

    @OptionGroup var files: TaxonomyFiles

    func validate() throws {
        guard minFixes >= 1 else { throw ValidationError("--min-fixes must be at least 1") }
        guard (0...1).contains(minPrecision) else { throw ValidationError("--min-precision must be between 0 and 1") }
    }

    func run() throws {
        let setup = try files.setup(defaultModel: "none")
        FileIO.writeStandardOutput(try TaxonomyJob.audit(gold: gold, setup: setup, theme: theme,
                                                         minFixes: minFixes, minPrecision: minPrecision))
    }
}

struct TaxonomyTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn the theme model from labelled answers and write it (lexicons/themes/model.fr.tsv).",
        discussion: """
            The model is the second stage of tagging: per theme the mean of two logistic \
            regressions — one over the answer's lemmas, pairs of lemmas, and what the taxonomy and \
            intent cues decided, one over the character 4-grams of its words (misspellings, word \
            families) — and for the intent a softmax regression. It keeps, drops or adds themes and \
            picks the intent; `verbatim taxonomy explain` shows its reasons. Training is \
            deterministic (L-BFGS from zero weights): the same file, taxonomy and settings give \
            the same model. Retrain after editing the taxonomy or the intent cues.

            Example:
              verbatim taxonomy train --gold Benchmarks/data/themes-train.tsv
            """
    )

    @Option(help: "The labelled TSV file (columns text, themes, optional intent).")
    var gold: String

    @Option(name: .shortAndLong, help: "Where to write the model (default: lexicons/themes/model.fr.tsv beside the lexicons).")
    var output: String?

    @Option(help: "A theme is kept when its probability is at least this.")
    var threshold = 0.35

    @Option(help: "Most L-BFGS steps per regression (training stops earlier once converged).")
    var iterations = 500

    @Option(help: "Learn a word only when at least this many answers hold it.")
    var minAnswers = 2

    @Option(help: "Inverse regularisation strength of the theme regressions (higher: closer fit to the file).")
    var themeC = 10.0

    @Option(help: "Inverse regularisation strength of the intent regression.")
    var intentC = 10.0

    @Option(help: "Inverse regularisation strength of the character 4-gram regressions; 0 leaves them out.")
    var gramC = 30.0

    @Option(help: "The taxonomy file (default: lexicons/themes/habitat.fr.tsv).")
    var taxonomy: String?

    @Option(help: "The intent cue file (default: lexicons/themes/intent.fr.tsv).")
    var intents: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func validate() throws {
        guard threshold > 0 && threshold < 1 else { throw ValidationError("--threshold must be between 0 and 1") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1") }
        guard minAnswers >= 1 else { throw ValidationError("--min-answers must be at least 1") }
        guard themeC > 0 && intentC > 0 else { throw ValidationError("--theme-c and --intent-c must be positive") }
        guard gramC >= 0 else { throw ValidationError("--gram-c must be positive, or 0 to leave the grams out") }
    }

    func run() throws {
        FileIO.writeStandardOutput(try TaxonomyJob.train(gold: gold, output: output, lexicons: lexicons, taxonomy: taxonomy,
                                                         intents: intents, threshold: threshold, iterations: iterations,
                                                         minAnswers: minAnswers, themeC: themeC, intentC: intentC,
                                                         gramC: gramC))
    }
}

struct TaxonomyPromoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Append a class found by `verbatim discover` to the taxonomy file as a new theme.",
        discussion: """
            Runs the same discovery as `verbatim discover` (same options, same seed: the same \
            classes) and appends class CLUSTER with its specific terms as theme --as ID. Review \
            the new rows, then `verbatim run --db PATH --rerun` and `verbatim diff`.

            Example:
              verbatim taxonomy promote 3 --db verbatim-demo.sqlite --as voisinage-animaux --label "Animaux"
            """
    )

    @Argument(help: "The class number shown by `verbatim discover`.")
    var cluster: Int

    @OptionGroup var discovery: DiscoveryOptions

    @Option(name: .customLong("as"), help: "The new theme id (lowercase letters, digits, '-').")
    var themeID: String

    @Option(help: "The new theme label.")
    var label: String

    @OptionGroup var files: TaxonomyFiles

    func run() throws {
        try DiscoverCLI.run(database: discovery.db, options: discovery.options, lexicons: files.lexicons, taxonomy: files.taxonomy,
                            promote: (cluster, themeID, label))
    }
}
