import Foundation
import Testing
@testable import ChartunitCLI

/// `chartunit test --changed-since REF` in a throwaway git repository: a
/// library chart, two charts that depend on it through `file://` (with a
/// copy in their `charts/`, as `helm dependency update` leaves it) and an
/// unrelated chart, each with a suite.
@Suite struct ChangedSinceTests {
    struct Repository {
        let root: String

        static let library = """
            {{- define "common.name" -}}{{ .Chart.Name }}{{- end -}}

            """

        /// A ConfigMap template named after the library's `common.name` (but in `other`).
        static func configMap(_ name: String) -> String {
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: \(name == "other" ? "other" : "{{ include \"common.name\" . }}")
            data:
              greeting: {{ .Values.greeting }}

            """
        }

        /// A new repository with the charts, committed on `main`.
        static func make() throws -> Repository {
            let repository = Repository(root: FileManager.default.temporaryDirectory
                .appendingPathComponent("chartunit-git-\(UUID().uuidString)").path)
            let dependency = "dependencies:\n  - {name: common, version: 0.1.0, repository: \"file://../common\"}\n"
            var files = [
                ".gitignore": "*.log\n",
                "README.md": "charts\n",
                "charts/common/Chart.yaml": CLI.chartYAML("common", extra: "type: library\n"),
                "charts/common/templates/_helpers.tpl": library,
            ]
            for name in ["api", "web", "other"] {
                files["charts/\(name)/Chart.yaml"] = CLI.chartYAML(name, extra: name == "other" ? "" : dependency)
                files["charts/\(name)/values.yaml"] = "greeting: hello\n"
                files["charts/\(name)/templates/cm.yaml"] = configMap(name)
                files["charts/\(name)/tests/cm_test.yaml"] = """
                    suite: \(name)
                    templates: [cm.yaml]
                    tests:
                      - it: greets
                        asserts:
                          - equal: {path: data.greeting, value: hello}

                    """
                if name != "other" {
                    files["charts/\(name)/charts/common/Chart.yaml"] = CLI.chartYAML("common", extra: "type: library\n")
                    files["charts/\(name)/charts/common/templates/_helpers.tpl"] = library
                }
            }
            for (path, text) in files { try repository.write(path, text) }
            try repository.git("init", "-q", "-b", "main")
            try repository.git("config", "user.name", "chartunit tests")
            try repository.git("config", "user.email", "tests@chartunit.invalid")
            try repository.git("config", "commit.gpgsign", "false")
            try repository.commit("charts")
            return repository
        }

        func path(_ relative: String) -> String { root + "/" + relative }

        func write(_ relative: String, _ text: String) throws {
            let url = URL(fileURLWithPath: path(relative))
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// `git ARGS` in the repository, its stdout.
        @discardableResult
        func git(_ arguments: String...) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root] + arguments
            process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
                                   "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func commit(_ message: String) throws {
            try git("add", "-A")
            try git("commit", "-q", "-m", message)
        }

        /// `chartunit test ARGS`, the repository's path shown as `<repo>`.
        func test(_ arguments: [String]) async -> CommandOutcome {
            var outcome = await CLI.run(["test"] + arguments)
            outcome.stdout = outcome.stdout.replacingOccurrences(of: root, with: "<repo>")
            outcome.stderr = outcome.stderr.replacingOccurrences(of: root, with: "<repo>")
            return outcome
        }

        /// The selection lines of `stdout`, after the first.
        static func selections(_ stdout: String) -> [String] {
            stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("chartunit: ") }.dropFirst().map { $0 }
        }

        /// The charts whose suites ran.
        static func ran(_ stdout: String) -> [String] {
            stdout.split(separator: "\n").filter { $0.hasPrefix("### Chart [ ") }.map { String($0.split(separator: " ")[3]) }
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func aChangedLibrarySelectsItsDependents() async throws {
        let repository = try Repository.make()
        defer { repository.remove() }
        try repository.write("charts/common/templates/_helpers.tpl", Repository.library + "{{/* more */}}\n")
        try repository.write("charts/common/debug.log", "ignored by .gitignore\n")
        try repository.write("README.md", "changed, but in no chart\n")
        try repository.commit("library")
        let outcome = await repository.test(["--recursive", "--changed-since", "HEAD~1", repository.path("charts")])
        #expect(outcome.exitCode == 0, "\(outcome)")
        #expect(outcome.stdout.hasPrefix("chartunit: --changed-since HEAD~1 (merge base "))
        #expect(outcome.stdout.contains("): 3 of 4 charts affected\n"))
        #expect(Repository.selections(outcome.stdout) == [
            "chartunit: <repo>/charts/api — depends on <repo>/charts/common (changed)",
            "chartunit: <repo>/charts/common — changed: templates/_helpers.tpl",
            "chartunit: <repo>/charts/web — depends on <repo>/charts/common (changed)",
        ])
        #expect(Repository.ran(outcome.stdout) == ["api", "common", "web"])
    }

    @Test func committedStagedUnstagedAndUntrackedChangesSinceABase() async throws {
        let repository = try Repository.make()
        defer { repository.remove() }
        let base = try repository.git("rev-parse", "HEAD")
        try repository.write("charts/other/values.yaml", "greeting: hello\nextra: 1\n")
        try repository.commit("other")
        try repository.write("charts/api/files/staged.txt", "staged\n")
        try repository.git("add", "charts/api/files/staged.txt")
        try repository.write("charts/web/files/new.txt", "untracked\n")
        try repository.git("mv", "charts/other/values.yaml", "charts/other/values-renamed.yaml")
        let charts = ["api", "common", "other", "web"].map { repository.path("charts/" + $0) }
        let outcome = await repository.test(["--changed-since", base] + charts)
        #expect(Repository.selections(outcome.stdout) == [
            "chartunit: <repo>/charts/api — changed: files/staged.txt",
            "chartunit: <repo>/charts/other — changed: values-renamed.yaml, values.yaml",
            "chartunit: <repo>/charts/web — changed: files/new.txt",
        ])
        #expect(Repository.ran(outcome.stdout) == ["api", "other", "web"])
        // The untracked file is a change, and an unstaged edit of a tracked one too.
        try repository.git("reset", "-q", "--hard")
        try repository.write("charts/common/values.yaml", "unstaged: true\n")
        try repository.git("add", "charts/common/values.yaml")
        try repository.git("commit", "-q", "-m", "values")
        try repository.write("charts/common/values.yaml", "unstaged: false\n")
        let unstaged = await repository.test(["--changed-since", "HEAD", "--recursive", repository.path("charts")])
        #expect(Repository.selections(unstaged.stdout) == [
            "chartunit: <repo>/charts/api — depends on <repo>/charts/common (changed)",
            "chartunit: <repo>/charts/common — changed: values.yaml",
            "chartunit: <repo>/charts/web — changed: files/new.txt",
        ])
    }

    /// `--changed-since main` on a branch compares with where the branch
    /// left main: main's later commits are not the branch's changes.
    @Test func aBranchComparesWithItsMergeBase() async throws {
        let repository = try Repository.make()
        defer { repository.remove() }
        try repository.git("checkout", "-q", "-b", "feature")
        try repository.write("charts/other/templates/cm.yaml", Repository.configMap("other") + "# changed on the branch\n")
        try repository.commit("feature")
        try repository.git("checkout", "-q", "main")
        try repository.write("charts/common/templates/_helpers.tpl", Repository.library + "{{/* main moved on */}}\n")
        try repository.commit("main")
        try repository.git("checkout", "-q", "feature")
        let outcome = await repository.test(["--changed-since", "main", "--recursive", repository.path("charts")])
        #expect(Repository.selections(outcome.stdout) == ["chartunit: <repo>/charts/other — changed: templates/cm.yaml"])
    }

    @Test func nothingAffectedIsNoFailure() async throws {
        let repository = try Repository.make()
        defer { repository.remove() }
        try repository.write("README.md", "outside every chart\n")
        let outcome = await repository.test(["--changed-since", "HEAD", "--recursive", repository.path("charts"), "-o",
                                             repository.path("report.xml")])
        #expect(outcome.exitCode == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.hasPrefix("chartunit: --changed-since HEAD (merge base "))
        #expect(outcome.stdout.hasSuffix("): no chart affected (4 checked against 1 changed file), nothing to test\n"))
        #expect(outcome.stdout.split(separator: "\n").count == 1)
    }

    struct Failure: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var error: String
        var description: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "an unknown revision", arguments: ["--changed-since", "no-such-branch", "<repo>/charts/api"],
                error: "Error: --changed-since no-such-branch: no such revision in <repo> (a CI checkout may lack it"),
        Failure(name: "an option for a revision", arguments: ["--changed-since=--all", "<repo>/charts/api"],
                error: "Error: invalid argument \"--all\" for \"--changed-since\" flag: not a git revision"),
        Failure(name: "charts outside a repository", arguments: ["--changed-since", "HEAD", "<tmp>"],
                error: "Error: --changed-since: <tmp> is not in a git repository"),
    ]

    @Test(arguments: failures)
    func badRevisionsAndPlacesAreErrors(_ failure: Failure) async throws {
        let repository = try Repository.make()
        defer { repository.remove() }
        let outside = try CLI.chart(["Chart.yaml": CLI.chartYAML()])
        let arguments = failure.arguments.map {
            $0.replacingOccurrences(of: "<repo>", with: repository.root).replacingOccurrences(of: "<tmp>", with: outside)
        }
        let outcome = await repository.test(arguments)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr.replacingOccurrences(of: outside, with: "<tmp>").hasPrefix(failure.error), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }
}
