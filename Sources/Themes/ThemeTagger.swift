import TextAnalysis

/// A theme found in an excerpt or answer.
public struct ThemeAssignment: Sendable, Equatable {
    /// Theme id, e.g. `proprete`.
    public var theme: String
    /// Sum of the weights of the distinct terms found (≥ 1 to be assigned).
    public var score: Double
    /// The terms found, as written in the taxonomy, in order of appearance.
    public var evidence: [String]
    /// Every term found stands in a negation scope ("aucun problème de propreté").
    public var negated: Bool
}

/// The themes and intent of an excerpt or answer.
public struct ThemeTags: Sendable, Equatable {
    /// Assignments sorted by theme id.
    public var themes: [ThemeAssignment]
    public var intent: Intent
    /// Cue scores behind the intent.
    public var plainte = 0.0, attente = 0.0, satisfaction = 0.0

    /// Theme ids, sorted.
    public var themeIDs: [String] { themes.map(\.theme) }
}

/// Why the tagger decided what it did, line by line (`verbatim taxonomy explain`). Only filled
/// when passed to `ThemeTagger.tag(_:words:trace:)`; tagging without it does no extra work.
public final class TagTrace {
    public private(set) var lines: [String] = []
    public init() {}
    func add(_ line: @autoclosure () -> String) { lines.append(line()) }
}

/// Tags excerpts with taxonomy themes and an intent, on lemmas, with negation scopes.
///
/// Negation: "pas", "jamais", "aucun", "sans", "ni", "non" (and "plus", "rien", "personne",
/// "guère" when the clause has "ne") deny the next `scopeWords` words of their clause (clauses end
/// at punctuation and "mais"). A complaint cue in scope counts as satisfaction ("pas de souci"), a
/// satisfaction cue as complaint ("pas satisfait"), and a negator with no cue in its scope is a
/// complaint ("l'ascenseur ne marche pas"). Themes are still assigned under negation — the excerpt
/// talks about them — and marked `negated`.
public struct ThemeTagger: Sendable {
    public static let stageName = "themes"
    public static let stageVersion = "5"
    /// Words after a negator that it denies.
    public static let scopeWords = 4
    /// Negators that deny only with "ne" in the clause ("il n'y a plus de gardien" vs "plus de passages").
    static let negatorsNeedingNe: Set<String> = ["plus", "rien", "personne", "guere"]
    static let clauseBreakWords: Set<String> = ["mais"]
    /// Words after a negator that make it a restriction ("pas seulement", "pas que").
    static let restrictionWords: Set<String> = ["que", "seulement", "juste", "uniquement", "forcement", "forcément"]

    public let taxonomy: ThemeTaxonomy
    public let cues: IntentCues
    /// The learned second stage: keeps, drops or adds the answer's themes and picks its intent.
    public let model: ThemeModel?

    /// The words of every phrase (terms, excludes, speakers, cues, negators), numbered.
    let vocabulary: PhraseVocabulary
    /// Per vocabulary number: whether the word is a negator.
    let isNegator: [Bool]
    /// Per theme column of the model: whether the taxonomy has that theme.
    let modelThemeKnown: [Bool]

    public init(taxonomy: ThemeTaxonomy, cues: IntentCues, model: ThemeModel? = nil) {
        var taxonomy = taxonomy, cues = cues, model = model
        var vocabulary = PhraseVocabulary()
        taxonomy.terms.number(with: &vocabulary)
        taxonomy.excludes.number(with: &vocabulary)
        taxonomy.speakers.number(with: &vocabulary)
        cues.cues.number(with: &vocabulary)
        model?.number(with: &vocabulary)
        let negators = cues.negators.map { vocabulary.number($0) }
        let count = vocabulary.count
        model?.index(vocabularyCount: count)
        taxonomy.terms.index(vocabularyCount: count)
        taxonomy.excludes.index(vocabularyCount: count)
        taxonomy.speakers.index(vocabularyCount: count)
        cues.cues.index(vocabularyCount: count)
        var isNegator = [Bool](repeating: false, count: count)
        for n in negators { isNegator[Int(n)] = true }
        self.taxonomy = taxonomy
        self.cues = cues
        self.model = model
        self.vocabulary = vocabulary
        self.isNegator = isNegator
        modelThemeKnown = model?.themes.map { taxonomy.themeIndex[$0] != nil } ?? []
    }

    /// Tags the tokens of one excerpt (lemmatized by `TextAnalyzer`).
    public func tag(_ tokens: ArraySlice<Token>) -> ThemeTags {
        tag(tokens, words: PhraseCompiler.matchTokens(tokens))
    }

    /// Tags one excerpt whose match tokens were already computed (`PhraseCompiler.matchTokens`).
    public func tag(_ tokens: ArraySlice<Token>, words: [MatchToken], trace: TagTrace? = nil) -> ThemeTags {
        tag(tokens, words: words, ids: vocabulary.ids(of: words), trace: trace)
    }

    func tag(_ tokens: ArraySlice<Token>, words: [MatchToken], ids: [WordIDs], trace: TagTrace? = nil) -> ThemeTags {
        let (negated, negators, bareNegators) = negationScopes(tokens, words, ids)
        if let trace {
            for n in negators.sorted() {
                var end = n + 1
                while end < words.count && negated[end] { end += 1 }
                let scope = words[(n + 1)..<end].map(\.form).joined(separator: " ")
                trace.add("negation  '\(words[n].form)' denies: \(scope.isEmpty ? "(nothing)" : scope)\(bareNegators.contains(n) ? " — no cue in scope: +1 plainte" : "")")
            }
        }
        var tags = ThemeTags(themes: themes(words, ids, negated, trace: trace), intent: .neutre)
        scoreIntent(tokens, words, ids, negated, negators, bareNegators, &tags, trace: trace)
        tags.intent = Self.intent(plainte: tags.plainte, attente: tags.attente, satisfaction: tags.satisfaction)
        trace?.add("intent    plainte \(tags.plainte), attente \(tags.attente), satisfaction \(tags.satisfaction) → \(tags.intent.rawValue)")
        return tags
    }

    /// Tags every excerpt of an analyzed answer, and the answer as a whole: the union of the
    /// excerpts' themes and the intent of their summed cues.
    public func tag(_ analyzed: AnalyzedText) -> (excerpts: [ThemeTags], answer: ThemeTags) {
        tag(excerpts: analyzed.excerpts.map {
            let tokens = analyzed.tokens[$0.tokenRange]
            return (tokens, PhraseCompiler.matchTokens(tokens))
        })
    }

    /// Tags the excerpts of one answer (their tokens and match tokens) and the answer as a whole.
    /// When a speaker phrase shows who writes ("en tant que gardien"), the themes that the
    /// taxonomy moves for that speaker become the speaker's theme in every excerpt; without a
    /// speaker phrase, the respondent's `group` does when a `speaker-group` row names it. Then
    /// the model, when there is one, keeps, drops or adds themes and picks the intents.
    public func tag(excerpts parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], group: String? = nil,
                    trace: TagTrace? = nil) -> (excerpts: [ThemeTags], answer: ThemeTags) {
        let ids = parts.map { vocabulary.ids(of: $0.words) }
        var (excerpts, answer, speaker) = taxonomyTags(parts, ids, group: group, trace: trace)
        if let model {
            decide(with: model, parts, ids, speaker: speaker?.theme, &excerpts, &answer, trace: trace)
        }
        return (excerpts, answer)
    }

    /// The model's features of one answer (`ThemeModel.features`) as the taxonomy alone tags
    /// it: what training learns from.
    public func modelFeatures(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])]) -> [String] {
        let ids = parts.map { vocabulary.ids(of: $0.words) }
        let (_, answer, speaker) = taxonomyTags(parts, ids, group: nil, trace: nil)
        return ThemeModel.features(of: parts, themes: answer.themeIDs, intent: answer.intent, speaker: speaker?.theme)
    }

    /// The taxonomy's tags of each excerpt and of the answer (speaker moves made), and the speaker.
    func taxonomyTags(_ parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], _ ids: [[WordIDs]], group: String?,
                      trace: TagTrace?) -> (excerpts: [ThemeTags], answer: ThemeTags, speaker: Speaker?) {
        var excerpts = parts.indices.map { tag(parts[$0].tokens, words: parts[$0].words, ids: ids[$0]) }
        let speaker = speaker(of: parts, ids: ids) ?? group.flatMap(speaker(ofGroup:))
        if let speaker {
            trace?.add("speaker   '\(speaker.phrase)' → \(speaker.theme)"
                       + (speaker.moves.isEmpty ? "" : ": \(speaker.moves.joined(separator: ", ")) become \(speaker.theme)"))
            for i in excerpts.indices { move(&excerpts[i], for: speaker) }
        }
        return (excerpts, Self.union(excerpts), speaker)
    }

    /// The answer's tags from its excerpts': the union of their themes (scores and evidence
    /// merged) and the intent of their summed cues.
    static func union(_ excerpts: [ThemeTags]) -> ThemeTags {
        var byTheme: [String: ThemeAssignment] = [:]
        var answer = ThemeTags(themes: [], intent: .neutre)
        for e in excerpts {
            answer.plainte += e.plainte
            answer.attente += e.attente
            answer.satisfaction += e.satisfaction
            for a in e.themes { byTheme[a.theme] = byTheme[a.theme].map { Self.merge(a, into: $0) } ?? a }
        }
        answer.themes = byTheme.values.sorted { $0.theme < $1.theme }
        answer.intent = Self.intent(plainte: answer.plainte, attente: answer.attente, satisfaction: answer.satisfaction)
        return answer
    }

    /// The model's decisions on one answer. A theme it rejects leaves every excerpt; a theme it
    /// adds goes to the excerpt whose words weigh most for it, with those words as evidence
    /// ("model: ascenseur"); its score is the model's probability. The answer's intent is the
    /// model's; each excerpt's too (on the excerpt's own features when there are several).
    func decide(with model: ThemeModel, _ parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], _ ids: [[WordIDs]],
                speaker: String?, _ excerpts: inout [ThemeTags], _ answer: inout ThemeTags, trace: TagTrace?) {
        let rows = model.rows(of: parts, ids: ids, themes: answer.themeIDs, intent: answer.intent, speaker: speaker)
        let probabilities = model.themeProbabilities(rows: rows, gramLogits: model.gramLogits(of: parts))
        var changed = false
        for (t, id) in model.themes.enumerated() where modelThemeKnown[t] {
            let p = probabilities[t]
            let kept = p >= model.threshold
            let tagged = answer.themes.contains { $0.theme == id }
            if tagged && !kept {
                for i in excerpts.indices { excerpts[i].themes.removeAll { $0.theme == id } }
                changed = true
                trace?.add("model     \(id) \(ThemeModel.decimal(p)) < \(ThemeModel.decimal(model.threshold)): dropped")
            } else if !tagged && kept {
                var best = 0, bestScore = -Double.infinity
                var bestRows: [Int] = []
                for (i, part) in parts.enumerated() {
                    let own = model.rows(of: [part], ids: [ids[i]], themes: [], intent: .neutre, speaker: nil)
                    let score = model.wordScore(rows: own, column: t)
                    if score > bestScore { best = i; bestScore = score; bestRows = own }
                }
                let evidence = model.heaviest(rows: bestRows, column: t, wordsOnly: true).map { "model: " + $0.0.dropFirst(2) }
                excerpts[best].themes.append(ThemeAssignment(theme: id, score: p, evidence: evidence.isEmpty ? ["model"] : evidence,
                                                             negated: false))
                excerpts[best].themes.sort { $0.theme < $1.theme }
                changed = true
                if let trace {
                    let why = model.heaviest(rows: rows, column: t).map { "\($0.0) \(ThemeModel.decimal($0.1))" }.joined(separator: ", ")
                    trace.add("model     \(id) \(ThemeModel.decimal(p)): added to excerpt \(best + 1) (\(why))")
                }
            } else if tagged {
                trace?.add("model     \(id) \(ThemeModel.decimal(p)): kept")
            }
        }
        let (intent, intentProbabilities) = model.intent(rows: rows)
        trace?.add("model     intent " + zip(ThemeModel.intents, intentProbabilities)
            .map { "\($0.0.rawValue) \(ThemeModel.decimal($0.1))" }.joined(separator: ", ") + " → \(intent.rawValue)")
        if excerpts.count == 1 {
            excerpts[0].intent = intent
        } else {
            for i in excerpts.indices {
                let own = model.rows(of: [parts[i]], ids: [ids[i]], themes: excerpts[i].themeIDs, intent: excerpts[i].intent,
                                     speaker: speaker)
                excerpts[i].intent = model.intent(rows: own).0
            }
        }
        if changed {
            let cues = (answer.plainte, answer.attente, answer.satisfaction)
            answer = Self.union(excerpts)
            (answer.plainte, answer.attente, answer.satisfaction) = cues
        }
        answer.intent = intent
    }

    /// Who writes an answer, as a speaker phrase of the taxonomy shows it.
    public struct Speaker: Sendable, Equatable {
        /// The speaker's theme ("organisation-interne" for an employee).
        public var theme: String
        /// The speaker phrase as written in the taxonomy.
        public var phrase: String
        /// The themes whose tags become `theme`.
        public var moves: [String]
    }

    /// The first speaker phrase found in the answer's excerpts, in order.
    public func speaker(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])]) -> Speaker? {
        speaker(of: parts, ids: parts.map { vocabulary.ids(of: $0.words) })
    }

    func speaker(of parts: [(tokens: ArraySlice<Token>, words: [MatchToken])], ids: [[WordIDs]]) -> Speaker? {
        for (n, part) in parts.enumerated() {
            for m in taxonomy.speakers.matches(in: ids[n]) {
                let rule = taxonomy.speakerRules[m.phrase]
                if rule.atStart && (n != 0 || m.start != 0) { continue }
                if rule.beforeColon {
                    let after = part.words[m.end - 1].tokenIndex + 1
                    guard after < part.tokens.endIndex, part.tokens[after].norm == ":" else { continue }
                }
                return Speaker(theme: taxonomy.themes[rule.theme].id, phrase: taxonomy.speakers.phrases[m.phrase].text,
                               moves: taxonomy.speakerMoves[rule.theme].map { taxonomy.themes[$0].id })
            }
        }
        return nil
    }

    /// The speaker a respondent group makes (`speaker-group` rows), or nil; its phrase is
    /// "group: " and the value as the taxonomy writes it.
    public func speaker(ofGroup group: String) -> Speaker? {
        guard let (theme, value) = taxonomy.speakerGroups[ThemeTaxonomy.groupKey(group)] else { return nil }
        return Speaker(theme: taxonomy.themes[theme].id, phrase: "group: " + value,
                       moves: taxonomy.speakerMoves[theme].map { taxonomy.themes[$0].id })
    }

    /// Moves the speaker's themes in one excerpt's tags; the evidence gains the speaker phrase.
    func move(_ tags: inout ThemeTags, for speaker: Speaker) {
        guard tags.themes.contains(where: { speaker.moves.contains($0.theme) }) else { return }
        var moved: ThemeAssignment? = nil
        var kept: [ThemeAssignment] = []
        for a in tags.themes {
            guard speaker.moves.contains(a.theme) || a.theme == speaker.theme else { kept.append(a); continue }
            var b = a
            b.theme = speaker.theme
            moved = moved.map { Self.merge(b, into: $0) } ?? b
        }
        moved!.evidence.append("speaker: " + speaker.phrase)
        kept.append(moved!)
        tags.themes = kept.sorted { $0.theme < $1.theme }
    }

    /// One theme's assignment from two places: the higher score, both evidences, negated only
    /// when both are.
    static func merge(_ a: ThemeAssignment, into b: ThemeAssignment) -> ThemeAssignment {
        var b = b
        b.score = max(b.score, a.score)
        for term in a.evidence where !b.evidence.contains(term) { b.evidence.append(term) }
        b.negated = b.negated && a.negated
        return b
    }

    /// The intent with the highest score (≥ 0.5); ties go to attente, then plainte.
    static func intent(plainte: Double, attente: Double, satisfaction: Double) -> Intent {
        let best = max(plainte, attente, satisfaction)
        guard best >= 0.5 else { return .neutre }
        if attente == best { return .attente }
        if plainte == best { return .plainte }
        return .satisfaction
    }

    /// For each match token, whether a negator denies it; the positions of the active negators;
    /// and those of negators with no intent cue in their scope.
    func negationScopes(_ tokens: ArraySlice<Token>, _ words: [MatchToken], _ ids: [WordIDs]) -> ([Bool], Set<Int>, [Int]) {
        var negated = [Bool](repeating: false, count: words.count)
        var negatorPositions: [(position: Int, scopeEnd: Int)] = []
        var clauseHasNe = false
        var w = 0
        var scopeEnd = 0   // match positions < scopeEnd are denied
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .punct || (t.kind == .word && Self.clauseBreakWords.contains(t.norm)) {
                clauseHasNe = false
                scopeEnd = min(scopeEnd, w)
                if t.kind == .punct { continue }
            }
            if t.kind == .word && (t.norm == "ne" || t.norm == "n'") { clauseHasNe = true }
            guard w < words.count, words[w].tokenIndex == i else { continue }
            let form = words[w].form
            // "pas que", "pas seulement", "pas juste": a restriction, not a denial ("pas que le
            // ménage, aussi les espaces verts").
            let negator = ids[w].form >= 0 && isNegator[Int(ids[w].form)]
            let restricts = negator && w + 1 < words.count && Self.restrictionWords.contains(words[w + 1].form)
            if negator && !restricts && (!Self.negatorsNeedingNe.contains(form) || clauseHasNe) {
                let end = min(words.count, w + 1 + Self.scopeWords)
                negatorPositions.append((w, end))
                scopeEnd = end
            } else if w < scopeEnd {
                negated[w] = true
            }
            w += 1
        }
        // Scopes stop at the clause end: recompute each negator's real end from `negated`.
        var bare: [Int] = []
        for n in negatorPositions {
            var k = n.position + 1
            while k < n.scopeEnd && negated[k] { k += 1 }
            let scope = (n.position + 1)..<k
            let hasCue = cues.cues.matches(in: Array(ids[scope])).contains { cues.cueIntent[$0.phrase] != .attente }
            if !hasCue { bare.append(n.position) }
        }
        return (negated, Set(negatorPositions.map(\.position)), bare)
    }

    func themes(_ words: [MatchToken], _ ids: [WordIDs], _ negated: [Bool], trace: TagTrace? = nil) -> [ThemeAssignment] {
        var excluded: [(theme: Int, range: Range<Int>)] = []
        for m in taxonomy.excludes.matches(in: ids) { excluded.append((taxonomy.excludeTheme[m.phrase], m.start..<m.end)) }
        if let trace {
            for m in taxonomy.terms.matches(in: ids) {
                let theme = taxonomy.themes[taxonomy.termTheme[m.phrase]].id
                let blocked = excluded.first { $0.theme == taxonomy.termTheme[m.phrase] && $0.range.lowerBound <= m.start && m.end <= $0.range.upperBound }
                let denied = (m.start..<m.end).allSatisfy { negated[$0] }
                trace.add("term      '\(taxonomy.terms.phrases[m.phrase].text)' (\(taxonomy.termWeight[m.phrase])) → \(theme)"
                          + (blocked.map { " — excluded by '\(taxonomy.excludes.phrases[excludePhrase(at: $0.range, ids)].text)'" } ?? "")
                          + (denied ? " — negated" : ""))
            }
        }
        var found: [Int: (terms: [Int], matches: [(phrase: Int, start: Int, end: Int)], allNegated: Bool)] = [:]
        var order: [Int] = []
        for m in firedTerms(ids, excluded: excluded) {
            let theme = taxonomy.termTheme[m.phrase]
            let denied = (m.start..<m.end).allSatisfy { negated[$0] }
            if var f = found[theme] {
                found[theme] = nil   // keeps the arrays uniquely referenced while they grow
                if !f.terms.contains(m.phrase) { f.terms.append(m.phrase) }
                f.matches.append(m)
                f.allNegated = f.allNegated && denied
                found[theme] = f
            } else {
                found[theme] = ([m.phrase], [m], denied)
                order.append(theme)
            }
        }
        var out: [ThemeAssignment] = []
        for theme in order {
            let f = found[theme]!
            let score = (f.matches.count == 1 ? f.terms : counted(f.matches)).reduce(0.0) { $0 + taxonomy.termWeight[$1] }
            guard score >= 1 else { continue }
            out.append(ThemeAssignment(theme: taxonomy.themes[theme].id, score: score,
                                       evidence: f.terms.map { taxonomy.terms.phrases[$0].text }, negated: f.allNegated))
        }
        return out.sorted { $0.theme < $1.theme }
    }

    /// The terms of one theme's matches whose weights add up: each term once, and only where no
    /// longer term (or equally long, heavier one) already reads the same words — "rdv" and
    /// "rendez-vous" on one word, or "poubelle" inside "local poubelle", count once.
    func counted(_ matches: [(phrase: Int, start: Int, end: Int)]) -> [Int] {
        let weight = taxonomy.termWeight   // not `self` in the comparator: copying the tagger is costly
        let ordered = matches.sorted {
            let (a, b) = ($0.end - $0.start, $1.end - $1.start)
            if a != b { return a > b }
            let (wa, wb) = (weight[$0.phrase], weight[$1.phrase])
            return wa != wb ? wa > wb : ($0.start, $0.phrase) < ($1.start, $1.phrase)
        }
        var kept: [(phrase: Int, start: Int, end: Int)] = []
        for m in ordered where !kept.contains(where: { $0.phrase == m.phrase || ($0.start <= m.start && m.end <= $0.end) }) {
            kept.append(m)
        }
        return kept.map(\.phrase)
    }

    /// The term matches that count: every match of a term not inside an exclude of its theme.
    func firedTerms(_ words: [MatchToken]) -> [(phrase: Int, start: Int, end: Int)] { firedTerms(vocabulary.ids(of: words)) }

    func firedTerms(_ ids: [WordIDs], excluded: [(theme: Int, range: Range<Int>)]? = nil) -> [(phrase: Int, start: Int, end: Int)] {
        let excludeTheme = taxonomy.excludeTheme, termTheme = taxonomy.termTheme   // closures capture these, not `self`
        let excluded = excluded ?? taxonomy.excludes.matches(in: ids).map { (excludeTheme[$0.phrase], $0.start..<$0.end) }
        let matches = taxonomy.terms.matches(in: ids)
        if excluded.isEmpty { return matches }
        return matches.filter { m in
            let theme = termTheme[m.phrase]
            return !excluded.contains { $0.theme == theme && $0.range.lowerBound <= m.start && m.end <= $0.range.upperBound }
        }
    }

    /// The exclude phrase matching exactly `range` (for the trace).
    func excludePhrase(at range: Range<Int>, _ ids: [WordIDs]) -> Int {
        taxonomy.excludes.matches(in: ids).first { $0.start == range.lowerBound && $0.end == range.upperBound }?.phrase ?? 0
    }

    func scoreIntent(_ tokens: ArraySlice<Token>, _ words: [MatchToken], _ ids: [WordIDs], _ negated: [Bool], _ negators: Set<Int>,
                     _ bareNegators: [Int], _ tags: inout ThemeTags, trace: TagTrace? = nil) {
        var usedCue = Set<Int>()
        let all = cues.cues.matches(in: ids)
        // Where cues overlap, the longer wins: "ras le bol" is a complaint, not "ras".
        let longest = all.filter { m in
            !all.contains { o in
                (o.end - o.start) > (m.end - m.start) && o.start <= m.start && m.end <= o.end
            }
        }
        for m in longest {
            // "plus de" asks for more, unless "plus" is a negator here ("il n'y a plus de gardien").
            if negators.contains(m.start) && cues.cueIntent[m.phrase] == .attente { continue }
            // A cue counts once per excerpt, and a shorter cue inside a longer one does not count.
            guard usedCue.insert(m.phrase).inserted else { continue }
            let weight = cues.cueWeight[m.phrase]
            let denied = negated[m.start]
            trace?.add("cue       '\(cues.cues.phrases[m.phrase].text)' (\(cues.cueIntent[m.phrase].rawValue), \(weight))\(denied ? " — negated: counts for the opposite" : "")")
            switch cues.cueIntent[m.phrase] {
            case .plainte: if denied { tags.satisfaction += weight } else { tags.plainte += weight }
            case .satisfaction: if denied { tags.plainte += weight } else { tags.satisfaction += weight }
            case .attente: tags.attente += weight
            case .neutre: break
            }
        }
        tags.plainte += Double(bareNegators.count)
        // A sentence that opens with an infinitive is a proposal: "Adapter tous les logements",
        // "Présenter nos équipes aux habitants", "Être joignable le soir".
        if let first = words.first, let token = tokens.first(where: { FoldedWords.isWord($0) }),
           token.upos == .verb || token.upos == .aux, first.form == first.lemma, Self.isInfinitive(first.form) {
            tags.attente += 1
            trace?.add("rule      opens with an infinitive ('\(first.form)'): +1 attente")
        }
        // A verbless sentence about a theme that names what is wanted: "Un gardien joignable", "Plus
        // d'accompagnement humain", "Des réunions de cage d'escalier". Half a cue: any complaint
        // or praise cue wins ("Des poubelles partout, c'est sale").
        if !tags.themes.isEmpty, let opening = tokens.first(where: { $0.kind == .word }), Self.wishOpeners.contains(opening.norm),
           !tokens.contains(where: { ($0.upos == .verb || $0.upos == .aux) && !Self.isNonFinite($0.norm) }) {
            tags.attente += 0.5
            trace?.add("rule      verbless, about a theme, opens with '\(opening.norm)': +0.5 attente")
        }
        // A sentence that opens with "que" and a subjunctive is a wish: "Que les gardiens soient
        // plus présents", "Qu'on nous réponde" (not "Que du bonheur", not a question).
        if let opening = tokens.first(where: { $0.kind == .word }), opening.norm == "que" || opening.norm == "qu'",
           let next = tokens.first(where: { $0.kind == .word && $0.utf8Start > opening.utf8Start }),
           !["du", "de", "des", "dire", "faire"].contains(next.norm), tokens.last?.norm != "?" {
            tags.attente += 1
            trace?.add("rule      opens with '\(opening.norm)' + subjunctive: +1 attente")
        }
    }

    /// Words that open a verbless wish: "Un gardien joignable", "Plus d'accompagnement".
    static let wishOpeners: Set<String> = ["un", "une", "des", "du", "de", "plus", "moins", "davantage", "mieux"]

    /// Infinitives and past participles ("écrit", "affiché"), roughly: verb forms that make no clause.
    static func isNonFinite(_ form: String) -> Bool {
        if isInfinitive(form) { return true }
        return ["é", "ée", "és", "ées", "i", "ie", "is", "ies", "it", "u", "ue", "us", "ues", "ert", "erte"].contains { form.hasSuffix($0) }
    }

    static func isInfinitive(_ form: String) -> Bool {
        form.count > 3 && (form.hasSuffix("er") || form.hasSuffix("ir") || form.hasSuffix("re"))
    }
}
