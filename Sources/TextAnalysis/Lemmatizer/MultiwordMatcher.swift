import FrenchText

/// A multiword unit found in a token sequence (§7): tokens `range` form `unit` ("aide_au_logement").
public struct MultiwordUnit: Sendable, Equatable {
    public var range: Range<Int>
    public var unit: String
    public init(range: Range<Int>, unit: String) { self.range = range; self.unit = unit }
}

/// §7: greedy, longest-first (up to 6 tokens) matching of multiword expressions on lookup keys,
/// then on accent-folded keys. Words inside a unit keep their own lemmas.
public struct MultiwordMatcher: Sendable {
    public static let maxLength = 6
    private let exact: [[String]: String]
    private let folded: [[String]: String]

    public init(lexicon: FrenchLexicon) {
        exact = lexicon.multiwords
        var f: [[String]: String] = [:]
        // As in the reference implementation: expressions in sorted order, a later one overwrites
        // an earlier one with the same folded tokens.
        let sorted = lexicon.multiwords.sorted { a, b in
            a.key.lexicographicallyPrecedes(b.key) { lemmaPrecedes($0, $1) }
        }
        for (k, u) in sorted { f[k.map(LexicalKeys.fold)] = u }
        folded = f
    }

    /// The units in `forms` (surface forms), left to right, non-overlapping.
    public func units(forms: [String]) -> [MultiwordUnit] {
        units(keys: forms.map(LexicalKeys.key))
    }

    /// The units in a sequence of lookup keys (`Token.norm`).
    public func units(keys: [String]) -> [MultiwordUnit] {
        var out: [MultiwordUnit] = []
        var i = 0
        while i < keys.count {
            var hit: MultiwordUnit?
            var n = min(Self.maxLength, keys.count - i)
            while n >= 2 {
                let t = Array(keys[i..<(i + n)])
                if let u = exact[t] ?? folded[t.map(LexicalKeys.fold)] {
                    hit = MultiwordUnit(range: i..<(i + n), unit: u)
                    break
                }
                n -= 1
            }
            if let hit { out.append(hit); i = hit.range.upperBound } else { i += 1 }
        }
        return out
    }
}
