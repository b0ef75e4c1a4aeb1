import Diagnostics
import Foundation
import Testing
@testable import UnitTest

/// A throwaway directory tree: files (path → text) and symbolic links
/// (path → target, as written in the link).
struct FileTree {
    let root: String

    init(files: [String: String], links: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-tree-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for (path, target) in links {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }
    }

    /// `path` below the root ("" for the root itself).
    func path(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    /// `path` without the root in front.
    func relative(_ path: String) -> String {
        path == root ? "" : path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

@Suite struct ChartFinderTests {
    static let chart = "apiVersion: v2\nname: c\nversion: 0.1.0\n"

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        /// Paths holding a Chart.yaml.
        var charts: [String]
        var files: [String: String] = [:]
        var links: [String: String] = [:]
        /// The DIR arguments, relative to the tree ("" is the tree itself).
        var arguments = [""]
        var chartTestsPath = ""
        /// The charts found, relative to the tree; or the error's text.
        var expected: Result<[String], Failure>

        struct Failure: Error { var text: String }
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a monorepo's charts, not the subcharts in a chart's charts/",
             charts: ["charts/api", "charts/web", "charts/web/charts/redis", "charts/common"],
             files: ["README.md": "", "charts/web/charts/redis-1.0.0.tgz": ""],
             expected: .success(["charts/api", "charts/common", "charts/web"])),
        Case(name: "a DIR that is a chart is one of the finds",
             charts: ["charts/api", "charts/web"], arguments: ["charts/web"], expected: .success(["charts/web"])),
        Case(name: "a chart in another chart's other directories is found",
             charts: ["app", "app/examples/demo", "app/deploy/extra"],
             expected: .success(["app", "app/deploy/extra", "app/examples/demo"])),
        Case(name: "what an enclosing chart's .helmignore ignores is not walked",
             charts: ["app", "app/examples/demo", "app/deploy/extra", "app/deploy/kept", "app/inner", "app/inner/skipped"],
             files: ["app/.helmignore": "# comment\nexamples/\ndeploy/extra\n", "app/inner/.helmignore": "skipped\n"],
             expected: .success(["app", "app/deploy/kept", "app/inner"])),
        Case(name: "a .helmignore applies below its own chart only",
             charts: ["one", "two/examples/demo"], files: ["one/.helmignore": "examples/\n"],
             expected: .success(["one", "two/examples/demo"])),
        Case(name: "hidden directories are not walked",
             charts: [".git/x", ".github/c", "app", "app/.hidden/b"], expected: .success(["app"])),
        Case(name: "a symbolic link loop ends",
             charts: ["a"], links: ["a/loop": "..", "b/self": ".", "b/up": "../b"], expected: .success(["a"])),
        Case(name: "a chart reached twice through a link is found once",
             charts: ["charts/a"], links: ["alias": "charts/a", "charts/b": "a"], expected: .success(["alias"])),
        Case(name: "a link to a chart outside the DIR is followed",
             charts: ["outside/chart"], files: ["repo/README.md": ""], links: ["repo/linked": "../outside/chart"],
             arguments: ["repo"], expected: .success(["repo/linked"])),
        Case(name: "the --chart-tests-path chart is not a chart to test",
             charts: ["app", "app/tests/chart"], chartTestsPath: "tests/chart", expected: .success(["app"])),
        Case(name: "without --chart-tests-path a tests chart is found",
             charts: ["app", "app/tests/chart"], expected: .success(["app", "app/tests/chart"])),
        Case(name: "sorted bytewise by path",
             charts: ["b", "a/b", "a-b", "B", "a/a"], expected: .success(["B", "a-b", "a/a", "a/b", "b"])),
        Case(name: "overlapping DIRs find each chart once, all sorted",
             charts: ["z/one", "a/two"], arguments: ["z", "", "a/two"], expected: .success(["a/two", "z/one"])),
        Case(name: "a Chart.yaml that is a directory makes no chart",
             charts: ["real"], files: ["fake/Chart.yaml/x": ""], expected: .success(["real"])),
        Case(name: "a DIR without a chart is an error",
             charts: ["charts/api"], files: ["docs/x.md": ""], arguments: ["", "docs"],
             expected: .failure(.init(text: "--recursive: no chart (a directory holding Chart.yaml) in docs"))),
        Case(name: "a DIR that does not exist is an error",
             charts: ["a"], arguments: ["nope"],
             expected: .failure(.init(text: "--recursive: stat nope: no such file or directory"))),
        Case(name: "a DIR that is a file is an error",
             charts: ["a"], files: ["file.txt": ""], arguments: ["file.txt"],
             expected: .failure(.init(text: "--recursive: file.txt is not a directory"))),
        Case(name: "below a chart whose .helmignore does not parse nothing is walked",
             charts: ["a", "a/examples/x", "b"], files: ["a/.helmignore": "x/**\n"], expected: .success(["a", "b"])),
    ]

    @Test(arguments: cases)
    func findsCharts(_ c: Case) throws {
        var files = c.files
        for chart in c.charts { files[chart + "/Chart.yaml"] = Self.chart }
        let tree = try FileTree(files: files, links: c.links)
        defer { tree.remove() }
        let finder = ChartFinder(tree: LocalChartTree(), chartTestsPath: c.chartTestsPath)
        let found: Result<[String], LocatedError> = Result { () throws(LocatedError) in
            try finder.charts(under: c.arguments.map(tree.path))
        }
        switch (found, c.expected) {
        case (.success(let charts), .success(let expected)):
            #expect(charts.map(tree.relative) == expected)
        case (.failure(let error), .failure(let expected)):
            #expect(error.message.replacingOccurrences(of: tree.root + "/", with: "") == expected.text)
        default:
            Issue.record("found \(found), expected \(c.expected)")
        }
    }

    /// Relative DIRs give paths joined onto them, cleaned.
    @Test func keepsTheDIRsAsGiven() throws {
        let tree = try FileTree(files: ["charts/api/Chart.yaml": Self.chart])
        defer { tree.remove() }
        let parent = URL(fileURLWithPath: tree.root).deletingLastPathComponent().path
        let name = URL(fileURLWithPath: tree.root).lastPathComponent
        let finder = ChartFinder(tree: LocalChartTree())
        #expect(try finder.charts(under: ["\(parent)/\(name)/./charts/"]) == ["\(tree.root)/charts/api"])
    }
}
