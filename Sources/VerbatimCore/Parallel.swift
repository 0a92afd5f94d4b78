import Dispatch

/// Runs per-item work on all cores with one worker state per thread (an analyzer, say), and
/// returns the results in input order, so output never depends on scheduling.
enum Parallel {
    /// Number of cores available to this process.
    static var coreCount: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 1
        #endif
    }

    /// `body(workers[w], i)` for every `i` in `0..<count`; items are interleaved over workers.
    static func map<Worker, Output>(count: Int, workers: [Worker], _ body: (Worker, Int) -> Output) -> [Output] {
        guard count > 0 else { return [] }
        let buffer = UnsafeMutableBufferPointer<Output>.allocate(capacity: count)
        defer { buffer.deallocate() }
        if workers.count <= 1 || count < 2 {
            for i in 0..<count { (buffer.baseAddress! + i).initialize(to: body(workers[0], i)) }
        } else {
            let stride = workers.count
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                nonisolated(unsafe) let workers = workers
                nonisolated(unsafe) let base = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: stride) { w in
                    var i = w
                    while i < count {
                        (base + i).initialize(to: body(workers[w], i))
                        i += stride
                    }
                }
            }
        }
        let results = Array(buffer)
        buffer.baseAddress!.deinitialize(count: count)
        return results
    }
}

#if canImport(Glibc)
import Glibc
#endif
