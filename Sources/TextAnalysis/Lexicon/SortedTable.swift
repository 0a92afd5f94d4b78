#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TSV table held as its raw bytes, sorted bytewise by its first column.
///
/// Lines starting with `#` are comments (headers) and are skipped. Lookups binary-search the first
/// field; rows with the same first field are contiguous. Checked at load: the column count of every
/// row and the order of the first fields.
struct SortedTable: Sendable {
    let path: String
    let bytes: [UInt8]
    /// Byte offset of each data row; `rowStarts[count]` is one past the end of the last row's LF.
    let rowStarts: [Int32]
    /// 1-based line number of the first data row (comment lines come first).
    let firstLine: Int
    let columns: Int

    var count: Int { rowStarts.count - 1 }

    /// Loads `path`, checking `columns` per row and the bytewise order of the first field.
    /// - Complexity: O(n) in the file size, using `memchr`.
    /// `check`, when given, is called with field `checkColumn` of every row and returns an error
    /// message for a bad value (checked in the same pass as the columns).
    init(path: String, columns: Int, checkOrder: Bool = true, numericLastColumn: Bool = false,
         checkColumn: Int = 0, check: ((UnsafeBufferPointer<UInt8>) -> String?)? = nil) throws {
        self.path = path
        self.columns = columns
        let bytes = try Self.readFile(path)
        self.bytes = bytes
        var starts: [Int32] = []
        starts.reserveCapacity(bytes.count / 24 + 1)
        var first = 1
        let result: Result<Void, LexiconError> = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return .success(()) }
            let n = buf.count
            var pos = 0
            var line = 1
            var prevFieldStart = -1, prevFieldEnd = -1
            var inHeader = true
            while pos < n {
                let nl = memchr(base + pos, 0x0A, n - pos)
                let end = nl.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? n
                if inHeader && base[pos] == 0x23 { // '#'
                    pos = end + 1; line += 1; first = line; continue
                }
                inHeader = false
                if base[pos] == 0x23 {
                    return .failure(LexiconError(file: path, line: line, message: "comment line after data rows"))
                }
                // count fields
                var fields = 1
                var p = pos
                var firstTab = -1
                var checked: Range<Int>? = nil
                var fieldStart = pos
                while p < end {
                    guard let t = memchr(base + p, 0x09, end - p) else { break }
                    let tp = UnsafePointer(t.assumingMemoryBound(to: UInt8.self)) - base
                    if firstTab < 0 { firstTab = tp }
                    if fields - 1 == checkColumn { checked = fieldStart..<tp }
                    fields += 1
                    p = tp + 1
                    fieldStart = p
                }
                if fields - 1 == checkColumn { checked = fieldStart..<end }
                if fields != columns {
                    return .failure(LexiconError(file: path, line: line,
                        message: "expected \(columns) tab-separated columns, found \(fields)"))
                }
                if let check, fields == columns, let r = checked,
                   let message = check(UnsafeBufferPointer(rebasing: buf[r])) {
                    return .failure(LexiconError(file: path, line: line, message: message))
                }
                if numericLastColumn {
                    var q = p, ok = q < end
                    while q < end {
                        let b = base[q]
                        if !((b >= 0x30 && b <= 0x39) || b == 0x2E) { ok = false; break }
                        q += 1
                    }
                    if !ok {
                        return .failure(LexiconError(file: path, line: line, message: "last column is not a number"))
                    }
                }
                let fEnd = firstTab < 0 ? end : firstTab
                if checkOrder && prevFieldStart >= 0 {
                    let c = Self.compare(buf, prevFieldStart, prevFieldEnd, buf, pos, fEnd)
                    if c > 0 {
                        return .failure(LexiconError(file: path, line: line,
                            message: "rows not sorted bytewise by their first column"))
                    }
                }
                prevFieldStart = pos; prevFieldEnd = fEnd
                starts.append(Int32(pos))
                pos = end + 1
                line += 1
            }
            return .success(())
        }
        try result.get()
        // rowStarts[count]: one past the last row's line feed (as if the file ended with one).
        starts.append(Int32(bytes.count + (bytes.last == 0x0A ? 0 : 1)))
        self.rowStarts = starts
        self.firstLine = first
    }

    /// Reads a whole file into one array.
    static func readFile(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw LexiconError(file: path, line: 0, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { fclose(f) }
        fseek(f, 0, SEEK_END)
        let size = ftell(f)
        fseek(f, 0, SEEK_SET)
        guard size >= 0 else { throw LexiconError(file: path, line: 0, message: "cannot read size") }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, initialized in
            let got = size == 0 ? 0 : fread(buf.baseAddress, 1, size, f)
            if got != size { failed = true }
            initialized = got
        }
        if failed { throw LexiconError(file: path, line: 0, message: "short read") }
        return bytes
    }

    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ aStart: Int, _ aEnd: Int,
                        _ b: UnsafeBufferPointer<UInt8>, _ bStart: Int, _ bEnd: Int) -> Int {
        let la = aEnd - aStart, lb = bEnd - bStart
        let c = memcmp(a.baseAddress! + aStart, b.baseAddress! + bStart, min(la, lb))
        if c != 0 { return Int(c) }
        return la - lb
    }

    /// The byte range of row `row` without its line feed.
    @inline(__always)
    func rowRange(_ row: Int) -> Range<Int> {
        Int(rowStarts[row])..<(Int(rowStarts[row + 1]) - 1)
    }

    /// 1-based line number of a row (for error messages).
    func lineNumber(ofRow row: Int) -> Int { firstLine + row }

    /// The rows whose first field equals `key`.
    /// - Complexity: O(log n) comparisons.
    func rows(matching key: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        bytes.withUnsafeBufferPointer { buf in
            let slow = key.contains { $0 <= 0x09 }
            func compare(_ buf: UnsafeBufferPointer<UInt8>, _ row: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
                slow ? compareFieldSlow(buf, row: row, key) : compareField(buf, row: row, key)
            }
            var lo = 0, hi = count
            while lo < hi { // first row with field >= key
                let mid = (lo + hi) >> 1
                if compare(buf, mid, key) < 0 { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < count && compare(buf, end, key) == 0 { end += 1 }
            return lo..<end
        }
    }

    func rows(matching key: String) -> Range<Int> {
        var k = key
        return k.withUTF8 { rows(matching: $0) }
    }

    /// The sign of (first field of `row`) − `key`, bytewise. The row is compared whole, without
    /// looking for its first tab: a tab sorts below every byte of a key (keys hold no byte ≤ 0x09,
    /// checked by the caller), so a shorter field compares below as it should.
    @inline(__always)
    private func compareField(_ buf: UnsafeBufferPointer<UInt8>, row: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let r = rowRange(row)
        let n = min(r.count, key.count)
        let c = n == 0 ? 0 : memcmp(buf.baseAddress! + r.lowerBound, key.baseAddress!, n)
        if c != 0 { return Int(c) }
        if r.count < key.count { return -1 }          // the row (a one-column field) is a prefix of the key
        if r.count == key.count || buf[r.lowerBound + key.count] == 0x09 { return 0 }
        return 1
    }

    /// The same as `compareField`, finding the field's end: for keys holding a byte ≤ 0x09.
    private func compareFieldSlow(_ buf: UnsafeBufferPointer<UInt8>, row: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let r = rowRange(row)
        let fEnd = memchr(buf.baseAddress! + r.lowerBound, 0x09, r.count)
            .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - buf.baseAddress! } ?? r.upperBound
        let la = fEnd - r.lowerBound
        let c = key.count == 0 ? 0 : memcmp(buf.baseAddress! + r.lowerBound, key.baseAddress!, min(la, key.count))
        if c != 0 { return Int(c) }
        return la - key.count
    }

    /// The fields of a row as strings.
    func fields(_ row: Int) -> [String] {
        bytes.withUnsafeBufferPointer { buf in
            let r = rowRange(row)
            var out: [String] = []
            out.reserveCapacity(columns)
            var s = r.lowerBound
            for i in r where buf[i] == 0x09 {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[s..<i]), as: UTF8.self))
                s = i + 1
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: buf[s..<r.upperBound]), as: UTF8.self))
            return out
        }
    }

    /// Every row's fields, in file order (for small tables turned into dictionaries).
    func allRows() -> [[String]] { (0..<count).map(fields) }

    /// Parses a number field, or throws an error naming the row's line.
    func number(_ text: String, row: Int) throws -> Double {
        guard let v = Double(text), v.isFinite else {
            throw LexiconError(file: path, line: lineNumber(ofRow: row), message: "not a number: '\(text)'")
        }
        return v
    }
}
