import GoStd
import UnitTest

/// How helm-unittest lays out an assertion's failure information, one line per
/// string, before the console or a report file indents them further.
public enum FailureText {
    /// The fail-info lines of structured failure lines, as helm-unittest's
    /// `splitInfof` produces them: a field is `Name:\tvalue`, a heading and a
    /// text line are as is, and a block is `\t` + the value with every newline
    /// followed by a tab, trimmed of newlines, tabs and spaces, split into lines.
    public static func lines(_ failureLines: [FailureLine]) -> [String] {
        failureLines.flatMap(lines(of:))
    }

    /// The fail-info lines of one structured line (a block can give several).
    public static func lines(of line: FailureLine) -> [String] {
        switch line {
        case .field(let name, let value):
            return ["\(name):\t\(value)"]
        case .heading(let heading):
            return [heading]
        case .text(let text):
            return [text]
        case .block(let value):
            let indented = "\t" + GoStrings.trim(GoStrings.replaceAll(value, "\n", "\n\t"), cutset: "\n\t ")
            return GoStrings.split(indented, "\n", limit: -1)
        }
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
                for line in lines(assertion.failureLines) { text += "\t\t\t \(line) \n" }
            }
        }
        return text
    }

    /// helm-unittest's `StringifyToXmlAttribute()`: ``stringify(_:)`` with newlines turned into commas and tabs removed.
    public static func flattened(_ job: TestJobResult) -> String {
        GoStrings.replaceAll(GoStrings.replaceAll(stringify(job), "\n", ","), "\t", "")
    }
}
