import CZlib
import Diagnostics
import GoStd
import Values

/// gzip and tar reading for chart archives, with Go's error texts.
enum TarGzip {
    static let headerError = "gzip: invalid header"

    /// Decompresses every gzip member of `data` (Go's multistream reader),
    /// stopping with an error once the output passes `limit` bytes.
    static func gunzip(_ data: [UInt8], limit: Int, limitError: String) throws(LocatedError) -> [UInt8] {
        if data.isEmpty { throw LocatedError(.chartLoad, "EOF") }
        var output: [UInt8] = []
        var offset = 0
        while offset < data.count {
            guard data.count - offset >= 3 else { throw LocatedError(.chartLoad, "unexpected EOF") }
            guard data[offset] == 0x1F, data[offset + 1] == 0x8B, data[offset + 2] == 0x08 else {
                throw LocatedError(.gzipHeader, headerError)
            }
            offset += try inflateMember(data, from: offset, into: &output, limit: limit, limitError: limitError)
        }
        return output
    }

    /// Inflates one gzip member starting at `start`; returns the bytes used.
    private static func inflateMember(_ data: [UInt8], from start: Int, into output: inout [UInt8], limit: Int,
                                      limitError: String) throws(LocatedError) -> Int {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LocatedError(.chartLoad, "gzip: cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let consumed: Int = try data.withUnsafeBufferPointer { (input) throws(LocatedError) -> Int in
            guard let base = input.baseAddress else { return 0 }
            stream.next_in = UnsafeMutablePointer(mutating: base + start)
            stream.avail_in = UInt32(data.count - start)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { throw LocatedError(.chartLoad, limitError) }
                switch status {
                case Z_STREAM_END:
                    return data.count - start - Int(stream.avail_in)
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw LocatedError(.chartLoad, "unexpected EOF")
                case Z_DATA_ERROR:
                    let message = stream.msg.map { String(cString: $0) } ?? ""
                    if message.contains("header") { throw LocatedError(.gzipHeader, headerError) }
                    if message.contains("check") || message.contains("length") {
                        throw LocatedError(.chartLoad, "gzip: invalid checksum")
                    }
                    throw LocatedError(.chartLoad, "flate: corrupt input before offset \(Int(stream.total_in))")
                default:
                    throw LocatedError(.chartLoad, "unexpected EOF")
                }
            }
        }
        return consumed
    }

    /// One entry of a tar stream, after GNU long names and PAX records
    /// have been applied (Go's `tar.Reader.Next`).
    struct Entry {
        var name: String
        var typeflag: UInt8
        var mode: Int64
        var size: Int64
        var data: ArraySlice<UInt8>
        /// The stream ends inside the data: reading it is `unexpected EOF`.
        var truncated = false

        var isDirectory: Bool { typeflag == UInt8(ascii: "5") || mode & 0o040000 != 0 }
    }

    static let invalidHeader = "archive/tar: invalid tar header"

    /// The entries of a tar stream.
    static func untar(_ bytes: [UInt8]) throws(LocatedError) -> [Entry] {
        var entries: [Entry] = []
        var offset = 0
        var longName: String?
        var paxPath: String?
        var paxSize: Int64?
        while true {
            if offset >= bytes.count { break }
            guard bytes.count - offset >= 512 else { throw LocatedError(.chartLoad, "unexpected EOF") }
            let block = bytes[offset..<(offset + 512)]
            if block.allSatisfy({ $0 == 0 }) {
                offset += 512
                if offset >= bytes.count { break }
                guard bytes.count - offset >= 512 else { throw LocatedError(.chartLoad, "unexpected EOF") }
                if bytes[offset..<(offset + 512)].allSatisfy({ $0 == 0 }) { break }
                throw LocatedError(.chartLoad, invalidHeader)
            }
            guard checksumValid(block) else { throw LocatedError(.chartLoad, invalidHeader) }
            var size = try number(block, 124, 12)
            let typeflag = block[block.startIndex + 156]
            if let s = paxSize, typeflag != UInt8(ascii: "x"), typeflag != UInt8(ascii: "L") { size = s }
            guard size >= 0 else { throw LocatedError(.chartLoad, invalidHeader) }
            let dataStart = offset + 512
            // Go reads an entry's data only when it is copied, so a header whose data
            // runs past the end still comes out of `Next` (and Helm checks its name and
            // size first); the entry is the last one.
            let truncated = size > Int64(bytes.count - dataStart)
            let data = bytes[dataStart..<(truncated ? bytes.count : dataStart + Int(size))]
            if !truncated { offset = dataStart + (Int(size) + 511) / 512 * 512 }
            let special: Set<UInt8> = [UInt8(ascii: "L"), UInt8(ascii: "K"), UInt8(ascii: "x"), UInt8(ascii: "g")]
            if truncated && special.contains(typeflag) { throw LocatedError(.chartLoad, "unexpected EOF") }
            switch typeflag {
            case UInt8(ascii: "g"):
                _ = try paxRecords(data)
            case UInt8(ascii: "L"):
                longName = cString(data)
                continue
            case UInt8(ascii: "K"):
                continue
            case UInt8(ascii: "x"):
                let records = try paxRecords(data)
                if let p = records["path"] { paxPath = p }
                if let s = records["size"] {
                    // mergePAX: a size that is not a decimal int64 is a bad header.
                    guard let n = Int64(s) else { throw LocatedError(.chartLoad, invalidHeader) }
                    paxSize = n
                }
                continue
            default:
                break
            }
            var name = cString(block[block.startIndex..<(block.startIndex + 100)])
            let magic = Array(block[(block.startIndex + 257)..<(block.startIndex + 263)])
            if magic == Array("ustar\u{0}".utf8) {
                let prefix = cString(block[(block.startIndex + 345)..<(block.startIndex + 500)])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            if let long = longName { name = long }
            if let p = paxPath { name = p }
            var flag = typeflag
            if flag == 0 || flag == UInt8(ascii: "0") || flag == UInt8(ascii: "7") {
                flag = name.hasSuffix("/") && flag == 0 ? UInt8(ascii: "5") : UInt8(ascii: "0")
            }
            let mode = (try? number(block, 100, 8)) ?? 0
            entries.append(Entry(name: name, typeflag: flag, mode: mode, size: size, data: data, truncated: truncated))
            if truncated { break }
            longName = nil
            paxPath = nil
            paxSize = nil
        }
        return entries
    }

    private static func checksumValid(_ block: ArraySlice<UInt8>) -> Bool {
        guard let stored = try? number(block, 148, 8) else { return false }
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (i, b) in block.enumerated() {
            let c: UInt8 = (148..<156).contains(i) ? 0x20 : b
            unsigned += Int64(c)
            signed += Int64(Int8(bitPattern: c))
        }
        return stored == unsigned || stored == signed
    }

    /// An octal field (or GNU base-256 when the high bit is set).
    private static func number(_ block: ArraySlice<UInt8>, _ at: Int, _ length: Int) throws(LocatedError) -> Int64 {
        let field = block[(block.startIndex + at)..<(block.startIndex + at + length)]
        if let first = field.first, first & 0x80 != 0 {
            // Go's parseNumeric: two's complement, big-endian; overflow is a bad header.
            let inverse: UInt8 = first & 0x40 != 0 ? 0xFF : 0
            var x: UInt64 = 0
            for (i, b) in field.enumerated() {
                let c = i == 0 ? (b ^ inverse) & 0x7F : b ^ inverse
                if x >> 56 > 0 { throw LocatedError(.chartLoad, invalidHeader) }
                x = x << 8 | UInt64(c)
            }
            if x >> 63 > 0 { throw LocatedError(.chartLoad, invalidHeader) }
            return inverse == 0xFF ? ~Int64(x) : Int64(x)
        }
        var n: Int64 = 0
        var seen = false
        for b in field {
            if b == 0 || b == 0x20 { if seen { break } else { continue } }
            guard b >= 0x30 && b <= 0x37 else { throw LocatedError(.chartLoad, invalidHeader) }
            n = n * 8 + Int64(b - 0x30)
            seen = true
        }
        return n
    }

    private static func cString(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// Go's `parsePAX`: every record is `LEN KEY=VALUE\n` with LEN counting
    /// the whole record; any other shape is `archive/tar: invalid tar header`.
    private static func paxRecords(_ data: ArraySlice<UInt8>) throws(LocatedError) -> [String: String] {
        var records: [String: String] = [:]
        var rest = data
        while !rest.isEmpty {
            // parsePAXRecord: the length, a space, KEY=VALUE and a newline, all of LEN bytes.
            guard let space = rest.firstIndex(of: 0x20),
                  let length = Int(String(decoding: rest[rest.startIndex..<space], as: UTF8.self)),
                  length >= 5, length <= rest.count,
                  length > space - rest.startIndex + 1,
                  rest[rest.startIndex + length - 1] == 0x0A else { throw LocatedError(.chartLoad, invalidHeader) }
            let record = rest[(space + 1)..<(rest.startIndex + length - 1)]
            guard let eq = record.firstIndex(of: UInt8(ascii: "=")) else { throw LocatedError(.chartLoad, invalidHeader) }
            let key = record[record.startIndex..<eq]
            let value = record[(eq + 1)...]
            // validPAXRecord
            let nulIn = ["path", "linkpath", "uname", "gname"].contains(String(decoding: key, as: UTF8.self)) ? value : key
            guard !key.isEmpty, !nulIn.contains(0) else { throw LocatedError(.chartLoad, invalidHeader) }
            records[String(decoding: key, as: UTF8.self)] = String(decoding: value, as: UTF8.self)
            rest = rest.dropFirst(length)
        }
        return records
    }
}

extension ChartLoader {
    /// Helm's `LoadArchive`: a gzipped tar whose entries all sit under one
    /// top directory (any name). Refuses absolute paths, `..`, drive
    /// letters, oversized files and archives, as Helm does.
    public func loadArchive(_ bytes: [UInt8], path: String = "") throws(LocatedError) -> Chart {
        let files: [ChartFile]
        do {
            files = try archiveFiles(bytes)
        } catch {
            throw path.isEmpty ? error : error.placed(at: SourceLocation(file: path))
        }
        return try loadFiles(files, path: path)
    }

    /// Helm's `LoadArchiveFiles`: the archive's files with the top
    /// directory stripped from their names.
    public func archiveFiles(_ bytes: [UInt8]) throws(LocatedError) -> [ChartFile] {
        let maxChart = Self.maxDecompressedChartSize
        let chartTooLarge = helm == .v4
            ? "decompressed chart is larger than the maximum size \(maxChart)"
            : "decompressed chart is larger than the maximum file size \(maxChart)"
        let tar = try TarGzip.gunzip(bytes, limit: maxChart + 8 * 1024 * 1024, limitError: chartTooLarge)
        var files: [ChartFile] = []
        var remaining = Int64(maxChart)
        for entry in try TarGzip.untar(tar) {
            if entry.isDirectory { continue }
            if entry.typeflag == UInt8(ascii: "g") || entry.typeflag == UInt8(ascii: "x") { continue }
            let delimiter: Character = entry.name.contains("\\") ? "\\" : "/"
            let parts = entry.name.split(separator: delimiter, omittingEmptySubsequences: false)
            var name = parts.dropFirst().joined(separator: String(delimiter))
            if delimiter == "\\" { name = GoStrings.replaceAll(name, "\\", "/") }
            if name.hasPrefix("/") { throw LocatedError(.chartLoad, "chart illegally contains absolute paths") }
            name = GoPath.clean(name)
            if name == "." {
                throw LocatedError(.chartLoad, "chart illegally contains content outside the base directory: \(GoQuote.quote(entry.name))")
            }
            if name.hasPrefix("..") { throw LocatedError(.chartLoad, "chart illegally references parent directory") }
            let u = Array(name.utf8)
            if u.count >= 3, (u[0] | 0x20) >= 0x61, (u[0] | 0x20) <= 0x7A, u[1] == UInt8(ascii: ":"), u[2] == UInt8(ascii: "/") {
                throw LocatedError(.chartLoad, "chart contains illegally named files")
            }
            if parts.first == "Chart.yaml" { throw LocatedError(.chartLoad, "chart yaml not in base directory") }
            if entry.size > remaining { throw LocatedError(.chartLoad, chartTooLarge) }
            if entry.size > Int64(Self.maxFileSize) {
                throw LocatedError(.chartLoad, "decompressed chart file \(GoQuote.quote(entry.name)) is larger than the maximum file size \(Self.maxFileSize)")
            }
            if entry.truncated { throw LocatedError(.chartLoad, "unexpected EOF") }
            var data = Array(entry.data.prefix(Int(remaining)))
            remaining -= Int64(data.count)
            if Int64(data.count) < entry.size || remaining <= 0 { throw LocatedError(.chartLoad, chartTooLarge) }
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            files.append(ChartFile(name: name, data: data))
        }
        if files.isEmpty { throw LocatedError(.chartLoad, "no files in chart archive") }
        return files
    }
}
