import FrenchText
import Testing

/// The fast word boundaries must equal ICU's on every text they accept.
@Suite struct LatinWordBoundariesTests {
    static func ends(_ text: String, fast: Bool) throws -> [Int32]? {
        var bytes = Array(text.utf8)
        var out: [BoundaryScanner.Boundary] = []
        let icu = try BoundaryScanner(.word)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let utf8 = UnsafeBufferPointer(buffer)
            if fast { return LatinWordBoundaries.scan(utf8, into: &out) ? out.map(\.utf8End) : nil }
            icu.scan(utf8, into: &out)
            return out.map(\.utf8End)
        }
    }

    // Hand-checked segments (UAX #29): "l'ascenseur" and "3,5" and "2h30" stay whole; "-" and
    // "." at a word end are segments; runs of spaces stay together.
    @Test(arguments: [
        ("l'ascenseur du 3e", [11, 12, 14, 15, 17]),
        ("3,5 % , 2h30.", [3, 4, 5, 6, 7, 8, 12, 13]),
        ("rez-de-chaussée  a", [3, 4, 6, 7, 16, 18, 19]),
        ("a.b.c a..b œuvre", [5, 6, 7, 8, 9, 10, 11, 17]),
        ("x_y _ 1_000 €", [3, 4, 5, 6, 11, 12, 15]),
    ])
    func handChecked(_ text: String, _ expected: [Int32]) throws {
        #expect(try Self.ends(text, fast: true) == expected)
        #expect(try Self.ends(text, fast: false) == expected)
    }

    @Test func declinesOutsideItsAlphabet() throws {
        #expect(try Self.ends("super 👍", fast: true) == nil)
        #expect(try Self.ends("日本", fast: true) == nil)
        #expect(try Self.ends("ªº", fast: true) == nil)
        #expect(try Self.ends("moi@example.org", fast: true) == nil)
    }

    /// 50,000 random strings over the supported alphabet, weighted towards the joining characters.
    @Test func equalsICUOnRandomText() throws {
        let alphabet = ["a", "b", "Z", "é", "À", "ÿ", "œ", "Œ", "×", "÷", "0", "7", "'", ".", ":", ",", ";", "_", " ", "  ",
                        "\n", "-", "!", "?", "\"", "(", ")", "/", "%", "€", "#", "+", "=", "l'", "qu'", "3,5", "a.b"]
        var state: UInt64 = 2026
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(alphabet.count))
        }
        var mismatches: [String] = []
        for _ in 0..<50_000 {
            let text = (0..<(next() % 12 + 1)).map { _ in alphabet[next()] }.joined()
            let fast = try Self.ends(text, fast: true), icu = try Self.ends(text, fast: false)
            if fast != icu { mismatches.append("\(text.debugDescription): fast \(fast ?? []) ICU \(icu ?? [])") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, e.g. \(mismatches.prefix(5))")
    }
}
