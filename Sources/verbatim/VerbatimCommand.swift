import ArgumentParser
import VerbatimCore

@main
struct VerbatimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "Turn French free-text survey answers into themes with traceable quotes.",
        discussion: """
            Verbatim reads answers as people type them (typos, no accents, SMS spellings, emoji) \
            and runs a staged pipeline: ICU normalization → tokenization → lemmatization → \
            excerpts (sentences, lines, list items) → themes and intents → SQLite with full-text \
            search. Every token and excerpt carries UTF-8 byte offsets into the original text, so \
            every quote shown is what the respondent wrote.

            Start with `verbatim demo`; then `verbatim run` on your export, `verbatim themes`, \
            `verbatim search`, `verbatim serve` for the web UI and `verbatim report` for an HTML report.
            """,
        version: VerbatimVersion.string,
        subcommands: [DemoCommand.self, RunCommand.self, SearchCommand.self, ExportCommand.self, ThemesCommand.self, DiscoverCommand.self, ServeCommand.self, ReportCommand.self, ClassifyCommand.self, DiffCommand.self, TaxonomyCommand.self, LexiconCommand.self, RedactCommand.self, AnalyzeCommand.self,
                      LemmatizeCommand.self, BenchCommand.self]
    )

    /// Parses and runs the subcommand; Verbatim's errors map to exit codes in one place
    /// (`ExitStatus`): 1 nothing found, 2 bad input, 3 internal.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if let code = ExitStatus.code(for: error) {
                FileIO.writeStandardError("verbatim: \(error)\n")
                Self.exit(withError: ExitCode(code))
            }
            Self.exit(withError: error)
        }
    }
}
