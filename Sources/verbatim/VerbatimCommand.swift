import ArgumentParser
import VerbatimCore

@main
struct VerbatimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatim",
        abstract: "Turn French free-text survey answers into themes with traceable quotes.",
        discussion: """
            Verbatim reads answers as people type them (typos, no accents, SMS spellings, emoji) \
            and runs a staged pipeline: ICU normalization → tokenization → excerpts (sentences, \
            lines, list items). Every token and excerpt carries UTF-8 byte offsets into the \
            original text, so every quote shown is what the respondent wrote.
            """,
        version: VerbatimVersion.string,
        subcommands: [AnalyzeCommand.self, LemmatizeCommand.self, BenchCommand.self]
    )
}
