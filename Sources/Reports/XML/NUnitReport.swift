import GoStd
import UnitTest

/// helm-unittest's NUnit 2.5 report: `<test-results>` with the environment and
/// culture, one `<test-suite type="TestFixture">` per suite holding its
/// `<test-case>`s under `<results>`; failures and skip reasons carry the job's full text.
public struct NUnitReport: Sendable {
    /// An NUnit writer.
    public init() {}

    /// The report for `suites`, without an XML declaration, ending with a newline.
    public func render(_ suites: [TestSuiteResult], environment: ReportEnvironment) -> String {
        var total = 0
        var errors = 0
        var failures = 0
        var skipped = 0
        var suiteElements: [XMLNode] = []
        for suite in suites {
            var element = XMLElement("test-suite", suiteAttributes(suite))
            if let error = suite.executionError?.message {
                total += 1
                errors += 1
                element.children = [.element(failure("Error", error)), .element(XMLElement("results"))]
                suiteElements.append(.element(element))
                continue
            }
            let classname = JUnitReport.classname(suite.displayName)
            var cases: [XMLNode] = []
            for test in suite.tests {
                total += 1
                var children: [XMLNode] = []
                var result = Self.result(passed: test.passed, skipped: test.skipped)
                if !test.passed && !test.skipped {
                    if test.executionError != nil { errors += 1 } else { failures += 1 }
                    children.append(.element(failure("Failed", FailureText.stringify(test))))
                }
                if test.skipped {
                    skipped += 1
                    children.append(.element(XMLElement("reason", [], [.element(.text("message", [], FailureText.stringify(test)))])))
                    result = "Skipped"
                }
                let attributes = [
                    XMLAttribute("name", test.displayName),
                    XMLAttribute("description", classname + "." + test.displayName),
                    XMLAttribute("success", test.passed),
                    XMLAttribute("time", GoDuration.secondsWithThreeDecimals(test.duration)),
                    XMLAttribute("executed", test.executionError == nil && !test.skipped),
                    XMLAttribute("asserts", "0"),
                    XMLAttribute("result", result),
                ]
                cases.append(.element(XMLElement("test-case", attributes, children)))
            }
            element.children = [.element(XMLElement("results", [], cases))]
            suiteElements.append(.element(element))
        }

        let (domain, user) = environment.userDomainAndName
        let (language, ietf) = environment.culture
        let environmentElement = XMLElement("environment", [
            XMLAttribute("nunit-version", "2.5.8.0"),
            XMLAttribute("clr-version", "unknown"),
            XMLAttribute("os-version", "unknown"),
            XMLAttribute("platform", environment.platform),
            XMLAttribute("cwd", environment.workingDirectory),
            XMLAttribute("machine-name", environment.hostname),
            XMLAttribute("user", user),
            XMLAttribute("user-domain", domain),
        ])
        let culture = XMLElement("culture-info", [
            XMLAttribute("current-culture", language),
            XMLAttribute("current-uiculture", ietf),
        ])
        let rootAttributes = [
            XMLAttribute("name", "helm-unittest"),
            XMLAttribute("total", total),
            XMLAttribute("errors", errors),
            XMLAttribute("failures", failures),
            XMLAttribute("inconclusive", 0),
            XMLAttribute("not-run", 0),
            XMLAttribute("ignored", 0),
            XMLAttribute("skipped", skipped),
            XMLAttribute("invalid", 0),
            XMLAttribute("date", environment.date),
            XMLAttribute("time", environment.time),
        ]
        let root = XMLElement("test-results", rootAttributes, [.element(environmentElement), .element(culture)] + suiteElements)
        return GoXMLWriter.document(root)
    }

    private func suiteAttributes(_ suite: TestSuiteResult) -> [XMLAttribute] {
        [
            XMLAttribute("type", "TestFixture"),
            XMLAttribute("name", suite.displayName),
            XMLAttribute("description", suite.filePath),
            XMLAttribute("success", suite.passed),
            XMLAttribute("time", GoDuration.secondsWithThreeDecimals(suite.duration)),
            XMLAttribute("executed", suite.executionError == nil && !suite.skipped),
            XMLAttribute("asserts", ""),
            XMLAttribute("result", Self.result(passed: suite.passed, skipped: suite.skipped)),
        ]
    }

    private func failure(_ message: String, _ stackTrace: String) -> XMLElement {
        XMLElement("failure", [], [.element(.text("message", [], message)), .element(.text("stack-trace", [], stackTrace))])
    }

    private static func result(passed: Bool, skipped: Bool) -> String {
        skipped ? "Skipped" : (passed ? "Success" : "Failed")
    }
}
