import Ingest
import Store
import TextAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// `verbatim bench store`: `run` on a generated consultation of N answers (resampled from the
/// sample), then search latencies on the database it made.
public enum StoreBench {
    /// Single words, then phrases with a filter, as managers type them.
    static let wordQueries = ["ascenseur", "gardien", "charges", "poubelles", "bruit", "propreté", "chauffage", "agence",
                              "travaux", "loyer", "parking", "sécurité", "réparation", "ménage", "téléphone"]
    static let phraseQueries: [(String, String, String)] = [
        ("\"parties communes\"", "groupe", "locataire"), ("\"état des lieux\"", "territoire", "Rive droite"),
        ("\"espaces verts\"", "groupe", "locataire"), ("\"gardien d'immeuble\"", "territoire", "Bordeaux centre"),
        ("\"pas de réponse\"", "groupe", "locataire"), ("\"local poubelle\"", "territoire", "Sud Gironde"),
    ]

    public static func run(answers: Int, sample: String?, database: String?, lexicons: String?, repeats: Int,
                           themes: Bool = true, redact: Bool = true) throws -> String {
        let folder = try sample ?? DemoJob.locateSample(lexicons: lexicons)
        let questions = ["q1", "q2", "q3", "q4", "q5"]
        let resampler = try Resampler(sampleCSV: folder + "/consultation.csv", idColumn: "id_repondant", questionColumns: questions)
        let csvPath = "/tmp/verbatim-bench-\(answers)-\(getpid()).csv"
        let dbPath = database ?? "/tmp/verbatim-bench-\(answers)-\(getpid()).sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(dbPath + suffix) }
        try FileIO.writeAll(path: csvPath, bytes: resampler.csv(answers: answers, seed: 42))
        defer {
            unlink(csvPath)
            if database == nil { for suffix in ["", "-wal", "-shm"] { unlink(dbPath + suffix) } }
        }
        var settings = RunSettings(input: csvPath, database: dbPath, consultation: "bench",
                                   mapping: ColumnMapping(idColumn: "id_repondant", textColumns: questions,
                                                          segmentColumns: ["groupe", "territoire", "type_logement", "tranche_age"]),
                                   lexicons: lexicons)
        settings.tagThemes = themes
        settings.redact = redact
        let report = try RunJob.run(settings)
        let peakMB = Double(peakResidentKB()) / 1024
        let size = fileSize(dbPath) + fileSize(dbPath + "-wal")

        let store = try QuoteStore(path: dbPath, readOnly: true)
        let search = QuoteSearch(store: store, analyzer: try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: try FrenchLexicon.load(explicit: lexicons))))
        func measure(_ query: String, _ options: SearchOptions) throws -> (seconds: [Double], hits: Int) {
            var times: [Double] = []
            var hits = 0
            for _ in 0..<repeats {
                let t = Clock.now()
                hits = try search.search(query, options: options).count
                times.append(Clock.now() - t)
            }
            return (times, hits)
        }
        var wordTimes: [Double] = [], phraseTimes: [Double] = []
        var lines = ""
        for q in wordQueries {
            let r = try measure(q, SearchOptions(consultation: "bench"))
            wordTimes += r.seconds
            lines += "  \(q): \(r.hits) hits, median \(ms(percentile(r.seconds, 0.5))) ms\n"
        }
        for (q, field, value) in phraseQueries {
            let r = try measure(q, SearchOptions(consultation: "bench", filters: [(field, value)]))
            phraseTimes += r.seconds
            lines += "  \(q) --where \(field)=\(value): \(r.hits) hits, median \(ms(percentile(r.seconds, 0.5))) ms\n"
        }
        let c = report.counts
        return """
            generated     \(c.answersRead) answers (seed 42) from \(folder)/consultation.csv
            run           \(AnalyzeJob.format(report.seconds, decimals: 2)) s end to end, \(Int((Double(c.answersRead) / report.seconds).rounded())) answers/s, \(report.tokens) tokens, \(c.excerptsAdded) excerpts, \(settings.workers) threads, themes \(themes ? "on" : "off"), redaction \(redact ? "on" : "off")
                          (read and map \(AnalyzeJob.format(report.readSeconds, decimals: 2)) s, then analysis \(AnalyzeJob.format(report.analyzeSeconds, decimals: 2)) s and SQLite writes \(AnalyzeJob.format(report.writeSeconds, decimals: 2)) s, overlapping)
            peak memory   \(AnalyzeJob.format(peakMB, decimals: 0)) MB (max RSS of this process)
            database      \(AnalyzeJob.format(Double(size) / 1_048_576, decimals: 1)) MB
            search        limit 20, \(repeats) runs per query, lexicon loaded once
              words       p50 \(ms(percentile(wordTimes, 0.5))) ms, p95 \(ms(percentile(wordTimes, 0.95))) ms, max \(ms(wordTimes.max() ?? 0)) ms
              phrases     p50 \(ms(percentile(phraseTimes, 0.5))) ms, p95 \(ms(percentile(phraseTimes, 0.95))) ms, max \(ms(phraseTimes.max() ?? 0)) ms (with a --where filter)

            """ + lines
    }

    static func ms(_ seconds: Double) -> String { AnalyzeJob.format(seconds * 1000, decimals: 2) }

    /// Nearest-rank percentile.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    static func peakResidentKB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    static func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }
}
