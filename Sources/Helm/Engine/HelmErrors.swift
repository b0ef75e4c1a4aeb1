import GoStd
import GoTemplate

/// A render failure worded exactly as Helm words it for the chosen version.
public struct RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The template file the failure belongs to.
    public var template: String?

    public init(_ message: String, template: String? = nil) {
        self.message = message
        self.template = template
    }

    public var description: String { message }
}

/// Helm's rewriting of text/template errors (pkg/engine/engine.go).
enum HelmErrorText {
    static let errStart = "HELM_ERR_START"
    static let errEnd = "HELM_ERR_END"

    /// `cleanupParseError`: `parse error at (FILE:LINE): MSG`.
    static func parse(_ filename: String, _ error: TemplateError) -> String {
        let text = error.description
        let tokens = text.components(separatedBy: ": ")
        if tokens.count == 1 { return "parse error in (\(filename)): \(text)" }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }

    /// Helm 3's `cleanupExecError` and Helm 4's `reformatExecErrorMsg`.
    static func execution(_ filename: String, _ error: TemplateError, helm: HelmVersion) -> String {
        let text = error.description
        guard error.kind == .execution else { return text }
        let tokens = text.components(separatedBy: ": ")
        guard tokens.count >= 3 else { return "execution error in (\(filename)): \(text)" }
        let location = tokens[1]
        let rest = tokens[2...].joined(separator: ": ")
        if let start = rest.range(of: errStart), let end = rest.range(of: errEnd, options: .backwards),
           start.upperBound <= end.lowerBound {
            return "execution error at (\(location)): \(rest[start.upperBound..<end.lowerBound])"
        }
        guard helm == .v4 else { return text }
        var locations: [Traceable] = []
        for link in error.goErrorChain {
            guard let traceable = Traceable(link) else { return text }
            if locations.last != traceable { locations.append(traceable) }
        }
        return GoStrings.trimSpace(locations.map(\.text).joined())
    }

    /// Helm 4's `TraceableError`.
    private struct Traceable: Equatable {
        var location = ""
        var message = ""
        var executedFunction = ""

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
        init?(_ s: String) {
            let prefix = "template: "
            guard s.hasPrefix(prefix) else { return nil }
            let remainder = String(s.dropFirst(prefix.count))
            if remainder.hasPrefix("no template ") {
                self.init(message: s)
                return
            }
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
