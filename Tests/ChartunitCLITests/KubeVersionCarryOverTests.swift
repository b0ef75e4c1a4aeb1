import Foundation
import Testing
@testable import ChartunitCLI

/// helm-unittest 1.1's kube-version carry-over, end to end: each test
/// asserts the `.Capabilities.KubeVersion` helm-unittest 1.1.0 rendered it
/// with (recorded from `../shared/peer` on these suites, where every test
/// passes), so the suites pass only if chartunit carries the version over
/// the same way, whatever `-j`.
@Suite struct KubeVersionCarryOverTests {
    static let template = "kind: ConfigMap\nv: {{ .Capabilities.KubeVersion.Version }}\n"

    static func test(_ name: String, _ expected: String, _ extra: String = "") -> String {
        "  - it: \(name)\n\(extra)    asserts:\n      - equal: {path: v, value: \(expected)}\n"
    }

    static let suiteA = "suite: a\ntemplates: [cm.yaml]\ntests:\n"
        + test("first, default", "v1.20.0")
        + test("sets 1.25", "v1.25.0", "    capabilities:\n      majorVersion: 1\n      minorVersion: 25\n")
        + test("after, default", "v1.25.0")
        + test("sets minor only 27", "v1.27.0", "    capabilities:\n      minorVersion: 27\n")
        // A skipped test never renders, so it leaves nothing behind.
        + test("skipped", "v1.29.0", "    capabilities:\n      minorVersion: 29\n    skip:\n      reason: nope\n")
        + test("after skip", "v1.27.0")

    static let suiteB = "suite: b\ntemplates: [cm.yaml]\ncapabilities:\n  majorVersion: 2\ntests:\n"
        + test("suite major 2", "v2.27.0")
        // A test whose values cannot be built stops before the capabilities are set.
        + test("bad values", "v2.33.0", "    capabilities:\n      minorVersion: 33\n    values: [nowhere.yaml]\n")
        + test("after", "v2.27.0")

    static let suiteD = "suite: d\ntemplates: [cm.yaml]\ntests:\n" + test("other chart", "v2.27.0")

    static func charts() throws -> (c: String, d: String) {
        let c = try CLI.chart(["Chart.yaml": CLI.chartYAML(), "templates/cm.yaml": template,
                               "tests/a_test.yaml": suiteA, "tests/b_test.yaml": suiteB])
        let d = (c as NSString).deletingLastPathComponent + "/d"
        for (path, text) in ["Chart.yaml": CLI.chartYAML("d"), "templates/cm.yaml": template, "tests/d_test.yaml": suiteD] {
            let url = URL(fileURLWithPath: d).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return (c, d)
    }

    @Test(arguments: ["1", "4"])
    func carriedOverAsHelmUnittestDoes(_ jobs: String) async throws {
        let (c, d) = try Self.charts()
        defer { try? FileManager.default.removeItem(atPath: (c as NSString).deletingLastPathComponent) }
        let outcome = await CLI.run(["test", "-j", jobs, "--show-kube-carry-over", c, d])
        #expect(outcome.stdout.contains("Tests:       1 failed, 1 errored, 8 passed, 1 skipped, 10 total"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Error: open \(c)/tests/nowhere.yaml: no such file or directory"))
        #expect(outcome.stdout.contains("""

            Kubernetes version carried over from an earlier test (5 tests):
              \(c)/tests/a_test.yaml › after, default: v1.25.0, set by \(c)/tests/a_test.yaml › sets 1.25
              \(c)/tests/a_test.yaml › after skip: v1.27.0, set by \(c)/tests/a_test.yaml › sets minor only 27
              \(c)/tests/b_test.yaml › suite major 2: v2.27.0, set by \(c)/tests/a_test.yaml › sets minor only 27
              \(c)/tests/b_test.yaml › after: v2.27.0, set by \(c)/tests/b_test.yaml › suite major 2
              \(d)/tests/d_test.yaml › other chart: v2.27.0, set by \(c)/tests/b_test.yaml › after

            """), "\(outcome.stdout)")
    }
}
