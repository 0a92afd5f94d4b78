/// UAX #29 word boundaries for the common case, without ICU: normalized French text made of ASCII,
/// Latin-1 letters, œ/Œ and €. It gives the same segment ends as ICU's word break iterator on
/// such text (checked against ICU by `LatinWordBoundariesTests` on random strings) at a fraction
/// of the cost; any other character makes it decline, and the caller asks ICU.
///
/// The rules that matter for this alphabet: letters and digits join (WB5, WB8–WB10); `'` and `.`
/// join two letters (WB6–7; ICU leaves `:` out of MidLetter); `'`, `.`, `,` and `;` join two digits (WB11–12); `_` joins
/// around letters and digits (WB13a–b); runs of spaces stay together (WB3d); everything else
/// is a segment of its own.
public enum LatinWordBoundaries {
    enum Class: UInt8 { case letter, digit, midNumLet, midNum, extendNumLet, space, newline, other, unsupported }

    /// Class of an ASCII byte (a switch, not a table: no lazy global on the hot path).
    @inline(__always)
    static func asciiClass(_ b: UInt8) -> Class {
        switch b {
        case 0x41...0x5A, 0x61...0x7A: return .letter
        case 0x30...0x39: return .digit
        case 0x20: return .space
        case 0x27, 0x2E: return .midNumLet
        case 0x2C, 0x3B: return .midNum
        case 0x5F: return .extendNumLet
        case 0x0A: return .newline
        case 0x40: return .unsupported   // ICU joins "@" with letters (e-mails): left to ICU
        case 0x21...0x7E: return .other
        default: return .unsupported   // other controls: the normalizer removes them
        }
    }

    /// The class of the scalar at `i` and its length in bytes.
    @inline(__always)
    static func classify(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
        let b = utf8[i]
        if b < 0x80 { return (asciiClass(b), 1) }
        guard i + 1 < utf8.count else { return (.unsupported, 1) }
        let c = utf8[i + 1]
        switch b {
        case 0xC3 where c >= 0x80 && c <= 0xBF:
            return (c == 0x97 || c == 0xB7 ? .other : .letter, 2)    // × ÷ are symbols
        case 0xC5 where c == 0x92 || c == 0x93:
            return (.letter, 2)                                       // Œ œ
        case 0xE2 where c == 0x82 && i + 2 < utf8.count && utf8[i + 2] == 0xAC:
            return (.other, 3)                                        // €
        default:
            return (.unsupported, 1)
        }
    }

    /// Appends the end of every segment of `utf8` to `ends` (rule status 0: the tokenizer does not
    /// read it), or returns false (leaving `ends`
    /// as it was) when the text has a character outside the supported alphabet.
    public static func scan(_ utf8: UnsafeBufferPointer<UInt8>, into ends: inout [BoundaryScanner.Boundary]) -> Bool {
        let start = ends.count
        let n = utf8.count
        var i = 0
        while i < n {
            let (c, length) = classify(utf8, i)
            switch c {
            case .unsupported:
                ends.removeSubrange(start...)
                return false
            case .space:
                var j = i + 1
                while j < n && utf8[j] == 0x20 { j += 1 }
                i = j
            case .letter, .digit, .extendNumLet:
                var last = c          // class of the last joined character
                var j = i + length
                while j < n {
                    let (d, dl) = classify(utf8, j)
                    switch d {
                    case .letter, .digit:
                        last = d
                        j += dl
                        continue
                    case .extendNumLet:
                        last = d
                        j += dl
                        continue
                    case .midNumLet, .midNum:
                        guard j + dl < n else { break }
                        let (e, el) = classify(utf8, j + dl)
                        let lettersAround = last == .letter && e == .letter && d != .midNum
                        let digitsAround = last == .digit && e == .digit
                        if lettersAround || digitsAround {
                            last = e
                            j += dl + el
                            continue
                        }
                    default:
                        break
                    }
                    break
                }
                // A lone "_" is a segment of its own, like any other character.
                i = j
            default:
                i += length
            }
            ends.append(BoundaryScanner.Boundary(utf8End: Int32(i), ruleStatus: 0))
        }
        return true
    }
}
