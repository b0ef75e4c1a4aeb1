import Diagnostics
import GoStd

/// An error from parsing or executing a template, kept structured; its
/// `description` is Go's text/template error text byte for byte.
public struct TemplateError: WrappingError, Sendable {
    /// What failed.
    public enum Kind: Sendable, Hashable {
        /// `template: NAME:LINE: MESSAGE`.
        case parse
        /// `template: FILE:LINE:COL: executing "NAME" at <NODE>: MESSAGE`,
        /// or `template: NAME: MESSAGE` when no node is known.
        case execution
        /// `template: no template "X" associated with template "SET"`.
        case noTemplate
    }

    /// The kind of failure, which selects the text shape.
    public var kind: Kind
    /// Parse errors: the parse name. Execution errors: the executing template.
    public var templateName: String
    /// Where: for parse errors only the line is meaningful; for execution
    /// errors `file` is the parse name of the tree holding the node and
    /// `column` is Go's 0-based byte column.
    public var location: SourceLocation?
    /// The node's source text, as Go prints it after `at <`.
    public var nodeText: String?
    /// The message after the location prefix (for a failed call, including
    /// `error calling NAME: `).
    public var message: String
    /// The error a called function threw, when this is `error calling …`.
    public var cause: (any Error)?
    /// For ``Kind/noTemplate``: the set's name.
    public var setName: String?

    /// The wrapped function error (Go's `errors.Unwrap` past the `fmt` wrapper).
    public var underlying: (any Error)? { cause }

    /// Go's error text.
    public var description: String {
        switch kind {
        case .parse:
            return "template: \(templateName):\(location?.line ?? 0): \(message)"
        case .noTemplate:
            return "template: no template \(GoQuote.quote(templateName)) associated with template \(GoQuote.quote(setName ?? ""))"
        case .execution:
            guard let loc = location, let node = nodeText else {
                return "template: \(templateName): \(message)"
            }
            return "template: \(loc.file):\(loc.line):\(loc.column): executing \(GoQuote.quote(templateName)) at <\(node)>: \(message)"
        }
    }

    /// The texts of Go's `errors.Unwrap` chain, outermost first: the
    /// `ExecError`, the `fmt` wrapper (same text) when a cause is wrapped,
    /// then the cause's own chain.
    public var goErrorChain: [String] {
        var chain = [description]
        guard let cause else {
            if kind == .execution { chain.append(description) }
            return chain
        }
        chain.append(description)
        var current: (any Error)? = cause
        while let e = current {
            if let t = e as? TemplateError {
                chain.append(contentsOf: t.goErrorChain)
                return chain
            }
            chain.append(goErrorText(e))
            current = (e as? any WrappingError)?.underlying
        }
        return chain
    }
}
