import FrenchText

/// Corrects unknown words at edit distance 1 from a frequent lexicon word (ALGORITHM.md §6.1):
/// "asenceur" → ascenseur, "facture" misspelled "factrue" → facture.
///
/// Only when confident: the word is lowercase letters (no proper nouns, numbers or codes), at
/// least five letters long, and the best candidate is frequent and at least `dominance` times as
/// frequent as the runner-up. Edits are made on the accent-folded word, so a missing accent and a
/// typo can be fixed together. The token keeps its original slice and is flagged `corrected`.
struct SpellingCorrector {
    /// Lexique frequency (hundredths per million words) a correction must have.
    static let minimumFrequency = 100.0
    /// How many times more frequent the best candidate must be than the second.
    static let dominance = 5.0
    static let minimumLength = 5

    /// Folded form → most frequent form with that fold; shared by every lemmatizer of a lexicon.
    private var index: CorrectionIndex? = nil
    private let lexicon: FrenchLexicon

    init(lexicon: FrenchLexicon) { self.lexicon = lexicon }

    /// The lexicon key to read `key` as, or nil when no confident correction exists.
    mutating func correction(of key: String) -> String? {
        var letters = 0
        for scalar in key.unicodeScalars {
            guard scalar.properties.isLowercase else { return nil }
            letters += 1
        }
        guard letters >= Self.minimumLength else { return nil }
        if index == nil { index = lexicon.correctionIndex() }
        let folded = LexicalKeys.fold(key)
        var best: (form: String, frequency: Double)? = nil
        var second = 0.0
        for variant in Self.edits(of: folded) {
            guard let hit = index!.entries[variant], hit.form != best?.form else { continue }
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

/// Folded form → (most frequent Lexique form with that fold, its frequency), for forms of at least
/// `SpellingCorrector.minimumFrequency`. Built once per lexicon, on first use.
final class CorrectionIndex: Sendable {
    let entries: [String: (form: String, frequency: Double)]

    init(lexique table: SortedTable) {
        var index: [String: (form: String, frequency: Double)] = [:]
        var row = 0
        while row < table.count {
            let fields = table.fields(row)
            let form = fields[0]
            var total = Double(fields[3]) ?? 0
            row += 1
            while row < table.count, case let next = table.fields(row), next[0] == form {
                total += Double(next[3]) ?? 0
                row += 1
            }
            guard total >= SpellingCorrector.minimumFrequency,
                  form.unicodeScalars.count >= SpellingCorrector.minimumLength - 1 else { continue }
            let folded = LexicalKeys.fold(form)
            if total > (index[folded]?.frequency ?? 0) { index[folded] = (form, total) }
        }
        entries = index
    }
}
