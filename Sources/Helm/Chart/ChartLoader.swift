import Diagnostics
import GoStd
import Values

/// Loads charts the way Helm's `pkg/chart/v2/loader` does: from a
/// directory (honouring `.helmignore`), a `.tgz` archive, or in-memory
/// files. Nothing outside the chart is ever read.
public struct ChartLoader: Sendable {
    /// Whose loader to follow (values.yaml documents, error type names).
    public var helm: HelmVersion

    public init(helm: HelmVersion) {
        self.helm = helm
    }

    /// Helm's `loader.Load`: a directory or a chart archive.
    public func load(path: String) throws(LocatedError) -> Chart {
        switch FileSystem.kind(of: path) {
        case .directory: return try loadDirectory(path)
        case .file: return try loadArchiveFile(path)
        case .other, .symbolicLink, nil:
            throw LocatedError(.chartLoad, "stat \(path): no such file or directory")
        }
    }

    /// Helm's `LoadFiles`: sorts files into metadata, values, templates,
    /// `.Files` and subcharts, validates, then loads each subchart. `path`
    /// is where the files came from (``Chart/path``): errors name the
    /// files under it.
    public func loadFiles(_ files: [ChartFile], path: String = "") throws(LocatedError) -> Chart {
        let package = helm.chartPackage
        let place = { (name: String) in path.isEmpty ? name : GoPath.join(path, name) }
        var metadata: ChartMetadata?
        for file in files where file.name == "Chart.yaml" {
            var md = metadata ?? ChartMetadata()
            do {
                if let fields = try SigsTypedUnmarshal.decode(file.data, file: place(file.name), as: ChartSchemas.metadata,
                                                              package: package) {
                    md.apply(fields)
                }
            } catch {
                throw error.prefixed("cannot load Chart.yaml: ").placed(at: SourceLocation(file: place(file.name)))
            }
            if md.apiVersion.isEmpty { md.apiVersion = "v1" }
            metadata = md
        }

        var chart = Chart(metadata: ChartMetadata())
        chart.path = path
        var subcharts: [String: [ChartFile]] = [:]
        for file in files {
            let name = file.name
            switch name {
            case "Chart.yaml":
                continue
            case "Chart.lock", "requirements.lock":
                do {
                    chart.lock = try Self.decodeLock(file, at: place(file.name), package: package)
                } catch {
                    throw error.prefixed("cannot load \(name): ").placed(at: SourceLocation(file: place(name)))
                }
                if name == "requirements.lock" {
                    if metadata == nil { metadata = ChartMetadata() }
                    if metadata?.apiVersion == "v1" { chart.files.append(file) }
                }
            case "values.yaml":
                do {
                    chart.defaultValues = try loadValues(file.data, file: place(file.name))
                } catch {
                    throw error.prefixed("cannot load values.yaml: ").placed(at: SourceLocation(file: place(file.name)))
                }
                chart.rawValues = file.data
            case "values.schema.json":
                chart.schema = file.data
            case "requirements.yaml":
                var md = metadata ?? ChartMetadata()
                do {
                    if let fields = try SigsTypedUnmarshal.decode(file.data, file: place(file.name), as: ChartSchemas.metadata,
                                                                  package: package) {
                        md.apply(fields)
                    }
                } catch {
                    throw error.prefixed("cannot load requirements.yaml: ").placed(at: SourceLocation(file: place(file.name)))
                }
                metadata = md
                if md.apiVersion == "v1" { chart.files.append(file) }
            default:
                if name.hasPrefix("templates/") {
                    chart.templates.append(file)
                } else if name.hasPrefix("charts/") {
                    if GoPath.ext(name) == ".prov" {
                        chart.files.append(file)
                        continue
                    }
                    let rest = String(name.dropFirst("charts/".count))
                    let subchart = String(rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    subcharts[subchart, default: []].append(ChartFile(name: rest, data: file.data))
                } else {
                    chart.files.append(file)
                }
            }
        }

        guard var md = metadata else {
            throw LocatedError(.chartLoad, "Chart.yaml file is missing", at: path.isEmpty ? nil : SourceLocation(file: path))
        }
        if let error = md.validate() { throw error.placed(at: SourceLocation(file: place("Chart.yaml"))) }
        chart.metadata = md

        // Go walks a map here (random order); byte order keeps errors stable.
        for name in subcharts.keys.sorted(by: goLess) {
            let subFiles = subcharts[name] ?? []
            if name.hasPrefix("_") || name.hasPrefix(".") { continue }
            let sub: Chart
            let subPath = place("charts/" + name)
            if GoPath.ext(name) == ".tgz", let first = subFiles.first, first.name != name {
                throw LocatedError(.chartLoad, "error unpacking subchart tar in \(md.name): expected \(name), got \(first.name)",
                                   at: SourceLocation(file: subPath))
            }
            do {
                if GoPath.ext(name) == ".tgz", let first = subFiles.first {
                    sub = try loadArchive(first.data, path: subPath)
                } else {
                    var inner: [ChartFile] = []
                    for f in subFiles {
                        guard let slash = f.name.firstIndex(of: "/") else { continue }
                        inner.append(ChartFile(name: String(f.name[f.name.index(after: slash)...]), data: f.data))
                    }
                    sub = try loadFiles(inner, path: subPath)
                }
            } catch {
                throw error.prefixed("error unpacking subchart \(name) in \(md.name): ").placed(at: SourceLocation(file: subPath))
            }
            chart.dependencies.append(sub)
        }
        return chart
    }

    static func decodeLock(_ file: ChartFile, at place: String, package: String) throws(LocatedError) -> ChartLock {
        var lock = ChartLock()
        guard let fields = try SigsTypedUnmarshal.decode(file.data, file: place, as: ChartSchemas.lock, package: package) else {
            return lock
        }
        lock.generated = fields["generated"]?.stringValue ?? ""
        lock.digest = fields["digest"]?.stringValue ?? ""
        lock.dependencies = fields["dependencies"].flatMap(ChartDependency.list)
        return lock
    }

    // MARK: values.yaml

    /// Reads a values file as the chart loader does. Helm 4's `LoadValues`
    /// splits the text into YAML documents (k8s' YAMLReader: a line
    /// starting with `---`) and deep-merges them, later documents winning;
    /// Helm 3 reads the first document only.
    /// Locations name `file`.
    public func loadValues(_ data: [UInt8], file: String = "") throws(LocatedError) -> GoMap {
        let type = "map[string]interface {}"
        guard helm.readsEveryValuesDocument else {
            return try YAMLValues.helmValues(bytes: data, file: file, valuesType: type)
        }
        var values = GoMap()
        for document in try Self.yamlDocuments(data, file: file) {
            let current: GoMap
            do {
                current = try YAMLValues.helmValues(bytes: document, file: file, valuesType: type)
            } catch {
                throw error.prefixed("cannot unmarshal yaml document: ")
            }
            values = Self.mergeMaps(values, current)
        }
        return values
    }

    /// k8s.io/apimachinery's `YAMLReader`: documents separated by lines
    /// that start with `---` (only spaces or a comment may follow). Line
    /// ends become `\n`; the first separator stays with its document.
    static func yamlDocuments(_ data: [UInt8], file: String = "") throws(LocatedError) -> [[UInt8]] {
        var documents: [[UInt8]] = []
        var buffer: [UInt8] = []
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        if data.last == 0x0A { lines.removeLast() }
        if data.isEmpty { lines = [] }
        let dashes = Array("---".utf8)
        for rawLine in lines {
            var line = rawLine
            if line.last == 0x0D { line = line.dropLast() }
            if line.starts(with: dashes) {
                let rest = GoStrings.trimSpace(String(decoding: line.dropFirst(3), as: UTF8.self))
                if !rest.isEmpty && !rest.hasPrefix("#") {
                    throw LocatedError(.chartLoad, "error reading yaml document: invalid Yaml document separator: \(rest)",
                                       at: file.isEmpty ? nil : SourceLocation(file: file))
                }
                if !buffer.isEmpty {
                    documents.append(buffer)
                    buffer = []
                    continue
                }
            }
            buffer += line
            buffer.append(0x0A)
        }
        if !buffer.isEmpty { documents.append(buffer) }
        return documents
    }

    /// Helm's `MergeMaps`: a new map; nested maps merge, anything else in
    /// `b` replaces.
    static func mergeMaps(_ a: GoMap, _ b: GoMap) -> GoMap {
        let out = GoMap(a.entries)
        for (key, value) in b.entries {
            if case .map(let bm, _) = value, case .map(let am, _)? = out[key] {
                out[key] = .map(DeepStack.withRoom { mergeMaps(am, bm) })
            } else {
                out[key] = value
            }
        }
        return out
    }
}
