import TestSupport
import Foundation
import Testing
import UnitTest
@testable import Reports

/// Report files against the output of helm-unittest's own formatters (see Tests/Fixtures/reports/README.md).
struct XMLReportTests {
    /// The environment the golden files were written with.
    static let environment = ReportEnvironment(
        now: Date(timeIntervalSince1970: 1_709_622_489),  // 2024-03-05T07:08:09Z
        timeZone: TimeZone(identifier: "UTC") ?? TimeZone.current,
        hostname: "testhost", workingDirectory: "/work/dir", userName: "tester", locale: "en_US.UTF-8",
        platform: "go1.26.0.linux-amd64")

    static func scenario(_ name: String) -> [TestSuiteResult] {
        switch name {
        case "empty":
            return []
        case "errored":
            return [
                TestSuiteResult(displayName: "", filePath: "tests/bad_test.yaml", passed: false,
                                executionError: errorValue("yaml: line 3: mapping values are not allowed\n\tin \"x\"")),
                TestSuiteResult(displayName: "ok suite", filePath: "tests/ok_test.yaml", passed: true, tests: [
                    TestJobResult(displayName: "fine", index: 0, passed: true,
                                  assertions: [AssertionResult(index: 0, assertType: "isKind", passed: true)],
                                  duration: .nanoseconds(1_234_567)),
                ]),
            ]
        default:
            let failures = Build.problems("chart/templates/d.yaml", Problem(.expectation(FailedExpectation(
                .contain, negated: true, path: "spec.ports", expected: .text("- a: 1\n  b: <2>\n"),
                actual: .text("\n- a: 1\n  b: <2> & \"q\"  \n"))), document: 0, value: 0))
            return [
                TestSuiteResult(displayName: "deploy/suite <&>", filePath: "tests/deployment_test.yaml", passed: false, tests: [
                    TestJobResult(displayName: "passes", index: 0, passed: true,
                                  assertions: [AssertionResult(index: 0, assertType: "equal", passed: true)],
                                  duration: .microseconds(1500)),
                    TestJobResult(displayName: "fails \"quoted\" 'x'", index: 1, passed: false, assertions: [
                        AssertionResult(index: 0, assertType: "equal", passed: true),
                        AssertionResult(index: 1, assertType: "notContains", isNegated: true, passed: false, failures: failures),
                        AssertionResult(index: 2, assertType: "matchSnapshot", passed: false,
                                        failures: Build.problems(nil, Problem(.error(.message("boom")))), customInfo: "custom title"),
                        AssertionResult(index: 3, assertType: "exists", passed: true, skipped: true, skipReason: "not applicable"),
                    ], duration: .milliseconds(2)),
                    TestJobResult(displayName: "errors", index: 2, passed: false,
                                  executionError: errorValue("template: x.yaml:3:12: executing \"x\" at <.Values.a>: nil pointer\n\tsecond line\r"),
                                  duration: .microseconds(200)),
                    TestJobResult(displayName: "skipped one", index: 3, passed: false, skipped: true),
                ]),
                TestSuiteResult(displayName: "all skipped", filePath: "tests/skip_test.yaml", passed: true, skipped: true,
                                tests: [TestJobResult(displayName: "s1", index: 0, passed: false, skipped: true)]),
                TestSuiteResult(displayName: "", filePath: "/abs/path/x_test.yaml", passed: true, tests: [
                    TestJobResult(displayName: "ctrl \u{01} é✓ \u{FFFE}", index: 0, passed: true, duration: .nanoseconds(1_999_999_999)),
                ]),
            ]
        }
    }

    static let goldenCases: [(String, ReportFormat)] = ["mixed", "errored", "empty"].flatMap { scenario in
        ReportFormat.allCases.map { (scenario, $0) }
    }

    @Test(arguments: goldenCases)
    func matchesHelmUnittest(_ row: (String, ReportFormat)) throws {
        let (scenario, format) = row
        let expected = try Fixtures.text("reports/xml/\(scenario).\(format.rawValue.lowercased()).xml")
        let actual = format.render(Self.scenario(scenario), environment: Self.environment, junitConformsToSchema: false)
        #expect(actual == expected, "\(firstDifference(actual, expected))")
    }

    /// The schema additions are the only difference: `system-out`/`system-err`
    /// in every suite and a name for unnamed suites.
    @Test func schemaAdditions() throws {
        let exact = JUnitReport(conformsToSchema: false).render(Self.scenario("errored"), environment: Self.environment)
        let valid = JUnitReport().render(Self.scenario("errored"), environment: Self.environment)
        let expected = exact
            .replacingOccurrences(of: "name=\"\" timestamp", with: "name=\"tests/bad_test.yaml\" timestamp")
            .replacingOccurrences(of: "\t</testsuite>", with: "\t\t<system-out></system-out>\n\t\t<system-err></system-err>\n\t</testsuite>")
        #expect(valid == expected, "\(firstDifference(valid, expected))")
        var noHost = Self.environment
        noHost.hostname = ""
        #expect(JUnitReport().render(Self.scenario("errored"), environment: noHost).contains("hostname=\"localhost\""))
        #expect(JUnitReport(conformsToSchema: false).render([], environment: noHost) == "<testsuites></testsuites>\n")
    }

    /// `xmllint --schema JUnit.xsd` accepts chartunit's JUnit reports (and rejects
    /// helm-unittest's exact ones, which lack `system-out`/`system-err`).
    @Test(arguments: ["mixed", "errored", "empty"])
    func junitValidatesAgainstTheSchema(_ scenario: String) throws {
        guard let xmllint = Self.executable("xmllint") else {
            print("xmllint not installed: skipping schema validation (apt-get install libxml2-utils)")
            return
        }
        let valid = JUnitReport().render(Self.scenario(scenario), environment: Self.environment)
        let (status, messages) = try Self.validate(valid, xmllint: xmllint)
        #expect(status == 0, "\(messages)")
        if scenario != "empty" {
            let exact = JUnitReport(conformsToSchema: false).render(Self.scenario(scenario), environment: Self.environment)
            #expect(try Self.validate(exact, xmllint: xmllint).0 != 0)
        }
    }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func validate(_ document: String, xmllint: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-junit-\(UUID().uuidString).xml")
        try document.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", Fixtures.url("reports/JUnit.xsd").path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Go's encoding/xml escaping and CDATA sections.
struct GoXMLWriterTests {
    static let escapeRows: [(String, String)] = [
        ("plain", "plain"),
        ("<a href=\"x\">'&'</a>", "&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"),
        ("tab\tnl\ncr\rcrlf\r\n", "tab&#x9;nl&#xA;cr&#xD;crlf&#xD;&#xA;"),
        ("\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("\u{FFFE}\u{FFFF}\u{FFFD}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("é✓😀\u{7F}\u{85}", "é✓😀\u{7F}\u{85}"),
        ("]]>", "]]&gt;"),
    ]

    @Test(arguments: escapeRows)
    func escapes(_ row: (String, String)) {
        #expect(GoXMLWriter.escape(row.0) == row.1)
    }

    @Test(arguments: [
        ("", ""),
        ("a < b & \"c\"\n\t", "<![CDATA[a < b & \"c\"\n\t]]>"),
        ("x]]>y]]>", "<![CDATA[x]]]]><![CDATA[>y]]]]><![CDATA[>]]>"),
    ])
    func cdata(_ row: (String, String)) {
        #expect(GoXMLWriter.cdata(row.0) == row.1)
    }

    @Test func indentation() {
        let tree = XMLElement("a", [XMLAttribute("k", 1)], [
            .element(XMLElement("empty")),
            .element(.text("text", [], "t")),
            .element(XMLElement("nested", [], [.element(XMLElement("leaf", [XMLAttribute("on", true)]))])),
            .element(XMLElement("cdata", [], [.cdata("")])),
        ])
        #expect(GoXMLWriter.document(tree) == """
            <a k="1">
            \t<empty></empty>
            \t<text>t</text>
            \t<nested>
            \t\t<leaf on="true"></leaf>
            \t</nested>
            \t<cdata></cdata>
            </a>

            """)
    }
}

/// Output type names, the environment's derived fields.
struct ReportFormatTests {
    @Test(arguments: [
        ("JUnit", ReportFormat.junit), ("junit", .junit), ("JUNIT", .junit), ("NUnit", .nunit), ("nunit", .nunit),
        ("XUnit", .xunit), ("xUnit", .xunit), ("Sonar", .sonar), ("SONAR", .sonar),
    ])
    func namesAreCaseInsensitive(_ row: (String, ReportFormat)) {
        #expect(ReportFormat(named: row.0) == row.1)
    }

    @Test(arguments: ["", "json", "junit ", "html", "x-unit"])
    func unknownNamesGiveNoReport(_ name: String) {
        #expect(ReportFormat(named: name) == nil)
    }

    @Test func defaultIsXUnit() {
        #expect(ReportFormat.defaultFormat == .xunit)
    }

    @Test(arguments: [
        ("en_US.UTF-8", "en", "en-US"), ("de_DE", "de", "de-DE"), ("C.UTF-8", "C", "C"), ("POSIX", "POSIX", "POSIX"),
        ("pt-BR.utf8", "pt", "pt-BR"), ("", "", ""), ("sr_RS@latin", "sr", "sr-RS@latin"),
    ])
    func culture(_ row: (String, String, String)) {
        var environment = XMLReportTests.environment
        environment.locale = row.0
        #expect(environment.culture.language == row.1)
        #expect(environment.culture.ietf == row.2)
    }

    @Test(arguments: [("tester", "", "tester"), ("CORP\\jane", "CORP", "jane"), ("a\\b\\c", "", "a"), ("", "", "")])
    func userAndDomain(_ row: (String, String, String)) {
        var environment = XMLReportTests.environment
        environment.userName = row.0
        #expect(environment.userDomainAndName.domain == row.1)
        #expect(environment.userDomainAndName.user == row.2)
    }

    @Test(arguments: [("UTC", "2024-03-05", "07:08:09"), ("Asia/Tokyo", "2024-03-05", "16:08:09"),
                      ("America/Los_Angeles", "2024-03-04", "23:08:09")])
    func timestampsInTheGivenZone(_ row: (String, String, String)) throws {
        var environment = XMLReportTests.environment
        environment.timeZone = try #require(TimeZone(identifier: row.0))
        #expect(environment.date == row.1)
        #expect(environment.time == row.2)
        #expect(environment.dateTime == row.1 + "T" + row.2)
    }

    @Test func reportedSuitesAreTheOnesThatRan() {
        let ran = TestSuiteResult(displayName: "ran", filePath: "a", passed: true)
        let pseudo = TestSuiteResult(displayName: "", filePath: "a.snap", passed: false, executionError: errorValue("denied"))
        let run = RunResult(charts: [
            ChartResult(name: "x", path: "x", executionError: errorValue("bad"), suites: [pseudo]),
            ChartResult(name: "y", path: "y", suites: [ran, pseudo, ran]),
        ], duration: .zero)
        #expect(run.reportedSuites.map(\.displayName) == ["ran", "ran"])
    }
}
