import Diagnostics
import Foundation
import GoStd
import Helm
import Values
import YAML

/// A test job's user values, built as helm-unittest's `getUserValues` does.
struct JobValues {
    /// Reads a file; throws Go's `open <path>: …` text at the file.
    let readFile: @Sendable (String) throws(LocatedError) -> [UInt8]

    /// The merged map: values files in order, then suite `set:`, then test
    /// `set:`; each layer scoped under the subchart route and winning over
    /// the layers before it.
    func merged(valuesFiles: [String], suiteSet: [SetEntry], jobSet: [SetEntry], definitionFile: String,
                chartRoute: String, warnings: inout [ValuesWarning]) throws(LocatedError) -> GoMap {
        let routes = chartRoutes(chartRoute)
        var base = GoMap()
        for file in valuesFiles {
            let path = file.hasPrefix("/") ? file : GoPath.join(GoPath.dir(definitionFile), file)
            let data = try readFile(path)
            let value: GoMap
            do {
                value = try Self.decodeValuesFile(data, path: path)
            } catch {
                throw error.prefixed("failed to parse \(file): ")
            }
            base = mergeTables(scope(routes, value), base, warnings: &warnings)
        }
        for entry in suiteSet + jobSet {
            let built = try buildSetValue(entry.value.deepCopy(), atPath: entry.path)
            base = mergeTables(scope(routes, built), base, warnings: &warnings)
        }
        return base
    }

    /// yaml.v3 `Unmarshal` of a values file into `map[string]interface{}`.
    static func decodeValuesFile(_ data: [UInt8], path: String = "") throws(LocatedError) -> GoMap {
        var documents: [YAMLDocument]? = try YAMLParser.parseStream(bytes: data, file: path, dialect: .v3, limit: 1)
        return try DeepStack.withStack(forDepth: documents?.depth ?? 0) { () throws(LocatedError) -> GoMap in
            defer { documents = nil }
            guard let root = documents?.first?.root else { return GoMap() }
            if NodeDecoder.isNull(root) { return GoMap() }
            guard case .mapping = root.content else {
                throw NodeDecoder.typeError(root, into: "map[string]interface {}")
            }
            guard case .map(let m, _) = try YAMLValues.v3Value(of: root) else { return GoMap() }
            return m
        }
    }

    /// The values as Helm receives them: sigs.k8s.io/yaml marshal, then
    /// Helm v3's `ReadValues` (YAML 1.1 + JSON: numbers become float64).
    static func helmValues(_ merged: GoMap) throws(LocatedError) -> GoMap {
        guard let text = sigsYAMLMarshal(.map(merged)) else {
            throw LocatedError(.jobValues, sigsYAMLMarshalError(.map(merged)))
        }
        return try YAMLValues.helmValues(text, valuesType: "chartutil.Values")
    }
}

/// `spliteChartRoutes`: `a/charts/b/charts/c` → `[a, b, c]`.
func chartRoutes(_ route: String) -> [String] {
    let parts = route.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    return stride(from: 0, to: parts.count, by: 2).map { parts[$0] }
}

/// `scopeValuesWithRoutes`: wraps values under each subchart name, copying `global` up.
func scope(_ routes: [String], _ values: GoMap) -> GoMap {
    guard routes.count > 1, let last = routes.last else { return values }
    let wrapped = GoMap()
    if let global = values.entries["global"] { wrapped.entries["global"] = global }
    wrapped.entries[GoString(last)] = .map(values)
    return scope(Array(routes.dropLast()), wrapped)
}

/// Helm's `MergeTables(dst, src)`: `dst` wins; tables merge recursively;
/// nulls are kept. A table and a non-null scalar at the same key leave
/// `dst` as it is and log a warning (Helm 3's `coalesceTablesFullKey`,
/// whose `printf` helm-unittest leaves at Go's standard logger); `prefix`
/// gives `dst`'s dotted key, built only for a warning.
func mergeTables(_ dst: GoMap, _ src: GoMap, prefix: () -> String = { "" }, warnings: inout [ValuesWarning]) -> GoMap {
    for (key, value) in src.entries {
        guard let existing = dst.entries[key] else {
            dst.entries[key] = value
            continue
        }
        switch (existing, value) {
        case (.map(let d, _), .map(let s, _)):
            _ = DeepStack.withRoom { mergeTables(d, s, prefix: { concatPrefix(prefix(), key.text) }, warnings: &warnings) }
        case (.null, _), (_, .null):
            // Helm first nulls `src`'s key where `dst` holds null: neither side warns.
            break
        case (_, .map):
            warnings.append(ValuesWarning(.cannotOverwriteTable, path: concatPrefix(prefix(), key.text),
                                          detail: GoFmt.format(value), helm: .v3))
        case (.map, _):
            warnings.append(ValuesWarning(.destinationIsTable, path: concatPrefix(prefix(), key.text),
                                          detail: GoFmt.format(value), helm: .v3))
        default:
            break
        }
    }
    return dst
}

/// Helm's `concatPrefix`: `a.b`, or `b` alone when `a` is empty.
private func concatPrefix(_ a: String, _ b: String) -> String {
    a.isEmpty ? b : a + "." + b
}

/// Go's `os.ReadFile` with its error texts, located at the file.
@Sendable func goReadFile(_ path: String) throws(LocatedError) -> [UInt8] {
    do throws(GoError) {
        return try GoOS.readFile(path)
    } catch {
        throw LocatedError(.fileAccess, error.message, at: SourceLocation(file: path))
    }
}
