import Diagnostics
import Values

/// One test suite: one YAML document of a `*_test.yaml` file, decoded once
/// and never changed afterwards. Field names follow helm-unittest's YAML keys.
public struct TestSuite: Sendable {
    /// `suite:` — the display name.
    public let name: String
    /// `values:` — values files, relative to the suite file's directory,
    /// followed by the CLI `-v` files (already absolute).
    public let valuesFiles: [String]
    /// `set:` — path → value, in source order.
    public let set: [SetEntry]
    /// `templates:` — which templates to render and, by default, assert on.
    public let templates: [String]
    /// `excludeTemplates:` — templates never rendered.
    public let excludeTemplates: [String]
    /// `includeCrds:` — add the chart's `crds/` files as documents.
    public let includeCrds: Bool
    public let release: ReleaseSettings
    public let chart: ChartOverrides
    public let capabilities: SuiteCapabilities
    public let kubernetesProvider: KubernetesProvider
    public let postRenderer: PostRendererConfig
    /// `snapshotId:` — appended to the snapshot file name of rendered suites.
    public let snapshotId: String
    public let skip: SkipSettings
    public let tests: [TestJob]
    /// The suite file, as given to the parser.
    public let definitionFile: String
    /// Which chart of the dependency tree the suite tests: `parent` or `parent/charts/child`.
    public let chartRoute: String

    public init(name: String = "", valuesFiles: [String] = [], set: [SetEntry] = [], templates: [String] = [],
                excludeTemplates: [String] = [], includeCrds: Bool = false, release: ReleaseSettings = ReleaseSettings(),
                chart: ChartOverrides = ChartOverrides(), capabilities: SuiteCapabilities = SuiteCapabilities(),
                kubernetesProvider: KubernetesProvider = KubernetesProvider(),
                postRenderer: PostRendererConfig = PostRendererConfig(), snapshotId: String = "",
                skip: SkipSettings = SkipSettings(), tests: [TestJob] = [], definitionFile: String = "", chartRoute: String = "") {
        self.name = name
        self.valuesFiles = valuesFiles
        self.set = set
        self.templates = templates
        self.excludeTemplates = excludeTemplates
        self.includeCrds = includeCrds
        self.release = release
        self.chart = chart
        self.capabilities = capabilities
        self.kubernetesProvider = kubernetesProvider
        self.postRenderer = postRenderer
        self.snapshotId = snapshotId
        self.skip = skip
        self.tests = tests
        self.definitionFile = definitionFile
        self.chartRoute = chartRoute
    }
}

/// One test (`it:`) of a suite, as written.
public struct TestJob: Sendable {
    /// `it:`
    public let name: String
    /// `values:` files of the test (relative to the suite file's directory).
    public let valuesFiles: [String]
    public let set: [SetEntry]
    /// `template:`
    public let template: String
    /// `templates:`
    public let templates: [String]
    /// `documentIndex:` — overrides every assertion's own index.
    public let documentIndex: Int?
    /// `documentSelector:` — the fallback for assertions without their own.
    public let documentSelector: DocumentSelectorSpec?
    public let release: ReleaseSettings
    public let chart: ChartOverrides
    public let capabilities: JobCapabilities
    public let asserts: [Assertion]
    /// `skip.reason:`
    public let skipReason: String
    public let kubernetesProvider: KubernetesProvider
    public let postRenderer: PostRendererConfig
    /// Where the test's entry (`- it: …`) starts in its suite file.
    public let location: SourceLocation?

    public init(name: String = "", valuesFiles: [String] = [], set: [SetEntry] = [], template: String = "",
                templates: [String] = [], documentIndex: Int? = nil, documentSelector: DocumentSelectorSpec? = nil,
                release: ReleaseSettings = ReleaseSettings(), chart: ChartOverrides = ChartOverrides(),
                capabilities: JobCapabilities = JobCapabilities(), asserts: [Assertion] = [], skipReason: String = "",
                kubernetesProvider: KubernetesProvider = KubernetesProvider(),
                postRenderer: PostRendererConfig = PostRendererConfig(), location: SourceLocation? = nil) {
        self.name = name
        self.valuesFiles = valuesFiles
        self.set = set
        self.template = template
        self.templates = templates
        self.documentIndex = documentIndex
        self.documentSelector = documentSelector
        self.release = release
        self.chart = chart
        self.capabilities = capabilities
        self.asserts = asserts
        self.skipReason = skipReason
        self.kubernetesProvider = kubernetesProvider
        self.postRenderer = postRenderer
        self.location = location
    }
}

/// One `set:` entry: a helm-unittest set path and its (yaml.v3-typed) value.
public struct SetEntry: Sendable {
    public let path: String
    public let value: Value

    public init(path: String, value: Value) {
        self.path = path
        self.value = value
    }
}

/// `release:` — zero values mean "not set" (Go's `cmp.Or`).
public struct ReleaseSettings: Sendable, Hashable {
    public var name: String
    public var namespace: String
    public var revision: Int
    /// `upgrade:`
    public var isUpgrade: Bool

    public init(name: String = "", namespace: String = "", revision: Int = 0, isUpgrade: Bool = false) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.isUpgrade = isUpgrade
    }
}

/// `chart:` — overrides of the chart's (and all its dependencies') metadata.
public struct ChartOverrides: Sendable, Hashable {
    public var version: String
    public var appVersion: String

    public init(version: String = "", appVersion: String = "") {
        self.version = version
        self.appVersion = appVersion
    }
}

/// Suite-level `capabilities:`.
public struct SuiteCapabilities: Sendable, Hashable {
    public var majorVersion: String
    public var minorVersion: String
    public var apiVersions: [String]

    public init(majorVersion: String = "", minorVersion: String = "", apiVersions: [String] = []) {
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.apiVersions = apiVersions
    }
}

/// Test-level `capabilities:`, read from a free-form map as helm-unittest does.
public struct JobCapabilities: Sendable, Hashable {
    /// How the test spelled `apiVersions`.
    public enum APIVersions: Sendable, Hashable {
        /// The key is absent: the suite's list applies.
        case absent
        /// `apiVersions:` with no value: no API versions at all.
        case null
        /// A list (possibly empty): the test's strings followed by the suite's list.
        case list([String])
    }

    public var majorVersion: String
    public var minorVersion: String
    public var apiVersions: APIVersions

    public init(majorVersion: String = "", minorVersion: String = "", apiVersions: APIVersions = .absent) {
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.apiVersions = apiVersions
    }
}

/// `kubernetesProvider:` — fake cluster objects for `lookup`.
public struct KubernetesProvider: Sendable {
    /// `scheme:` — `apiVersion/Kind` → resource description.
    public var scheme: [String: KubernetesKind]
    /// `objects:` — the objects `lookup` can find.
    public var objects: [Value]

    public init(scheme: [String: KubernetesKind] = [:], objects: [Value] = []) {
        self.scheme = scheme
        self.objects = objects
    }
}

/// One entry of `kubernetesProvider.scheme`: `gvr` (group, version, resource) and `namespaced`.
public struct KubernetesKind: Sendable, Hashable {
    public var group: String
    public var version: String
    public var resource: String
    public var namespaced: Bool

    public init(group: String = "", version: String = "", resource: String = "", namespaced: Bool = false) {
        self.group = group
        self.version = version
        self.resource = resource
        self.namespaced = namespaced
    }
}

/// `postRenderer:` — a command fed the rendered manifests.
public struct PostRendererConfig: Sendable, Hashable {
    public var command: String
    public var arguments: [String]

    public init(command: String = "", arguments: [String] = []) {
        self.command = command
        self.arguments = arguments
    }
}

/// Suite-level `skip:`.
public struct SkipSettings: Sendable, Hashable {
    public var reason: String
    public var minimumVersion: String

    public init(reason: String = "", minimumVersion: String = "") {
        self.reason = reason
        self.minimumVersion = minimumVersion
    }
}

/// `documentSelector:` — picks documents by a path and an optional value.
public struct DocumentSelectorSpec: Sendable {
    public var path: String
    /// The value to match; nil when omitted (any document where the path exists).
    public var value: Value?
    public var matchMany: Bool
    public var skipEmptyTemplates: Bool

    public init(path: String, value: Value? = nil, matchMany: Bool = false, skipEmptyTemplates: Bool = false) {
        self.path = path
        self.value = value
        self.matchMany = matchMany
        self.skipEmptyTemplates = skipEmptyTemplates
    }
}

/// One entry of `asserts:`.
public struct Assertion: Sendable {
    /// The assertion key as written (`equal`, `isNull`…).
    public let type: String
    /// `not: true`
    public let not: Bool
    /// `template:`
    public let template: String
    /// `documentIndex:` — only an integer counts; otherwise -1.
    public let documentIndex: Int
    public let documentSelector: DocumentSelectorSpec?
    /// The validator and its parameters.
    public let check: Check
    /// The registry entry of `type`.
    public let kind: AssertionKind
    /// Where the assertion's entry starts in its suite file.
    public let location: SourceLocation?

    public init(type: String, not: Bool = false, template: String = "", documentIndex: Int = -1,
                documentSelector: DocumentSelectorSpec? = nil, check: Check, kind: AssertionKind,
                location: SourceLocation? = nil) {
        self.location = location
        self.type = type
        self.not = not
        self.template = template
        self.documentIndex = documentIndex
        self.documentSelector = documentSelector
        self.check = check
        self.kind = kind
    }
}
