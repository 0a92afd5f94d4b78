#if canImport(Glibc)
import Glibc
#endif
import FrenchText
import Store
import TextAnalysis

/// `verbatim lexicon lookup|lint|stats|build`: the researcher's view of `lexicons/fr`.
public enum LexiconJob {
    /// A word's readings before context (with their source tables), then the lemma chosen in
    /// context (the word alone, or in `context`), with the flags that explain it.
    public static func lookup(_ word: String, context: String?, accentless: Bool, lexicons: String?) throws -> String {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let lemmatizer = FrenchLemmatizer(lexicon: lexicon)
        let (readings, source) = lemmatizer.readings(of: word, accentless: accentless)
        var out = "\(word): \(readings.isEmpty ? "unknown to every table" : "\(readings.count) readings from \(source)")\(accentless ? " (accentless)" : "")\n"
        out += TextOutput.table(header: ["lemma", "upos", "p"], rows: readings.map {
            [$0.lemma, $0.upos.name, AnalyzeJob.format($0.probability, decimals: 3)]
        }, rightAligned: [2])
        let sentence = context ?? word
        let analyzed = try TextAnalyzer(lemmatizer: lemmatizer).analyze(sentence)
        let key = LexicalKeys.key(word)
        guard let token = analyzed.tokens.first(where: { LexicalKeys.key($0.norm) == key }) else {
            return out + "in context: '\(word)' is not a token of \"\(sentence)\"\n"
        }
        let flags = token.flags.names()
        out += "in context (\"\(sentence)\"): \(token.lemma ?? "–") \(token.upos?.name ?? "_")\(flags.isEmpty ? "" : " [\(flags)]")\n"
        out += "  the tagger weighs these readings with the UPOS of the neighbours (lexicons/fr/ALGORITHM.md §5);\n"
        out += "  corrected = read through an SMS, housing or spelling fix; guessed = unknown, lemma = the form\n"
        return out
    }

    /// Format and checksums (manifest.json), and the hand-made tables' problems. The report and
    /// its number of errors (checksum mismatches and conflicting entries; unknown words are warnings).
    public static func lint(lexicons: String?) throws -> (String, errors: Int) {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)   // format errors throw with file:line
        var lines: [String] = []
        var errors = 0
        let manifest = String(decoding: try FileIO.readAll(path: lexicon.directory + "/manifest.json"), as: UTF8.self)
        for (path, sha) in manifestFiles(manifest) {
            guard let bytes = try? FileIO.readAll(path: lexicon.directory + "/" + path) else {
                lines.append("\(lexicon.directory)/manifest.json: '\(path)' is listed but missing"); errors += 1; continue
            }
            if SHA256.hex(bytes) != sha {
                lines.append("\(lexicon.directory)/\(path): checksum differs from manifest.json: edited by hand? "
                             + "Rebuild with `verbatim lexicon build` (hand-made tables live in lexicons/tools/fr_handmade.py)")
                errors += 1
            }
        }
        let findings = try lexicon.lintHandMadeTables()
        errors += findings.filter { $0.contains("is listed again") }.count
        lines += findings
        lines.append("\(lexicon.directory): \(errors) errors, \(lines.count - errors) warnings")
        return (lines.joined(separator: "\n") + "\n", errors)
    }

    /// (path, sha256) of each file of a manifest written by build_fr.py.
    static func manifestFiles(_ json: String) -> [(String, String)] {
        var out: [(String, String)] = []
        var rest = Substring(json)
        while let p = rest.firstRange(of: "\"path\": \"") {
            let afterPath = rest[p.upperBound...]
            guard let pEnd = afterPath.firstIndex(of: "\""), let s = afterPath.firstRange(of: "\"sha256\": \"") else { break }
            let afterSha = afterPath[s.upperBound...]
            guard let sEnd = afterSha.firstIndex(of: "\"") else { break }
            out.append((String(afterPath[..<pEnd]), String(afterSha[..<sEnd])))
            rest = afterSha[sEnd...]
        }
        return out
    }

    /// Rows per table, load time, version.
    public static func stats(lexicons: String?) throws -> String {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let manifest = String(decoding: try FileIO.readAll(path: lexicon.directory + "/manifest.json"), as: UTF8.self)
        var out = "\(lexicon.directory): version \(RunJob.manifestVersion(Array(manifest.utf8))), loaded in "
            + "\(AnalyzeJob.format(lexicon.loadSeconds * 1000, decimals: 1)) ms\n"
        out += TextOutput.table(header: ["table", "rows"], rows: lexicon.tableSizes.map { [$0.file, "\($0.rows)"] }, rightAligned: [1])
        return out
    }

    /// Regenerates the derived tables with `lexicons/tools/build_fr.py` (standard-library Python 3).
    public static func build(tools: String, sources: String, ud: String, out: String) throws {
        let arguments = ["python3", tools + "/build_fr.py", "--sources", sources, "--ud", ud, "--out", out]
        FileIO.writeStandardError("$ " + arguments.joined(separator: " ") + "\n")
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let code = argv.withUnsafeBufferPointer { posix_spawnp(&pid, "python3", nil, nil, UnsafeMutablePointer(mutating: $0.baseAddress!), environ) }
        guard code == 0 else {
            throw VerbatimError.cannotRead(path: "python3", reason: "cannot start it (\(String(cString: strerror(code)))); install python3")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            throw VerbatimError.badOption(option: "lexicon build", reason: "build_fr.py failed (status \(status)); see its messages above")
        }
    }
}
