#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The trigram UPOS transition model of ALGORITHM.md §5.1, as a flat table.
struct TagModel {
    /// ln T(a, b, c) at `(a * 18 + b) * 18 + c`, with c = 0 standing for `</S>`.
    var logT: [Double]
    /// P(t) by tag id.
    var prior: [Double]
    var lambdas: (Double, Double, Double)

    static let n = UPOS.tagCount

    @inline(__always)
    static func index(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int { (Int(a) * n + Int(b)) * n + Int(c) }

    init(table: SortedTable) throws {
        let n = Self.n
        // Index 0 is <S> for a, b and </S> for c (an n-gram never ends in <S> nor starts after </S>).
        var tri = [Double](repeating: 0, count: n * n * n)
        var bi = [Double](repeating: 0, count: n * n)
        var uni = [Double](repeating: 0, count: n)
        var uniStart = 0.0
        var triRows: [(UInt8, UInt8, UInt8, Double)] = []
        func id(_ s: String, row: Int, end: Bool) throws -> UInt8 {
            if s == (end ? "</S>" : "<S>") { return 0 }
            if let u = UPOS(name: s) { return u.rawValue }
            throw LexiconError(file: table.path, line: table.lineNumber(ofRow: row), message: "unknown tag '\(s)'")
        }
        for row in 0..<table.count {
            let f = table.fields(row)
            let c = try table.number(f[4], row: row)
            switch f[0] {
            case "3":
                let a = try id(f[1], row: row, end: false), b = try id(f[2], row: row, end: false)
                let t = try id(f[3], row: row, end: true)
                tri[Self.index(a, b, t)] += c
                triRows.append((a, b, t, c))
            case "2":
                bi[Int(try id(f[2], row: row, end: false)) * n + Int(try id(f[3], row: row, end: true))] += c
            case "1":
                if f[3] == "<S>" { uniStart += c } else { uni[Int(try id(f[3], row: row, end: true))] += c }
            default:
                throw LexiconError(file: table.path, line: table.lineNumber(ofRow: row), message: "order must be 1, 2 or 3")
            }
        }
        var ctx2 = [Double](repeating: 0, count: n * n)
        for (a, b, _, c) in triRows { ctx2[Int(a) * n + Int(b)] += c }
        var ctx1 = [Double](repeating: 0, count: n)
        for b in 0..<n { for c in 0..<n { ctx1[b] += bi[b * n + c] } }
        let total = uni.reduce(0, +) // every tag and </S>, not <S>
        var l1 = 0.0, l2 = 0.0, l3 = 0.0
        for (a, b, c, cnt) in triRows {
            let x2 = ctx2[Int(a) * n + Int(b)], x1 = ctx1[Int(b)]
            let f3 = x2 > 1 ? (cnt - 1) / (x2 - 1) : 0
            let f2 = x1 > 1 ? (bi[Int(b) * n + Int(c)] - 1) / (x1 - 1) : 0
            let f1 = (uni[Int(c)] - 1) / (total - 1)
            let m = max(f1, f2, f3)
            if f3 == m { l3 += cnt } else if f2 == m { l2 += cnt } else { l1 += cnt }
        }
        let s = l1 + l2 + l3
        lambdas = (l1 / s, l2 / s, l3 / s)
        prior = [Double](repeating: 0, count: n)
        for t in 1..<n { prior[t] = (uni[t] > 0 ? uni[t] : 0.5) / total }
        logT = [Double](repeating: 0, count: n * n * n)
        for a in 0..<n {
            for b in 0..<n {
                for c in 0..<n {
                    let x2 = ctx2[a * n + b], x1 = ctx1[b]
                    let p3 = x2 != 0 ? tri[(a * n + b) * n + c] / x2 : 0
                    let p2 = x1 != 0 ? bi[b * n + c] / x1 : 0
                    let p1 = uni[c] / total
                    let p = lambdas.0 * p1 + lambdas.1 * p2 + lambdas.2 * p3
                    logT[(a * n + b) * n + c] = log(max(p, 1e-9))
                }
            }
        }
    }
}
