import Testing
import TextAnalysis

// Table-driven tests of the excerpt segmenter (docs/text-stage.md, §3).
// Expected excerpts were written by hand from the specification: each is the original text from
// the first token's start to the last token's end (no surrounding spaces).

struct SegCase: Sendable, CustomTestStringConvertible {
    let input: String
    let excerpts: [String]
    let note: String
    var testDescription: String { note }
}

let segmenterCases: [SegCase] = [
    SegCase(input: "C'est bien. C'est nul.",
            excerpts: ["C'est bien.", "C'est nul."],
            note: "two sentences ending with ."),
    SegCase(input: "Super ! Merci.",
            excerpts: ["Super !", "Merci."],
            note: "exclamation with French spacing"),
    SegCase(input: "Pourquoi ? Je ne sais pas.",
            excerpts: ["Pourquoi ?", "Je ne sais pas."],
            note: "question mark"),
    SegCase(input: "C'est bien? Oui.",
            excerpts: ["C'est bien?", "Oui."],
            note: "question mark without space before it"),
    SegCase(input: "C'est nul !!! Vraiment.",
            excerpts: ["C'est nul !!!", "Vraiment."],
            note: "repeated exclamation marks"),
    SegCase(input: "Pourquoi ?! Aucune idée...",
            excerpts: ["Pourquoi ?!", "Aucune idée..."],
            note: "?! then trailing dots"),
    SegCase(input: "Bof... On verra.",
            excerpts: ["Bof...", "On verra."],
            note: "three dots before a capital"),
    SegCase(input: "Bof\u{2026} On verra.",
            excerpts: ["Bof\u{2026}", "On verra."],
            note: "ellipsis character before a capital"),
    SegCase(input: "Bof\u{2026} on verra bien.",
            excerpts: ["Bof\u{2026} on verra bien."],
            note: "ellipsis before lower case does not end the sentence"),
    SegCase(input: "M. Dupont est venu.",
            excerpts: ["M. Dupont est venu."],
            note: "no break after M."),
    SegCase(input: "M. Dupont est venu. Il est reparti.",
            excerpts: ["M. Dupont est venu.", "Il est reparti."],
            note: "M. inside, real break after venu."),
    SegCase(input: "Il a dit « c'est fini. » Suite.",
            excerpts: ["Il a dit « c'est fini. »", "Suite."],
            note: "closing guillemet stays with its sentence"),
    SegCase(input: "« C'est fini. » Merci.",
            excerpts: ["« C'est fini. »", "Merci."],
            note: "quoted sentence at the start"),
    SegCase(input: "Il a dit : « Non ! » Puis il est parti.",
            excerpts: ["Il a dit : « Non ! »", "Puis il est parti."],
            note: "closing guillemet after !"),
    SegCase(input: "« Pas terrible », dit-il. Ensuite ?",
            excerpts: ["« Pas terrible », dit-il.", "Ensuite ?"],
            note: "quote without final punctuation inside"),
    SegCase(input: "Ligne un\nLigne deux",
            excerpts: ["Ligne un", "Ligne deux"],
            note: "LF ends an excerpt"),
    SegCase(input: "Ligne un\r\nLigne deux",
            excerpts: ["Ligne un", "Ligne deux"],
            note: "CRLF ends an excerpt"),
    SegCase(input: "Oui\u{2028}Non",
            excerpts: ["Oui", "Non"],
            note: "U+2028 ends an excerpt"),
    SegCase(input: "Non.\n\nOui.",
            excerpts: ["Non.", "Oui."],
            note: "blank line between sentences"),
    SegCase(input: "Super\n\n\nNul",
            excerpts: ["Super", "Nul"],
            note: "several blank lines"),
    SegCase(input: "Trop de bruit !!!\r\nEt les odeurs...",
            excerpts: ["Trop de bruit !!!", "Et les odeurs..."],
            note: "CRLF after !!!"),
    SegCase(input: "- bruit\n- odeurs",
            excerpts: ["- bruit", "- odeurs"],
            note: "dash bullet list"),
    SegCase(input: "Problèmes :\n- bruit\n- odeurs",
            excerpts: ["Problèmes :", "- bruit", "- odeurs"],
            note: "heading then a dash list"),
    SegCase(input: "Le bruit.\n- odeurs",
            excerpts: ["Le bruit.", "- odeurs"],
            note: "sentence then a list item"),
    SegCase(input: "• bruit • odeurs • saleté",
            excerpts: ["• bruit", "• odeurs", "• saleté"],
            note: "bullets mid-line start items"),
    SegCase(input: "• bruit\n• odeurs",
            excerpts: ["• bruit", "• odeurs"],
            note: "bullets at line starts"),
    SegCase(input: "1) bruit\n2) odeurs",
            excerpts: ["1) bruit", "2) odeurs"],
            note: "numbered list"),
    SegCase(input: "a. le bruit\nb. les odeurs",
            excerpts: ["a. le bruit", "b. les odeurs"],
            note: "lettered list"),
    SegCase(input: "1) bruit 2) odeurs",
            excerpts: ["1) bruit 2) odeurs"],
            note: "numbered markers only count at a line start"),
    SegCase(input: "Le bruit - les odeurs - la saleté",
            excerpts: ["Le bruit - les odeurs - la saleté"],
            note: "a dash mid-line is not a bullet"),
    SegCase(input: "c'est nul !!! 😡",
            excerpts: ["c'est nul !!! 😡"],
            note: "emoji after final punctuation stays with the sentence"),
    SegCase(input: "c'est nul !!! 😡 Mais bon.",
            excerpts: ["c'est nul !!! 😡", "Mais bon."],
            note: "emoji stays with the sentence it comments, the next one starts after it"),
    SegCase(input: "Bien. 👍 Merci.",
            excerpts: ["Bien. 👍", "Merci."],
            note: "emoji after a period"),
    SegCase(input: "Bien. \u{1F44D}\u{1F3FD}\u{1F44D}\u{1F3FD} Merci.",
            excerpts: ["Bien. \u{1F44D}\u{1F3FD}\u{1F44D}\u{1F3FD}", "Merci."],
            note: "several emoji with skin tones after a period"),
    SegCase(input: "Super. <3 À bientôt.",
            excerpts: ["Super. <3", "À bientôt."],
            note: "emoticon after final punctuation"),
    SegCase(input: "Super. :) À bientôt.",
            excerpts: ["Super. :)", "À bientôt."],
            note: "colon emoticon after final punctuation"),
    SegCase(input: "C'est nul 😡😡 vraiment nul.",
            excerpts: ["C'est nul 😡😡 vraiment nul."],
            note: "emoji without punctuation do not end a sentence"),
    SegCase(input: "Trop cher!Vraiment.",
            excerpts: ["Trop cher!", "Vraiment."],
            note: "no space after !"),
    SegCase(input: "Le loyer a augmenté de 3.5 % cette année.",
            excerpts: ["Le loyer a augmenté de 3.5 % cette année."],
            note: "decimal point is not a sentence end"),
    SegCase(input: "Il coûte 3 000 €. C'est trop.",
            excerpts: ["Il coûte 3 000 €.", "C'est trop."],
            note: "amount then a new sentence"),
    SegCase(input: "Il est 10h. Le bus passe à 10:30.",
            excerpts: ["Il est 10h.", "Le bus passe à 10:30."],
            note: "times"),
    SegCase(input: "Contact : jean.dupont@example.org. Merci.",
            excerpts: ["Contact : jean.dupont@example.org.", "Merci."],
            note: "dots inside an e-mail are not sentence ends"),
    SegCase(input: "Voir www.ex.fr. Merci !",
            excerpts: ["Voir www.ex.fr.", "Merci !"],
            note: "dots inside a URL are not sentence ends"),
    SegCase(input: "J'ai appelé le 06 12 34 56 78. Personne.",
            excerpts: ["J'ai appelé le 06 12 34 56 78.", "Personne."],
            note: "phone then a period"),
    SegCase(input: "Bon\u{2026} Bref.",
            excerpts: ["Bon\u{2026}", "Bref."],
            note: "ellipsis character ends a sentence before a capital"),
    SegCase(input: "",
            excerpts: [],
            note: "empty answer"),
    SegCase(input: "   \n\t ",
            excerpts: [],
            note: "whitespace-only answer"),
    SegCase(input: "\u{A0}\u{200B}\r\n",
            excerpts: [],
            note: "NBSP, ZWSP and CRLF only"),
    SegCase(input: "Bien",
            excerpts: ["Bien"],
            note: "a single word"),
    SegCase(input: "RAS",
            excerpts: ["RAS"],
            note: "RAS"),
    SegCase(input: "RAS.",
            excerpts: ["RAS."],
            note: "RAS with a period"),
    SegCase(input: "   Bonjour.   ",
            excerpts: ["Bonjour."],
            note: "surrounding spaces are not part of the excerpt"),
    SegCase(input: "\tTab. Fin",
            excerpts: ["Tab.", "Fin"],
            note: "leading tab"),
]

// MARK: - Checks

/// Structural invariants of the segmentation (spec §3), for any answer.
func checkExcerptInvariants(_ input: String, _ label: String, _ analyzer: TextAnalyzer) {
    let result = analyzer.analyze(input)
    let bytes = Array(input.utf8)
    let tokens = result.tokens
    let excerpts = result.excerpts
    if tokens.isEmpty {
        #expect(excerpts.isEmpty, "[\(label)] no tokens but \(excerpts.count) excerpts")
        return
    }
    #expect(!excerpts.isEmpty, "[\(label)] tokens but no excerpts")
    // Token ranges partition 0..<tokens.count, in order.
    var nextToken = 0
    var previousEnd = 0
    for (k, e) in excerpts.enumerated() {
        #expect(e.tokenRange.lowerBound == nextToken,
                "[\(label)] excerpt \(k) starts at token \(e.tokenRange.lowerBound), expected \(nextToken)")
        #expect(!e.tokenRange.isEmpty, "[\(label)] excerpt \(k) has no tokens")
        #expect(TableSupport.isValidSpan(e.utf8Start, e.utf8End, bytes),
                "[\(label)] excerpt \(k) span \(e.utf8Start)..<\(e.utf8End) invalid")
        #expect(e.utf8Start >= previousEnd, "[\(label)] excerpt \(k) overlaps the previous one")
        if !e.tokenRange.isEmpty && e.tokenRange.upperBound <= tokens.count && e.tokenRange.lowerBound >= 0 {
            #expect(e.utf8Start == tokens[e.tokenRange.lowerBound].utf8Start,
                    "[\(label)] excerpt \(k) does not start at its first token")
            #expect(e.utf8End == tokens[e.tokenRange.upperBound - 1].utf8End,
                    "[\(label)] excerpt \(k) does not end at its last token")
        }
        nextToken = e.tokenRange.upperBound
        previousEnd = e.utf8End
    }
    #expect(nextToken == tokens.count, "[\(label)] excerpts cover \(nextToken) of \(tokens.count) tokens")
    // Each token points at an excerpt that holds it and lies inside its span.
    for (i, t) in tokens.enumerated() {
        guard t.excerptIndex >= 0 && t.excerptIndex < excerpts.count else {
            Issue.record("[\(label)] token \(i): excerptIndex \(t.excerptIndex) out of 0..<\(excerpts.count)")
            continue
        }
        let e = excerpts[t.excerptIndex]
        #expect(e.tokenRange.contains(i), "[\(label)] token \(i) not in the token range of excerpt \(t.excerptIndex)")
        #expect(t.utf8Start >= e.utf8Start && t.utf8End <= e.utf8End,
                "[\(label)] token \(i) \(t.utf8Start)..<\(t.utf8End) outside excerpt \(e.utf8Start)..<\(e.utf8End)")
        if i > 0 {
            #expect(t.excerptIndex >= tokens[i - 1].excerptIndex, "[\(label)] token \(i): excerpt index goes back")
        }
    }
}

@Test("segmenter table", arguments: segmenterCases)
func segmenterTable(_ c: SegCase) throws {
    let analyzer = try TextAnalyzer()
    let result = analyzer.analyze(c.input)
    let bytes = Array(c.input.utf8)
    let got = result.excerpts.map { TableSupport.slice(bytes, $0.utf8Start, $0.utf8End) }
    let context = "[\(c.note)] input \(c.input.debugDescription)"
    #expect(result.excerpts.count == c.excerpts.count,
            "\(context): expected \(c.excerpts.count) excerpts, got \(got.map(\.debugDescription)); tokens: \(TableSupport.dump(result.tokens, bytes))")
    var searchFrom = 0
    for (k, (excerpt, want)) in zip(result.excerpts, c.excerpts).enumerated() {
        let wantBytes = Array(want.utf8)
        guard let expectedStart = TableSupport.find(wantBytes, in: bytes, from: searchFrom) else {
            Issue.record("\(context) excerpt \(k): expected text \(want.debugDescription) not found (bad case)")
            continue
        }
        searchFrom = expectedStart + wantBytes.count
        #expect(excerpt.utf8Start == expectedStart && excerpt.utf8End == expectedStart + wantBytes.count,
                "\(context) excerpt \(k): got \(got[k].debugDescription) at \(excerpt.utf8Start)..<\(excerpt.utf8End), expected \(want.debugDescription) at \(expectedStart)")
    }
    checkExcerptInvariants(c.input, c.note, analyzer)
}

@Test("excerpt invariants hold on every tokenizer-table input", arguments: tokenizerCases)
func excerptInvariantsOnTokenizerInputs(_ c: Case) throws {
    let analyzer = try TextAnalyzer()
    checkExcerptInvariants(c.input, c.note, analyzer)
}
