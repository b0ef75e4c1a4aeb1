import Diagnostics
import GoStd
import Values

/// A chart maintainer (`Maintainer` in pkg/chart/v2/metadata.go).
public struct ChartMaintainer: Sendable, Hashable {
    public var name = ""
    public var email = ""
    public var url = ""

    public init(name: String = "", email: String = "", url: String = "") {
        self.name = name
        self.email = email
        self.url = url
    }
}

/// A dependency of a chart (`Dependency` in pkg/chart/v2/dependency.go).
public struct ChartDependency: Sendable {
    public var name = ""
    /// A version or a semver range.
    public var version = ""
    public var repository = ""
    /// Comma-separated values paths that resolve to bools.
    public var condition = ""
    public var tags: [String]?
    /// Set by dependency processing: whether the chart is rendered.
    public var enabled = false
    /// Each item is a string (`data`) or a map (`{child:, parent:}`); after
    /// processing, maps of strings `child`/`parent`.
    public var importValues: [Value]?
    public var alias = ""

    public init(name: String = "", version: String = "", repository: String = "") {
        self.name = name
        self.version = version
        self.repository = repository
    }
}

/// The Chart.yaml model (`Metadata` in pkg/chart/v2/metadata.go). Optional
/// lists and maps are nil when Chart.yaml leaves them out, as Go's nil
/// slices are; a list item written as `null` is a nil element.
///
/// The fields live in one shared, copy-on-write box: charts are copied on
/// every render (dependency processing, the processed tree, contexts), and
/// a copy is then one reference instead of seventeen.
public struct ChartMetadata: Sendable {
    private final class Fields: @unchecked Sendable {
        var name: String = ""
        var home: String = ""
        var sources: [String]? = nil
        var version: String = ""
        var description: String = ""
        var keywords: [String]? = nil
        var maintainers: [ChartMaintainer?]? = nil
        var icon: String = ""
        var apiVersion: String = ""
        var condition: String = ""
        var tags: String = ""
        var appVersion: String = ""
        var deprecated: Bool = false
        var annotations: [String: String]? = nil
        var kubeVersion: String = ""
        var dependencies: [ChartDependency?]? = nil
        var type: String = ""

        init() {}

        init(copying other: Fields) {
            name = other.name
            home = other.home
            sources = other.sources
            version = other.version
            description = other.description
            keywords = other.keywords
            maintainers = other.maintainers
            icon = other.icon
            apiVersion = other.apiVersion
            condition = other.condition
            tags = other.tags
            appVersion = other.appVersion
            deprecated = other.deprecated
            annotations = other.annotations
            kubeVersion = other.kubeVersion
            dependencies = other.dependencies
            type = other.type
        }
    }

    private var fields = Fields()

    /// The box, copied first if another metadata value shares it.
    private mutating func uniqueFields() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = Fields(copying: fields) }
        return fields
    }

    public init() {}

    public var name: String { get { fields.name } _modify { yield &uniqueFields().name } }
    public var home: String { get { fields.home } _modify { yield &uniqueFields().home } }
    public var sources: [String]? { get { fields.sources } _modify { yield &uniqueFields().sources } }
    public var version: String { get { fields.version } _modify { yield &uniqueFields().version } }
    public var description: String { get { fields.description } _modify { yield &uniqueFields().description } }
    public var keywords: [String]? { get { fields.keywords } _modify { yield &uniqueFields().keywords } }
    public var maintainers: [ChartMaintainer?]? { get { fields.maintainers } _modify { yield &uniqueFields().maintainers } }
    public var icon: String { get { fields.icon } _modify { yield &uniqueFields().icon } }
    public var apiVersion: String { get { fields.apiVersion } _modify { yield &uniqueFields().apiVersion } }
    public var condition: String { get { fields.condition } _modify { yield &uniqueFields().condition } }
    /// A single string in Chart.yaml (unlike a dependency's `tags` list).
    public var tags: String { get { fields.tags } _modify { yield &uniqueFields().tags } }
    public var appVersion: String { get { fields.appVersion } _modify { yield &uniqueFields().appVersion } }
    public var deprecated: Bool { get { fields.deprecated } _modify { yield &uniqueFields().deprecated } }
    public var annotations: [String: String]? { get { fields.annotations } _modify { yield &uniqueFields().annotations } }
    public var kubeVersion: String { get { fields.kubeVersion } _modify { yield &uniqueFields().kubeVersion } }
    public var dependencies: [ChartDependency?]? { get { fields.dependencies } _modify { yield &uniqueFields().dependencies } }
    /// `application`, `library` or empty.
    public var type: String { get { fields.type } _modify { yield &uniqueFields().type } }

    /// Whether this is a library chart (only its partials render).
    public var isLibrary: Bool { type.lowercased() == "library" }
}

/// A lock file (`Chart.lock` / `requirements.lock`).
public struct ChartLock: Sendable {
    /// The `generated` timestamp as written (RFC 3339).
    public var generated = ""
    public var digest = ""
    public var dependencies: [ChartDependency?]?

    public init() {}
}

// MARK: Go struct shapes

enum ChartSchemas {
    static let maintainer = GoStructType(name: "Maintainer", fields: [
        ("name", .string), ("email", .string), ("url", .string),
    ])
    static let dependency = GoStructType(name: "Dependency", fields: [
        ("name", .string), ("version", .string), ("repository", .string), ("condition", .string),
        ("tags", .slice(.string)), ("enabled", .bool), ("import-values", .slice(.any)), ("alias", .string),
    ])
    static let metadata = GoStructType(name: "Metadata", fields: [
        ("name", .string), ("home", .string), ("sources", .slice(.string)), ("version", .string),
        ("description", .string), ("keywords", .slice(.string)), ("maintainers", .slice(.pointer(maintainer))),
        ("icon", .string), ("apiVersion", .string), ("condition", .string), ("tags", .string),
        ("appVersion", .string), ("deprecated", .bool), ("annotations", .map(.string)),
        ("kubeVersion", .string), ("dependencies", .slice(.pointer(dependency))), ("type", .string),
    ])
    static let lock = GoStructType(name: "Lock", fields: [
        ("generated", .time), ("digest", .string), ("dependencies", .slice(.pointer(dependency))),
    ])
}

extension ChartMetadata {
    /// Applies the fields a decoded Chart.yaml or requirements.yaml sets.
    mutating func apply(_ fields: GoMap) {
        for (key, value) in fields.entries {
            switch key {
            case "name": name = value.stringValue ?? ""
            case "home": home = value.stringValue ?? ""
            case "sources": sources = value.stringList
            case "version": version = value.stringValue ?? ""
            case "description": description = value.stringValue ?? ""
            case "keywords": keywords = value.stringList
            case "maintainers":
                maintainers = value.listValue?.map { item in
                    item.mapValue.map { m in
                        ChartMaintainer(name: m["name"]?.stringValue ?? "", email: m["email"]?.stringValue ?? "",
                                        url: m["url"]?.stringValue ?? "")
                    }
                }
            case "icon": icon = value.stringValue ?? ""
            case "apiVersion": apiVersion = value.stringValue ?? ""
            case "condition": condition = value.stringValue ?? ""
            case "tags": tags = value.stringValue ?? ""
            case "appVersion": appVersion = value.stringValue ?? ""
            case "deprecated": if case .bool(let b) = value { deprecated = b }
            case "annotations":
                if let m = value.mapValue {
                    // encoding/json reuses a map it already holds.
                    var merged = annotations ?? [:]
                    for (k, v) in m.entries { merged[k.text] = v.stringValue ?? "" }
                    annotations = merged
                } else {
                    annotations = nil
                }
            case "kubeVersion": kubeVersion = value.stringValue ?? ""
            case "dependencies": dependencies = ChartDependency.list(value)
            case "type": type = value.stringValue ?? ""
            default: break
            }
        }
    }
}

extension ChartDependency {
    static func list(_ value: Value) -> [ChartDependency?]? {
        value.listValue?.map { item in
            item.mapValue.map { m in
                var d = ChartDependency()
                d.name = m["name"]?.stringValue ?? ""
                d.version = m["version"]?.stringValue ?? ""
                d.repository = m["repository"]?.stringValue ?? ""
                d.condition = m["condition"]?.stringValue ?? ""
                d.tags = m["tags"]?.stringList
                if case .bool(let b)? = m["enabled"] { d.enabled = b }
                d.importValues = m["import-values"]?.listValue
                d.alias = m["alias"]?.stringValue ?? ""
                return d
            }
        }
    }
}

extension Value {
    /// A list of strings (nil elements as ""), or nil for a nil slice.
    fileprivate var stringList: [String]? {
        listValue?.map { $0.stringValue ?? "" }
    }
}

// MARK: Validation (metadata.go, dependency.go)

extension ChartMetadata {
    /// Helm's `Metadata.Validate`: sanitizes strings in place and returns
    /// the first problem, worded as Helm words it.
    mutating func validate() -> LocatedError? {
        name = sanitize(name)
        description = sanitize(description)
        home = sanitize(home)
        icon = sanitize(icon)
        condition = sanitize(condition)
        tags = sanitize(tags)
        appVersion = sanitize(appVersion)
        kubeVersion = sanitize(kubeVersion)
        sources = sources?.map(sanitize)
        keywords = keywords?.map(sanitize)

        func invalid(_ text: String) -> LocatedError { LocatedError(.chartLoad, "validation: " + text) }
        if apiVersion.isEmpty { return invalid("chart.metadata.apiVersion is required") }
        if name.isEmpty { return invalid("chart.metadata.name is required") }
        if name == "." || name == ".." {
            return invalid("chart.metadata.name \(GoQuote.quote(name)) is not allowed")
        }
        if name != GoPath.base(name) {
            return invalid("chart.metadata.name \(GoQuote.quote(name)) is invalid")
        }
        if version.isEmpty { return invalid("chart.metadata.version is required") }
        if !isSemanticVersion(version) {
            return invalid("chart.metadata.version \(GoQuote.quote(version)) is invalid")
        }
        if !["", "application", "library"].contains(type) {
            return invalid("chart.metadata.type must be application or library")
        }
        if let list = maintainers {
            var sanitized: [ChartMaintainer?] = []
            for item in list {
                guard var m = item else { return invalid("maintainers must not contain empty or null nodes") }
                m.name = sanitize(m.name)
                m.email = sanitize(m.email)
                m.url = sanitize(m.url)
                sanitized.append(m)
            }
            maintainers = sanitized
        }
        if let list = dependencies {
            var seen: Set<String> = []
            var sanitized: [ChartDependency?] = []
            for item in list {
                guard var d = item else { return invalid("dependencies must not contain empty or null nodes") }
                d.name = sanitize(d.name)
                d.version = sanitize(d.version)
                d.repository = sanitize(d.repository)
                d.condition = sanitize(d.condition)
                d.tags = d.tags?.map(sanitize)
                if !d.alias.isEmpty && !d.alias.utf8.allSatisfy(isAliasByte) {
                    return invalid("dependency \(GoQuote.quote(d.name)) has disallowed characters in the alias")
                }
                let key = d.alias.isEmpty ? d.name : d.alias
                if seen.contains(key) {
                    return invalid("more than one dependency with name or alias \(GoQuote.quote(key))")
                }
                seen.insert(key)
                sanitized.append(d)
            }
            dependencies = sanitized
        }
        return nil
    }
}

private func isAliasByte(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
}


/// Helm's `sanitizeString`: Unicode spaces become ' ', other characters
/// Go's `unicode.IsPrint` rejects are dropped.
func sanitize(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
        if GoUnicode.isSpace(scalar) {
            out.append(" ")
        } else if GoQuote.isPrint(scalar) {
            out.append(scalar)
        }
    }
    return String(out)
}
