import TextAnalysis

/// The `--mask` and `--address-parts` options of `verbatim run` and `verbatim redact`.
public enum RedactionOptions {
    /// Settings from comma lists: kinds among phone, email, url, iban, nir, name, address (or
    /// "all"); address parts among street, building, flat, floor (or "all").
    /// - Throws: `VerbatimError.badOption` naming the unknown value and the accepted ones.
    public static func settings(mask: String, addressParts: String) throws -> Redactor.Settings {
        let kinds = try parse(mask, option: "--mask", Redactor.Kind.allCases, name: \.optionName)
        let parts = try parse(addressParts, option: "--address-parts", Redactor.AddressPart.allCases, name: \.rawValue)
        return Redactor.Settings(kinds: kinds, addressParts: parts)
    }

    static func parse<T: Hashable>(_ list: String, option: String, _ all: [T], name: (T) -> String) throws -> Set<T> {
        var out = Set<T>()
        for item in list.split(separator: ",").map({ $0.trimmingSpaces.lowercased() }) where !item.isEmpty {
            if item == "all" { out.formUnion(all); continue }
            guard let value = all.first(where: { name($0) == item }) else {
                throw VerbatimError.badOption(option: option, reason: "unknown value '\(item)'; expected a comma list of "
                                              + (all.map(name) + ["all"]).joined(separator: ", "))
            }
            out.insert(value)
        }
        return out
    }

    /// The kinds masked, in a fixed order (for the run record).
    public static func kindNames(_ settings: Redactor.Settings) -> [String] {
        Redactor.Kind.allCases.filter { settings.kinds.contains($0) }.map(\.optionName)
    }

    public static func partNames(_ settings: Redactor.Settings) -> [String] {
        Redactor.AddressPart.allCases.filter { settings.addressParts.contains($0) }.map(\.rawValue)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
