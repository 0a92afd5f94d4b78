import FrenchText
import TextAnalysis

/// CoNLL-U with gold tokenization: `verbatim lemmatize` rewrites LEMMA/UPOS, `verbatim bench lemmas`
/// scores against the gold columns.
public enum Conllu {
    /// One syntactic word line (integer ID) of a sentence.
    public struct Word: Sendable, Equatable {
        public var form: String
        public var lemma: String
        public var upos: String
    }

    /// Splits bytes into lines (LF; a CR before it is kept in the line as data).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            out.append(bytes[start..<i]); start = i + 1
        }
        if start < bytes.count { out.append(bytes[start..<bytes.count]) }
        return out
    }

    /// True for a word line: the ID column is all digits (not a range "3-4", not an empty node "5.1").
    static func isWordLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let f = line.first, f >= 0x30 && f <= 0x39 else { return false }
        for b in line {
            if b == 0x09 { return true }
            if b < 0x30 || b > 0x39 { return false }
        }
        return false
    }

    static func columns(_ line: ArraySlice<UInt8>) -> [String] {
        line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Sentences of word lines (comments, ranges and empty nodes skipped).
    public static func sentences(_ bytes: [UInt8]) -> [[Word]] {
        var out: [[Word]] = []
        var cur: [Word] = []
        for line in lines(bytes) {
            if line.isEmpty {
                if !cur.isEmpty { out.append(cur); cur = [] }
                continue
            }
            guard isWordLine(line) else { continue }
            let c = columns(line)
            guard c.count >= 4 else { continue }
            cur.append(Word(form: c[1], lemma: c[2], upos: c[3]))
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Rewrites columns 3 (LEMMA) and 4 (UPOS) of every word line; every other byte is kept.
    public static func relemmatize(_ bytes: [UInt8], with lemmatizer: FrenchLemmatizer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        let all = lines(bytes)
        var pending: [ArraySlice<UInt8>] = []   // lines of the current sentence
        func flush() {
            let words = pending.filter(isWordLine).map(columns)
            let analyses = lemmatizer.lemmatize(forms: words.map { $0.count > 1 ? $0[1] : "" })
            var w = 0
            for line in pending {
                if isWordLine(line) {
                    var c = words[w]
                    if c.count >= 4 {
                        c[2] = analyses[w].lemma ?? "_"
                        c[3] = analyses[w].upos.name
                    }
                    out.append(contentsOf: c.joined(separator: "\t").utf8)
                    w += 1
                } else {
                    out.append(contentsOf: line)
                }
                out.append(0x0A)
            }
            pending.removeAll(keepingCapacity: true)
        }
        for (i, line) in all.enumerated() {
            if line.isEmpty {
                flush()
                out.append(0x0A)
            } else {
                pending.append(line)
            }
            _ = i
        }
        flush()
        if bytes.last != 0x0A && out.last == 0x0A { out.removeLast() }
        return out
    }
}

/// `verbatim bench lemmas`: accuracy of the lemmatizer against gold CoNLL-U lemmas.
public struct LemmaBench {
    /// Percentages (a) all but PUNCT/SYM/NUM, (b) (a) minus PRON, (c) NOUN/VERB/ADJ/ADV, (d) VERB,
    /// and UPOS accuracy over all words.
    public struct Scores: Sendable, Equatable {
        public var name: String
        public var a = 0.0, b = 0.0, c = 0.0, d = 0.0, upos = 0.0
        public var words = 0
        public var seconds = 0.0
    }

    /// Counts of correct / total per category.
    public struct Counts: Sendable, Equatable {
        public var a = (0, 0), b = (0, 0), c = (0, 0), d = (0, 0), upos = (0, 0)
        public static func == (x: Counts, y: Counts) -> Bool {
            x.a == y.a && x.b == y.b && x.c == y.c && x.d == y.d && x.upos == y.upos
        }
    }

    public let lemmatizer: FrenchLemmatizer
    public let stripAccents: Bool

    public init(lemmatizer: FrenchLemmatizer, stripAccents: Bool) {
        self.lemmatizer = lemmatizer
        self.stripAccents = stripAccents
    }

    /// Scores the sentences of one CoNLL-U file.
    public func score(name: String, conllu bytes: [UInt8]) -> (Scores, Counts) {
        var k = Counts()
        var seconds = 0.0
        var words = 0
        for sentence in Conllu.sentences(bytes) {
            let forms = sentence.map { stripAccents ? LexicalKeys.stripAccents($0.form) : $0.form }
            let t0 = Clock.now()
            let res = lemmatizer.lemmatize(forms: forms)
            seconds += Clock.now() - t0
            words += forms.count
            for (g, p) in zip(sentence, res) {
                let ok = CaseFolding.folded(p.lemma ?? "") == CaseFolding.folded(g.lemma)
                k.upos.1 += 1
                if p.upos.name == g.upos { k.upos.0 += 1 }
                if g.upos == "PUNCT" || g.upos == "SYM" || g.upos == "NUM" { continue }
                let hit = ok ? 1 : 0
                k.a.0 += hit; k.a.1 += 1
                if g.upos != "PRON" { k.b.0 += hit; k.b.1 += 1 }
                if ["NOUN", "VERB", "ADJ", "ADV"].contains(g.upos) { k.c.0 += hit; k.c.1 += 1 }
                if g.upos == "VERB" { k.d.0 += hit; k.d.1 += 1 }
            }
        }
        func pct(_ x: (Int, Int)) -> Double { x.1 == 0 ? 0 : 100.0 * Double(x.0) / Double(x.1) }
        let s = Scores(name: name, a: pct(k.a), b: pct(k.b), c: pct(k.c), d: pct(k.d), upos: pct(k.upos),
                       words: words, seconds: seconds)
        return (s, k)
    }

    /// The macro average (unweighted mean over files) of the percentages.
    public static func macro(_ all: [Scores]) -> Scores {
        var m = Scores(name: "MACRO")
        let n = Double(max(all.count, 1))
        for s in all {
            m.a += s.a / n; m.b += s.b / n; m.c += s.c / n; m.d += s.d / n; m.upos += s.upos / n
            m.words += s.words; m.seconds += s.seconds
        }
        return m
    }

    /// Table or JSON rendering of per-file scores, the macro average, speed and load time.
    public static func render(_ all: [Scores], loadSeconds: Double, stripped: Bool, json: Bool) -> String {
        let m = macro(all)
        let rate = m.seconds > 0 ? Double(m.words) / m.seconds : 0
        func f(_ x: Double) -> String { AnalyzeJob.format(x, decimals: 2) }
        if json {
            func obj(_ s: Scores) -> String {
                "{\"file\":\(TextOutput.jsonString(s.name)),\"a\":\(f(s.a)),\"b\":\(f(s.b)),\"c\":\(f(s.c)),\"d\":\(f(s.d)),\"upos\":\(f(s.upos)),\"words\":\(s.words)}"
            }
            return "{\"strippedAccents\":\(stripped),\"files\":[\(all.map(obj).joined(separator: ","))],\"macro\":\(obj(m)),"
                + "\"lexiconLoadSeconds\":\(AnalyzeJob.format(loadSeconds, decimals: 4)),\"tokensPerSecond\":\(Int(rate.rounded()))}\n"
        }
        func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
            let n = s.count
            if n >= w { return s }
            let sp = String(repeating: " ", count: w - n)
            return left ? s + sp : sp + s
        }
        var out = (stripped ? "accent-stripped forms\n" : "")
        out += pad("file", 28, left: true) + pad("(a)", 8) + pad("(b)", 8) + pad("(c)", 8) + pad("(d)", 8) + pad("upos", 8) + pad("words", 9) + "\n"
        for s in all + [m] {
            out += pad(s.name, 28, left: true) + pad(f(s.a), 8) + pad(f(s.b), 8) + pad(f(s.c), 8) + pad(f(s.d), 8)
                + pad(f(s.upos), 8) + pad(String(s.words), 9) + "\n"
        }
        out += "lemmatizer: \(m.words) words in \(AnalyzeJob.format(m.seconds, decimals: 3)) s = \(Int(rate.rounded())) tokens/s\n"
        out += "lexicon load: \(AnalyzeJob.format(loadSeconds * 1000, decimals: 1)) ms\n"
        return out
    }

    /// Runs the benchmark over files and returns the rendering.
    public static func run(files: [String], lexicons: String?, stripAccents: Bool, json: Bool) throws -> String {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let bench = LemmaBench(lemmatizer: FrenchLemmatizer(lexicon: lexicon), stripAccents: stripAccents)
        var all: [Scores] = []
        for path in files {
            let bytes = try FileIO.readAll(path: path)
            var name = path
            if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
            if name.hasSuffix(".conllu") { name.removeLast(7) }
            all.append(bench.score(name: name, conllu: bytes).0)
        }
        return render(all, loadSeconds: lexicon.loadSeconds, stripped: stripAccents, json: json)
    }
}

/// `verbatim lemmatize --conllu FILE`.
public enum LemmatizeJob {
    public static func run(conllu path: String, output: String?, lexicons: String?) throws {
        let lexicon = try FrenchLexicon.load(explicit: lexicons)
        let out = Conllu.relemmatize(try FileIO.readAll(path: path), with: FrenchLemmatizer(lexicon: lexicon))
        if let output {
            try FileIO.writeAll(path: output, bytes: out)
        } else {
            FileIO.writeStandardOutput(String(decoding: out, as: UTF8.self))
        }
    }
}
