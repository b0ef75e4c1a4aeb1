import GoStd
import Values

/// `.Release`: what a template knows about the release.
public struct ReleaseInfo: Sendable, Hashable {
    public var name: String
    public var namespace: String
    public var revision: Int
    public var isInstall: Bool
    public var isUpgrade: Bool
    /// Always `Helm`.
    public var service = "Helm"

    public init(name: String, namespace: String, revision: Int, isInstall: Bool, isUpgrade: Bool) {
        self.name = name
        self.namespace = namespace
        self.revision = revision
        self.isInstall = isInstall
        self.isUpgrade = isUpgrade
    }

    /// The defaults of `helm template` (and the oracle) or of helm-unittest.
    public static func defaults(_ helm: HelmVersion) -> ReleaseInfo {
        switch helm {
        case .v4: return ReleaseInfo(name: "release-name", namespace: "default", revision: 1, isInstall: true, isUpgrade: false)
        case .v3: return ReleaseInfo(name: "RELEASE-NAME", namespace: "NAMESPACE", revision: 0, isInstall: true, isUpgrade: false)
        }
    }

    /// The map `ToRenderValues` builds (`Revision` is a Go `int`).
    public var value: GoMap {
        Self.shape.map([.string(name), .string(namespace), .bool(isUpgrade), .bool(isInstall), .int(revision), .string(service)])
    }

    private static let shape = GoMapShape(["Name", "Namespace", "IsUpgrade", "IsInstall", "Revision", "Service"])
}

/// `.Capabilities.KubeVersion`.
public struct KubeVersionInfo: Sendable, Hashable {
    /// The full version (`v1.36.0`); `.GitVersion` returns it too.
    public var version: String
    public var major: String
    public var minor: String
    /// What `String()` prints (the normalized version).
    public var normalized: String

    public init(version: String, major: String, minor: String, normalized: String? = nil) {
        self.version = version
        self.major = major
        self.minor = minor
        self.normalized = normalized ?? version
    }

    /// `v<major>.<minor>.0`.
    public init(major: Int, minor: Int) {
        self.init(version: "v\(major).\(minor).0", major: String(major), minor: String(minor))
    }

    /// Helm's `ParseKubeVersion` for plain `[v]X.Y[.Z]` versions (with a
    /// pre-release or build suffix kept in `version`); nil otherwise.
    public init?(parsing text: String) {
        var core = Substring(text)
        if core.hasPrefix("v") { core = core.dropFirst() }
        let end = core.firstIndex { $0 == "-" || $0 == "+" } ?? core.endIndex
        let parts = core[..<end].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3,
              let major = UInt(parts[0]), let minor = UInt(parts[1]) else { return nil }
        let patch = parts.count == 3 ? UInt(parts[2]) : 0
        guard let patch else { return nil }
        let gitVersion = text.hasPrefix("v") ? text : "v" + text
        self.init(version: gitVersion, major: String(major), minor: String(minor),
                  normalized: "v\(major).\(minor).\(patch)" + core[end...])
    }

    /// The JSON/map form (`Version`, `Major`, `Minor`).
    public var value: GoMap {
        GoMap(["Version": .string(version), "Major": .string(major), "Minor": .string(minor)] as [GoString: Value])
    }
}

/// `.Capabilities.HelmVersion` (Helm's `BuildInfo`).
public struct HelmBuildInfo: Sendable, Hashable {
    public var version: String
    public var gitCommit: String
    public var gitTreeState: String
    public var goVersion: String
    public var kubeClientVersion: String

    public init(version: String, gitCommit: String = "", gitTreeState: String = "", goVersion: String,
                kubeClientVersion: String) {
        self.version = version
        self.gitCommit = gitCommit
        self.gitTreeState = gitTreeState
        self.goVersion = goVersion
        self.kubeClientVersion = kubeClientVersion
    }

    /// encoding/json's form: `version`, `git_commit`/`git_tree_state` only
    /// when set, `go_version`, `kube_client_version`.
    public var value: GoMap {
        let map = GoMap(["version": .string(version), "go_version": .string(goVersion)] as [GoString: Value])
        if !gitCommit.isEmpty { map["git_commit"] = .string(gitCommit) }
        if !gitTreeState.isEmpty { map["git_tree_state"] = .string(gitTreeState) }
        if !kubeClientVersion.isEmpty { map["kube_client_version"] = .string(kubeClientVersion) }
        return map
    }
}

/// `.Capabilities`.
public struct CapabilitiesInfo: Sendable, Hashable {
    public var kubeVersion: KubeVersionInfo
    /// Group/versions in order (`Has` matches exactly).
    public var apiVersions: [String]
    public var helmVersion: HelmBuildInfo

    public init(kubeVersion: KubeVersionInfo, apiVersions: [String], helmVersion: HelmBuildInfo) {
        self.kubeVersion = kubeVersion
        self.apiVersions = apiVersions
        self.helmVersion = helmVersion
    }

    /// `APIVersions.Has`.
    public func has(_ apiVersion: String) -> Bool { apiVersions.contains(apiVersion) }

    /// Helm's built-in defaults. Helm 4.2.3: kube v1.36.0 and the 55
    /// group/versions of its client-go scheme; helm-unittest's Helm 3.20:
    /// kube v1.20.0 and no API versions unless a suite lists some.
    public static func defaults(_ helm: HelmVersion) -> CapabilitiesInfo {
        switch helm {
        case .v4:
            return CapabilitiesInfo(kubeVersion: KubeVersionInfo(major: 1, minor: 36), apiVersions: v4APIVersions,
                                    helmVersion: HelmBuildInfo(version: "v4.2", goVersion: "go1.26.6", kubeClientVersion: "v1.36"))
        case .v3:
            // helm-unittest 1.1.0's Helm library: no build flags, and Helm 3's
            // BuildInfo has no kube_client_version.
            return CapabilitiesInfo(kubeVersion: KubeVersionInfo(major: 1, minor: 20), apiVersions: [],
                                    helmVersion: HelmBuildInfo(version: "v3.20", goVersion: "go1.27.3", kubeClientVersion: ""))
        }
    }

    /// What the released `helm template` CLIs (3.20.2, 4.2.3) give a chart:
    /// their build info, the kube version of their client-go, and its
    /// scheme's group/versions.
    public static func helmTemplateDefaults(_ helm: HelmVersion) -> CapabilitiesInfo {
        switch helm {
        case .v4:
            return CapabilitiesInfo(kubeVersion: KubeVersionInfo(major: 1, minor: 36), apiVersions: v4APIVersions,
                                    helmVersion: HelmBuildInfo(version: "v4.2.3", gitCommit: "43e8b7feece8beb0fcba47059ec9b522fd929a64",
                                                               gitTreeState: "clean", goVersion: "go1.27.3", kubeClientVersion: "v1.36"))
        case .v3:
            return CapabilitiesInfo(kubeVersion: KubeVersionInfo(major: 1, minor: 35), apiVersions: v3APIVersions,
                                    helmVersion: HelmBuildInfo(version: "v3.20.2", gitCommit: "8fb76d6ab555577e98e23b7500009537a471feee",
                                                               gitTreeState: "clean", goVersion: "go1.27.3", kubeClientVersion: ""))
        }
    }

    /// Helm 3.20.2's list: Helm 4.2.3's with autoscaling v2beta1 and
    /// v2beta2 after v2, and scheduling v1alpha1 where Helm 4 has v1alpha2.
    public static let v3APIVersions: [String] = {
        var list = v4APIVersions
        if let at = list.firstIndex(of: "autoscaling/v2") {
            list.insert(contentsOf: ["autoscaling/v2beta1", "autoscaling/v2beta2"], at: at + 1)
        }
        if let at = list.firstIndex(of: "scheduling.k8s.io/v1alpha2") { list[at] = "scheduling.k8s.io/v1alpha1" }
        return list
    }()

    /// The JSON/map form (`KubeVersion`, `APIVersions`, `HelmVersion`).
    public var value: GoMap {
        GoMap(["KubeVersion": .map(kubeVersion.value), "APIVersions": .list(apiVersions.map(Value.string)),
               "HelmVersion": .map(helmVersion.value)])
    }

    /// `scheme.Scheme.PrioritizedVersionsAllGroups()` in Helm 4.2.3, with
    /// apiextensions v1beta1 and v1 registered last (checked with the oracle).
    public static let v4APIVersions: [String] = [
        "v1", "admissionregistration.k8s.io/v1", "admissionregistration.k8s.io/v1alpha1",
        "admissionregistration.k8s.io/v1beta1", "internal.apiserver.k8s.io/v1alpha1", "apps/v1", "apps/v1beta1",
        "apps/v1beta2", "authentication.k8s.io/v1", "authentication.k8s.io/v1alpha1", "authentication.k8s.io/v1beta1",
        "authorization.k8s.io/v1", "authorization.k8s.io/v1beta1", "autoscaling/v1", "autoscaling/v2", "batch/v1",
        "batch/v1beta1", "certificates.k8s.io/v1", "certificates.k8s.io/v1beta1", "certificates.k8s.io/v1alpha1",
        "coordination.k8s.io/v1alpha2", "coordination.k8s.io/v1beta1", "coordination.k8s.io/v1", "discovery.k8s.io/v1",
        "discovery.k8s.io/v1beta1", "events.k8s.io/v1", "events.k8s.io/v1beta1", "extensions/v1beta1",
        "flowcontrol.apiserver.k8s.io/v1", "flowcontrol.apiserver.k8s.io/v1beta1", "flowcontrol.apiserver.k8s.io/v1beta2",
        "flowcontrol.apiserver.k8s.io/v1beta3", "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "node.k8s.io/v1",
        "node.k8s.io/v1alpha1", "node.k8s.io/v1beta1", "policy/v1", "policy/v1beta1", "rbac.authorization.k8s.io/v1",
        "rbac.authorization.k8s.io/v1beta1", "rbac.authorization.k8s.io/v1alpha1", "resource.k8s.io/v1",
        "resource.k8s.io/v1beta2", "resource.k8s.io/v1beta1", "resource.k8s.io/v1alpha3", "scheduling.k8s.io/v1alpha2",
        "scheduling.k8s.io/v1beta1", "scheduling.k8s.io/v1", "storage.k8s.io/v1beta1", "storage.k8s.io/v1",
        "storage.k8s.io/v1alpha1", "storagemigration.k8s.io/v1beta1", "apiextensions.k8s.io/v1beta1",
        "apiextensions.k8s.io/v1",
    ]
}

// MARK: .Chart

extension ChartMetadata {
    /// Helm 4's `.Chart`: `structToMap(Metadata)` plus `IsRoot`. Keys are
    /// the Go field names; nil slices become empty lists; nil annotations
    /// stay nil (`toJson` prints `null`); dependencies and maintainers
    /// become maps of their fields.
    public func v4ChartValue(isRoot: Bool) -> GoMap {
        func strings(_ list: [String]?) -> Value { .list((list ?? []).map(Value.string)) }
        return Self.v4Shape.map([
            .string(name), .string(home), strings(sources), .string(version), .string(description), strings(keywords),
            .string(icon), .string(apiVersion), .string(condition), .string(tags), .string(appVersion), .bool(deprecated),
            .string(kubeVersion), .string(type), .bool(isRoot),
            .list((maintainers ?? []).map { m in
                m.map { .map(Self.maintainerShape.map([.string($0.name), .string($0.email), .string($0.url)])) } ?? .null
            }),
            annotations.map { .map(GoMap($0.mapValues(Value.string)), .strings) } ?? .null,
            .list((dependencies ?? []).map { d in d.map { .map($0.v4Value) } ?? .null }),
        ])
    }

    private static let v4Shape = GoMapShape([
        "Name", "Home", "Sources", "Version", "Description", "Keywords", "Icon", "APIVersion", "Condition", "Tags",
        "AppVersion", "Deprecated", "KubeVersion", "Type", "IsRoot", "Maintainers", "Annotations", "Dependencies",
    ])
    private static let maintainerShape = GoMapShape(["Name", "Email", "URL"])

    /// The names of the fields of Helm 3's `.Chart` struct (`Metadata`
    /// embedded, plus `IsRoot`): a field outside this list is an error
    /// (`can't evaluate field X`) in Helm 3 templates.
    public static let v3FieldNames: [String] = [
        "Name", "Home", "Sources", "Version", "Description", "Keywords", "Maintainers", "Icon", "APIVersion",
        "Condition", "Tags", "AppVersion", "Deprecated", "Annotations", "KubeVersion", "Dependencies", "Type", "IsRoot",
    ]
}

extension ChartDependency {
    /// The `structToMap` form of a dependency record.
    public var v4Value: GoMap {
        Self.v4Shape.map([
            .string(name), .string(version), .string(repository), .string(condition),
            .list((tags ?? []).map(Value.string)), .bool(enabled), .list(importValues ?? []), .string(alias),
        ])
    }

    private static let v4Shape = GoMapShape(["Name", "Version", "Repository", "Condition", "Tags", "Enabled", "ImportValues", "Alias"])
}
