/// An error of the lexicon layer. Table errors name the file and the 1-based line.
public struct LexiconError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based line number; 0 when the error concerns the whole file (missing, unreadable).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
