import GoStd
import UnitTest

/// How helm-unittest lays out an assertion's failure information, one line per
/// string, before the console or a report file indents them further.
public enum FailureText {
    /// The fail-info lines of an assertion's failures, as helm-unittest's
    /// `splitInfof` lays them out: `Template:` per template, then each
    /// problem's index fields, headings and value blocks.
    public static func lines(_ failures: [AssertionFailure]) -> [String] {
        failures.flatMap { failure in
            (failure.template.map { [FailureLine.field("Template", $0)] } ?? []) + failure.problems.flatMap(layout)
        }.flatMap(\.text)
    }

    /// The title of a failed assertion: its custom info, or ``- asserts[i] `type` fail`` (with ` NOT` when negated).
    public static func title(_ assertion: AssertionResult) -> String {
        if let custom = assertion.customInfo, !custom.isEmpty { return custom }
        let not = assertion.isNegated ? " NOT" : ""
        return "- asserts[\(assertion.index)]\(not) `\(assertion.assertType)` fail"
    }

    /// helm-unittest's `TestJobResult.Stringify()`: the text of a job that report
    /// files carry — `SKIPPED '<name>' `, the execution error, then every
    /// assertion (passed ones too) with its title and fail-info lines (or skip reason).
    public static func stringify(_ job: TestJobResult) -> String {
        var text = ""
        if job.skipped { text += "SKIPPED '\(job.displayName)' \n" }
        if let error = job.executionError?.message { text += error + "\n" }
        for assertion in job.assertions {
            text += "\t\t \(title(assertion)) \n"
            if assertion.skipped {
                text += "\t\t\t \(assertion.skipReason) \n"
            } else {
                for line in lines(assertion.failures) { text += "\t\t\t \(line) \n" }
            }
        }
        return text
    }

    /// Where a failed job is written, for report files: `test at FILE:L:C`,
    /// then `asserts[i] at FILE:L:C` per failed assertion, comma-separated;
    /// empty when nothing is known.
    public static func places(_ job: TestJobResult) -> String {
        var places = job.location.map { ["test at \($0)"] } ?? []
        for assertion in job.assertions where !assertion.passed && job.executionError == nil {
            if let location = assertion.location { places.append("asserts[\(assertion.index)] at \(location)") }
        }
        return places.joined(separator: ",")
    }

    /// helm-unittest's `StringifyToXmlAttribute()`: ``stringify(_:)`` with newlines turned into commas and tabs removed.
    public static func flattened(_ job: TestJobResult) -> String {
        GoStrings.replaceAll(GoStrings.replaceAll(stringify(job), "\n", ","), "\t", "")
    }
}
