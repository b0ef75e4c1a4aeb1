import Foundation
import Reports
import Testing
import UnitTest

/// `-j 1` and `-j N` give the same answer: console, report, snapshot files
/// and the `-d` files (each as the last job in run order left it).
@Suite struct JobsDeterminismTests {
    /// A chart whose suites fail, pass, write snapshots and render the same
    /// template with different values.
    static func chart(at root: URL) throws {
        var files = BadInputCase.baseChart
        for (i, name) in ["b", "c", "d", "e", "f", "g", "h"].enumerated() {
            files["c/tests/\(name)_test.yaml"] = CaseFile(text: """
                suite: \(name)
                templates: [cm.yaml]
                tests:
                  - it: renders \(name)
                    set: {name: "\(name)\(i)"}
                    asserts:
                      - equal: {path: metadata.name, value: \(i % 3 == 0 ? "wrong" : "\(name)\(i)")}
                      - matchSnapshot: {}
                  - it: second \(name)
                    set: {name: "\(name)-second"}
                    asserts:
                      - isKind: {of: ConfigMap}

                """)
        }
        for (path, file) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    /// Everything a run leaves: console, JUnit report, and every file
    /// under the scratch directory (snapshots, `-d` output).
    static func run(jobs: Int) async throws -> (console: String, report: String, files: [String: Data]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-jobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try chart(at: root)
        var options = TestRunOptions(jobs: jobs)
        options.renderOutputDirectory = root.appendingPathComponent("debug").path
        var run = await TestRunner(renderer: HelmChartRenderer(), options: options).run(chartPaths: [root.appendingPathComponent("c").path])
        run.duration = .zero
        var zeroed = run
        for c in zeroed.charts.indices {
            for s in zeroed.charts[c].suites.indices {
                for t in zeroed.charts[c].suites[s].tests.indices { zeroed.charts[c].suites[s].tests[t].duration = .zero }
            }
        }
        let environment = ReportEnvironment(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "UTC")!,
                                            hostname: "h", workingDirectory: "/", userName: "u", locale: "")
        let report = ReportFormat.junit.render(zeroed.reportedSuites, environment: environment)
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root.appendingPathComponent(path).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        let console = ConsoleReport(colored: false).render(zeroed).replacingOccurrences(of: root.path, with: "$D")
        return (console, report.replacingOccurrences(of: root.path, with: "$D"), files)
    }

    @Test func sameAnswerUnderAnyJobs() async throws {
        let one = try await Self.run(jobs: 1)
        #expect(one.console.contains(" FAIL  b\t$D/c/tests/b_test.yaml"))
        #expect(one.files.keys.contains("c/tests/__snapshot__/h_test.yaml.snap"))
        let debug = try #require(one.files["debug/c/templates/cm.yaml"])
        #expect(String(decoding: debug, as: UTF8.self).contains("name: h-second"))
        for jobs in [2, 4, 8] {
            let many = try await Self.run(jobs: jobs)
            #expect(many.console == one.console, "console under -j \(jobs)")
            #expect(many.report == one.report, "report under -j \(jobs)")
            #expect(many.files == one.files, "files under -j \(jobs)")
        }
    }
}
