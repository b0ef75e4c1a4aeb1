import Diagnostics
import GoStd

extension ErrorKind {
    /// A command line that names something unusable (a bad glob, a values
    /// file that is missing or does not parse, an unknown report format).
    public static let commandLine = ErrorKind("unittest.commandLine")
}

/// The checks `chartunit test` makes of the files its command line names
/// before any chart runs. helm-unittest makes none of them: it drops a `-v`
/// file that is missing, and a bad `-f` glob fails every chart on its own.
public enum TestInputs {
    /// Every `-f` pattern must be a valid doublestar glob.
    public static func checkSuitePatterns(_ patterns: [String]) throws(LocatedError) {
        for pattern in patterns where !DoublestarGlob.isValid(pattern) {
            throw invalidArgument(pattern, flag: "-f, --file", "syntax error in pattern")
        }
    }

    /// The `-v` files: each pattern (relative to `workingDirectory` unless
    /// absolute) must match at least one file, and every file must read as
    /// a YAML map. Returns their absolute paths in order.
    public static func valuesFiles(_ patterns: [String], workingDirectory: String) throws(LocatedError) -> [String] {
        var files: [String] = []
        for pattern in patterns {
            let absolute = pattern.hasPrefix("/") ? GoPath.clean(pattern) : GoPath.join(workingDirectory, pattern)
            guard DoublestarGlob.isValid(absolute) else {
                throw invalidArgument(pattern, flag: "-v, --values", "syntax error in pattern")
            }
            let matched = DoublestarGlob.files(matching: absolute)
            if matched.isEmpty {
                let hasMeta = pattern.contains { "*?[{".contains($0) }
                throw invalidArgument(pattern, flag: "-v, --values",
                                      hasMeta ? "no file matches the pattern" : "open \(pattern): no such file or directory")
            }
            for file in matched {
                do throws(LocatedError) {
                    _ = try JobValues.decodeValuesFile(try goReadFile(file), path: file)
                } catch {
                    throw error.prefixed("invalid argument \(GoQuote.quote(pattern)) for \"-v, --values\" flag: ")
                }
            }
            files += matched
        }
        return files
    }

    /// cobra's wording for a flag value it cannot use.
    public static func invalidArgument(_ value: String, flag: String, _ reason: String) -> LocatedError {
        LocatedError(.commandLine, "invalid argument \(GoQuote.quote(value)) for \"\(flag)\" flag: \(reason)")
    }
}
