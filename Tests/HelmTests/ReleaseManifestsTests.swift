import GoStd
import TestSupport
import Testing
@testable import Helm
import Values
import YAML

/// `helm template`'s post-processing: SplitManifests (rows checked with
/// the same regex in Python, whose leftmost-first semantics match RE2's
/// here), SimpleHead decoding, kind order, hooks, --show-only, kubeVersion.
@Suite struct ReleaseManifestsTests {
    @Test(arguments: [
        ("a: 1\n---\nb: 2\n", ["a: 1", "b: 2\n"]),
        ("---\na: 1\n", ["a: 1\n"]),
        ("a: 1\n---apiVersion: v1\n", ["a: 1", "apiVersion: v1\n"]),
        ("a: 1  \n \n---  \n\nb: 2", ["a: 1", "b: 2"]),
        ("a\n  ---\nb", ["a\n  ---\nb"]),
        ("x---y\n---\n---\nz\n", ["x---y", "---\nz\n"]),
        ("\n\n  ---\na\n", ["a\n"]),
        ("a: |\n  ---\n  b\n", ["a: |\n  ---\n  b\n"]),
        ("a\n--- # c\nb\n", ["a", "# c\nb\n"]),
        ("", []),
        ("   \n", []),
        ("a\r\n---\r\nb\r\n", ["a", "b\r\n"]),
        ("k: v\n---\n", ["k: v"]),
        ("a\n---\n\tb: 1\n", ["a", "b: 1\n"]),
    ])
    func split(_ text: String, _ expected: [String]) {
        #expect(ReleaseManifests.split(text, helm: .v4) == expected)
    }

    @Test func headDecodesKindNameAnnotations() throws {
        let head = try ReleaseManifests.head("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                helm.sh/hook: test
                helm.sh/hook-weight: 5
            """)
        #expect(head.kind == "Pod")
        #expect(head.name == "p")
        #expect(head.annotations == ["helm.sh/hook": "test", "helm.sh/hook-weight": "5"])
        #expect(try ReleaseManifests.head("# only a comment\n").kind == "")
    }

    @Test(arguments: [
        ("kind: [1]\n", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string"),
        ("metadata:\n  annotations: [a]\n", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go struct field .metadata.annotations of type map[string]string"),
        ("just text\n", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type util.SimpleHead"),
        ("a: b: c\n", "error converting YAML to JSON: yaml: mapping values are not allowed in this context"),
    ])
    func headErrors(_ document: String, _ message: String) {
        expectError(message) { try ReleaseManifests.head(document) }
    }

    @Test func sortsByKindStablyWithHooksApart() throws {
        let files = [
            "c/templates/a.yaml": "kind: Deployment\nmetadata:\n  name: d\n---\nkind: Service\n---\nkind: Zeta\n---\nkind: Alpha\n",
            "c/templates/b.yaml": "kind: ConfigMap\n---\nkind: Service\nmetadata:\n  name: s2\n",
            "c/templates/_p.tpl": "kind: Namespace\n",
            "c/templates/h.yaml": """
                kind: Job
                metadata:
                  annotations:
                    helm.sh/hook: post-install
                ---
                kind: Pod
                metadata:
                  annotations:
                    helm.sh/hook: " Test-Success "
                ---
                kind: Secret
                metadata:
                  annotations:
                    helm.sh/hook: bogus
                """,
            "c/templates/empty.yaml": " \n",
        ]
        let (hooks, manifests) = try ManifestSorter.sort(files.mapValues { GoString($0) }, helm: .v4)
        #expect(manifests.map(\.head.kind) == ["ConfigMap", "Service", "Service", "Deployment", "Alpha", "Zeta"])
        #expect(manifests.map(\.name) == ["c/templates/b.yaml", "c/templates/a.yaml", "c/templates/b.yaml",
                                          "c/templates/a.yaml", "c/templates/a.yaml", "c/templates/a.yaml"])
        #expect(hooks.map(\.kind) == ["Pod", "Job"])
        #expect(hooks.map(\.isTest) == [true, false])
    }

    @Test func yamlParseErrorNamesTheFile() {
        expectError(
            "YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context",
            kind: .yamlSyntax) {
            _ = try ManifestSorter.sort(["c/templates/x.yaml": "kind: A\n---\na: b: c\n"], helm: .v4)
        }
    }

    @Test(arguments: [
        ("# Source: c/templates/a.yaml\nkind: A", "templates/a.yaml"),
        ("# Source: c/charts/s/templates/a.yaml\nx", "charts/s/templates/a.yaml"),
        ("kind: A", nil),
        ("# Source: nochart\nkind: a/b", "b"),
    ] as [(String, String?)])
    func sourcePath(_ document: String, _ expected: String?) {
        #expect(TemplateAction.sourcePath(document) == expected)
    }

    @Test func showOnlyFiltersInGlobOrder() throws {
        let stream = "---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n"
        #expect(try TemplateAction.filter(stream, showOnly: ["templates/b.yaml", "templates/*.yaml"], helm: .v4)
            == "---\n# Source: c/templates/b.yaml\nkind: B\n\n---\n# Source: c/templates/a.yaml\nkind: A\n---\n# Source: c/templates/b.yaml\nkind: B\n\n")
        expectError("could not find template templates/x.yaml in chart") {
            try TemplateAction.filter(stream, showOnly: ["templates/x.yaml"], helm: .v4)
        }
    }

    @Test(arguments: [
        ("1.30", "v1.30", "v1.30", "1", "30"),
        ("v1.33.4-gke.1245000", "v1.33.4-gke.1245000", "v1.33.4", "1", "33"),
        (" v1.2.3.4", "v v1.2.3.4", "v1.2.3.4", "1", "2"),
    ])
    func kubeVersion(_ text: String, _ version: String, _ normalized: String, _ major: String, _ minor: String) throws {
        let kube = try KubeVersionInfo.parseGeneric(text)
        #expect(kube.version == version)
        #expect(kube.normalized == normalized)
        #expect(kube.major == major && kube.minor == minor)
    }

    @Test(arguments: [
        ("x", #"could not parse "x" as version"#),
        ("1", #"illegal version string "1""#),
        ("01.2", #"illegal zero-prefixed version component "01" in "01.2""#),
        ("1.2\n", #"could not parse "1.2\n" as version"#),
    ])
    func kubeVersionErrors(_ text: String, _ message: String) {
        expectError(message) { try KubeVersionInfo.parseGeneric(text) }
    }

    @Test func kubeVersionConstraint() throws {
        #expect(try KubeVersionInfo.parseGeneric("1.30").satisfies(">=1.20.0-0"))
        #expect(try !KubeVersionInfo.parseGeneric("v1.19.0").satisfies(">=1.20.0"))
        #expect(try !KubeVersionInfo.parseGeneric("1.2.3.4").satisfies(">=1.0.0"))
    }

    @Test(arguments: [
        ("release-name", true), ("a.b-c", true), ("", false), ("A", false), ("-a", false), ("a..b", false),
        (String(repeating: "a", count: 53), true), (String(repeating: "a", count: 54), false),
    ])
    func releaseNames(_ name: String, _ valid: Bool) {
        #expect((TemplateAction.releaseNameProblem(name) == nil) == valid)
    }
}
