import GoStd
import UnitTest
import Values

/// One line of helm-unittest's fail-info layout, before it becomes text.
enum FailureLine: Equatable {
    /// `Name:\tvalue`, e.g. `Template:\tchart/templates/x.yaml`, `DocumentIndex:\t0`, `Path:\tspec.replicas`.
    case field(String, String)
    /// A heading such as `Expected to equal:` or `Actual:`.
    case heading(String)
    /// A value block shown under a heading: every line indented by one tab,
    /// the whole trimmed of surrounding newlines, tabs and spaces.
    case block(String)
    /// Any other line, as is.
    case text(String)

    /// The fail-info strings of this line (a block can give several).
    var text: [String] {
        switch self {
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
}

extension FailureText {
    /// The layout of one problem, as helm-unittest's validators format it.
    static func layout(_ problem: Problem) -> [FailureLine] {
        var indexes: [FailureLine] = []
        if let document = problem.documentIndex { indexes.append(.field("DocumentIndex", String(document))) }
        if let value = problem.valuesIndex { indexes.append(.field("ValuesIndex", String(value))) }
        switch problem.detail {
        case .error(let detail):
            return indexes + [.heading("Error:"), .block(text(of: detail))]
        case .expectation(let expectation):
            return indexes + layout(expectation)
        case .existence(let path, let negated):
            return indexes + [.text("Path:\t\(trimmed(path)) expected to " + (negated ? "NOT " : "") + "exists")]
        case .emptyManifest:
            return [.text("Error: rendered manifest is empty")]
        case .invalidRendering(let raw):
            return [.text("Error: Invalid rendering: \(printed(raw))")]
        case .templateNotSelected(let template):
            return [.heading("Error:"), .text("\ttemplate \"\(template)\" not exists or not selected in test suite")]
        case .selection(let message):
            return [.heading("Error:"), .text(message)]
        }
    }

    /// helm-unittest's `setFailFormat` filled in: optional `Path:`, the
    /// `Expected[ NOT]<relation>:` block, optional `Actual:` and `Diff:` blocks.
    static func layout(_ expectation: FailedExpectation) -> [FailureLine] {
        var lines: [FailureLine] = []
        if let path = expectation.path { lines.append(.field("Path", trimmed(path))) }
        let expected = text(of: expectation.expected)
        lines.append(.heading("Expected" + (expectation.negated ? " NOT" : "") + label(expectation.relation) + ":"))
        lines.append(.block(expected))
        if let actualOperand = expectation.actual {
            let actual = text(of: actualOperand)
            lines.append(.heading("Actual:"))
            lines.append(.block(actual))
            if expectation.showsDiff {
                lines.append(.heading("Diff:"))
                lines.append(.block(unifiedDiff(expected: expected, actual: actual)))
            }
        }
        return lines
    }

    /// The words helm-unittest puts after `Expected[ NOT]`.
    static func label(_ relation: FailedExpectation.Relation) -> String {
        switch relation {
        case .equal: return " to equal"
        case .nullOrEmpty: return " to be null or empty, got"
        case .contain: return " to contain"
        case .type: return " to be of type"
        case .match: return " to match"
        case .greaterOrEqual: return " to be greater then or equal to, got"
        case .lessOrEqual: return " to be less then or equal to, got"
        case .kind: return " to be kind"
        case .apiVersion: return " to be apiVersion"
        case .documentCount: return " documents count to be"
        case .containDocument: return " to contain document"
        case .count: return " to match count"
        case .snapshot(let index): return " to match snapshot \(index)"
        case .snapshotPatternMissing(let pattern): return " pattern '\(pattern)' not found in snapshot"
        case .snapshotPatternPresent(let pattern): return " pattern '\(pattern)' should not be in snapshot"
        }
    }

    /// The text of one side of an expectation.
    static func text(of operand: Operand) -> String {
        switch operand {
        case .yaml(let value): return snapshotYAML(value)
        case .text(let text): return text
        case .printed(let value): return printed(value)
        case .diff(let expected, let actual): return unifiedDiff(expected: expected, actual: actual)
        case .notInOrder(let actual, let expected, let greater):
            return "the actual '\(GoFmt.format(actual))' is not \(greater ? "greater" : "less") "
                + "or equal to the expected '\(GoFmt.format(expected))'"
        case .unsupportedType(let name): return "unsupported type '\(name)'"
        }
    }

    /// The message of an `Error:` problem.
    static func text(of detail: ErrorDetail) -> String {
        switch detail {
        case .message(let message): return message
        case .notAnObject(let path, let actual): return "expect '\(path)' to be an object, got:\n\(snapshotYAML(actual))"
        case .notAnArray(let path, let actual): return "expect '\(path)' to be an array, got:\n\(snapshotYAML(actual))"
        case .notAString(let path, let actual): return "expect '\(path)' to be a string, got:\n\(snapshotYAML(actual))"
        case .countMismatch(let path, let expected, let found, let actual):
            return "expect count \(expected) in '\(path)' to be in array, got \(found):\n\(snapshotYAML(actual))"
        }
    }

    /// Go's `%s` of an `interface{}` holding a decoded value, as helm-unittest
    /// prints a render error's `raw` text: strings as they are, nil as
    /// `%!s(<nil>)`, anything else in `%v`.
    static func printed(_ value: Value) -> String {
        if let text = value.stringValue { return text }
        if case .null = value { return "%!s(<nil>)" }
        return GoFmt.format(value)
    }

    /// `strings.Trim(path, "\n\t ")`, as helm-unittest shows paths.
    static func trimmed(_ path: String) -> String {
        GoStrings.trim(path, cutset: "\n\t ")
    }
}
