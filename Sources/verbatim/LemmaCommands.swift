import ArgumentParser
import VerbatimCore

struct LemmatizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lemmatize",
        abstract: "Predict LEMMA and UPOS of a CoNLL-U file (gold tokenization kept).",
        discussion: """
            Rewrites columns 3 (LEMMA) and 4 (UPOS) of every word line; comments, multiword \
            ranges (3-4), empty nodes (5.1) and every other column are kept byte for byte.

            Example:
              verbatim lemmatize --conllu fr_gsd-ud-dev.conllu -o predicted.conllu
            """
    )

    @Option(help: "The CoNLL-U file to read.")
    var conllu: String

    @Option(name: .shortAndLong, help: "Output file (default: standard output).")
    var output: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        try LemmatizeJob.run(conllu: conllu, output: output, lexicons: lexicons)
    }
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure accuracy and speed of pipeline stages.",
        subcommands: [BenchLemmasCommand.self, BenchThemesCommand.self, BenchStoreCommand.self, BenchRedactionCommand.self, BenchFuzzCommand.self]
    )
}

struct BenchLemmasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lemmas",
        abstract: "Score predicted lemmas against gold CoNLL-U lemmas (lowercased match).",
        discussion: """
            Per file and macro average: (a) all words except PUNCT/SYM/NUM, (b) (a) without PRON, \
            (c) NOUN/VERB/ADJ/ADV, (d) VERB; UPOS accuracy; lemmatizer tokens/s; lexicon load time.

            Example:
              verbatim bench lemmas ../shared/ud/fr_*-ud-dev.conllu --strip-accents
            """
    )

    @Argument(help: "CoNLL-U files with gold lemmas.")
    var files: [String]

    @Flag(help: "Strip accents from the FORM column before lemmatizing (simulates unaccented typing).")
    var stripAccents = false

    @Option(help: "Output format: table or json.")
    var format: BenchFormat = .table

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    enum BenchFormat: String, ExpressibleByArgument { case table, json }

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one CoNLL-U file.") }
    }

    func run() throws {
        FileIO.writeStandardOutput(try LemmaBench.run(files: files, lexicons: lexicons, stripAccents: stripAccents,
                                                      json: format == .json))
    }
}

struct BenchStoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Time `verbatim run` on a generated consultation and search latency on its database.",
        discussion: """
            Generates N answers by resampling the sentences of the bundled sample (seed 42), runs \
            the whole batch job on them (read, analyze on all cores, store, index), reports \
            answers/s and peak memory, then times single-word searches and phrase searches with \
            a --where filter (p50/p95). Build in release mode first.

            Example:
              swift build -c release && .build/release/verbatim bench store --answers 100000
            """
    )

    @Option(help: "Answers to generate.")
    var answers = 100_000

    @Option(help: "Runs per search query.")
    var repeats = 20

    @Flag(help: "Run without theme tagging (text stage, lemmas, store and index only).")
    var noThemes = false

    @Flag(help: "Run without redaction of personal data.")
    var keepPersonalData = false

    @Option(help: "Keep the database at this path (default: a temporary file, removed).")
    var db: String?

    @Option(help: "The sample folder (default: ./examples/consultation).")
    var sample: String?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        FileIO.writeStandardOutput(try StoreBench.run(answers: answers, sample: sample, database: db, lexicons: lexicons,
                                                      repeats: repeats, themes: !noThemes,
                                                      redact: !keepPersonalData))
    }
}

struct BenchRedactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redaction",
        abstract: "Score the masking of personal data against a PII test set (recall per kind, traps).",
        discussion: """
            The gold file is a TSV `id<TAB>text` whose text marks planted personal data as \
            {{KIND|surface}} (NOM, TÉLÉPHONE, EMAIL, URL, ADRESSE, IBAN, NIR) and traps that must \
            stay as {{PIEGE|surface}}. An item counts as masked when masks cover all of it; a trap \
            counts as a false positive when any mask touches it.

            Examples:
              verbatim bench redaction --gold Benchmarks/data/pii-test.tsv
              verbatim bench redaction --gold Benchmarks/data/pii-dev.tsv --show-mistakes
            """
    )

    @Option(help: "The marked file (TSV: id, text with {{KIND|surface}} markup).")
    var gold: String

    @Flag(help: "List every missed item, masked trap and unplanned mask (tune on the dev set only).")
    var showMistakes = false

    @Option(help: "Output format: table or json.")
    var format: BenchLemmasCommand.BenchFormat = .table

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        FileIO.writeStandardOutput(try RedactionBench.run(gold: gold, lexicons: lexicons, json: format == .json,
                                                          showMistakes: showMistakes))
    }
}

struct BenchFuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Throw seeded random inputs at the readers and the text stage; report failures.",
        discussion: """
            Six cases in turn: generated CSV read back exactly (fields and answers), mutated CSV, \
            JSON Lines round trip and mutation, a mutated XLSX workbook, random bytes as any format, \
            and hostile answers through normalize, tokenize, lemmatize, redact, tag and excerpts. \
            A reader may refuse a broken file, with an error naming it; anything else (a wrong \
            round trip, a span outside its text, a crash) is a failure. Exit status 1 on failures.

            Example:
              swift build -c release && .build/release/verbatim bench fuzz --inputs 1000000
            """
    )

    @Option(help: "Inputs to generate.")
    var inputs = 1_000_000

    @Option(help: "Stop after this many seconds even if fewer inputs ran.")
    var seconds: Double?

    @Option(help: "Seed of the generator (same seed, same inputs).")
    var seed: UInt64 = 1

    @Option(help: "The XLSX workbook to mutate (default: Tests/IngestTests/Fixtures/consultation-fictive.xlsx).")
    var xlsx = "Tests/IngestTests/Fixtures/consultation-fictive.xlsx"

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func run() throws {
        let fixture = try FileIO.readAll(path: xlsx)
        let report = try FuzzJob.run(inputs: inputs, seed: seed, seconds: seconds, lexicons: lexicons, xlsxFixture: fixture) { n in
            if Terminal.standardErrorIsTerminal { FileIO.writeStandardError("\r\(n) inputs") }
        }
        if Terminal.standardErrorIsTerminal { FileIO.writeStandardError("\n") }
        FileIO.writeStandardOutput(FuzzJob.format(report, seed: seed))
        if !report.failures.isEmpty { throw ExitCode.failure }
    }
}
