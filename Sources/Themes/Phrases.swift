import TextAnalysis

/// A word of an excerpt as the matchers see it (see `FoldedWords`).
public typealias MatchToken = FoldedWord

/// A term compiled for matching: one (lemma, form) pair per word; a word matches a token when
/// either equals the token's.
struct CompiledPhrase: Sendable {
    var words: [(lemma: String, form: String)]
    /// The term as written in the file, for evidence.
    var text: String
}

/// Every word of a tagger's phrases, numbered once, so that matching compares numbers instead of
/// hashing strings for each phrase table.
struct PhraseVocabulary: Sendable {
    private(set) var ids: [String: Int32] = [:]
    var count: Int { ids.count }

    /// The word's number, given on first sight.
    mutating func number(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        return id
    }

    /// The word's number, or -1 for a word no phrase has.
    func id(_ word: String) -> Int32 { ids[word] ?? -1 }

    /// The numbers of an excerpt's match tokens.
    func ids(of words: [MatchToken]) -> [WordIDs] {
        let anyNumber = id(PhraseCompiler.anyNumber)
        return words.map {
            let lemma = id($0.lemma)
            return WordIDs(lemma: lemma, form: $0.form == $0.lemma ? lemma : id($0.form), elided: $0.elided.map(id) ?? -1,
                           number: $0.isNumber ? anyNumber : -1)
        }
    }
}

/// A match token's lemma, form and elided word as vocabulary numbers (-1: in no phrase), and
/// for a number the number of `#` (any number) when a phrase has it.
struct WordIDs: Sendable, Equatable {
    var lemma: Int32
    var form: Int32
    var elided: Int32
    var number: Int32 = -1
}

/// Phrases indexed by their first word's number (after `number(with:)` and
/// `index(vocabularyCount:)`, which a `ThemeTagger` does for all its tables).
struct PhraseIndex: Sendable {
    private(set) var phrases: [CompiledPhrase] = []
    /// The phrases' words as numbers, and the phrases by their first word's number.
    private var numbered: [[(lemma: Int32, form: Int32)]] = []
    private var byFirstNumber: [[Int]] = []

    /// Adds a phrase; returns its index.
    @discardableResult
    mutating func add(_ phrase: CompiledPhrase) -> Int {
        phrases.append(phrase)
        return phrases.count - 1
    }

    /// Numbers the phrases' words (call for every index of a tagger, then `index`).
    mutating func number(with vocabulary: inout PhraseVocabulary) {
        numbered = phrases.map { $0.words.map { (vocabulary.number($0.lemma), vocabulary.number($0.form)) } }
    }

    /// Builds the first-word table once the vocabulary is complete.
    mutating func index(vocabularyCount: Int) {
        byFirstNumber = Array(repeating: [], count: vocabularyCount)
        for (id, words) in numbered.enumerated() {
            guard let first = words.first else { continue }
            byFirstNumber[Int(first.lemma)].append(id)
            if first.form != first.lemma { byFirstNumber[Int(first.form)].append(id) }
        }
    }

    /// Every (phrase id, start, end) matching at some position of `words`; positions are indices
    /// into `words`, `end` exclusive. Sorted by start then phrase id.
    func matches(in words: [WordIDs]) -> [(phrase: Int, start: Int, end: Int)] {
        var out: [(phrase: Int, start: Int, end: Int)] = []
        for i in words.indices {
            let lemma = words[i].lemma, form = words[i].form
            if words[i].number >= 0 {
                for id in byFirstNumber[Int(words[i].number)] {
                    if let end = Self.match(numbered[id], words, at: i) { out.append((id, i, end)) }
                }
            }
            if lemma >= 0 {
                for id in byFirstNumber[Int(lemma)] {
                    if let end = Self.match(numbered[id], words, at: i) { out.append((id, i, end)) }
                }
            }
            if form >= 0 && form != lemma {
                for id in byFirstNumber[Int(form)] where lemma < 0 || !byFirstNumber[Int(lemma)].contains(id) {
                    if let end = Self.match(numbered[id], words, at: i) { out.append((id, i, end)) }
                }
            }
        }
        out.sort { $0.start != $1.start ? $0.start < $1.start : $0.phrase < $1.phrase }
        return out
    }

    /// The end of `phrase` matched from `words[start]`, or nil. A word matches a phrase word when
    /// its lemma or form equals the phrase word's lemma or form, and a number matches `#`. A
    /// phrase word after the first may be an elided word of the text: "plus de" matches "plus
    /// d'accompagnement", "agent de entretien" (the term "agent d'entretien") matches "agent de
    /// l'entretien".
    static func match(_ phrase: [(lemma: Int32, form: Int32)], _ words: [WordIDs], at start: Int) -> Int? {
        @inline(__always) func same(_ a: Int32, _ w: (lemma: Int32, form: Int32)) -> Bool { a >= 0 && (a == w.lemma || a == w.form) }
        var j = start
        var elisionUsed = false
        for k in phrase.indices {
            if j < words.count && (same(words[j].lemma, phrase[k]) || same(words[j].form, phrase[k])
                                   || same(words[j].number, phrase[k])) {
                j += 1
                elisionUsed = false
            } else if k > 0, j < words.count, !elisionUsed, same(words[j].elided, phrase[k]) {
                elisionUsed = true
            } else {
                return nil
            }
        }
        return j
    }
}

/// Turns text into match tokens with the same analyzer as the answers, so terms written in
/// ordinary French ("boîtes aux lettres", "réparer") match every inflection.
public enum PhraseCompiler {
    /// The phrase word that matches any number: `#` in a term ("signaler # fois").
    static let anyNumber = "#"

    /// Words of a term: indexed tokens (words and numbers, not elided clitics), folded. A term
    /// written with a leading `=` matches its words' forms only, not their lemmas: "=travaux"
    /// matches "travaux" but not "travail" (whose lemma "travaux" shares). A `#` standing alone
    /// matches any number, in digits or in words ("# fois": "3 fois", "trois fois").
    static func compile(_ text: String, analyzer: TextAnalyzer) -> CompiledPhrase {
        let formsOnly = text.hasPrefix("=")
        let body = formsOnly ? String(text.dropFirst()) : text
        var words: [(lemma: String, form: String)] = []
        for (n, chunk) in chunks(body).enumerated() {
            if n > 0 { words.append((lemma: anyNumber, form: anyNumber)) }
            for w in matchTokens(analyzer.analyze(chunk).tokens[...]) {
                // An elided word inside the phrase is a word of it ("agent d'entretien" = agent de
                // entretien); at its start it is not ("l'ascenseur" = ascenseur).
                if let e = w.elided, !words.isEmpty { words.append((lemma: e, form: e)) }
                words.append((lemma: formsOnly ? w.form : w.lemma, form: w.form))
            }
        }
        return CompiledPhrase(words: words, text: text)
    }

    /// The text around each `#` word ("signaler # fois" → "signaler", "fois").
    static func chunks(_ text: String) -> [String] {
        var out: [[Substring]] = [[]]
        for word in text.split(separator: " ") {
            if word == anyNumber { out.append([]) } else { out[out.count - 1].append(word) }
        }
        return out.map { $0.joined(separator: " ") }
    }

    /// The match tokens of analyzed tokens.
    public static func matchTokens(_ tokens: ArraySlice<Token>) -> [MatchToken] { FoldedWords.of(tokens) }
}
