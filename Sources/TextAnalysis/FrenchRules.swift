/// The word lists behind the French tokenization rules. Keys are lowercase ASCII/UTF-8.
enum FrenchRules {
    /// Elided forms, written without the apostrophe: "l" for l', "qu" for qu'.
    static let elisionPrefixes: Set<String> = [
        "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    ]

    /// Pronouns that follow an inverted verb or an imperative after a hyphen.
    static let cliticPronouns: Set<String> = [
        "je", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "le", "la", "les", "lui",
        "leur", "moi", "toi", "y", "en", "ce",
    ]

    /// Pronouns that may follow the euphonic "-t-": "a-t-il", "va-t-on".
    static let euphonicSubjects: Set<String> = ["il", "elle", "on", "ils", "elles"]

    /// Compounds that the elision and clitic rules would otherwise split. Lowercase.
    static let lexicalizedCompounds: [String] = [
        "c'est-à-dire", "rendez-vous", "qu'en-dira-t-on", "m'as-tu-vu", "sot-l'y-laisse",
    ]

    static let lexicalizedCompoundBytes: [[UInt8]] = lexicalizedCompounds.map { Array($0.utf8) }

    /// First bytes (lowercase) of the lexicalized compounds.
    static let compoundFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for compound in lexicalizedCompoundBytes { table[Int(compound[0])] = true }
        return table
    }()

    /// ASCII bytes that may start a URL, phone, hashtag, mention or emoticon.
    static let specialFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in "hHwW0123456789+(#@:;=<^-xX".utf8 { table[Int(b)] = true }
        return table
    }()

    /// Abbreviations that keep their final period ("M." "Mme." "etc.").
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "mr", "dr", "pr", "st", "ste", "bât", "bat", "bd",
        "av", "apt", "appt", "app", "etc", "cf", "tél", "tel", "ex", "env", "nb", "réf", "ref", "fig",
        "vol", "chap", "max", "min", "esc", "rdc", "ets", "sté", "ste", "cie", "ave",
    ]

    /// Suffixes that make a number an ordinal ("1er", "2e", "3ème", "2nd").
    static let ordinalSuffixes: Set<String> = [
        "er", "re", "ère", "ere", "e", "è", "ème", "eme", "ième", "ieme", "nd", "nde", "ers", "res",
        "ères", "es", "èmes", "emes", "ièmes", "nds", "ndes",
    ]

    /// Unit suffixes glued to a number that keep it a number ("2h30", "10h", "15min", "3m2").
    static let unitSuffixes: Set<String> = [
        "h", "min", "mn", "s", "km", "m", "m2", "m²", "m3", "cm", "mm", "kg", "g", "l", "kwh", "j",
        "ans", "an", "mois", "k", "k€", "€", "eur", "euros", "x", "a", "h00",
    ]

    /// Emoticons, longest first within each leading character.
    static let emoticons: [String] = [
        ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-o", ":-O", ":'(", ":')", ":-|",
        ":)", ":(", ":D", ":P", ":p", ":/", ":o", ":O", ":|", ":s", ":S",
        ";-)", ";)", ";-(", ";(", ";p", ";P", ";D",
        "=)", "=(", "=D", "<3", "</3", "^_^", "^^", "-_-", "xD", "XD",
    ]

    /// Bullet characters that start a list item even in the middle of a line.
    static let bulletScalars: Set<UInt32> = [0x2022, 0x25AA, 0x25E6, 0x25CF, 0x27A2, 0x25BA, 0x2023, 0x2043, 0x25A0, 0x2794, 0x2192]
}
