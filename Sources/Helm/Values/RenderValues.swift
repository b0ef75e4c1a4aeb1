import Diagnostics
import GoStd
import Values

/// Values a user supplies, as Helm's `values.Options` holds them. Helm
/// applies them by kind, not in command-line order: `-f` files (merged in
/// order), then `--set-json`, `--set`, `--set-string`, `--set-file` and
/// `--set-literal`, each parsed INTO the map built so far.
public struct UserValues: Sendable {
    /// The `-f` files' contents, with a name for error messages.
    public var files: [(name: String, data: [UInt8])] = []
    public var setJSON: [String] = []
    public var set: [String] = []
    public var setString: [String] = []
    /// `--set-file key=path` items and a reader for the paths.
    public var setFile: [String] = []
    public var readFile: (@Sendable (String) throws -> Value)?
    public var setLiteral: [String] = []

    public init(files: [(name: String, data: [UInt8])] = [], set: [String] = []) {
        self.files = files
        self.set = set
    }

    /// The merged user values map (Helm's `Options.MergeValues`).
    public func merged(helm: HelmVersion) throws(LocatedError) -> GoMap {
        var base = GoMap()
        let loader = ChartLoader(helm: helm)
        for file in files {
            let current: GoMap
            do {
                current = try loader.loadValues(file.data, file: file.name)
            } catch {
                throw error.prefixed("failed to parse \(file.name): ")
            }
            base = ChartLoader.mergeMaps(base, current)
        }
        for item in setJSON {
            let trimmed = GoStrings.trimSpace(item)
            if helm == .v4, trimmed.hasPrefix("{") {
                guard case .map(let object, _)? = try? GoJSON.decode(trimmed) else {
                    throw LocatedError(.chartLoad, "failed parsing --set-json data JSON: \(item)")
                }
                base = ChartLoader.mergeMaps(base, object)
            } else {
                do { try Strvals.parse(item, into: base, mode: .json) } catch {
                    throw LocatedError(.chartLoad, "failed parsing --set-json data \(item)")
                }
            }
        }
        try apply(set, .typed, "--set", into: base)
        try apply(setString, .string, "--set-string", into: base)
        if let readFile { try apply(setFile, .file(read: readFile), "--set-file", into: base) }
        try apply(setLiteral, .literal, "--set-literal", into: base)
        return base
    }

    private func apply(_ items: [String], _ mode: Strvals.Mode, _ flag: String, into base: GoMap) throws(LocatedError) {
        for item in items {
            do {
                try Strvals.parse(item, into: base, mode: mode)
            } catch {
                throw error.prefixed("failed parsing \(flag) data: ")
            }
        }
    }
}

/// A chart after dependency processing, ready to render: the enabled
/// subcharts only, aliases applied, and the `.Values` each chart sees.
public struct ProcessedChart: Sendable {
    /// The chart, its metadata as processing left it (alias as name,
    /// only enabled dependency records, `enabled` flags and rewritten
    /// import-values set). Its `dependencies` are empty: see `subcharts`.
    public var chart: Chart
    /// The path prefix of its templates: `c`, `c/charts/sub`,
    /// `c/charts/sub/charts/leaf` (Helm's `ChartFullPath`).
    public var path: String
    /// What `.Values` holds in this chart's templates (for a subchart, the
    /// parent's `.Values.<name>` table, or an empty map).
    public var values: GoMap
    /// Whether this is the top chart (`.Chart.IsRoot`).
    public var isRoot: Bool
    /// Enabled subcharts, in dependency order.
    public var subcharts: [ProcessedChart]

    /// The chart's name after aliasing.
    public var name: String { chart.metadata.name }

    /// This chart and every subchart below it, depth first.
    public var allCharts: [ProcessedChart] {
        [self] + subcharts.flatMap(\.allCharts)
    }
}

/// Values layering: dependency processing plus Helm's `ToRenderValues`.
public enum ValuesLayering {
    /// Processes `chart`'s dependencies against `userValues` and coalesces
    /// everything as Helm does before rendering. Returns the top-level
    /// `.Values` and the processed tree. `chart` itself is not changed.
    public static func prepare(chart: Chart, userValues: GoMap, helm: HelmVersion) throws(LocatedError) -> ProcessedChart {
        var ignored: [ValuesWarning] = []
        return try prepare(chart: chart, userValues: userValues, helm: helm, warnings: &ignored)
    }

    /// As ``prepare(chart:userValues:helm:)``, appending to `warnings`
    /// what Helm logs on the way, in Helm's order (also when it throws).
    public static func prepare(chart: Chart, userValues: GoMap, helm: HelmVersion,
                               warnings: inout [ValuesWarning]) throws(LocatedError) -> ProcessedChart {
        try prepare(chart: chart, userValues: userValues, helm: helm, imports: nil, warnings: &warnings)
    }

    /// As ``prepare(chart:userValues:helm:warnings:)``, with import-values
    /// results kept in `imports` across runs on `chart`, and `defaults`
    /// (the maps of `chart`'s defaults) held rather than copied where
    /// processing only reads them.
    static func prepare(chart: Chart, userValues: GoMap, helm: HelmVersion, imports: ImportValuesMemo?,
                        defaults: DefaultMaps? = nil,
                        warnings: inout [ValuesWarning]) throws(LocatedError) -> ProcessedChart {
        let log = ValuesLog(helm: helm)
        defer { warnings += log.warnings }
        let work = WorkChart(chart)
        // Nothing changes `userValues`: processing borrows them, and the
        // last coalescing copies them.
        try DependencyProcessor(helm: helm, log: log, imports: imports, defaults: defaults).process(work, userValues: userValues)
        let values = try Coalescer(helm: helm, log: log).coalesceValues(work, userValues)
        return scoped(work, values: values, path: work.name, isRoot: true)
    }

    private static func scoped(_ work: WorkChart, values: GoMap, path: String, isRoot: Bool) -> ProcessedChart {
        var chart = work.source
        chart.metadata = work.meta.resolved
        chart.defaultValues = work.values
        chart.dependencies = []
        let subcharts = work.dependencies.map { sub -> ProcessedChart in
            var missing = ""
            let subValues = ValuesMethods.table(values, sub.name, missing: &missing) ?? GoMap()
            return scoped(sub, values: subValues, path: path + "/charts/" + sub.name, isRoot: false)
        }
        return ProcessedChart(chart: chart, path: path, values: values, isRoot: isRoot, subcharts: subcharts)
    }
}
