import FrenchText

/// Corrects unknown words at edit distance 1 from a frequent lexicon word (ALGORITHM.md §6.1):
/// "asenceur" → ascenseur, "facture" misspelled "factrue" → facture.
///
/// Only when confident: the word is lowercase letters (no proper nouns, numbers or codes), at
/// least five letters long, and the best candidate is frequent and at least `dominance` times as
/// frequent as the runner-up. Edits are made on the accent-folded word, so a missing accent and a
/// typo can be fixed together. The token keeps its original slice and is flagged `corrected`.
struct SpellingCorrector {
    /// Lexique frequency (hundredths per million words) a correction must have (the generator
    /// keeps only forms above it in `spelling-index.tsv`).
    static let minimumFrequency = 100.0
    /// How many times more frequent the best candidate must be than the second.
    static let dominance = 5.0
    static let minimumLength = 5

    /// `spelling-index.tsv`: folded form → most frequent Lexique form with that fold, frequency.
    private let index: SortedTable

    init(lexicon: FrenchLexicon) { index = lexicon.spellingIndex }

    /// The lexicon key to read `key` as, or nil when no confident correction exists.
    mutating func correction(of key: String) -> String? {
        var letters = 0
        for scalar in key.unicodeScalars {
            guard scalar.properties.isLowercase else { return nil }
            letters += 1
        }
        guard letters >= Self.minimumLength else { return nil }
        let folded = LexicalKeys.fold(key)
        var best: (form: String, frequency: Double)? = nil
        var second = 0.0
        Self.forEachEdit(of: folded) { variant in
            let rows = index.rows(matching: variant)
            guard let row = rows.first else { return }
            let fields = index.fields(row)
            let hit = (form: fields[1], frequency: Double(fields[2]) ?? 0)
            guard hit.form != best?.form else { return }
            if hit.frequency > (best?.frequency ?? 0) {
                second = max(second, best?.frequency ?? 0)
                best = hit
            } else if hit.frequency > second {
                second = hit.frequency
            }
        }
        guard let best, best.frequency >= Self.minimumFrequency, best.frequency >= Self.dominance * second,
              best.form != key else { return nil }
        return best.form
    }

    /// Calls `body` with the UTF-8 bytes of every string at edit distance 1 from `word`, in the
    /// order of `edits(of:)`. ASCII words (nearly every folded French word) are edited in one
    /// reused buffer, without building strings.
    static func forEachEdit(of word: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else {
            for edit in edits(of: word) {
                var e = edit
                e.withUTF8 { body($0) }
            }
            return
        }
        let s = Array(word.utf8)
        let n = s.count
        var buffer = [UInt8](repeating: 0, count: n + 1)
        buffer.withUnsafeMutableBufferPointer { b in
            let base = b.baseAddress!
            func emit(_ count: Int) { body(UnsafeBufferPointer(start: base, count: count)) }
            func load() { for k in 0..<n { base[k] = s[k] } }
            for i in 0..<n {
                // deletion
                for k in 0..<i { base[k] = s[k] }
                for k in (i + 1)..<n { base[k - 1] = s[k] }
                emit(n - 1)
                // transposition
                if i + 1 < n { load(); base[i] = s[i + 1]; base[i + 1] = s[i]; emit(n) }
                // substitution
                load()
                for c in UInt8(ascii: "a")...UInt8(ascii: "z") where c != s[i] { base[i] = c; emit(n) }
            }
            for i in 0...n {
                // insertion
                for k in 0..<i { base[k] = s[k] }
                for k in i..<n { base[k + 1] = s[k] }
                for c in UInt8(ascii: "a")...UInt8(ascii: "z") { base[i] = c; emit(n + 1) }
            }
        }
    }

    /// Every string at edit distance 1 (deletion, transposition, substitution, insertion of a–z)
    /// from `word`.
    static func edits(of word: String) -> [String] {
        let s = Array(word.unicodeScalars)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)
        var out: [String] = []
        out.reserveCapacity(s.count * 54 + 26)
        func make(_ scalars: [Unicode.Scalar]) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars)
            return String(v)
        }
        for i in 0..<s.count {
            var d = s; d.remove(at: i); out.append(make(d))
            if i + 1 < s.count { var t = s; t.swapAt(i, i + 1); out.append(make(t)) }
            for c in alphabet where c != s[i] { var r = s; r[i] = c; out.append(make(r)) }
        }
        for i in 0...s.count {
            for c in alphabet { var n = s; n.insert(c, at: i); out.append(make(n)) }
        }
        return out
    }

}
