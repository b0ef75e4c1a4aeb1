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
        var missing = ""
        guard let table = table(values, name, missing: &missing) else {
            throw GoError("\(GoQuote.quote(missing)) is not a table")
        }
        return table
    }

    /// ``table(_:_:)`` without building the error: nil, with `missing` set
    /// to the first segment that is missing or not a map.
    static func table(_ values: GoMap, _ name: String, missing: inout String) -> GoMap? {
        func step(_ table: GoMap, _ key: String) -> GoMap? {
            guard case .map(let next, let type)? = table[key], type.isInterfaceMap else {
                missing = key
                return nil
            }
            return next
        }
        // A plain name (a subchart's, usually) is one lookup.
        if !name.utf8.contains(UInt8(ascii: ".")) { return step(values, name) }
        var table = values
        for key in GoStrings.split(name, ".", limit: -1) {
            guard let next = step(table, key) else { return nil }
            table = next
        }
        return table
    }

    /// `Values.PathValue`: the value at a dotted path that is not itself a
    /// table, or ErrNoValue naming the last segment.
    static func pathValue(_ values: GoMap, _ path: String) throws -> Value {
        if path.isEmpty { throw GoError("YAML path cannot be empty") }
        guard let value = valueAtPath(values, path) else {
            throw GoError("\(GoQuote.quote(lastSegment(path).key)) is not a value")
        }
        return value
    }

    /// A dotted path split at its last dot (by bytes): the parent path, if
    /// any, and the last segment.
    private static func lastSegment(_ path: String) -> (parent: String?, key: String) {
        let utf8 = path.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return (nil, path) }
        return (String(decoding: utf8[..<dot], as: UTF8.self), String(decoding: utf8[utf8.index(after: dot)...], as: UTF8.self))
    }

    /// ``pathValue(_:_:)`` without building the error: nil where it throws.
    static func valueAtPath(_ values: GoMap, _ path: String) -> Value? {
        if path.isEmpty { return nil }
        var table = values
        let (parentPath, key) = lastSegment(path)
        if let parentPath {
            var missing = ""
            guard let parent = self.table(values, parentPath, missing: &missing) else { return nil }
            table = parent
        }
        // `istable` asserts map[string]interface{}: a nested Values is a value.
        guard let value = table[key] else { return nil }
        if case .map(_, .interfaces) = value { return nil }
        return value
    }
}
