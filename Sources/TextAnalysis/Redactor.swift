/// Masks personal data in an answer before it is stored (DESIGN.md: redact before analyze).
/// Not thread-safe (it holds an analyzer): one per worker.
///
/// Works on the tokenizer's tokens of the original text, so spans are exact:
/// - phones, e-mails and URLs (token kinds) → `[TÉLÉPHONE]`, `[EMAIL]`, `[URL]`;
/// - IBANs ("FR76 3000 6000 0112 3456 7890 189") → `[IBAN]`, social-security numbers (13 or 15
///   digits starting with 1 or 2, "1 84 12 33 063 045 27") → `[NIR]`;
/// - a person after a civility or a role ("M. Durand", "Mme Martin", "Monsieur Le Goff",
///   "le gardien Kevin", "Dr Petit", also lowercase "mme dupont") → `[NOM]`;
/// - with `PersonNames`, capitalised first names and surnames of the bundled lists ("Nadia Haddad",
///   "demandez à Sophie"), with the unlisted capitalised words beside them ("Jean-Marc Vigouroux");
///   a name that is also a common word ("Rose", "Pierre") needs more evidence: a second name,
///   a civility, or a capital inside a sentence when the word is rare;
/// - addresses: a number before a street word ("12 rue des Lilas" up to the next punctuation),
///   and flat designations ("appt 42", "appartement 3B", "porte 12", "bât. C", "bâtiment B",
///   "logement n° 7", "3e étage") → `[ADRESSE]`.
///
/// The stored text is the redacted text; offsets of every later stage refer to it.
public struct Redactor {
    public static let stageName = "redact"
    public static let stageVersion = "2"

    /// What was masked.
    public enum Kind: String, Sendable, CaseIterable {
        case phone = "TÉLÉPHONE", email = "EMAIL", url = "URL", name = "NOM", address = "ADRESSE", iban = "IBAN",
             socialSecurity = "NIR"
        public var placeholder: String { "[\(rawValue)]" }
        /// The name used in options and settings: phone, email, url, name, address, iban, nir.
        public var optionName: String {
            switch self {
            case .phone: "phone"
            case .email: "email"
            case .url: "url"
            case .name: "name"
            case .address: "address"
            case .iban: "iban"
            case .socialSecurity: "nir"
            }
        }
    }

    /// Which part of an address a rule found.
    public enum AddressPart: String, Sendable, CaseIterable {
        /// "12 rue des Lilas, 33600 Pessac"
        case street
        /// "résidence Les Peupliers", "bâtiment Lilas"
        case building
        /// "appt 42", "porte 12", "bât. C", "escalier 3B", "cave 4"
        case flat
        /// "3e étage", "au 4e"
        case floor
    }

    /// What counts: the kinds to mask and, for addresses, the parts.
    public struct Settings: Sendable, Equatable {
        public var kinds: Set<Kind>
        public var addressParts: Set<AddressPart>
        /// Everything (the default of `verbatim run`).
        public static let all = Settings(kinds: Set(Kind.allCases), addressParts: Set(AddressPart.allCases))

        public init(kinds: Set<Kind>, addressParts: Set<AddressPart>) {
            self.kinds = kinds
            self.addressParts = addressParts
        }
    }

    /// A redacted text and how many items of each kind were masked.
    public struct Result: Sendable, Equatable {
        public var text: String
        public var counts: [Kind: Int]
        public var total: Int { counts.values.reduce(0, +) }
        /// The masked byte ranges of the original text, in order, with their kinds.
        public var spans: [Span]
    }

    /// One masked range of the original text (UTF-8 bytes).
    public struct Span: Sendable, Equatable {
        public var utf8Start: Int
        public var utf8End: Int
        public var kind: Kind
    }

    static let civilities: Set<String> = ["m", "m.", "mr", "mr.", "mme", "mme.", "mlle", "mlle.", "monsieur", "madame",
                                          "mademoiselle", "dr", "dr.", "docteur", "me", "maître"]
    static let roles: Set<String> = ["gardien", "gardienne", "concierge", "agent", "agente", "technicien", "technicienne",
                                     "voisin", "voisine", "conseiller", "conseillère", "chargé", "chargée", "responsable",
                                     "collègue", "collegue", "directeur", "directrice", "fils", "fille", "famille"]
    static let streets: Set<String> = ["rue", "avenue", "av", "av.", "bd", "boulevard", "allée", "allee", "impasse", "place",
                                       "chemin", "cours", "quai", "route", "résidence", "residence", "square", "cité", "cite"]
    static let flats: Set<String> = ["appt", "appt.", "apt", "apt.", "appart", "appartement", "porte", "bât", "bât.", "bat",
                                     "bat.", "bâtiment", "batiment", "logement", "escalier", "esc", "esc.", "étage", "etage",
                                     "sous-sol", "cave", "box"]
    /// Words before the name of a building or an estate ("résidence Les Peupliers", "bâtiment Lilas").
    static let buildings: Set<String> = ["résidence", "residence", "bâtiment", "batiment", "bât", "bât.", "bat", "bat.",
                                         "immeuble", "cité", "cite", "hameau", "lotissement", "villa"]
    /// Words that follow an ordinal without it being a floor ("la 2e fois", "le 3e âge").
    static let ordinalNouns: Set<String> = ["âge", "age", "fois", "mois", "semaine", "jour", "année", "annee", "an", "ans",
                                            "trimestre", "rang", "arrondissement", "relance", "appel", "courrier", "demande",
                                            "lettre", "enfant", "place", "étape", "etape", "classe", "degré", "degre",
                                            "personne", "plainte", "réclamation", "reclamation", "rappel", "tentative",
                                            "passage", "visite", "intervention", "réunion", "reunion", "dose", "adjoint"]
    /// Words after which a listed name names a place, a street or a school, not a person
    /// ("rue Victor Hugo", "collège Jean Moulin", "quartier Saint-Michel").
    static let notPersonAfter: Set<String> = ["rue", "avenue", "av", "av.", "bd", "boulevard", "allée", "allee", "impasse",
                                              "place", "chemin", "cours", "quai", "route", "square", "cité", "cite",
                                              "résidence", "residence", "collège", "college", "lycée", "lycee", "école",
                                              "ecole", "stade", "parc", "centre", "salle", "gymnase", "médiathèque",
                                              "mediatheque", "quartier", "station", "arrêt", "arret", "pont", "saint",
                                              "sainte", "st", "ste", "église", "eglise", "hôpital", "hopital", "clinique",
                                              "société", "societe", "entreprise", "ets", "établissements", "etablissements",
                                              "magasin", "boutique", "restaurant", "pharmacie", "boulangerie", "garage"]
    /// Nouns of eponyms ("syndrome de Diogène", "maladie d'Alzheimer").
    static let eponymNouns: Set<String> = ["syndrome", "maladie", "loi", "plan", "théorème", "effet", "prix"]
    /// Punctuation that may stand between a sentence end and the next word ("« Kevin", "(Nadia").
    static let openers: Set<String> = ["\"", "«", "»", "(", "-", "–", "—", "'", "“", "”", "*"]
    /// Punctuation after which a capital says nothing about a name.
    static let sentenceEnds: Set<String> = [".", "!", "?", "…", ":", "...", ";"]
    /// Civilities that cannot be another word ("me" is also a pronoun, "m" an elided one).
    static let strongCivilities: Set<String> = ["m.", "mr", "mr.", "mme", "mme.", "mlle", "mlle.", "monsieur", "madame",
                                                "mademoiselle", "dr", "dr.", "docteur"]
    /// Two-word names of companies, services and places that are made of listed names.
    static let notPersons: Set<String> = ["leroy merlin", "pôle emploi", "france travail", "la poste", "jean jaurès",
                                          "victor hugo", "charles de", "saint jean", "notre dame"]
    /// Months and holidays that are also listed names ("depuis Noël", "en Mai"): masked only beside
    /// another name or after a civility or role.
    static let calendarWords: Set<String> = ["noël", "noel", "pâques", "paques", "toussaint", "janvier", "février", "mars",
                                             "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                                             "novembre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
                                             "samedi", "dimanche"]
    /// Words after which a sentence-initial listed name is a common noun ("Pierre de taille",
    /// "Rose pâle"), not a person.
    static let nounComplements: Set<String> = ["de", "d'", "du", "des", "en", "pâle", "pale", "clair", "foncé", "fonce"]
    /// Prepositions before a place ("à Florence", "vers Lourdes").
    static let placePrepositions: Set<String> = ["à", "a", "de", "d'", "vers", "sur", "en", "près", "pres", "depuis", "pour"]
    /// Particles inside compound surnames ("Le Goff", "Da Silva", "Ben Salah").
    static let nameParticles: Set<String> = ["le", "la", "de", "du", "da", "dos", "das", "di", "del", "della", "ben", "el",
                                             "van", "von", "ait", "aït"]
    /// Above this Lexique frequency, a listed name that is also a word ("Pierre", "Rose", "Blanc")
    /// is masked only beside another name or after a civility or role.
    static let frequentWord = 5_000
    /// Below this, a listed name at a sentence start is masked alone ("Martin est passé").
    static let rareWord = 100

    /// Abbreviations whose dot does not end a sentence, lowercased UTF-8.
    static let abbreviations: Set<[UInt8]> = Set(["m.", "mr.", "mme.", "mlle.", "dr.", "me.", "bât.", "bat.", "esc.", "apt.",
                                                  "appt.", "av.", "bd."].map { Array($0.utf8) })
    /// Civilities and roles as lowercase UTF-8, for the precheck of lowercase names ("mme dupont").
    static let introducerBytes: Set<[UInt8]> = Set((civilities.union(roles)).map { Array($0.utf8) })

    private let analyzer: TextAnalyzer
    /// The first-name and surname lists; nil masks names only after civilities and roles.
    public let names: PersonNames?

    /// `analyzer` only tokenizes here (a lemmatizer is not needed).
    /// What counts (default: everything).
    public let settings: Settings

    public init(analyzer: TextAnalyzer, names: PersonNames? = nil, settings: Settings = .all) {
        self.analyzer = analyzer
        self.names = names
        self.settings = settings
    }

    /// Whether a URL goes beyond its site: a path other than "/", a query or a fragment.
    static func hasPath(_ url: String) -> Bool {
        var rest = Substring(url)
        if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) else { return false }
        return rest[slash...].contains { $0 != "/" }
    }

    /// Whether `text` may hold something to mask: a cheap byte test that skips most answers.
    ///
    /// Digits, @ and / (phones, numbers, addresses, e-mails, URLs); a capital inside a sentence
    /// (a name: "Mme Martin", "le gardien Kevin"); with `names`, a capitalised listed name at a
    /// sentence start ("Kevin passe tous les jours") or a listed name after a civility or role
    /// ("mme dupont").
    public static func mayContainPersonalData(_ text: String, names: PersonNames? = nil) -> Bool {
        var previous: UInt8 = 0x2E, beforeSpace: UInt8 = 0x2E
        var abbreviation = false   // the word before the space is "M.", "Dr.", "bât."… (not a sentence end)
        var word: [UInt8] = []     // the current word, lowercased (ASCII and Latin-1 capitals)
        var capitalizedAtStart = false
        var afterIntroducer = false
        func endOfWord() -> Bool {
            guard let names, !word.isEmpty else { return false }
            var key = word
            while let last = key.last, last == 0x2C || last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A { key.removeLast() }
            return (capitalizedAtStart || afterIntroducer) && names.contains(bytes: key)
        }
        for b in text.utf8 {
            if (b >= 0x30 && b <= 0x39) || b == 0x40 || b == 0x2F { return true }
            let capital = (b >= 0x41 && b <= 0x5A) || (previous == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97)
            if capital && (previous == 0x20 || previous == 0xC3) && word.count <= 1 && !(previous == 0xC3 && word.count != 1)
                && (abbreviation || (beforeSpace != 0x2E && beforeSpace != 0x21 && beforeSpace != 0x3F && beforeSpace != 0x0A)) {
                return true
            }
            if b == 0x20 || b == 0x0A || b == 0x09 {
                if endOfWord() { return true }
                beforeSpace = previous
                abbreviation = previous == 0x2E && Self.abbreviations.contains(word)
                afterIntroducer = Self.introducerBytes.contains(word)
                word.removeAll(keepingCapacity: true)
                capitalizedAtStart = false
            } else if word.count < 24 && !(word.isEmpty && (b == 0x28 || b == 0x22 || b == 0x27)) {
                if word.isEmpty || (word.count == 1 && word[0] == 0xC3) { capitalizedAtStart = capital }
                word.append(capital ? b | 0x20 : b)   // lowercase; "(M." counts as "m."
            }
            previous = b
        }
        return endOfWord()
    }

    /// The text with personal data replaced by placeholders.
    public func redact(_ text: String) -> Result {
        guard Self.mayContainPersonalData(text, names: names) else { return Result(text: text, counts: [:], spans: []) }
        let numbers = PersonalNumbers.spans(in: text)
        let analyzed = analyzer.analyze(text)
        var scan = TokenScan(tokens: analyzed.tokens, names: names, numberSpans: numbers, addressParts: settings.addressParts)
        var spans = (numbers + scan.spans()).filter { settings.kinds.contains($0.kind) }
        guard !spans.isEmpty else { return Result(text: text, counts: [:], spans: []) }
        spans.sort { ($0.utf8Start, $0.utf8End) < ($1.utf8Start, $1.utf8End) }
        // Overlapping spans (rules meeting on the same words) become one, of the first one's kind.
        var merged: [Span] = []
        for span in spans {
            if let last = merged.last, span.utf8Start < last.utf8End {
                merged[merged.count - 1].utf8End = max(last.utf8End, span.utf8End)
            } else {
                merged.append(span)
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        var counts: [Kind: Int] = [:]
        var copied = 0
        let utf8 = Array(text.utf8)
        for span in merged {
            bytes.append(contentsOf: utf8[copied..<span.utf8Start])
            bytes.append(contentsOf: span.kind.placeholder.utf8)
            counts[span.kind, default: 0] += 1
            copied = span.utf8End
        }
        bytes.append(contentsOf: utf8[copied...])
        return Result(text: String(decoding: bytes, as: UTF8.self), counts: counts, spans: merged)
    }
}

/// The token rules of `Redactor`: civilities and roles, listed names, addresses.
struct TokenScan {
    let tokens: [Token]
    let names: PersonNames?
    /// Spans already found on bytes (IBAN, NIR): tokens inside them are skipped.
    let numberSpans: [Redactor.Span]
    var found: [Redactor.Span] = []

    /// Tokens inside those spans: no rule reads through them.
    let insideNumber: [Bool]

    /// The address parts to mask (the others are recognised and left as they are).
    let addressParts: Set<Redactor.AddressPart>

    init(tokens: [Token], names: PersonNames?, numberSpans: [Redactor.Span], addressParts: Set<Redactor.AddressPart>) {
        self.tokens = tokens
        self.addressParts = addressParts
        self.names = names
        self.numberSpans = numberSpans
        var inside = [Bool](repeating: false, count: tokens.count)
        var s = 0
        for (k, t) in tokens.enumerated() where !numberSpans.isEmpty {
            while s < numberSpans.count && numberSpans[s].utf8End <= t.utf8Start { s += 1 }
            inside[k] = s < numberSpans.count && numberSpans[s].utf8Start < t.utf8End
        }
        insideNumber = inside
    }

    typealias R = Redactor

    func norm(_ k: Int) -> String { tokens[k].norm }

    func isCapitalized(_ k: Int) -> Bool {
        !insideNumber[k] && tokens[k].kind == .word && (tokens[k].flags.contains(.capitalized) || tokens[k].flags.contains(.allCaps))
    }

    /// "B", "C2", "3B": a building or staircase letter, not a word like "On" or "DU".
    func isBuildingLetter(_ k: Int) -> Bool {
        let w = tokens[k]
        guard w.kind == .word || w.kind == .number, w.norm.count <= 3 else { return false }
        if w.norm.count == 1 { return isCapitalized(k) }
        return w.norm.contains(where: \.isNumber) && w.norm.contains(where: \.isLetter)
    }

    /// Whether token `k` starts a sentence, a line or a list item (its capital says nothing).
    func startsSentence(_ k: Int) -> Bool {
        var j = k - 1
        while j >= 0 && tokens[j].kind == .punct && R.openers.contains(tokens[j].norm) { j -= 1 }
        guard j >= 0 else { return true }
        if tokens[j].excerptIndex != tokens[k].excerptIndex { return true }
        return tokens[j].kind == .punct && R.sentenceEnds.contains(tokens[j].norm)
    }

    /// A capitalised word that may belong to a name: listed, or unknown to the lexicons as a
    /// common word ("Vigouroux"); never a single letter, an elision or a civility.
    func isNamePart(_ k: Int) -> Bool {
        guard k >= 0, k < tokens.count, isCapitalized(k), !tokens[k].flags.contains(.elided),
              tokens[k].norm.count > 1, !R.civilities.contains(norm(k)), let names else { return false }
        return names.entry(norm(k)) != nil || names.commonFrequency(of: norm(k)) < R.rareWord
    }

    /// Whether token `k` is a listed name followed by more of the name or preceded by a listed name.
    func isListedName(_ k: Int) -> Bool {
        k >= 0 && k < tokens.count && tokens[k].kind == .word && names?.entry(norm(k)) != nil && isCapitalized(k)
    }

    /// The end (exclusive) of a name that starts at `k`: capitalised name parts and particles
    /// followed by one ("Nadia Da Silva").
    func nameEnd(from k: Int) -> Int {
        var end = k + 1
        while end < tokens.count {
            if isNamePart(end) { end += 1; continue }
            if R.nameParticles.contains(norm(end)), end + 1 < tokens.count, isNamePart(end + 1) { end += 2; continue }
            break
        }
        return end
    }

    /// A listed name at `i` without a civility: the range of the whole name, when the evidence holds.
    func listedName(at i: Int) -> Range<Int>? {
        guard let names, tokens[i].kind == .word, let entry = names.entry(norm(i)), tokens[i].norm.count > 1,
              tokens[i].flags.contains(.allCaps) ? isolatedCapitals(i) : tokens[i].flags.contains(.capitalized) else { return nil }
        var start = i
        while start > 0 && !startsSentence(start) && isNamePart(start - 1) { start -= 1 }
        let end = nameEnd(from: i)
        // "rue Victor Hugo", "collège Jean Moulin", "Leroy Merlin": a place or a company.
        if start > 0 && R.notPersonAfter.contains(norm(start - 1)) { return nil }
        // Eponyms: "syndrome de Diogène", "maladie de Parkinson".
        if start > 1 && norm(start - 1) == "de" && R.eponymNouns.contains(norm(start - 2)) { return nil }
        if end - start >= 2 && R.notPersons.contains(norm(start) + " " + norm(start + 1)) { return nil }
        // Two name parts, one of them not a frequent word: "Pierre Lambert", "Rose Bernard".
        if end - start >= 2 && (start..<end).contains(where: { names.entry(norm($0)).map { $0.commonFrequency < R.frequentWord } ?? true }) {
            return start..<end
        }
        if entry.isPlace && i > 0 && R.placePrepositions.contains(norm(i - 1)) { return nil }
        if R.calendarWords.contains(norm(i)) { return nil }
        // "Picard Nettoyage", "Meunier Bâtiment": a company named after its founder.
        if end < tokens.count && tokens[end].flags.contains(.capitalized) && !tokens[end].flags.contains(.allCaps)
            && names.commonFrequency(of: norm(end)) >= R.rareWord {
            return nil
        }
        if startsSentence(i) {
            // A common noun at a sentence start usually has its determiner: "Pierre de taille" is
            // a stone, "Thomas est venu", "Virginie à l'accueil" are people.
            let followed = end < tokens.count && !R.nounComplements.contains(norm(end))
            let rare = entry.commonFrequency < R.rareWord && !entry.isPlace
            return rare || (followed && entry.commonFrequency < R.frequentWord) ? start..<end : nil
        }
        return entry.commonFrequency < R.frequentWord ? start..<end : nil
    }

    /// An all-capitals word amid ordinary text ("j'ai vu DURAND"), not in a shouted sentence.
    func isolatedCapitals(_ k: Int) -> Bool {
        let before = k > 0 && tokens[k - 1].kind == .word && tokens[k - 1].flags.contains(.allCaps)
        let after = k + 1 < tokens.count && tokens[k + 1].kind == .word && tokens[k + 1].flags.contains(.allCaps)
        return !before && !after
    }

    mutating func spans() -> [Redactor.Span] {
        var i = 0
        func add(_ from: Int, _ to: Int, _ kind: R.Kind) { found.append(R.Span(utf8Start: from, utf8End: to, kind: kind)) }
        func addAddress(_ from: Int, _ to: Int, _ part: R.AddressPart) {
            if addressParts.contains(part) { add(from, to, .address) }
        }
        while i < tokens.count {
            let t = tokens[i]
            // Inside an IBAN or NIR already masked.
            if insideNumber[i] { i += 1; continue }
            switch t.kind {
            case .phone: add(t.utf8Start, t.utf8End, .phone); i += 1; continue
            case .email: add(t.utf8Start, t.utf8End, .email); i += 1; continue
            case .url:
                // "www.service-public.fr" names a site; "https://x.org/compte/durand.j" may name a person.
                if R.hasPath(t.norm) { add(t.utf8Start, t.utf8End, .url) }
                i += 1
                continue
            default: break
            }
            let n = norm(i)
            // Civility or role, then capitalized words (or lowercase listed names): the person's name.
            if t.kind == .word && (R.civilities.contains(n) || R.roles.contains(n)), i + 1 < tokens.count {
                var k = i + 1
                let isCivility = R.civilities.contains(n)
                // "M . Durand" written with a detached dot; never after a role ("le gardien. C'est…").
                if isCivility && tokens[k].kind == .punct && tokens[k].norm == "." && tokens[k].utf8Start == t.utf8End {
                    k += 1
                }
                let start = k
                while k < tokens.count && isCapitalized(k) && !tokens[k].flags.contains(.elided) && !R.civilities.contains(norm(k))
                    && !(k > start && R.roles.contains(norm(k))) {
                    k += 1
                }
                // Lowercase listed names: "mme dupont", "le gardien kevin" (not after "me", "m": "je me marie").
                if k == start, let names, !(isCivility && !R.strongCivilities.contains(n)) {
                    while k < tokens.count, tokens[k].kind == .word, let e = names.entry(norm(k)),
                          isCivility || e.commonFrequency < R.rareWord {
                        k += 1
                    }
                }
                // "Mme Martin", not "Monsieur le directeur"; a lone civility capital like "M." is not a name.
                if k > start && !(R.roles.contains(n) && k - start > 2) {
                    let end = names == nil ? k : max(k, nameEnd(from: k - 1))
                    add(tokens[start].utf8Start, tokens[end - 1].utf8End, .name)
                    i = end
                    continue
                }
            }
            if let range = listedName(at: i) {
                add(tokens[range.lowerBound].utf8Start, tokens[range.upperBound - 1].utf8End, .name)
                i = range.upperBound
                continue
            }
            // Number + street word: the address runs to the next punctuation, then a postcode and
            // its town ("12 rue des Lilas, 33600 Pessac").
            if t.kind == .number, i + 1 < tokens.count, R.streets.contains(norm(i + 1)) {
                var k = i + 2
                while k < tokens.count && tokens[k].kind != .punct && !insideNumber[k] { k += 1 }
                var end = k
                var p = k < tokens.count && tokens[k].norm == "," ? k + 1 : k
                if p < tokens.count && tokens[p].kind == .number && tokens[p].norm.utf8.count == 5 {
                    p += 1
                    while p < tokens.count && (isCapitalized(p) || (tokens[p].norm == "-" && p + 1 < tokens.count && isCapitalized(p + 1))) { p += 1 }
                    end = p
                }
                addAddress(t.utf8Start, tokens[end - 1].utf8End, .street)
                i = end
                continue
            }
            // The name of a building or an estate: "résidence Les Peupliers", "bâtiment Lilas".
            if t.kind == .word && R.buildings.contains(n) {
                var k = i + 1
                if k < tokens.count && tokens[k].norm == "." && tokens[k].utf8Start == t.utf8End { k += 1 }
                let start = k
                while k < tokens.count && isCapitalized(k) && !R.civilities.contains(norm(k)) && tokens[k].norm.count > 1 { k += 1 }
                if k > start {
                    addAddress(t.utf8Start, tokens[k - 1].utf8End, .building)
                    i = k
                    continue
                }
            }
            // A floor on its own: "au 4e", "Mme Martin du 2e", "quitter le 9e".
            if t.kind == .number && t.flags.contains(.ordinal), i > 0, ["au", "du", "le"].contains(norm(i - 1)),
               i + 1 == tokens.count || !(tokens[i + 1].kind == .word && (R.flats.contains(norm(i + 1)) || R.ordinalNouns.contains(norm(i + 1))
                                                                || R.calendarWords.contains(norm(i + 1)))) {
                addAddress(t.utf8Start, t.utf8End, .floor)
                i += 1
                continue
            }
            // Flat designation + number or letter ("appt 42", "bât. C", "porte 12", "logement n° 7").
            if t.kind == .word && R.flats.contains(n) {
                var k = i + 1
                // "bât." (a dot glued to the word), "n°", "no": not a sentence end.
                if k < tokens.count && tokens[k].norm == "." && tokens[k].utf8Start == t.utf8End { k += 1 }
                while k < tokens.count && (tokens[k].norm == "n°" || tokens[k].norm == "no" || tokens[k].norm == "n") { k += 1 }
                // A letter after "logement" is a type ("logement T4"), not an address.
                if k < tokens.count, tokens[k].kind == .number || (n != "logement" && isBuildingLetter(k)) {
                    addAddress(t.utf8Start, tokens[k].utf8End, .flat)
                    i = k + 1
                    continue
                }
            }
            // An ordinal floor or building number before a flat word ("3e étage", "2ème bâtiment").
            if t.kind == .number && t.flags.contains(.ordinal), i + 1 < tokens.count, R.flats.contains(norm(i + 1)) {
                var end = i + 1
                // "3e bâtiment B", "2e étage porte 12"
                if end + 1 < tokens.count, tokens[end + 1].kind == .number || isBuildingLetter(end + 1) {
                    end += 1
                }
                addAddress(t.utf8Start, tokens[end].utf8End, .floor)
                i = end + 1
                continue
            }
            i += 1
        }
        return found
    }
}
