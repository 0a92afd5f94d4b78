import Dispatch
import Store

/// Writes batches on a background thread so the next batch is analyzed while SQLite commits the
/// previous one. At most one batch is in flight; `submit` waits for it first, so memory stays
/// bounded and batches commit in order.
final class PipelinedWriter: @unchecked Sendable {
    // Touched only by the queue's thread while a write is in flight, and by the caller after
    // `wait()`: the group provides the happens-before edges.
    private let writer: AnswerWriter
    private let queue = DispatchQueue(label: "verbatim.store-writer")
    private let group = DispatchGroup()
    private var counts = RunCounts()
    private var failure: Error?
    private(set) var writeSeconds = 0.0
    /// Answers whose batch has committed.
    private(set) var committedAnswers = 0

    init(_ writer: AnswerWriter) { self.writer = writer }

    /// Waits for the batch in flight, rethrows its error, then starts writing `answers`.
    func submit(_ answers: [AnswerWrite], batchSize: Int) throws {
        try wait()
        queue.async(group: group) { [self] in
            let start = Clock.now()
            do {
                try writer.write(answers, counts: &counts)
                committedAnswers += batchSize
            } catch {
                failure = error
            }
            writeSeconds += Clock.now() - start
        }
    }

    /// Waits for the batch in flight; rethrows its error.
    func wait() throws {
        group.wait()
        if let failure { throw failure }
    }

    /// Waits, then adds this writer's counts to `total`.
    func finish(into total: inout RunCounts) throws {
        try wait()
        total.answersAdded += counts.answersAdded
        total.answersUpdated += counts.answersUpdated
        total.answersUnchanged += counts.answersUnchanged
        total.excerptsAdded += counts.excerptsAdded
    }
}
