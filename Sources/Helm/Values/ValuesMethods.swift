import GoStd
import GoTemplate
import Values

/// Helm's `Values` type (`chartutil.Values` in Helm 3, `common.Values` in
/// Helm 4; pkg/chartutil/values.go): a named `map[string]interface{}` with
/// methods. It is the type of `.Values` (top chart and every subchart's
/// scoped table), of the render context `$` and of `.Template`; the maps
/// inside it are plain. Go looks methods up before keys, so
/// `.Values.AsMap` calls the method, and functions that assert
/// `map[string]interface{}` (Sprig's `dig`) refuse a `Values`.
enum ValuesMethods {
    /// The map type of Helm's `Values` under `helm`.
    static func type(_ helm: HelmVersion) -> GoMapType {
        helm == .v4 ? .commonValues : .chartutilValues
    }

    /// `Values`' methods bound to `receiver`. Every field access on `.Values`
    /// and on the context (`.Values`, `.Release`…) asks first, so names are
    /// told apart by their first byte before any string comparison.
    static let lookup: MapMethodLookup = { receiver, type, name in
        switch name.utf8.first {
        case UInt8(ascii: "A"), UInt8(ascii: "Y"), UInt8(ascii: "T"), UInt8(ascii: "P"), UInt8(ascii: "E"): break
        default: return nil
        }
        switch name {
        case "AsMap":
            // "It protects against nil map panics": an empty Values gives a new map.
            return TemplateFunction([], returns: .map) { _, _ in
                receiver.count == 0 ? .map(GoMap()) : .map(receiver)
            }
        case "YAML":
            return TemplateFunction([], returns: .string) { _, _ in
                guard let text = sigsYAMLMarshal(.map(receiver, type)) else {
                    throw GoError(sigsYAMLMarshalError(.map(receiver, type)))
                }
                return .string(text)
            }
        case "Table":
            return TemplateFunction([.string], returns: .named(type.goName)) { args, _ in
                .map(try table(receiver, args[0].stringValue ?? ""), type)
            }
        case "PathValue":
            return TemplateFunction([.string], returns: .any) { args, _ in
                try pathValue(receiver, args[0].stringValue ?? "")
            }
        case "Encode":
            // No template value is an io.Writer, so this only reports its signature.
            return TemplateFunction([.named("io.Writer")], returns: .named("error")) { _, _ in .null }
        default:
            return nil
        }
    }

    /// `Values.Table`: the table at a dotted path, or ErrNoTable for the
    /// first segment that is missing or not a map.
    static func table(_ values: GoMap, _ name: String) throws -> GoMap {
        var table = values
        for key in GoStrings.split(name, ".", limit: -1) {
            guard case .map(let next, let type)? = table[key], type.isInterfaceMap else {
                throw GoError("\(GoQuote.quote(key)) is not a table")
            }
            table = next
        }
        return table
    }

    /// `Values.PathValue`: the value at a dotted path that is not itself a
    /// table, or ErrNoValue naming the last segment.
    static func pathValue(_ values: GoMap, _ path: String) throws -> Value {
        if path.isEmpty { throw GoError("YAML path cannot be empty") }
        var keys = GoStrings.split(path, ".", limit: -1)
        let key = keys.removeLast()
        let table: GoMap
        if keys.isEmpty {
            table = values
        } else {
            guard let t = try? self.table(values, keys.joined(separator: ".")) else {
                throw GoError("\(GoQuote.quote(key)) is not a value")
            }
            table = t
        }
        // `istable` asserts map[string]interface{}: a nested Values is a value.
        if let value = table[key] {
            if case .map(_, .interfaces) = value {} else { return value }
        }
        throw GoError("\(GoQuote.quote(key)) is not a value")
    }
}
