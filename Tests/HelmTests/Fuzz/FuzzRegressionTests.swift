import Diagnostics
import Foundation
@testable import Helm
import Testing
import Values

/// Inputs the fuzz targets once crashed on, with what Go and Helm give for
/// them (archives: Helm 4.2.3's `LoadArchiveFiles` on Go 1.27's archive/tar
/// and compress/gzip; `--set`: Helm 4.2.3's pkg/strvals through the oracle).
@Suite struct FuzzRegressionTests {
    typealias A = ArchiveFuzzTests

    static func entry(_ name: String, _ data: String, type: Character = "0") -> [UInt8] {
        A.header(name: name, type: UInt8(ascii: type.unicodeScalars.first!), size: data.utf8.count) + A.padded(Array(data.utf8))
    }

    static let chart = entry("c/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
    static let end = [UInt8](repeating: 0, count: 1024)

    static func sized(_ name: String, _ field: [UInt8]) -> [UInt8] {
        A.header(name: name, type: UInt8(ascii: "0"), size: 0, sizeField: field)
    }

    /// (name, tar, the files loaded or Go's error).
    static let archives: [(String, [UInt8], String)] = [
        // A PAX record whose length is shorter than its own digits crashed the record reader.
        ("pax-short-length", entry("PaxHeader", "1 x", type: "x") + chart + end, "archive/tar: invalid tar header"),
        ("pax-path", entry("PaxHeader", "22 path=c/values.yaml\n", type: "x") + entry("c/whatever", "a: 1\n") + chart + end,
         "values.yaml Chart.yaml"),
        ("pax-size-not-number", entry("PaxHeader", "11 size=x\n", type: "x") + chart + end, "archive/tar: invalid tar header"),
        ("pax-no-equals", entry("PaxHeader", "8 abcde\n", type: "x") + chart + end, "archive/tar: invalid tar header"),
        ("global-pax-short-length", entry("GlobalHead", "1 x", type: "g") + chart + end, "archive/tar: invalid tar header"),
        // A base-256 size near Int64.max overflowed the data offset.
        ("base256-size-max", chart + sized("c/x", [0x80, 0, 0, 0, 0x7F] + [UInt8](repeating: 0xFF, count: 7)) + end,
         "decompressed chart is larger than the maximum size 104857600"),
        ("base256-size-overflow", chart + sized("c/x", [0x80] + [UInt8](repeating: 0xFF, count: 11)) + end,
         "archive/tar: invalid tar header"),
        ("base256-size-huge", chart + sized("c/x", [0x80, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]) + end,
         "decompressed chart is larger than the maximum size 104857600"),
        ("base256-size-negative", chart + sized("c/x", [UInt8](repeating: 0xFF, count: 12)) + end,
         "archive/tar: invalid tar header"),
        // Go checks a truncated entry's name and size before it reads the data.
        ("truncated-entry-parent-name", chart + A.header(name: "c/../../x", type: UInt8(ascii: "0"), size: 1000) + Array("0123456789".utf8),
         "chart illegally references parent directory"),
        ("truncated-entry", chart + A.header(name: "c/x", type: UInt8(ascii: "0"), size: 1000) + Array("0123456789".utf8),
         "unexpected EOF"),
        ("truncated-directory", chart + A.header(name: "c/d/", type: UInt8(ascii: "5"), size: 100), "Chart.yaml"),
        ("truncated-long-name", chart + A.header(name: "././@LongLink", type: UInt8(ascii: "L"), size: 300) + Array("c/abc".utf8),
         "unexpected EOF"),
    ]

    @Test(arguments: archives.indices)
    func archive(_ i: Int) {
        let (name, tar, expected) = Self.archives[i]
        let got: String
        do {
            got = try ChartLoader(helm: .v4).archiveFiles(A.gzip(tar, level: 6)).map(\.name).joined(separator: " ")
        } catch {
            got = error.message
        }
        #expect(got == expected, "\(name)")
    }

    /// Nested lists in `--set` recursed on the native stack (5 461 levels crashed).
    @Test func deeplyNestedSetLists() throws {
        // Helm: `[0]…[0][` (no key, EOF inside an index) gives an empty map.
        let unnamed = try Strvals.parse(String(repeating: "[0]", count: 5_461) + "[")
        #expect(unnamed.count == 0)
        for mode: Strvals.Mode in [.typed, .string, .literal] {
            let map = try Strvals.parse("a" + String(repeating: "[0]", count: 5_000) + "=x", mode: mode)
            var value = map["a"] ?? .null
            var depth = 0
            while case .list(let items, _) = value, items.count == 1 {
                value = items[0]
                depth += 1
            }
            #expect(depth == 5_000)
            #expect(value.stringValue == "x")
        }
        expectSetError("a" + String(repeating: "[0]", count: 5_000) + "=x", mode: .json, "invalid character 'x' looking for beginning of value")
        #expect(try GoJSON.encode(.map(Strvals.parse("a[1][1][1]=x"))) == #"{"a":[null,[null,[null,"x"]]]}"#)
    }

    func expectSetError(_ text: String, mode: Strvals.Mode, _ message: String) {
        do {
            _ = try Strvals.parse(text, mode: mode)
            Issue.record("no error")
        } catch {
            #expect(error.message == message)
        }
    }
}
