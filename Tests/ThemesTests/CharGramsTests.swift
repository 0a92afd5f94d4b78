import Testing
@testable import TextAnalysis
@testable import Themes

/// Character 4-grams: which grams a word gives, and that tagging's keys are the keys of those grams.
@Suite struct CharGramsTests {
    static func word(_ form: String) -> MatchToken { MatchToken(form: form, lemma: form, tokenIndex: 0) }

    static func grams(_ forms: [String]) -> [String] {
        var out: [String] = []
        CharGrams.forEachGram(of: forms.map(word)) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    @Test func aWordIsPaddedAndCutIntoFourScalarWindows() {
        #expect(Self.grams(["cave"]) == [" cav", "cave", "ave "])
        #expect(Self.grams(["tour"]) == [" tou", "tour", "our "])
        #expect(Self.grams(["eau"]) == [" eau", "eau "])
        // Shorter than a window once padded: the padded word itself.
        #expect(Self.grams(["wc"]) == [" wc "])
        #expect(Self.grams(["a"]) == [" a "])
        // Windows are scalars, not bytes: "ï" is two bytes and one window position.
        #expect(Self.grams(["naïf"]) == [" naï", "naïf", "aïf "])
        // Words apart: no gram crosses two words.
        #expect(Self.grams(["la", "cave"]) == [" la ", " cav", "cave", "ave "])
    }

    @Test func namesAreTheDistinctGramsWithThePrefix() {
        #expect(CharGrams.names(of: ["cave", "cave", "wc"].map(Self.word)) == ["c: cav", "c:cave", "c:ave ", "c: wc "])
    }

    @Test func keysPackShortGramsAndHashLongOnes() {
        // Up to 8 bytes, the bytes themselves, first byte highest: " cav" is 20 63 61 76.
        #expect(CharGrams.key(" cav".utf8[...]) == 0x2063_6176)
        // Longer (four 3-byte scalars: 12 bytes): the FNV-1a hash, checked against its definition.
        let long = "€€€€"
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in long.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        #expect(CharGrams.key(long.utf8[...]) == h)
    }

    @Test(arguments: [["cave", "wc", "a", "eau"], ["naïf", "ascenseur"], ["€€€€€", "x"], ["l'ascenseur-bis"], [""]])
    func taggingKeysAreTheKeysOfTheGrams(_ forms: [String]) {
        var expected: [UInt64] = []
        CharGrams.forEachGram(of: forms.map(Self.word)) { expected.append(CharGrams.key($0)) }
        var keys: [UInt64] = []
        CharGrams.forEachGramKey(of: forms.map(Self.word)) { keys.append($0) }
        #expect(keys == expected)
    }

    @Test func theTableFindsEveryKeyAndNothingElse() {
        var entries: [UInt64: Int32] = [:]
        for i in 0..<1000 { entries[UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15] = Int32(i) }
        let table = RowTable(entries)
        #expect(table.count == 1000)
        for (key, row) in entries { #expect(table.row(key) == row) }
        #expect(table.row(3) == nil && table.row(12345) == nil)
    }
}
