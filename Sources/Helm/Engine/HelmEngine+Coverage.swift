import GoStd
import GoTemplate

extension HelmEngine {
    /// A template file of the chart tree, for template coverage.
    public struct CoverageFile: Sendable {
        /// Helm's name of the file (`c/templates/x.yaml`,
        /// `c/charts/sub/templates/_helpers.tpl`).
        public var name: String
        /// The file on disk (the chart's path joined with the file's), or
        /// the name when the chart was not loaded from a directory.
        public var sourcePath: String
        /// The file's coverable points.
        public var inventory: CoverageInventory
        /// The file's path within the chart (`templates/x.yaml`,
        /// `charts/sub/templates/y.yaml`).
        public var chartRelativePath: String
        /// Whether the file belongs to a dependency that came as an archive
        /// in `charts/` (or one inside such a dependency).
        public var fromArchive: Bool
    }

    /// Every template file of the chart and its subcharts (library charts'
    /// helpers included), parsed as renders parse them (the same sources,
    /// so the counts of a ``CoverageRecorder`` apply), in byte order of
    /// their names. Files that do not parse are left out; so are subchart
    /// copies the run never rendered under an alias.
    public func coverageFiles() -> [CoverageFile] {
        let set = newTemplateSet()
        var out: [String: CoverageFile] = [:]
        let root = chart.metadata.name
        func relative(_ name: String) -> String { String(name.dropFirst(root.count + 1)) }
        func visit(_ chart: Chart, name chartName: String, archived: Bool) {
            for template in chart.templates {
                let name = chartName + "/" + template.name
                guard let parsed = try? parsedFile(name, text: template.data, in: set), !parsed.templates.isEmpty else { continue }
                let onDisk = chart.path.isEmpty || archived ? name : GoPath.join(chart.path, template.name)
                out[name] = CoverageFile(name: name, sourcePath: onDisk, inventory: CoverageInventory(parsed),
                                         chartRelativePath: relative(name), fromArchive: archived)
            }
            for dependency in chart.dependencies {
                visit(dependency, name: chartName + "/charts/" + dependency.metadata.name,
                      archived: archived || GoPath.ext(dependency.path) == ".tgz")
            }
        }
        visit(chart, name: root, archived: false)
        // Aliased subcharts render under their alias: parsed then, and counted so.
        lock.lock()
        let parsedNow = parsedFiles
        let onDisk = diskPaths
        lock.unlock()
        for (name, result) in parsedNow where out[name] == nil {
            guard case .success(let parsed) = result, !parsed.templates.isEmpty else { continue }
            out[name] = CoverageFile(name: name, sourcePath: onDisk[name] ?? name, inventory: CoverageInventory(parsed),
                                     chartRelativePath: relative(name), fromArchive: onDisk[name] == nil)
        }
        return out.keys.sorted(by: goLess).compactMap { out[$0] }
    }
}
