/// First names and surnames the redactor masks without a civility or a role: Dicollecte's first
/// names and surnames (`lexicons/fr/person-names.tsv`, MPL-2.0) and a hand-made list of frequent
/// ones it lacks (`person-names-extra.tsv`).
///
/// Many names are also words ("Rose", "Pierre", "Blanc", "Marie" a form of *marier*): each name
/// carries the frequency of its common-word reading in Lexique, so that the redactor can ask for
/// more evidence (a second name beside it, a civility) the more common the word is.
public struct PersonNames: Sendable {
    /// What is known of one name (by its lowercase form).
    public struct Entry: Sendable, Equatable {
        /// Lexique frequency of the lowercase form as a common word (sum over its non-PROPN rows,
        /// per 100 million words); 1 when only Dicollecte or UD knows it as a common word; 0 when
        /// it is only a proper noun.
        public var commonFrequency: Int
        /// The same spelling is also a place or another proper noun in Dicollecte ("Florence").
        public var isPlace: Bool
    }

    /// Lowercase name → entry.
    let entries: [String: Entry]
    /// The same keys as UTF-8 bytes, for the byte precheck.
    let keyBytes: Set<[UInt8]>
    let lexicon: FrenchLexicon

    /// Loads both name tables of the lexicon's folder.
    /// - Throws: `LexiconError` naming the file and line of a malformed row, or a missing file.
    public init(lexicon: FrenchLexicon) throws {
        self.lexicon = lexicon
        var entries: [String: Entry] = [:]
        for file in ["person-names.tsv", "person-names-extra.tsv"] {
            let table = try SortedTable(path: lexicon.directory + "/" + file, columns: 2, checkOrder: false)
            for row in 0..<table.count {
                let fields = table.fields(row)
                let kinds = fields[1].split(separator: ",")
                guard !fields[0].isEmpty, !kinds.isEmpty, kinds.allSatisfy({ $0 == "first" || $0 == "last" || $0 == "place" }) else {
                    throw LexiconError(file: table.path, line: table.lineNumber(ofRow: row),
                                       message: "expected 'name<TAB>kinds' with kinds among first, last, place")
                }
                let key = fields[0].lowercased()
                var entry = entries[key] ?? Entry(commonFrequency: Self.commonFrequency(of: key, in: lexicon), isPlace: false)
                if kinds.contains("place") { entry.isPlace = true }
                entries[key] = entry
            }
        }
        self.entries = entries
        keyBytes = Set(entries.keys.map { Array($0.utf8) })
    }

    /// The entry of a lowercase word, when it is a listed name.
    public func entry(_ norm: String) -> Entry? { entries[norm] }

    /// Whether lowercase UTF-8 `bytes` is a listed name.
    func contains(bytes: [UInt8]) -> Bool { keyBytes.contains(bytes) }

    /// Whether the lexicons know `norm` as something else than a proper noun.
    public func isCommonWord(_ norm: String) -> Bool {
        commonFrequency(of: norm) > 0
    }

    /// Lexique frequency of `norm` as a common word (see `Entry.commonFrequency`); 0 when unknown.
    public func commonFrequency(of norm: String) -> Int {
        entries[norm]?.commonFrequency ?? Self.commonFrequency(of: norm, in: lexicon)
    }

    static func commonFrequency(of key: String, in lexicon: FrenchLexicon) -> Int {
        var total = 0
        for row in lexicon.lexique.rows(matching: key) {
            let f = lexicon.lexique.fields(row)
            if f[2] != "PROPN" { total += max(1, Int(f[3]) ?? 1) }
        }
        if total > 0 { return total }
        for table in [lexicon.dicollecte, lexicon.ud, lexicon.closedClass] {
            for row in table.rows(matching: key) where table.fields(row)[2] != "PROPN" { return 1 }
        }
        return 0
    }
}
