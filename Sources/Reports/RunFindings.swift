import Diagnostics
import UnitTest

/// One thing that went wrong in a run, placed where a reader fixes it: a
/// failed assertion at its entry in the suite file, a test that could not
/// run at its `- it:` entry, a suite that could not be read at the fault,
/// a chart that could not be loaded at its fault or its directory. CI
/// annotations and the JSON summary are made from these.
public struct RunFinding: Sendable, Hashable {
    /// Where to point the reader (line 0: the file as a whole).
    public var location: SourceLocation
    /// A one-line heading: `suite › test: asserts[1] \`equal\` fail`.
    public var title: String
    /// The details, one or more lines, as the console shows them (without its indentation).
    public var message: String

    public init(location: SourceLocation, title: String, message: String) {
        self.location = location
        self.title = title
        self.message = message
    }
}

extension RunResult {
    /// Every failure of the run, in the console's order.
    public var findings: [RunFinding] {
        charts.flatMap(\.findings)
    }
}

extension ChartResult {
    /// The chart's load error, or its suites' findings.
    public var findings: [RunFinding] {
        if let error = executionError {
            return [RunFinding(location: error.location ?? SourceLocation(file: path),
                               title: "chart \(name.isEmpty ? path : name)", message: error.shown)]
        }
        return suites.flatMap(\.findings)
    }
}

extension TestSuiteResult {
    /// A heading for the suite: its name, or its file when it has none.
    var heading: String { displayName.isEmpty ? filePath : displayName }

    /// The suite's execution error, or its tests' findings.
    public var findings: [RunFinding] {
        if let error = executionError {
            var location = SourceLocation(file: filePath)
            if let at = error.location, at.file == filePath { location = at }
            return [RunFinding(location: location, title: heading, message: error.shown)]
        }
        return tests.flatMap { test in test.findings(in: self) }
    }
}

extension TestJobResult {
    /// The test's execution error at the test, or each failed assertion at the assertion.
    func findings(in suite: TestSuiteResult) -> [RunFinding] {
        if passed || skipped { return [] }
        let heading = "\(suite.heading) › \(displayName)"
        let place = location ?? SourceLocation(file: suite.filePath)
        if let error = executionError {
            return [RunFinding(location: place, title: heading, message: error.shown)]
        }
        return assertions.filter { !$0.passed }.map { assertion in
            RunFinding(location: assertion.location ?? place, title: "\(heading): \(FailureText.title(assertion).dropFirst(2))",
                       message: FailureText.lines(assertion.failures).joined(separator: "\n"))
        }
    }
}
