import Diagnostics
import GoStd
import Values

/// What `helm template` does with a loaded chart and merged user values
/// (pkg/cmd/template.go, `Install.RunWithContext` on the client-only path,
/// `Configuration.renderResources`, `releaseutil.SortManifests`).
///
/// Errors are `LocatedError`s worded as `helm template` prints them after
/// `Error: `, including the `Use --debug flag …` hint where Helm adds it.
public struct TemplateAction: Sendable {
    public var engine: HelmEngine
    public var options: RenderOptions
    /// `--include-crds`: the charts' `crds/` files before the manifests.
    public var includeCRDs = false
    /// `--show-only`: path globs (relative to the chart, `templates/x.yaml`).
    public var showOnly: [String] = []
    /// `--skip-tests`: leave out test hooks.
    public var skipTests = false
    /// `--no-hooks`: leave out every hook.
    public var noHooks = false
    /// `--output-dir`: the files go there instead of stdout.
    public var outputDirectory = ""
    /// `--release-name`: under the output directory, in a folder named after the release.
    public var useReleaseName = false

    public init(engine: HelmEngine, options: RenderOptions) {
        self.engine = engine
        self.options = options
    }

    private static let debugHint = "\n\nUse --debug flag to render out invalid YAML"

    /// Values layering and schema validation (`ToRenderValuesWithSchemaValidation`;
    /// `options.skipSchemaValidation` is `--skip-schema-validation`).
    public func prepare(userValues: GoMap) throws(LocatedError) -> ProcessedChart {
        var ignored: [ValuesWarning] = []
        return try prepare(userValues: userValues, warnings: &ignored)
    }

    /// As ``prepare(userValues:)``, appending what Helm logs while it layers values.
    public func prepare(userValues: GoMap, warnings: inout [ValuesWarning]) throws(LocatedError) -> ProcessedChart {
        try engine.prepare(userValues: userValues, validatingSchema: !options.skipSchemaValidation, warnings: &warnings)
    }

    /// The engine's output for every template (NOTES.txt and empty files
    /// included): what `chartunit render --output json` prints.
    public func renderFiles(userValues: GoMap) throws(LocatedError) -> [String: GoString] {
        let processed = try prepare(userValues: userValues)
        return try engine.render(processed, options: options)
    }

    /// What `helm template` prints on stdout, and the log lines its
    /// logger writes to stderr on the way (`level=WARN msg=…`).
    public struct TextOutput: Sendable, Hashable {
        public var text: String
        public var log: [String]
        /// With `--output-dir`: the writes Helm makes, in order (each one
        /// prints `wrote PATH` on stdout before `text`).
        public var writes: [OutputWrite] = []
        /// An error Helm reports after making the writes (`--show-only`
        /// with `--output-dir` finds nothing on stdout to show).
        public var failure: LocatedError?
    }

    /// One `writeToFile` of `helm template --output-dir`: `---\n# Source:
    /// NAME\n` and the text, creating the file (and its folders) or
    /// appending to it.
    public struct OutputWrite: Sendable, Hashable {
        public enum Mode: Sendable, Hashable {
            /// The file's first write in this run: created anew.
            case create
            /// A later write to the same file.
            case append
            /// A hook's first write: appended when the file is already on
            /// disk (from an earlier run too), as Helm stats it.
            case appendIfExists
        }
        /// `outputDir + "/" + name`, as Helm joins them.
        public var path: String
        public var text: String
        public var mode: Mode
    }

    /// The text `helm template` prints on stdout.
    public func renderText(userValues: GoMap) throws(LocatedError) -> String {
        let output = try renderTextAndLog(userValues: userValues)
        if output.writes.isEmpty, let failure = output.failure { throw failure }
        return output.text
    }

    /// The text `helm template` prints on stdout, with its log lines. An
    /// error after Helm logged something comes back as `failure`, after
    /// the `log` Helm prints before it; otherwise it is thrown.
    public func renderTextAndLog(userValues: GoMap) throws(LocatedError) -> TextOutput {
        var log: [String] = []
        do {
            return try renderTextAndLog(userValues: userValues, log: &log)
        } catch {
            if log.isEmpty { throw error }
            return TextOutput(text: "", log: log, failure: error)
        }
    }

    private func renderTextAndLog(userValues: GoMap, log: inout [String]) throws(LocatedError) -> TextOutput {
        let chart = engine.chart
        let type = chart.metadata.type
        if !type.isEmpty && type != "application" {
            throw LocatedError(.helmTemplate, "\(type) charts are not installable")
        }
        if chart.metadata.deprecated {
            log.append(engine.helm == .v3 ? "WARNING: This chart is deprecated" : #"level=WARN msg="this chart is deprecated""#)
        }
        try Self.checkDependencies(chart, helm: engine.helm)
        if let problem = Self.releaseNameProblem(options.release.name) {
            throw LocatedError(.helmTemplate, "release name check failed: release name \(GoQuote.quote(options.release.name)): " + problem)
        }
        // Helm logs while it layers values, up to an error if one stops it.
        var warnings: [ValuesWarning] = []
        let processed: ProcessedChart
        do {
            defer { log += warnings.map { $0.logLine(engine.helm == .v3 ? .helm3CLI : .helm4CLI) } }
            processed = try prepare(userValues: userValues, warnings: &warnings)
        }

        let constraint = chart.metadata.kubeVersion
        let kube = options.capabilities.kubeVersion
        if !constraint.isEmpty && !kube.satisfies(constraint) {
            throw LocatedError(.helmTemplate, "chart requires kubeVersion: \(constraint) which is incompatible with Kubernetes "
                + kube.version + Self.debugHint)
        }
        var files: [String: GoString]
        do {
            files = try engine.render(processed, options: options)
        } catch {
            var located = error
            located.message += Self.debugHint
            throw located
        }
        for key in files.keys where key.hasSuffix("NOTES.txt") { files[key] = nil }

        let sorted: (hooks: [ReleaseHook], manifests: [ReleaseManifest])
        do {
            sorted = try ManifestSorter.sort(files, helm: engine.helm, log: &log)
        } catch {
            var located = error
            located.message += Self.debugHint
            throw located
        }

        var body = ""
        var writes: [OutputWrite] = []
        var written = Set<String>()
        // `writeToFile`: the first write of a name creates its file, later ones append.
        func write(_ directory: String, _ name: String, _ text: String, first: OutputWrite.Mode = .create) {
            writes.append(OutputWrite(path: directory + "/" + name, text: "---\n# Source: \(name)\n\(text)\n",
                                      mode: written.contains(name) ? .append : first))
            written.insert(name)
        }
        let directory = useReleaseName ? GoPath.join(outputDirectory, options.release.name) : outputDirectory
        if includeCRDs {
            for sub in processed.allCharts {
                for file in sub.chart.files where Self.isCRD(file.name) {
                    let name = "\(sub.path)/\(file.name)"
                    if outputDirectory.isEmpty {
                        body += "---\n# Source: \(name)\n\(file.text)\n"
                    } else {
                        write(outputDirectory, name, file.text)
                    }
                }
            }
        }
        for manifest in sorted.manifests {
            if outputDirectory.isEmpty {
                body += "---\n# Source: \(manifest.name)\n\(manifest.content)\n"
            } else {
                write(directory, manifest.name, manifest.content)
            }
        }
        var out = GoStrings.trimSpace(body) + "\n"
        if !noHooks {
            // template.go keeps its own record of the files hooks wrote.
            written = []
            for hook in sorted.hooks where !(skipTests && hook.isTest) {
                if outputDirectory.isEmpty {
                    out += "---\n# Source: \(hook.path)\n\(hook.manifest)\n"
                } else {
                    write(directory, hook.path, hook.manifest, first: .appendIfExists)
                }
            }
        }
        guard !showOnly.isEmpty else { return TextOutput(text: out, log: log, writes: writes) }
        do {
            return TextOutput(text: try Self.filter(out, showOnly: showOnly, helm: engine.helm), log: log, writes: writes)
        } catch {
            guard !writes.isEmpty else { throw error }
            return TextOutput(text: "", log: log, writes: writes, failure: error)
        }
    }

    /// `--show-only`: the documents whose `# Source:` path (without the
    /// chart name) matches one of the globs, in the order of the globs.
    static func filter(_ stream: String, showOnly: [String], helm: HelmVersion) throws(LocatedError) -> String {
        let documents = ReleaseManifests.split(stream, helm: helm)
        var selected: [String] = []
        for pattern in showOnly {
            var missing = true
            for document in documents {
                guard let path = sourcePath(document), case .success(true) = GoPathMatch.match(pattern, path) else { continue }
                selected.append(document)
                missing = false
            }
            if missing { throw LocatedError(.helmTemplate, "could not find template \(pattern) in chart") }
        }
        return selected.map { "---\n\($0)\n" }.joined()
    }

    /// The first match of `# Source: [^/]+/(.+)` in `document`.
    static func sourcePath(_ document: String) -> String? {
        let bytes = Array(document.utf8)
        let marker = Array("# Source: ".utf8)
        var start = 0
        while start + marker.count <= bytes.count {
            defer { start += 1 }
            guard bytes[start..<(start + marker.count)].elementsEqual(marker) else { continue }
            var i = start + marker.count
            let nameStart = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "/") { i += 1 }
            guard i > nameStart, i < bytes.count else { continue }
            let pathStart = i + 1
            var end = pathStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            guard end > pathStart else { continue }
            return String(decoding: bytes[pathStart..<end], as: UTF8.self)
        }
        return nil
    }

    /// `chartutil.ValidateReleaseName`: nil for a valid name, else why not.
    static func releaseNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "no name provided" }
        func isAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        let labels = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let valid = name.utf8.count <= 53 && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last, isAlnum(first), isAlnum(last) else { return false }
            return label.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
        }
        if valid { return nil }
        return "invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ "
            + "and the length must not be longer than 53"
    }

    /// `hasManifestExtension` for files under `crds/`.
    static func isCRD(_ name: String) -> Bool {
        guard name.hasPrefix("crds/") else { return false }
        let ext = GoPath.ext(name).lowercased()
        return ext == ".yaml" || ext == ".yml" || ext == ".json"
    }

    /// `action.CheckDependencies`: every dependency Chart.yaml declares
    /// must be present under `charts/`; the install command's wrapping text
    /// differs between Helm 3 and Helm 4.
    static func checkDependencies(_ chart: Chart, helm: HelmVersion) throws(LocatedError) {
        let declared = (chart.metadata.dependencies ?? []).compactMap { $0 }
        guard !declared.isEmpty else { return }
        let present = Set(chart.dependencies.map(\.name))
        let missing = declared.map(\.name).filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        let wrap = helm == .v3
            ? "An error occurred while checking for chart dependencies. You may need to run `helm dependency build` "
            : "an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' "
        throw LocatedError(.helmTemplate, wrap + "to fetch missing dependencies: found in Chart.yaml, but missing in charts/ "
            + "directory: " + missing.joined(separator: ", "))
    }
}
