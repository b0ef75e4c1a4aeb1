import Diagnostics
import GoStd
import Helm
import Foundation
import Values

/// Finding and reading the suite files of a chart and its subcharts
/// (helm-unittest's `getV3TestSuitesWithValues`).
struct SuiteDiscovery {
    let options: TestRunOptions
    let extraValuesFiles: [String]

    /// Renders a `--chart-tests-path` chart: its name and rendered files.
    var renderTestsChart: ((String) throws(LocatedError) -> (name: String, files: [String: GoString]))?

    /// What discovery finds: a suite to run, or a suite file (or tests
    /// chart) that could not be read — that one's error, while the others run.
    enum Found {
        case suite(TestSuite)
        case broken(file: String, error: LocatedError)

        /// The suite file (or tests chart) it comes from.
        var file: String {
            switch self {
            case .suite(let suite): suite.definitionFile
            case .broken(let file, _): file
            }
        }
    }

    /// The suites of the chart at `chartPath` and, with `--with-subchart`,
    /// of its enabled subcharts, in helm-unittest's order: the suite files
    /// (per glob, sorted), the `--chart-tests-path` suites, then each subchart's.
    /// What Helm logs while the `-v` files are merged for subchart conditions
    /// goes to `warnings`.
    func suites(chartPath: String, chartRoute: String, chart: ChartDescription,
                mergedValues: GoMap? = nil, warnings: inout [ValuesWarning]) -> [Found] {
        var found: [Found] = []
        let decoding = SuiteDecodingOptions(strict: options.strict, extraValuesFiles: extraValuesFiles,
                                            pluginVersion: options.pluginVersion)
        for file in suiteFiles(chartPath: chartPath) {
            guard let data = FileManager.default.contents(atPath: file) else {
                found.append(.broken(file: file, error: LocatedError(.fileAccess, "open \(file): no such file or directory",
                                                                     at: SourceLocation(file: file))))
                continue
            }
            let (suites, errors) = SuiteDecoder.decodeFile(Array(data), path: file, chartRoute: chartRoute, options: decoding)
            found += suites.map(Found.suite) + errors.map { Found.broken(file: file, error: $0) }
        }
        if !options.chartTestsPath.isEmpty, let renderTestsChart {
            let directory = GoPath.join(chartPath, options.chartTestsPath)
            do throws(LocatedError) {
                found += try renderedSuites(directory: directory, chartRoute: chartRoute, render: renderTestsChart).map(Found.suite)
            } catch {
                found.append(.broken(file: directory, error: error))
            }
        }
        guard options.withSubcharts else { return found }
        let values = mergedValues ?? conditionValues(chart: chart, chartPath: chartPath, warnings: &warnings)
        for subchart in chart.subcharts {
            if let values, !isEnabled(subchart, parent: chart, values: values) { continue }
            found += self.suites(chartPath: GoPath.join(chartPath, "charts", subchart.name),
                                 chartRoute: GoPath.join(chartRoute, "charts", subchart.name),
                                 chart: subchart, mergedValues: values, warnings: &warnings)
        }
        return found
    }

    /// `RenderTestSuiteFiles`: the suites a tests chart renders, each part of
    /// a rendered file one suite, numbered for its snapshot file.
    private func renderedSuites(directory: String, chartRoute: String,
                                render: (String) throws(LocatedError) -> (name: String, files: [String: GoString])) throws(LocatedError)
        -> [TestSuite] {
        guard FileManager.default.fileExists(atPath: directory) else {
            throw LocatedError(.fileAccess, "--chart-tests-path: stat \(directory): no such file or directory",
                               at: SourceLocation(file: directory))
        }
        let chartFile = GoPath.join(directory, "Chart.yaml")
        guard FileManager.default.fileExists(atPath: chartFile) else {
            throw LocatedError(.fileAccess, "stat \(chartFile): no such file or directory", at: SourceLocation(file: chartFile))
        }
        let (name, files) = try render(directory)
        var errors: [String] = []
        var suites: [TestSuite] = []
        for (template, goText) in files.sorted(by: { goLess($0.key, $1.key) }) {
            let text = goText.text
            if GoStrings.trimSpace(text).isEmpty {
                errors.append("test suite template (\(template)) file did not render a manifest")
                continue
            }
            var relative = template
            if let range = relative.range(of: name) { relative.replaceSubrange(range, with: "") }
            let path = GoPath.join(directory, relative)
            let before = suites.count
            var partErrors: [String] = []
            var realIndex = -1
            for (index, part) in SuiteDecoder.split(text).enumerated() where !GoStrings.trimSpace(part.text).isEmpty {
                realIndex += 1
                let decoding = SuiteDecodingOptions(strict: options.strict, extraValuesFiles: extraValuesFiles,
                                                    pluginVersion: options.pluginVersion, fromRender: true,
                                                    defaultSnapshotId: String(realIndex))
                do throws(LocatedError) {
                    if let suite = try SuiteDecoder.decodeSuite(part.text, path: path, chartRoute: chartRoute, options: decoding) {
                        suites.append(suite)
                    }
                } catch {
                    partErrors.append("chart \(index) error: \(error.message)")
                }
            }
            if !partErrors.isEmpty {
                errors.append("test suite template (\(template)) error: " + partErrors.joined(separator: "\n"))
            }
            if before == suites.count {
                errors.append("test suite template (\(template)) file did not render a manifest")
            }
        }
        if !errors.isEmpty { throw LocatedError(.suiteFile, errors.joined(separator: "\n")) }
        return suites
    }

    /// The suite files matching the `-f` globs, per glob in sorted order.
    func suiteFiles(chartPath: String) -> [String] {
        Self.files(matching: options.testFiles, chartPath: chartPath)
    }

    /// helm-unittest's `GetFiles`: each pattern (adjacent duplicates once)
    /// globbed relative to `chartPath/` unless it already contains that
    /// prefix; absolute patterns are kept as they are.
    static func files(matching patterns: [String], chartPath: String) -> [String] {
        let base = chartPath + "/"
        var files: [String] = []
        var seen: [String] = []
        for pattern in patterns where seen.last != pattern {
            seen.append(pattern)
            if pattern.hasPrefix("/") { files.append(pattern); continue }
            let full = pattern.contains(base) ? pattern : GoPath.join(base, pattern)
            files += DoublestarGlob.files(matching: full)
        }
        return files
    }

    /// Chart defaults and the `-v` files (relative to the chart), for subchart
    /// conditions (`buildMergedValuesForChart`, whose `MergeTables` logs).
    private func conditionValues(chart: ChartDescription, chartPath: String, warnings: inout [ValuesWarning]) -> GoMap? {
        let base = chart.defaultValues.deepCopyMap()
        for file in options.conditionValuesFiles ?? options.valuesFiles {
            let path = file.hasPrefix("/") ? file : GoPath.join(chartPath, file)
            guard let data = try? goReadFile(path), let values = try? JobValues.decodeValuesFile(data) else { return nil }
            _ = mergeTables(values, base, warnings: &warnings)
            base.entries = values.entries
        }
        return base
    }

    /// `isSubchartEnabled`: the parent's `condition` (first path decides;
    /// missing or non-bool means enabled), else `tags` (any true), else enabled.
    private func isEnabled(_ subchart: ChartDescription, parent: ChartDescription, values: GoMap) -> Bool {
        guard let dependency = parent.dependencies.first(where: { ($0.alias.isEmpty ? $0.name : $0.alias) == subchart.name }) else {
            return true
        }
        if !dependency.condition.isEmpty {
            var current = values
            let parts = GoStrings.split(dependency.condition, ".", limit: -1)
            for (i, part) in parts.enumerated() {
                guard let next = current.entries[GoString(part)] else { return true }
                if i == parts.count - 1 {
                    if case .bool(let b) = next { return b }
                    return true
                }
                guard case .map(let m, _) = next else { return true }
                current = m
            }
            return true
        }
        if !dependency.tags.isEmpty {
            guard case .map(let tags, _)? = values.entries["tags"] else { return true }
            return dependency.tags.contains { if case .bool(true)? = tags.entries[GoString($0)] { return true } else { return false } }
        }
        return true
    }
}

extension GoMap {
    func deepCopyMap() -> GoMap {
        if case .map(let m, _) = Value.map(self).deepCopy() { return m }
        return GoMap()
    }
}
