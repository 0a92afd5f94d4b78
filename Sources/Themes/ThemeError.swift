/// Errors of the theme layer, naming the file and line.
public struct ThemeError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    /// 1-based line; 0 for the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
