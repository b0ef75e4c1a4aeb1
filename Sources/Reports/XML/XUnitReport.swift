import GoStd
import UnitTest

/// helm-unittest's xUnit v2 report (its default format): `<assemblies>`, one
/// `<assembly>` per suite file with one `<collection>` holding a `<test>` per job;
/// failure texts and skip reasons in CDATA sections.
public struct XUnitReport: Sendable {
    private static let method = "Helm-Validation"

    /// An xUnit writer.
    public init() {}

    /// The report for `suites`, without an XML declaration, ending with a newline.
    public func render(_ suites: [TestSuiteResult], environment: ReportEnvironment) -> String {
        let assemblies = suites.map { XMLNode.element(assembly($0, environment: environment)) }
        return GoXMLWriter.document(XMLElement("assemblies", [], assemblies))
    }

    private func assembly(_ suite: TestSuiteResult, environment: ReportEnvironment) -> XMLElement {
        let time = GoDuration.secondsWithThreeDecimals(suite.duration)
        var total = 0
        var passed = 0
        var failed = 0
        var skipped = 0
        var errored = 0
        var errors: [XMLNode] = []
        var collections: [XMLNode] = []
        if let error = suite.executionError?.message {
            total = 1
            errored = 1
            let errorElement = XMLElement("error", [XMLAttribute("type", "Error"), XMLAttribute("name", "Error")],
                                          [.element(failure(type: Self.method + "-Error", message: "Error", stackTrace: error))])
            errors = [.element(errorElement)]
        } else {
            var runPassed = 0
            var runFailed = 0
            var runSkipped = 0
            let classname = JUnitReport.classname(suite.displayName)
            var tests: [XMLNode] = []
            for test in suite.tests {
                total += 1
                var children: [XMLNode] = [.element(XMLElement("traits"))]
                let result: String
                if test.skipped {
                    skipped += 1
                    runSkipped += 1
                    children.append(.element(XMLElement("reason", [], [.cdata(FailureText.stringify(test))])))
                    result = "Skip"
                } else if !test.passed {
                    let type: String
                    if test.executionError != nil {
                        errored += 1
                        type = Self.method + "-Error"
                    } else {
                        failed += 1
                        runFailed += 1
                        type = Self.method
                    }
                    children.append(.element(failure(type: type, message: "Failed", stackTrace: FailureText.stringify(test))))
                    result = "Fail"
                } else {
                    passed += 1
                    runPassed += 1
                    result = "Pass"
                }
                let attributes = [
                    XMLAttribute("name", test.displayName),
                    XMLAttribute("type", classname),
                    XMLAttribute("method", Self.method),
                    XMLAttribute("time", GoDuration.secondsWithThreeDecimals(test.duration)),
                    XMLAttribute("result", result),
                ]
                tests.append(.element(XMLElement("test", attributes, children)))
            }
            let collectionAttributes = [
                XMLAttribute("name", suite.displayName),
                XMLAttribute("time", time),
                XMLAttribute("total", suite.tests.count),
                XMLAttribute("passed", runPassed),
                XMLAttribute("failed", runFailed),
                XMLAttribute("skipped", runSkipped),
            ]
            collections = [.element(XMLElement("collection", collectionAttributes, tests))]
        }
        let attributes = [
            XMLAttribute("name", suite.filePath),
            XMLAttribute("config-file", suite.filePath),
            XMLAttribute("test-framework", "helm-unittest"),
            XMLAttribute("run-date", environment.date),
            XMLAttribute("run-time", environment.time),
            XMLAttribute("time", time),
            XMLAttribute("total", total),
            XMLAttribute("passed", passed),
            XMLAttribute("failed", failed),
            XMLAttribute("skipped", skipped),
            XMLAttribute("errors", errored),
        ]
        let children: [XMLNode] = [
            .element(.text("environment", [], environment.platform)),
            .element(XMLElement("errors", [], errors)),
        ] + collections
        return XMLElement("assembly", attributes, children)
    }

    private func failure(type: String, message: String, stackTrace: String) -> XMLElement {
        XMLElement("failure", [XMLAttribute("exception-type", type)], [
            .element(XMLElement("message", [], [.cdata(message)])),
            .element(XMLElement("stack-trace", [], [.cdata(stackTrace)])),
        ])
    }
}
