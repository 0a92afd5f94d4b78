import CZlib

/// A ZIP archive held in memory, read through its central directory (PKWARE APPNOTE 6.3).
///
/// Entries may be stored (method 0) or deflated (method 8, inflated with zlib); each extracted
/// entry is checked against its size and CRC-32. Not supported, with an error saying so: ZIP64,
/// encryption, other methods, archives split over several disks.
package struct ZipArchive: Sendable {
    /// One file of the archive, as its central directory record describes it.
    package struct Entry: Sendable, Equatable {
        /// Path inside the archive, with `/` separators (e.g. `xl/workbook.xml`).
        package var name: String
        /// 0 = stored, 8 = deflated.
        package var method: UInt16
        package var flags: UInt16
        package var crc32: UInt32
        package var compressedSize: Int
        package var uncompressedSize: Int
        /// Offset of the entry's local file header from the start of the archive.
        package var localHeaderOffset: Int
    }

    /// The archive's file name, for error messages.
    package let file: String
    package let bytes: [UInt8]
    /// Entries in central directory order.
    package let entries: [Entry]

    /// Reads the central directory of `bytes`.
    ///
    /// - Throws: `IngestError.notAnXLSX` when the bytes are not a ZIP archive at all,
    ///   `IngestError.corruptArchive` when they start like one but are truncated or damaged.
    package init(file: String, bytes: [UInt8]) throws {
        self.file = file
        self.bytes = bytes
        let looksLikeZip = bytes.count >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04
        guard let eocd = Self.endOfCentralDirectory(bytes) else {
            if looksLikeZip {
                throw IngestError.corruptArchive(file: file, entry: nil, reason: "truncated: the central directory at the end of the file is missing")
            }
            throw IngestError.notAnXLSX(file: file, hint: Self.whatItLooksLike(bytes))
        }
        let disk = Self.u16(bytes, eocd + 4), cdDisk = Self.u16(bytes, eocd + 6)
        let count = Int(Self.u16(bytes, eocd + 10))
        let cdSize = Int(Self.u32(bytes, eocd + 12)), cdOffset = Int(Self.u32(bytes, eocd + 16))
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            throw IngestError.corruptArchive(file: file, entry: nil, reason: "ZIP64 archives are not supported")
        }
        if disk != 0 || cdDisk != 0 {
            throw IngestError.corruptArchive(file: file, entry: nil, reason: "archives split over several disks are not supported")
        }
        guard cdOffset + cdSize <= eocd else {
            throw IngestError.corruptArchive(file: file, entry: nil, reason: "truncated: the central directory points past the end of the data")
        }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var p = cdOffset
        for k in 0..<count {
            guard p + 46 <= eocd, Self.u32(bytes, p) == 0x0201_4B50 else {
                throw IngestError.corruptArchive(file: file, entry: nil, reason: "central directory record \(k + 1) of \(count) is damaged")
            }
            let nameLength = Int(Self.u16(bytes, p + 28)), extraLength = Int(Self.u16(bytes, p + 30))
            let commentLength = Int(Self.u16(bytes, p + 32))
            let end = p + 46 + nameLength + extraLength + commentLength
            guard end <= eocd else {
                throw IngestError.corruptArchive(file: file, entry: nil, reason: "central directory record \(k + 1) of \(count) is damaged")
            }
            let entry = Entry(
                name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                method: Self.u16(bytes, p + 10), flags: Self.u16(bytes, p + 8), crc32: Self.u32(bytes, p + 16),
                compressedSize: Int(Self.u32(bytes, p + 20)), uncompressedSize: Int(Self.u32(bytes, p + 24)),
                localHeaderOffset: Int(Self.u32(bytes, p + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF {
                throw IngestError.corruptArchive(file: file, entry: entry.name, reason: "ZIP64 entries are not supported")
            }
            entries.append(entry)
            p = end
        }
        self.entries = entries
    }

    /// The entry with this exact name, else the first whose name matches ignoring ASCII case
    /// (some writers spell `xl/SharedStrings.xml`).
    package func entry(named name: String) -> Entry? {
        if let e = entries.first(where: { $0.name == name }) { return e }
        let key = Self.asciiLowercased(name)
        return entries.first { Self.asciiLowercased($0.name) == key }
    }

    /// The uncompressed content of `entry`, checked against its size and CRC-32.
    package func contents(of entry: Entry) throws -> [UInt8] {
        func corrupt(_ reason: String) -> IngestError { .corruptArchive(file: file, entry: entry.name, reason: reason) }
        if entry.flags & 0x1 != 0 { throw corrupt("the entry is encrypted") }
        let h = entry.localHeaderOffset
        guard h + 30 <= bytes.count, Self.u32(bytes, h) == 0x0403_4B50 else { throw corrupt("its local header is missing or damaged") }
        // The local header has its own name and extra lengths; sizes come from the central directory
        // (the local copy is zero when a data descriptor follows the data).
        let start = h + 30 + Int(Self.u16(bytes, h + 26)) + Int(Self.u16(bytes, h + 28))
        guard start + entry.compressedSize <= bytes.count else { throw corrupt("truncated: the data ends early") }
        let data = bytes[start..<(start + entry.compressedSize)]
        let out: [UInt8]
        switch entry.method {
        case 0: out = Array(data)
        case 8: out = try Self.inflateRaw(data, expectedSize: entry.uncompressedSize) { corrupt($0) }
        default: throw corrupt("compression method \(entry.method) is not supported (only stored and deflated)")
        }
        guard out.count == entry.uncompressedSize else {
            throw corrupt("\(out.count) bytes after decompression where \(entry.uncompressedSize) were announced")
        }
        let crc = Self.crc32(out)
        guard crc == entry.crc32 else { throw corrupt("CRC-32 mismatch (the data is damaged)") }
        return out
    }

    /// The uncompressed content of the entry named `name` (see `entry(named:)`), nil when absent.
    package func contents(ofEntryNamed name: String) throws -> [UInt8]? {
        guard let e = entry(named: name) else { return nil }
        return try contents(of: e)
    }

    // MARK: - Pieces

    /// Offset of the end-of-central-directory record: its signature, searched backwards over the
    /// 22-byte record and a comment of at most 65,535 bytes. A record whose comment ends exactly at
    /// the end of the file wins; else the last one whose comment fits (bytes appended after the archive).
    static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var p = bytes.count - 22
        let lowest = max(0, p - 0xFFFF)
        var fallback: Int? = nil
        while p >= lowest {
            if bytes[p] == 0x50 && bytes[p + 1] == 0x4B && bytes[p + 2] == 0x05 && bytes[p + 3] == 0x06 {
                let end = p + 22 + Int(u16(bytes, p + 20))
                if end == bytes.count { return p }
                if end < bytes.count && fallback == nil { fallback = p }
            }
            p -= 1
        }
        return fallback
    }

    /// A hint for a file that is not a ZIP archive.
    static func whatItLooksLike(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return "it is an OLE2 file: a legacy .xls or a password-protected workbook; save it as .xlsx without a password"
        }
        if bytes.isEmpty { return "the file is empty" }
        return "it is not a ZIP archive, as .xlsx files are; is it a CSV file with an .xlsx name?"
    }

    /// Largest entry inflated: 1 GiB (a worksheet of several million answers is far smaller).
    static let maxEntryBytes = 1 << 30

    /// Inflates a raw deflate stream (no zlib header) with zlib.
    static func inflateRaw(_ input: ArraySlice<UInt8>, expectedSize: Int, error: (String) -> IngestError) throws -> [UInt8] {
        var stream = z_stream()
        guard vb_inflateInitRaw(&stream) == Z_OK else { throw error("zlib could not start inflating") }
        defer { inflateEnd(&stream) }
        // The announced size is checked, not trusted: the first allocation is bounded by what
        // deflate can produce from the input (at most 1,032 times its size), and inflating stops
        // as soon as the output passes the announcement (a corrupt or hostile entry, a zip bomb).
        guard expectedSize <= Self.maxEntryBytes else {
            throw error("announces \(expectedSize) bytes, more than the limit of \(Self.maxEntryBytes)")
        }
        var out = [UInt8](repeating: 0, count: min(max(expectedSize, 64), input.count * 1_032 + 64, 1 << 26))
        var produced = 0
        var overflow = false
        let status: Int32 = input.withUnsafeBufferPointer { inBuffer in
            // zlib declares next_in mutable but never writes through it.
            stream.next_in = inBuffer.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.avail_in = uInt(inBuffer.count)
            while true {
                if produced == out.count { out.append(contentsOf: repeatElement(0, count: max(out.count, 1 << 16))) }
                let status: Int32 = out.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress! + produced
                    stream.avail_out = uInt(outBuffer.count - produced)
                    let before = stream.avail_out
                    let s = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(before - stream.avail_out)
                    return s
                }
                if produced > expectedSize { overflow = true; return Z_DATA_ERROR }
                if status == Z_STREAM_END { return Z_STREAM_END }
                // There is always room in the output, so Z_BUF_ERROR means the input ran out mid-stream.
                if status != Z_OK { return status }
                if stream.avail_in == 0 && produced < out.count { return Z_BUF_ERROR }
            }
        }
        if overflow { throw error("inflates to more than the \(expectedSize) bytes announced") }
        switch status {
        case Z_STREAM_END:
            out.removeLast(out.count - produced)
            return out
        case Z_BUF_ERROR: throw error("truncated: the deflate stream ends early")
        case Z_MEM_ERROR: throw error("out of memory while inflating")
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
            throw error("the deflate data is damaged (zlib: \(message))")
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in
            // zlib takes uInt lengths; feed large buffers in chunks.
            var crc = CZlib.crc32(0, nil, 0)
            var offset = 0
            while offset < b.count {
                let n = min(b.count - offset, 1 << 30)
                crc = CZlib.crc32(crc, b.baseAddress! + offset, uInt(n))
                offset += n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    static func asciiLowercased(_ s: String) -> [UInt8] {
        s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }
}
