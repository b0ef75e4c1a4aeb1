import CZlib
import Diagnostics
import Foundation
@testable import Helm
import Testing
import TestSupport

/// Chart archives (`ChartLoader.loadArchive`: gzip, tar, the archive's
/// file rules, then the chart loader). Seeds are the fixture and conformance
/// `.tgz` files. An input is a tag byte and a body: `G` + gzip bytes, fed as
/// they are, so the gzip reader sees the mutations; `T` + tar bytes,
/// gzipped by the test (stored or deflated) so the tar reader sees them.
/// Tar inputs also get tar-aware mutations: header fields set to odd values
/// (sizes, type flags, names, base-256 numbers), PAX and GNU long-name
/// records, with the header checksum usually fixed so the reader gets past it.
@Suite struct ArchiveFuzzTests {
    static let gzipTag = UInt8(ascii: "G")
    static let tarTag = UInt8(ascii: "T")

    static let archives: [[UInt8]] = {
        let fixtures = Fixtures.files(in: "charts", suffix: ".tgz").compactMap { try? Array(Data(contentsOf: Fixtures.url("charts/" + $0))) }
        return fixtures + fuzzSeedFiles(under: Fixtures.conformance) { $0.hasSuffix(".tgz") }
    }()

    static let seeds: [[UInt8]] = {
        var seeds: [[UInt8]] = []
        for archive in archives {
            let tar: [UInt8]
            do throws(LocatedError) {
                tar = try TarGzip.gunzip(archive, limit: 4 << 20, limitError: "large")
            } catch where error.message == "large" {
                // A decompression bomb costs a tenth of a second per input: its first 4 KiB stand for it.
                seeds.append([gzipTag] + archive.prefix(4_096))
                continue
            } catch {
                seeds.append([gzipTag] + archive)
                continue
            }
            seeds += [[gzipTag] + archive, [tarTag] + tar]
            // A short prefix of a big archive: the same headers, quicker to load.
            let headers = headerOffsets(tar[...])
            if tar.count > 64 * 1024, headers.count > 4 {
                seeds.append([tarTag] + tar[..<headers[4]] + [UInt8](repeating: 0, count: 1024))
            }
        }
        return seeds
    }()

    static let mutator = FuzzMutator(
        tokens: ["\0", "ustar\0", "ustar  \0", "00000000000", "77777777777", "\u{80}", "../", "/", "\\", "C:/", "Chart.yaml",
                 "c/Chart.yaml", "c/templates/", "c/charts/", "././@LongLink", "30 path=a/b\n", "5 x=\n", "9 size=1\n",
                 "\u{1f}\u{8b}\u{08}"],
        alphabet: "0123457 /.\\\0cxL5Kgx",
        bursts: [("../", ""), ("a/", "")],
        maxLength: 2 << 20, maxBurst: 512, maxRun: 4_096)

    @Test func mutatedArchivesLoadOrFail() async {
        let loader = ChartLoader(helm: .v4)
        let summary = await runFuzz("archive", seeds: Self.seeds, mutate: Self.mutate, defaultCount: 2_000, seed: 0x7A6) { input in
            guard let tag = input.first else { return .rejected }
            var archive = Array(input.dropFirst())
            if tag == Self.tarTag {
                // Mostly stored blocks (fast); sometimes real compression.
                archive = Self.gzip(archive, level: input.count % 5 == 0 ? 1 : 0)
            }
            return (try? loader.loadArchive(archive)) != nil ? .accepted : .rejected
        }
        #expect(summary.accepted > 0)
    }

    /// Generic mutations, or for tar inputs, half the time, one to three tar-aware ones.
    static func mutate(_ input: [UInt8], pool: [[UInt8]], rng: inout SplitMix64) -> [UInt8] {
        guard input.first == tarTag, rng.next() % 2 == 0 else {
            return mutator.mutate(input, pool: pool, using: &rng)
        }
        var tar = Array(input.dropFirst())
        for _ in 0..<Int.random(in: 1...3, using: &rng) { mutateTar(&tar, &rng) }
        return [tarTag] + tar
    }

    /// Where the headers of a tar stream start (following sizes as the reader does).
    static func headerOffsets(_ tar: ArraySlice<UInt8>) -> [Int] {
        var offsets: [Int] = []
        var offset = tar.startIndex
        while offset + 512 <= tar.endIndex, offsets.count < 4096 {
            let block = tar[offset..<(offset + 512)]
            if block.allSatisfy({ $0 == 0 }) { break }
            offsets.append(offset - tar.startIndex)
            var size = 0
            for b in block[(offset + 124)..<(offset + 136)] where b >= 0x30 && b <= 0x37 { size = size * 8 + Int(b - 0x30) }
            offset += 512 + (size + 511) / 512 * 512
        }
        return offsets
    }

    static func setField(_ tar: inout [UInt8], _ at: Int, _ length: Int, _ value: [UInt8]) {
        for i in 0..<length where at + i < tar.count { tar[at + i] = i < value.count ? value[i] : 0 }
    }

    static func fixChecksum(_ tar: inout [UInt8], header: Int) {
        guard header + 512 <= tar.count else { return }
        var sum = 0
        for i in 0..<512 { sum += (148..<156).contains(i) ? 0x20 : Int(tar[header + i]) }
        setField(&tar, header + 148, 8, Array(String(sum, radix: 8).leftPad(6).utf8) + [0, 0x20])
    }

    /// A ustar header with a valid checksum; `sizeField` replaces the octal size.
    static func header(name: String, type: UInt8, size: Int, sizeField: [UInt8]? = nil) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        setField(&block, 0, 100, Array(name.utf8))
        setField(&block, 100, 8, Array("0000644".utf8))
        setField(&block, 124, 12, sizeField ?? Array(String(size, radix: 8).leftPad(11).utf8))
        block[156] = type
        setField(&block, 257, 8, Array("ustar\u{0}00".utf8))
        fixChecksum(&block, header: 0)
        return block
    }

    static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// One tar-aware mutation.
    static func mutateTar(_ tar: inout [UInt8], _ rng: inout SplitMix64) {
        let headers = headerOffsets(tar[...])
        let h = headers.isEmpty ? 0 : headers[Int.random(in: 0..<headers.count, using: &rng)]
        guard h + 512 <= tar.count else {
            tar += header(name: "c/Chart.yaml", type: UInt8(ascii: "0"), size: 0)
            return
        }
        let oddSizes: [String] = ["0", "1", "777", "1000", "77777777777", "7777777777777", "-1", " 12 ", "12\u{0}34", "8", "9", ""]
        let oddTypes: [UInt8] = Array("0125Lxgk7KDS".utf8) + [0, 0xFF]
        let oddNames: [String] = ["c/Chart.yaml", "Chart.yaml", "c/../x", "/c/x", "c\\templates\\t.yaml", "C:/x", "c/",
                                  "c/templates/", "c", "c/./values.yaml", "", "c/" + String(repeating: "a", count: 99), "c/charts/s.tgz"]
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:  // size
            setField(&tar, h + 124, 12, Array(oddSizes[Int.random(in: 0..<oddSizes.count, using: &rng)].utf8))
        case 1:  // size, base-256
            var field: [UInt8] = [0x80 | UInt8.random(in: 0...0x7F, using: &rng)]
            for _ in 0..<11 { field.append(UInt8.random(in: 0...255, using: &rng)) }
            if rng.next() % 2 == 0 { field = [0x80] + [UInt8](repeating: 0, count: 8) + [0, 0x10, 0] }
            setField(&tar, h + 124, 12, field)
        case 2:  // type flag
            tar[h + 156] = oddTypes[Int.random(in: 0..<oddTypes.count, using: &rng)]
        case 3:  // name
            setField(&tar, h, 100, Array(oddNames[Int.random(in: 0..<oddNames.count, using: &rng)].utf8))
        case 4:  // ustar prefix
            setField(&tar, h + 257, 8, Array("ustar\u{0}00".utf8))
            setField(&tar, h + 345, 155, Array(oddNames[Int.random(in: 0..<oddNames.count, using: &rng)].utf8))
        case 5:  // mode, odd octal
            setField(&tar, h + 100, 8, Array((rng.next() % 2 == 0 ? "0040755" : "9999999").utf8))
        case 6:  // a PAX header before this entry
            let records = ["path=c/pax/" + String(repeating: "p", count: Int.random(in: 0...200, using: &rng)),
                           "size=" + ["0", "5", "99999999999", "-3", "x"][Int.random(in: 0..<5, using: &rng)],
                           "linkpath=x", "", "k=v\u{0}"]
            var body: [UInt8] = []
            for record in records.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)) {
                let text = " " + record + "\n"
                var length = text.utf8.count
                length += String(length).count
                if (String(length) + text).utf8.count != length { length = (String(length) + text).utf8.count }
                switch rng.next() % 6 {
                case 0: body += Array("1 x".utf8)  // a length shorter than its own digits
                case 1: body += Array((String(length + 7) + text).utf8)  // overlong
                case 2: body += Array(("0" + text).utf8)
                default: body += Array((String(length) + text).utf8)
                }
            }
            let typeflag = rng.next() % 3 == 0 ? UInt8(ascii: "g") : UInt8(ascii: "x")
            tar.insert(contentsOf: header(name: "PaxHeader", type: typeflag, size: body.count) + padded(body), at: h)
        case 7:  // a GNU long name before this entry
            let name = "c/long/" + String(repeating: "n", count: Int.random(in: 90...300, using: &rng))
            let body = Array(name.utf8) + (rng.next() % 2 == 0 ? [0] : [])
            tar.insert(contentsOf: header(name: "././@LongLink", type: UInt8(ascii: "L"), size: body.count) + padded(body), at: h)
        case 8:  // cut at a block boundary, or inside a block
            let cut = rng.next() % 2 == 0 ? h + 512 * Int.random(in: 0...2, using: &rng) : Int.random(in: 0...tar.count, using: &rng)
            tar.removeSubrange(min(cut, tar.count)...)
            return
        default:  // duplicate this header and its data
            let end = headers.first(where: { $0 > h }) ?? min(tar.count, h + 512)
            tar.insert(contentsOf: tar[h..<end], at: h)
        }
        if rng.next() % 8 != 0 { fixChecksum(&tar, header: h) }
    }

    /// `bytes` gzipped at `level` (0: stored blocks).
    static func gzip(_ bytes: [UInt8], level: Int32) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return []
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let written: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<written])
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
