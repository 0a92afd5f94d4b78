import ArgumentParser
import Ingest
import VerbatimCore

/// How an export's columns become answers, and how to read the file: shared by `run`.
struct MappingOptions: ParsableArguments {
    @Option(name: .customLong("id-col"), help: "The respondent id column (required unless --rerun).")
    var idColumn: String?

    @Option(name: .customLong("text-col"), help: "An open-question column (repeat for several questions; in the long layout, the one answer column).")
    var textColumns: [String] = []

    @Option(name: .customLong("segment-col"), help: "A respondent field to keep: group, territory, age band… (repeatable).")
    var segmentColumns: [String] = []

    @Option(name: .customLong("question-col"), help: "Long layout: the column naming the question of each row.")
    var questionColumn: String?

    @Option(name: .customLong("input-format"), help: "csv, tsv, xlsx or jsonl (default: from the extension, then the content).")
    var inputFormat: TableFormat?

    @Option(help: "XLSX: the sheet to read (default: the first).")
    var sheet: String?

    @Option(help: "Force the text encoding: utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1 (default: detected).")
    var encoding: String?

    @Option(help: "CSV delimiter, one character (default: sniffed among ; , tab |).")
    var delimiter: String?

    @Flag(help: "Keep malformed CSV rows (extra fields dropped, stray quotes kept) and report them, instead of stopping.")
    var lenient = false

    /// Checks the mapping of an import (`run --rerun` reads no file and needs none).
    func validateForImport() throws {
        if idColumn == nil { throw ValidationError("Give --id-col (the respondent id column).") }
        if textColumns.isEmpty { throw ValidationError("Give at least one --text-col (the open-question columns).") }
        if questionColumn != nil && textColumns.count != 1 {
            throw ValidationError("With --question-col (long layout), give exactly one --text-col: the answer column.")
        }
        if let delimiter, delimiter.utf8.count != 1 { throw ValidationError("--delimiter must be one ASCII character.") }
        if let encoding, TextEncoding(name: encoding) == nil { throw IngestError.unknownEncoding(encoding) }
    }

    var mapping: ColumnMapping {
        ColumnMapping(idColumn: idColumn ?? "", textColumns: textColumns, segmentColumns: segmentColumns, questionColumn: questionColumn)
    }

    var tableOptions: TableFileOptions {
        TableFileOptions(format: inputFormat, sheet: sheet, encoding: encoding.flatMap(TextEncoding.init(name:)),
                         delimiter: delimiter?.utf8.first, strict: !lenient)
    }
}

extension TableFormat: ExpressibleByArgument {}
extension SearchJob.Format: ExpressibleByArgument {}
extension ExportJob.Format: ExpressibleByArgument {}
