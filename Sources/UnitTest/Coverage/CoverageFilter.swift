/// Which template files a coverage report covers: `--coverage-include` and
/// `--coverage-exclude` globs (doublestar syntax, matched against the path
/// within the chart: `templates/x.yaml`, `charts/sub/templates/_h.tpl`).
/// Files of dependencies that came as archives in `charts/` are left out
/// unless an include glob names them.
public struct CoverageFilter: Sendable, Hashable {
    public var include: [String]
    public var exclude: [String]

    public init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// Whether the file at `path` (within its chart) is reported.
    public func keeps(_ path: String, fromArchive: Bool) -> Bool {
        let included = include.contains { Self.matches($0, path) }
        if (fromArchive || !include.isEmpty) && !included { return false }
        return !exclude.contains { Self.matches($0, path) }
    }

    /// Whether the doublestar `pattern` matches `path` (`**` spans any
    /// number of segments).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        matches(pattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)[...],
                path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)[...])
    }

    private static func matches(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var tail = path
            while true {
                if matches(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let segment = path.first,
              DoublestarGlob.alternatives(first).contains(where: { DoublestarGlob.matches(segment: $0, name: segment) }) else {
            return false
        }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
