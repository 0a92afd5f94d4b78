import Testing
import TextAnalysis

/// Offsets are UTF-8 bytes for the whole Unicode range: 1-, 2-, 3- and 4-byte scalars before a token.
@Test(arguments: ["a", "é", "€", "𝓜", "😡", "👩\u{200D}💻", "🇫🇷", "e\u{0301}"])
func offsetsAreBytesAfterAnyScalar(prefix: String) throws {
    let analyzer = try TextAnalyzer()
    let text = prefix + " l'ascenseur"
    let result = analyzer.analyze(text)
    let start = prefix.utf8.count + 1
    let last = result.tokens[result.tokens.count - 1]
    #expect(last.utf8Start == start + 2)
    #expect(last.utf8End == start + 11)  // "l'" is 2 bytes, "ascenseur" 9
    #expect(String(decoding: Array(text.utf8)[last.utf8Start..<last.utf8End], as: UTF8.self) == "ascenseur")
}

@Test func emptyAndBlankAnswersHaveNothing() throws {
    let analyzer = try TextAnalyzer()
    for text in ["", " ", "\n\n", "\t \u{00A0}\u{200B}", "\r\n"] {
        let result = analyzer.analyze(text)
        #expect(result.tokens.isEmpty, "\(text.debugDescription)")
        #expect(result.excerpts.isEmpty, "\(text.debugDescription)")
    }
}

@Test func longAnswerKeepsOffsets() throws {
    let analyzer = try TextAnalyzer()
    let sentence = "Le chauffage ne marche plus depuis l’hiver dernier 😡. "
    let text = String(repeating: sentence, count: 200)  // about 11,000 bytes
    let result = analyzer.analyze(text)
    // 11 tokens per sentence: Le chauffage ne marche plus depuis l’ hiver dernier 😡 .
    #expect(result.tokens.count == 200 * 11)
    #expect(result.excerpts.count == 200)
    let bytes = Array(text.utf8)
    let lastWord = result.tokens[result.tokens.count - 3]
    #expect(String(decoding: bytes[lastWord.utf8Start..<lastWord.utf8End], as: UTF8.self) == "dernier")
    #expect(result.tokens.last!.utf8End == bytes.count - 1)
}
