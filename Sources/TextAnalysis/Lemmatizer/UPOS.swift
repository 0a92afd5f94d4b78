/// The 17 Universal Dependencies part-of-speech tags. Raw values are the interned tag ids of the
/// tagger, in alphabetical order of the names (0 is the sentence boundary `<S>`).
public enum UPOS: UInt8, Sendable, CaseIterable, Hashable, Comparable {
    case adj = 1, adp, adv, aux, cconj, det, intj, noun, num, part, pron, propn, punct, sconj, sym, verb, x

    /// The UD name: `NOUN`, `VERB`, …
    public var name: String { Self.names[Int(rawValue)] }

    /// Parses a UD name (`"NOUN"`); nil for anything else.
    public init?(name: String) {
        guard let i = Self.names.firstIndex(of: name), i > 0 else { return nil }
        self.init(rawValue: UInt8(i))
    }

    public static func < (a: UPOS, b: UPOS) -> Bool { a.rawValue < b.rawValue }

    /// Names by tag id; index 0 is `<S>`.
    static let names = ["<S>", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                        "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"]
    /// Tag ids 0...17 (`<S>` and the 17 tags).
    static let tagCount = 18

    /// Closed-class tags whose lexicon readings yield to the closed-class table (§3.3).
    static func isClosedClass(_ id: UInt8) -> Bool {
        switch UPOS(rawValue: id) {
        case .det?, .pron?, .adp?, .sconj?, .cconj?, .aux?: return true
        default: return false
        }
    }
}
