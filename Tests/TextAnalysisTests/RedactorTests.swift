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
        ("M. Durand est parti", "M. [NOM] est parti"),
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
        // Sentence ends after a role or a flat word are not names or addresses.
        ("Le gardien. C'est tout.", "Le gardien. C'est tout."),
        ("des seringues dans l'escalier. On a peur", "des seringues dans l'escalier. On a peur"),
        ("satisfaite de mon logement. Le gardien est là", "satisfaite de mon logement. Le gardien est là"),
        ("du gardien de ma résidence (M. Exemple), toujours", "du gardien de ma résidence (M. [NOM]), toujours"),
        ("au sous-sol du bât. C, des seringues", "au sous-sol du [ADRESSE], des seringues"),
        ("LA PORTE DU HALL EST CASSÉE", "LA PORTE DU HALL EST CASSÉE"),
        ("je cherche un logement T4 plus grand", "je cherche un logement T4 plus grand"),
        ("escalier 3B, porte 12", "[ADRESSE], [ADRESSE]"),
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
        #expect(Redactor.mayContainPersonalData("M. Durand est parti"))
        #expect(Redactor.mayContainPersonalData("Merci. Dr. Petit viendra"))
    }
}
