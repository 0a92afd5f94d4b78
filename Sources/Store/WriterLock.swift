#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per database: an exclusive `flock` on the database file, held while a run writes.
///
/// SQLite's own locks are POSIX record locks, which `flock` does not touch, so readers
/// (`verbatim serve`, `search`) are never blocked; a second `verbatim run` waits for the first
/// to finish instead of interleaving its batches. The kernel drops the lock when the process
/// ends, killed or not, so a crash never leaves the database locked.
public final class WriterLock {
    public let path: String
    private let descriptor: Int32

    /// Takes the lock of `path` (creating an empty file when missing), waiting up to
    /// `waitSeconds`; `onWait` is called once when the lock is taken by someone else.
    /// - Throws: `StoreError.busy` after the wait, `StoreError.cannotOpen` when the file cannot be opened.
    public init(path: String, waitSeconds: Double, onWait: () -> Void = {}) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var start: timespec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var warned = false
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw StoreError.cannotOpen(path: path, reason: "cannot lock: \(reason)")
            }
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let waited = Double(now.tv_sec - start.tv_sec) + Double(now.tv_nsec - start.tv_nsec) / 1e9
            if waited >= waitSeconds {
                close(fd)
                throw StoreError.busy(path: path, waitedSeconds: Int(waitSeconds.rounded()))
            }
            if !warned { onWait(); warned = true }
            usleep(100_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
