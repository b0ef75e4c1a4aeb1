import Testing
import GoTemplate
@testable import Helm
import Values

/// `lookup` over helm-unittest's kubernetesProvider: client-go v0.35's fake
/// dynamic client (dynamic/fake/simple.go, testing/fixture.go) behind Helm's
/// lookup function (pkg/engine/lookup_func.go), read from their sources.
@Suite struct LookupTests {
    /// Objects as helm-unittest's yaml.v3 decodes a `kubernetesProvider.objects` list.
    static func objects(_ yaml: String) throws -> [Value] {
        try #require(try YAMLValues.v3Documents(yaml).first?.listValue)
    }

    static func json(_ value: Value) throws -> String { try GoJSON.encode(value) }

    /// The error text a lookup fails with, or nil.
    static func failure(_ body: () throws -> Value) -> String? {
        do { _ = try body(); return nil } catch { return String(describing: error) }
    }

    static let secrets = """
        - {apiVersion: v1, kind: Secret, metadata: {name: cluster}}
        - {apiVersion: v1, kind: Secret, metadata: {name: b, namespace: ns2}}
        - {apiVersion: v1, kind: Secret, metadata: {name: a, namespace: ns2}}
        - {apiVersion: v1, kind: Secret, metadata: {name: z, namespace: ns1}}
        """

    static func secretsSource(namespaced: Bool) throws -> LookupSource {
        LookupSource(objects: try objects(secrets),
                     scheme: ["v1/Secret": LookupResource(version: "v1", resource: "secrets", namespaced: namespaced)])
    }

    // MARK: Get

    @Test func namespacedResourceGetsFromTheNamespace() throws {
        let source = try Self.secretsSource(namespaced: true)
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "ns1", name: "z"))
                == #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"z","namespace":"ns1"}}"#)
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "ns2", name: "z")) == "{}")
        // A namespace-less object lives in namespace "": not in "ns1".
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "ns1", name: "cluster")) == "{}")
        // No namespace argument: the root client, namespace "".
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "cluster"))
                == #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"cluster"}}"#)
    }

    @Test func clusterScopedResourceIgnoresTheNamespace() throws {
        // `namespaced: false` (traefik's tests indent it under `gvr`, so it is
        // false for them): the root client, which only has namespace "".
        let source = try Self.secretsSource(namespaced: false)
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "traefik", name: "cluster"))
                == #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"cluster"}}"#)
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "ns1", name: "z")) == "{}")
    }

    @Test func missingSchemeEntryUsesTheEmptyResource() throws {
        let source = LookupSource(objects: try Self.objects(Self.secrets))
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "cluster")) == "{}")
        // The scheme names a resource the objects are not stored under.
        let wrong = LookupSource(objects: try Self.objects(Self.secrets),
                                 scheme: ["v1/Secret": LookupResource(version: "v1", resource: "secret")])
        #expect(try Self.json(wrong.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "cluster")) == "{}")
    }

    @Test func schemeKeysArePathJoined() {
        #expect(LookupSource.schemeKey("v1", "Secret") == "v1/Secret")
        #expect(LookupSource.schemeKey("apps/v1/", "Deployment") == "apps/v1/Deployment")
        #expect(LookupSource.schemeKey("", "Secret") == "Secret")
        #expect(LookupSource.schemeKey("v1", "") == "v1")
        #expect(LookupSource.schemeKey("", "") == "")
    }

    @Test func noObjectsAlwaysGivesAnEmptyMap() throws {
        let source = LookupSource(scheme: ["v1/Secret": LookupResource(version: "v1", resource: "secrets")])
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "")) == "{}")
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "x")) == "{}")
    }

    @Test func resultsAreCopies() throws {
        let source = try Self.secretsSource(namespaced: true)
        let first = try source.find(apiVersion: "v1", kind: "Secret", namespace: "ns1", name: "z")
        first.mapValue?["extra"] = .bool(true)
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "ns1", name: "z"))
                == #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"z","namespace":"ns1"}}"#)
    }

    // MARK: List

    @Test func listFiltersByNamespaceAndSorts() throws {
        let source = try Self.secretsSource(namespaced: true)
        let names = { (ns: String) throws -> [String] in
            let list = try source.find(apiVersion: "v1", kind: "Secret", namespace: ns, name: "")
            return (list.mapValue?["items"]?.listValue ?? []).map {
                let md = $0.mapValue?["metadata"]?.mapValue
                return (md?["namespace"]?.stringValue ?? "") + "/" + (md?["name"]?.stringValue ?? "")
            }
        }
        #expect(try names("") == ["/cluster", "ns1/z", "ns2/a", "ns2/b"])
        #expect(try names("ns2") == ["ns2/a", "ns2/b"])
        #expect(try names("none") == [])
        // Cluster-scoped: the namespace argument is dropped, every namespace listed.
        let clusterScoped = try Self.secretsSource(namespaced: false)
        #expect(try (clusterScoped.find(apiVersion: "v1", kind: "Secret", namespace: "ns2", name: "")
            .mapValue?["items"]?.listValue?.count) == 4)
    }

    @Test func listIsAnUnstructuredList() throws {
        let source = LookupSource(
            objects: try Self.objects("- {apiVersion: example.com/v1, kind: Policy, metadata: {name: p, namespace: d}}"),
            scheme: ["example.com/v1/Policy": LookupResource(group: "example.com", version: "v1", resource: "policies",
                                                             namespaced: true)])
        #expect(try Self.json(source.find(apiVersion: "example.com/v1", kind: "Policy", namespace: "other", name: "")) == """
            {"apiVersion":"example.com/v1","items":[],"kind":"PolicyList","metadata":{"continue":"","resourceVersion":""}}
            """)
        #expect(try Self.json(source.find(apiVersion: "example.com/v1", kind: "Policy", namespace: "d", name: "")) == """
            {"apiVersion":"example.com/v1","items":[{"apiVersion":"example.com/v1","kind":"Policy",\
            "metadata":{"name":"p","namespace":"d"}}],"kind":"PolicyList","metadata":{"continue":"","resourceVersion":""}}
            """)
    }

    @Test func listOfAnUnregisteredResourceFails() throws {
        let source = LookupSource(
            objects: try Self.objects("""
                - {apiVersion: v1, kind: Pod, metadata: {name: p}}
                - {apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: i}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: n}}
                """),
            scheme: ["v1/ServiceAccount": LookupResource(version: "v1", resource: "serviceaccounts", namespaced: true)])
        let prefix = "coding error: you must register resource to list kind for every resource you're going to LIST when "
            + "creating the client.  See NewSimpleDynamicClientWithCustomListKinds or register the list into the scheme: "
        let known = "map[/v1, Resource=namespaces:NamespaceList /v1, Resource=pods:PodList "
            + "networking.k8s.io/v1, Resource=ingresses:IngressList]"
        #expect(Self.failure { try source.find(apiVersion: "v1", kind: "ServiceAccount", namespace: "d", name: "") }
                == prefix + "/v1, Resource=serviceaccounts out of " + known)
        // Without a scheme entry: the empty resource.
        #expect(Self.failure { try source.find(apiVersion: "v1", kind: "Pod", namespace: "", name: "") }
                == prefix + "/, Resource= out of " + known)
        // A get of the same never fails.
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "ServiceAccount", namespace: "d", name: "x")) == "{}")
    }

    @Test func listKindComesFromTheObjectsNotTheLookup() throws {
        // The scheme maps `v1/Foo` to secrets: the list is a SecretList.
        let source = LookupSource(objects: try Self.objects("- {apiVersion: v1, kind: Secret, metadata: {name: s}}"),
                                  scheme: ["v1/Foo": LookupResource(version: "v1", resource: "secrets")])
        let list = try source.find(apiVersion: "v1", kind: "Foo", namespace: "", name: "")
        #expect(list.mapValue?["kind"]?.stringValue == "SecretList")
        #expect(list.mapValue?["items"]?.listValue?.count == 1)
    }

    // MARK: Resource guessing

    @Test(arguments: [
        ("Secret", "secrets"), ("Ingress", "ingresses"), ("NetworkPolicy", "networkpolicies"),
        ("Endpoints", "endpoints"), ("FooEndpoints", "fooendpoints"), ("Status", "statuses"),
        ("NodeMetrics", "nodemetricses"), ("Key", "keies"), ("ConfigMap", "configmaps"), ("", ""),
    ])
    func unsafeGuessKindToResource(_ kind: String, _ resource: String) {
        // client-go v0.35.1's tracker (helm-unittest's pin) stores NodeMetrics
        // under `nodemetricses` too: it has no metrics → nodes/pods remapping.
        let gvk = GroupVersionKind(group: "g", version: "v1", kind: kind)
        #expect(gvk.guessedResource.resource == resource)
        #expect(gvk.guessedResource.group == (kind.isEmpty ? "" : "g"))
    }

    @Test func objectsAreStoredUnderTheGuessedResource() throws {
        let source = LookupSource(
            objects: try Self.objects("- {apiVersion: v1, kind: Endpoints, metadata: {name: e, namespace: d}}"),
            scheme: ["v1/Endpoints": LookupResource(version: "v1", resource: "endpoints", namespaced: true),
                     "v1/Wrong": LookupResource(version: "v1", resource: "endpointses", namespaced: true)])
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Endpoints", namespace: "d", name: "e")) != "{}")
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Wrong", namespace: "d", name: "e")) == "{}")
    }

    // MARK: Objects the fake client refuses

    @Test(arguments: [
        ("- {apiVersion: v1, kind: Secret, metadata: {name: s}}\n- {apiVersion: v1, kind: Secret, metadata: {name: s}}",
         #"secrets "s" already exists"#),
        ("- {apiVersion: example.com/v1, kind: Policy, metadata: {name: p, namespace: d}}\n"
         + "- {apiVersion: example.com/v1, kind: Policy, metadata: {name: p, namespace: d}}",
         #"policies.example.com "p" already exists"#),
        ("- {apiVersion: v1, metadata: {name: s}}",
         "failed to convert to unstructured - unable to get GVK Object 'Kind' is missing in 'unstructured object has no kind'"),
        ("- {kind: Secret, metadata: {name: s}}",
         "failed to convert to unstructured - unable to get GVK Object 'apiVersion' is missing in 'unstructured object has no version'"),
        ("- {apiVersion: a/b/c, kind: Secret}",
         "failed to convert to unstructured - unable to get GVK Object 'Kind' is missing in 'unstructured object has no kind'"),
        ("- null",
         "failed to convert to unstructured - unable to get GVK Object 'Kind' is missing in 'unstructured object has no kind'"),
        ("- {apiVersion: apps/, kind: Deployment}",
         "version is required on all types: apps/, Kind=Deployment *unstructured.Unstructured"),
        ("- {apiVersion: v1, kind: Secret, metadata: {name: s}, data: {n: 1}}", "cannot deep copy int"),
        ("- {apiVersion: v1, kind: Secret, metadata: {name: s}, data: {n: 18446744073709551615}}", "cannot deep copy uint64"),
        ("- {apiVersion: v1, kind: Secret, metadata: {name: s}, data: {d: 2024-01-02}}", "cannot deep copy time.Time"),
        ("- {apiVersion: v1, kind: List, items: []}",
         "*unstructured.Unstructured is not a list: no Items field in this object"),
    ])
    func refusedObjectsFailEveryLookup(_ yaml: String, _ message: String) throws {
        let source = LookupSource(objects: try Self.objects(yaml),
                                  scheme: ["v1/Secret": LookupResource(version: "v1", resource: "secrets")])
        #expect(Self.failure { try source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "x") } == message)
        #expect(Self.failure { try source.find(apiVersion: "v1", kind: "Other", namespace: "", name: "") } == message)
    }

    @Test func sameNameInOtherNamespacesOrResourcesIsNoDuplicate() throws {
        let source = LookupSource(
            objects: try Self.objects("""
                - {apiVersion: v1, kind: Secret, metadata: {name: s}}
                - {apiVersion: v1, kind: Secret, metadata: {name: s, namespace: a}}
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: s}}
                - {apiVersion: v2, kind: Secret, metadata: {name: s}}
                """),
            scheme: ["v1/Secret": LookupResource(version: "v1", resource: "secrets", namespaced: true)])
        #expect(try (source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "")
            .mapValue?["items"]?.listValue?.count) == 2)
    }

    @Test func floatsAndCoreGroupApiVersionsAreKept() throws {
        // JSON types pass; `/v1` is rewritten to `v1` (core-group objects get their GVK set again).
        let source = LookupSource(objects: try Self.objects("- {apiVersion: /v1, kind: Secret, metadata: {name: s}, x: 1.5}"),
                                  scheme: ["v1/Secret": LookupResource(version: "v1", resource: "secrets")])
        #expect(try Self.json(source.find(apiVersion: "v1", kind: "Secret", namespace: "", name: "s"))
                == #"{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"x":1.5}"#)
    }

    // MARK: Through the engine

    @Test func errorsBecomeErrorCallingLookup() throws {
        let chart = try ChartLoader(helm: .v3).loadFiles([
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "templates/t.yaml", data: Array(#"x: {{ lookup "v1" "ServiceAccount" "" "" }}"#.utf8)),
        ])
        let lookup = LookupSource(objects: [], scheme: [:])
        let files = try HelmEngine(chart: chart, helm: .v3).render(userValues: GoMap(), options: RenderOptions(helm: .v3, lookup: lookup))
        #expect(files["c/templates/t.yaml"] == "x: map[]")

        let failing = LookupSource(objects: try Self.objects("- {apiVersion: v1, kind: Secret, metadata: {name: s}}"))
        #expect {
            _ = try HelmEngine(chart: chart, helm: .v3).render(userValues: GoMap(), options: RenderOptions(helm: .v3, lookup: failing))
        } throws: { error in
            String(describing: error).hasSuffix("error calling lookup: coding error: you must register resource to list kind "
                + "for every resource you're going to LIST when creating the client.  See NewSimpleDynamicClientWithCustomListKinds "
                + "or register the list into the scheme: /, Resource= out of map[/v1, Resource=secrets:SecretList]")
        }
    }
}
