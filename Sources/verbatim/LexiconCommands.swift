import ArgumentParser
import VerbatimCore

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Look up a word, check the lexicon tables, show their sizes, rebuild them from the sources.",
        subcommands: [LexiconLookupCommand.self, LexiconLintCommand.self, LexiconStatsCommand.self, LexiconBuildCommand.self]
    )
}

struct LexiconLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "A word's readings (lemma, UPOS, probability, source tables) and the lemma chosen in context.",
        discussion: """
            Examples:
              verbatim lexicon lookup charges
              verbatim lexicon lookup ferme --context "la porte ferme mal"
              verbatim lexicon lookup etat --accentless
            """
    )

    @Argument(help: "The word.")
    var word: String

    @Option(help: "A sentence holding the word, to see the lemma chosen in context.")
    var context: String?

    @Flag(help: "Weigh accent variants as in an answer typed without accents (etat → état).")
    var accentless = false

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        FileIO.writeStandardOutput(try LexiconJob.lookup(word, context: context, accentless: accentless, lexicons: lexicons))
    }
}

struct LexiconLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check the tables: format (file:line), checksums against manifest.json, conflicting and unknown entries of the hand-made tables.",
        discussion: "Exit status 1 on errors. The taxonomy has its own check: `verbatim taxonomy lint`."
    )

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        let (report, errors) = try LexiconJob.lint(lexicons: lexicons)
        FileIO.writeStandardOutput(report)
        if errors > 0 { throw ExitCode.failure }
    }
}

struct LexiconStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Rows per table, version and load time.")

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws { FileIO.writeStandardOutput(try LexiconJob.stats(lexicons: lexicons)) }
}

struct LexiconBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Regenerate lexicons/fr from Lexique 3.83, Dicollecte 7.0, the UD train files and the hand-made tables.",
        discussion: """
            Runs lexicons/tools/build_fr.py (standard-library Python 3, about 10 s): the derived \
            tables, their licences, PROVENANCE.md and manifest.json. Edit hand-made entries in \
            lexicons/tools/fr_handmade.py, then build, then `verbatim lexicon lint` and \
            `verbatim bench lemmas`.
            """
    )

    @Option(help: "The lexicon sources (Lexique, Dicollecte).")
    var sources = "../shared/lexicon-sources"

    @Option(help: "The UD French treebanks (train files).")
    var ud = "../shared/ud"

    @Option(help: "The output folder.")
    var out = "lexicons/fr"

    @Option(help: "The folder holding build_fr.py.")
    var tools = "lexicons/tools"

    func run() throws { try LexiconJob.build(tools: tools, sources: sources, ud: ud, out: out) }
}
