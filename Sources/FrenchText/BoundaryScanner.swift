internal import CICU

/// ICU break iteration (word or sentence) over UTF-8 text, reusing one iterator.
///
/// Offsets are UTF-8 byte offsets into the buffer given to `scan`. Not thread-safe: give each
/// worker its own scanner (opening one costs a few microseconds after the first).
public final class BoundaryScanner {
    /// What the scanner splits.
    public enum Unit: Sendable {
        /// UAX #29 words; the rule status tells letters (200–299), numbers (100–199), other (0).
        case word
        /// Sentences with locale `fr_FR@ss=standard` (no break after "M." or "Mme.").
        case sentence
    }

    /// One segment end and the rule status of the boundary that ended it.
    public struct Boundary: Sendable, Equatable {
        public var utf8End: Int32
        public var ruleStatus: Int32
    }

    private let iterator: OpaquePointer
    private var text: UnsafeMutablePointer<UText>?
    public let unit: Unit

    public init(_ unit: Unit) throws {
        self.unit = unit
        var status = U_ZERO_ERROR
        let locale = unit == .word ? "fr_FR" : "fr_FR@ss=standard"
        let type = unit == .word ? UBRK_WORD : UBRK_SENTENCE
        guard let bi = vb_ubrkOpen(type, locale, &status), vb_failure(status) == 0 else {
            throw FrenchTextError.icu(call: "ubrk_open(\(locale))", errorName: String(cString: vb_errorName(status)))
        }
        iterator = bi
    }

    deinit {
        vb_ubrkClose(iterator)
        if let text { vb_utextClose(text) }
    }

    /// Appends the end of every segment of `utf8` (in order; the last is `utf8.count`) to
    /// `boundaries`. Empty input appends nothing.
    public func scan(_ utf8: UnsafeBufferPointer<UInt8>, into boundaries: inout [Boundary]) {
        guard utf8.count > 0, let base = utf8.baseAddress else { return }
        var status = U_ZERO_ERROR
        let raw = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        text = vb_utextOpenUTF8(text, raw, Int64(utf8.count), &status)
        guard vb_failure(status) == 0, let text else {
            boundaries.append(Boundary(utf8End: Int32(utf8.count), ruleStatus: 0))
            return
        }
        vb_ubrkSetUText(iterator, text, &status)
        guard vb_failure(status) == 0 else {
            boundaries.append(Boundary(utf8End: Int32(utf8.count), ruleStatus: 0))
            return
        }
        let done = vb_ubrkDone()
        _ = vb_ubrkFirst(iterator)
        var end = vb_ubrkNext(iterator)
        while end != done {
            boundaries.append(Boundary(utf8End: end, ruleStatus: vb_ubrkRuleStatus(iterator)))
            end = vb_ubrkNext(iterator)
        }
    }
}
