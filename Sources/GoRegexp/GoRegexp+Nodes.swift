/// Go's regexp/syntax: the parsed form of an RE2 pattern and its parse errors.

/// A parse error with Go's text: ``description`` is
/// `error parsing regexp: CODE: `EXPR``.
public struct GoRegexpError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The error code text (`missing closing )`).
    public var code: String
    /// The offending part of the pattern.
    public var expr: String

    public var description: String { "error parsing regexp: \(code): `\(expr)`" }

    static let missingParen = "missing closing )"
    static let unexpectedParen = "unexpected )"
    static let missingBracket = "missing closing ]"
    static let invalidCharClass = "invalid character class"
    static let invalidCharRange = "invalid character class range"
    static let invalidEscape = "invalid escape sequence"
    static let invalidNamedCapture = "invalid named capture"
    static let invalidPerlOp = "invalid or unsupported Perl syntax"
    static let invalidRepeatOp = "invalid nested repetition operator"
    static let invalidRepeatSize = "invalid repeat count"
    static let missingRepeatArgument = "missing argument to repetition operator"
    static let trailingBackslash = "trailing backslash at end of expression"
    static let nestingDepth = "expression nests too deeply"
}

/// Zero-width assertions.
enum RegexAssertion: Sendable {
    case beginLine, endLine, beginText, endText, wordBoundary, noWordBoundary
}

/// A parsed regular expression.
indirect enum RegexNode: Sendable {
    case empty
    case literal(UInt32, fold: Bool)
    case charClass(RegexClass)
    case anyChar
    case anyCharNotNL
    case assertion(RegexAssertion)
    case capture(Int, name: String, RegexNode)
    case star(RegexNode, greedy: Bool)
    case plus(RegexNode, greedy: Bool)
    case quest(RegexNode, greedy: Bool)
    case `repeat`(RegexNode, min: Int, max: Int, greedy: Bool)
    case concat([RegexNode])
    case alternate([RegexNode])
}
