import Diagnostics
import Semver
import Values
import YAML

private let releaseType = "struct { Name string; Namespace string; Revision int; IsUpgrade bool \"yaml:\\\"upgrade\\\"\" }"
private let chartType = "struct { Version string; AppVersion string \"yaml:\\\"appVersion\\\"\" }"
private let capabilitiesType = "struct { MajorVersion string \"yaml:\\\"majorVersion\\\"\"; MinorVersion string \"yaml:\\\"minorVersion\\\"\"; APIVersions []string \"yaml:\\\"apiVersions\\\"\" }"
private let suiteSkipType = "struct { Reason string \"yaml:\\\"reason\\\"\"; MinimumVersion string \"yaml:\\\"minimumVersion\\\"\" }"
private let jobSkipType = "struct { Reason string \"yaml:\\\"reason\\\"\" }"

/// The fields of a suite while it is being decoded.
struct SuiteFields {
    var name = ""
    var values: [String] = []
    var set: [SetEntry] = []
    var templates: [String] = []
    var excludeTemplates: [String] = []
    var includeCrds = false
    var release = ReleaseSettings()
    var chart = ChartOverrides()
    var capabilities = SuiteCapabilities()
    var kubernetesProvider = KubernetesProvider()
    var postRenderer = PostRendererConfig()
    var snapshotId = ""
    var skip = SkipSettings()
    var tests: [TestJob] = []

    /// The keys of a suite and of a test, for "did you mean" notes.
    static let suiteFields = ["suite", "values", "set", "templates", "excludeTemplates", "includeCrds", "release", "chart",
                              "capabilities", "kubernetesProvider", "postRenderer", "snapshotId", "skip", "tests"]
    static let jobFields = ["it", "values", "set", "template", "templates", "documentIndex", "documentSelector", "release",
                            "chart", "capabilities", "asserts", "skip", "kubernetesProvider", "postRenderer"]

    static func decode(_ node: YAMLNode, _ d: inout NodeDecoder, pluginVersion: String) throws(LocatedError) -> SuiteFields {
        var f = SuiteFields()
        for (key, keyNode, value) in d.structPairs(node, goType: "unittest.TestSuite") ?? [] {
            switch key {
            case "suite": d.string(value, into: &f.name)
            case "values": d.strings(value, into: &f.values)
            case "set": try d.anyMap(value, into: &f.set)
            case "templates": d.strings(value, into: &f.templates)
            case "excludeTemplates": d.strings(value, into: &f.excludeTemplates)
            case "includeCrds": d.bool(value, into: &f.includeCrds)
            case "release": f.release = decodeRelease(value, &d, base: f.release)
            case "chart": f.chart = decodeChart(value, &d, base: f.chart)
            case "capabilities":
                for (k, kn, v) in d.structPairs(value, goType: capabilitiesType) ?? [] {
                    switch k {
                    case "majorVersion": d.string(v, into: &f.capabilities.majorVersion)
                    case "minorVersion": d.string(v, into: &f.capabilities.minorVersion)
                    case "apiVersions": d.strings(v, into: &f.capabilities.apiVersions)
                    default: d.unknownField(k, at: kn, goType: capabilitiesType)
                    }
                }
            case "kubernetesProvider": f.kubernetesProvider = try decodeProvider(value, &d)
            case "postRenderer": f.postRenderer = decodePostRenderer(value, &d)
            case "snapshotId": d.string(value, into: &f.snapshotId)
            case "skip":
                for (k, kn, v) in d.structPairs(value, goType: suiteSkipType) ?? [] {
                    switch k {
                    case "reason": d.string(v, into: &f.skip.reason)
                    case "minimumVersion": d.string(v, into: &f.skip.minimumVersion)
                    default: d.unknownField(k, at: kn, goType: suiteSkipType)
                    }
                }
            case "tests": f.tests = try decodeTests(value, &d)
            default: d.unknownField(key, at: keyNode, goType: "unittest.TestSuite", fields: suiteFields)
            }
        }
        if !f.skip.minimumVersion.isEmpty && !versionMeetsMinimum(pluginVersion, f.skip.minimumVersion) {
            f.skip.reason = "Test suite requires minimum unittest plugin version \(f.skip.minimumVersion), but current version is \(pluginVersion)"
        }
        return f
    }

    func suite(path: String, chartRoute: String, extraValues: [String]) -> TestSuite {
        TestSuite(name: name, valuesFiles: values + extraValues, set: set, templates: templates,
                  excludeTemplates: excludeTemplates, includeCrds: includeCrds, release: release, chart: chart,
                  capabilities: capabilities, kubernetesProvider: kubernetesProvider, postRenderer: postRenderer,
                  snapshotId: snapshotId, skip: skip, tests: tests, definitionFile: path, chartRoute: chartRoute)
    }

    static func decodeRelease(_ node: YAMLNode, _ d: inout NodeDecoder, base: ReleaseSettings) -> ReleaseSettings {
        var r = base
        for (k, kn, v) in d.structPairs(node, goType: releaseType) ?? [] {
            switch k {
            case "name": d.string(v, into: &r.name)
            case "namespace": d.string(v, into: &r.namespace)
            case "revision": d.int(v, into: &r.revision)
            case "upgrade": d.bool(v, into: &r.isUpgrade)
            default: d.unknownField(k, at: kn, goType: releaseType)
            }
        }
        return r
    }

    static func decodeChart(_ node: YAMLNode, _ d: inout NodeDecoder, base: ChartOverrides) -> ChartOverrides {
        var c = base
        for (k, kn, v) in d.structPairs(node, goType: chartType) ?? [] {
            switch k {
            case "version": d.string(v, into: &c.version)
            case "appVersion": d.string(v, into: &c.appVersion)
            default: d.unknownField(k, at: kn, goType: chartType)
            }
        }
        return c
    }

    static func decodePostRenderer(_ node: YAMLNode, _ d: inout NodeDecoder) -> PostRendererConfig {
        var p = PostRendererConfig()
        for (k, kn, v) in d.structPairs(node, goType: "unittest.PostRendererConfig") ?? [] {
            switch k {
            case "cmd": d.string(v, into: &p.command)
            case "args": d.strings(v, into: &p.arguments)
            default: d.unknownField(k, at: kn, goType: "unittest.PostRendererConfig")
            }
        }
        return p
    }

    static func decodeProvider(_ node: YAMLNode, _ d: inout NodeDecoder) throws(LocatedError) -> KubernetesProvider {
        var p = KubernetesProvider()
        for (k, kn, v) in d.structPairs(node, goType: "unittest.KubernetesFakeClientProvider") ?? [] {
            switch k {
            case "scheme":
                if NodeDecoder.isNull(v) { continue }
                guard case .mapping(let pairs) = v.content else {
                    d.typeError(v, into: "map[string]unittest.KubernetesFakeKindProps")
                    continue
                }
                guard d.checkUniqueKeys(pairs) else { continue }
                for pair in d.mergedPairs(pairs) {
                    var kind = KubernetesKind()
                    for (pk, pkn, pv) in d.structPairs(pair.value, goType: "unittest.KubernetesFakeKindProps") ?? [] {
                        switch pk {
                        case "namespaced": d.bool(pv, into: &kind.namespaced)
                        case "gvr":
                            for (gk, gkn, gv) in d.structPairs(pv, goType: "schema.GroupVersionResource") ?? [] {
                                switch gk {
                                case "group": d.string(gv, into: &kind.group)
                                case "version": d.string(gv, into: &kind.version)
                                case "resource": d.string(gv, into: &kind.resource)
                                default: d.unknownField(gk, at: gkn, goType: "schema.GroupVersionResource")
                                }
                            }
                        case "should_err":
                            if !NodeDecoder.isNull(pv) { d.typeError(pv, into: "error") }
                        default: d.unknownField(pk, at: pkn, goType: "unittest.KubernetesFakeKindProps")
                        }
                    }
                    p.scheme[pair.key.scalarText ?? ""] = kind
                }
            case "objects":
                if NodeDecoder.isNull(v) { continue }
                guard case .sequence(let items) = v.content else {
                    d.typeError(v, into: "[]map[string]interface {}")
                    continue
                }
                for item in items {
                    if NodeDecoder.isNull(item) { p.objects.append(.null); continue }
                    guard case .mapping = item.content else {
                        d.typeError(item, into: "map[string]interface {}")
                        continue
                    }
                    p.objects.append(try d.value(item))
                }
            default: d.unknownField(k, at: kn, goType: "unittest.KubernetesFakeClientProvider")
            }
        }
        return p
    }

    static func decodeTests(_ node: YAMLNode, _ d: inout NodeDecoder) throws(LocatedError) -> [TestJob] {
        if NodeDecoder.isNull(node) { return [] }
        guard case .sequence(let items) = node.content else {
            d.typeError(node, into: "[]*unittest.TestJob")
            return []
        }
        var jobs: [TestJob] = []
        for item in items where !NodeDecoder.isNull(item) {
            if let job = try decodeJob(item, &d) { jobs.append(job) }
        }
        return jobs
    }

    static func decodeJob(_ node: YAMLNode, _ d: inout NodeDecoder) throws(LocatedError) -> TestJob? {
        guard let pairs = d.structPairs(node, goType: "unittest.TestJob") else { return nil }
        var name = "", values: [String] = [], set: [SetEntry] = [], template = "", templates: [String] = []
        var documentIndex: Int?, selector: DocumentSelectorSpec?
        var release = ReleaseSettings(), chart = ChartOverrides(), capabilities = JobCapabilities()
        var asserts: [Assertion] = [], skipReason = ""
        var provider = KubernetesProvider(), postRenderer = PostRendererConfig()
        for (key, keyNode, value) in pairs {
            switch key {
            case "it": d.string(value, into: &name)
            case "values": d.strings(value, into: &values)
            case "set": try d.anyMap(value, into: &set)
            case "template": d.string(value, into: &template)
            case "templates": d.strings(value, into: &templates)
            case "documentIndex":
                if !NodeDecoder.isNull(value) {
                    var n = 0
                    let before = d.errors.count
                    d.int(value, into: &n)
                    if d.errors.count == before { documentIndex = n }
                }
            case "documentindices": checkDocumentIndices(value, &d)
            case "documentSelector": selector = try decodeSelector(value, &d)
            case "release": release = decodeRelease(value, &d, base: release)
            case "chart": chart = decodeChart(value, &d, base: chart)
            case "capabilities": capabilities = try decodeJobCapabilities(value, &d)
            case "asserts": asserts = try decodeAsserts(value, &d)
            case "skip":
                for (k, kn, v) in d.structPairs(value, goType: jobSkipType) ?? [] {
                    if k == "reason" { d.string(v, into: &skipReason) } else { d.unknownField(k, at: kn, goType: jobSkipType) }
                }
            case "kubernetesProvider": provider = try decodeProvider(value, &d)
            case "postRenderer": postRenderer = decodePostRenderer(value, &d)
            default: d.unknownField(key, at: keyNode, goType: "unittest.TestJob", fields: jobFields)
            }
        }
        return TestJob(name: name, valuesFiles: values, set: set, template: template, templates: templates,
                       documentIndex: documentIndex, documentSelector: selector, release: release, chart: chart,
                       capabilities: capabilities, asserts: asserts, skipReason: skipReason,
                       kubernetesProvider: provider, postRenderer: postRenderer, location: d.place(node))
    }

    /// `DocumentIndices map[string][]int`: helm-unittest fills it itself and
    /// ignores what a suite writes, but go-yaml still type-checks it.
    static func checkDocumentIndices(_ node: YAMLNode, _ d: inout NodeDecoder) {
        if NodeDecoder.isNull(node) { return }
        guard case .mapping(let pairs) = node.content else {
            d.typeError(node, into: "map[string][]int")
            return
        }
        guard d.checkUniqueKeys(pairs) else { return }
        for pair in d.mergedPairs(pairs) where !NodeDecoder.isNull(pair.value) {
            guard case .sequence(let items) = pair.value.content else {
                d.typeError(pair.value, into: "[]int")
                continue
            }
            var ignored = 0
            for item in items { d.int(item, into: &ignored) }
        }
    }

    static func decodeSelector(_ node: YAMLNode, _ d: inout NodeDecoder) throws(LocatedError) -> DocumentSelectorSpec? {
        guard let pairs = d.structPairs(node, goType: "valueutils.DocumentSelector") else { return nil }
        var s = DocumentSelectorSpec(path: "")
        for (k, kn, v) in pairs {
            switch k {
            case "path": d.string(v, into: &s.path)
            case "value": s.value = NodeDecoder.isNull(v) ? nil : try d.value(v)
            case "matchMany": d.bool(v, into: &s.matchMany)
            case "skipEmptyTemplates": d.bool(v, into: &s.skipEmptyTemplates)
            default: d.unknownField(k, at: kn, goType: "valueutils.DocumentSelector")
            }
        }
        return s
    }

    static func decodeJobCapabilities(_ node: YAMLNode, _ d: inout NodeDecoder) throws(LocatedError) -> JobCapabilities {
        if NodeDecoder.isNull(node) { return JobCapabilities() }
        guard case .mapping(let pairs) = node.content else {
            d.typeError(node, into: "unittest.CapabilitiesFields")
            return JobCapabilities()
        }
        guard d.checkUniqueKeys(pairs) else { return JobCapabilities() }
        var c = JobCapabilities()
        for pair in d.mergedPairs(pairs) {
            let value = try d.value(pair.value)
            switch pair.key.scalarText {
            case "majorVersion": c.majorVersion = capabilityString(value)
            case "minorVersion": c.minorVersion = capabilityString(value)
            case "apiVersions":
                switch value {
                case .list(let items, _): c.apiVersions = .list(items.compactMap(\.stringValue))
                default: c.apiVersions = .null
                }
            default: break
            }
        }
        return c
    }

    /// helm-unittest's `convertIToString`: strings and ints, anything else "".
    static func capabilityString(_ v: Value) -> String {
        switch v {
        case .string(let s): return s.text
        case .int(let n, let kind) where !kind.isUnsigned: return String(n)
        default: return ""
        }
    }
}

/// helm-unittest's `VersionMeetsMinimum`: Masterminds/semver's
/// `Compare(current, minimum) >= 0`; false when either does not parse.
func versionMeetsMinimum(_ current: String, _ minimum: String) -> Bool {
    guard let a = try? SemverVersion(parsing: current), let b = try? SemverVersion(parsing: minimum) else { return false }
    return a.compare(b) >= 0
}
