import Foundation
import Testing
import UnitTest
@testable import Reports

/// Runs external tools for the report tests; the tools are optional.
enum Tool {
    /// The executable named `name` on `PATH`, or nil.
    static func find(_ name: String) -> String? {
        XMLReportTests.executable(name)
    }

    /// Runs `executable` with `arguments` in `directory`; the exit status and stdout+stderr.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A fresh scratch directory, removed by `body`'s end.
    static func withScratch<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-coverage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }
}

/// Occurrences of `needle` in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

struct CoberturaReportTests {
    /// Cobertura's DTD (cobertura/cobertura, `cobertura/src/site/htdocs/xml/coverage-04.dtd`), see Fixtures/README.md.
    static let dtd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/coverage-04.dtd")

    static let report = CoberturaReport(timestamp: Date(timeIntervalSince1970: 1_709_622_489.5), version: "1.2.3", sources: ["/work/dir"])

    @Test func counts() {
        let xml = Self.report.render(CoverageSample.run)
        #expect(xml.hasPrefix("""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
        <coverage line-rate="0.5263" branch-rate="0.2857" lines-covered="10" lines-valid="19" branches-covered="4" \
        branches-valid="14" complexity="0" version="1.2.3" timestamp="1709622489500">
        \t<sources>
        \t\t<source>/work/dir</source>
        \t</sources>
        """))
        #expect(occurrences(of: "<package ", in: xml) == 2)
        #expect(xml.contains("<package name=\"charts/webapp\" line-rate=\"0.7142\" branch-rate=\"0.3333\" complexity=\"0\">"))
        #expect(xml.contains("<package name=\"charts/platform\" line-rate=\"0\" branch-rate=\"0\" complexity=\"0\">"))
        #expect(occurrences(of: "<class ", in: xml) == 3)
        #expect(xml.contains("<class name=\"templates/deployment.yaml\" filename=\"charts/webapp/templates/deployment.yaml\" "
            + "line-rate=\"0.75\" branch-rate=\"0.4285\" complexity=\"0\">"))
        #expect(occurrences(of: "<method ", in: xml) == 2)
        #expect(xml.contains("<method name=\"webapp.labels\" signature=\"\" line-rate=\"0\" branch-rate=\"1\" complexity=\"0\">"))
        // 19 coverable lines plus one line per define.
        #expect(occurrences(of: "<line ", in: xml) == 21)
        #expect(occurrences(of: "branch=\"true\"", in: xml) == 6)
        #expect(xml.contains("<line number=\"4\" hits=\"3\" branch=\"true\" condition-coverage=\"33% (1/3)\">"))
        #expect(xml.contains("<condition number=\"1\" type=\"jump\" coverage=\"50%\"></condition>"))
        #expect(xml.contains("<line number=\"5\" hits=\"0\" branch=\"true\" condition-coverage=\"0% (0/3)\">"))
        #expect(!CoberturaReport(timestamp: Date(timeIntervalSince1970: 0), version: "").render(CoverageSample.run).contains("<sources>"))
    }

    /// A branch point on a line that is not coverable still shows.
    @Test func branchOnUncoverableLine() {
        let file = FileCoverage(chartPath: "c", name: "c/templates/a.yaml", sourcePath: "c/templates/a.yaml", source: "", selected: true,
                                lines: [LineCoverage(line: 1, hits: 2)],
                                branches: [BranchArm(line: 3, block: 0, arm: 0, label: "if true", hits: 2),
                                           BranchArm(line: 3, block: 0, arm: 1, label: "else", hits: 0)], defines: [])
        let xml = Self.report.render(RunCoverage(files: [file]))
        #expect(xml.contains("<line number=\"1\" hits=\"2\" branch=\"false\"></line>\n\t\t\t\t\t\t<line number=\"3\" hits=\"2\" "
            + "branch=\"true\" condition-coverage=\"50% (1/2)\">"))
    }

    @Test(arguments: [(0, 0, "1"), (0, 5, "0"), (5, 5, "1"), (1, 2, "0.5"), (1, 3, "0.3333"), (2, 3, "0.6666"),
                      (1, 20000, "0"), (9999, 10000, "0.9999"), (99999, 100000, "0.9999"), (1, 8, "0.125"), (3, 40, "0.075")])
    func rates(_ row: (Int, Int, String)) {
        #expect(CoberturaReport.rate(row.0, of: row.1) == row.2)
    }

    /// `xmllint --dtdvalid coverage-04.dtd` accepts the sample, an empty run,
    /// and names that need escaping.
    @Test(arguments: ["sample", "empty", "escaping"])
    func validatesAgainstTheDTD(_ scenario: String) throws {
        guard let xmllint = Tool.find("xmllint") else {
            print("xmllint not installed: skipping Cobertura DTD validation (apt-get install libxml2-utils)")
            return
        }
        var run = CoverageSample.run
        switch scenario {
        case "empty": run = RunCoverage(files: [])
        case "escaping":
            run.files[0].chartPath = "charts/<we&b>"
            run.files[0].defines[0].name = "\"quoted\" <define> & 'x'"
        default: break
        }
        let (status, messages) = try Self.validate(Self.report.render(run), xmllint: xmllint)
        #expect(status == 0, "\(messages)")
        #expect(messages.isEmpty, "\(messages)")
    }

    /// `xmllint --dtdvalid coverage-04.dtd` on `xml`, offline: an XML catalog
    /// maps the doctype's system identifier to the same local DTD.
    static func validate(_ xml: String, xmllint: String) throws -> (Int32, String) {
        try Tool.withScratch { directory in
            let file = directory.appendingPathComponent("coverage.xml")
            try xml.write(to: file, atomically: true, encoding: .utf8)
            let catalog = directory.appendingPathComponent("catalog.xml")
            try """
            <?xml version="1.0"?>
            <catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
              <system systemId="http://cobertura.sourceforge.net/xml/coverage-04.dtd" uri="\(dtd.absoluteString)"/>
            </catalog>
            """.write(to: catalog, atomically: true, encoding: .utf8)
            return try Tool.run(xmllint, ["--noout", "--nonet", "--dtdvalid", dtd.path, file.path],
                                environment: ["XML_CATALOG_FILES": catalog.path])
        }
    }

    /// The DTD rejects what it should, so the validation above means something.
    @Test func invalidDocumentsAreRejected() throws {
        guard let xmllint = Tool.find("xmllint") else {
            print("xmllint not installed: skipping Cobertura DTD validation (apt-get install libxml2-utils)")
            return
        }
        let xml = Self.report.render(CoverageSample.run).replacingOccurrences(of: " signature=\"\"", with: "")
        let (status, messages) = try Self.validate(xml, xmllint: xmllint)
        #expect(status != 0)
        #expect(messages.contains("Element method does not carry attribute signature"), "\(messages)")
    }
}

struct CoverageHTMLReportTests {
    static let pages = CoverageHTMLReport().render(CoverageSample.run)

    @Test func files() {
        #expect(Self.pages.keys.sorted() == [
            "files/1-templates-_helpers.tpl.html", "files/2-templates-deployment.yaml.html",
            "files/3-templates-configmap.yaml.html", "index.html",
        ])
    }

    @Test func index() throws {
        let index = try #require(Self.pages["index.html"])
        #expect(index.contains("<tr class=\"chart\"><td class=\"name\">charts/webapp</td><td class=\"barcell medium\">"))
        #expect(index.contains("<td class=\"name\"><a href=\"files/2-templates-deployment.yaml.html\">templates/deployment.yaml</a></td>"))
        #expect(index.contains("<a href=\"files/3-templates-configmap.yaml.html\">templates/configmap.yaml</a><span class=\"tag\""))
        #expect(occurrences(of: "<tr class=\"file\">", in: index) == 3)
        #expect(occurrences(of: "<tr class=\"chart\">", in: index) == 2)
        #expect(index.contains("<tr class=\"total\"><td class=\"name\">All files</td><td class=\"barcell medium\">"
            + "<div class=\"bar\"><span style=\"width: 52.63%\"></span></div></td><td class=\"num pct medium\">52.63%</td>"
            + "<td class=\"num count\">10/19</td><td class=\"num pct low\">28.57%</td><td class=\"num count\">4/14</td>"
            + "<td class=\"num pct medium\">50.00%</td><td class=\"num count\">1/2</td></tr>"))
    }

    @Test func sourcePage() throws {
        let page = try #require(Self.pages["files/2-templates-deployment.yaml.html"])
        #expect(page.contains("<tr id=\"L1\" class=\"hit\"><td class=\"ln\"><a href=\"#L1\">1</a></td><td class=\"hits\">3×</td>"
            + "<td class=\"src\">apiVersion: apps/v1</td></tr>"))
        #expect(page.contains("<tr id=\"L8\" class=\"miss\"><td class=\"ln\"><a href=\"#L8\">8</a></td><td class=\"hits\">0×</td>"))
        #expect(page.contains("<tr id=\"L9\"><td class=\"ln\"><a href=\"#L9\">9</a></td><td class=\"hits\"></td><td class=\"src\"></td></tr>"))
        // The source is escaped.
        #expect(page.contains("<td class=\"src\">  # replicas &lt; 10 &amp;&amp; &gt; 0</td>"))
        // Untaken arms on their line, the line marked partly covered.
        #expect(page.contains("<tr id=\"L7\" class=\"hit partial\">"))
        #expect(page.contains("{{- if .Values.replicas }}<span class=\"arm\" title=\"branch 2, arm 0: never taken\">if true</span></td>"))
        #expect(occurrences(of: "<tr id=\"L", in: page) == 16)
        #expect(occurrences(of: "<span class=\"arm\" title=", in: page) == 4)
        #expect(page.contains("<a href=\"../index.html\">All files</a> / charts/webapp / templates/deployment.yaml"))

        let helpers = try #require(Self.pages["files/1-templates-_helpers.tpl.html"])
        #expect(helpers.contains("{{ end }}<span class=\"arm\""))
        #expect(helpers.contains(" &lt;b&gt;{{ end }}"))
        #expect(!helpers.contains("<b>"))
        #expect(helpers.contains("<tr><td class=\"name mono\"><a href=\"#L1\">webapp.name</a></td><td class=\"num\">1</td>"
            + "<td class=\"num pct high\">3</td><td class=\"mono\"><a href=\"2-templates-deployment.yaml.html\">"
            + "webapp/templates/deployment.yaml</a></td></tr>"))
        #expect(helpers.contains("<a href=\"#L4\">webapp.labels</a></td><td class=\"num\">4</td><td class=\"num pct low\">0</td>"))

        let configmap = try #require(Self.pages["files/3-templates-configmap.yaml.html"])
        #expect(configmap.contains("<h1>templates/configmap.yaml<span class=\"tag\""))
        #expect(!configmap.contains("<h2>Defines</h2>"))
    }

    /// Self-contained: no scripts, no links or resources outside the report.
    @Test(arguments: pages.keys.sorted())
    func selfContained(_ path: String) throws {
        let page = try #require(Self.pages[path])
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<style>"))
        for forbidden in ["<script", "<link", "src=", "http:", "https:", "@import", "url("] {
            #expect(!page.contains(forbidden), "\(path) contains \(forbidden)")
        }
    }

    @Test(arguments: [
        ("\r\n", "a\r\nb\r\n"), ("\n", "a\nb\n"), ("no final newline", "a\nb"),
    ])
    func lineEndings(_ row: (String, String)) throws {
        let file = FileCoverage(chartPath: "c", name: "c/templates/a.yaml", sourcePath: "a.yaml", source: row.1, selected: true,
                                lines: [LineCoverage(line: 2, hits: 1)], branches: [], defines: [])
        let page = try #require(CoverageHTMLReport().render(RunCoverage(files: [file]))["files/1-templates-a.yaml.html"])
        #expect(occurrences(of: "<tr id=\"L", in: page) == 2, "\(row.0)")
        #expect(page.contains("<td class=\"hits\">1×</td><td class=\"src\">b</td></tr>"), "\(row.0)")
    }

    @Test func escapes() {
        #expect(CoverageHTMLReport.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }
}

/// The real lcov tools read the tracefile.
struct LCOVToolTests {
    @Test func lcovAndGenhtmlReadTheTracefile() throws {
        guard let lcov = Tool.find("lcov"), let genhtml = Tool.find("genhtml") else {
            print("lcov not installed: skipping the lcov/genhtml check of LCOVReport (apt-get install lcov)")
            return
        }
        let (_, versionText) = try Tool.run(lcov, ["--version"])
        // lcov 2 renamed the setting lcov_branch_coverage to branch_coverage.
        let major = versionText.split(separator: " ").last.flatMap { Int($0.prefix { $0.isNumber }) } ?? 1
        let branchSetting = major >= 2 ? "branch_coverage=1" : "lcov_branch_coverage=1"
        try Tool.withScratch { directory in
            for file in CoverageSample.run.files {
                let source = directory.appendingPathComponent(file.sourcePath)
                try FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.source.write(to: source, atomically: true, encoding: .utf8)
            }
            let tracefile = directory.appendingPathComponent("lcov.info")
            try LCOVReport(testName: "chartunit", baseDirectory: directory.path).render(CoverageSample.run)
                .write(to: tracefile, atomically: true, encoding: .utf8)

            let (status, summary) = try Tool.run(lcov, ["--summary", tracefile.path, "--rc", branchSetting])
            #expect(status == 0, "\(summary)")
            let totals = CoverageSample.run.totals
            #expect(summary.contains("(\(totals.linesHit) of \(totals.lines) lines)"), "\(summary)")
            #expect(summary.contains("(\(totals.definesHit) of \(totals.defines) functions)"), "\(summary)")
            #expect(summary.contains("(\(totals.branchesHit) of \(totals.branches) branches)"), "\(summary)")

            let output = directory.appendingPathComponent("html")
            let (htmlStatus, messages) = try Tool.run(genhtml, ["--quiet", "--branch-coverage", "--output-directory", output.path,
                                                                tracefile.path], in: directory)
            #expect(htmlStatus == 0, "\(messages)")
            #expect(!messages.contains("ERROR"), "\(messages)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
        }
    }
}
