import GoStd
import UnitTest

/// helm-unittest's SonarQube generic test execution report: `<testExecutions version="1">`,
/// one `<file>` per suite file, one `<testCase>` per job with its duration in milliseconds.
public struct SonarReport: Sendable {
    /// A Sonar writer.
    public init() {}

    /// The report for `suites`, without an XML declaration, ending with a newline.
    public func render(_ suites: [TestSuiteResult]) -> String {
        let files = suites.map { suite in
            XMLNode.element(XMLElement("file", [XMLAttribute("path", suite.filePath)], suite.tests.map(testCase)))
        }
        return GoXMLWriter.document(XMLElement("testExecutions", [XMLAttribute("version", 1)], files))
    }

    private func testCase(_ test: TestJobResult) -> XMLNode {
        var children: [XMLNode] = []
        if !test.skipped && !test.passed, let error = test.executionError?.message {
            children.append(.element(XMLElement("error", [XMLAttribute("message", "Error")], [.cdata(error)])))
        }
        if test.skipped {
            children.append(.element(XMLElement("skipped", [XMLAttribute("message", "Skipped")],
                                                [.cdata(FailureText.stringify(test))])))
        }
        if !test.skipped && !test.passed && test.executionError == nil {
            children.append(.element(XMLElement("failure", [XMLAttribute("message", "Failed")],
                                                [.cdata(FailureText.stringify(test))])))
        }
        let attributes = [XMLAttribute("name", test.displayName), XMLAttribute("duration", GoDuration.milliseconds(test.duration))]
        return .element(XMLElement("testCase", attributes, children))
    }
}
