import Testing
import TextAnalysis
import VerbatimCore

@Suite struct RedactionBenchTests {
    @Test func markupIsRemovedAndItemsPointAtTheirSurface() throws {
        let (text, items) = try RedactionBench.parse("Mme {{NOM|Martin}} au {{TÉLÉPHONE|06 00 00 00 01}} depuis {{PIEGE|Noël}}",
                                                     path: "gold.tsv", line: 2)
        #expect(text == "Mme Martin au 06 00 00 00 01 depuis Noël")
        let bytes = Array(text.utf8)
        #expect(items.map { String(decoding: bytes[$0.utf8Range], as: UTF8.self) } == ["Martin", "06 00 00 00 01", "Noël"])
        #expect(items.map(\.kind) == ["NOM", "TÉLÉPHONE", "PIEGE"])
    }

    @Test(arguments: ["{{NOM|Martin", "{{CHAT|Minou}}", "{{NOM|{{NOM|x}}}}"])
    func badMarkupNamesTheLine(_ marked: String) {
        #expect(throws: VerbatimError.self) { try RedactionBench.parse(marked, path: "gold.tsv", line: 7) }
        do { _ = try RedactionBench.parse(marked, path: "gold.tsv", line: 7) } catch {
            #expect("\(error)".hasPrefix("gold.tsv:7: "))
        }
    }

    /// Without name lists the redactor finds "Mme Martin" and the phone, not "Kevin"; it leaves the
    /// trap alone. Counted by hand: NOM 1/2, TÉLÉPHONE 1/1, traps 0/1.
    @Test func scoreCountsMaskedItemsAndTraps() throws {
        let (t1, i1) = try RedactionBench.parse("Mme {{NOM|Martin}} au {{TÉLÉPHONE|06 00 00 00 01}}", path: "g", line: 1)
        let (t2, i2) = try RedactionBench.parse("{{NOM|Kevin}} passe, {{PIEGE|3 semaines}} de retard", path: "g", line: 2)
        let answers = [RedactionBench.GoldAnswer(id: "a", text: t1, items: i1), RedactionBench.GoldAnswer(id: "b", text: t2, items: i2)]
        let score = RedactionBench.score(answers, redactor: Redactor(analyzer: try TextAnalyzer()))
        #expect(score.perKind["NOM"] == RedactionBench.KindScore(planted: 2, masked: 1, maskedAsKind: 1))
        #expect(score.perKind["TÉLÉPHONE"] == RedactionBench.KindScore(planted: 1, masked: 1, maskedAsKind: 1))
        #expect(score.traps == 1 && score.trapsMasked == 0)
        #expect(score.masks == 2 && score.masksOutsideItems == 0)
    }

    @Test func maskAndAddressPartOptionsParseCommaLists() throws {
        let s = try RedactionOptions.settings(mask: "phone, email,NAME", addressParts: "all")
        #expect(s.kinds == [.phone, .email, .name])
        #expect(s.addressParts == Set(Redactor.AddressPart.allCases))
        #expect(RedactionOptions.kindNames(s) == ["phone", "email", "name"])
        #expect(try RedactionOptions.settings(mask: "all", addressParts: "street").addressParts == [.street])
        #expect {
            try RedactionOptions.settings(mask: "tel", addressParts: "all")
        } throws: { "\($0)" == "--mask: unknown value 'tel'; expected a comma list of phone, email, url, name, address, iban, nir, all" }
    }
}
