import CZlib
import Diagnostics
import Foundation
import GoStd
import GoTemplate
import TestSupport
import Testing
@testable import Helm
import Values

/// Runaway input ends promptly in the error real Helm gives (v3.20.2 and
/// v4.2.3, `helm template` of the same charts), or, where Helm itself
/// crashes, in Go's crash text as an error.
@Suite struct HelmDepthLimitTests {
    static func files(_ files: [String: String]) -> [ChartFile] {
        files.keys.sorted().map { ChartFile(name: $0, data: Array(files[$0, default: ""].utf8)) }
    }

    static let chartYAML = "apiVersion: v2\nname: c\nversion: 0.1.0\n"

    /// Renders `template` as `templates/t.yaml`; the error message, if any.
    static func renderError(_ template: String, values: String = "", helm: HelmVersion) -> LocatedError? {
        do {
            let chart = try ChartLoader(helm: helm).loadFiles(
                files(["Chart.yaml": chartYAML, "values.yaml": values, "templates/t.yaml": template]))
            _ = try HelmEngine(chart: chart, helm: helm).render(userValues: GoMap(), options: RenderOptions(helm: helm))
            return nil
        } catch {
            return error
        }
    }

    // MARK: template recursion

    @Test(arguments: [
        (HelmVersion.v3, #"template: c/templates/t.yaml:1:25: executing "a" at <{{template "a" .}}>: exceeded maximum template depth (100000)"#),
        (.v4, "c/templates/t.yaml:1:25\n  executing \"a\" at <{{template \"a\" .}}>:\n    exceeded maximum template depth (100000)"),
    ])
    func templateSelfRecursion(_ helm: HelmVersion, _ message: String) {
        let error = Self.renderError(#"{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}"#, helm: helm)
        #expect(error?.message == message)
    }

    /// Helm's `include` counts calls per name (`recursionMaxNums` 1000):
    /// 1001 nested includes succeed, the next fails, and Go's error chain
    /// names every level.
    @Test(arguments: [HelmVersion.v3, .v4])
    func includeRecursion(_ helm: HelmVersion) throws {
        let error = try #require(Self.renderError(#"{{define "a"}}{{include "a" .}}{{end}}{{include "a" .}}"#, helm: helm))
        #expect(error.message.hasPrefix(#"template: c/templates/t.yaml:1:40: executing "c/templates/t.yaml" at <include "a" .>: error calling include: template: c/templates/t.yaml:1:16: executing "a" at <include "a" .>: error calling include: "#))
        #expect(error.message.hasSuffix(#"executing "a" at <include "a" .>: error calling include: rendering template has a nested reference name: a: unable to execute template"#))
        #expect(error.message.components(separatedBy: "error calling include").count - 1 == 1002)
        let mutual = try #require(Self.renderError(
            #"{{define "a"}}{{include "b" .}}{{end}}{{define "b"}}{{template "a" .}}{{end}}{{include "a" .}}"#, helm: helm))
        #expect(mutual.message.components(separatedBy: "error calling include").count - 1 == 1003)
        #expect(mutual.message.hasSuffix("rendering template has a nested reference name: b: unable to execute template"))
    }

    /// `tpl` has no limit in Helm: it recurses until Go's 1 GB goroutine
    /// stack overflows and the process dies (both versions, after some 14 s
    /// and 4.7 GB). chartunit stops after ``HelmFunctions/tplLimit`` nested
    /// calls with Go's crash text, not wrapped by any template frame.
    @Test(arguments: [
        (HelmVersion.v3, "{{ tpl .Values.x . }}"),
        (.v4, "{{ tpl .Values.x . }}"),
        (.v4, #"{{ $x := "{{ tpl .x . }}" }}{{ tpl $x (dict "x" $x) }}"#),
        // `template` inside `tpl`: each `tpl` starts a fresh template depth count.
        (.v3, #"{{define "a"}}{{ tpl "{{ template \"a\" . }}" . }}{{end}}{{ include "a" . }}"#),
    ])
    func tplRecursion(_ helm: HelmVersion, _ template: String) throws {
        let error = Self.renderError(template, values: "x: \"{{ tpl .Values.x . }}\"\n", helm: helm)
        #expect(error?.message == "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow")
        #expect(error?.kind == .goFatal)
    }

    // MARK: YAML and JSON depth in chart files

    @Test(arguments: [
        (HelmVersion.v3, "cannot load values.yaml: error unmarshaling JSON: while decoding JSON: exceeded max depth"),
        (.v4, "cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: while decoding JSON: exceeded max depth"),
    ])
    func deepValuesFile(_ helm: HelmVersion, _ message: String) {
        let values = "a: " + String(repeating: "[", count: 10000) + String(repeating: "]", count: 10000) + "\n"
        expectError(message) {
            _ = try ChartLoader(helm: helm).loadFiles(Self.files(["Chart.yaml": Self.chartYAML, "values.yaml": values]))
        }
        let deeper = "a: " + String(repeating: "[", count: 100_000) + "\n"
        let prefix = helm == .v4 ? "cannot load values.yaml: cannot unmarshal yaml document: " : "cannot load values.yaml: "
        expectError(prefix + "error converting YAML to JSON: yaml: exceeded max depth of 10000") {
            _ = try ChartLoader(helm: helm).loadFiles(Self.files(["Chart.yaml": Self.chartYAML, "values.yaml": deeper]))
        }
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func deepChartYAML(_ helm: HelmVersion) {
        let tooDeep = Self.chartYAML + "x: " + String(repeating: "[", count: 10001) + String(repeating: "]", count: 10001) + "\n"
        expectError("cannot load Chart.yaml: error converting YAML to JSON: yaml: line 4: exceeded max depth of 10000") {
            _ = try ChartLoader(helm: helm).loadFiles(Self.files(["Chart.yaml": tooDeep]))
        }
        // `annotations` is one more level: an empty list 10001 deep passes JSON's writer, not its reader.
        let emptyDeep = Self.chartYAML + "annotations:\n  a: " + String(repeating: "[", count: 9999) + String(repeating: "]", count: 9999) + "\n"
        expectError("cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: exceeded max depth") {
            _ = try ChartLoader(helm: helm).loadFiles(Self.files(["Chart.yaml": emptyDeep]))
        }
    }

    /// A rendered manifest is read back (sigs.k8s.io/yaml) for sorting.
    @Test func deepManifest() {
        let manifest = "a:\n  b: " + String(repeating: "[", count: 9999) + "1" + String(repeating: "]", count: 9999) + "\n"
        expectError("YAML parse error on c/templates/t.yaml: error converting YAML to JSON: exceeded max depth\n\nUse --debug flag to render out invalid YAML") {
            let chart = try ChartLoader(helm: .v4).loadFiles(Self.files(["Chart.yaml": Self.chartYAML, "templates/t.yaml": manifest]))
            let action = TemplateAction(engine: HelmEngine(chart: chart, helm: .v4), options: RenderOptions(helm: .v4))
            _ = try action.renderText(userValues: GoMap())
        }
    }

    // MARK: archives

    /// A gzipped tar of `entries` (name, size, byte), the data generated
    /// and compressed in chunks so a huge entry stays small in memory.
    static func tgz(_ entries: [(name: String, size: Int, byte: UInt8)]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        func feed(_ bytes: [UInt8], finish: Bool = false) {
            var input = bytes
            input.withUnsafeMutableBufferPointer { inp in
                stream.next_in = inp.baseAddress
                stream.avail_in = UInt32(inp.count)
                repeat {
                    buffer.withUnsafeMutableBufferPointer { b in
                        stream.next_out = b.baseAddress
                        stream.avail_out = UInt32(b.count)
                        deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        out.append(contentsOf: b[0..<(b.count - Int(stream.avail_out))])
                    }
                } while stream.avail_out == 0 || (finish && stream.avail_in > 0)
            }
        }
        for entry in entries {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int) { for (i, b) in text.utf8.enumerated() { header[offset + i] = b } }
            put(entry.name, at: 0)
            put("0000644\0", at: 100)
            put("0000000\0", at: 108)
            put("0000000\0", at: 116)
            put(octal(entry.size, digits: 11) + "\0", at: 124)
            put("00000000000\0", at: 136)
            put("        ", at: 148)
            header[156] = UInt8(ascii: "0")
            put("ustar\u{0}00", at: 257)
            let sum = header.reduce(0) { $0 + Int($1) }
            put(octal(sum, digits: 6) + "\0 ", at: 148)
            feed(header)
            var left = entry.size
            let chunk = [UInt8](repeating: entry.byte, count: 1 << 20)
            while left > 0 {
                feed(Array(chunk.prefix(left)))
                left -= min(left, chunk.count)
            }
            feed([UInt8](repeating: 0, count: (512 - entry.size % 512) % 512))
        }
        feed([UInt8](repeating: 0, count: 1024), finish: true)
        return out
    }

    static func octal(_ n: Int, digits: Int) -> String {
        let text = String(n, radix: 8)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    static let base: [(name: String, size: Int, byte: UInt8)] = [("c/templates/t.yaml", 5, UInt8(ascii: "a"))]

    @Test(arguments: [
        (HelmVersion.v3, "decompressed chart is larger than the maximum file size 104857600"),
        (.v4, "decompressed chart is larger than the maximum size 104857600"),
    ])
    func zipBombs(_ helm: HelmVersion, _ message: String) throws {
        // Many files under the 5 MiB file limit, 120 MiB in all; one file of 200 MiB.
        let many = Self.tgz(Self.base + (0..<30).map { ("c/files/f\($0).txt", 4 << 20, 0) })
        let one = Self.tgz(Self.base + [("c/files/huge.txt", 200 << 20, 0)])
        #expect(many.count < 1 << 20 && one.count < 1 << 20)
        for bomb in [many, one] {
            expectError(message) { _ = try ChartLoader(helm: helm).archiveFiles(bomb) }
        }
    }

    @Test func bigFileInArchiveAndDirectory() throws {
        let big = Self.tgz(Self.base + [("c/templates/big.yaml", 20 << 20, UInt8(ascii: "#"))])
        expectError(#"decompressed chart file "c/templates/big.yaml" is larger than the maximum file size 5242880"#) {
            _ = try ChartLoader(helm: .v3).archiveFiles(big)
        }
        // From a file: the same (Helm 4's `helm template x.tgz` says only `unable
        // to load chart archive`; its chart loader, the oracle's, says this).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-depth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("big.tgz")
        try Data(big).write(to: archive)
        for helm in [HelmVersion.v3, .v4] {
            expectError(#"decompressed chart file "c/templates/big.yaml" is larger than the maximum file size 5242880"#) {
                _ = try ChartLoader(helm: helm).load(path: archive.path)
            }
        }
        // A directory: the file limit, checked before reading the file.
        let chartDir = dir.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: chartDir.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data(Self.chartYAML.utf8).write(to: chartDir.appendingPathComponent("Chart.yaml"))
        try Data(repeating: UInt8(ascii: "#"), count: 20 << 20).write(to: chartDir.appendingPathComponent("templates/big.yaml"))
        for helm in [HelmVersion.v3, .v4] {
            expectError(#"chart file "big.yaml" is larger than the maximum file size 5242880"#) {
                _ = try ChartLoader(helm: helm).load(path: chartDir.path)
            }
        }
    }
}
