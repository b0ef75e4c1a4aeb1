import Diagnostics
import GoStd

extension ErrorKind {
    /// A template that does not parse: `template: NAME:LINE: MESSAGE`.
    public static let templateParse = ErrorKind("template.parse")
    /// Go's `template.ExecError`: `template: FILE:LINE:COL: executing
    /// "NAME" at <NODE>: MESSAGE`, or `template: NAME: MESSAGE` when no
    /// node is known.
    public static let templateExec = ErrorKind("template.ExecError")
    /// `ExecuteTemplate` of a name the set lacks: `template: no template "X"
    /// associated with template "SET"` (a plain error in Go, not an `ExecError`).
    public static let templateNotFound = ErrorKind("template.noTemplate")
    /// What ends a Go program rather than returning an error (a goroutine
    /// stack over Go's 1 GB limit): no template frame wraps it, it ends the
    /// whole render with Go's runtime text.
    public static let goFatal = ErrorKind("go.fatal")
}

extension LocatedError {
    /// Go's `fatal error: stack overflow` (`runtime: goroutine stack exceeds
    /// 1000000000-byte limit`), which kills the Go process: for recursion
    /// Go has no limit of its own for, such as `tpl` calling itself.
    public static func goStackOverflow(at location: SourceLocation? = nil) -> LocatedError {
        LocatedError(.goFatal, "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow",
                     at: location)
    }
}

/// The located errors of parsing and executing templates, worded as Go's
/// text/template words them.
enum TemplateErrors {
    /// A parse error. Go's text names only the line; `location` also has
    /// the column of the offending token.
    static func parse(_ parseName: String, _ location: SourceLocation?, _ message: String) -> LocatedError {
        LocatedError(.templateParse, "template: \(parseName):\(location?.line ?? 0): \(message)", at: location)
    }

    /// An execution error at `location` (1-based column; Go prints the
    /// 0-based byte column) while executing `templateName` at the node
    /// whose source is `nodeText`. `cause` is the error a called function
    /// threw (`message` then starts `error calling NAME: `).
    ///
    /// When the cause is itself a located template error (`include`,
    /// `tpl`), the fault is where the innermost one is: the location is
    /// that one's, and the notes name each call on the way, innermost first
    /// (`called from t:1:4 (executing "t" at <include "h" .>)`).
    /// `source` is the text `location` counts lines in: the error quotes
    /// the offending line from it.
    static func execution(_ templateName: String, _ location: SourceLocation?, nodeText: String?, _ message: String,
                          cause: (any Error)? = nil, source: TemplateSource? = nil) -> LocatedError {
        let text: String
        if let location, let nodeText {
            text = "template: \(location.file):\(location.line):\(location.column - 1): executing "
                + "\(GoQuote.quote(templateName)) at <\(nodeText)>: \(message)"
        } else {
            text = "template: \(templateName): \(message)"
        }
        // Go's ExecError wraps the fmt error of the same text, which wraps the cause.
        var error = LocatedError(.templateExec, text, at: location, wrapped: [text] + (cause.map(goErrorChain) ?? []))
        if let inner = cause.flatMap(innermostLocated), let innerLocation = inner.location {
            error.location = innerLocation
            error.notes = inner.notes
            error.sourceLine = inner.sourceLine
            if let location, let nodeText {
                error.notes.append(Note("called from", at: location,
                                        detail: " (executing \(GoQuote.quote(templateName)) at <\(nodeText)>)"))
            }
        } else if let source {
            error = error.quotingSource(source.bytes)
        }
        return error
    }

    /// The located error at the bottom of `error`'s wrapping, if any.
    private static func innermostLocated(_ error: any Error) -> LocatedError? {
        if let located = error as? LocatedError { return located }
        return (error as? any WrappingError)?.underlying.flatMap(innermostLocated)
    }

    /// Go's error for executing a template `set` does not have.
    static func notFound(_ name: String, set: String) -> LocatedError {
        LocatedError(.templateNotFound,
                     "template: no template \(GoQuote.quote(name)) associated with template \(GoQuote.quote(set))")
    }

    /// The texts of Go's `errors.Unwrap` chain from `error`, outermost first.
    static func goErrorChain(_ error: any Error) -> [String] {
        if let located = error as? LocatedError { return [located.message] + located.wrapped }
        let text = goErrorText(error)
        guard let inner = (error as? any WrappingError)?.underlying else { return [text] }
        return [text] + goErrorChain(inner)
    }
}
