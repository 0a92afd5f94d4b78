import ArgumentParser
import VerbatimCore

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Normalize, tokenize and segment answers; print tokens with their byte offsets.",
        discussion: """
            Input: the TEXT argument, or --input FILE (one answer per line), or standard input \
            (one answer per line). Offsets (utf8Start, utf8End) are UTF-8 byte offsets into the \
            answer as given; `text` is that original slice, `norm` the normalized lowercase key, \
            `excerpt` the index of the sentence/line/list item holding the token.

            Formats:
              tsv      header line, then one line per token:
                       answer utf8Start utf8End text norm kind lemma upos excerpt flags
              json     one JSON object per answer (JSON Lines) with its excerpts and tokens
              summary  counts (answers, excerpts, tokens), the time taken, the lexicon load time

            Examples:
              verbatim analyze "L'ascenseur est en panne depuis 3 jours !!!"
              verbatim analyze --input answers.txt --format summary
              echo "y a-t-il qqn ?" | verbatim analyze --format json
            """
    )

    @Argument(help: "An answer to analyze. Omit it to read --input or standard input.")
    var text: String?

    @Option(name: .shortAndLong, help: "A UTF-8 text file with one answer per line.")
    var input: String?

    @Option(name: .shortAndLong, help: "Output format: tsv, json or summary.")
    var format: AnalyzeJob.Format = .tsv

    @Flag(help: "Skip lemmas and UPOS (text stage only; no lexicon needed).")
    var noLemmas = false

    @Option(help: "The lexicon folder (default: $VERBATIM_LEXICONS, ./lexicons/fr, or next to the executable).")
    var lexicons: String?

    func validate() throws {
        if text != nil && input != nil {
            throw ValidationError("Give either TEXT or --input FILE, not both.")
        }
    }

    func run() throws {
        let job = try AnalyzeJob(format: format, lemmas: !noLemmas, lexicons: lexicons)
        let answers: [ArraySlice<UInt8>]
        if let text {
            answers = [ArraySlice(Array(text.utf8))]
        } else if let input {
            answers = AnalyzeJob.lines(of: try FileIO.readAll(path: input))
        } else {
            answers = AnalyzeJob.lines(of: FileIO.readStandardInput())
        }
        try CLIRunner.runAnalyze(job: job, answers: answers)
    }
}

extension AnalyzeJob.Format: ExpressibleByArgument {}

struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Mask personal data in answers read from standard input, one per line (a filter, for checking).",
        discussion: """
            Replaces phones, e-mails and URLs, IBANs and social-security numbers, person names \
            (after a civility or a role: "Mme Martin", "le gardien Kevin"; and first names and \
            surnames of lexicons/fr/person-names*.tsv: "Nadia Haddad", "demandez à Sophie") and \
            addresses ("12 rue des Lilas", "appt 42", "bât. C", "3e étage") by [TÉLÉPHONE], [EMAIL], \
            [URL], [IBAN], [NIR], [NOM], [ADRESSE] — what `verbatim run` does before storing anything \
            (unless --keep-personal-data). Names that are also common words ("Rose", "Pierre") are \
            masked only with more evidence (a second name, a civility, a capital inside a sentence).

            Example:
              echo "Appelez Mme Martin au 06 00 00 00 01, appt 42" | verbatim redact
            """
    )

    @Flag(help: "Print the counts per kind on standard error at the end.")
    var counts = false

    @Option(help: "Kinds of personal data to mask, comma-separated: phone, email, url, iban, nir, name, address, or all.")
    var mask = "all"

    @Option(help: "Parts of addresses that count, comma-separated: street, building, flat, floor, or all.")
    var addressParts = "all"

    @Option(help: "Lexicon folder holding person-names*.tsv (default: lexicons/fr found from here or the executable).")
    var lexicons: String?

    func run() throws {
        try RedactJob.run(counts: counts, lexicons: lexicons,
                          settings: RedactionOptions.settings(mask: mask, addressParts: addressParts))
    }
}
