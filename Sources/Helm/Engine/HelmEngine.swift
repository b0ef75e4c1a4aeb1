import Diagnostics
import Foundation
import GoStd
import GoTemplate
import Values

/// How one render differs from another: Helm version, release, capabilities, lookup objects.
public struct RenderOptions: Sendable {
    public var helm: HelmVersion
    public var release: ReleaseInfo
    public var capabilities: CapabilitiesInfo
    public var lookup: LookupSource
    /// Whether to skip checking values against `values.schema.json`.
    public var skipSchemaValidation: Bool
    /// Where the render counts template coverage (nil: it does not).
    public var coverage: CoverageRecorder?

    public init(helm: HelmVersion, release: ReleaseInfo? = nil, capabilities: CapabilitiesInfo? = nil,
                lookup: LookupSource = LookupSource(), skipSchemaValidation: Bool = false, coverage: CoverageRecorder? = nil) {
        self.helm = helm
        self.release = release ?? .defaults(helm)
        self.capabilities = capabilities ?? .defaults(helm)
        self.lookup = lookup
        self.skipSchemaValidation = skipSchemaValidation
        self.coverage = coverage
    }
}

/// Helm's template engine: one template namespace across a chart and its
/// subcharts, each file executed with its own chart's context, Helm's
/// parse order, `<no value>` clean-up and error wording.
///
/// An engine belongs to one loaded chart. Its parsed template sets are
/// cached per set of enabled charts, so rendering the chart again, with
/// other values, only executes.
public final class HelmEngine: @unchecked Sendable {
    public let chart: Chart
    public let helm: HelmVersion
    let functions: FunctionMap
    let lock = NSLock()
    /// Template sets (with their names in Helm's parse order) by the tree's
    /// template paths in walk order, so a render neither re-sorts nor re-parses.
    private var parsed: [String: Result<(names: [String], set: TemplateSet), LocatedError>] = [:]
    /// Each file parsed once, whatever sets it ends up in.
    var parsedFiles: [String: Result<ParsedFile, LocatedError>] = [:]
    /// Where each rendered template's file is on disk (an aliased
    /// subchart's files are its chart's), for coverage reports.
    var diskPaths: [String: String] = [:]
    /// `.Files` of each chart of the tree by path; chart files never change, so built once.
    private var files: [String: Value] = [:]
    /// Import-values processing by enabled tree (it reads chart defaults only).
    private let importValues = ImportValuesMemo()
    /// The maps of the chart's defaults, shared by dependency processing.
    private let defaultMaps: DefaultMaps

    /// An engine for `chart` under one Helm version with its function library.
    public init(chart: Chart, helm: HelmVersion) {
        self.chart = chart
        self.helm = helm
        defaultMaps = DefaultMaps(chart)
        var functions = FunctionMap(HelmEngine.library(helm))
        functions.mapMethods = ValuesMethods.lookup
        self.functions = functions
    }

    /// Layers `userValues` over the chart (dependencies, coalescing) and renders it.
    public func render(userValues: GoMap, options: RenderOptions, only: Set<String>? = nil) throws(LocatedError) -> [String: GoString] {
        var ignored: [ValuesWarning] = []
        let processed = try prepare(userValues: userValues, validatingSchema: !options.skipSchemaValidation, warnings: &ignored)
        return try render(processed, options: options, only: only)
    }

    /// The chart layered with `userValues` (``ValuesLayering``) and, with
    /// `validatingSchema`, checked against its schemas
    /// (``SchemaValidation``); what Helm logs on the way is appended to
    /// `warnings`, also when it throws.
    public func prepare(userValues: GoMap, validatingSchema: Bool,
                        warnings: inout [ValuesWarning]) throws(LocatedError) -> ProcessedChart {
        let processed = try ValuesLayering.prepare(chart: chart, userValues: userValues, helm: helm,
                                                   imports: importValues, defaults: defaultMaps, warnings: &warnings)
        if validatingSchema, let failure = SchemaValidation.check(processed, helm: helm) { throw failure }
        return processed
    }

    /// Renders the templates of an already processed tree of this chart
    /// and returns path → text, partials left out, as Helm's engine
    /// returns it. `only` limits which files execute (all still parse).
    /// Runs on a thread with a goroutine-sized stack
    /// (``DeepStack/onGoroutineStack(_:)``).
    public func render(_ chart: ProcessedChart, options: RenderOptions, only: Set<String>? = nil) throws(LocatedError) -> [String: GoString] {
        try renderFiles(chart, options: options, only: only).files
    }

    /// A render's files, and whether a template read the clock or
    /// randomness: a render that did not gives the same files for the same
    /// chart, values and options.
    public struct RenderedFiles: Sendable {
        public var files: [String: GoString]
        public var readClockOrRandomness: Bool
    }

    /// ``render(_:options:only:)``, telling whether the output can be reused
    /// for the same inputs.
    public func renderFiles(_ chart: ProcessedChart, options: RenderOptions, only: Set<String>? = nil) throws(LocatedError) -> RenderedFiles {
        try DeepStack.onGoroutineStack { () throws(LocatedError) -> RenderedFiles in
            try renderHere(chart, options: options, only: only)
        }
    }

    private func renderHere(_ chart: ProcessedChart, options: RenderOptions, only: Set<String>?) throws(LocatedError) -> RenderedFiles {
        func templateCount(_ chart: ProcessedChart) -> Int {
            chart.subcharts.reduce(chart.chart.templates.count) { $0 + templateCount($1) }
        }
        var renderables = [String: Renderable](minimumCapacity: templateCount(chart))
        var walkOrder: [String] = []
        _ = context(for: chart, release: options.release.value, capabilities: options,
                    into: &renderables, order: &walkOrder)
        let (names, set) = try templateSet(walkOrder: walkOrder, renderables: renderables)
        let environment = ExecutionEnvironment()
        environment.hostData = options.lookup
        environment.coverage = options.coverage
        var rendered: [String: GoString] = [:]
        let valuesType = ValuesMethods.type(helm)
        // One output buffer for every file: its bytes are copied out after each.
        var out: [UInt8] = []
        for name in names {
            guard !GoPath.baseHasPrefix(name, "_"), let item = renderables[name] else { continue }
            if let only, !only.contains(name) { continue }
            // The context and `.Template` are Helm `Values`, like `.Values`.
            let template = Value.map(Self.templateShape.map([.string(GoString(name)), .string(item.basePath)]), valuesType)
            environment.includeMemo.willReplaceContextKey(of: item.context, with: template)
            item.context["Template"] = template
            do {
                out.removeAll(keepingCapacity: true)
                try set.execute(name, data: .map(item.context, valuesType), into: &out, environment: environment)
                rendered[name] = GoString(bytes: NoValue.removing(from: out))
            } catch {
                throw HelmEngineErrors.execError(name, error, helm: helm)
            }
        }
        return RenderedFiles(files: rendered, readClockOrRandomness: environment.clockOrRandomnessCalls > 0)
    }

    /// Helm's `sortTemplates`: the deepest paths first, then reverse byte order.
    static func parseOrder(_ names: [String]) -> [String] {
        names.map { (name: $0, depth: $0.utf8.filter { $0 == UInt8(ascii: "/") }.count) }
            .sorted { a, b in a.depth != b.depth ? a.depth > b.depth : goLess(b.name, a.name) }
            .map(\.name)
    }

    /// The keys of a chart's context and of `.Template`.
    private static let contextShape = GoMapShape(["Chart", "Files", "Release", "Capabilities", "Values", "Subcharts"])
    /// What the include memo may know of a context: `.Template` is
    /// replaced for every file; `.Subcharts` leads to other contexts.
    static let contextKeys = ContextKeys(replaced: "Template", plain: ["Chart", "Files", "Release", "Capabilities", "Values"])

    /// An empty template set as Helm's engine makes one.
    func newTemplateSet() -> TemplateSet {
        TemplateSet(name: "gotpl", functions: functions, options: ExecutionOptions(missingKey: .zero),
                    contextKeys: Self.contextKeys)
    }
    private static let templateShape = GoMapShape(["Name", "BasePath"])

    private struct Renderable {
        var file: ChartFile
        var context: GoMap
        /// `.Template.BasePath`: the chart's `templates` directory.
        var basePath: GoString
    }

    /// `recAllTpls`: the context map of one chart, its subcharts' in `.Subcharts`.
    private func context(for chart: ProcessedChart, release: GoMap, capabilities options: RenderOptions,
                         into renderables: inout [String: Renderable], order: inout [String]) -> GoMap {
        let subcharts = GoMap()
        let chartValue: Value = helm == .v4
            ? .map(chart.chart.metadata.v4ChartValue(isRoot: chart.isRoot))
            : .object(ChartStructObject(metadata: chart.chart.metadata, isRoot: chart.isRoot))
        let context = Self.contextShape.map([
            chartValue, filesValue(for: chart), .map(release), .object(CapabilitiesObject(options.capabilities, helm: helm)),
            .map(chart.values, ValuesMethods.type(helm)), .map(subcharts),
        ])
        for sub in chart.subcharts {
            subcharts[sub.name] = .map(self.context(for: sub, release: release, capabilities: options,
                                                    into: &renderables, order: &order))
        }
        let isLibrary = chart.chart.metadata.type == "library"
        let basePath = GoString(chart.path + "/templates")
        for template in chart.chart.templates {
            if isLibrary && !GoPath.baseHasPrefix(template.name, "_") { continue }
            let path = chart.path + "/" + template.name
            order.append(path)
            renderables[path] = Renderable(
                file: template, context: context, basePath: basePath)
            if options.coverage != nil && !chart.chart.path.isEmpty && GoPath.ext(chart.chart.path) != ".tgz" {
                lock.lock()
                diskPaths[path] = GoPath.join(chart.chart.path, template.name)
                lock.unlock()
            }
        }
        return context
    }

    private func filesValue(for chart: ProcessedChart) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let cached = files[chart.path] { return cached }
        let value = Value.object(FilesObject(ChartFilesData(chart.chart.files)))
        files[chart.path] = value
        return value
    }

    private func templateSet(walkOrder: [String], renderables: [String: Renderable]) throws(LocatedError) -> (names: [String], set: TemplateSet) {
        let key = walkOrder.joined(separator: "\u{0}")
        lock.lock()
        let cached = parsed[key]
        lock.unlock()
        if let cached { return try cached.get() }
        let result: Result<(names: [String], set: TemplateSet), LocatedError>
        let names = Self.parseOrder(walkOrder)
        var set = newTemplateSet()
        do throws(LocatedError) {
            for name in names {
                set.add(try parsedFile(name, text: renderables[name]?.file.data ?? [], in: set))
            }
            result = .success((names, set))
        } catch {
            result = .failure(error)
        }
        lock.lock()
        parsed[key] = result
        lock.unlock()
        return try result.get()
    }

    func parsedFile(_ name: String, text: [UInt8], in set: TemplateSet) throws(LocatedError) -> ParsedFile {
        lock.lock()
        let cached = parsedFiles[name]
        lock.unlock()
        if let cached { return try cached.get() }
        let result: Result<ParsedFile, LocatedError>
        do {
            result = .success(try set.parseFile(text, name: name))
        } catch {
            result = .failure(HelmEngineErrors.cleanupParseError(name, error))
        }
        // A render on another thread may have parsed the file meanwhile: the
        // first parse stays, so every render shares one source (coverage
        // counts by source).
        lock.lock()
        let kept = parsedFiles[name] ?? result
        parsedFiles[name] = kept
        lock.unlock()
        return try kept.get()
    }
}
