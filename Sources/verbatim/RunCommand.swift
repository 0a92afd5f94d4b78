import ArgumentParser
import VerbatimCore

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Read a survey export, analyze every answer and store answers, excerpts and the search index in SQLite.",
        discussion: """
            Reads CSV/TSV (delimiter sniffed, Excel's ";" included, quoted multi-line fields), \
            XLSX (first sheet or --sheet) or JSON Lines, in UTF-8 (with or without BOM), UTF-16 \
            with BOM or Windows-1252 (detected; --encoding forces). Wide layout: one row per \
            respondent, one --text-col per open question. Long layout: one row per answer with \
            --question-col and a single --text-col.

            Idempotent: answers already stored with the same text are skipped; changed answers \
            are replaced; each batch is one transaction, so an interrupted run (Ctrl-C, kill -9) \
            keeps what it committed and a rerun completes it. Every run is recorded (tool, stage \
            and lexicon versions, settings, source checksum) in the `run` table.

            With --rerun (no file): every stored answer is analyzed again with the current lexicons \
            and taxonomy (--lexicons, --taxonomy, --intents) into a new run; `verbatim diff` then \
            lists the excerpts whose themes or intent changed. --gold FILE scores the same tagger on \
            a labelled TSV and records the scores with the run.

            --speaker-col FIELD names the respondent field that tells who writes (a kept \
            --segment-col, e.g. groupe): the taxonomy's `speaker-group` rows map its values \
            ("salarie", "partenaire") to the speaker's theme, which then takes the place of the \
            caretaker and landlord themes in that respondent's answers, as a speaker phrase \
            ("en tant que gardienne") does. A rerun keeps the previous run's speaker column unless \
            given another one (or none).

            Examples:
              verbatim run examples/consultation/consultation.csv --db consultation.sqlite \\
                --id-col id_repondant --text-col q1 --text-col q2 --text-col q3 --text-col q4 --text-col q5 \\
                --segment-col groupe --segment-col territoire --speaker-col groupe --questions examples/consultation/questions.tsv
              verbatim run --db consultation.sqlite --rerun --taxonomy my-taxonomy.tsv --gold Benchmarks/data/themes-dev.tsv
              verbatim diff --db consultation.sqlite
            """
    )

    @Argument(help: "The export to read (.csv, .tsv, .xlsx, .jsonl); none with --rerun.")
    var file: String?

    @Flag(help: "Analyze the stored answers again with the current lexicons and taxonomy, into a new run.")
    var rerun = false

    @Option(help: "A labelled TSV (id, text, themes, intent) to score with the same tagger; the scores are stored with the run.")
    var gold: String?

    @Option(help: "The SQLite database to write (created when missing).")
    var db: String

    @OptionGroup var mapping: MappingOptions

    @Option(help: "Consultation name (default: the file name without extension).")
    var consultation: String?

    @Option(help: "A TSV file 'id<TAB>label' with the questions' wording.")
    var questions: String?

    @Option(help: "Analysis threads (default: all cores).")
    var threads: Int?

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    @Option(help: "The theme taxonomy (default: lexicons/themes/habitat.fr.tsv).")
    var taxonomy: String?

    @Option(help: "The intent cue file (default: lexicons/themes/intent.fr.tsv).")
    var intents: String?

    @Option(help: "The learned theme model (default: lexicons/themes/model.fr.tsv when present; 'none': the taxonomy alone).")
    var model: String?

    @Flag(help: "Do not tag themes and intents.")
    var noThemes = false

    @Flag(help: "Analyze and store again answers whose text is unchanged (after editing lexicons or the taxonomy).")
    var reanalyze = false

    @Flag(help: "Store answers without masking personal data (phones, e-mails, URLs, IBANs, social-security numbers, names, addresses).")
    var keepPersonalData = false

    @Option(help: "Kinds of personal data to mask, comma-separated: phone, email, url, iban, nir, name, address, or all.")
    var mask = "all"

    @Option(help: "Parts of addresses that count, comma-separated: street, building, flat, floor, or all.")
    var addressParts = "all"

    @Option(help: "Longest answer stored, in UTF-8 bytes; longer answers are skipped and reported with their line.")
    var maxAnswerBytes = RunSettings.defaultMaxAnswerBytes

    @Option(help: "Most data rows read from the file; a larger file is refused before anything is written.")
    var maxRows = RunSettings.defaultMaxRows

    @Option(help: "Seconds to wait while another `verbatim run` writes to the same database, before giving up.")
    var waitSeconds = 600.0

    @Option(help: "Answers per transaction.")
    var batchSize = 2_000

    @Option(name: .customLong("speaker-col"),
            help: "The respondent field whose values tell who writes (taxonomy `speaker-group` rows); 'none' with --rerun: none.")
    var speakerColumn: String?

    @Flag(help: "No progress bar, no summary.")
    var quiet = false

    func validate() throws {
        if rerun {
            if file != nil { throw ValidationError("--rerun reads the stored answers: give no file.") }
        } else {
            if file == nil { throw ValidationError("Give the export to read (or --rerun to analyze the stored answers again).") }
            try mapping.validateForImport()
        }
    }

    func run() throws {
        if rerun {
            var settings = RerunSettings(database: db, consultation: consultation, lexicons: lexicons, taxonomy: taxonomy,
                                         intents: intents, gold: gold, workers: threads, batchSize: batchSize)
            settings.model = model
            settings.waitSeconds = waitSeconds
            settings.speakerColumn = speakerColumn == "none" ? "" : speakerColumn
            return try RerunCLI.run(settings, quiet: quiet)
        }
        guard let file else { return }
        var settings = RunSettings(input: file, database: db, consultation: consultation, mapping: mapping.mapping,
                                   table: mapping.tableOptions, questionLabels: questions, lexicons: lexicons, workers: threads,
                                   batchSize: batchSize)
        settings.taxonomy = taxonomy
        settings.intents = intents
        settings.model = model
        settings.tagThemes = !noThemes
        settings.speakerColumn = speakerColumn
        settings.reanalyze = reanalyze
        settings.redact = !keepPersonalData
        settings.redaction = try RedactionOptions.settings(mask: mask, addressParts: addressParts)
        settings.maxAnswerBytes = maxAnswerBytes
        settings.maxRows = maxRows
        settings.waitSeconds = waitSeconds
        settings.gold = gold
        try RunCLI.run(settings, quiet: quiet)
    }
}
