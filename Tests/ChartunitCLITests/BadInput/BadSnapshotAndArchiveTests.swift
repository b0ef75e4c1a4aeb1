import Foundation
import Testing

/// Corrupt `.snap` files fail their own suite, naming the file, and are
/// never written over (not under `-u` either); a snapshot directory that
/// cannot be written fails only the suites that must write.
@Suite struct BadSnapshotTests {
    static let snapshotSuite = BadInputCase.passingSuite("s").bytes
        + Array("  - it: snaps\n    asserts:\n      - matchSnapshot: {}\n".utf8)
    static let snapFile = "c/tests/__snapshot__/s_test.yaml.snap"

    /// The chart with suite `s` (a snapshot) between `a` and `z`, its
    /// `.snap` holding `snap`.
    static func corrupt(_ name: String, _ snap: CaseFile, update: Bool = false, _ fragments: [String]) -> BadInputCase {
        BadInputCase(name: name, files: [
            "c/tests/s_test.yaml": CaseFile(bytes: snapshotSuite), snapFile: snap,
            "c/tests/z_test.yaml": BadInputCase.passingSuite("z"),
        ], arguments: ["test"] + (update ? ["-u"] : []) + ["$D/c"], status: 1,
        // helm-unittest names neither the suite nor the snapshot file here; the location does.
        fragments: [" PASS  a\t", " PASS  z\t", " FAIL  \t$D/c/tests/s_test.yaml"] + fragments + ["Test Suites: 1 failed, 1 errored, 2 passed, 3 total"],
        keeps: [snapFile: snap])
    }

    static let snapshotTests: [BadInputCase] = [
        corrupt("syntax error", "s:\n  1: |\n    a\n  2: [\n", ["yaml: line 4: did not find expected node content",
                                                          "at $D/\(snapFile):5:1",
                                                          "while parsing a flow node at $D/\(snapFile):5:1"]),
        corrupt("syntax error under -u", "s:\n  1: |\n    a\n  2: [\n", update: true, ["yaml: line 4: did not find expected node content"]),
        corrupt("invalid UTF-8", CaseFile(bytes: Array("s:\n  1: \"".utf8) + [0xC0, 0x22, 0x0A]),
                ["yaml: invalid trailing UTF-8 octet", "at $D/\(snapFile):2:8"]),
        corrupt("alias bomb", CaseFile(text: BadSuiteTests.aliasBomb + "s: *i\n"),
                ["yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into map[uint]string\n  line 2: cannot unmarshal",
                 "at $D/\(snapFile):1:4"]),
        corrupt("index that is not a number", "s:\n  one: |\n    a\n",
                ["yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `one` into uint", "at $D/\(snapFile):2:3"]),
        corrupt("negative index", "s:\n  -1: |\n    a\n", ["line 2: cannot unmarshal !!int `-1` into uint"]),
        corrupt("a list", "- a\n- b\n", ["yaml: unmarshal errors:\n  line 1: cannot unmarshal !!seq into map[string]map[uint]string"]),
        corrupt("a scalar", "hello\n", ["line 1: cannot unmarshal !!str `hello` into map[string]map[uint]string"]),
        corrupt("entries that are a list", "s: [a, b]\n", ["line 1: cannot unmarshal !!seq into map[uint]string"]),
        corrupt("an entry that is a map", "s:\n  1: {a: b}\n", ["line 2: cannot unmarshal !!map into string"]),
        BadInputCase(name: "snapshot directory that is a file", files: [
            "c/tests/s_test.yaml": CaseFile(bytes: snapshotSuite), "c/tests/__snapshot__": "not a directory\n",
            "c/tests/z_test.yaml": BadInputCase.passingSuite("z"),
        ], arguments: ["test", "$D/c"], status: 1, fragments: [
            " PASS  a\t", " PASS  z\t", " FAIL  s\t$D/c/tests/s_test.yaml", "mkdir $D/c/tests/__snapshot__: not a directory",
        ]),
    ]

    @Test(arguments: snapshotTests)
    func failsAloneAndIsKept(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }

    /// A read-only tests directory fails only the suite that must create its
    /// snapshot file (root ignores file modes, so this runs as a user only).
    @Test(.enabled(if: getuid() != 0))
    func readOnlyTestsDirectoryFailsOnlyWriters() async throws {
        try await BadInputCase(name: "read-only tests directory", files: [
            "c/tests/s_test.yaml": CaseFile(bytes: Self.snapshotSuite),
            "c/tests/z_test.yaml": BadInputCase.passingSuite("z"),
        ], arguments: ["test", "$D/c"], status: 1, fragments: [
            " PASS  a\t", " PASS  z\t", " FAIL  s\t$D/c/tests/s_test.yaml", "mkdir $D/c/tests/__snapshot__: permission denied",
        ], readOnly: ["c/tests"]).check()
    }
}

/// Hostile chart archives: Helm's errors and limits, naming the archive.
@Suite struct BadArchiveTests {
    static func archive(_ name: String, _ fixture: String, _ fragments: [String]) -> BadInputCase {
        BadInputCase(name: name, files: ["x.tgz": .fixture("charts/" + fixture)], arguments: ["test", "$D/x.tgz", "$D/c"], status: 1,
                     fragments: fragments + [" PASS  a\t$D/c/tests/a_test.yaml", "Charts:      1 failed, 1 errored, 1 passed, 2 total"])
    }

    static let archiveTests: [BadInputCase] = [
        archive("not gzip", "tgz-notgzip.tgz", ["### Error:  file '$D/x.tgz' does not appear to be a gzipped archive; got 'application/octet-stream'"]),
        archive("cut short", "tgz-truncated.tgz", ["### Error:  unexpected EOF", "at $D/x.tgz"]),
        archive("absolute path", "tgz-absolute.tgz", ["chart illegally contains absolute paths", "at $D/x.tgz"]),
        archive("parent directory", "tgz-dotdot.tgz", ["chart illegally references parent directory", "at $D/x.tgz"]),
        archive("no top directory", "tgz-toplevel.tgz", [#"chart illegally contains content outside the base directory: "Chart.yaml""#]),
        archive("no files", "tgz-empty.tgz", ["no files in chart archive", "at $D/x.tgz"]),
        archive("file bomb", "tgz-filebomb.tgz", [#"decompressed chart file "c/templates/big.yaml" is larger than the maximum file size 5242880"#]),
        archive("chart bomb", "tgz-chartbomb.tgz", ["decompressed chart is larger than the maximum file size 104857600", "at $D/x.tgz"]),
        BadInputCase(name: "chart bomb under Helm 4", files: ["x.tgz": .fixture("charts/tgz-chartbomb.tgz")],
                     arguments: ["render", "$D/x.tgz"], status: 1,
                     fragments: ["Error: decompressed chart is larger than the maximum size 104857600"]),
        BadInputCase(name: "good archive", files: ["x.tgz": .fixture("charts/tgz-good.tgz")],
                     arguments: ["render", "$D/x.tgz", "--output", "json"], status: 0,
                     fragments: [#""good/templates/x.yaml": "x""#]),
        BadInputCase(name: "empty file as archive", files: ["x.tgz": CaseFile(bytes: [])], arguments: ["test", "$D/x.tgz"], status: 1,
                     fragments: ["does not appear to be a gzipped archive"]),
        BadInputCase(name: "gzip of something that is not tar", files: ["x.tgz": CaseFile(bytes: [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00,
            0x86, 0xA6, 0x10, 0x36, 0x05, 0x00, 0x00, 0x00,
        ])], arguments: ["test", "$D/x.tgz"], status: 1, fragments: ["### Error:  ", "at $D/x.tgz"]),
    ]

    @Test(arguments: archiveTests)
    func fails(_ badInput: BadInputCase) async throws {
        try await badInput.check()
    }
}
