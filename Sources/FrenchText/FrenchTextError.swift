/// Errors of the text layer. ICU rarely fails; when it does, the message names the call.
public enum FrenchTextError: Error, CustomStringConvertible, Sendable {
    /// An ICU call failed with the given ICU error name (for example `U_MISSING_RESOURCE_ERROR`).
    case icu(call: String, errorName: String)
    /// The named charset is unknown to ICU.
    case unknownCharset(String)

    public var description: String {
        switch self {
        case let .icu(call, errorName):
            return "ICU call \(call) failed: \(errorName) (is libicu-dev installed and matching the build?)"
        case let .unknownCharset(name):
            return "unknown character set '\(name)' (try utf-8, windows-1252, iso-8859-1, utf-16)"
        }
    }
}
