import Foundation
import GoStd
import Values
import YAML

/// A test job's user values, built as helm-unittest's `getUserValues` does.
struct JobValues {
    /// Reads a file; throws Go's `open <path>: …` text.
    let readFile: @Sendable (String) throws -> String

    /// The merged map: values files in order, then suite `set:`, then test
    /// `set:`; each layer scoped under the subchart route and winning over
    /// the layers before it.
    func merged(valuesFiles: [String], suiteSet: [SetEntry], jobSet: [SetEntry], definitionFile: String,
                chartRoute: String) throws(JobError) -> GoMap {
        let routes = chartRoutes(chartRoute)
        var base = GoMap()
        for file in valuesFiles {
            let path = file.hasPrefix("/") ? file : GoPath.join(GoPath.dir(definitionFile), file)
            let text: String
            do {
                text = try readFile(path)
            } catch {
                throw JobError(message: "\(error)")
            }
            let value: GoMap
            do {
                value = try Self.decodeValuesFile(text)
            } catch {
                throw JobError(message: "failed to parse \(file): \(error)")
            }
            base = mergeTables(scope(routes, value), base)
        }
        for entry in suiteSet + jobSet {
            let built: GoMap
            do {
                built = try buildSetValue(entry.value.deepCopy(), atPath: entry.path)
            } catch {
                throw JobError(message: error.message)
            }
            base = mergeTables(scope(routes, built), base)
        }
        return base
    }

    /// yaml.v3 `Unmarshal` of a values file into `map[string]interface{}`.
    static func decodeValuesFile(_ text: String) throws -> GoMap {
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parseStream(text, limit: 1)
        } catch let error as YAMLSyntaxError {
            throw JobError(message: error.goMessage(.v3))
        }
        guard let root = documents.first?.root else { return GoMap() }
        if NodeDecoder.isNull(root) { return GoMap() }
        guard case .mapping = root.content else {
            var d = NodeDecoder(strict: false)
            d.typeError(root, into: "map[string]interface {}")
            throw JobError(message: d.combinedError ?? "")
        }
        do {
            guard case .map(let m, _) = try YAMLValues.v3Value(of: root) else { return GoMap() }
            return m
        } catch let error as ValueDecodingError {
            throw JobError(message: error.message)
        }
    }

    /// The values as Helm receives them: sigs.k8s.io/yaml marshal, then
    /// Helm v3's `ReadValues` (YAML 1.1 + JSON: numbers become float64).
    static func helmValues(_ merged: GoMap) throws(JobError) -> GoMap {
        guard let text = sigsYAMLMarshal(.map(merged)) else {
            throw JobError(message: "error marshaling into JSON: json: unsupported value: \(unsupportedFloat(.map(merged)) ?? "NaN")")
        }
        do {
            return try YAMLValues.helmValues(text, valuesType: "chartutil.Values")
        } catch {
            throw JobError(message: "\(error)")
        }
    }

    private static func unsupportedFloat(_ v: Value) -> String? {
        switch v {
        case .float(let f) where !f.isFinite: return GoFloat.formatG(f)
        case .list(let l, _): return l.lazy.compactMap(unsupportedFloat).first
        case .map(let m, _): return m.sortedKeys.lazy.compactMap { m.entries[$0].flatMap(unsupportedFloat) }.first
        default: return nil
        }
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
    wrapped.entries[last] = .map(values)
    return scope(Array(routes.dropLast()), wrapped)
}

/// Helm's `MergeTables(dst, src)`: `dst` wins; tables merge recursively;
/// nulls are kept.
func mergeTables(_ dst: GoMap, _ src: GoMap) -> GoMap {
    for (key, value) in src.entries {
        guard let existing = dst.entries[key] else {
            dst.entries[key] = value
            continue
        }
        if case .map(let s, _) = value, case .map(let d, _) = existing {
            _ = mergeTables(d, s)
        }
    }
    return dst
}

/// An error that stops a test job before its assertions (bad values, bad set path).
struct JobError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Go's `os.ReadFile` with its error texts.
@Sendable func goReadFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw JobError(message: "read \(path): is a directory")
        }
        throw JobError(message: "open \(path): no such file or directory")
    }
    return String(decoding: data, as: UTF8.self)
}
