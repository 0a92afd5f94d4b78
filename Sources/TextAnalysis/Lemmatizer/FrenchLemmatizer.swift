import FrenchText

/// The French lemmatizer and UPOS tagger of lexicons/fr/ALGORITHM.md: lexicon candidates per word
/// (§3–§4, §6), a trigram HMM over UPOS decoded with Viterbi per sentence (§5), the lemma of the
/// chosen tag (§5.4).
///
/// Per token: one memo lookup on (key, accentless variant, shape) giving the candidate tags, their
/// emission scores and best lemmas; then the Viterbi step over a flat transition table.
///
/// Not thread-safe (the memo): use one per worker; the `FrenchLexicon` is shared.
public final class FrenchLemmatizer {
    public static let stageName = "lemma"
    public static let stageVersion = "1"

    public let lexicon: FrenchLexicon
    /// All mutable state, moved out into a local for the duration of a call so that the hot loops
    /// work on a local value (no dynamic exclusivity checks on class properties per token).
    private var state: LemmaState

    public init(lexicon: FrenchLexicon) {
        self.lexicon = lexicon
        self.state = LemmaState(lexicon: lexicon)
    }

    @inline(__always)
    private func withState<R>(_ body: (inout LemmaState) -> R) -> R {
        var st = LemmaState.placeholder
        swap(&st, &state)
        defer { swap(&st, &state) }
        return body(&st)
    }

    /// Lemmatizes one sentence (or answer) given as surface forms.
    public func lemmatize(forms: [String]) -> [LemmaAnalysis] {
        if forms.isEmpty { return [] }
        return withState { $0.lemmatize(forms: forms) }
    }

    /// Sets `lemma`, `upos` and the `corrected`/`guessed`/`stopword` flags of `tokens[range]` (one
    /// excerpt): every token goes in (punctuation and numbers give context) with its norm as the
    /// key and its normalized surface for the shape.
    /// Lemmatizes the tokens of one excerpt. `accentless` tells whether the whole answer was
    /// typed without accents (then accent variants of known words are weighed too, §4).
    package func annotate(_ range: Range<Int>, _ tokens: inout [Token], _ text: UnsafeBufferPointer<UInt8>,
                          accentless: Bool) {
        if range.isEmpty { return }
        withState { $0.annotate(range, &tokens, text, accentless: accentless) }
    }

    /// One reading of a word before context (`verbatim lexicon lookup`).
    public struct Reading: Sendable, Equatable {
        /// The lemma; the surface form for the PROPN reading of a capitalised word.
        public var lemma: String
        public var upos: UPOS
        /// Share of the word's readings (they sum to 1), before the tagger weighs the context.
        public var probability: Double
    }

    /// The readings of `word` alone, most probable first, and the tables they come from (a
    /// lowercase `word` at a sentence start; `accentless` weighs accent variants as in an
    /// answer typed without accents).
    public func readings(of word: String, accentless: Bool = false) -> (readings: [Reading], source: LemmaSource) {
        var builder = CandidateBuilder(lexicon: lexicon)
        var copy = word
        let shape = copy.withUTF8 { WordShape.of($0, isFirst: false) }
        let (cand, source) = builder.candidates(key: LexicalKeys.key(word), shape: shape, accentless: accentless)
        let readings = (0..<cand.count).map {
            Reading(lemma: cand.lemmas[$0].isEmpty ? word : cand.lemmas[$0], upos: UPOS(rawValue: cand.tags[$0]) ?? .x,
                    probability: cand.weights[$0])
        }
        return (readings.sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.lemma < $1.lemma }, source)
    }

    /// Memo size (distinct key/shape/variant combinations seen).
    public var memoCount: Int { state.entries.count }
}

/// The lemmatizer's memo and scratch space.
struct LemmaState {
    private var builder: CandidateBuilder?
    private var memo: ByteKeyMemo
    private(set) var entries: [Entry] = []
    private var tagPool: [UInt8] = []
    private var emissionPool: [Double] = []
    private var lemmaPool: [String] = []
    /// True when the lemma of that PROPN reading is the surface form itself.
    private var surfacePool: [Bool] = []
    private let logT: [Double]

    // Viterbi scratch, reused across sentences.
    private var scores: [Double] = []
    private var backs: [UInt8] = []
    private var offsets: [Int] = []

    struct Entry {
        var start: Int32
        var count: UInt8
        var source: LemmaSource
        var stopword: Bool
        var candidateCount: UInt16
        /// The key has context rules (ContextRules.swift).
        var hasRule = false
    }

    let lexicon: FrenchLexicon?
    private var ids: [Int32] = []
    private var chosen: [Int] = []

    init(lexicon: FrenchLexicon) {
        self.lexicon = lexicon
        self.builder = CandidateBuilder(lexicon: lexicon)
        self.logT = lexicon.logTransitions
        self.memo = ByteKeyMemo()
    }

    private init() {
        lexicon = nil; builder = nil; logT = []; memo = .unallocated
    }

    static var placeholder: LemmaState { LemmaState() }

    mutating func annotate(_ range: Range<Int>, _ tokens: inout [Token], _ text: UnsafeBufferPointer<UInt8>,
                           accentless: Bool) {
        ids.removeAll(keepingCapacity: true)
        for i in range {
            let surface = UnsafeBufferPointer(rebasing: text[tokens[i].normalizedUTF8Start..<tokens[i].normalizedUTF8End])
            let isFirst = i == range.lowerBound
            let id = tokens[i].norm.utf8.withContiguousStorageIfAvailable {
                entry(key: $0, surface: surface, isFirst: isFirst, accentlessSentence: accentless)
            } ?? {
                var n = tokens[i].norm
                return n.withUTF8 { entry(key: $0, surface: surface, isFirst: isFirst, accentlessSentence: accentless) }
            }()
            ids.append(id)
        }
        var localIDs = ids, localChosen = chosen
        ids = []; chosen = []
        decode(localIDs, into: &localChosen)
        let first = range.lowerBound
        applyContextRules(localIDs, &localChosen, word: { tokens[first + $0].norm },
                          fixedTag: { Self.uposByKind(tokens[first + $0].kind)?.rawValue })
        for (k, i) in range.enumerated() {
            if let upos = Self.uposByKind(tokens[i].kind) {
                // Punctuation, symbols, emoji, numbers, contacts: their tag comes from the
                // tokenizer; they took part in the tagging context only.
                tokens[i].lemma = tokens[i].norm
                tokens[i].upos = upos
                continue
            }
            let start = tokens[i].normalizedUTF8Start, end = tokens[i].normalizedUTF8End
            let a = analysis(localIDs[k], localChosen[k],
                             surface: String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self))
            tokens[i].lemma = a.lemma
            tokens[i].upos = a.upos
            if a.isCorrected { tokens[i].flags.insert(.corrected) }
            if a.isGuess { tokens[i].flags.insert(.guessed) }
            if entries[Int(localIDs[k])].stopword { tokens[i].flags.insert(.stopword) }
        }
        ids = localIDs; chosen = localChosen
    }

    /// The tag of tokens that are not words, by kind (nil for words).
    static func uposByKind(_ kind: TokenKind) -> UPOS? {
        switch kind {
        case .word: return nil
        case .number: return .num
        case .punct: return .punct
        case .symbol, .emoji, .emoticon: return .sym
        case .email, .url, .phone, .hashtag, .mention, .other: return .x
        }
    }

    mutating func lemmatize(forms: [String]) -> [LemmaAnalysis] {
        let keys = forms.map(LexicalKeys.key)
        var accentless = true
        for k in keys {
            var c = k
            if c.withUTF8({ LexicalKeys.hasAccent($0) }) { accentless = false; break }
        }
        var ids: [Int32] = []
        ids.reserveCapacity(forms.count)
        for i in forms.indices {
            var k = keys[i], f = forms[i]
            let id = k.withUTF8 { kb in f.withUTF8 { fb in entry(key: kb, surface: fb, isFirst: i == 0, accentlessSentence: accentless) } }
            ids.append(id)
        }
        var chosen = [Int](repeating: 0, count: ids.count)
        decode(ids, into: &chosen)
        applyContextRules(ids, &chosen, word: { keys[$0] }, fixedTag: { _ in nil })
        return ids.indices.map { analysis(ids[$0], chosen[$0], surface: forms[$0]) }
    }

    /// The memo entry of one word: `key` is the lookup key (NFC, lowercase, `'`), `surface` the
    /// form as written (for its shape).
    mutating func entry(key: UnsafeBufferPointer<UInt8>, surface: UnsafeBufferPointer<UInt8>, isFirst: Bool,
                       accentlessSentence: Bool) -> Int32 {
        let shape = WordShape.of(surface, isFirst: isFirst)
        let variant = accentlessSentence && !LexicalKeys.hasAccent(key)
        let flags = shape.rawValue | (variant ? 0x80 : 0)
        let h = ByteKeyMemo.hash(key, flags)
        if let e = memo.find(key, flags, hash: h) { return e }
        let keyString = String(decoding: key, as: UTF8.self)
        let (cand, src) = builder!.candidates(key: keyString, shape: shape, accentless: variant)
        append(cand, src, stopword: lexicon!.stopwords.contains(keyString))
        entries[entries.count - 1].hasRule = lexicon!.contextRuleForms.contains(keyString)
        let id = memo.insert(key, flags, hash: h)
        precondition(Int(id) == entries.count - 1)
        return id
    }

    /// Viterbi over entries: `chosen[i]` receives the index of the chosen tag within entry i.
    mutating func decode(_ ids: [Int32], forced: [Int8]? = nil, into chosen: inout [Int]) {
        ids.withUnsafeBufferPointer { ids in
            if let forced {
                forced.withUnsafeBufferPointer { decode(ids, forced: $0, into: &chosen) }
            } else {
                decode(ids, forced: nil, into: &chosen)
            }
        }
    }

    /// Checks the homograph context rules (ContextRules.swift) of the words that have some, with
    /// their neighbours' words and decoded tags; decodes again when a rule forces another reading.
    /// `fixedTag` gives the tag of tokens whose kind decides it (punctuation, numbers…).
    mutating func applyContextRules(_ ids: [Int32], _ chosen: inout [Int], word: (Int) -> String,
                                    fixedTag: (Int) -> UInt8?) {
        guard let rules = lexicon?.contextRules, !rules.isEmpty else { return }
        var forced: [Int8]? = nil
        let n = ids.count
        func tag(_ j: Int) -> UInt8 { fixedTag(j) ?? tagPool[Int(entries[Int(ids[j])].start) + chosen[j]] }
        for k in 0..<n where entries[Int(ids[k])].hasRule {
            let w = word(k)
            for rule in rules where rule.forms.contains(w) {
                guard rule.left2.holds(word: k >= 2 ? word(k - 2) : nil, tag: k >= 2 ? tag(k - 2) : nil),
                      rule.left.holds(word: k >= 1 ? word(k - 1) : nil, tag: k >= 1 ? tag(k - 1) : nil),
                      rule.right.holds(word: k + 1 < n ? word(k + 1) : nil, tag: k + 1 < n ? tag(k + 1) : nil)
                else { continue }
                let e = entries[Int(ids[k])]
                if let index = (0..<Int(e.count)).first(where: { tagPool[Int(e.start) + $0] == rule.upos }), index != chosen[k] {
                    if forced == nil { forced = [Int8](repeating: -1, count: n) }
                    forced![k] = Int8(index)
                }
                break
            }
        }
        if let forced { decode(ids, forced: forced, into: &chosen) }
    }

    /// The analysis of entry `id` with its tag number `k`; `surface` gives PROPN lemmas their case.
    func analysis(_ id: Int32, _ k: Int, surface: @autoclosure () -> String) -> LemmaAnalysis {
        let e = entries[Int(id)]
        let p = Int(e.start) + k
        let tag = tagPool[p]
        var lemma = lemmaPool[p]
        if tag == UPOS.propn.rawValue {
            let s = LexicalKeys.nfc(surface())
            if surfacePool[p] || CaseFolding.folded(lemma) == CaseFolding.folded(s) { lemma = s }
        }
        return LemmaAnalysis(lemma: lemma, upos: UPOS(rawValue: tag)!, source: e.source,
                             candidateCount: Int(e.candidateCount))
    }

    // MARK: - Internals

    private mutating func append(_ cand: WeightedAnalyses, _ src: LemmaSource, stopword: Bool) {
        let start = tagPool.count
        let prior = lexicon!.tagPrior
        var tags = Array(Set(cand.tags)).sorted()
        for t in tags {
            var pt = 0.0
            for i in 0..<cand.count where cand.tags[i] == t { pt += cand.weights[i] }
            let b = cand.best(tag: t)!
            tagPool.append(t)
            emissionPool.append(log(pt / prior[Int(t)]))
            lemmaPool.append(cand.lemmas[b])
            surfacePool.append(t == UPOS.propn.rawValue && cand.lemmas[b].isEmpty)
        }
        entries.append(Entry(start: Int32(start), count: UInt8(tags.count), source: src, stopword: stopword,
                             candidateCount: UInt16(min(cand.count, Int(UInt16.max)))))
        tags.removeAll()
    }

    private mutating func decode(_ ids: UnsafeBufferPointer<Int32>, forced: UnsafeBufferPointer<Int8>?,
                                 into chosen: inout [Int]) {
        let n = ids.count
        if n == 0 { return }
        if chosen.count < n { chosen.append(contentsOf: repeatElement(0, count: n - chosen.count)) }
        offsets.removeAll(keepingCapacity: true)
        // Lay out the states of every position first (position i has |T_{i-1}| × |T_i| states),
        // then size the score tables once: no per-state appends in the loop.
        var total = 1
        var previousCount = 1
        for i in 0..<n {
            let count = Int(entries[Int(ids[i])].count)
            offsets.append(total)
            total += previousCount * count
            previousCount = count
        }
        if scores.count < total {
            scores.append(contentsOf: repeatElement(0, count: total - scores.count))
            backs.append(contentsOf: repeatElement(0, count: total - backs.count))
        }
        let T = UPOS.tagCount
        entries.withUnsafeBufferPointer { ent in
        tagPool.withUnsafeBufferPointer { tp in
        emissionPool.withUnsafeBufferPointer { ep in
        logT.withUnsafeBufferPointer { lt in
        scores.withUnsafeMutableBufferPointer { sc in
        backs.withUnsafeMutableBufferPointer { bk in
            // Position -1 has the single state (<S>, <S>) with score 0.
            var prevStart = 0          // offset of V_{i-1} in scores
            var prevTags: (start: Int, count: Int) = (-1, 1)    // T_{i-1}; -1 = {<S>}
            var prev2Tags: (start: Int, count: Int) = (-1, 1)   // T_{i-2}
            sc[0] = 0; bk[0] = 0
            for i in 0..<n {
                let e = ent[Int(ids[i])]
                let ts = Int(e.start), tc = Int(e.count)
                let curStart = offsets[i]
                let only = forced.map { Int($0[i]) } ?? -1   // a context rule's reading, or -1
                // state (j in T_{i-1}, k in T_i) at curStart + j * tc + k
                do {
                    for j in 0..<prevTags.count {
                        let b = prevTags.start < 0 ? 0 : Int(tp[prevTags.start + j])
                        for k in 0..<tc {
                            if only >= 0 && k != only {
                                sc[curStart + j * tc + k] = -Double.infinity
                                bk[curStart + j * tc + k] = 0
                                continue
                            }
                            let t = Int(tp[ts + k])
                            let em = ep[ts + k]
                            var best = -Double.infinity
                            var arg = 0
                            for h in 0..<prev2Tags.count {
                                let a = prev2Tags.start < 0 ? 0 : Int(tp[prev2Tags.start + h])
                                let s = sc[prevStart + h * prevTags.count + j] + lt[(a * T + b) * T + t] + em
                                if s > best || h == 0 { best = s; arg = h }
                            }
                            sc[curStart + j * tc + k] = best
                            bk[curStart + j * tc + k] = UInt8(arg)
                        }
                    }
                }
                prev2Tags = prevTags
                prevTags = (ts, tc)
                prevStart = curStart
            }
            // End: argmax over states (a, b) of s + logT(a, b, </S>); first in sorted order on ties.
            var best = -Double.infinity
            var bj = 0, bkk = 0
            var first = true
            for j in 0..<prev2Tags.count {
                let a = prev2Tags.start < 0 ? 0 : Int(tp[prev2Tags.start + j])
                for k in 0..<prevTags.count {
                    let b = Int(tp[prevTags.start + k])
                    let s = sc[prevStart + j * prevTags.count + k] + lt[(a * T + b) * T]
                    if first || s > best { best = s; bj = j; bkk = k; first = false }
                }
            }
            // Follow back-pointers: at position i the state is (j = index in T_{i-1}, k = index in T_i).
            var j = bj, k = bkk
            var i = n - 1
            while i >= 0 {
                chosen[i] = k
                let tcI = Int(ent[Int(ids[i])].count)
                let h = Int(bk[offsets[i] + j * tcI + k])
                k = j
                j = h
                i -= 1
            }
        }
        }
        }
        }
        }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
