import ArgumentParser
import Diagnostics
import Foundation
import GoStd
import Helm
import Values

/// The output formats of `chartunit render`.
enum RenderOutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// What `helm template` prints.
    case text
    /// Every template the engine returns, path → text, as the oracle's `helm-render --json` prints it.
    case json
}

/// `chartunit render`: a drop-in for `helm template`.
struct RenderCommand: OutcomeCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a chart's templates like `helm template` (Helm v4.2.3).",
        discussion: """
            Prints what `helm template [NAME] CHART` prints. With --output json it prints every \
            template the engine returned (NOTES.txt and empty files included) as a JSON object; \
            the text-only flags (--include-crds, --show-only, --skip-tests, --no-hooks) and the \
            kubeVersion check do not apply to it.
            """
    )

    @Argument(help: ArgumentHelp("[NAME] CHART: an optional release name, then a chart directory or .tgz.",
                                 valueName: "args"))
    var arguments: [String] = []

    @Option(name: [.customShort("f"), .customLong("values")], parsing: .unconditionalSingleValue,
            help: "Values files, comma-separated or repeated.")
    var valueFiles: [String] = []
    @Option(name: .customLong("set"), parsing: .unconditionalSingleValue, help: "key=value pairs (typed).")
    var setValues: [String] = []
    @Option(name: .customLong("set-string"), parsing: .unconditionalSingleValue, help: "key=value pairs, strings.")
    var setStringValues: [String] = []
    @Option(name: .customLong("set-json"), parsing: .unconditionalSingleValue, help: "key=json pairs or a JSON object.")
    var setJSONValues: [String] = []
    @Option(name: .customLong("set-file"), parsing: .unconditionalSingleValue, help: "key=path pairs; the files' contents.")
    var setFileValues: [String] = []
    @Option(name: .customLong("set-literal"), parsing: .unconditionalSingleValue, help: "key=value, the value verbatim.")
    var setLiteralValues: [String] = []

    @Option(help: "Release name (default release-name).")
    var name: String?
    @Option(name: [.customShort("n"), .long], help: "Release namespace.")
    var namespace = "default"
    @Option(help: "Release revision.")
    var revision = 1
    @Flag(help: "Set .Release.IsUpgrade instead of .Release.IsInstall.")
    var isUpgrade = false
    @Option(help: "Kubernetes version for .Capabilities.KubeVersion.")
    var kubeVersion: String?
    @Option(name: [.customShort("a"), .customLong("api-versions")], parsing: .unconditionalSingleValue,
            help: "Extra API versions for .Capabilities.APIVersions (comma-separated or repeated).")
    var apiVersions: [String] = []
    @Flag(help: "Include the charts' crds/ files.")
    var includeCrds = false
    @Option(name: [.customShort("s"), .customLong("show-only")], parsing: .unconditionalSingleValue,
            help: "Only show manifests rendered from these templates (globs).")
    var showOnly: [String] = []
    @Flag(help: "Leave out test hooks.")
    var skipTests = false
    @Flag(help: "Leave out hooks.")
    var noHooks = false
    @Flag(help: "Do not validate values against values.schema.json.")
    var skipSchemaValidation = false
    @Option(help: "Helm dialect: 4 (helm template today) or 3 (Helm 3.20, as in helm-unittest).")
    var helmVersion = 4
    @Option(help: "text or json.")
    var output: RenderOutputFormat = .text
    @Option(name: .customLong("output-dir"), help: "Write the manifests to files in this folder instead of stdout.")
    var outputDirectory = ""
    @Flag(name: .customLong("release-name"), help: "With --output-dir, write into a folder named after the release.")
    var useReleaseName = false
    @Flag(help: "After an error, say where it was found (file:line:col, the calls that led there); without it, stderr is Helm's.")
    var locate = false

    func validate() throws {
        guard helmVersion == 3 || helmVersion == 4 else {
            throw ValidationError("--helm-version must be 3 or 4")
        }
        guard !arguments.isEmpty else { throw ValidationError("requires at least 1 arg(s), only received 0") }
    }

    func outcome(in context: ProcessContext) async -> CommandOutcome {
        execute()
    }

    /// Runs the command without printing, reading files through `readFile`.
    func execute(readFile: @escaping @Sendable (String) throws(LocatedError) -> [UInt8] = GoFile.read) -> CommandOutcome {
        do {
            return try render(readFile: readFile)
        } catch {
            return .failure(locate ? error.shown : error.message)
        }
    }

    private var helm: HelmVersion { helmVersion == 3 ? .v3 : .v4 }

    private func render(readFile: @escaping @Sendable (String) throws(LocatedError) -> [UInt8]) throws(LocatedError) -> CommandOutcome {
        var capabilities = CapabilitiesInfo.helmTemplateDefaults(helm)
        if let kubeVersion {
            do {
                capabilities.kubeVersion = try KubeVersionInfo.parseGeneric(kubeVersion)
            } catch {
                throw error.prefixed("invalid kube version '\(kubeVersion)': ")
            }
        }
        capabilities.apiVersions += apiVersions.flatMap(GoFlags.csvSplit)

        if arguments.count > 2 {
            throw LocatedError(.commandLine, "expected at most two arguments, unexpected arguments: "
                + arguments[2...].joined(separator: ", "))
        }
        let releaseName = arguments.count == 2 ? arguments[0] : (name ?? "release-name")
        let chartPath = try GoFile.locateChart(arguments[arguments.count - 1])
        let userValues = try mergedValues(readFile: readFile)
        let chart = try ChartLoader(helm: helm).load(path: chartPath)

        let release = ReleaseInfo(name: releaseName, namespace: namespace, revision: revision,
                                  isInstall: !isUpgrade, isUpgrade: isUpgrade)
        let options = RenderOptions(helm: helm, release: release, capabilities: capabilities,
                                    skipSchemaValidation: skipSchemaValidation)
        var action = TemplateAction(engine: HelmEngine(chart: chart, helm: helm), options: options)
        action.includeCRDs = includeCrds
        action.showOnly = showOnly
        action.skipTests = skipTests
        action.noHooks = noHooks
        action.outputDirectory = outputDirectory
        action.useReleaseName = useReleaseName
        switch output {
        case .text:
            let output = try action.renderTextAndLog(userValues: userValues)
            let stderr = output.log.map { $0 + "\n" }.joined()
            var wrote = ""
            for write in output.writes {
                do throws(GoError) {
                    try Self.perform(write)
                } catch {
                    return CommandOutcome(stdout: wrote, stderr: stderr + "Error: \(error.message)\n", exitCode: 1)
                }
                wrote += "wrote \(write.path)\n"
            }
            if let failure = output.failure {
                return CommandOutcome(stdout: wrote, stderr: stderr + "Error: \(locate ? failure.shown : failure.message)\n", exitCode: 1)
            }
            return CommandOutcome(stdout: wrote + output.text, stderr: stderr)
        case .json:
            return CommandOutcome(stdout: PythonJSON.dump(try action.renderFiles(userValues: userValues).mapValues(\.text)))
        }
    }

    /// One `--output-dir` write, its folders made first; the file is
    /// replaced atomically with its new content.
    private static func perform(_ write: TemplateAction.OutputWrite) throws(GoError) {
        try GoOS.mkdirAll(GoPath.dir(write.path))
        var content: [UInt8] = []
        switch write.mode {
        case .create: break
        case .append: content = try GoOS.readFile(write.path)
        case .appendIfExists: if GoOS.exists(write.path) { content = try GoOS.readFile(write.path) }
        }
        content += Array(write.text.utf8)
        try GoOS.writeFileAtomically(content, to: write.path)
    }

    /// Helm's `values.Options.MergeValues` with files read from disk (`-` is stdin).
    private func mergedValues(readFile: @escaping @Sendable (String) throws(LocatedError) -> [UInt8]) throws(LocatedError) -> GoMap {
        var values = UserValues()
        for path in valueFiles.flatMap(GoFlags.csvSplit) {
            values.files.append((name: path, data: try readFile(path)))
        }
        values.set = setValues
        values.setString = setStringValues
        values.setJSON = setJSONValues
        values.setFile = setFileValues
        values.setLiteral = setLiteralValues
        values.readFile = { path in .string(String(decoding: try readFile(path), as: UTF8.self)) }
        return try values.merged(helm: helm)
    }
}
