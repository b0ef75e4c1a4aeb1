import Diagnostics
import GoStd
import GoTemplate
import TOML
import Values
import YAML

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
    /// Nested `tpl` calls allowed. Helm has no limit: `tpl` calling itself
    /// recurses until Go's 1 GB goroutine stack overflows and the process
    /// dies (`fatal error: stack overflow`, after some 100000 levels, 14 s
    /// and 4.7 GB for `{{ tpl .Values.x . }}` with `x` that same text).
    /// chartunit stops sooner with that text, as an error of the render.
    public static let tplLimit = 10_000

    static let errStart = "HELM_ERR_START"
    static let errEnd = "HELM_ERR_END"

    /// The functions Helm adds to Sprig for `version`, as a documented
    /// table; `lookup` answers from the render's ``LookupSource``
    /// (helm-unittest's kubernetesProvider) or gives `{}`.
    public static func family(_ version: HelmVersion) -> FunctionFamily {
        let family = FunctionFamily(
            id: "helm", library: "Helm", title: "Helm's own functions",
            intro: "Sources/Helm/Engine/HelmFunctions.swift (Helm's `pkg/engine/funcs.go` and the per-render `include`, `tpl`, `required`, `fail`, `lookup`). Where Sprig has a function of the same name, Helm's wins.",
            [
                .init("toYaml", #"YAML via JSON then go-yaml v2: unindented lists, natural key sort, folding at 80 columns, last newline trimmed; `""` on error."#,
                      TemplateFunction([.any], returns: .string) { args, _ in
                          .string(helmToYAML(args[0]) ?? "")
                      }),
                .init("mustToYaml", "Like `toYaml` but a marshalling error is an error.",
                      TemplateFunction([.any], returns: .string) { args, _ in
                          guard let text = helmToYAML(args[0]) else {
                              throw GoError(sigsYAMLMarshalError(args[0]))
                          }
                          return .string(text)
                      }, helm4Only: true),
                .init("toYamlPretty", "YAML via go-yaml v3 with 2-space indent: indented lists, no folding, floats like `1e+06`.",
                      TemplateFunction([.any], returns: .string) { args, _ in
                          .string(helmToYAMLPretty(args[0]))
                      }),
                .init("fromYaml", #"Parses YAML (1.1 rules, as values) into a map; on error returns `{"Error": "…"}` instead of failing."#,
                      TemplateFunction([.string], returns: .map) { args, _ in
                          fromYAML(args[0].goStringValue ?? .empty)
                      }),
                .init("fromYamlArray", #"Parses a YAML list; on error returns `["<error text>"]`."#,
                      TemplateFunction([.string], returns: .list) { args, _ in
                          fromYAMLArray(args[0].goStringValue ?? .empty)
                      }),
                .init("toJson", #"`encoding/json`: compact, keys sorted, HTML characters escaped (`\u003c`); `""` on error. Replaces Sprig's."#,
                      TemplateFunction([.any], returns: .string) { args, _ in
                          .string((try? GoJSON.encode(args[0])) ?? "")
                      }),
                .init("mustToJson", "Like `toJson` but a marshalling error is an error (Helm 4 registers its own; under Helm 3 it is Sprig's).",
                      TemplateFunction([.any], returns: .string) { args, _ in
                          .string(try GoJSON.encode(args[0]))
                      }, helm4Only: true),
                .init("fromJson", #"Parses a JSON object into a map; on error returns `{"Error": "…"}`. Replaces Sprig's."#,
                      TemplateFunction([.string], returns: .map) { args, _ in
                          fromJSON(args[0].goStringValue ?? .empty)
                      }),
                .init("fromJsonArray", #"Parses a JSON array; on error returns `["<error text>"]`."#,
                      TemplateFunction([.string], returns: .list) { args, _ in
                          fromJSONArray(args[0].goStringValue ?? .empty)
                      }),
                .init("toToml", "TOML (BurntSushi/toml): keeps the trailing newline, floats as `1.0`; the error text on failure.",
                      TemplateFunction([.any], returns: .string) { args, _ in
                          do { return .string(try GoTOML.encode(args[0])) } catch { return .string(String(describing: error)) }
                      }),
                .init("mustToToml", "Like `toToml` but an encoding error is an error.",
                      TemplateFunction([.any], returns: .string) { args, _ in
                          .string(try GoTOML.encode(args[0]))
                      }, helm4Only: true),
                .init("fromToml", #"Parses TOML into a map (integers int64); on error returns `{"Error": "…"}`."#,
                      TemplateFunction([.string], returns: .map) { args, _ in
                          do {
                              return .map(try GoTOML.decode(args[0].stringValue ?? ""))
                          } catch {
                              return .map(["Error": .string(String(describing: error))])
                          }
                      }),
                .init("include", "`include NAME DATA`: runs a named template and returns its text, so it can be piped (recursion limit 1000 per name).",
                      TemplateFunction([.string, .any], returns: .string) { args, context in
                          .string(try include(args[0].stringValue ?? "", data: args[1], context: context))
                      }.runningTemplate(withDataArgument: 1)),
                .init("tpl", "`tpl TEXT DATA`: renders a string as a template that sees every `define` of the chart.",
                      TemplateFunction([.string, .any], returns: .any) { args, context in
                          .string(try tpl(args[0].goStringValue ?? .empty, data: args[1], context: context))
                      }.dependingOnRenderInputs().runningTemplate(withDataArgument: 1)),
                .init("required", #"`required MSG x`: x, or fails with MSG when x is nil or `""`."#,
                      TemplateFunction([.string, .any], returns: .any) { args, _ in
                          let value = args[1]
                          switch value {
                          case .null, .string(""): throw GoError(errStart + (args[0].stringValue ?? "") + errEnd)
                          default: return value
                          }
                      }),
                .init("fail", "`fail MSG`: always fails with MSG. Replaces Sprig's.",
                      TemplateFunction([.string], returns: .string) { args, _ in
                          throw GoError(errStart + (args[0].stringValue ?? "") + errEnd)
                      }),
                .init("lookup", "`lookup API KIND NS NAME`: with `kubernetesProvider` objects, answers as helm-unittest's client-go fake client does: `scheme[API/KIND]` names the resource (none: the empty one) and whether NS counts; objects live under the resource guessed from their kind (`Secret` → `secrets`), their own namespace and name; a name gives one object or an empty map, no name a `<Kind>List` (an error for a resource no object's kind registered); objects client-go refuses (no kind, duplicates, integers…) fail every call. No objects: an empty map (no cluster).",
                      TemplateFunction([.string, .string, .string, .string], returns: .map) { args, context in
                          let lookup = context.environment.hostData as? LookupSource ?? LookupSource()
                          return try lookup.find(apiVersion: args[0].stringValue ?? "", kind: args[1].stringValue ?? "",
                                      namespace: args[2].stringValue ?? "", name: args[3].stringValue ?? "")
                      }.dependingOnRenderInputs()),
                .init("getHostByName", #"DNS is disabled: always `""`. Replaces Sprig's."#,
                      TemplateFunction([.string], returns: .string) { _, _ in .string("") }),
            ]
        )
        return version == .v4 ? family : family.filter { !$0.helm4Only }
    }

    /// ``family(_:)`` by name.
    public static func functions(_ version: HelmVersion) -> [String: TemplateFunction] {
        family(version).functions
    }


    /// `include NAME DATA`: runs a named template and returns its text.
    static func include(_ name: String, data: Value, context: ExecutionContext) throws -> GoString {
        let environment = context.environment
        // One lookup to count (a name not yet counted has 0), one to uncount.
        func enter(_ count: inout Int) -> Bool {
            if count > includeLimit { return false }
            count += 1
            return true
        }
        let key = GoString(name)
        guard enter(&environment.includeCounts[key, default: 0]) else {
            throw WrappedError("rendering template has a nested reference name: \(name)", GoError("unable to execute template"))
        }
        defer { environment.includeCounts[key, default: 1] -= 1 }
        // Remembered outputs are per set: inside `tpl`, a clone may define
        // templates of the same names. Coverage counts every run.
        let remembering = environment.tplDepth == 0 && environment.coverage == nil
        return try environment.includeMemo.output(of: key, data: data, remembering: remembering, limit: includeLimit) {
            () throws(LocatedError) -> GoString in
            try context.executeTemplate(named: name, data: data)
        }
    }

    /// `tpl TEXT DATA`: parses TEXT in a clone of the whole set under the
    /// set's root name and runs it; `<no value>` is removed from the result.
    static func tpl(_ text: GoString, data: Value, context: ExecutionContext) throws -> GoString {
        let environment = context.environment
        if environment.tplDepth >= tplLimit { throw LocatedError.goStackOverflow() }
        environment.tplDepth += 1
        defer { environment.tplDepth -= 1 }
        var clone = context.set
        let root = clone.name
        do {
            try clone.parse(text.bytes, name: root)
        } catch {
            throw WrappedError("cannot parse template \(GoQuote.quote(text))", error)
        }
        do {
            let out = try context.execute(clone, templateNamed: root, data: data)
            return GoString(bytes: NoValue.removing(from: out.bytes))
        } catch where error.kind == .goFatal {
            throw error
        } catch {
            throw WrappedError("error during tpl function execution for \(GoQuote.quote(text))", error)
        }
    }

    static func fromYAML(_ text: GoString) -> Value {
        // Charts parse the same helper output on every render; each call
        // gets its own copy, as templates may change the map (`set`).
        guard text.count <= fromYAMLMemoLimit else { return decodeYAMLMap(text) }
        return fromYAMLMemo.value(for: text, decodeYAMLMap).deepCopy()
    }

    /// The longest text ``fromYAML(_:)`` remembers.
    private static let fromYAMLMemoLimit = 4096
    private static let fromYAMLMemo = Memo<GoString, Value, Never>(capacity: 1024)

    private static func decodeYAMLMap(_ text: GoString) -> Value {
        do {
            let value = try YAMLValues.helmDocument(bytes: text.bytes)
            switch value {
            case .null: return .map(GoMap())
            case .map: return value
            default:
                return .map(["Error": .string(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(value)) into Go value of type map[string]interface {}")])
            }
        } catch {
            return .map(["Error": .string(error.message)])
        }
    }

    static func fromYAMLArray(_ text: GoString) -> Value {
        do {
            let value = try YAMLValues.helmDocument(bytes: text.bytes)
            switch value {
            case .null: return .list([])
            case .list: return value
            default:
                return .list([.string(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal \(jsonKind(value)) into Go value of type []interface {}")])
            }
        } catch {
            return .list([.string(error.message)])
        }
    }

    /// `json.Unmarshal` into a map: syntax errors leave the map empty; a
    /// value Go cannot store (a number out of range) leaves what was
    /// decoded, and the first such error, as `Error`.
    static func fromJSON(_ text: GoString) -> Value {
        do {
            let (value, typeError) = try GoJSON.decodeKeepingTypeErrors(bytes: text.bytes)
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

    static func fromJSONArray(_ text: GoString) -> Value {
        do {
            let value = try GoJSON.decode(bytes: text.bytes)
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
