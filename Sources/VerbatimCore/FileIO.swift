#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors of the orchestration layer, with the context a person needs.
public enum VerbatimError: Error, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    /// A file the user gave has a line Verbatim cannot use.
    case badInput(path: String, line: Int, reason: String)
    /// An input over one of the run's limits.
    case tooLarge(path: String, reason: String)
    /// A command-line option value Verbatim cannot use.
    case badOption(option: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason): return "cannot read \(path): \(reason)"
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .badInput(path, line, reason): return "\(path):\(line): \(reason)"
        case let .tooLarge(path, reason): return "\(path): \(reason)"
        case let .badOption(option, reason): return "\(option): \(reason)"
        }
    }
}

/// Whole-file reads and buffered writes without Foundation.
public enum FileIO {
    /// Reads a whole file.
    public static func readAll(path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw VerbatimError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        return try read(file, path: path)
    }

    /// Whether a file (or folder) exists at `path`.
    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Reads standard input to its end.
    public static func readStandardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    private static func read(_ file: UnsafeMutablePointer<FILE>, path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 {
                    throw VerbatimError.cannotRead(path: path, reason: String(cString: strerror(errno)))
                }
                break
            }
        }
        return bytes
    }

    /// Writes a whole file atomically: to a temporary file beside it, then renamed over it, so a
    /// crash never leaves a half-written file.
    public static func writeAll(path: String, bytes: [UInt8]) throws {
        let temporary = "\(path).tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else {
            throw VerbatimError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
        let n = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        if n != bytes.count || closed != 0 || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw VerbatimError.cannotWrite(path: path, reason: reason)
        }
    }

    /// Writes text to standard output.
    public static func writeStandardOutput(_ text: String) {
        write(fd: 1, text)
    }

    /// Writes text to standard error.
    public static func writeStandardError(_ text: String) {
        write(fd: 2, text)
    }

    private static func write(fd: Int32, _ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return } // closed pipe: nothing more to do
                offset += n
            }
        }
    }
}

/// Monotonic wall clock in seconds.
public enum Clock {
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
