import GoStd
import GoTemplate
import Values

/// `.Files`: Helm's `files` type (`map[string][]byte` with methods).
public struct FilesObject: GoMethodProvider, GoRangeable, GoJSONEncodable {
    public let data: ChartFilesData

    public init(_ data: ChartFilesData) {
        self.data = data
    }

    public var goTypeName: String { "engine.files" }
    public var goKind: String { "map" }
    public var isTruthy: Bool { !data.files.isEmpty }
    public var goFormatted: String {
        "map[" + data.sortedPaths.map { "\($0):\(GoBytes(data.files[$0] ?? []).goFormatted)" }.joined(separator: " ") + "]"
    }
    public var jsonValue: Value {
        .map(GoMap(data.files.mapValues { .string(GoBaseEncoding.base64Encode($0)) }))
    }
    public var rangeEntries: [(key: Value?, value: Value)] {
        data.sortedPaths.map { (.string($0), .object(GoBytes(data.files[$0] ?? []))) }
    }

    /// A map key: the file's bytes, or an empty byte slice.
    public func member(_ name: String) -> Value? { .object(GoBytes(data.files[GoString(name)] ?? [])) }

    public func method(_ name: String) -> TemplateFunction? {
        let data = self.data
        switch name {
        case "Get":
            return TemplateFunction([.string], returns: .string) { args, _ in .string(data.get(args[0].goStringValue ?? .empty)) }
        case "GetBytes":
            return TemplateFunction([.string], returns: .named("[]uint8")) { args, _ in
                .object(GoBytes(data.getBytes(args[0].goStringValue ?? .empty)))
            }
        case "Glob":
            return TemplateFunction([.string], returns: .named("engine.files")) { args, _ in
                .object(FilesObject(data.glob(args[0].stringValue ?? "")))
            }
        case "Lines":
            return TemplateFunction([.string], returns: .stringList) { args, _ in
                switch data.lines(args[0].goStringValue ?? .empty) {
                case .success(let lines): return .list(lines.map(Value.string), .strings)
                case .failure(let error): throw GoError(error.description)
                }
            }
        case "AsConfig":
            return TemplateFunction([], returns: .string) { _, _ in .string(data.asConfig()) }
        case "AsSecrets":
            return TemplateFunction([], returns: .string) { _, _ in .string(data.asSecrets()) }
        default:
            return nil
        }
    }
}

/// `.Capabilities`: a pointer to Helm's `Capabilities` struct.
public struct CapabilitiesObject: GoObject, GoJSONEncodable {
    public let info: CapabilitiesInfo
    let package: String

    public init(_ info: CapabilitiesInfo, helm: HelmVersion) {
        self.info = info
        self.package = helm == .v4 ? "common" : "chartutil"
    }

    public var goTypeName: String { "*\(package).Capabilities" }
    public var goFormatted: String {
        let kube = info.kubeVersion
        let kubeText = package == "common"
            ? "{\(kube.version) \(kube.normalized) \(kube.major) \(kube.minor)}"
            : "{\(kube.version) \(kube.major) \(kube.minor)}"
        return "{\(kubeText) [\(info.apiVersions.joined(separator: " "))] \(BuildInfoObject(info.helmVersion).goFormatted)}"
    }
    public var jsonValue: Value {
        .object(OrderedJSONObject(fields: [
            ("KubeVersion", KubeVersionObject(info.kubeVersion, package: package).jsonValue),
            ("APIVersions", .list(info.apiVersions.map(Value.string))),
            ("HelmVersion", BuildInfoObject(info.helmVersion).jsonValue),
        ]))
    }

    public func member(_ name: String) -> Value? {
        switch name {
        case "KubeVersion": return .object(KubeVersionObject(info.kubeVersion, package: package))
        case "APIVersions": return .object(VersionSetObject(versions: info.apiVersions, package: package))
        case "HelmVersion": return .object(BuildInfoObject(info.helmVersion))
        default: return nil
        }
    }
}

/// `.Capabilities.KubeVersion`.
public struct KubeVersionObject: GoMethodProvider, GoJSONEncodable {
    let info: KubeVersionInfo
    let package: String

    init(_ info: KubeVersionInfo, package: String) {
        self.info = info
        self.package = package
    }

    public var goTypeName: String { "\(package).KubeVersion" }
    public var goFormatted: String { info.version }
    public var jsonValue: Value {
        .object(OrderedJSONObject(fields: [
            ("Version", .string(info.version)), ("Major", .string(info.major)), ("Minor", .string(info.minor)),
        ]))
    }

    public func member(_ name: String) -> Value? {
        switch name {
        case "Version": return .string(info.version)
        case "Major": return .string(info.major)
        case "Minor": return .string(info.minor)
        default: return nil
        }
    }

    public func method(_ name: String) -> TemplateFunction? {
        guard name == "GitVersion" || name == "String" else { return nil }
        let version = info.version
        return TemplateFunction([], returns: .string) { _, _ in .string(version) }
    }
}

/// `.Capabilities.APIVersions`: a `VersionSet` (`[]string` with `Has`).
public struct VersionSetObject: GoMethodProvider, GoRangeable, GoJSONEncodable {
    let versions: [String]
    let package: String

    public var goTypeName: String { "\(package).VersionSet" }
    public var goKind: String { "slice" }
    public var isTruthy: Bool { !versions.isEmpty }
    public var goFormatted: String { "[" + versions.joined(separator: " ") + "]" }
    /// A slice of strings to `fmt` and to Sprig's list functions (`has`,
    /// `first`, `join` …), which take any slice kind.
    public var goFmtForm: GoFmtForm { .slice(elementType: "string", versions.map(Value.string)) }
    public var jsonValue: Value { .list(versions.map(Value.string)) }
    public var rangeEntries: [(key: Value?, value: Value)] { versions.map { (nil, .string($0)) } }

    public func method(_ name: String) -> TemplateFunction? {
        guard name == "Has" else { return nil }
        let versions = self.versions
        return TemplateFunction([.string], returns: .bool) { args, _ in .bool(versions.contains(args[0].stringValue ?? "")) }
    }
}

/// `.Capabilities.HelmVersion`: Helm's `version.BuildInfo`.
public struct BuildInfoObject: GoObject, GoJSONEncodable {
    let info: HelmBuildInfo

    init(_ info: HelmBuildInfo) {
        self.info = info
    }

    public var goTypeName: String { "version.BuildInfo" }
    public var goFormatted: String {
        "{\(info.version) \(info.gitCommit) \(info.gitTreeState) \(info.goVersion) \(info.kubeClientVersion)}"
    }
    public var jsonValue: Value {
        var fields: [(String, Value)] = [("version", .string(info.version))]
        if !info.gitCommit.isEmpty { fields.append(("git_commit", .string(info.gitCommit))) }
        if !info.gitTreeState.isEmpty { fields.append(("git_tree_state", .string(info.gitTreeState))) }
        fields.append(("go_version", .string(info.goVersion)))
        if !info.kubeClientVersion.isEmpty { fields.append(("kube_client_version", .string(info.kubeClientVersion))) }
        return .object(OrderedJSONObject(fields: fields))
    }

    public func member(_ name: String) -> Value? {
        switch name {
        case "Version": return .string(info.version)
        case "GitCommit": return .string(info.gitCommit)
        case "GitTreeState": return .string(info.gitTreeState)
        case "GoVersion": return .string(info.goVersion)
        case "KubeClientVersion": return .string(info.kubeClientVersion)
        default: return nil
        }
    }
}

/// Helm 3's `.Chart`: the struct `{chart.Metadata; IsRoot bool}`, where a
/// field that does not exist is an execution error, not an empty value.
public struct ChartStructObject: GoObject, GoJSONEncodable {
    let fields: GoMap

    public init(metadata: ChartMetadata, isRoot: Bool) {
        self.fields = metadata.v4ChartValue(isRoot: isRoot)
    }

    public var goTypeName: String { "struct { chart.Metadata; IsRoot bool }" }
    public var goFormatted: String {
        let names = ChartMetadata.v3FieldNames.filter { $0 != "IsRoot" }
        let inner = names.map { GoFmt.format(fields[$0] ?? .null) }.joined(separator: " ")
        return "{{\(inner)} \(GoFmt.format(fields["IsRoot"] ?? .bool(false)))}"
    }
    public var jsonValue: Value { .map(fields) }

    public func member(_ name: String) -> Value? {
        ChartMetadata.v3FieldNames.contains(name) ? (fields[name] ?? .null) : nil
    }

    /// The fields, whose maps (`Annotations`) templates can change.
    public func forEachHeldValue(_ body: (Value) -> Void) { body(.map(fields)) }
}
