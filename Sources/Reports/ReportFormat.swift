import UnitTest

/// The report file formats of `--output-type`, named case-insensitively as helm-unittest does.
public enum ReportFormat: String, Sendable, CaseIterable {
    case junit = "JUnit"
    case nunit = "NUnit"
    case xunit = "XUnit"
    case sonar = "Sonar"

    /// helm-unittest's default `--output-type`.
    public static let defaultFormat = ReportFormat.xunit

    /// The format named `name` in any letter case (`junit`, `JUnit`, `JUNIT`…),
    /// or nil for an unknown name — helm-unittest then writes no report at all.
    public init?(named name: String) {
        guard let format = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = format
    }

    /// The report of `suites` in this format, as helm-unittest writes it to `--output-file`
    /// (no XML declaration, a final newline). JUnit adds what its schema requires
    /// unless `junitConformsToSchema` is false.
    public func render(_ suites: [TestSuiteResult], environment: ReportEnvironment,
                       junitConformsToSchema: Bool = true) -> String {
        switch self {
        case .junit: JUnitReport(conformsToSchema: junitConformsToSchema).render(suites, environment: environment)
        case .nunit: NUnitReport().render(suites, environment: environment)
        case .xunit: XUnitReport().render(suites, environment: environment)
        case .sonar: SonarReport().render(suites)
        }
    }
}

extension RunResult {
    /// The suites helm-unittest puts in its report files: those that ran, in
    /// order — not the entries it prints for a snapshot file it could not read
    /// or write (which carry an execution error and no tests), nor anything of
    /// a chart that could not be loaded. A suite file that could not be read
    /// (where helm-unittest abandons the whole chart) is reported as a suite
    /// with one errored test named after the file, so that CI dashboards show
    /// what the exit status says.
    public var reportedSuites: [TestSuiteResult] {
        charts.filter { $0.executionError == nil }
            .flatMap(\.suites)
            .compactMap { suite in
                if suite.unreadable {
                    var reported = suite
                    reported.tests = [TestJobResult(displayName: suite.filePath, index: 0, passed: false,
                                                    executionError: suite.executionError)]
                    return reported
                }
                return suite.executionError == nil ? suite : nil
            }
    }
}
