import Testing
@testable import TextAnalysis
#if canImport(Glibc)
import Glibc
#endif

/// Binary search over a sorted TSV: a field never matches a longer or shorter key.
@Suite struct SortedTableTests {
    static func table(_ contents: String, columns: Int) throws -> SortedTable {
        var template = Array("/tmp/verbatim-table-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(cString: template)
        let bytes = Array(contents.utf8)
        #expect(write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
        defer { unlink(path) }
        return try SortedTable(path: path, columns: columns)
    }

    // Sorted bytewise by the first field: "a" < "ab" < "abc" < "b" < "é" (0xC3 0xA9).
    static let twoColumns = "# key\tvalue\na\t1\na\t2\nab\t3\nabc\t4\nb\t5\né\t6\n"

    @Test(arguments: [("a", [1, 2]), ("ab", [3]), ("abc", [4]), ("b", [5]), ("é", [6]),
                      ("", []), ("aa", []), ("abcd", []), ("c", []), ("e", []), ("a\tb", []), ("\u{1}", [])])
    func rowsMatchTheWholeFirstField(_ key: String, _ values: [Int]) throws {
        let t = try Self.table(Self.twoColumns, columns: 2)
        #expect(t.rows(matching: key).map { Int(t.fields($0)[1])! } == values, "\(key)")
    }

    @Test(arguments: [("a", 1), ("ab", 1), ("abc", 1), ("abd", 0), ("b", 0), ("", 0)])
    func oneColumnRowsAreTheirField(_ key: String, _ count: Int) throws {
        let t = try Self.table("a\nab\nabc\n", columns: 1)
        #expect(t.rows(matching: key).count == count, "\(key)")
    }
}
