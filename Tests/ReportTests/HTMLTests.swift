import Testing
import Report

@Suite struct HTMLTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("&amp; already", "&amp;amp; already"),
        ("a < b > c", "a &lt; b &gt; c"),
        ("\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"),
        ("déjà vu, cœur 😀👍🏽 🇫🇷", "déjà vu, cœur 😀👍🏽 🇫🇷"),
        ("ligne 1\nligne 2\tfin\r", "ligne 1\nligne 2\tfin\r"),
        ("nul\u{0}bell\u{7}", "nul\u{FFFD}bell\u{FFFD}"),
        ("", ""),
        ("plain text", "plain text"),
    ])
    func escapes(input: String, expected: String) {
        #expect(HTML.escape(input) == expected)
        #expect(HTML.text(input) == expected)
        #expect(HTML.attribute(input) == expected)
    }

    @Test func anchorsUseSafeCharactersOnly() {
        #expect(HTML.anchor("theme-", "loyer-charges") == "theme-loyer-charges")
        #expect(HTML.anchor("theme-", "Propreté 2") == "theme-propret_233_322")
        #expect(HTML.anchor("t-", "a\"<b") == "t-a_34_60b")
    }

    @Test func numbersFormatTheSameEverywhere() {
        #expect(NumberText.integer(0) == "0")
        #expect(NumberText.integer(999) == "999")
        #expect(NumberText.integer(1068) == "1,068")
        #expect(NumberText.integer(100_000) == "100,000")
        #expect(NumberText.integer(-1_234_567) == "-1,234,567")
        #expect(NumberText.fixed(22.04, decimals: 1) == "22.0")
        #expect(NumberText.fixed(3.14159, decimals: 2) == "3.14")
        #expect(NumberText.fixed(-0.04, decimals: 1) == "0.0")
        #expect(NumberText.fixed(-2.96, decimals: 1) == "-3.0")
        #expect(NumberText.fixed(.nan, decimals: 1) == "0")
        #expect(NumberText.coordinate(12) == "12")
        #expect(NumberText.coordinate(12.5) == "12.5")
        #expect(NumberText.coordinate(0.04) == "0")
        #expect(NumberText.percent(1, of: 3) == "33.3%")
        #expect(NumberText.percent(235, of: 1068) == "22.0%")
        #expect(NumberText.percent(5, of: 0) == "–")
        #expect(NumberText.percent(0.5) == "50.0%")
        #expect(NumberText.signed(1) == "+1.0")
        #expect(NumberText.signed(-2.04) == "-2.0")
        #expect(NumberText.signed(0.01) == "0.0")
        #expect(NumberText.signed(-0.01) == "0.0")
    }
}
