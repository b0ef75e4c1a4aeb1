import Values

/// A file of a chart: its path relative to the chart root (`/`-separated)
/// and its bytes (a leading UTF-8 BOM already removed, as Helm does).
public struct ChartFile: Sendable, Hashable {
    public var name: String
    public var data: [UInt8]

    public init(name: String, data: [UInt8]) {
        self.name = name
        self.data = data
    }

    /// The bytes as text (invalid UTF-8 replaced, as Go's string conversion
    /// would keep the raw bytes — templates only ever see valid text here).
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// A loaded chart, as Helm's loader builds it: nothing here has been
/// through dependency processing (aliases, conditions, imports) yet.
///
/// `defaultValues` is a reference-typed map; treat it as immutable and
/// deep-copy it before handing it to code that mutates maps.
public struct Chart: Sendable {
    /// Chart.yaml (plus requirements.yaml for apiVersion v1 charts).
    public var metadata: ChartMetadata
    /// Chart.lock or requirements.lock, if present.
    public var lock: ChartLock?
    /// Files under `templates/`, in load order (byte order of their paths).
    public var templates: [ChartFile]
    /// What `.Files` sees: every other file except Chart.yaml, Chart.lock,
    /// values.yaml, values.schema.json and `charts/` (but `charts/*.prov`).
    public var files: [ChartFile]
    /// The bytes of values.yaml, if present.
    public var rawValues: [UInt8]?
    /// values.yaml as Helm reads it (empty when absent).
    public var defaultValues: GoMap
    /// values.schema.json, if present.
    public var schema: [UInt8]?
    /// Subcharts found in `charts/` (directories and `.tgz` archives), in
    /// byte order of their names.
    public var dependencies: [Chart]
    /// Where the chart's files came from, for naming them in errors: the
    /// directory or archive the loader was given, a subchart's as
    /// `<parent>/charts/<name>`; empty for files loaded from memory.
    public var path = ""

    public init(metadata: ChartMetadata, lock: ChartLock? = nil, templates: [ChartFile] = [], files: [ChartFile] = [],
                rawValues: [UInt8]? = nil, defaultValues: GoMap = GoMap(), schema: [UInt8]? = nil,
                dependencies: [Chart] = []) {
        self.metadata = metadata
        self.lock = lock
        self.templates = templates
        self.files = files
        self.rawValues = rawValues
        self.defaultValues = defaultValues
        self.schema = schema
        self.dependencies = dependencies
    }

    /// The chart's name (Chart.yaml `name`, or the alias once processed).
    public var name: String { metadata.name }

    /// A copy whose default values share no map with this chart's.
    func deepCopy() -> Chart {
        var copy = self
        copy.defaultValues = Value.map(defaultValues).deepCopy().mapValue ?? GoMap()
        copy.dependencies = dependencies.map { $0.deepCopy() }
        return copy
    }
}
