import Foundation
import GoTemplate
import Sprig
import Values

/// Test-only stand-in for Helm v4's engine (copied from the GoTemplate
/// tests' harness): renders `c/templates/t.yaml` with Sprig plus the few
/// Helm overrides the core corpus touches, and turns errors into Helm v4's
/// text (pkg/engine/engine.go `cleanupParseError`, `reformatExecErrorMsg`).
enum CoreHelmHarness {
    /// Helm's `fail` (engine.go): the message wrapped in HELM_ERR markers.
    static let helmFail = TemplateFunction([.string], returns: .string) { args, _ in
        throw GoError("HELM_ERR_START" + (args[0].stringValue ?? "") + "HELM_ERR_END")
    }

    /// Helm's `fromJson` (funcs.go): always a map; errors go under "Error".
    static let helmFromJson = TemplateFunction([.string], returns: .map) { args, _ in
        let map = GoMap()
        do {
            switch try GoJSON.decode(args[0].stringValue ?? "") {
            case .map(let m): return .map(m)
            case .null: return .map(GoMap())
            case .list: map["Error"] = .string("json: cannot unmarshal array into Go value of type map[string]interface {}")
            case .string: map["Error"] = .string("json: cannot unmarshal string into Go value of type map[string]interface {}")
            case .bool: map["Error"] = .string("json: cannot unmarshal bool into Go value of type map[string]interface {}")
            default: map["Error"] = .string("json: cannot unmarshal number into Go value of type map[string]interface {}")
            }
        } catch {
            map["Error"] = .string(String(describing: error))
        }
        return .map(map)
    }

    static let functions: FunctionMap = {
        var all = Sprig.functions()
        all["fail"] = helmFail
        all["fromJson"] = helmFromJson
        return FunctionMap(all)
    }()

    /// Renders `template` as `c/templates/t.yaml` and returns Helm's output
    /// or Helm's error text.
    static func render(template: String, values: GoMap) -> (output: String?, error: String?) {
        var set = TemplateSet(name: "gotpl", functions: functions, options: ExecutionOptions(missingKey: .zero))
        let name = "c/templates/t.yaml"
        do { try set.parse(template, name: name) } catch { return (nil, parseError(name, error)) }
        let data: Value = .map([
            "Values": .map(values),
            "Template": .map(["Name": .string(name), "BasePath": .string("c/templates")]),
        ])
        do {
            let out = try set.execute(name, data: data)
            return (out.replacingOccurrences(of: "<no value>", with: ""), nil)
        } catch {
            return (nil, execError(name, error))
        }
    }

    /// `cleanupParseError`.
    static func parseError(_ filename: String, _ err: TemplateError) -> String {
        let tokens = err.description.components(separatedBy: ": ")
        if tokens.count == 1 { return "parse error in (\(filename)): \(err.description)" }
        return "parse error at (\(tokens[1])): \(tokens[tokens.count - 1])"
    }

    private struct Traceable: Equatable {
        var location = "", message = "", executedFunction = ""
        var text: String {
            var s = ""
            if !location.isEmpty { s += location + "\n  " }
            if !executedFunction.isEmpty { s += executedFunction + "\n    " }
            if !message.isEmpty { s += message + "\n" }
            return s
        }
    }

    private static func parseTraceable(_ s: String) -> Traceable? {
        let prefix = "template: "
        guard s.hasPrefix(prefix) else { return nil }
        let remainder = String(s.dropFirst(prefix.count))
        if remainder.hasPrefix("no template ") { return Traceable(message: s) }
        if let r = remainder.range(of: ": executing ") {
            let templateName = String(remainder[..<r.lowerBound])
            let after = remainder[r.upperBound...]
            guard after.first == "\"", let endQuote = after.dropFirst().firstIndex(of: "\"") else { return nil }
            let functionName = after[after.index(after.startIndex, offsetBy: 1)..<endQuote]
            let afterFunc = after[after.index(after: endQuote)...]
            guard afterFunc.hasPrefix(" at <") else { return nil }
            let afterAt = afterFunc.dropFirst(5)
            guard let cut = afterAt.range(of: ">: ") else { return nil }
            let locationName = afterAt[..<cut.lowerBound]
            var errMsg = String(afterAt[cut.upperBound...])
            if let t = errMsg.range(of: " template:") { errMsg = String(errMsg[..<t.lowerBound]) }
            return Traceable(location: templateName, message: errMsg,
                             executedFunction: "executing \"\(functionName)\" at <\(locationName)>:")
        }
        if let sep = remainder.range(of: ": ", options: .backwards) {
            var errMsg = String(remainder[sep.upperBound...])
            if let t = errMsg.range(of: " template:") { errMsg = String(errMsg[..<t.lowerBound]) }
            return Traceable(location: String(remainder[..<sep.lowerBound]), message: errMsg)
        }
        return nil
    }

    /// `reformatExecErrorMsg`.
    static func execError(_ filename: String, _ err: TemplateError) -> String {
        guard err.kind == .execution else { return err.description }
        let text = err.description
        let tokens = text.components(separatedBy: ": ")
        guard tokens.count >= 3 else { return "execution error in (\(filename)): \(text)" }
        let location = tokens[1]
        let rest = tokens[2...].joined(separator: ": ")
        if let start = rest.range(of: "HELM_ERR_START"), let end = rest.range(of: "HELM_ERR_END", options: .backwards),
           start.upperBound <= end.lowerBound {
            return "execution error at (\(location)): \(rest[start.upperBound..<end.lowerBound])"
        }
        var locations: [Traceable] = []
        for link in err.goErrorChain {
            guard let tr = parseTraceable(link) else { return text }
            if locations.last != tr { locations.append(tr) }
        }
        return locations.map(\.text).joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
