// Suites per stage on fixed inputs: the 1,068 answers of the bundled sample consultation
// (examples/consultation) and the repository's lexicons and taxonomy.
//
//   cd Benchmarks && swift package benchmark                    # all suites
//   swift package benchmark --filter Lemmatizer                 # one stage
//   swift package benchmark thresholds check                    # against Thresholds/ (checked in)
//   swift package --allow-writing-to-package-directory benchmark thresholds update
//
// Each benchmark processes the whole sample once per iteration (lexicon load and discovery:
// once per iteration too); throughput is iterations/s, so answers/s = throughput × 1,068.
// Tolerances: wall clock ±35 % at p50 (this VM's speed drifts by up to 30 %), allocations ±5 %.
import Benchmark
import FrenchText
import Glibc
import Ingest
import Store
import TextAnalysis
import Themes
import VerbatimCore

/// The repository root, four folders above this file (no Foundation: it brings its own ICU).
let root: String = {
    var path = #filePath
    for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
}()
let lexiconFolder = root + "/lexicons/fr"
let sampleCSV = root + "/examples/consultation/consultation.csv"
let questions = ["q1", "q2", "q3", "q4", "q5"]

/// The sample's answers, read once.
let sampleAnswers: [String] = {
    let bytes = try! FileIO.readAll(path: sampleCSV)
    let table = try! TableFile.read(file: sampleCSV, bytes: bytes)
    return try! ColumnMapping(idColumn: "id_repondant", textColumns: questions).answers(from: table, file: sampleCSV).map(\.text)
}()
let lexicon = try! FrenchLexicon(directory: lexiconFolder)

/// A database of the sample (made once, in /tmp) for discovery and search.
let sampleDatabase: String = {
    let path = "/tmp/verbatim-benchmarks-\(getpid()).sqlite"
    _ = try! RunJob.run(RunSettings(input: sampleCSV, database: path,
                                    mapping: ColumnMapping(idColumn: "id_repondant", textColumns: questions),
                                    lexicons: lexiconFolder, workers: 1))
    return path
}()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(3),
        maxIterations: 300,
        thresholds: [
            .wallClock: .init(relative: [.p50: 35.0]),
            .throughput: .init(relative: [.p50: 35.0]),
            .mallocCountTotal: .init(relative: [.p50: 5.0]),
        ]
    )

    // NFC, apostrophes, quotes, spaces of every sample answer.
    Benchmark("Normalizer") { benchmark in
        let normalizer = TextNormalizer()
        for answer in sampleAnswers { blackHole(normalizer.normalize(answer)) }
    }

    // normalize + tokenize + segment (the text stage without lemmas).
    Benchmark("Tokenizer") { benchmark in
        let analyzer = try TextAnalyzer()
        benchmark.startMeasurement()
        for answer in sampleAnswers { blackHole(analyzer.analyze(answer)) }
    }

    // The text stage with lemmas and UPOS, memo warm.
    Benchmark("Lemmatizer") { benchmark in
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        for answer in sampleAnswers { blackHole(analyzer.analyze(answer)) }   // warm the memo
        benchmark.startMeasurement()
        for answer in sampleAnswers { blackHole(analyzer.analyze(answer)) }
    }

    // Reading and indexing lexicons/fr.
    Benchmark("LexiconLoad", configuration: .init(maxIterations: 30)) { benchmark in
        blackHole(try FrenchLexicon(directory: lexiconFolder))
    }

    // Masking personal data in every sample answer.
    Benchmark("Redaction") { benchmark in
        let redactor = Redactor(analyzer: try TextAnalyzer(), names: try PersonNames(lexicon: lexicon))
        benchmark.startMeasurement()
        for answer in sampleAnswers { blackHole(redactor.redact(answer)) }
    }

    // Themes and intent of the analyzed sample (tagging only).
    Benchmark("Tagging") { benchmark in
        let analyzer = try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon))
        let tagger = try ThemeSetup.tagger(lexicon: lexicon, analyzer: analyzer, taxonomy: nil, intents: nil)
        let analyzed = sampleAnswers.map { analyzer.analyze($0) }
        benchmark.startMeasurement()
        for a in analyzed { blackHole(tagger.tag(a)) }
    }

    // Reinert classification of every excerpt of the sample, k = 8.
    Benchmark("Discovery", configuration: .init(maxIterations: 20)) { benchmark in
        let setup = try ThemeSetup(lexicons: lexiconFolder, taxonomy: nil, intents: nil)
        var options = DiscoverJob.Options()
        options.all = true
        let database = sampleDatabase
        benchmark.startMeasurement()
        blackHole(try DiscoverJob.discover(database: database, options: options, setup: setup, lexicon: lexicon))
    }

    // `verbatim run` on the sample into a new database: analysis, themes, redaction, SQLite writes.
    Benchmark("StoreInsert", configuration: .init(maxIterations: 20)) { benchmark in
        let path = "/tmp/verbatim-benchmarks-insert-\(getpid()).sqlite"
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        var settings = RunSettings(input: sampleCSV, database: path,
                                   mapping: ColumnMapping(idColumn: "id_repondant", textColumns: questions),
                                   lexicons: lexiconFolder, workers: 1)
        settings.waitSeconds = 0
        benchmark.startMeasurement()
        blackHole(try RunJob.run(settings))
        benchmark.stopMeasurement()
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    // Eight searches (words, a phrase, OR, an exclusion) on the sample database.
    Benchmark("Search") { benchmark in
        let store = try QuoteStore(path: sampleDatabase, readOnly: true)
        let search = QuoteSearch(store: store, analyzer: try TextAnalyzer(lemmatizer: FrenchLemmatizer(lexicon: lexicon)))
        let queries = ["ascenseur", "gardien", "chauffage", "\"parties communes\"", "charges OR loyer", "bruit -voisin",
                       "propreté", "réparation"]
        _ = try search.search("ascenseur")
        benchmark.startMeasurement()
        for q in queries { blackHole(try search.search(q)) }
    }
}
