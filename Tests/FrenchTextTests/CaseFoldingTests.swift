import Testing
import FrenchText

@Test func foldedKeepsAccents() {
    #expect(CaseFolding.folded("ÉTÉ") == "été")
    #expect(CaseFolding.folded("L'ASCENSEUR") == "l'ascenseur")
    #expect(CaseFolding.folded("Œuvre") == "œuvre")
    #expect(CaseFolding.folded("ÇA") == "ça")
}

@Test func accentFoldedStripsAccentsAndLigatures() {
    #expect(CaseFolding.accentFolded("Sécurité") == "securite")
    #expect(CaseFolding.accentFolded("problème") == "probleme")
    #expect(CaseFolding.accentFolded("Œuvre cœur") == "oeuvre coeur")
    #expect(CaseFolding.accentFolded("À côté, où ça ?") == "a cote, ou ca ?")
    #expect(CaseFolding.accentFolded("naïve") == "naive")
}

@Test func foldingEmptyAndNonLatin() {
    #expect(CaseFolding.folded("") == "")
    #expect(CaseFolding.accentFolded("") == "")
    #expect(CaseFolding.folded("ΑΒΓ") == "αβγ")
    #expect(CaseFolding.folded("😡") == "😡")
}

@Test func wordBoundariesAreUTF8Offsets() throws {
    let scanner = try BoundaryScanner(.word)
    let text = Array("𝓜 été".utf8)  // 4-byte letter, space, 2-byte letters
    var bounds: [BoundaryScanner.Boundary] = []
    text.withUnsafeBufferPointer { scanner.scan($0, into: &bounds) }
    #expect(bounds.map(\.utf8End) == [4, 5, Int32(text.count)])
}

@Test func sentenceBoundariesDoNotSplitAfterMonsieur() throws {
    let scanner = try BoundaryScanner(.sentence)
    let text = Array("M. Dupont est venu. Merci.".utf8)
    var bounds: [BoundaryScanner.Boundary] = []
    text.withUnsafeBufferPointer { scanner.scan($0, into: &bounds) }
    #expect(bounds.map(\.utf8End) == [20, Int32(text.count)])
}
