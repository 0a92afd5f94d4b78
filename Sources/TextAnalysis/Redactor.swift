/// Masks personal data in an answer before it is stored (DESIGN.md: redact before analyze).
/// Not thread-safe (it holds an analyzer): one per worker.
///
/// Works on the tokenizer's tokens of the original text, so spans are exact:
/// - phones, e-mails and URLs (token kinds) → `[TÉLÉPHONE]`, `[EMAIL]`, `[URL]`;
/// - a person after a civility or a role ("M. Durand", "Mme Martin", "Monsieur Le Goff",
///   "le gardien Kevin", "Dr Petit") → `[NOM]`: the capitalized words that follow;
/// - addresses: a number before a street word ("12 rue des Lilas" up to the next punctuation),
///   and flat designations ("appt 42", "appartement 3B", "porte 12", "bât. C", "bâtiment B",
///   "logement n° 7") → `[ADRESSE]`.
/// Person names without a civility or role are not found yet (no first-name list).
///
/// The stored text is the redacted text; offsets of every later stage refer to it.
public struct Redactor {
    public static let stageName = "redact"
    public static let stageVersion = "1"

    /// What was masked.
    public enum Kind: String, Sendable, CaseIterable {
        case phone = "TÉLÉPHONE", email = "EMAIL", url = "URL", name = "NOM", address = "ADRESSE"
        public var placeholder: String { "[\(rawValue)]" }
    }

    /// A redacted text and how many items of each kind were masked.
    public struct Result: Sendable, Equatable {
        public var text: String
        public var counts: [Kind: Int]
        public var total: Int { counts.values.reduce(0, +) }
    }

    static let civilities: Set<String> = ["m", "m.", "mr", "mr.", "mme", "mme.", "mlle", "mlle.", "monsieur", "madame",
                                          "mademoiselle", "dr", "dr.", "docteur", "me", "maître"]
    static let roles: Set<String> = ["gardien", "gardienne", "concierge", "agent", "agente", "technicien", "technicienne",
                                     "voisin", "voisine", "conseiller", "conseillère", "chargé", "chargée", "responsable"]
    static let streets: Set<String> = ["rue", "avenue", "av", "av.", "bd", "boulevard", "allée", "allee", "impasse", "place",
                                       "chemin", "cours", "quai", "route", "résidence", "residence", "square", "cité", "cite"]
    static let flats: Set<String> = ["appt", "appt.", "apt", "apt.", "appart", "appartement", "porte", "bât", "bât.", "bat",
                                     "bat.", "bâtiment", "batiment", "logement", "escalier", "esc", "esc.", "étage", "etage"]

    /// Abbreviations whose dot does not end a sentence, lowercased UTF-8.
    static let abbreviations: Set<[UInt8]> = Set(["m.", "mr.", "mme.", "mlle.", "dr.", "me.", "bât.", "bat.", "esc.", "apt.",
                                                  "appt.", "av.", "bd."].map { Array($0.utf8) })

    private let analyzer: TextAnalyzer

    /// `analyzer` only tokenizes here (a lemmatizer is not needed).
    public init(analyzer: TextAnalyzer) { self.analyzer = analyzer }

    /// Whether `text` may hold something to mask (a cheap byte test that skips most answers).
    public static func mayContainPersonalData(_ text: String) -> Bool {
        // Digits, @ and / (phones, addresses, e-mails, URLs), or a capital inside a sentence (a
        // name: "Mme Martin", "le gardien Kevin"); a capital that starts a sentence says nothing.
        var previous: UInt8 = 0x2E, beforeSpace: UInt8 = 0x2E
        var abbreviation = false   // the word before the space is "M.", "Dr.", "bât."… (not a sentence end)
        var word: [UInt8] = []
        for b in text.utf8 {
            if (b >= 0x30 && b <= 0x39) || b == 0x40 || b == 0x2F { return true }
            if b >= 0x41 && b <= 0x5A && previous == 0x20
                && (abbreviation || (beforeSpace != 0x2E && beforeSpace != 0x21 && beforeSpace != 0x3F && beforeSpace != 0x0A)) {
                return true
            }
            if b == 0x20 {
                beforeSpace = previous
                abbreviation = previous == 0x2E && Self.abbreviations.contains(word)
                word.removeAll(keepingCapacity: true)
            } else if word.count < 8 && !(word.isEmpty && (b == 0x28 || b == 0x22 || b == 0x27)) {
                word.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)   // ASCII lowercase; "(M." counts as "m."
            }
            previous = b
        }
        return false
    }

    /// The text with personal data replaced by placeholders.
    public func redact(_ text: String) -> Result {
        guard Self.mayContainPersonalData(text) else { return Result(text: text, counts: [:]) }
        let analyzed = analyzer.analyze(text)
        let tokens = analyzed.tokens
        var spans: [(range: Range<Int>, kind: Kind)] = []
        var i = 0
        func norm(_ k: Int) -> String { tokens[k].norm }
        /// "B", "C2", "3B": a building or staircase letter, not a word like "On" or "DU".
        func isBuildingLetter(_ k: Int) -> Bool {
            let w = tokens[k]
            guard w.kind == .word || w.kind == .number, w.norm.count <= 3 else { return false }
            if w.norm.count == 1 { return isCapitalized(k) }
            return w.norm.contains(where: \.isNumber) && w.norm.contains(where: \.isLetter)
        }
        func isCapitalized(_ k: Int) -> Bool {
            tokens[k].kind == .word && (tokens[k].flags.contains(.capitalized) || tokens[k].flags.contains(.allCaps))
        }
        while i < tokens.count {
            let t = tokens[i]
            switch t.kind {
            case .phone: spans.append((t.utf8Range, .phone)); i += 1; continue
            case .email: spans.append((t.utf8Range, .email)); i += 1; continue
            case .url: spans.append((t.utf8Range, .url)); i += 1; continue
            default: break
            }
            let n = norm(i)
            // Civility or role, then capitalized words: the person's name.
            if t.kind == .word && (Self.civilities.contains(n) || Self.roles.contains(n)), i + 1 < tokens.count {
                var k = i + 1
                // "M . Durand" written with a detached dot; never after a role ("le gardien. C'est…").
                if Self.civilities.contains(n) && tokens[k].kind == .punct && tokens[k].norm == "." && tokens[k].utf8Start == t.utf8End {
                    k += 1
                }
                let start = k
                while k < tokens.count && isCapitalized(k) && !tokens[k].flags.contains(.elided) && !Self.civilities.contains(norm(k)) {
                    k += 1
                }
                // "Mme Martin", not "Monsieur le directeur"; a lone civility capital like "M." is not a name.
                if k > start && !(Self.roles.contains(n) && k - start > 2) {
                    spans.append((tokens[start].utf8Start..<tokens[k - 1].utf8End, .name))
                    i = k
                    continue
                }
            }
            // Number + street word: the address runs to the next punctuation.
            if t.kind == .number, i + 1 < tokens.count, Self.streets.contains(norm(i + 1)) {
                var k = i + 2
                while k < tokens.count && tokens[k].kind != .punct { k += 1 }
                spans.append((t.utf8Start..<tokens[k - 1].utf8End, .address))
                i = k
                continue
            }
            // Flat designation + number or letter ("appt 42", "bât. C", "porte 12", "logement n° 7").
            if t.kind == .word && Self.flats.contains(n) {
                var k = i + 1
                // "bât." (a dot glued to the word), "n°", "no": not a sentence end.
                if k < tokens.count && tokens[k].norm == "." && tokens[k].utf8Start == t.utf8End { k += 1 }
                while k < tokens.count && (tokens[k].norm == "n°" || tokens[k].norm == "no" || tokens[k].norm == "n") { k += 1 }
                // A letter after "logement" is a type ("logement T4"), not an address.
                if k < tokens.count, tokens[k].kind == .number || (n != "logement" && isBuildingLetter(k)) {
                    spans.append((t.utf8Start..<tokens[k].utf8End, .address))
                    i = k + 1
                    continue
                }
            }
            // An ordinal floor or building number before a flat word ("3e étage", "2ème bâtiment").
            if t.kind == .number && t.flags.contains(.ordinal), i + 1 < tokens.count, Self.flats.contains(norm(i + 1)) {
                var end = i + 1
                // "3e bâtiment B", "2e étage porte 12"
                if end + 1 < tokens.count, tokens[end + 1].kind == .number || isBuildingLetter(end + 1) {
                    end += 1
                }
                spans.append((t.utf8Start..<tokens[end].utf8End, .address))
                i = end + 1
                continue
            }
            i += 1
        }
        guard !spans.isEmpty else { return Result(text: text, counts: [:]) }
        var bytes = Array(text.utf8)
        var counts: [Kind: Int] = [:]
        for span in spans.reversed() {
            bytes.replaceSubrange(span.range, with: Array(span.kind.placeholder.utf8))
            counts[span.kind, default: 0] += 1
        }
        return Result(text: String(decoding: bytes, as: UTF8.self), counts: counts)
    }
}
