import GoStd
import GoTemplate
import Sprig
import Values

/// A Kubernetes resource type: client-go's `schema.GroupVersionResource`.
public struct GroupVersionResource: Hashable, Sendable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var resource: String

    public init(group: String = "", version: String = "", resource: String = "") {
        self.group = group
        self.version = version
        self.resource = resource
    }

    /// `group/version, Resource=resource`, as Go prints it.
    public var description: String { group + "/" + version + ", Resource=" + resource }

    /// `GroupVersion.String()`: `group/version`, or just `version` in the core group.
    var groupVersion: String { group.isEmpty ? version : group + "/" + version }

    /// The order Go's `fmt` sorts struct map keys in: field by field, bytewise.
    static func fmtOrder(_ a: Self, _ b: Self) -> Bool {
        if a.group != b.group { return goLess(a.group, b.group) }
        if a.version != b.version { return goLess(a.version, b.version) }
        return goLess(a.resource, b.resource)
    }
}

/// One `kubernetesProvider.scheme` entry (helm-unittest's `KubernetesFakeKindProps`):
/// the resource `lookup` asks the fake client for, and whether it takes a namespace.
public struct LookupResource: Hashable, Sendable {
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

    public var gvr: GroupVersionResource { GroupVersionResource(group: group, version: version, resource: resource) }
}

/// What `lookup` sees: helm-unittest's `kubernetesProvider`, answered the way
/// its client-go fake dynamic client answers Helm's lookup function.
///
/// - No objects: helm-unittest renders without a client, and `lookup` gives `{}`.
/// - Otherwise `apiVersion/kind` picks a ``LookupResource`` from the scheme
///   (none: the empty resource, not namespaced). The namespace argument counts
///   only for a namespaced resource; then a name gets the object stored under
///   exactly that resource, namespace and name (or `{}`), no name lists the
///   resource's objects (an error for a resource no object's kind registered).
/// - Objects are stored under the resource client-go guesses from their
///   kind, so the scheme has to name that resource for `lookup` to find them.
/// - Objects the fake client refuses (no kind or version, duplicates, values
///   that are not JSON types, `items` lists) make every `lookup` fail with
///   client-go's message, as its panic does in helm-unittest.
public struct LookupSource: Sendable {
    /// Objects as decoded manifests.
    public let objects: [Value]
    /// `apiVersion/Kind` (Go's `path.Join`) → resource.
    public let scheme: [String: LookupResource]
    /// The fake cluster built from `objects`, or why client-go refuses them; nil without objects.
    let cluster: Result<FakeCluster, GoError>?

    public init(objects: [Value] = [], scheme: [String: LookupResource] = [:]) {
        self.objects = objects
        self.scheme = scheme
        cluster = objects.isEmpty ? nil : Result { () throws(GoError) in try FakeCluster(objects) }
    }

    /// Helm's lookup function over helm-unittest's fake client.
    public func find(apiVersion: String, kind: String, namespace: String, name: String) throws -> Value {
        guard let cluster else { return .map(GoMap()) }
        let fake = try cluster.get()
        let props = scheme[Self.schemeKey(apiVersion, kind)] ?? LookupResource()
        let clientNamespace = props.namespaced && !namespace.isEmpty ? namespace : ""
        if !name.isEmpty {
            return fake.get(props.gvr, namespace: clientNamespace, name: name)?.deepCopy() ?? .map(GoMap())
        }
        return try fake.list(props.gvr, namespace: clientNamespace)
    }

    /// Go's `path.Join(apiVersion, kind)`.
    static func schemeKey(_ apiVersion: String, _ kind: String) -> String {
        let joined = [apiVersion, kind].filter { !$0.isEmpty }.joined(separator: "/")
        return joined.isEmpty ? "" : GoPath.clean(joined)
    }
}

/// A Kubernetes kind: client-go's `schema.GroupVersionKind`.
struct GroupVersionKind: Hashable {
    var group = ""
    var version = ""
    var kind = ""

    /// `Unstructured.GroupVersionKind()`: `apiVersion` and `kind` when they
    /// are strings; all empty when `apiVersion` has more than one slash.
    init(of object: GoMap) {
        let apiVersion = object["apiVersion"]?.stringValue ?? ""
        if !apiVersion.isEmpty && apiVersion != "/" {
            let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
            switch parts.count {
            case 1: version = apiVersion
            case 2: (group, version) = (String(parts[0]), String(parts[1]))
            default: return  // ParseGroupVersion fails: no kind either
            }
        }
        kind = object["kind"]?.stringValue ?? ""
    }

    init(group: String, version: String, kind: String) {
        (self.group, self.version, self.kind) = (group, version, kind)
    }

    /// `group/version, Kind=kind`, as Go prints it.
    var description: String { group + "/" + version + ", Kind=" + kind }
    var groupVersion: String { group.isEmpty ? version : group + "/" + version }

    /// `meta.UnsafeGuessKindToResource`: the lowercased kind, pluralised
    /// (`…s` → `…ses`, `…y` → `…ies`, `…endpoints` unchanged, else `+s`).
    var guessedResource: GroupVersionResource {
        guard !kind.isEmpty else { return GroupVersionResource() }
        let singular = GoStrings.toLower(kind)
        let plural: String
        if singular.hasSuffix("endpoints") {
            plural = singular
        } else if singular.utf8.last == UInt8(ascii: "s") {
            plural = singular + "es"
        } else if singular.utf8.last == UInt8(ascii: "y") {
            plural = String(singular.dropLast()) + "ies"
        } else {
            plural = singular + "s"
        }
        return GroupVersionResource(group: group, version: version, resource: plural)
    }
}

/// client-go's `fake.NewSimpleDynamicClient(runtime.NewScheme(), objects...)`
/// (client-go v0.35, as helm-unittest builds it for every lookup): its scheme,
/// list kinds and object tracker, with its panics as errors.
struct FakeCluster: Sendable {
    struct Key: Hashable {
        var namespace: String
        var name: String
    }

    /// Stored objects by guessed resource, then namespace and name.
    private(set) var objects: [GroupVersionResource: [Key: Value]] = [:]
    /// `gvrToListKind`: the list kind each resource can be listed as.
    private(set) var listKinds: [GroupVersionResource: String] = [:]
    /// The scheme's kinds: whether each was registered as a list type.
    private var registered: [GroupVersionKind: Bool] = [:]
    private var registrationOrder: [GroupVersionKind] = []

    /// The scheme name client-go's not-registered errors quote (`NewScheme`'s call site).
    static let schemeName = "pkg/mod/k8s.io/client-go@v0.35.1/dynamic/fake/simple.go:38"

    init(_ input: [Value]) throws(GoError) {
        // convertObjectsToUnstructured: a core-group or kindless object must
        // have a kind and a version; its apiVersion and kind are set again.
        var converted: [GoMap] = []
        for object in input {
            let map = object.deepCopy().mapValue ?? GoMap()
            let gvk = GroupVersionKind(of: map)
            if gvk.group.isEmpty || gvk.kind.isEmpty {
                let prefix = "failed to convert to unstructured - unable to get GVK "
                if gvk.kind.isEmpty { throw GoError(prefix + "Object 'Kind' is missing in 'unstructured object has no kind'") }
                if gvk.version.isEmpty { throw GoError(prefix + "Object 'apiVersion' is missing in 'unstructured object has no version'") }
                map["apiVersion"] = .string(gvk.groupVersion)
                map["kind"] = .string(gvk.kind)
            }
            converted.append(map)
        }
        // Every object's kind and `<kind>List` join the scheme.
        for map in converted {
            var gvk = GroupVersionKind(of: map)
            try register(gvk, list: false)
            gvk.kind += "List"
            try register(gvk, list: true)
        }
        // Each registered `…List` kind lists the resource guessed from the
        // kind without `List` (Go keeps one of colliding kinds at random; the first here).
        for gvk in registrationOrder where gvk.kind.utf8.count >= 4 && gvk.kind.utf8.suffix(4).elementsEqual("List".utf8) {
            let base = GroupVersionKind(group: gvk.group, version: gvk.version,
                                        kind: String(decoding: gvk.kind.utf8.dropLast(4), as: UTF8.self))
            let resource = base.guessedResource
            if listKinds[resource] == nil { listKinds[resource] = gvk.kind }
        }
        for map in converted { try add(map) }
    }

    /// `Scheme.AddKnownTypeWithName` unless the kind is known.
    private mutating func register(_ gvk: GroupVersionKind, list: Bool) throws(GoError) {
        guard registered[gvk] == nil else { return }
        if gvk.version.isEmpty {
            let type = list ? "*unstructured.UnstructuredList" : "*unstructured.Unstructured"
            throw GoError("version is required on all types: \(gvk.description) \(type)")
        }
        registered[gvk] = list
        registrationOrder.append(gvk)
    }

    /// The object tracker's `Add`: stored under the guessed resource, its
    /// own namespace (none: cluster-scoped) and name.
    private mutating func add(_ object: GoMap) throws(GoError) {
        if case .list = object["items"] {
            throw GoError("*unstructured.Unstructured is not a list: no Items field in this object")
        }
        let gvk = GroupVersionKind(of: object)
        if gvk.kind.isEmpty { throw GoError("Object 'Kind' is missing in 'unstructured object has no kind'") }
        if gvk.version.isEmpty { throw GoError("Object 'apiVersion' is missing in 'unstructured object has no version'") }
        var resource = gvk.guessedResource
        if resource.version == "__internal" { resource.version = "" }
        // The tracker stores a `runtime.DeepCopyJSON` copy: JSON types only.
        if let type = Self.firstNonJSONType(.map(object)) {
            throw GoError("cannot deep copy \(type)")
        }
        let metadata = object["metadata"]?.mapValue
        let namespace = metadata?["namespace"]?.stringValue ?? ""
        if namespace.isEmpty { metadata?.entries.removeValue(forKey: "namespace") }
        let key = Key(namespace: namespace, name: metadata?["name"]?.stringValue ?? "")
        if objects[resource]?[key] != nil {
            let groupResource = resource.group.isEmpty ? resource.resource : resource.resource + "." + resource.group
            throw GoError("\(groupResource) \(GoQuote.quote(key.name)) already exists")
        }
        objects[resource, default: [:]][key] = .map(object)
    }

    /// The Go type `runtime.DeepCopyJSONValue` panics on, if any (keys in byte order).
    static func firstNonJSONType(_ value: Value) -> String? {
        switch value {
        case .null, .bool, .float, .string: return nil
        case .int(_, let kind): return kind == .int64 ? nil : value.goTypeName
        case .list(let items, _):
            for item in items { if let type = DeepStack.withRoom({ firstNonJSONType(item) }) { return type } }
            return nil
        case .map(let map, _):
            for key in map.sortedKeys { if let type = DeepStack.withRoom({ firstNonJSONType(map[key] ?? .null) }) { return type } }
            return nil
        case .object: return value.goTypeName
        }
    }

    /// The tracker's `Get`: an exact match on resource, namespace and name.
    func get(_ resource: GroupVersionResource, namespace: String, name: String) -> Value? {
        objects[resource]?[Key(namespace: namespace, name: name)]
    }

    /// The fake dynamic client's `List`: an `UnstructuredList` of the
    /// resource's objects in `namespace` (all for ""), by namespace then name.
    func list(_ resource: GroupVersionResource, namespace: String) throws(GoError) -> Value {
        guard let listKind = listKinds[resource] else {
            let known = listKinds.keys.sorted(by: GroupVersionResource.fmtOrder)
                .map { "\($0.description):\(listKinds[$0] ?? "")" }.joined(separator: " ")
            throw GoError("coding error: you must register resource to list kind for every resource you're going to LIST "
                          + "when creating the client.  See NewSimpleDynamicClientWithCustomListKinds or register the list "
                          + "into the scheme: \(resource.description) out of map[\(known)]")
        }
        // The tracker builds the list from the scheme (no version: the internal one).
        let listGVK = GroupVersionKind(group: resource.group, version: resource.version.isEmpty ? "__internal" : resource.version,
                                       kind: listKind)
        guard let isList = registered[listGVK] else {
            if listGVK.version == "__internal" {
                throw GoError("no kind \(GoQuote.quote(listKind)) is registered for the internal version of group "
                              + "\(GoQuote.quote(listGVK.group)) in scheme \(GoQuote.quote(Self.schemeName))")
            }
            throw GoError("no kind \(GoQuote.quote(listKind)) is registered for version \(GoQuote.quote(listGVK.groupVersion)) "
                          + "in scheme \(GoQuote.quote(Self.schemeName))")
        }
        guard isList else { throw GoError("\(GoQuote.quote(listKind)) is not a list type") }
        let items = (objects[resource] ?? [:])
            .filter { namespace.isEmpty || $0.key.namespace == namespace }
            .sorted { a, b in
                a.key.namespace != b.key.namespace ? goLess(a.key.namespace, b.key.namespace) : goLess(a.key.name, b.key.name)
            }
            .map { $0.value.deepCopy() }
        return .map(["apiVersion": .string(resource.groupVersion), "kind": .string(listKind),
                     "metadata": .map(["continue": .string(""), "resourceVersion": .string("")]),
                     "items": .list(items)])
    }
}
