import VerbatimCore
#if canImport(Glibc)
import Glibc
#endif

// No Foundation in this test target: through VerbatimCore it sees the system ICU module, and a
// module that also imports Foundation (which bundles its own ICU) does not compile on a clean
// build (NOTES-swift-linux.md).

/// The repository root (three folders above this file).
let repositoryRoot: String = {
    var path = #filePath
    for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
}()

/// A fresh folder in /tmp, removed with everything in it when the value goes away.
final class TemporaryFolder {
    let path = "/tmp/verbatim-test-\(getpid())-\(UInt64.random(in: 0..<UInt64.max))"
    init() { mkdir(path, 0o700) }
    deinit { _ = runProcess("/bin/rm", ["-rf", path]) }

    /// Writes `text` to `name` in the folder; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = path + "/" + name
        try! FileIO.writeAll(path: file, bytes: bytes)
        return file
    }
}

/// A child process started with posix_spawn, standard output to /dev/null.
struct ChildProcess {
    let pid: pid_t

    init(_ executable: String, _ arguments: [String]) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        var child: pid_t = 0
        let code = argv.withUnsafeBufferPointer { posix_spawn(&child, executable, &actions, nil, UnsafeMutablePointer(mutating: $0.baseAddress!), environ) }
        for p in argv { free(p) }
        posix_spawn_file_actions_destroy(&actions)
        precondition(code == 0, "cannot start \(executable): \(String(cString: strerror(code)))")
        pid = child
    }

    /// Exit status once finished, nil while running (then `wait()` or `kill`).
    private(set) var exitStatus: Int32? = nil

    /// Whether the child still runs (reaps it when it has ended).
    mutating func isRunning() -> Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exitStatus = status; return false }
        return true
    }

    /// Waits for the end; returns the exit code (or 128 + signal).
    @discardableResult
    mutating func wait() -> Int32 {
        if exitStatus == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            exitStatus = status
        }
        let status = exitStatus!
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// Runs a program to its end; its exit code.
func runProcess(_ executable: String, _ arguments: [String]) -> Int32 {
    var child = ChildProcess(executable, arguments)
    return child.wait()
}

/// `GET path` on 127.0.0.1:`port` (HTTP/1.1, connection closed after the answer): the status
/// code and the body, or nil when nothing answers.
func httpGet(port: UInt16, _ path: String) -> (status: Int, body: String)? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return nil }
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        response.append(contentsOf: buffer[0..<n])
    }
    let text = String(decoding: response, as: UTF8.self)
    // "HTTP/1.1 200 OK"
    guard text.hasPrefix("HTTP/1."), let status = Int(text.dropFirst(9).prefix(3)) else { return nil }
    let headerEnd = response.indices.dropLast(3).first { response[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }
    return (status, headerEnd.map { String(decoding: response[($0 + 4)...], as: UTF8.self) } ?? "")
}
