/// HTML escaping. Every respondent text and every string read from the database goes through
/// `HTML.escape` before it reaches the report, in element content and in attribute values alike.
public enum HTML {
    /// Escapes `& < > " '` (as `&amp; &lt; &gt; &quot; &#39;`), so the result is safe both as
    /// element content and inside a quoted attribute value (and inside SVG `<text>`/`<title>`).
    /// C0 control characters other than tab, line feed and carriage return (invalid in HTML)
    /// become U+FFFD. Everything else, accents and emoji included, is kept as is.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 || byte == 0x7F {
            if byte != 0x09 && byte != 0x0A && byte != 0x0D {
                needsWork = true
                break
            }
        }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0x00..<0x20, 0x7F: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape`, under the name used for element content.
    @inlinable public static func text(_ s: String) -> String { escape(s) }

    /// `escape`, under the name used for attribute values (always written between double quotes).
    @inlinable public static func attribute(_ s: String) -> String { escape(s) }

    /// A fragment id made of [a-z0-9-] only (no escaping needed), from any string.
    public static func anchor(_ prefix: String, _ s: String) -> String {
        var out = prefix
        for scalar in s.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "-": out.unicodeScalars.append(scalar)
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default: out += "_\(scalar.value)"
            }
        }
        return out
    }
}

/// Deterministic number formatting (no locale, no Foundation): the same numbers print the same
/// text everywhere, in SVG coordinates as in figures.
public enum NumberText {
    /// `value` rounded to `decimals` places, e.g. 3.14159, 2 → "3.14"; -0.04, 1 → "0.0".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        if value < 0 {
            let magnitude = fixed(-value, decimals: decimals)
            return magnitude.allSatisfy({ $0 == "0" || $0 == "." }) ? magnitude : "-" + magnitude
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        let whole = scaled / Int64(scale)
        var fraction = String(scaled % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return decimals == 0 ? "\(whole)" : "\(whole).\(fraction)"
    }

    /// A coordinate: at most one decimal, no trailing ".0" ("12", "12.5").
    public static func coordinate(_ value: Double) -> String {
        let s = fixed(value, decimals: 1)
        return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
    }

    /// An integer with thousands separated by commas: 1068 → "1,068".
    public static func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// `part` as a percentage of `whole` with one decimal ("22.0%"); "–" when `whole` is 0.
    public static func percent(_ part: Int, of whole: Int) -> String {
        whole <= 0 ? "–" : fixed(100 * Double(part) / Double(whole), decimals: 1) + "%"
    }

    /// A share in [0, 1] as a percentage with one decimal ("22.0%").
    public static func percent(_ share: Double) -> String {
        fixed(100 * share, decimals: 1) + "%"
    }

    /// A z-score with its sign and one decimal ("+3.6", "-2.0", "0.0").
    public static func signed(_ z: Double) -> String {
        let s = fixed(z, decimals: 1)
        return s.hasPrefix("-") || s == "0.0" ? s : "+" + s
    }
}
