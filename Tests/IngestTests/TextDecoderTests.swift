import Testing
import Ingest

@Test func utf8WithBOMIsDetectedAndStripped() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("été".utf8)
    let decoded = TextDecoder.decode(bytes)
    #expect(decoded.encoding == .utf8)
    #expect(decoded.hadBOM)
    #expect(decoded.utf8 == Array("été".utf8))
}

@Test func windows1252IsDetectedWhenNotUTF8() {
    // "Né à Bègles – 3 €" in Windows-1252: é=E9 à=E0 è=E8 –=96 €=80
    let bytes: [UInt8] = [0x4E, 0xE9, 0x20, 0xE0, 0x20, 0x42, 0xE8, 0x67, 0x6C, 0x65, 0x73, 0x20, 0x96, 0x20, 0x33, 0x20, 0x80]
    let decoded = TextDecoder.decode(bytes)
    #expect(decoded.encoding == .windows1252)
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == "Né à Bègles – 3 €")
}

@Test func latin1DiffersFromWindows1252OnlyInC1Range() {
    let bytes: [UInt8] = [0x80, 0xE9]
    #expect(String(decoding: TextDecoder.decode(bytes, encoding: .latin1).utf8, as: UTF8.self) == "\u{80}é")
    #expect(String(decoding: TextDecoder.decode(bytes, encoding: .windows1252).utf8, as: UTF8.self) == "€é")
}

@Test func utf16WithBOMBothEndians() {
    let le: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0xE9, 0x00, 0x3D, 0xD8, 0x21, 0xDE]  // "aé😡"
    let be: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0xE9, 0xD8, 0x3D, 0xDE, 0x21]
    #expect(TextDecoder.detect(le) == .utf16LE)
    #expect(TextDecoder.detect(be) == .utf16BE)
    #expect(String(decoding: TextDecoder.decode(le).utf8, as: UTF8.self) == "aé😡")
    #expect(String(decoding: TextDecoder.decode(be).utf8, as: UTF8.self) == "aé😡")
}

@Test func mixedFileKeepsUTF8AndReadsStrayBytesAsWindows1252() {
    // Mostly UTF-8 (four accented letters), then "thé" with é as the Windows-1252 byte E9.
    let bytes: [UInt8] = Array("café à l'été ".utf8) + [0x74, 0x68, 0xE9]
    let decoded = TextDecoder.decode(bytes)
    #expect(decoded.encoding == .mixed)
    #expect(decoded.repairs == 1)
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == "café à l'été thé")
}

@Test func forcedUTF8RepairsInvalidBytes() {
    let decoded = TextDecoder.decode([0x61, 0xFF, 0x62], encoding: .utf8)
    #expect(decoded.repairs == 1)
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == "a\u{FFFD}b")
}

@Test func encodingNamesAreForgiving() {
    #expect(TextEncoding(name: "CP1252") == .windows1252)
    #expect(TextEncoding(name: "utf_8") == .utf8)
    #expect(TextEncoding(name: "latin1") == .latin1)
    #expect(TextEncoding(name: "ebcdic") == nil)
}
