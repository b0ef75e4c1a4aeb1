import Diagnostics
import GoStd
import Values

/// One non-hook document of a rendered file (`releaseutil.Manifest`).
public struct ReleaseManifest: Sendable, Hashable {
    /// The template path it came from.
    public var name: String
    /// The document, leading whitespace trimmed.
    public var content: String
    public var head: ManifestHead
}

/// One hook document (`release.Hook`, the fields `helm template` uses).
public struct ReleaseHook: Sendable, Hashable {
    public var name: String
    public var kind: String
    /// The template path it came from.
    public var path: String
    public var manifest: String
    /// The `helm.sh/hook` events, lower-cased (`test-success` is `test`).
    public var events: [String]
    /// `helm.sh/hook-weight`, 0 when absent or not an integer.
    public var weight: Int

    /// Whether this is a test hook (`helm template --skip-tests` drops it).
    public var isTest: Bool { events.contains("test") }
}

/// Helm's `releaseutil.SortManifests` with `InstallOrder`
/// (pkg/release/v1/util/manifest_sorter.go, kind_sorter.go).
public enum ManifestSorter {
    /// The kinds in the order Helm 4 installs them; other kinds go last,
    /// sorted by kind name. Helm 3's list ends before the two webhook
    /// configurations (``installOrder(_:)``).
    public static let installOrder: [String] = [
        "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
        "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass",
        "PersistentVolume", "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList",
        "ClusterRoleBinding", "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList",
        "Service", "DaemonSet", "Pod", "ReplicationController", "ReplicaSet", "Deployment",
        "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress", "APIService",
        "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
    ]

    /// `InstallOrder` of `helm`.
    public static func installOrder(_ helm: HelmVersion) -> ArraySlice<String> {
        helm == .v3 ? installOrder.dropLast(2) : installOrder[...]
    }

    private static let ranks: [HelmVersion: [String: Int]] = Dictionary(uniqueKeysWithValues: [HelmVersion.v3, .v4].map { helm in
        (helm, Dictionary(uniqueKeysWithValues: installOrder(helm).enumerated().map { ($1, $0) }))
    })

    /// Hook event names Helm knows (`test-success` is an alias of `test`).
    private static let events: [String: String] = [
        "pre-install": "pre-install", "post-install": "post-install", "pre-delete": "pre-delete",
        "post-delete": "post-delete", "pre-upgrade": "pre-upgrade", "post-upgrade": "post-upgrade",
        "pre-rollback": "pre-rollback", "post-rollback": "post-rollback", "test": "test", "test-success": "test",
    ]

    /// Splits every file (path order, partials and blank files skipped)
    /// into documents, separates hooks from manifests and sorts both by
    /// kind, stably. Hooks with an unknown event are dropped, as Helm does.
    /// Throws `YAML parse error on <path>: …` for a document whose head
    /// does not decode.
    public static func sort(_ files: [String: GoString], helm: HelmVersion) throws(LocatedError)
        -> (hooks: [ReleaseHook], manifests: [ReleaseManifest]) {
        var log: [String] = []
        return try sort(files, helm: helm, log: &log)
    }

    /// `sort(_:)`, appending Helm's log line for each hook with an unknown
    /// event (`level=INFO msg="skipping unknown hooks" hookTypes=…`) to `log`.
    public static func sort(_ files: [String: GoString], helm: HelmVersion, log: inout [String]) throws(LocatedError)
        -> (hooks: [ReleaseHook], manifests: [ReleaseManifest]) {
        var hooks: [ReleaseHook] = []
        var manifests: [ReleaseManifest] = []
        for path in files.keys.sorted(by: goLess) {
            guard let content = files[path], !GoPath.baseHasPrefix(path, "_"),
                  !content.trimming(where: GoUnicode.isSpace).isEmpty else { continue }
            for goDocument in ReleaseManifests.split(content, helm: helm) {
                let head: ManifestHead
                do {
                    head = try ReleaseManifests.head(goDocument)
                } catch {
                    throw error.prefixed("YAML parse error on \(path): ")
                }
                // The YAML reader refuses invalid UTF-8, so the document is text.
                let document = goDocument.text
                guard let annotations = head.annotations, !annotations.isEmpty,
                      let hookTypes = annotations["helm.sh/hook"] else {
                    manifests.append(ReleaseManifest(name: path, content: document, head: head))
                    continue
                }
                var hookEvents: [String] = []
                var unknown = false
                for part in hookTypes.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let event = events[GoStrings.trimSpace(String(part)).lowercased()] else {
                        unknown = true
                        break
                    }
                    hookEvents.append(event)
                }
                if unknown {
                    // Helm 3.20.2 logs through Go's `log` with `Lshortfile`.
                    log.append(helm == .v3 ? "manifest_sorter.go:199: info: skipping unknown hook: " + GoQuote.quote(hookTypes)
                                           : #"level=INFO msg="skipping unknown hooks" hookTypes="# + SlogText.value(hookTypes))
                    continue
                }
                let weight = annotations["helm.sh/hook-weight"].flatMap { goAtoi($0) } ?? 0
                hooks.append(ReleaseHook(name: head.name, kind: head.kind, path: path, manifest: document,
                                         events: hookEvents, weight: weight))
            }
        }
        let rank = ranks[helm] ?? [:]
        return (stableSorted(hooks, rank: rank, kind: \.kind), stableSorted(manifests, rank: rank, kind: \.head.kind))
    }

    /// `sort.SliceStable` with `lessByKind`.
    static func stableSorted<T>(_ items: [T], rank: [String: Int], kind: (T) -> String) -> [T] {
        items.enumerated().sorted { a, b in
            let ka = kind(a.element), kb = kind(b.element)
            if lessByKind(ka, kb, rank: rank) { return true }
            if lessByKind(kb, ka, rank: rank) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// `lessByKind`: known kinds by install order, unknown kinds after
    /// them by name.
    static func lessByKind(_ a: String, _ b: String, rank: [String: Int]) -> Bool {
        let first = rank[a], second = rank[b]
        switch (first, second) {
        case (nil, nil): return a != b && goLess(a, b)
        case (nil, _): return false
        case (_, nil): return true
        case let (x?, y?): return x < y
        }
    }

    /// `strconv.Atoi`: an optional sign and decimal digits, within Int.
    static func goAtoi(_ s: String) -> Int? {
        var body = Substring(s)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(negative ? "-" + body : String(body))
    }
}

/// Go's `log/slog` text handler formatting of attribute values.
enum SlogText {
    /// A value as `slog.TextHandler` writes it: bare, or quoted with
    /// `strconv.Quote` when empty or containing a space, `=`, `"` or a
    /// non-printable character.
    static func value(_ s: String) -> String {
        let needsQuote = s.isEmpty || s.unicodeScalars.contains { c in
            c == " " || c == "=" || c == "\"" || !GoQuote.isPrint(c) || c == "\u{FFFD}"
        }
        return needsQuote ? GoQuote.quote(s) : s
    }
}
