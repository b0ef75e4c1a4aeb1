import Foundation
import Synchronization
import Testing
import TestSupport
import UnitTest
@testable import ChartunitCLI

/// `chartunit test --watch`: the watchers on real file edits, the loop
/// in-process, and the built binary driven through its stdin.
@Suite struct WatchCommandTests {
    /// A fresh copy of examples/webapp in a temporary directory: (directory, chart).
    static func webappCopy() throws -> (directory: String, chart: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let chart = directory + "/webapp"
        try FileManager.default.copyItem(atPath: Fixtures.repository.appendingPathComponent("examples/webapp").path, toPath: chart)
        return (directory, chart)
    }

    static func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// An editor's save: the new text written to a temporary file, renamed over the file.
    static func saveByRename(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let temp = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(".save.tmp").path
        try Data(change(text).utf8).write(to: URL(fileURLWithPath: temp))
        #expect(rename(temp, path) == 0)
    }

    /// Output that grows while a watch runs, and the wait for it.
    final class Output: Sendable {
        private let text = Mutex("")

        func add(_ more: String) { text.withLock { $0 += more } }
        var current: String { text.withLock { $0 } }

        /// Waits (up to `timeout`) until `marker` has appeared `count` times.
        /// The bound is generous: in a full `swift test` the other suites
        /// can hold both cores (and this task's wake-ups) for a minute; it
        /// costs time only when the marker never comes.
        func wait(for marker: String, count: Int, timeout: Duration = WatchCommandTests.patience) async -> Bool {
            let start = ContinuousClock.now
            func seen() -> Bool { current.components(separatedBy: marker).count - 1 >= count }
            while ContinuousClock.now - start < timeout {
                if seen() { return true }
                try? await Task.sleep(for: .milliseconds(20))
            }
            if seen() { return true }
            Issue.record("no \(count)× \(marker) in:\n\(current)")
            return false
        }

        /// The suite files (base names) the `round`th re-run ran, as ` PASS `/` FAIL ` lines name them.
        func suites(ofRerun round: Int) -> [String] {
            let rounds = current.components(separatedBy: "\n── ")
            guard round < rounds.count else { return [] }
            let block = rounds[round].components(separatedBy: "Waiting for changes…")[0]
            return block.components(separatedBy: "\n").filter { $0.hasPrefix(" PASS ") || $0.hasPrefix(" FAIL ") }
                .map { URL(fileURLWithPath: $0.components(separatedBy: "\t").last ?? "").lastPathComponent }
        }
    }

    /// How long a wait for the watcher or the loop may take before it counts as a failure.
    static let patience: Duration = .seconds(300)

    static let allSuites = ["configmap_test.yaml", "deployment_test.yaml", "hpa_test.yaml", "ingress_test.yaml",
                            "notes_test.yaml", "secret_test.yaml", "service_test.yaml", "truststore_test.yaml"]

    /// Each watcher, after each kind of edit, reports paths that show the change.
    @Test(arguments: ["inotify", "polling"])
    func watchersReportEditsRenamesNewDirectoriesAndDeletes(_ kind: String) async throws {
        let (directory, _) = try Self.webappCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let roots = [WatchRoot(path: directory, recursive: true)]
        var index = FileIndex(roots: roots)
        let reported = Mutex(Set<String>())
        let report: @Sendable (Set<String>) -> Void = { paths in reported.withLock { $0.formUnion(paths) } }
        let watcher: any ChangeWatcher
        if kind == "polling" {
            watcher = PollingWatcher(report: report, interval: .milliseconds(50))
        } else {
            #if os(Linux)
            watcher = try #require(InotifyWatcher(report: report))
            #else
            return
            #endif
        }
        watcher.watch(roots)
        defer { watcher.stop() }
        /// Waits until what was reported shows exactly `expected` as changed.
        func expectChanged(_ expected: [String]) async {
            let start = ContinuousClock.now
            var changed: [String] = []
            while ContinuousClock.now - start < Self.patience {
                changed += index.refresh(reported.withLock { paths in
                    defer { paths = [] }
                    return paths
                })
                if Set(changed) == Set(expected.map { directory + "/" + $0 }) { return }
                try? await Task.sleep(for: .milliseconds(20))
            }
            Issue.record("\(kind): changed \(changed), expected \(expected)")
        }
        try Self.append("# edited\n", to: directory + "/webapp/values.yaml")
        await expectChanged(["webapp/values.yaml"])
        try Self.saveByRename(directory + "/webapp/templates/service.yaml") { $0 + "# saved\n" }
        await expectChanged(["webapp/templates/service.yaml"])
        try FileManager.default.createDirectory(atPath: directory + "/webapp/tests/more/deeper", withIntermediateDirectories: true)
        try Data("suite: x\n".utf8).write(to: URL(fileURLWithPath: directory + "/webapp/tests/more/deeper/x_test.yaml"))
        await expectChanged(["webapp/tests/more/deeper/x_test.yaml"])
        try Data("tests: []\n".utf8).write(to: URL(fileURLWithPath: directory + "/webapp/tests/more/deeper/x_test.yaml"))
        await expectChanged(["webapp/tests/more/deeper/x_test.yaml"])
        #expect(chmod(directory + "/webapp/Chart.yaml", 0o600) == 0)
        await expectChanged(["webapp/Chart.yaml"])
        try FileManager.default.removeItem(atPath: directory + "/webapp/tests/more")
        try FileManager.default.removeItem(atPath: directory + "/webapp/templates/NOTES.txt")
        await expectChanged(["webapp/tests/more/deeper/x_test.yaml", "webapp/templates/NOTES.txt"])
        // A file that comes and goes between two looks is no change.
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory + "/webapp/templates/.swap"))
        try FileManager.default.removeItem(atPath: directory + "/webapp/templates/.swap")
        try Self.append("# again\n", to: directory + "/webapp/values.yaml")
        await expectChanged(["webapp/values.yaml"])
    }

    /// The loop in-process, on the polling watcher: a template edit, a
    /// suite's snapshot removed (the re-run writes it back without
    /// re-running itself), a re-run of everything asked for, a broken
    /// template; quitting gives the last run's status.
    @Test func theLoopReRunsWhatEachEditAffectsAndEndsWithTheLastStatus() async throws {
        let (directory, chart) = try Self.webappCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = Output()
        let command = try #require(try Chartunit.parseAsRoot(["test", "--watch", chart]) as? TestCommand)
        let context = ProcessContext(environment: ["NO_COLOR": "1"], isTerminal: false, stream: { text, _ in output.add(text) })
        let inbox = WatchInbox()
        let watch = TestWatch(command: command, context: context, inbox: inbox,
                              makeWatcher: { PollingWatcher(report: $0, interval: .milliseconds(50)) })
        let running = Task { await watch.run() }
        #expect(await output.wait(for: "Watching 1 chart (8 suite files)", count: 1))
        try Self.append("# edited\n", to: chart + "/templates/hpa.yaml")
        #expect(await output.wait(for: "Waiting for changes…", count: 1))
        #expect(output.suites(ofRerun: 1) == ["hpa_test.yaml"])
        #expect(output.current.contains("webapp/templates/hpa.yaml: template rendered by 1 suite file"))
        try FileManager.default.removeItem(atPath: chart + "/tests/__snapshot__/notes_test.yaml.snap")
        #expect(await output.wait(for: "Waiting for changes…", count: 2))
        #expect(output.suites(ofRerun: 2) == ["notes_test.yaml"])
        #expect(FileManager.default.fileExists(atPath: chart + "/tests/__snapshot__/notes_test.yaml.snap"))
        inbox.rerunAll()
        #expect(await output.wait(for: "Waiting for changes…", count: 3))
        #expect(output.suites(ofRerun: 3) == Self.allSuites)
        try Self.saveByRename(chart + "/templates/service.yaml") { "{{ .Values.missing.field }}\n" + $0 }
        #expect(await output.wait(for: "Waiting for changes…", count: 4))
        #expect(output.suites(ofRerun: 4) == ["service_test.yaml"])
        #expect(output.current.contains("Re-ran 1 suite file: FAILED (exit status 1)."))
        inbox.quit()
        let outcome = await running.value
        #expect(outcome.exitCode == 1)
        // Nothing the runs wrote (the snapshot) started a round of its own.
        #expect(output.current.components(separatedBy: "\n── ").count == 5)
    }

    /// `chartunit test --watch` as a process on inotify: the scripted edits,
    /// then `q` on stdin.
    @Test func theBinaryWatchesUntilQ() async throws {
        let binary = try #require(Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("chartunit"))
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build chartunit first (swift build)")
        let (directory, chart) = try Self.webappCopy()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["test", "--watch", "webapp"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        let output = Output()
        stdout.fileHandleForReading.readabilityHandler = { handle in output.add(String(decoding: handle.availableData, as: UTF8.self)) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        #expect(await output.wait(for: "Watching 1 chart (8 suite files)", count: 1))
        // A template: the suites that render it.
        try Self.append("# edited\n", to: chart + "/templates/service.yaml")
        #expect(await output.wait(for: "Waiting for changes…", count: 1))
        #expect(output.suites(ofRerun: 1) == ["service_test.yaml"])
        // A helper, saved by delete and create: every suite.
        let helpers = try String(contentsOfFile: chart + "/templates/_helpers.tpl", encoding: .utf8)
        try FileManager.default.removeItem(atPath: chart + "/templates/_helpers.tpl")
        try Data((helpers + "{{/* edited */}}\n").utf8).write(to: URL(fileURLWithPath: chart + "/templates/_helpers.tpl"))
        #expect(await output.wait(for: "Waiting for changes…", count: 2))
        #expect(output.suites(ofRerun: 2) == Self.allSuites)
        // One suite file: it alone.
        try Self.append("# edited\n", to: chart + "/tests/hpa_test.yaml")
        #expect(await output.wait(for: "Waiting for changes…", count: 3))
        #expect(output.suites(ofRerun: 3) == ["hpa_test.yaml"])
        // values.yaml, saved by rename: every suite.
        try Self.saveByRename(chart + "/values.yaml") { $0 + "# edited\n" }
        #expect(await output.wait(for: "Waiting for changes…", count: 4))
        #expect(output.suites(ofRerun: 4) == Self.allSuites)
        // A broken template fails its suites; the fix passes again.
        let service = try String(contentsOfFile: chart + "/templates/service.yaml", encoding: .utf8)
        try Data(("{{ .Values.missing.field }}\n" + service).utf8).write(to: URL(fileURLWithPath: chart + "/templates/service.yaml"))
        #expect(await output.wait(for: "Waiting for changes…", count: 5))
        #expect(output.current.contains(" FAIL  service and service account"))
        #expect(output.current.contains("Re-ran 1 suite file: FAILED (exit status 1)."))
        try Data(service.utf8).write(to: URL(fileURLWithPath: chart + "/templates/service.yaml"))
        #expect(await output.wait(for: "Waiting for changes…", count: 6))
        #expect(output.suites(ofRerun: 6) == ["service_test.yaml"])
        #expect(output.current.hasSuffix("Re-ran 1 suite file: passed.\nWaiting for changes…\n"))
        stdin.fileHandleForWriting.write(Data("q\n".utf8))
        let start = ContinuousClock.now
        while process.isRunning && ContinuousClock.now - start < Self.patience { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
        stdout.fileHandleForReading.readabilityHandler = nil
    }
}
