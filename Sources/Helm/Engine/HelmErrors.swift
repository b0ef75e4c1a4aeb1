import Diagnostics
import GoStd
import GoTemplate

extension ErrorKind {
    /// A chart that does not load, or whose values do not layer (Helm's
    /// loader and chartutil texts).
    public static let chartLoad = ErrorKind("helm.chartLoad")
    /// An archive without a gzip header (`gzip: invalid header`).
    public static let gzipHeader = ErrorKind("helm.gzipHeader")
    /// Values that break a chart's `values.schema.json`.
    public static let valuesSchema = ErrorKind("helm.schema")
    /// A `--set` family argument that does not parse (pkg/strvals).
    public static let setSyntax = ErrorKind("helm.strvals")
    /// `helm template` refusing a chart or its output: an uninstallable
    /// chart, an incompatible kubeVersion, a manifest that is not YAML…
    public static let helmTemplate = ErrorKind("helm.template")
}

/// Helm's rewriting of text/template errors (pkg/engine/engine.go). Helm
/// builds these texts with string operations on Go's error text, and their
/// output depends on that text (a `fail` message holding `": "`), so they
/// are reproduced here as Helm writes them. The location of the fault
/// stays as the template layer found it.
enum HelmEngineErrors {
    /// `cleanupParseError`: `parse error at (FILE:LINE): MSG`.
    static func cleanupParseError(_ filename: String, _ error: LocatedError) -> LocatedError {
        let text = error.message
        let tokens = text.components(separatedBy: ": ")
        var cleaned = error
        cleaned.message = tokens.count == 1
            ? "parse error in (\(filename)): \(text)"
            : "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
        return cleaned
    }

    /// The execution error as Helm `helm` returns it: Helm 3's
    /// `cleanupExecError`, Helm 4's `reformatExecErrorMsg`.
    static func execError(_ filename: String, _ error: LocatedError, helm: HelmVersion) -> LocatedError {
        helm == .v4 ? reformatExecErrorMsg(filename, error) : cleanupExecError(filename, error)
    }

    /// Helm 3's `cleanupExecError`: `execution error at (FILE:LINE:COL): MSG`
    /// for `fail`/`required` messages; any other execution error unchanged.
    static func cleanupExecError(_ filename: String, _ error: LocatedError) -> LocatedError {
        guard error.kind == .templateExec else { return error }
        return rewrittenExecError(filename, error) ?? error
    }

    /// Helm 4's `reformatExecErrorMsg`: like Helm 3 for `fail`/`required`;
    /// otherwise the chain of wrapped template errors as an indented trace
    /// (`parseTemplateExecErrorString` on every link), or the error unchanged
    /// when a link does not parse.
    static func reformatExecErrorMsg(_ filename: String, _ error: LocatedError) -> LocatedError {
        guard error.kind == .templateExec else { return error }
        if let rewritten = rewrittenExecError(filename, error) { return rewritten }
        var locations: [TraceableError] = []
        for link in [error.message] + error.wrapped {
            guard let traceable = TraceableError(parsing: link) else { return error }
            if locations.last != traceable { locations.append(traceable) }
        }
        var cleaned = error
        cleaned.message = GoStrings.trimSpace(locations.map(\.text).joined())
        return cleaned
    }

    /// The steps both Helms share: `strings.SplitN(err.Error(), ": ", 3)`,
    /// then the `HELM_ERR_START…HELM_ERR_END` message of `fail`/`required`;
    /// nil when neither applies.
    private static func rewrittenExecError(_ filename: String, _ error: LocatedError) -> LocatedError? {
        let text = error.message
        let tokens = text.components(separatedBy: ": ")
        var cleaned = error
        guard tokens.count >= 3 else {
            cleaned.message = "execution error in (\(filename)): \(text)"
            return cleaned
        }
        let rest = tokens[2...].joined(separator: ": ")
        guard let start = rest.range(of: HelmFunctions.errStart),
              let end = rest.range(of: HelmFunctions.errEnd, options: .backwards),
              start.upperBound <= end.lowerBound else { return nil }
        cleaned.message = "execution error at (\(tokens[1])): \(rest[start.upperBound..<end.lowerBound])"
        return cleaned
    }

    /// Helm 4's `TraceableError`.
    private struct TraceableError: Equatable {
        var location = ""
        var message = ""
        var executedFunction = ""

        /// `TraceableError.String()`.
        var text: String {
            var s = ""
            if !location.isEmpty { s += location + "\n  " }
            if !executedFunction.isEmpty { s += executedFunction + "\n    " }
            if !message.isEmpty { s += message + "\n" }
            return s
        }

        init(location: String = "", message: String = "", executedFunction: String = "") {
            self.location = location
            self.message = message
            self.executedFunction = executedFunction
        }

        /// `parseTemplateExecErrorString`.
        init?(parsing s: String) {
            let prefix = "template: "
            guard s.hasPrefix(prefix) else { return nil }
            let remainder = String(s.dropFirst(prefix.count))
            // parseTemplateNoTemplateError
            if remainder.hasPrefix("no template ") {
                self.init(message: s)
                return
            }
            // parseTemplateExecutingAtErrorType
            if let r = remainder.range(of: ": executing ") {
                let name = String(remainder[..<r.lowerBound])
                let after = remainder[r.upperBound...]
                guard after.first == "\"", let endQuote = after.dropFirst().firstIndex(of: "\"") else { return nil }
                let function = after[after.index(after: after.startIndex)..<endQuote]
                let afterFunc = after[after.index(after: endQuote)...]
                guard afterFunc.hasPrefix(" at <") else { return nil }
                let afterAt = afterFunc.dropFirst(5)
                guard let cut = afterAt.range(of: ">: ") else { return nil }
                self.init(location: name, message: Self.cutTemplate(String(afterAt[cut.upperBound...])),
                          executedFunction: "executing \"\(function)\" at <\(afterAt[..<cut.lowerBound])>:")
                return
            }
            // parseTemplateSimpleErrorString
            if let sep = remainder.range(of: ": ", options: .backwards) {
                self.init(location: String(remainder[..<sep.lowerBound]),
                          message: Self.cutTemplate(String(remainder[sep.upperBound...])))
                return
            }
            return nil
        }

        private static func cutTemplate(_ message: String) -> String {
            guard let cut = message.range(of: " template:") else { return message }
            return String(message[..<cut.lowerBound])
        }
    }
}
