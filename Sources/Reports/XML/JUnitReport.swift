import GoStd
import UnitTest

/// helm-unittest's JUnit report: `<testsuites>`, one `<testsuite>` per suite
/// with the `helm-unittest.version` property, one `<testcase>` per test job
/// with a `<failure>`, `<error>` or `<skipped>` element.
///
/// With `conformsToSchema` (the default) the report also carries what the Ant
/// JUnit schema (`JUnit.xsd`) requires and helm-unittest leaves out: empty
/// `<system-out>` and `<system-err>` in every suite, a non-empty suite `name`
/// (the suite file when the suite has none) and a non-empty `hostname`.
public struct JUnitReport: Sendable {
    /// Whether to add what `JUnit.xsd` requires.
    public var conformsToSchema: Bool

    /// A JUnit writer, schema-conforming unless told otherwise.
    public init(conformsToSchema: Bool = true) {
        self.conformsToSchema = conformsToSchema
    }

    /// The report for `suites`, without an XML declaration, ending with a newline.
    public func render(_ suites: [TestSuiteResult], environment: ReportEnvironment) -> String {
        let elements = suites.enumerated().map { index, suite in
            XMLNode.element(testSuite(suite, index: index, environment: environment))
        }
        return GoXMLWriter.document(XMLElement("testsuites", [], elements))
    }

    private func testSuite(_ suite: TestSuiteResult, index: Int, environment: ReportEnvironment) -> XMLElement {
        let classname = Self.classname(suite.displayName)
        var failures = 0
        var errors = 0
        var cases: [XMLNode] = []
        for test in suite.tests {
            var children: [XMLNode] = []
            // A failure's text ends with where the test and its failed
            // assertions are (JUnit.xsd has no attribute for a place).
            let places = FailureText.places(test)
            if !test.skipped && !test.passed, let error = test.executionError?.message {
                errors += 1
                children.append(.element(.text("error", [XMLAttribute("message", "Error"), XMLAttribute("type", "")],
                                               places.isEmpty ? error : error + "\n" + places)))
            }
            if test.skipped {
                children.append(.element(XMLElement("skipped", [XMLAttribute("message", FailureText.flattened(test))])))
            }
            if !test.skipped && !test.passed && test.executionError == nil {
                failures += 1
                children.append(.element(.text("failure", [XMLAttribute("message", "Failed"), XMLAttribute("type", "")],
                                                FailureText.flattened(test) + places)))
            }
            let attributes = [
                XMLAttribute("classname", classname),
                XMLAttribute("name", test.displayName),
                XMLAttribute("time", GoDuration.secondsWithThreeDecimals(test.duration)),
            ]
            cases.append(.element(XMLElement("testcase", attributes, children)))
        }
        var name = suite.displayName
        var hostname = environment.hostname
        if conformsToSchema {
            if Self.isBlankToken(name) { name = Self.isBlankToken(suite.filePath) ? "unnamed" : suite.filePath }
            if Self.isBlankToken(hostname) { hostname = "localhost" }
        }
        let attributes = [
            XMLAttribute("id", index),
            XMLAttribute("tests", suite.tests.count),
            XMLAttribute("failures", failures),
            XMLAttribute("errors", errors),
            XMLAttribute("package", ""),
            XMLAttribute("time", GoDuration.secondsWithThreeDecimals(suite.duration)),
            XMLAttribute("name", name),
            XMLAttribute("timestamp", environment.dateTime),
            XMLAttribute("hostname", hostname),
        ]
        let property = XMLElement("property", [XMLAttribute("name", "helm-unittest.version"), XMLAttribute("value", "1.6")])
        var children: [XMLNode] = [.element(XMLElement("properties", [], [.element(property)]))]
        children += cases
        if conformsToSchema {
            children.append(.element(XMLElement("system-out")))
            children.append(.element(XMLElement("system-err")))
        }
        return XMLElement("testsuite", attributes, children)
    }

    /// The suite name after its last `/`, helm-unittest's test class name.
    static func classname(_ displayName: String) -> String {
        guard let slash = displayName.utf8.lastIndex(of: UInt8(ascii: "/")) else { return displayName }
        return String(displayName[displayName.utf8.index(after: slash)...])
    }

    /// Whether `text` is empty as an `xs:token` (nothing but XML white space).
    static func isBlankToken(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
