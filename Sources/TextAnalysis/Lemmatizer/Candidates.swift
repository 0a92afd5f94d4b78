import FrenchText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Analyses (tag id, lemma) with weights, in insertion order — the order the reference
/// implementation's dictionaries iterate in, so that floating-point sums come out identical.
struct WeightedAnalyses {
    var tags: [UInt8] = []
    var lemmas: [String] = []
    var weights: [Double] = []

    var isEmpty: Bool { tags.isEmpty }
    var count: Int { tags.count }

    mutating func add(_ tag: UInt8, _ lemma: String, _ w: Double) {
        for i in tags.indices where tags[i] == tag && lemmas[i] == lemma {
            weights[i] += w
            return
        }
        tags.append(tag); lemmas.append(lemma); weights.append(w)
    }

    func contains(_ tag: UInt8, _ lemma: String) -> Bool {
        tags.indices.contains { tags[$0] == tag && lemmas[$0] == lemma }
    }

    var sum: Double { weights.reduce(0, +) }

    /// §5.4: highest weight; ties → smaller tag, then smaller lemma (code points).
    func best(tag: UInt8? = nil) -> Int? {
        var b: Int?
        for i in tags.indices where tag == nil || tags[i] == tag {
            guard let j = b else { b = i; continue }
            if weights[i] > weights[j] || (weights[i] == weights[j] && (tags[i] < tags[j]
                || (tags[i] == tags[j] && lemmaPrecedes(lemmas[i], lemmas[j])))) {
                b = i
            }
        }
        return b
    }
}

@inline(__always)
func lemmaPrecedes(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
}

/// §3: the context-free distribution of one key.
struct KeyDistribution {
    var cand: WeightedAnalyses
    var weight: Double
    var source: LemmaSource
    /// The key is in the UD or closed-class table (replacements do not apply then).
    var knownUD: Bool
}

/// Shape classes of §2.4 (codes stored in the memo flag byte).
enum WordShape: UInt8 {
    case lower = 0, capitalized, capitalizedFirst, upper, digit, punctuation

    var name: String {
        switch self {
        case .lower: return "L"
        case .capitalized: return "C"
        case .capitalizedFirst: return "C0"
        case .upper: return "U"
        case .digit: return "D"
        case .punctuation: return "P"
        }
    }

    /// `shape(form, isFirst)` on the surface form.
    static func of(_ s: UnsafeBufferPointer<UInt8>, isFirst: Bool) -> WordShape {
        var i = 0
        var hasLetter = false, hasLower = false, scalars = 0
        var firstUpper = false
        while i < s.count {
            let b = s[i]
            var v: UInt32
            if b < 0x80 { v = UInt32(b); i += 1 } else {
                let d = UTF8Decoder.scalar(in: s, at: i)
                v = d.value; i += d.utf8Count
            }
            if isDigit(v) { return .digit }
            let letter: Bool
            if v < 0x80 {
                letter = (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A
                if letter && v >= 0x61 { hasLower = true }
            } else {
                letter = ScalarProperties.category(v) == .letter
                if letter && ScalarProperties.isLowercaseLetter(v) { hasLower = true }
            }
            if letter { hasLetter = true }
            if scalars == 0 { firstUpper = ScalarProperties.isUppercase(v) }
            scalars += 1
        }
        if !hasLetter { return .punctuation }
        if firstUpper {
            if !hasLower && scalars > 1 { return .upper }
            return isFirst ? .capitalizedFirst : .capitalized
        }
        return .lower
    }

    /// Python's `str.isdigit`: decimal digits plus superscript/subscript/circled digits.
    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        switch v {
        case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079, 0x2080...0x2089, 0x2460...0x2468,
             0x2474...0x247C, 0x2488...0x2490, 0x24F5...0x24FD, 0x24EA, 0x24FF, 0x2776...0x277E,
             0x2780...0x2788, 0x278A...0x2792:
            return true
        default: return ScalarProperties.isDecimalDigit(v)
        }
    }
}

/// Constants of §3–§4.
enum LemmaConstants {
    static let betaLex = 2.0
    static let dicoShare = 0.05
    static let lexFreqToCount = 0.0005
    static let keyFloor = 0.02
    static let propnCap = 1.0
    static let minProb = 0.001
    static let foldPenalty = 1.0
    static let sameTagFoldPenalty = 0.6
    static let theta = 0.1
}

/// The miss path: computes distributions from the tables (rarely run; memoized per key).
struct CandidateBuilder {
    let lexicon: FrenchLexicon
    private var keyCache: [String: KeyDistribution] = [:]
    private var corrector: SpellingCorrector

    init(lexicon: FrenchLexicon) {
        self.lexicon = lexicon
        corrector = SpellingCorrector(lexicon: lexicon)
    }

    private func tag(_ f: String) -> UInt8 { UPOS(name: f)!.rawValue } // checked at load

    /// §3 keyDist.
    mutating func keyDist(_ key: String) -> KeyDistribution {
        if let d = keyCache[key] { return d }
        let d = computeKeyDist(key)
        keyCache[key] = d
        return d
    }

    private func computeKeyDist(_ key: String) -> KeyDistribution {
        var cand = WeightedAnalyses()
        var src: LemmaSource = []
        var nUD = 0.0
        let udRows = lexicon.ud.rows(matching: key)
        for r in udRows {
            let f = lexicon.ud.fields(r)
            let c = Double(f[3]) ?? 0
            cand.add(tag(f[2]), f[1], c)
            nUD += c
            src = .ud
        }
        let ccRows = lexicon.closedClass.rows(matching: key)
        for r in ccRows {
            let f = lexicon.closedClass.fields(r)
            cand.add(tag(f[2]), f[1], Double(f[3]) ?? 0)
            if src.isEmpty { src = .closed }
        }
        var lexd: [(UInt8, String, Double)] = lexicon.lexique.rows(matching: key).map {
            let f = lexicon.lexique.fields($0)
            return (tag(f[2]), f[1], Double(f[3]) ?? 0)
        }
        var dicd: [(UInt8, String)] = lexicon.dicollecte.rows(matching: key).map {
            let f = lexicon.dicollecte.fields($0)
            return (tag(f[2]), f[1])
        }
        if !ccRows.isEmpty {
            lexd.removeAll { UPOS.isClosedClass($0.0) }
            dicd.removeAll { UPOS.isClosedClass($0.0) }
        }
        var lexfreq = 0.0
        if !lexd.isEmpty || !dicd.isEmpty {
            var share = WeightedAnalyses()
            if !lexd.isEmpty {
                var classTags = Array(Set(lexd.map(\.0))).sorted()
                let cls = classTags.map { UPOS.names[Int($0)] }.joined(separator: ",")
                classTags.removeAll()
                let fac = lexicon.ambiguityFactors[cls] ?? [:]
                let raw = lexd.map { ($0.2 + 1.0) * (fac[$0.0] ?? 1.0) }
                let tot = raw.reduce(0, +)
                let keep = 1.0 - (dicd.isEmpty ? 0.0 : LemmaConstants.dicoShare)
                for (i, a) in lexd.enumerated() { share.add(a.0, a.1, raw[i] / tot * keep) }
                lexfreq = lexd.reduce(0) { $0 + $1.2 }
            }
            if !dicd.isEmpty {
                let sorted = dicd.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : lemmaPrecedes($0.1, $1.1) }
                let extra = sorted.filter { !share.contains($0.0, $0.1) }
                if !extra.isEmpty {
                    let m = (lexd.isEmpty ? 1.0 : LemmaConstants.dicoShare) / Double(extra.count)
                    for a in extra { share.add(a.0, a.1, m) }
                }
            }
            let z = share.sum
            let beta = (!udRows.isEmpty || !ccRows.isEmpty) ? LemmaConstants.betaLex : 1.0
            for i in 0..<share.count { cand.add(share.tags[i], share.lemmas[i], beta * share.weights[i] / z) }
            if src.isEmpty { src = lexd.isEmpty ? .dicollecte : .lexique }
        }
        let w = nUD + LemmaConstants.lexFreqToCount * lexfreq + (cand.isEmpty ? 0 : LemmaConstants.keyFloor)
        return KeyDistribution(cand: cand, weight: w, source: src, knownUD: !udRows.isEmpty || !ccRows.isEmpty)
    }

    /// §3.6 steps 1–3 and §4–§6 for one (key, shape, accentless) — the final normalised analyses.
    /// The PROPN reading added for a capitalised word has an empty lemma standing for the surface.
    mutating func candidates(key: String, shape: WordShape, accentless: Bool) -> (WeightedAnalyses, LemmaSource) {
        let kd = keyDist(key)
        var cand = kd.cand
        var src = kd.source
        let w = kd.weight
        var replaced = false
        if !kd.knownUD, let r = lexicon.replacements[key] {
            let parts = r.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            if parts.count == 1 {
                let c2 = keyDist(LexicalKeys.key(parts[0]))
                if !c2.cand.isEmpty {
                    cand = c2.cand; src = c2.source.union(.replacement); replaced = true
                }
            } else {
                var lem: [String] = []
                var up = UPOS.x.rawValue
                for p in parts {
                    let pk = LexicalKeys.key(p)
                    let c2 = keyDist(pk)
                    if let b = c2.cand.best() {
                        up = c2.cand.tags[b]; lem.append(c2.cand.lemmas[b])
                    } else {
                        lem.append(pk)
                    }
                }
                cand = WeightedAnalyses(tags: [up], lemmas: [lem.joined(separator: " ")], weights: [1.0])
                src = .replacement; replaced = true
            }
        }
        if !replaced && (cand.isEmpty || accentless) {
            // §4 accent restoration
            let fk = LexicalKeys.fold(key)
            let rows = lexicon.foldIndex.rows(matching: fk)
            var variants: [String] = []
            for r in rows {
                let k = lexicon.foldIndex.fields(r)[1]
                if k != key { variants.append(k) }
            }
            // fold-index.tsv leaves out the groups made of one key equal to its fold: that key is
            // still the variant of any accented spelling of it ("rodríguez" → "rodriguez").
            if rows.isEmpty && fk != key && (!lexicon.ud.rows(matching: fk).isEmpty
                || !lexicon.lexique.rows(matching: fk).isEmpty || !lexicon.dicollecte.rows(matching: fk).isEmpty) {
                variants.append(fk)
            }
            if !variants.isEmpty {
                var mix = WeightedAnalyses()
                var tot = 0.0
                if !cand.isEmpty {
                    let s = cand.sum
                    for i in 0..<cand.count { mix.add(cand.tags[i], cand.lemmas[i], w * cand.weights[i] / s) }
                    tot += w
                }
                for k in variants {
                    let c2 = keyDist(k)
                    if c2.cand.isEmpty { continue }
                    let s = c2.cand.sum
                    let ww = c2.weight * (cand.isEmpty ? 1.0 : LemmaConstants.foldPenalty)
                    for i in 0..<c2.cand.count {
                        // A reading the typed form already has ("charges" NOUN) is kept over the same
                        // reading of an accented spelling ("chargés" NOUN).
                        let sameTag = cand.tags.contains(c2.cand.tags[i]) ? LemmaConstants.sameTagFoldPenalty : 1.0
                        mix.add(c2.cand.tags[i], c2.cand.lemmas[i], ww * sameTag * c2.cand.weights[i] / s)
                    }
                    tot += ww
                }
                if tot > 0 {
                    cand = mix
                    src.insert(.fold)
                }
            }
        }
        if !cand.isEmpty {
            if (shape == .capitalized || shape == .upper) && !cand.tags.contains(UPOS.propn.rawValue) {
                let s = cand.sum
                for i in 0..<cand.count { cand.weights[i] = cand.weights[i] / s }
                cand.tags.append(UPOS.propn.rawValue); cand.lemmas.append("")
                cand.weights.append(LemmaConstants.propnCap / (1.0 + LemmaConstants.propnCap))
            }
            var s = cand.sum
            for i in 0..<cand.count { cand.weights[i] = cand.weights[i] / s }
            var kept = WeightedAnalyses()
            for i in 0..<cand.count where cand.weights[i] >= LemmaConstants.minProb {
                kept.tags.append(cand.tags[i]); kept.lemmas.append(cand.lemmas[i]); kept.weights.append(cand.weights[i])
            }
            s = kept.sum
            for i in 0..<kept.count { kept.weights[i] = kept.weights[i] / s }
            return (kept, src)
        }
        // §6.1 spelling correction of an unknown lowercase word, when confident
        if shape == .lower || shape == .capitalizedFirst, let fixed = corrector.correction(of: key) {
            let (c2, s2) = candidates(key: fixed, shape: shape, accentless: false)
            if !s2.contains(.guess) { return (c2, s2.union(.correction)) }
        }
        // §6 unknown word
        if shape == .punctuation {
            return (WeightedAnalyses(tags: [UPOS.punct.rawValue, UPOS.sym.rawValue], lemmas: [key, key],
                                     weights: [0.9, 0.1]), .guess)
        }
        let dist = unknownDist(key: key, shape: shape)
        return (WeightedAnalyses(tags: dist.map(\.0), lemmas: dist.map { _ in key }, weights: dist.map(\.1)), .guess)
    }

    /// §6: P(upos | shape, suffix) by successive abstraction; the 4 most probable tags.
    private func unknownDist(key: String, shape: WordShape) -> [(UInt8, Double)] {
        let sfx = lexicon.suffixCounts
        var base = sfx[shape.name + "\t"] ?? []
        if base.isEmpty { base = sfx["L\t"] ?? [] }
        var p = [Double](repeating: 0, count: UPOS.tagCount)
        var present = [Bool](repeating: false, count: UPOS.tagCount)
        let tot = base.reduce(0) { $0 + $1.1 }
        for (u, n) in base { p[Int(u)] = n / tot; present[Int(u)] = true }
        let scalars = Array(key.unicodeScalars)
        for n in 1...4 {
            if n > scalars.count { break }
            var suffix = String.UnicodeScalarView()
            suffix.append(contentsOf: scalars[(scalars.count - n)...])
            guard let d = sfx[shape.name + "\t" + String(suffix)], !d.isEmpty else { break }
            let t = d.reduce(0) { $0 + $1.1 }
            var dv = [Double](repeating: 0, count: UPOS.tagCount)
            for (u, c) in d { dv[Int(u)] = c; present[Int(u)] = true }
            for u in 0..<UPOS.tagCount where present[u] {
                p[u] = (dv[u] + LemmaConstants.theta * p[u]) / (t + LemmaConstants.theta)
            }
        }
        var items: [(UInt8, Double)] = []
        for u in 0..<UPOS.tagCount where present[u] { items.append((UInt8(u), p[u])) }
        items.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if items.count > 4 { items.removeLast(items.count - 4) }
        let s = items.reduce(0) { $0 + $1.1 }
        return items.map { ($0.0, $0.1 / s) }
    }
}
