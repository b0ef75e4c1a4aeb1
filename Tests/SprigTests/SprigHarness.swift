import Foundation
import GoTemplate
import Sprig
import Values

/// Test-only stand-in for the Helm layer: renders one chart file the way
/// Helm v4's engine does and converts errors to Helm v4's text
/// (pkg/engine/engine.go `cleanupParseError`, `reformatExecErrorMsg`).
enum SprigHarness {
    /// Sprig's `slice` (Helm's funcmap overrides Go's builtin).
    static let sprigSlice = TemplateFunction([.any], variadic: .any) { args, _ in
        let list = args[0]
        switch list {
        case .null: throw GoError("runtime error: invalid memory address or nil pointer dereference")
        case .list(let l):
            if l.isEmpty { return .null }
            let rest = args.dropFirst()
            let start = rest.count > 0 ? toInt(rest[rest.startIndex]) : 0
            let end = rest.count > 1 ? toInt(rest[rest.startIndex + 1]) : l.count
            guard start >= 0, end >= start, end <= l.count else {
                throw GoError("reflect.Value.Slice: slice index out of bounds")
            }
            return .list(Array(l[start..<end]))
        default:
            throw GoError("list should be type of slice or array but \(list.goKind)")
        }
    }

    /// Test-only stand-ins for the few core functions the text corpus uses
    /// to show results (the real ones live in the core part).
    static let coreStandIns: [String: TemplateFunction] = [
        "toJson": TemplateFunction([.any], returns: .string) { a, _ in
            if case .object(let o) = a[0], let v = o as? SemverVersion { return .string("\"\(v.string)\"") }
            return .string((try? GoJSON.encode(a[0])) ?? "")
        },
        "typeOf": TemplateFunction([.any], returns: .string) { a, _ in .string(a[0].goTypeName) },
        "int64": TemplateFunction([.any], returns: .int64) { a, _ in .int(Int64(toInt(a[0])), .int64) },
        "splitList": TemplateFunction([.string, .string], returns: .list) { a, _ in
            let sep = a[0].stringValue ?? "", s = a[1].stringValue ?? ""
            if sep.isEmpty { return .list(s.map { .string(String($0)) }) }
            return .list(s.components(separatedBy: sep).map { .string($0) })
        },
        "sortAlpha": TemplateFunction([.any], returns: .stringList) { a, _ in
            .list((a[0].listValue ?? []).compactMap(\.stringValue).sorted(by: goLess).map { .string($0) })
        },
        "join": TemplateFunction([.string, .any], returns: .string) { a, _ in
            .string((a[1].listValue ?? []).compactMap(\.stringValue).joined(separator: a[0].stringValue ?? ""))
        },
        "dict": TemplateFunction([], variadic: .any, returns: .map) { a, _ in
            var m: [String: Value] = [:]
            var i = 0
            while i < a.count {
                let k: String
                if case .string(let s) = a[i] { k = s } else { k = GoFmt.sprint([a[i]]) }
                m[k] = i + 1 < a.count ? a[i + 1] : .string("")
                i += 2
            }
            return .map(m)
        },
    ]

    static func toInt(_ v: Value) -> Int {
        switch v {
        case .int(let n, _): return Int(n)
        case .float(let f): return Int(f)
        case .string(let s): return Int(s) ?? 0
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    static let functions: FunctionMap = {
        var all = Sprig.functions()
        if all["slice"] == nil { all["slice"] = sprigSlice }
        for (name, f) in coreStandIns where all[name] == nil { all[name] = f }
        return FunctionMap(all)
    }()

    /// Renders `c/templates/t.yaml` (with optional `_helpers.tpl`) and
    /// returns Helm's output or Helm's error text.
    static func render(template: String, helpers: String? = nil, values: GoMap) -> (output: String?, error: String?) {
        var set = TemplateSet(name: "gotpl", functions: functions, options: ExecutionOptions(missingKey: .zero))
        var files: [(String, String)] = [("c/templates/t.yaml", template)]
        if let helpers { files.append(("c/templates/_helpers.tpl", helpers)) }
        // Helm's sortTemplates: deepest first, then reverse lexicographic.
        files.sort { a, b in
            let ca = a.0.filter { $0 == "/" }.count, cb = b.0.filter { $0 == "/" }.count
            if ca != cb { return ca > cb }
            return goLess(b.0, a.0)
        }
        for (name, text) in files {
            do { try set.parse(text, name: name) } catch { return (nil, parseError(name, error)) }
        }
        let data: Value = .map([
            "Values": .map(values),
            "Template": .map(["Name": .string("c/templates/t.yaml"), "BasePath": .string("c/templates")]),
        ])
        do {
            let out = try set.execute("c/templates/t.yaml", data: data)
            return (out.replacingOccurrences(of: "<no value>", with: ""), nil)
        } catch {
            return (nil, execError("c/templates/t.yaml", error))
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
