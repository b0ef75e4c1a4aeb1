import Values

/// What one assertion found wrong in one template, as data: the template,
/// and per document and matched value what was expected and what was
/// there. The validators produce these; only Reports turns them into
/// helm-unittest's text (its YAML of values, its unified diffs).
public struct AssertionFailure: Sendable {
    /// The template whose documents failed (helm-unittest's `Template:`);
    /// nil where it names none (no template selected, a selector error).
    public var template: String?
    /// The problems, in the order helm-unittest reports them.
    public var problems: [Problem]

    public init(template: String? = nil, problems: [Problem]) {
        self.template = template
        self.problems = problems
    }
}

/// One problem of an assertion: where (document and matched value) and what.
public struct Problem: Sendable {
    /// The index of the document among the selected ones (`DocumentIndex:`).
    public var documentIndex: Int?
    /// The index of the value among the path's matches (`ValuesIndex:`).
    public var valuesIndex: Int?
    public var detail: Detail

    public init(_ detail: Detail, document: Int? = nil, value: Int? = nil) {
        self.detail = detail
        self.documentIndex = document
        self.valuesIndex = value
    }

    /// What went wrong.
    public enum Detail: Sendable {
        /// `Error:` and a message: a path or pattern that does not compile,
        /// an assertion given the wrong parameters, a value of the wrong kind.
        case error(ErrorDetail)
        /// What was expected and, where helm-unittest shows it, what was there.
        case expectation(FailedExpectation)
        /// A path that should (not) exist (the `exists` family).
        case existence(path: String, negated: Bool)
        /// The render produced nothing for an assertion that needs output.
        case emptyManifest
        /// The render failed where the assertion needs output: its error document's `raw` text.
        case invalidRendering(raw: Value)
        /// An assertion naming a template the suite did not render.
        case templateNotSelected(String)
        /// A document selector that does not select (`multiple indexes found`).
        case selection(String)
    }
}

/// The message of an `Error:` problem.
public enum ErrorDetail: Sendable {
    /// A message as is (a path's syntax error, a bad parameter).
    case message(String)
    /// The value at `path` is not a map.
    case notAnObject(path: String, actual: Value)
    /// The value at `path` is not a list.
    case notAnArray(path: String, actual: Value)
    /// The value at `path` is not a string.
    case notAString(path: String, actual: Value)
    /// `contains` with `count`: the item was found a different number of times.
    case countMismatch(path: String, expected: Int, found: Int, actual: Value)
}

/// helm-unittest's `Expected[ NOT]…:` block: the relation asserted, its
/// operands and optional `Path:`, `Actual:` and `Diff:`.
public struct FailedExpectation: Sendable {
    public var relation: Relation
    public var negated: Bool
    /// The assertion's path, when helm-unittest shows it.
    public var path: String?
    public var expected: Operand
    public var actual: Operand?
    /// Whether a `Diff:` of the expected and actual texts follows.
    public var showsDiff: Bool

    public init(_ relation: Relation, negated: Bool, path: String? = nil, expected: Operand, actual: Operand? = nil,
                showsDiff: Bool = false) {
        self.relation = relation
        self.negated = negated
        self.path = path
        self.expected = expected
        self.actual = actual
        self.showsDiff = showsDiff
    }

    /// The relation an assertion checks (each has helm-unittest's wording).
    public enum Relation: Sendable, Hashable {
        case equal, nullOrEmpty, contain, type, match, greaterOrEqual, lessOrEqual, kind, apiVersion
        case documentCount, containDocument, count
        /// `matchSnapshot`: the index of the snapshot entry.
        case snapshot(index: UInt)
        /// A `matchRegex` snapshot option the text did not match.
        case snapshotPatternMissing(String)
        /// A `notMatchRegex` snapshot option the text matched.
        case snapshotPatternPresent(String)
    }
}

/// One side of an expectation.
public enum Operand: Sendable {
    /// A value, shown as helm-unittest's YAML of it.
    case yaml(Value)
    /// A text shown as is (a kind, a pattern, a count, a type name).
    case text(String)
    /// A value shown as Go's `%s`/`%v` prints it (a render error's text).
    case printed(Value)
    /// The unified diff from one text to the other (snapshots).
    case diff(expected: String, actual: String)
    /// `greaterOrEqual`/`lessOrEqual`: the two values that are not in order.
    case notInOrder(actual: Value, expected: Value, greater: Bool)
    /// `greaterOrEqual`/`lessOrEqual` of a type without an order.
    case unsupportedType(String)
}
