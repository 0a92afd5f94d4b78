#if canImport(Glibc)
import Glibc
#endif

/// Terminal facts and the progress bar of long jobs.
public enum Terminal {
    /// Whether standard error is a terminal (progress bars go there only then).
    public static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
    /// Whether standard output is a terminal (colors only then).
    public static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    /// A progress line such as `[#########...........]  45%  4,500/10,000 answers`, redrawn in place.
    public static func progressLine(done: Int, total: Int, label: String) -> String {
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : width
        let percent = total > 0 ? done * 100 / total : 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let pct = String(percent)
        return "\r[\(bar)] \(String(repeating: " ", count: 3 - pct.count))\(pct)%  \(done)/\(total) \(label)"
    }
}

/// Process environment.
public enum Environment {
    /// The value of an environment variable, nil when unset or empty.
    public static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
