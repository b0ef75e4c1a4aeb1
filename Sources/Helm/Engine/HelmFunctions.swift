import Diagnostics
import GoStd
import GoTemplate
import TOML
import Values

/// An error that wraps another with a prefix, like Go's `fmt.Errorf("…: %w", err)`.
public struct WrappedError: WrappingError, Sendable {
    public var prefix: String
    public var cause: any Error & Sendable

    public init(_ prefix: String, _ cause: any Error & Sendable) {
        self.prefix = prefix
        self.cause = cause
    }

    public var underlying: (any Error)? { cause }
    public var description: String { prefix + ": " + String(describing: cause) }
}

/// Helm's own template functions (pkg/engine/funcs.go and the ones the
/// engine binds per render: `include`, `tpl`, `required`, `fail`).
public enum HelmFunctions {
    /// Helm's include recursion limit (`recursionMaxNums`).
    public static let includeLimit = 1000

    static let errStart = "HELM_ERR_START"
    static let errEnd = "HELM_ERR_END"

    /// The functions Helm adds to Sprig for `version`; `lookup` answers
    /// from the render's ``LookupSource`` (helm-unittest's kubernetesProvider) or gives `{}`.
    public static func functions(_ version: HelmVersion) -> [String: TemplateFunction] {
        var f: [String: TemplateFunction] = [
            "toToml": TemplateFunction([.any], returns: .string) { args, _ in
                do { return .string(try GoTOML.encode(args[0])) } catch { return .string(String(describing: error)) }
            },
            "fromToml": TemplateFunction([.string], returns: .map) { args, _ in
                do {
                    return .map(try GoTOML.decode(args[0].stringValue ?? ""))
                } catch {
                    return .map(["Error": .string(String(describing: error))])
                }
            },
            "toYaml": TemplateFunction([.any], returns: .string) { args, _ in
                .string(helmToYAML(args[0]) ?? "")
            },
            "toYamlPretty": TemplateFunction([.any], returns: .string) { args, _ in
                .string(helmToYAMLPretty(args[0]))
            },
            "fromYaml": TemplateFunction([.string], returns: .map) { args, _ in
                fromYAML(args[0].stringValue ?? "")
            },
            "fromYamlArray": TemplateFunction([.string], returns: .list) { args, _ in
                fromYAMLArray(args[0].stringValue ?? "")
            },
            "toJson": TemplateFunction([.any], returns: .string) { args, _ in
                .string((try? GoJSON.encode(args[0])) ?? "")
            },
            "fromJson": TemplateFunction([.string], returns: .map) { args, _ in
                fromJSON(args[0].stringValue ?? "")
            },
            "fromJsonArray": TemplateFunction([.string], returns: .list) { args, _ in
                fromJSONArray(args[0].stringValue ?? "")
            },
            "include": TemplateFunction([.string, .any], returns: .string) { args, context in
                .string(try include(args[0].stringValue ?? "", data: args[1], context: context))
            },
            "tpl": TemplateFunction([.string, .any], returns: .any) { args, context in
                .string(try tpl(args[0].stringValue ?? "", data: args[1], context: context))
            },
            "required": TemplateFunction([.string, .any], returns: .any) { args, _ in
                let value = args[1]
                switch value {
                case .null, .string(""): throw GoError(errStart + (args[0].stringValue ?? "") + errEnd)
                default: return value
                }
            },
            "fail": TemplateFunction([.string], returns: .string) { args, _ in
                throw GoError(errStart + (args[0].stringValue ?? "") + errEnd)
            },
            "lookup": TemplateFunction([.string, .string, .string, .string], returns: .map) { args, context in
                let lookup = context.environment.hostData as? LookupSource ?? LookupSource()
                return try lookup.find(apiVersion: args[0].stringValue ?? "", kind: args[1].stringValue ?? "",
                            namespace: args[2].stringValue ?? "", name: args[3].stringValue ?? "")
            },
            "getHostByName": TemplateFunction([.string], returns: .string) { _, _ in .string("") },
        ]
        if version == .v4 {
            f["mustToToml"] = TemplateFunction([.any], returns: .string) { args, _ in
                .string(try GoTOML.encode(args[0]))
            }
            f["mustToYaml"] = TemplateFunction([.any], returns: .string) { args, _ in
                guard let text = helmToYAML(args[0]) else {
                    throw GoError("error marshaling into JSON: " + jsonFailure(args[0]))
                }
                return .string(text)
            }
            f["mustToJson"] = TemplateFunction([.any], returns: .string) { args, _ in
                .string(try GoJSON.encode(args[0]))
            }
        }
        return f
    }

    static func jsonFailure(_ value: Value) -> String {
        do { _ = try GoJSON.encode(value); return "unsupported value" } catch { return String(describing: error) }
    }

    /// `include NAME DATA`: runs a named template and returns its text.
    static func include(_ name: String, data: Value, context: ExecutionContext) throws -> String {
        let counts = context.environment
        if let n = counts.includeCounts[name] {
            if n > includeLimit {
                throw WrappedError("rendering template has a nested reference name: \(name)", GoError("unable to execute template"))
            }
            counts.includeCounts[name] = n + 1
        } else {
            counts.includeCounts[name] = 1
        }
        defer { counts.includeCounts[name, default: 1] -= 1 }
        return try context.executeTemplate(named: name, data: data)
    }

    /// `tpl TEXT DATA`: parses TEXT in a clone of the whole set under the
    /// set's root name and runs it; `<no value>` is removed from the result.
    static func tpl(_ text: String, data: Value, context: ExecutionContext) throws -> String {
        var clone = context.set
        let root = clone.name
        do {
            try clone.parse(text, name: root)
        } catch {
            throw WrappedError("cannot parse template \(GoQuote.quote(text))", error)
        }
        do {
            let out = try context.execute(clone, templateNamed: root, data: data)
            return out.removingNoValue
        } catch {
            throw WrappedError("error during tpl function execution for \(GoQuote.quote(text))", error)
        }
    }

    static func fromYAML(_ text: String) -> Value {
        do {
            let value = try YAMLValues.helmDocument(text)
            switch value {
            case .null: return .map(GoMap())
            case .map: return value
            default:
                return .map(["Error": .string(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(value)) into Go value of type map[string]interface {}")])
            }
        } catch let error as LocatedError {
            return .map(["Error": .string(error.message)])
        } catch {
            return .map(["Error": .string(String(describing: error))])
        }
    }

    static func fromYAMLArray(_ text: String) -> Value {
        do {
            let value = try YAMLValues.helmDocument(text)
            switch value {
            case .null: return .list([])
            case .list: return value
            default:
                return .list([.string(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(value)) into Go value of type []interface {}")])
            }
        } catch let error as LocatedError {
            return .list([.string(error.message)])
        } catch {
            return .list([.string(String(describing: error))])
        }
    }

    /// `json.Unmarshal` into a map: syntax errors leave the map empty; a
    /// value Go cannot store (a number out of range) leaves what was
    /// decoded, and the first such error, as `Error`.
    static func fromJSON(_ text: String) -> Value {
        do {
            let (value, typeError) = try GoJSON.decodeKeepingTypeErrors(text)
            var result: GoMap
            switch value {
            case .map(let map, _): result = map
            case .null: result = GoMap()
            default:
                return .map(["Error": .string("json: cannot unmarshal \(jsonKind(value)) into Go value of type map[string]interface {}")])
            }
            if let typeError { result["Error"] = .string(typeError) }
            return .map(result)
        } catch {
            return .map(["Error": .string(String(describing: error))])
        }
    }

    static func fromJSONArray(_ text: String) -> Value {
        do {
            let value = try GoJSON.decode(text)
            switch value {
            case .list: return value
            case .null: return .list([])
            default:
                return .list([.string("json: cannot unmarshal \(jsonKind(value)) into Go value of type []interface {}")])
            }
        } catch {
            return .list([.string(String(describing: error))])
        }
    }

    static func jsonKind(_ value: Value) -> String {
        switch value {
        case .list: return "array"
        case .map: return "object"
        case .string: return "string"
        case .bool: return "bool"
        case .int, .float: return "number"
        default: return "value"
        }
    }
}
