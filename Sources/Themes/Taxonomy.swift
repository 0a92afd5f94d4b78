import FrenchText
import TextAnalysis

/// A theme of a taxonomy.
public struct Theme: Sendable, Equatable {
    public var id: String
    public var label: String
    public var description: String
}

/// A theme taxonomy (`lexicons/themes/habitat.fr.tsv`, format in `lexicons/themes/README.md`):
/// themes with the terms that signal them and the expressions that must not.
public struct ThemeTaxonomy: Sendable {
    public let file: String
    public private(set) var themes: [Theme] = []
    /// Theme id → index in `themes`.
    public private(set) var themeIndex: [String: Int] = [:]
    /// Terms; `termTheme[i]` and `termWeight[i]` describe `terms.phrases[i]`.
    var terms = PhraseIndex()
    var termTheme: [Int] = []
    var termWeight: [Double] = []
    var excludes = PhraseIndex()
    var excludeTheme: [Int] = []
    /// Phrases that show who writes ("en tant que gardien", "Mairie :"); `speakerRules[i]`
    /// describes `speakers.phrases[i]`.
    var speakers = PhraseIndex()
    var speakerRules: [SpeakerRule] = []
    /// Per theme: the themes whose tags become it when its speaker writes (`speaker-moves`).
    var speakerMoves: [[Int]] = []
    /// Respondent groups that tell who writes (`speaker-group` rows): accent-folded value → theme.
    var speakerGroups: [String: (theme: Int, value: String)] = [:]

    /// Loads and compiles a taxonomy file; terms are analyzed with `analyzer` (lemmatizing).
    /// - Throws: `ThemeError` naming `file:line`.
    public init(file: String, bytes: [UInt8], analyzer: TextAnalyzer) throws {
        self.file = file
        var index: [String: Int] = [:]
        var labelLine: [Int: Int] = [:]
        var moves: [(theme: Int, target: String, line: Int)] = []
        var groupLine: [String: Int] = [:]
        for row in try TermTable.read(bytes, file: file) {
            guard Self.isValidID(row.key) else {
                throw ThemeError(file: file, line: row.line, message: "theme id '\(row.key)' must be lowercase letters, digits and '-'")
            }
            let theme: Int
            if let t = index[row.key] {
                theme = t
            } else {
                guard row.type == "label" else {
                    throw ThemeError(file: file, line: row.line, message: "theme '\(row.key)' must start with its label row")
                }
                theme = themes.count
                index[row.key] = theme
                themes.append(Theme(id: row.key, label: "", description: ""))
            }
            switch row.type {
            case "label":
                if let first = labelLine[theme] {
                    throw ThemeError(file: file, line: row.line, message: "second label for '\(row.key)' (first at line \(first))")
                }
                labelLine[theme] = row.line
                themes[theme].label = row.text
            case "description":
                themes[theme].description = row.text
            case "term":
                let phrase = PhraseCompiler.compile(row.text, analyzer: analyzer)
                guard !phrase.words.isEmpty else {
                    throw ThemeError(file: file, line: row.line, message: "term '\(row.text)' has no word")
                }
                terms.add(phrase)
                termTheme.append(theme)
                termWeight.append(row.weight ?? 1)
            case "exclude":
                let phrase = PhraseCompiler.compile(row.text, analyzer: analyzer)
                guard !phrase.words.isEmpty else {
                    throw ThemeError(file: file, line: row.line, message: "exclude '\(row.text)' has no word")
                }
                excludes.add(phrase)
                excludeTheme.append(theme)
            case "speaker":
                var text = Substring(row.text)
                let atStart = text.hasPrefix("^")
                if atStart { text = text.dropFirst().drop { $0 == " " } }
                let beforeColon = text.hasSuffix(" :")
                if beforeColon { text = text.dropLast(2) }
                let phrase = PhraseCompiler.compile(String(text), analyzer: analyzer)
                guard !phrase.words.isEmpty else {
                    throw ThemeError(file: file, line: row.line, message: "speaker '\(row.text)' has no word")
                }
                speakers.add(CompiledPhrase(words: phrase.words, text: row.text))
                speakerRules.append(SpeakerRule(theme: theme, atStart: atStart, beforeColon: beforeColon))
            case "speaker-moves":
                moves.append((theme, row.text, row.line))
            case "speaker-group":
                let value = Self.groupKey(row.text)
                guard !value.isEmpty else {
                    throw ThemeError(file: file, line: row.line, message: "speaker-group has no value")
                }
                if let first = groupLine[value] {
                    throw ThemeError(file: file, line: row.line, message: "speaker-group '\(row.text)' was already given on line \(first)")
                }
                groupLine[value] = row.line
                speakerGroups[value] = (theme, row.text)
            default:
                throw ThemeError(file: file, line: row.line, message: "unknown type '\(row.type)'; expected label, description, term, "
                                 + "exclude, speaker, speaker-moves or speaker-group")
            }
        }
        guard !themes.isEmpty else { throw ThemeError(file: file, line: 0, message: "no theme") }
        themeIndex = index
        speakerMoves = Array(repeating: [], count: themes.count)
        for move in moves {
            guard let target = index[move.target] else {
                throw ThemeError(file: file, line: move.line, message: "speaker-moves names no theme of this file: '\(move.target)'")
            }
            guard target != move.theme else {
                throw ThemeError(file: file, line: move.line, message: "speaker-moves '\(move.target)' names its own theme")
            }
            speakerMoves[move.theme].append(target)
        }
    }

    /// Ids of the themes with a one-word term of this folded lemma (or form).
    public func themes(forWord word: String) -> [String] {
        var ids: [String] = []
        for (i, phrase) in terms.phrases.enumerated() where phrase.words.count == 1
            && (phrase.words[0].lemma == word || phrase.words[0].form == word) {
            let id = themes[termTheme[i]].id
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// How a respondent group's value is compared: lowercase, without accents or outer spaces
    /// ("Salarié " and "salarie" are one group).
    static func groupKey(_ value: String) -> String {
        CaseFolding.accentFolded(String(value.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()))
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}

/// Where a speaker phrase counts: anywhere, or only as the answer's first words (`^` in the
/// file), and only when a colon follows it (` :` in the file: "Gardienne : on a eu…").
struct SpeakerRule: Sendable {
    var theme: Int
    var atStart: Bool
    var beforeColon: Bool
}

/// Intents of an excerpt or answer.
public enum Intent: String, Sendable, CaseIterable {
    /// A complaint: something does not work or is not done.
    case plainte
    /// A request or suggestion: "il faudrait", "on attend".
    case attente
    /// Praise or contentment, including denied problems ("aucun souci").
    case satisfaction
    /// None of the above.
    case neutre
}

/// Intent cues and negators (`lexicons/themes/intent.fr.tsv`).
public struct IntentCues: Sendable {
    public let file: String
    var cues = PhraseIndex()
    var cueIntent: [Intent] = []
    var cueWeight: [Double] = []
    /// Folded negators that open a negation scope ("pas", "jamais", "aucun"…).
    var negators: Set<String> = []

    public init(file: String, bytes: [UInt8], analyzer: TextAnalyzer) throws {
        self.file = file
        for row in try TermTable.read(bytes, file: file) {
            guard row.type == "cue" else {
                throw ThemeError(file: file, line: row.line, message: "unknown type '\(row.type)'; expected cue")
            }
            let phrase = PhraseCompiler.compile(row.text, analyzer: analyzer)
            guard !phrase.words.isEmpty else { throw ThemeError(file: file, line: row.line, message: "cue '\(row.text)' has no word") }
            if row.key == "negation" {
                for word in phrase.words { negators.insert(word.form) }
                continue
            }
            guard let intent = Intent(rawValue: row.key), intent != .neutre else {
                throw ThemeError(file: file, line: row.line, message: "unknown intent '\(row.key)'; expected plainte, attente, satisfaction or negation")
            }
            cues.add(phrase)
            cueIntent.append(intent)
            cueWeight.append(row.weight ?? 1)
        }
    }
}
