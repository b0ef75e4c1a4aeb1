import Diagnostics
import GoStd
import Synchronization
import Values

/// Helm's `ProcessDependencies` (pkg/chart/v2/util/dependencies.go; in
/// Helm 3 `ProcessDependenciesWithMerge`, which helm-unittest calls):
/// aliases, conditions, tags, disabled charts removed, import-values.
struct DependencyProcessor {
    let helm: HelmVersion
    /// Where the warnings Helm logs go.
    let log: ValuesLog
    /// Import-values results of earlier runs on the same chart, if kept.
    let imports: ImportValuesMemo?
    /// The maps of the chart's defaults, if the passes that decide which
    /// dependencies are enabled may hold them instead of copies.
    let defaults: DefaultMaps?
    /// Whether each dependency record came out enabled, in processing order.
    private let decisions = Decisions()
    var coalescer: Coalescer { Coalescer(helm: helm, log: log) }

    init(helm: HelmVersion, log: ValuesLog, imports: ImportValuesMemo?, defaults: DefaultMaps? = nil) {
        self.helm = helm
        self.log = log
        self.imports = imports
        self.defaults = defaults
    }

    private final class Decisions {
        var enabled: [Bool] = []
    }

    func process(_ chart: WorkChart, userValues: GoMap) throws(LocatedError) {
        try processEnabled(chart, userValues, path: "")
        // A top chart declaring no dependencies has almost nothing to keep:
        // its vendored subcharts, if any, are processed every time.
        guard let imports, chart.meta.dependencies != nil else { return try processImports(chart) }
        try imports.apply(to: chart, enabled: decisions.enabled, log: log) { () throws(LocatedError) in
            try processImports(chart)
        }
    }

    // MARK: enabled / alias

    private func aliasCopy(_ charts: [WorkChart], _ dependency: ChartDependency) -> WorkChart? {
        for c in charts {
            guard c.name == dependency.name,
                  isCompatibleRange(dependency.version, c.meta.metadata.version) else { continue }
            let out: WorkChart
            switch helm {
            case .v4:
                // copyMetadata copies the dependency records; subcharts are shallow copies.
                let meta = WorkChart.MetadataBox(
                    metadata: c.meta.metadata,
                    dependencies: c.meta.dependencies?.map { WorkChart.DependencyBox($0.dependency) })
                let children = c.dependencies.map {
                    WorkChart(meta: $0.meta, values: $0.values, dependencies: $0.dependencies, source: $0.source)
                }
                out = WorkChart(meta: meta, values: c.values, dependencies: children, source: c.source)
            case .v3:
                let meta = WorkChart.MetadataBox(metadata: c.meta.metadata, dependencies: c.meta.dependencies)
                out = WorkChart(meta: meta, values: c.values, dependencies: c.dependencies, source: c.source)
            }
            if !dependency.alias.isEmpty { out.meta.metadata.name = dependency.alias }
            return out
        }
        return nil
    }

    private func processEnabled(_ chart: WorkChart, _ values: GoMap, path: String) throws(LocatedError) {
        guard let requirements = chart.meta.dependencies else { return }
        var kept: [WorkChart] = []
        for existing in chart.dependencies {
            let declared = requirements.contains {
                existing.name == $0.dependency.name
                    && isCompatibleRange($0.dependency.version, existing.meta.metadata.version)
            }
            if !declared { kept.append(existing) }
        }
        for requirement in requirements {
            if let copy = aliasCopy(chart.dependencies, requirement.dependency) { kept.append(copy) }
            if !requirement.dependency.alias.isEmpty { requirement.dependency.name = requirement.dependency.alias }
        }
        chart.dependencies = kept
        // A leaf: coalescing would only copy the values to decide nothing
        // (Helm still logs what it finds on the way).
        if requirements.isEmpty && kept.isEmpty {
            coalescer.chartValuesWarnings(chart, values, prefix: "")
            return
        }

        for requirement in requirements { requirement.dependency.enabled = true }
        // Read for tags and conditions, and layered again by each subchart.
        let cvals = try coalescer.coalesceValuesBorrowing(chart, values, sharing: defaults)
        processTags(requirements, cvals)
        processConditions(requirements, cvals, path: path)

        decisions.enabled += requirements.map(\.dependency.enabled)
        // A name is removed if any record of that name came out disabled.
        let removed = requirements.filter { !$0.dependency.enabled }.map { $0.dependency.name }
        let enabledCharts = chart.dependencies.filter { !removed.contains($0.name) }
        let enabledRequirements = requirements.filter { !removed.contains($0.dependency.name) }
        for sub in enabledCharts {
            try processEnabled(sub, cvals, path: path + sub.name + ".")
        }
        chart.meta.dependencies = enabledRequirements
        chart.dependencies = enabledCharts
    }

    private func processTags(_ requirements: [WorkChart.DependencyBox], _ values: GoMap) {
        guard case .map(let tags, _)? = values["tags"] else { return }
        for requirement in requirements {
            var hasTrue = false, hasFalse = false
            for tag in requirement.dependency.tags ?? [] {
                switch tags[tag] {
                case nil: continue
                case .bool(let b)?: if b { hasTrue = true } else { hasFalse = true }
                default: log.warn(.tagNotBool, path: tag, detail: requirement.dependency.name)
                }
            }
            if !hasTrue && hasFalse {
                requirement.dependency.enabled = false
            } else {
                requirement.dependency.enabled = true
            }
        }
    }

    private func processConditions(_ requirements: [WorkChart.DependencyBox], _ values: GoMap, path: String) {
        for requirement in requirements {
            let condition = GoStrings.trimSpace(requirement.dependency.condition)
            for part in GoStrings.split(condition, ",", limit: -1) where !part.isEmpty {
                // PathValue's only error here is "no value" (the path is never empty), which Helm skips quietly.
                guard let value = ValuesMethods.valueAtPath(values, path + part) else { continue }
                if case .bool(let b) = value {
                    requirement.dependency.enabled = b
                    break
                }
                log.warn(.conditionNotBool, path: part, detail: requirement.dependency.name)
            }
        }
    }

    // MARK: import-values

    private func processImports(_ chart: WorkChart) throws(LocatedError) {
        for sub in chart.dependencies { try processImports(sub) }
        try processImportValues(chart)
    }

    private func processImportValues(_ chart: WorkChart) throws(LocatedError) {
        guard let requirements = chart.meta.dependencies else { return }
        let cvals = try coalescer.mergeValues(chart, nil)
        var imported = GoMap()
        for requirement in requirements {
            var rewritten: [Value] = []
            for item in requirement.dependency.importValues ?? [] {
                switch item {
                case .map(let spec, _):
                    let child = GoFmt.format(spec["child"] ?? .null)
                    let parent = GoFmt.format(spec["parent"] ?? .null)
                    rewritten.append(.map(["child": .string(child), "parent": .string(parent)]))
                    let table: GoMap
                    do { table = try ValuesMethods.table(cvals, requirement.dependency.name + "." + child) } catch {
                        log.warn(.importTableMissing, path: requirement.dependency.name, detail: "\(error)")
                        continue
                    }
                    imported = coalescer.coalesceTables(imported, pathToMap(parent, asMap(table)), prefix: { "" }, merge: true)
                case .string(let name):
                    let child = "exports." + name.text
                    rewritten.append(.map(["child": .string(child), "parent": .string(".")]))
                    let table: GoMap
                    do { table = try ValuesMethods.table(cvals, requirement.dependency.name + "." + child) } catch {
                        log.warn(.importExportsMissing, detail: "\(error)")
                        continue
                    }
                    imported = coalescer.coalesceTables(imported, asMap(table), prefix: { "" }, merge: true)
                default:
                    continue
                }
            }
            requirement.dependency.importValues = rewritten.isEmpty ? nil : rewritten
        }
        // Helm deep-copies `cvals` because the imported tables point into it;
        // with nothing imported nothing else holds it, so the copy is skipped.
        let copy = imported.count == 0 ? cvals : Value.map(cvals).deepCopy().mapValue ?? GoMap()
        chart.values = coalescer.coalesceTables(copy, imported, prefix: { "" }, merge: true)
    }

    /// `Values.AsMap`: an empty table becomes a fresh map.
    private func asMap(_ table: GoMap) -> GoMap {
        table.count == 0 ? GoMap() : table
    }

    /// `pathToMap`: `a.b` and data → `{a: {b: data}}`; `.` → data itself.
    private func pathToMap(_ path: String, _ data: GoMap) -> GoMap {
        if path == "." { return data }
        var current = data
        for part in GoStrings.split(path, ".", limit: -1).reversed() {
            current = GoMap([part: .map(current)])
        }
        return current
    }
}

/// Import-values processing of one chart by which dependency records came
/// out enabled. It reads chart defaults only, so for the same enabled tree
/// it gives the same values, records and warnings whatever the user
/// values; it runs once per enabled tree, like parsing.
///
/// The values it leaves are shared by later runs: nothing changes them
/// afterwards (coalescing copies a chart's values before merging them).
final class ImportValuesMemo: Sendable {
    /// What processing left on each chart of the tree (in depth-first
    /// order) and logged, or where it failed.
    private struct Outcome: Sendable {
        struct ChartState: Sendable {
            let values: GoMap
            let importValues: [[Value]?]
        }
        let charts: [ChartState]
        let warnings: [ValuesWarning]
        let failure: LocatedError?
    }

    private let outcomes = Mutex<[[Bool]: Outcome]>([:])

    /// Leaves `chart` as `process` does (run once per `enabled`), logging
    /// what it logs to `log`.
    func apply(to chart: WorkChart, enabled: [Bool], log: ValuesLog,
               _ process: () throws(LocatedError) -> Void) throws(LocatedError) {
        if let known = outcomes.withLock({ $0[enabled] }) {
            for (work, state) in zip(Self.depthFirst(chart), known.charts) {
                work.values = state.values
                for (record, importValues) in zip(work.meta.dependencies ?? [], state.importValues) {
                    record.dependency.importValues = importValues
                }
            }
            log.warnings += known.warnings
            if let failure = known.failure { throw failure }
            return
        }
        let logged = log.warnings.count
        var failure: LocatedError?
        do { try process() } catch { failure = error }
        let outcome = Outcome(
            charts: Self.depthFirst(chart).map {
                .init(values: $0.values, importValues: ($0.meta.dependencies ?? []).map(\.dependency.importValues))
            },
            warnings: Array(log.warnings[logged...]), failure: failure)
        outcomes.withLock { $0[enabled] = $0[enabled] ?? outcome }
        if let failure { throw failure }
    }

    private static func depthFirst(_ chart: WorkChart) -> [WorkChart] {
        func add(_ chart: WorkChart, to list: inout [WorkChart]) {
            list.append(chart)
            for sub in chart.dependencies { add(sub, to: &list) }
        }
        var list: [WorkChart] = []
        add(chart, to: &list)
        return list
    }
}
