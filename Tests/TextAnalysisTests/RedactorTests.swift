import Testing
import TextAnalysis

@Suite struct RedactorTests {
    static func redact(_ text: String) -> String { Redactor(analyzer: try! TextAnalyzer()).redact(text).text }

    // Hand-written: fake people, phones, addresses.
    @Test(arguments: [
        ("appelez-moi au 06 12 34 56 78 svp", "appelez-moi au [TÉLÉPHONE] svp"),
        ("mon mail : jean.dupont@example.org", "mon mail : [EMAIL]"),
        ("Mme Martin ne répond jamais", "Mme [NOM] ne répond jamais"),
        ("M. Durand et Monsieur Le Goff", "M. [NOM] et Monsieur [NOM]"),
        ("le gardien Kevin est super", "le gardien [NOM] est super"),
        ("Le gardien est gentil", "Le gardien est gentil"),
        ("Monsieur le directeur doit venir", "Monsieur le directeur doit venir"),
        ("j'habite 12 rue des Lilas, au fond", "j'habite [ADRESSE], au fond"),
        ("appt 42, porte 12 et bât. C", "[ADRESSE], [ADRESSE] et [ADRESSE]"),
        ("au 3e étage du bâtiment B", "au [ADRESSE] du [ADRESSE]"),
        ("du 3e bâtiment B", "du [ADRESSE]"),
        ("voir https://example.org/moncompte", "voir [URL]"),
        // Traps: dates, amounts, durations, counts are not personal data.
        ("depuis le 12 mars, 150 euros de plus en 3 semaines", "depuis le 12 mars, 150 euros de plus en 3 semaines"),
        ("la pierre du muret est cassée", "la pierre du muret est cassée"),
        ("RAS", "RAS"),
        ("", ""),
    ])
    func table(_ input: String, _ expected: String) {
        #expect(Self.redact(input) == expected)
    }

    @Test func countsPerKind() {
        let r = Redactor(analyzer: try! TextAnalyzer()).redact("Mme Martin, 06 00 00 00 01 ou 06 00 00 00 02, appt 3")
        #expect(r.counts == [.name: 1, .phone: 2, .address: 1])
        #expect(r.total == 4)
    }

    @Test func cheapPrecheckSkipsPlainAnswers() {
        #expect(!Redactor.mayContainPersonalData("le ménage est bien fait"))
        #expect(!Redactor.mayContainPersonalData("Le ménage est fait. Les vitres aussi !"))
        #expect(Redactor.mayContainPersonalData("appt 4"))
        #expect(Redactor.mayContainPersonalData("voir Mme Martin"))
        #expect(Redactor.mayContainPersonalData("a@b"))
    }
}
