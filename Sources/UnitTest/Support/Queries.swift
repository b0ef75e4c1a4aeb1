import GoRegexp
import PathQuery
import Values

/// A path the validators cannot read, with helm-unittest's error text.
struct PathError: Error, Sendable, Hashable {
    var message: String
}

/// Every value `path` selects in `document` (`""` selects the document
/// itself), through PathQuery (helm-unittest's yaml-jsonpath fork); no
/// match is an empty list, a malformed path throws the library's text.
func findPath(_ path: String, in document: Value) throws(PathError) -> [Value] {
    if path.isEmpty { return [document] }
    do {
        return try Path(path).find(in: QueryDocument(document))
    } catch let error as PathQueryError {
        throw PathError(message: error.message)
    } catch {
        throw PathError(message: "\(error)")
    }
}

/// helm-unittest's `BuildValueOfSetPath`: `{a: {b: [nil, value]}}` for `a.b[1]`.
func buildSetValue(_ value: Value, atPath path: String) throws(PathError) -> GoMap {
    do {
        return try SetPath.buildValue(value, atSetPath: path)
    } catch let error as PathQueryError {
        throw PathError(message: error.message)
    } catch {
        throw PathError(message: "\(error)")
    }
}

/// A pattern that does not compile, worded as Go's `regexp` words it.
struct PatternError: Error, Sendable, Hashable {
    var message: String
}

/// Compiles a Go (RE2) pattern as `regexp.Compile` does (once per run:
/// every test of a suite asserts the same patterns).
func compilePattern(_ pattern: String) throws(PatternError) -> GoRegexp {
    do {
        return try GoRegexp.cached(pattern)
    } catch {
        throw PatternError(message: error.description)
    }
}

/// Go's `reflect.DeepEqual` over yaml.v3-decoded values.
@inline(__always)
func deepEqual(_ a: Value, _ b: Value) -> Bool {
    goDeepEqual(a, b)
}
