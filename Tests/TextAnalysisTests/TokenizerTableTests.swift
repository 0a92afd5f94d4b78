import Testing
import TextAnalysis

// Table-driven tests of the text stage's tokenizer (docs/text-stage.md, §1–2).
//
// Every expectation was written by hand from the specification and French usage, not copied
// from the program's output. Offsets are not hard-coded: each expected token's text is searched
// in the input's UTF-8 bytes from the end of the previous expected token, so a span that is off
// by a byte (or counted in characters instead of bytes) fails.
//
// Texts and norms are compared as UTF-8 bytes, never with String ==, because Swift's String
// equality is canonical equivalence ("e\u{301}" == "é") and would hide normalization bugs.

/// One expected token: its original text, kind, flags that must be present, optional norm.
struct T: Sendable {
    let text: String
    let kind: TokenKind
    let flags: TokenFlags
    let norm: String?

    init(_ text: String, _ kind: TokenKind = .word, _ flags: TokenFlags = [], norm: String? = nil) {
        self.text = text
        self.kind = kind
        self.flags = flags
        self.norm = norm
    }
}

/// One row of the table: an answer fragment and the tokens it must give, in order.
struct Case: Sendable, CustomTestStringConvertible {
    let input: String
    let tokens: [T]
    let note: String
    var testDescription: String { note }
}

/// Helpers shared by the tokenizer and segmenter tables.
enum TableSupport {
    /// First index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, needle.count <= haystack.count else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    static func isValidSpan(_ start: Int, _ end: Int, _ bytes: [UInt8]) -> Bool {
        start >= 0 && start < end && end <= bytes.count
    }

    /// The original text of a span, or a marker when the span is out of range.
    static func slice(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        guard isValidSpan(start, end, bytes) else { return "<bad span \(start)..<\(end)>" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A readable dump of actual tokens, for failure messages.
    static func dump(_ tokens: [Token], _ bytes: [UInt8]) -> String {
        tokens.map { t in
            "\(slice(bytes, t.utf8Start, t.utf8End).debugDescription)@\(t.utf8Start)/\(t.kind)"
                + "/[\(t.flags.names())]/\(t.norm.debugDescription)"
        }.joined(separator: "  ")
    }
}

// MARK: - Elisions

let elisionCases: [Case] = [
    Case(input: "l'ascenseur est en panne",
         tokens: [T("l'", .word, [.elided], norm: "l'"), T("ascenseur", norm: "ascenseur"), T("est", norm: "est"),
                  T("en", norm: "en"), T("panne", norm: "panne")],
         note: "l' before a noun"),
    Case(input: "d'accord avec vous",
         tokens: [T("d'", .word, [.elided], norm: "d'"), T("accord", norm: "accord"), T("avec"), T("vous")],
         note: "d' elision"),
    Case(input: "j'habite au 3e",
         tokens: [T("j'", .word, [.elided], norm: "j'"), T("habite", norm: "habite"), T("au"),
                  T("3e", .number, [.ordinal], norm: "3e")],
         note: "j' elision before h"),
    Case(input: "il m'a répondu",
         tokens: [T("il"), T("m'", .word, [.elided], norm: "m'"), T("a", norm: "a"), T("répondu", norm: "répondu")],
         note: "m' elision before a verb"),
    Case(input: "je n'ai rien reçu",
         tokens: [T("je"), T("n'", .word, [.elided], norm: "n'"), T("ai"), T("rien"), T("reçu", norm: "reçu")],
         note: "n' elision"),
    Case(input: "il s'est plaint",
         tokens: [T("il"), T("s'", .word, [.elided], norm: "s'"), T("est"), T("plaint")],
         note: "s' elision"),
    Case(input: "je t'assure que non",
         tokens: [T("je"), T("t'", .word, [.elided], norm: "t'"), T("assure"), T("que"), T("non")],
         note: "t' elision"),
    Case(input: "c'était mieux avant",
         tokens: [T("c'", .word, [.elided], norm: "c'"), T("était", norm: "était"), T("mieux"), T("avant")],
         note: "c' elision before an accented vowel"),
    Case(input: "qu'il vienne voir",
         tokens: [T("qu'", .word, [.elided], norm: "qu'"), T("il", norm: "il"), T("vienne"), T("voir")],
         note: "qu' elision"),
    Case(input: "jusqu'au bout",
         tokens: [T("jusqu'", .word, [.elided], norm: "jusqu'"), T("au", norm: "au"), T("bout")],
         note: "jusqu' elision"),
    Case(input: "lorsqu'il pleut",
         tokens: [T("lorsqu'", .word, [.elided], norm: "lorsqu'"), T("il"), T("pleut")],
         note: "lorsqu' elision"),
    Case(input: "puisqu'on paie",
         tokens: [T("puisqu'", .word, [.elided], norm: "puisqu'"), T("on", norm: "on"), T("paie")],
         note: "puisqu' elision"),
    Case(input: "quoiqu'il arrive",
         tokens: [T("quoiqu'", .word, [.elided], norm: "quoiqu'"), T("il"), T("arrive")],
         note: "quoiqu' elision"),
    Case(input: "l\u{2019}ascenseur",
         tokens: [T("l\u{2019}", .word, [.elided], norm: "l'"), T("ascenseur", norm: "ascenseur")],
         note: "elision with typographic apostrophe U+2019"),
    Case(input: "l\u{2018}entrée",
         tokens: [T("l\u{2018}", .word, [.elided], norm: "l'"), T("entrée", norm: "entrée")],
         note: "elision with U+2018 used as apostrophe"),
    Case(input: "d\u{2BC}abord",
         tokens: [T("d\u{2BC}", .word, [.elided], norm: "d'"), T("abord", norm: "abord")],
         note: "elision with modifier letter apostrophe U+02BC"),
    Case(input: "l`ascenseur",
         tokens: [T("l`", .word, [.elided], norm: "l'"), T("ascenseur", norm: "ascenseur")],
         note: "elision with a backtick"),
    Case(input: "l\u{B4}ascenseur",
         tokens: [T("l\u{B4}", .word, [.elided], norm: "l'"), T("ascenseur", norm: "ascenseur")],
         note: "elision with an acute accent U+00B4 used as apostrophe"),
    Case(input: "l\u{2032}entrée",
         tokens: [T("l\u{2032}", .word, [.elided], norm: "l'"), T("entrée", norm: "entrée")],
         note: "elision with a prime U+2032"),
    Case(input: "L'ASCENSEUR",
         tokens: [T("L'", .word, [.elided, .capitalized], norm: "l'"),
                  T("ASCENSEUR", .word, [.allCaps, .capitalized], norm: "ascenseur")],
         note: "elision in capitals"),
    Case(input: "QU'IL",
         tokens: [T("QU'", .word, [.elided, .allCaps, .capitalized], norm: "qu'"),
                  T("IL", .word, [.allCaps], norm: "il")],
         note: "qu' elision in capitals"),
    Case(input: "l' ascenseur",
         tokens: [T("l'", .word, [.elided], norm: "l'"), T("ascenseur", norm: "ascenseur")],
         note: "elision followed by a space"),
    Case(input: "J\u{2019}AI ATTENDU",
         tokens: [T("J\u{2019}", .word, [.elided, .capitalized], norm: "j'"), T("AI", .word, [.allCaps], norm: "ai"),
                  T("ATTENDU", .word, [.allCaps], norm: "attendu")],
         note: "capitals with typographic apostrophe"),
    Case(input: "S'il vous plaît",
         tokens: [T("S'", .word, [.elided, .capitalized], norm: "s'"), T("il"), T("vous"),
                  T("plaît", norm: "plaît")],
         note: "capitalized s' at the start"),
    Case(input: "jusqu\u{2019}à 18h",
         tokens: [T("jusqu\u{2019}", .word, [.elided], norm: "jusqu'"), T("à", norm: "à"), T("18h", .number, norm: "18h")],
         note: "jusqu' before à"),
    Case(input: "JUSQU\u{2019}À QUAND",
         tokens: [T("JUSQU\u{2019}", .word, [.elided, .allCaps], norm: "jusqu'"),
                  T("À", .word, [.capitalized], norm: "à"), T("QUAND", .word, [.allCaps], norm: "quand")],
         note: "jusqu' in capitals before À"),
    Case(input: "Lorsqu\u{2019}on appelle",
         tokens: [T("Lorsqu\u{2019}", .word, [.elided, .capitalized], norm: "lorsqu'"), T("on"), T("appelle")],
         note: "capitalized lorsqu' with U+2019"),
    Case(input: "l'après-midi",
         tokens: [T("l'", .word, [.elided], norm: "l'"), T("après-midi", .word, [.compound], norm: "après-midi")],
         note: "elision before a hyphenated compound"),
    Case(input: "l'ex-mari",
         tokens: [T("l'", .word, [.elided], norm: "l'"), T("ex-mari", .word, [.compound], norm: "ex-mari")],
         note: "elision before ex- compound"),
    Case(input: "n'importe quoi",
         tokens: [T("n'", .word, [.elided], norm: "n'"), T("importe"), T("quoi")],
         note: "n'importe"),
    Case(input: "t'inquiète",
         tokens: [T("t'", .word, [.elided], norm: "t'"), T("inquiète", norm: "inquiète")],
         note: "t' before accented word"),
    Case(input: "l'hôpital",
         tokens: [T("l'", .word, [.elided], norm: "l'"), T("hôpital", norm: "hôpital")],
         note: "l' before h"),
    Case(input: "l'ONU",
         tokens: [T("l'", .word, [.elided], norm: "l'"), T("ONU", .word, [.allCaps, .capitalized], norm: "onu")],
         note: "elision before an acronym"),
    Case(input: "qu'à moitié",
         tokens: [T("qu'", .word, [.elided], norm: "qu'"), T("à", norm: "à"), T("moitié")],
         note: "qu' before à"),
    Case(input: "c'est l'été",
         tokens: [T("c'", .word, [.elided]), T("est"), T("l'", .word, [.elided]), T("été", norm: "été")],
         note: "two elisions in a row"),
    Case(input: "Qu'est-ce que c'est",
         tokens: [T("Qu'", .word, [.elided, .capitalized], norm: "qu'"), T("est", norm: "est"),
                  T("-ce", .word, [.clitic], norm: "ce"), T("que"), T("c'", .word, [.elided]), T("est")],
         note: "qu'est-ce que"),
    Case(input: "QU'EST-CE QUE",
         tokens: [T("QU'", .word, [.elided], norm: "qu'"), T("EST", .word, [.allCaps], norm: "est"),
                  T("-CE", .word, [.clitic], norm: "ce"), T("QUE", norm: "que")],
         note: "qu'est-ce que in capitals"),
    Case(input: "n'est-ce pas",
         tokens: [T("n'", .word, [.elided]), T("est"), T("-ce", .word, [.clitic], norm: "ce"), T("pas")],
         note: "n'est-ce pas"),
    Case(input: "s'est-il plaint",
         tokens: [T("s'", .word, [.elided]), T("est"), T("-il", .word, [.clitic], norm: "il"), T("plaint")],
         note: "elision then clitic inversion"),
    Case(input: "l'a-t-il vu",
         tokens: [T("l'", .word, [.elided]), T("a"), T("-t-il", .word, [.clitic], norm: "il"), T("vu")],
         note: "elided pronoun then euphonic t"),
    Case(input: "Qu'y a-t-il",
         tokens: [T("Qu'", .word, [.elided]), T("y"), T("a"), T("-t-il", .word, [.clitic], norm: "il")],
         note: "qu'y a-t-il"),
    Case(input: "aujourd'hui",
         tokens: [T("aujourd'hui", .word, [.compound], norm: "aujourd'hui")],
         note: "aujourd'hui stays whole (compound per Token.swift doc)"),
    Case(input: "Aujourd\u{2019}hui",
         tokens: [T("Aujourd\u{2019}hui", .word, [.compound, .capitalized], norm: "aujourd'hui")],
         note: "aujourd'hui with U+2019, capitalized"),
    Case(input: "d'aujourd'hui",
         tokens: [T("d'", .word, [.elided], norm: "d'"), T("aujourd'hui", .word, [.compound], norm: "aujourd'hui")],
         note: "elision before aujourd'hui"),
    Case(input: "quelqu'un",
         tokens: [T("quelqu'un", norm: "quelqu'un")],
         note: "quelqu'un stays whole"),
    Case(input: "Quelqu\u{2019}un m\u{2019}a dit",
         tokens: [T("Quelqu\u{2019}un", .word, [.capitalized], norm: "quelqu'un"),
                  T("m\u{2019}", .word, [.elided], norm: "m'"), T("a"), T("dit")],
         note: "quelqu'un then m' with U+2019"),
    Case(input: "presqu'île",
         tokens: [T("presqu'île", norm: "presqu'île")],
         note: "presqu'île stays whole"),
    Case(input: "prud'hommes",
         tokens: [T("prud'hommes", norm: "prud'hommes")],
         note: "prud'hommes stays whole (prud is not an elision)"),
    Case(input: "y'a pas de lumière",
         tokens: [T("y'a", norm: "y'a"), T("pas"), T("de"), T("lumière")],
         note: "SMS y'a: y is not in the elision list, stays whole"),
    Case(input: "t'es où",
         tokens: [T("t'", .word, [.elided], norm: "t'"), T("es"), T("où", norm: "où")],
         note: "spoken t'es"),
    Case(input: "j'sais pas",
         tokens: [T("j'", .word, [.elided], norm: "j'"), T("sais"), T("pas")],
         note: "spoken j' before a consonant"),
]

// MARK: - Clitics and compounds

let cliticCompoundCases: [Case] = [
    Case(input: "peut-on le réparer",
         tokens: [T("peut", norm: "peut"), T("-on", .word, [.clitic], norm: "on"), T("le"), T("réparer")],
         note: "peut-on"),
    Case(input: "Peut-on",
         tokens: [T("Peut", .word, [.capitalized], norm: "peut"), T("-on", .word, [.clitic], norm: "on")],
         note: "capitalized peut-on"),
    Case(input: "PEUT-ON",
         tokens: [T("PEUT", .word, [.allCaps], norm: "peut"), T("-ON", .word, [.clitic], norm: "on")],
         note: "peut-on in capitals"),
    Case(input: "y a-t-il un gardien",
         tokens: [T("y", norm: "y"), T("a", norm: "a"), T("-t-il", .word, [.clitic], norm: "il"), T("un"), T("gardien")],
         note: "y a-t-il"),
    Case(input: "est-ce normal",
         tokens: [T("est"), T("-ce", .word, [.clitic], norm: "ce"), T("normal")],
         note: "est-ce"),
    Case(input: "qu'est-ce que vous faites",
         tokens: [T("qu'", .word, [.elided], norm: "qu'"), T("est"), T("-ce", .word, [.clitic], norm: "ce"),
                  T("que"), T("vous"), T("faites")],
         note: "qu'est-ce que"),
    Case(input: "dites-moi pourquoi",
         tokens: [T("dites"), T("-moi", .word, [.clitic], norm: "moi"), T("pourquoi")],
         note: "imperative dites-moi"),
    Case(input: "vas-y",
         tokens: [T("vas"), T("-y", .word, [.clitic], norm: "y")],
         note: "vas-y"),
    Case(input: "donnez-le-moi",
         tokens: [T("donnez"), T("-le", .word, [.clitic], norm: "le"), T("-moi", .word, [.clitic], norm: "moi")],
         note: "two clitics after an imperative"),
    Case(input: "dites-le-moi",
         tokens: [T("dites"), T("-le", .word, [.clitic], norm: "le"), T("-moi", .word, [.clitic], norm: "moi")],
         note: "dites-le-moi (spec example)"),
    Case(input: "a-t-on le droit",
         tokens: [T("a"), T("-t-on", .word, [.clitic], norm: "on"), T("le"), T("droit")],
         note: "a-t-on"),
    Case(input: "va-t-elle partir",
         tokens: [T("va"), T("-t-elle", .word, [.clitic], norm: "elle"), T("partir")],
         note: "va-t-elle"),
    Case(input: "Pourquoi doit-on payer",
         tokens: [T("Pourquoi", .word, [.capitalized], norm: "pourquoi"), T("doit"),
                  T("-on", .word, [.clitic], norm: "on"), T("payer")],
         note: "doit-on in a question"),
    Case(input: "allez-y",
         tokens: [T("allez"), T("-y", .word, [.clitic], norm: "y")],
         note: "allez-y"),
    Case(input: "prends-en soin",
         tokens: [T("prends"), T("-en", .word, [.clitic], norm: "en"), T("soin")],
         note: "clitic en"),
    Case(input: "sont-ils au courant",
         tokens: [T("sont"), T("-ils", .word, [.clitic], norm: "ils"), T("au"), T("courant")],
         note: "sont-ils"),
    Case(input: "faut-il attendre",
         tokens: [T("faut"), T("-il", .word, [.clitic], norm: "il"), T("attendre")],
         note: "faut-il"),
    Case(input: "Que pensez-vous",
         tokens: [T("Que", .word, [.capitalized]), T("pensez"), T("-vous", .word, [.clitic], norm: "vous")],
         note: "pensez-vous"),
    Case(input: "arrivera-t-il un jour",
         tokens: [T("arrivera"), T("-t-il", .word, [.clitic], norm: "il"), T("un"), T("jour")],
         note: "euphonic t after a future"),
    Case(input: "dis-lui",
         tokens: [T("dis"), T("-lui", .word, [.clitic], norm: "lui")],
         note: "clitic lui"),
    Case(input: "Y a t il",
         tokens: [T("Y", .word, [.capitalized], norm: "y"), T("a"), T("t", norm: "t"), T("il")],
         note: "inversion written without hyphens"),
    Case(input: "c'est-à-dire",
         tokens: [T("c'est-à-dire", .word, [.compound], norm: "c'est-à-dire")],
         note: "c'est-à-dire is one lexicalized compound"),
    Case(input: "C\u{2019}est-à-dire que",
         tokens: [T("C\u{2019}est-à-dire", .word, [.compound, .capitalized], norm: "c'est-à-dire"), T("que")],
         note: "c'est-à-dire with U+2019, capitalized"),
    Case(input: "peut-être",
         tokens: [T("peut-être", .word, [.compound], norm: "peut-être")],
         note: "peut-être is not peut + clitic"),
    Case(input: "Peut-être demain",
         tokens: [T("Peut-être", .word, [.compound, .capitalized], norm: "peut-être"), T("demain")],
         note: "capitalized peut-être"),
    Case(input: "au rez-de-chaussée",
         tokens: [T("au"), T("rez-de-chaussée", .word, [.compound], norm: "rez-de-chaussée")],
         note: "rez-de-chaussée"),
    Case(input: "vis-à-vis des voisins",
         tokens: [T("vis-à-vis", .word, [.compound], norm: "vis-à-vis"), T("des"), T("voisins")],
         note: "vis-à-vis"),
    Case(input: "le week-end",
         tokens: [T("le"), T("week-end", .word, [.compound], norm: "week-end")],
         note: "week-end"),
    Case(input: "au-dessus de chez moi",
         tokens: [T("au-dessus", .word, [.compound], norm: "au-dessus"), T("de"), T("chez"), T("moi")],
         note: "au-dessus"),
    Case(input: "prendre rendez-vous",
         tokens: [T("prendre"), T("rendez-vous", .word, [.compound], norm: "rendez-vous")],
         note: "rendez-vous is lexicalized, not rendez + -vous"),
    Case(input: "Rendez-vous annulé",
         tokens: [T("Rendez-vous", .word, [.compound, .capitalized], norm: "rendez-vous"), T("annulé")],
         note: "capitalized rendez-vous"),
    Case(input: "à Villeneuve-la-Garenne",
         tokens: [T("à"), T("Villeneuve-la-Garenne", .word, [.compound, .capitalized], norm: "villeneuve-la-garenne")],
         note: "place name with la inside the chain stays whole"),
    Case(input: "celui-ci",
         tokens: [T("celui-ci", .word, [.compound], norm: "celui-ci")],
         note: "celui-ci"),
    Case(input: "celle-là",
         tokens: [T("celle-là", .word, [.compound], norm: "celle-là")],
         note: "celle-là"),
    Case(input: "cet après-midi",
         tokens: [T("cet"), T("après-midi", .word, [.compound], norm: "après-midi")],
         note: "après-midi"),
    Case(input: "moi-même",
         tokens: [T("moi-même", .word, [.compound], norm: "moi-même")],
         note: "moi-même: the first part is never a clitic"),
    Case(input: "covid-19",
         tokens: [T("covid-19", .word, [.compound], norm: "covid-19")],
         note: "covid-19 (spec example)"),
    Case(input: "COVID-19",
         tokens: [T("COVID-19", .word, [.compound, .allCaps], norm: "covid-19")],
         note: "COVID-19 in capitals"),
    Case(input: "à Saint-Denis",
         tokens: [T("à"), T("Saint-Denis", .word, [.compound, .capitalized], norm: "saint-denis")],
         note: "Saint-Denis"),
    Case(input: "par e-mail",
         tokens: [T("par"), T("e-mail", .word, [.compound], norm: "e-mail")],
         note: "e-mail"),
    Case(input: "c-à-d",
         tokens: [T("c-à-d", .word, [.compound], norm: "c-à-d")],
         note: "abbreviated c-à-d"),
    Case(input: "est-ce-que",
         tokens: [T("est-ce-que", .word, [.compound], norm: "est-ce-que")],
         note: "misspelt est-ce-que: clitics split only at the end of a chain"),
    Case(input: "ma grand-mère",
         tokens: [T("ma"), T("grand-mère", .word, [.compound], norm: "grand-mère")],
         note: "grand-mère"),
    Case(input: "au sous-sol",
         tokens: [T("au"), T("sous-sol", .word, [.compound], norm: "sous-sol")],
         note: "sous-sol"),
    Case(input: "là-bas",
         tokens: [T("là-bas", .word, [.compound], norm: "là-bas")],
         note: "là-bas"),
    Case(input: "rendez vous",
         tokens: [T("rendez"), T("vous")],
         note: "rendez vous without hyphen"),
    Case(input: "bien - mal",
         tokens: [T("bien"), T("-", .punct, norm: "-"), T("mal")],
         note: "hyphen used as a dash with spaces"),
    Case(input: "bien \u{2013} mal",
         tokens: [T("bien"), T("\u{2013}", .punct, norm: "-"), T("mal")],
         note: "en dash with spaces"),
]

// MARK: - Numbers, phones, e-mails, URLs, hashtags, mentions

let numberContactCases: [Case] = [
    Case(input: "3 000 €",
         tokens: [T("3 000", .number, norm: "3000"), T("€", .symbol, norm: "€")],
         note: "thousands with a normal space"),
    Case(input: "3\u{A0}000\u{A0}€",
         tokens: [T("3\u{A0}000", .number, norm: "3000"), T("€", .symbol)],
         note: "thousands with NBSP"),
    Case(input: "3\u{202F}000\u{202F}€",
         tokens: [T("3\u{202F}000", .number, norm: "3000"), T("€", .symbol)],
         note: "thousands with narrow NBSP U+202F"),
    Case(input: "12,5 %",
         tokens: [T("12,5", .number, norm: "12,5"), T("%", .symbol, norm: "%")],
         note: "decimal comma and percent"),
    Case(input: "12,5%",
         tokens: [T("12,5", .number, norm: "12,5"), T("%", .symbol)],
         note: "percent glued to the number"),
    Case(input: "le 1er étage",
         tokens: [T("le"), T("1er", .number, [.ordinal], norm: "1er"), T("étage")],
         note: "ordinal 1er"),
    Case(input: "la 1ère fois",
         tokens: [T("la"), T("1ère", .number, [.ordinal], norm: "1ère"), T("fois")],
         note: "ordinal 1ère"),
    Case(input: "au 3e étage",
         tokens: [T("au"), T("3e", .number, [.ordinal], norm: "3e"), T("étage", norm: "étage")],
         note: "ordinal 3e"),
    Case(input: "le 2ème bâtiment",
         tokens: [T("le"), T("2ème", .number, [.ordinal], norm: "2ème"), T("bâtiment")],
         note: "ordinal 2ème"),
    Case(input: "le 2nd semestre",
         tokens: [T("le"), T("2nd", .number, [.ordinal], norm: "2nd"), T("semestre")],
         note: "ordinal 2nd"),
    Case(input: "la 1re année",
         tokens: [T("la"), T("1re", .number, [.ordinal], norm: "1re"), T("année")],
         note: "ordinal 1re (the recommended French form)"),
    Case(input: "à 2h30 du matin",
         tokens: [T("à"), T("2h30", .number, norm: "2h30"), T("du"), T("matin")],
         note: "time 2h30"),
    Case(input: "dès 10h",
         tokens: [T("dès"), T("10h", .number, norm: "10h")],
         note: "time 10h"),
    Case(input: "15min d'attente",
         tokens: [T("15min", .number, norm: "15min"), T("d'", .word, [.elided]), T("attente")],
         note: "unit 15min"),
    Case(input: "1 250 000 habitants",
         tokens: [T("1 250 000", .number, norm: "1250000"), T("habitants")],
         note: "millions grouped with spaces"),
    Case(input: "3 000,50 €",
         tokens: [T("3 000,50", .number, norm: "3000,50"), T("€", .symbol)],
         note: "grouped thousands with decimals"),
    Case(input: "3.000 euros",
         tokens: [T("3.000", .number, norm: "3.000"), T("euros")],
         note: "thousands with a dot"),
    Case(input: "2019-2020",
         tokens: [T("2019", .number, norm: "2019"), T("-", .punct), T("2020", .number, norm: "2020")],
         note: "year range"),
    Case(input: "rdv à 10:30",
         tokens: [T("rdv"), T("à"), T("10", .number), T(":", .punct), T("30", .number)],
         note: "10:30 is not an emoticon"),
    Case(input: "En 2020 150 logements",
         tokens: [T("En", .word, [.capitalized]), T("2020", .number, norm: "2020"), T("150", .number, norm: "150"),
                  T("logements")],
         note: "a year then a count: a 4-digit group does not start a grouped number"),
    Case(input: "de 3 à 5 000 €",
         tokens: [T("de"), T("3", .number), T("à"), T("5 000", .number, norm: "5000"), T("€", .symbol)],
         note: "range ending with a grouped number"),
    Case(input: "24h/24",
         tokens: [T("24h", .number, norm: "24h"), T("/", .punct), T("24", .number)],
         note: "24h/24"),
    Case(input: "100%",
         tokens: [T("100", .number, norm: "100"), T("%", .symbol)],
         note: "100%"),
    Case(input: "45 m²",
         tokens: [T("45", .number), T("m²", .word, norm: "m2")],
         note: "superscript two becomes 2 under NFKC"),
    Case(input: "50m²",
         tokens: [T("50m²", .number, norm: "50m2")],
         note: "surface glued to its unit"),
    Case(input: "n° 12",
         tokens: [T("n°", .word, [.abbreviation], norm: "n°"), T("12", .number, norm: "12")],
         note: "n° abbreviation"),
    Case(input: "N° 5",
         tokens: [T("N°", .word, [.abbreviation], norm: "n°"), T("5", .number)],
         note: "capital N°"),
    Case(input: "n°12",
         tokens: [T("n°", .word, [.abbreviation], norm: "n°"), T("12", .number)],
         note: "n° glued to its number"),
    Case(input: "il fait 19°",
         tokens: [T("il"), T("fait"), T("19", .number), T("°", .symbol)],
         note: "degree sign is a symbol"),
    Case(input: "06 12 34 56 78",
         tokens: [T("06 12 34 56 78", .phone, norm: "0612345678")],
         note: "phone with spaces"),
    Case(input: "06.12.34.56.78",
         tokens: [T("06.12.34.56.78", .phone, norm: "0612345678")],
         note: "phone with dots"),
    Case(input: "0612345678",
         tokens: [T("0612345678", .phone, norm: "0612345678")],
         note: "phone without separators"),
    Case(input: "+33 6 12 34 56 78",
         tokens: [T("+33 6 12 34 56 78", .phone, norm: "+33612345678")],
         note: "international phone with spaces"),
    Case(input: "+33612345678",
         tokens: [T("+33612345678", .phone, norm: "+33612345678")],
         note: "international phone without spaces"),
    Case(input: "0033 6 12 34 56 78",
         tokens: [T("0033 6 12 34 56 78", .phone)],
         note: "international phone with 00 prefix"),
    Case(input: "+33 (0)6 12 34 56 78",
         tokens: [T("+33 (0)6 12 34 56 78", .phone)],
         note: "international phone with (0)"),
    Case(input: "Appelez-moi au 06 12 34 56 78 svp",
         tokens: [T("Appelez", .word, [.capitalized]), T("-moi", .word, [.clitic], norm: "moi"), T("au"),
                  T("06 12 34 56 78", .phone, norm: "0612345678"), T("svp")],
         note: "phone inside a sentence"),
    Case(input: "Tél. : 01 23 45 67 89.",
         tokens: [T("Tél.", .word, [.abbreviation, .capitalized], norm: "tél."), T(":", .punct),
                  T("01 23 45 67 89", .phone, norm: "0123456789"), T(".", .punct)],
         note: "phone after Tél. and before a final period"),
    Case(input: "06 12 34 56",
         tokens: [T("06", .number, norm: "06"), T("12", .number), T("34", .number), T("56", .number)],
         note: "incomplete phone: four numbers"),
    Case(input: "jean.dupont@example.org",
         tokens: [T("jean.dupont@example.org", .email, norm: "jean.dupont@example.org")],
         note: "e-mail"),
    Case(input: "écrire à contact@mairie-lyon.fr.",
         tokens: [T("écrire"), T("à"), T("contact@mairie-lyon.fr", .email), T(".", .punct)],
         note: "e-mail before the final period"),
    Case(input: "(marie_l@free.fr)",
         tokens: [T("(", .punct), T("marie_l@free.fr", .email), T(")", .punct)],
         note: "e-mail in parentheses"),
    Case(input: "Jean.Dupont@Example.ORG",
         tokens: [T("Jean.Dupont@Example.ORG", .email, norm: "jean.dupont@example.org")],
         note: "e-mail in mixed case: norm folded"),
    Case(input: "https://ex.org/a?b=1.",
         tokens: [T("https://ex.org/a?b=1", .url, norm: "https://ex.org/a?b=1"), T(".", .punct)],
         note: "URL with trailing period left out"),
    Case(input: "www.ex.fr",
         tokens: [T("www.ex.fr", .url, norm: "www.ex.fr")],
         note: "www URL"),
    Case(input: "(voir www.service-public.fr)",
         tokens: [T("(", .punct), T("voir"), T("www.service-public.fr", .url), T(")", .punct)],
         note: "URL with trailing parenthesis left out"),
    Case(input: "voir http://mairie.fr/faq, merci",
         tokens: [T("voir"), T("http://mairie.fr/faq", .url), T(",", .punct), T("merci")],
         note: "URL before a comma"),
    Case(input: "le site www.ex.fr\u{2026}",
         tokens: [T("le"), T("site"), T("www.ex.fr", .url), T("\u{2026}", .punct, norm: "...")],
         note: "URL before an ellipsis character"),
    Case(input: "https://www.ex.fr/page?id=3&x=4!",
         tokens: [T("https://www.ex.fr/page?id=3&x=4", .url), T("!", .punct)],
         note: "URL with query before an exclamation mark"),
    Case(input: "#logement",
         tokens: [T("#logement", .hashtag, norm: "#logement")],
         note: "hashtag"),
    Case(input: "#Logement indigne",
         tokens: [T("#Logement", .hashtag, norm: "#logement"), T("indigne")],
         note: "capitalized hashtag: norm folded"),
    Case(input: "#sécurité",
         tokens: [T("#sécurité", .hashtag, norm: "#sécurité")],
         note: "hashtag with accents"),
    Case(input: "merci @bailleur",
         tokens: [T("merci"), T("@bailleur", .mention, norm: "@bailleur")],
         note: "mention"),
    Case(input: "@Mairie_Paris !",
         tokens: [T("@Mairie_Paris", .mention, norm: "@mairie_paris"), T("!", .punct)],
         note: "mention with underscore"),
]

// MARK: - Emoji, emoticons, punctuation, abbreviations, quotes

let emojiPunctCases: [Case] = [
    Case(input: "😡",
         tokens: [T("😡", .emoji)],
         note: "single emoji"),
    Case(input: "nul 😡",
         tokens: [T("nul"), T("😡", .emoji)],
         note: "emoji after a word"),
    Case(input: "super \u{1F44D}\u{1F3FD}",
         tokens: [T("super"), T("\u{1F44D}\u{1F3FD}", .emoji)],
         note: "emoji with skin tone is one token"),
    Case(input: "\u{1F469}\u{200D}\u{1F4BB} télétravail",
         tokens: [T("\u{1F469}\u{200D}\u{1F4BB}", .emoji), T("télétravail")],
         note: "ZWJ profession sequence"),
    Case(input: "notre famille \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",
         tokens: [T("notre"), T("famille"), T("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}", .emoji)],
         note: "ZWJ family sequence"),
    Case(input: "\u{1F468}\u{1F3FD}\u{200D}\u{1F527} plombier",
         tokens: [T("\u{1F468}\u{1F3FD}\u{200D}\u{1F527}", .emoji), T("plombier")],
         note: "ZWJ sequence with skin tone"),
    Case(input: "\u{1F1EB}\u{1F1F7}",
         tokens: [T("\u{1F1EB}\u{1F1F7}", .emoji)],
         note: "flag"),
    Case(input: "\u{1F1EB}\u{1F1F7}\u{1F1E7}\u{1F1EA}",
         tokens: [T("\u{1F1EB}\u{1F1F7}", .emoji), T("\u{1F1E7}\u{1F1EA}", .emoji)],
         note: "two flags in a row"),
    Case(input: "je \u{2764}\u{FE0F} mon quartier",
         tokens: [T("je"), T("\u{2764}\u{FE0F}", .emoji), T("mon"), T("quartier")],
         note: "heart with VS16"),
    Case(input: "\u{2600}\u{FE0F} soleil",
         tokens: [T("\u{2600}\u{FE0F}", .emoji), T("soleil")],
         note: "text-default pictograph with VS16 is an emoji"),
    Case(input: "😡😡😡",
         tokens: [T("😡", .emoji), T("😡", .emoji), T("😡", .emoji)],
         note: "three emoji in a row: three tokens"),
    Case(input: "Merci😊",
         tokens: [T("Merci", .word, [.capitalized]), T("😊", .emoji)],
         note: "emoji glued to a word"),
    Case(input: "\u{1F64F}\u{1F3FB}\u{1F64F}\u{1F3FB}",
         tokens: [T("\u{1F64F}\u{1F3FB}", .emoji), T("\u{1F64F}\u{1F3FB}", .emoji)],
         note: "two emoji with skin tones"),
    Case(input: ":)",
         tokens: [T(":)", .emoticon, norm: ":)")],
         note: "smiley"),
    Case(input: "merci :)",
         tokens: [T("merci"), T(":)", .emoticon)],
         note: "smiley after a word"),
    Case(input: ":-(",
         tokens: [T(":-(", .emoticon, norm: ":-(")],
         note: "sad face with nose"),
    Case(input: "bisous ;)",
         tokens: [T("bisous"), T(";)", .emoticon)],
         note: "wink"),
    Case(input: "mdr :D",
         tokens: [T("mdr"), T(":D", .emoticon)],
         note: "big grin"),
    Case(input: "je <3 mon quartier",
         tokens: [T("je"), T("<3", .emoticon), T("mon"), T("quartier")],
         note: "heart emoticon"),
    Case(input: "merci ^^",
         tokens: [T("merci"), T("^^", .emoticon)],
         note: "^^"),
    Case(input: "bof :/",
         tokens: [T("bof"), T(":/", .emoticon)],
         note: ":/"),
    Case(input: "mdr xD",
         tokens: [T("mdr"), T("xD", .emoticon)],
         note: "xD"),
    Case(input: "trop bien:)",
         tokens: [T("trop"), T("bien"), T(":)", .emoticon)],
         note: "smiley glued after a word"),
    Case(input: "à 10:30 :)",
         tokens: [T("à"), T("10", .number), T(":", .punct), T("30", .number), T(":)", .emoticon)],
         note: "time then a real smiley"),
    Case(input: "nul !!!",
         tokens: [T("nul"), T("!!!", .punct, norm: "!!!")],
         note: "repeated exclamation"),
    Case(input: "pourquoi ???",
         tokens: [T("pourquoi"), T("???", .punct, norm: "???")],
         note: "repeated question marks"),
    Case(input: "vraiment ?!",
         tokens: [T("vraiment"), T("?!", .punct, norm: "?!")],
         note: "?!"),
    Case(input: "Quoi?!!",
         tokens: [T("Quoi", .word, [.capitalized]), T("?!!", .punct, norm: "?!!")],
         note: "mixed run glued to a word"),
    Case(input: "bof...",
         tokens: [T("bof"), T("...", .punct, norm: "...")],
         note: "three dots"),
    Case(input: "bof\u{2026}",
         tokens: [T("bof"), T("\u{2026}", .punct, norm: "...")],
         note: "ellipsis character is one punct, norm ..."),
    Case(input: "bon\u{2026} mais non",
         tokens: [T("bon"), T("\u{2026}", .punct, norm: "..."), T("mais"), T("non")],
         note: "ellipsis mid-sentence"),
    Case(input: "bon...mais",
         tokens: [T("bon"), T("...", .punct), T("mais")],
         note: "dots glued between words"),
    Case(input: "non..",
         tokens: [T("non"), T("..", .punct, norm: "..")],
         note: "two dots"),
    Case(input: ".....",
         tokens: [T(".....", .punct)],
         note: "long run of dots"),
    Case(input: "Super !",
         tokens: [T("Super", .word, [.capitalized], norm: "super"), T("!", .punct)],
         note: "French spacing before !"),
    Case(input: "M. Dupont",
         tokens: [T("M.", .word, [.abbreviation, .capitalized], norm: "m."),
                  T("Dupont", .word, [.capitalized], norm: "dupont")],
         note: "M. abbreviation"),
    Case(input: "Mme Martin",
         tokens: [T("Mme", .word, [.capitalized], norm: "mme"), T("Martin", .word, [.capitalized], norm: "martin")],
         note: "Mme without a period is a plain word"),
    Case(input: "Mme. Martin",
         tokens: [T("Mme.", .word, [.abbreviation, .capitalized], norm: "mme."), T("Martin")],
         note: "Mme. with a period"),
    Case(input: "le bruit, les odeurs, etc.",
         tokens: [T("le"), T("bruit"), T(",", .punct), T("les"), T("odeurs"), T(",", .punct),
                  T("etc.", .word, [.abbreviation], norm: "etc.")],
         note: "etc. at the end of an answer"),
    Case(input: "bât. C",
         tokens: [T("bât.", .word, [.abbreviation], norm: "bât."), T("C", .word, [.capitalized], norm: "c")],
         note: "bât. abbreviation"),
    Case(input: "Remarque : trop cher",
         tokens: [T("Remarque", .word, [.capitalized]), T(":", .punct), T("trop"), T("cher")],
         note: "colon with French spacing is not an emoticon"),
    Case(input: "nul ; cher",
         tokens: [T("nul"), T(";", .punct), T("cher")],
         note: "semicolon with French spacing is not an emoticon"),
    Case(input: "« super »",
         tokens: [T("«", .punct, norm: "\""), T("super"), T("»", .punct, norm: "\"")],
         note: "guillemets with spaces"),
    Case(input: "«\u{A0}super\u{A0}»",
         tokens: [T("«", .punct, norm: "\""), T("super"), T("»", .punct, norm: "\"")],
         note: "guillemets with NBSP"),
    Case(input: "\u{201C}bien\u{201D}",
         tokens: [T("\u{201C}", .punct, norm: "\""), T("bien"), T("\u{201D}", .punct, norm: "\"")],
         note: "English curly quotes"),
    Case(input: "\"trop\"",
         tokens: [T("\"", .punct, norm: "\""), T("trop"), T("\"", .punct, norm: "\"")],
         note: "straight double quotes"),
    Case(input: "«l'ascenseur»",
         tokens: [T("«", .punct), T("l'", .word, [.elided]), T("ascenseur"), T("»", .punct)],
         note: "guillemets glued to an elision"),
    Case(input: "(trop cher)",
         tokens: [T("(", .punct), T("trop"), T("cher"), T(")", .punct)],
         note: "parentheses"),
    Case(input: "et/ou",
         tokens: [T("et"), T("/", .punct), T("ou")],
         note: "slash"),
    Case(input: "loyer + charges",
         tokens: [T("loyer"), T("+", .symbol), T("charges")],
         note: "plus sign is a symbol"),
]

// MARK: - SMS, case, spacing, invisible characters, Unicode forms

let textFormCases: [Case] = [
    Case(input: "ya pb avec l asenceur",
         tokens: [T("ya"), T("pb"), T("avec"), T("l", norm: "l"), T("asenceur", norm: "asenceur")],
         note: "SMS: no apostrophe, misspelling"),
    Case(input: "jsp",
         tokens: [T("jsp", norm: "jsp")],
         note: "SMS jsp"),
    Case(input: "c nul",
         tokens: [T("c", norm: "c"), T("nul")],
         note: "SMS c"),
    Case(input: "pk ?",
         tokens: [T("pk"), T("?", .punct)],
         note: "SMS pk"),
    Case(input: "tjrs en panne",
         tokens: [T("tjrs"), T("en"), T("panne")],
         note: "SMS tjrs"),
    Case(input: "g pa compri",
         tokens: [T("g"), T("pa"), T("compri")],
         note: "SMS spelling"),
    Case(input: "bcp trop cher",
         tokens: [T("bcp"), T("trop"), T("cher")],
         note: "SMS bcp"),
    Case(input: "TROP CHER",
         tokens: [T("TROP", .word, [.allCaps, .capitalized], norm: "trop"),
                  T("CHER", .word, [.allCaps, .capitalized], norm: "cher")],
         note: "shouting"),
    Case(input: "ÉTÉ",
         tokens: [T("ÉTÉ", .word, [.allCaps, .capitalized], norm: "été")],
         note: "accented capitals fold keeping accents"),
    Case(input: "Été",
         tokens: [T("Été", .word, [.capitalized], norm: "été")],
         note: "capitalized accented word"),
    Case(input: "ÇA VA PAS",
         tokens: [T("ÇA", .word, [.allCaps], norm: "ça"), T("VA", .word, [.allCaps], norm: "va"),
                  T("PAS", .word, [.allCaps], norm: "pas")],
         note: "Ç in capitals"),
    Case(input: "iPhone",
         tokens: [T("iPhone", norm: "iphone")],
         note: "mixed case inside a word"),
    Case(input: "RAS",
         tokens: [T("RAS", .word, [.allCaps], norm: "ras")],
         note: "RAS"),
    Case(input: "Œuvre",
         tokens: [T("Œuvre", .word, [.capitalized], norm: "œuvre")],
         note: "œ ligature is a letter, kept by NFKC"),
    Case(input: "un T3 au 2e",
         tokens: [T("un"), T("T3", .word, [.capitalized], norm: "t3"), T("au"), T("2e", .number, [.ordinal])],
         note: "apartment type T3"),
    Case(input: "bien\nmerci",
         tokens: [T("bien"), T("merci")],
         note: "LF is not a token"),
    Case(input: "bien\r\nmerci",
         tokens: [T("bien"), T("merci")],
         note: "CRLF is not a token"),
    Case(input: "bien\rmerci",
         tokens: [T("bien"), T("merci")],
         note: "lone CR is not a token"),
    Case(input: "bien\u{85}merci",
         tokens: [T("bien"), T("merci")],
         note: "NEL is a line break"),
    Case(input: "l'ascenseur\u{2028}marche",
         tokens: [T("l'", .word, [.elided]), T("ascenseur"), T("marche")],
         note: "U+2028 line separator"),
    Case(input: "bien\tmerci",
         tokens: [T("bien"), T("merci")],
         note: "tab"),
    Case(input: "bien\u{A0}merci",
         tokens: [T("bien"), T("merci")],
         note: "NBSP between words"),
    Case(input: "ascen\u{AD}seur",
         tokens: [T("ascen\u{AD}seur", norm: "ascenseur")],
         note: "soft hyphen inside a word"),
    Case(input: "l'ascen\u{AD}seur",
         tokens: [T("l'", .word, [.elided]), T("ascen\u{AD}seur", norm: "ascenseur")],
         note: "elision before a word with a soft hyphen"),
    Case(input: "ascen\u{200B}seur",
         tokens: [T("ascen\u{200B}seur", norm: "ascenseur")],
         note: "zero-width space inside a word (dropped)"),
    Case(input: "le\u{200B}bruit",
         tokens: [T("le\u{200B}bruit", norm: "lebruit")],
         note: "zero-width space between words is dropped (spec), so the words join"),
    Case(input: "ascen\u{200D}seur",
         tokens: [T("ascen\u{200D}seur", norm: "ascenseur")],
         note: "ZWJ outside emoji is dropped"),
    Case(input: "\u{200F}merci\u{200E} beaucoup",
         tokens: [T("merci", norm: "merci"), T("beaucoup")],
         note: "bidi marks around a word are not part of it"),
    Case(input: "\u{FEFF}Bonjour",
         tokens: [T("Bonjour", .word, [.capitalized], norm: "bonjour")],
         note: "BOM at the start (CSV export)"),
    Case(input: "e\u{301}te\u{301}",
         tokens: [T("e\u{301}te\u{301}", norm: "été")],
         note: "combining accents compose"),
    Case(input: "E\u{301}TE\u{301}",
         tokens: [T("E\u{301}TE\u{301}", .word, [.allCaps], norm: "été")],
         note: "combining accents on capitals"),
    Case(input: "c\u{327}a va",
         tokens: [T("c\u{327}a", norm: "ça"), T("va")],
         note: "combining cedilla"),
    Case(input: "\u{FB01}n",
         tokens: [T("\u{FB01}n", norm: "fin")],
         note: "fi ligature"),
    Case(input: "pro\u{FB01}ter",
         tokens: [T("pro\u{FB01}ter", norm: "profiter")],
         note: "fi ligature inside a word"),
    Case(input: "\u{FF4D}\u{FF45}\u{FF52}\u{FF43}\u{FF49}",
         tokens: [T("\u{FF4D}\u{FF45}\u{FF52}\u{FF43}\u{FF49}", norm: "merci")],
         note: "full-width letters"),
    Case(input: "\u{FF2F}\u{FF2B}",
         tokens: [T("\u{FF2F}\u{FF2B}", .word, [.allCaps], norm: "ok")],
         note: "full-width capitals"),
    Case(input: "\u{FF11}\u{FF12} ans",
         tokens: [T("\u{FF11}\u{FF12}", .number, norm: "12"), T("ans")],
         note: "full-width digits"),
    Case(input: "😡 nul",
         tokens: [T("😡", .emoji), T("nul", norm: "nul")],
         note: "4-byte emoji before a word: offsets are bytes"),
    Case(input: "\u{1D4DC}\u{1D4EA}\u{1D4F2}\u{1D4FB}\u{1D4F2}\u{1D4EE} nulle",
         tokens: [T("\u{1D4DC}\u{1D4EA}\u{1D4F2}\u{1D4FB}\u{1D4F2}\u{1D4EE}", .word, norm: "mairie"), T("nulle")],
         note: "mathematical script letters (4 bytes each)"),
    Case(input: "\u{1F1EB}\u{1F1F7} l'ascenseur",
         tokens: [T("\u{1F1EB}\u{1F1F7}", .emoji), T("l'", .word, [.elided]), T("ascenseur")],
         note: "flag (8 bytes) before an elision"),
    Case(input: "",
         tokens: [],
         note: "empty answer"),
    Case(input: "   ",
         tokens: [],
         note: "spaces only"),
    Case(input: "\n\r\n\t",
         tokens: [],
         note: "line breaks and tab only"),
    Case(input: "\u{A0}\u{202F}\u{3000}",
         tokens: [],
         note: "exotic spaces only"),
    Case(input: "\u{200B}\u{AD}\u{FEFF}",
         tokens: [],
         note: "only dropped characters"),
    Case(input: "Le 3e étage : ascenseur HS depuis le 12/03 !!!",
         tokens: [T("Le", .word, [.capitalized]), T("3e", .number, [.ordinal]), T("étage"), T(":", .punct),
                  T("ascenseur"), T("HS", .word, [.allCaps], norm: "hs"), T("depuis"), T("le"),
                  T("12", .number), T("/", .punct), T("03", .number, norm: "03"), T("!!!", .punct)],
         note: "realistic complaint with date and shouting"),
    Case(input: "RDV le 1er avril à 10h30.",
         tokens: [T("RDV", .word, [.allCaps], norm: "rdv"), T("le"), T("1er", .number, [.ordinal]), T("avril"),
                  T("à"), T("10h30", .number, norm: "10h30"), T(".", .punct)],
         note: "appointment sentence"),
    Case(input: "Loyer : 650 € + 80 € de charges",
         tokens: [T("Loyer", .word, [.capitalized]), T(":", .punct), T("650", .number, norm: "650"), T("€", .symbol),
                  T("+", .symbol), T("80", .number, norm: "80"), T("€", .symbol), T("de"), T("charges")],
         note: "amounts with symbols"),
]

let tokenizerCases: [Case] = elisionCases + cliticCompoundCases + numberContactCases + emojiPunctCases + textFormCases

// MARK: - Tests

@Test("the table has at least 150 cases")
func tokenizerTableSize() {
    #expect(tokenizerCases.count >= 150)
}

@Test("tokenizer table", arguments: tokenizerCases)
func tokenizerTable(_ c: Case) throws {
    let analyzer = try TextAnalyzer()
    let result = analyzer.analyze(c.input)
    let bytes = Array(c.input.utf8)
    let actual = result.tokens
    let context = "[\(c.note)] input \(c.input.debugDescription)"
    #expect(actual.count == c.tokens.count,
            "\(context): expected \(c.tokens.count) tokens, got \(actual.count): \(TableSupport.dump(actual, bytes))")
    var searchFrom = 0
    for (i, (token, want)) in zip(actual, c.tokens).enumerated() {
        let at = "\(context) token \(i) (\(want.text.debugDescription))"
        let wantBytes = Array(want.text.utf8)
        guard let expectedStart = TableSupport.find(wantBytes, in: bytes, from: searchFrom) else {
            Issue.record("\(at): expected text not found in the input after byte \(searchFrom) (bad case)")
            continue
        }
        searchFrom = expectedStart + wantBytes.count
        guard TableSupport.isValidSpan(token.utf8Start, token.utf8End, bytes) else {
            Issue.record("\(at): invalid span \(token.utf8Start)..<\(token.utf8End) for \(bytes.count) bytes")
            continue
        }
        let got = Array(bytes[token.utf8Start..<token.utf8End])
        #expect(got == wantBytes,
                "\(at): original slice is \(TableSupport.slice(bytes, token.utf8Start, token.utf8End).debugDescription)")
        #expect(token.utf8Start == expectedStart, "\(at): utf8Start \(token.utf8Start), expected \(expectedStart)")
        #expect(token.utf8End == expectedStart + wantBytes.count,
                "\(at): utf8End \(token.utf8End), expected \(expectedStart + wantBytes.count)")
        #expect(token.kind == want.kind, "\(at): kind \(token.kind), expected \(want.kind)")
        #expect(token.flags.isSuperset(of: want.flags),
                "\(at): flags [\(token.flags.names())] lack [\(want.flags.subtracting(token.flags).names())]")
        if let norm = want.norm {
            #expect(Array(token.norm.utf8) == Array(norm.utf8),
                    "\(at): norm \(token.norm.debugDescription) (\(Array(token.norm.unicodeScalars))), expected \(norm.debugDescription)")
        }
    }
}

@Test("token spans are ordered, non-overlapping and inside the answer", arguments: tokenizerCases)
func tokenSpansAreWellFormed(_ c: Case) throws {
    let analyzer = try TextAnalyzer()
    let result = analyzer.analyze(c.input)
    let bytes = Array(c.input.utf8)
    var previousEnd = 0
    for (i, t) in result.tokens.enumerated() {
        #expect(TableSupport.isValidSpan(t.utf8Start, t.utf8End, bytes),
                "[\(c.note)] token \(i): span \(t.utf8Start)..<\(t.utf8End) out of 0..<\(bytes.count)")
        #expect(t.utf8Start >= previousEnd, "[\(c.note)] token \(i) overlaps the previous one")
        #expect(!t.norm.isEmpty, "[\(c.note)] token \(i) has an empty norm")
        previousEnd = max(previousEnd, t.utf8End)
    }
}

@Test("a 10,000-character answer: offsets are UTF-8 bytes to the end")
func longAnswerOffsets() throws {
    let analyzer = try TextAnalyzer()
    let unit = "été "              // 4 characters, 6 UTF-8 bytes
    let text = String(repeating: unit, count: 2_500)
    #expect(text.count == 10_000)
    #expect(text.utf8.count == 15_000)
    let result = analyzer.analyze(text)
    #expect(result.tokens.count == 2_500)
    let last = try #require(result.tokens.last)
    #expect(last.utf8Start == 2_499 * 6)
    #expect(last.utf8End == 2_499 * 6 + 5)
    #expect(last.kind == .word)
    #expect(Array(last.norm.utf8) == Array("été".utf8))
    for (i, t) in result.tokens.enumerated() where t.utf8Start != 6 * i || t.utf8End != 6 * i + 5 {
        Issue.record("token \(i): span \(t.utf8Start)..<\(t.utf8End), expected \(6 * i)..<\(6 * i + 5)")
        break
    }
    #expect(result.excerpts.count == 1)
}

@Test("a long answer of many sentences")
func longAnswerSentences() throws {
    let analyzer = try TextAnalyzer()
    let unit = "L'ascenseur est en panne. "   // 26 bytes, 6 tokens: L' ascenseur est en panne .
    let text = String(repeating: unit, count: 385) // 10,010 characters
    #expect(text.count >= 10_000)
    let result = analyzer.analyze(text)
    #expect(result.tokens.count == 6 * 385)
    let last = try #require(result.tokens.last)
    #expect(last.kind == .punct)
    #expect(last.utf8Start == 26 * 384 + 24)
    #expect(last.utf8End == 26 * 384 + 25)
    #expect(result.excerpts.count == 385)
    let bytes = Array(text.utf8)
    for (k, e) in result.excerpts.enumerated() {
        let got = TableSupport.slice(bytes, e.utf8Start, e.utf8End)
        if got != "L'ascenseur est en panne." || e.utf8Start != 26 * k {
            Issue.record("excerpt \(k): \(got.debugDescription) at \(e.utf8Start)")
            break
        }
    }
}

/// Invalid UTF-8 (not expressible in a Swift String): bytes, the expected repair count and the
/// byte range of the invalid sequence.
struct InvalidBytesCase: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let repairs: Int
    let invalid: Range<Int>
    let note: String
    var testDescription: String { note }
}

let invalidBytesCases: [InvalidBytesCase] = [
    InvalidBytesCase(bytes: [0x61, 0xFF, 0x62], repairs: 1, invalid: 1..<2, note: "0xFF between letters"),
    InvalidBytesCase(bytes: [0x63, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72], repairs: 1, invalid: 3..<4,
                     note: "Latin-1 café noir"),
    InvalidBytesCase(bytes: [0x63, 0x61, 0x66, 0xC3], repairs: 1, invalid: 3..<4,
                     note: "truncated sequence at the end"),
    InvalidBytesCase(bytes: [0xFF, 0x20, 0x6F, 0x6B], repairs: 1, invalid: 0..<1, note: "invalid byte at the start"),
]

@Test("invalid UTF-8 is repaired, never fatal", arguments: invalidBytesCases)
func invalidUTF8(_ c: InvalidBytesCase) throws {
    let analyzer = try TextAnalyzer()
    let result = analyzer.analyze(c.bytes)
    #expect(result.normalized.repairCount == c.repairs)
    var previousEnd = 0
    for (i, t) in result.tokens.enumerated() {
        #expect(TableSupport.isValidSpan(t.utf8Start, t.utf8End, c.bytes), "token \(i): bad span \(t.utf8Start)..<\(t.utf8End)")
        #expect(t.utf8Start >= previousEnd, "token \(i) overlaps")
        previousEnd = t.utf8End
    }
    let covering = result.tokens.filter { $0.utf8Start <= c.invalid.lowerBound && $0.utf8End >= c.invalid.upperBound }
    #expect(covering.count == 1, "one token must span the invalid bytes \(c.invalid); tokens: \(result.tokens)")
    if let t = covering.first {
        #expect(t.flags.contains(.repaired) || t.kind == .symbol,
                "the token spanning the invalid bytes must be flagged repaired or be a U+FFFD symbol: \(t)")
    }
}

@Test("Latin-1 bytes: the word after the repaired one keeps its byte offsets")
func latin1FollowingWord() throws {
    let analyzer = try TextAnalyzer()
    let result = analyzer.analyze([0x63, 0x61, 0x66, 0xE9, 0x20, 0x6E, 0x6F, 0x69, 0x72] as [UInt8]) // "caf\xE9 noir"
    let last = try #require(result.tokens.last)
    #expect(last.utf8Start == 5)
    #expect(last.utf8End == 9)
    #expect(last.norm == "noir")
    #expect(last.kind == .word)
}

@Test("valid bytes give the same tokens as the string")
func bytesMatchString() throws {
    let analyzer = try TextAnalyzer()
    let text = "L’été, c’est 3 000 € 😡 !!!"
    let fromString = analyzer.analyze(text)
    let fromBytes = analyzer.analyze(Array(text.utf8))
    #expect(fromBytes.normalized.repairCount == 0)
    #expect(fromString.tokens == fromBytes.tokens)
    #expect(fromString.excerpts == fromBytes.excerpts)
}
