/// What the CLI prints around a run: progress on a terminal, warnings and the summary.
public enum RunCLI {
    public static func run(_ settings: RunSettings, quiet: Bool) throws {
        let showProgress = !quiet && Terminal.standardErrorIsTerminal
        var lastDrawn = -1.0
        let report = try RunJob.run(settings) { done, total in
            guard showProgress else { return }
            let now = Clock.now()
            if done == total || now - lastDrawn > 0.1 {
                FileIO.writeStandardError(Terminal.progressLine(done: done, total: total, label: "answers"))
                lastDrawn = now
            }
        }
        if showProgress { FileIO.writeStandardError("\n") }
        for warning in report.warnings { FileIO.writeStandardError("warning: \(warning)\n") }
        if !quiet { FileIO.writeStandardOutput(summary(report, database: settings.database)) }
    }

    /// The end-of-run summary.
    public static func summary(_ r: RunReport, database: String) -> String {
        let c = r.counts
        let rate = r.seconds > 0 ? Double(c.answersRead) / r.seconds : 0
        return """
            database      \(database)
            consultation  \(r.consultation) (run \(r.runID))
            answers       \(c.answersRead) read: \(c.answersAdded) added, \(c.answersUpdated) updated, \(c.answersUnchanged) unchanged\(r.duplicatesSkipped > 0 ? ", \(r.duplicatesSkipped) duplicates skipped" : "")\(r.tooLongSkipped > 0 ? ", \(r.tooLongSkipped) too long skipped" : "")
            excerpts      \(c.excerptsAdded) added
            masked        \(c.redactions.isEmpty ? "nothing" : c.redactions.keys.sorted().map { "\(c.redactions[$0]!) \($0)" }.joined(separator: ", "))
            tokens        \(r.tokens) analyzed
            time          \(AnalyzeJob.format(r.seconds, decimals: 2)) s (lexicon load \(AnalyzeJob.format(r.lexiconLoadSeconds * 1000, decimals: 0)) ms)
            rate          \(Int(rate.rounded())) answers/s

            """
    }
}

/// What the CLI prints around a rerun.
public enum RerunCLI {
    public static func run(_ settings: RerunSettings, quiet: Bool) throws {
        let showProgress = !quiet && Terminal.standardErrorIsTerminal
        let report = try RerunJob.run(settings) { done, total in
            if showProgress { FileIO.writeStandardError(Terminal.progressLine(done: done, total: total, label: "answers")) }
        }
        if showProgress { FileIO.writeStandardError("\n") }
        guard !quiet else { return }
        FileIO.writeStandardOutput("""
            database      \(settings.database)
            rerun         run \(report.runID): \(report.answers) stored answers analyzed again, \(report.excerpts) excerpts (\(report.reindexed) reindexed)
            \(report.scores.map { "scores        \(scoreLine($0)) on \(settings.gold ?? "")\n" } ?? "")time          \(AnalyzeJob.format(report.seconds, decimals: 2)) s
            next          verbatim diff --db \(settings.database)

            """)
    }
}

/// "micro-F1 0.826, macro-F1 0.832, intent 0.851" from a run's stored scores.
func scoreLine(_ json: String) -> String {
    [("microF1", "micro-F1"), ("macroF1", "macro-F1"), ("intentAccuracy", "intent")]
        .map { "\($0.1) \(DiffJob.number($0.0, in: json) ?? "–")" }.joined(separator: ", ")
}

/// `verbatim export` to a file (atomically, via a temporary file) or standard output.
public enum ExportCLI {
    public static func run(database: String, consultation: String?, format: ExportJob.Format, delimiter: Character,
                           output: String?) throws {
        guard let output else {
            _ = try ExportJob.run(database: database, consultation: consultation, format: format, delimiter: delimiter) {
                FileIO.writeStandardOutput($0)
            }
            return
        }
        var bytes: [UInt8] = []
        let count = try ExportJob.run(database: database, consultation: consultation, format: format, delimiter: delimiter) {
            bytes.append(contentsOf: $0.utf8)
        }
        try FileIO.writeAll(path: output, bytes: bytes)
        FileIO.writeStandardError("\(count) excerpts written to \(output)\n")
    }
}
