import Ingest
import Store
import TextAnalysis
import Themes

/// The one place where errors become exit codes (DESIGN.md §3): 0 ok, 1 nothing found,
/// 2 bad input or usage, 3 internal.
public enum ExitStatus {
    public static let nothingFound: Int32 = 1
    public static let badInput: Int32 = 2
    public static let internalError: Int32 = 3

    /// The exit code of a Verbatim error, or nil for errors the argument parser handles itself.
    public static func code(for error: Error) -> Int32? {
        switch error {
        case is IngestError, is LexiconError, is VerbatimError, is ThemeError: return badInput
        case let error as StoreError:
            if case .sqlite = error { return internalError }
            return badInput
        default: return nil
        }
    }
}
