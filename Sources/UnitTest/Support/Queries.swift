import Diagnostics
import GoRegexp
import PathQuery
import Values

extension ErrorKind {
    /// A regular expression of a suite (`pattern:`, `errorPattern:`,
    /// snapshot options) that does not compile; Go's `regexp` text.
    public static let pattern = ErrorKind("unittest.pattern")
}

/// helm-unittest's `BuildValueOfSetPath`: `{a: {b: [nil, value]}}` for `a.b[1]`.
func buildSetValue(_ value: Value, atPath path: String) throws(LocatedError) -> GoMap {
    try SetPath.buildValue(value, atSetPath: path)
}

/// Compiles a Go (RE2) pattern as `regexp.Compile` does (once per run:
/// every test of a suite asserts the same patterns).
func compilePattern(_ pattern: String) throws(LocatedError) -> GoRegexp {
    do {
        return try GoRegexp.cached(pattern)
    } catch {
        throw LocatedError(.pattern, error.description)
    }
}

/// Go's `reflect.DeepEqual` over yaml.v3-decoded values.
@inline(__always)
func deepEqual(_ a: Value, _ b: Value) -> Bool {
    goDeepEqual(a, b)
}
