import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport

/// `chartunit render` in text mode: the shape `helm template` prints
/// (read from Helm v4.2.3's pkg/cmd/template.go and pkg/action), and
/// Helm's error wording for bad input. Charts here use no Sprig functions.
@Suite struct RenderTextTests {
    static let hookChart: [String: String] = [
        "Chart.yaml": CLI.chartYAML(),
        "templates/NOTES.txt": "notes {{ .Release.Name }}\n",
        "templates/_helpers.tpl": #"{{ define "c.name" }}{{ .Release.Name }}-c{{ end }}"#,
        "templates/deploy.yaml": "kind: Deployment\nmetadata:\n  name: {{ include \"c.name\" . }}\n---\n\nkind: ConfigMap\nmetadata:\n  name: cm\n",
        "templates/empty.yaml": "{{/* nothing */}}\n",
        "templates/ns.yaml": "  \nkind: Namespace\nmetadata:\n  name: {{ .Release.Namespace }}\n",
        "templates/test.yaml": "kind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n",
        "templates/pre.yaml": "kind: Job\nmetadata:\n  name: j\n  annotations:\n    \"helm.sh/hook\": pre-install\n",
        "crds/crd.yaml": "kind: CustomResourceDefinition\nmetadata:\n  name: x\n",
    ]

    @Test func sortsByKindAndPrintsHooksLast() throws {
        let chart = try CLI.chart(Self.hookChart)
        let outcome = try CLI.render([chart])
        #expect(outcome.stderr == "")
        #expect(outcome.stdout == """
            ---
            # Source: c/templates/ns.yaml
            kind: Namespace
            metadata:
              name: default

            ---
            # Source: c/templates/deploy.yaml
            kind: ConfigMap
            metadata:
              name: cm

            ---
            # Source: c/templates/deploy.yaml
            kind: Deployment
            metadata:
              name: release-name-c
            ---
            # Source: c/templates/test.yaml
            kind: Pod
            metadata:
              name: t
              annotations:
                helm.sh/hook: test

            ---
            # Source: c/templates/pre.yaml
            kind: Job
            metadata:
              name: j
              annotations:
                "helm.sh/hook": pre-install


            """)
    }

    @Test func crdsTestsAndHooksFlags() throws {
        let chart = try CLI.chart(Self.hookChart)
        let crds = try CLI.render([chart, "--include-crds", "--skip-tests"])
        #expect(crds.stdout.hasPrefix("---\n# Source: c/crds/crd.yaml\nkind: CustomResourceDefinition\nmetadata:\n  name: x\n\n---\n# Source: c/templates/ns.yaml\n"))
        #expect(!crds.stdout.contains("kind: Pod"))
        #expect(crds.stdout.contains("kind: Job"))
        let noHooks = try CLI.render([chart, "--no-hooks"])
        #expect(!noHooks.stdout.contains("kind: Job") && !noHooks.stdout.contains("kind: Pod"))
        #expect(noHooks.stdout.hasSuffix("  name: release-name-c\n"))
    }

    @Test func showOnly() throws {
        let chart = try CLI.chart(Self.hookChart)
        let one = try CLI.render([chart, "-s", "templates/ns.yaml", "--show-only", "templates/pre.yaml"])
        #expect(one.stdout == """
            ---
            # Source: c/templates/ns.yaml
            kind: Namespace
            metadata:
              name: default
            ---
            # Source: c/templates/pre.yaml
            kind: Job
            metadata:
              name: j
              annotations:
                "helm.sh/hook": pre-install



            """)
        let glob = try CLI.render([chart, "--show-only", "templates/d*.yaml"])
        #expect(glob.stdout.components(separatedBy: "# Source: c/templates/deploy.yaml").count == 3)
        let missing = try CLI.render([chart, "--show-only", "templates/empty.yaml"])
        #expect(missing == .failure("could not find template templates/empty.yaml in chart"))
    }

    @Test func releaseFlags() throws {
        let chart = try CLI.chart([
            "Chart.yaml": CLI.chartYAML(),
            "templates/r.yaml": """
                kind: ConfigMap
                data:
                  r: {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }}
                  k: {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.APIVersions.Has "x.io/v1" }}
                  v: {{ .Values.a }} {{ .Values.b }} {{ .Values.c }}
                """,
        ])
        let plain = try CLI.render([chart])
        #expect(plain.stdout.contains("r: release-name default 1 true false\n"))
        #expect(plain.stdout.contains("k: v1.36.0 v1.36.0 false\n"))
        let values = try CLI.chart(["v.yaml": "a: 1000000\nb: from-file\n"]) + "/v.yaml"
        let flagged = try CLI.render([
            "my-rel", chart, "-n", "ns", "--revision", "4", "--is-upgrade", "--kube-version", "1.30",
            "--api-versions", "y.io/v1,x.io/v1", "-f", values, "--set", "b=set,c=2",
        ])
        #expect(flagged.stdout.contains("r: my-rel ns 4 false true\n"))
        #expect(flagged.stdout.contains("k: v1.30 v1.30 true\n"))
        #expect(flagged.stdout.contains("v: 1e+06 set 2\n"))
        #expect(try CLI.render(["--name", "other", chart]).stdout.contains("r: other default"))
    }

    @Test func emptyChartPrintsOneNewline() throws {
        let chart = try CLI.chart(["Chart.yaml": CLI.chartYAML(), "templates/e.yaml": "\n"])
        #expect(try CLI.render([chart]) == CommandOutcome(stdout: "\n"))
        #expect(try CLI.render([chart, "--output", "json"]) == CommandOutcome(stdout: "{\n \"c/templates/e.yaml\": \"\\n\"\n}\n"))
    }

    @Test func logLinesGoToStderr() throws {
        let chart = try CLI.chart([
            "Chart.yaml": CLI.chartYAML(extra: "deprecated: true\n"),
            "templates/h.yaml": "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: pre-install, on-sunday\n",
        ])
        let outcome = try CLI.render([chart])
        #expect(outcome == CommandOutcome(
            stdout: "\n",
            stderr: "level=WARN msg=\"this chart is deprecated\"\n"
                + "level=INFO msg=\"skipping unknown hooks\" hookTypes=\"pre-install, on-sunday\"\n"))
    }

    @Test func kubeVersionConstraint() throws {
        let chart = try CLI.chart([
            "Chart.yaml": CLI.chartYAML(extra: "kubeVersion: \">=1.40.0-0\"\n"), "templates/a.yaml": "kind: A\n",
        ])
        #expect(try CLI.render([chart]) == .failure(
            "chart requires kubeVersion: >=1.40.0-0 which is incompatible with Kubernetes v1.36.0"
                + "\n\nUse --debug flag to render out invalid YAML"))
        #expect(try CLI.render([chart, "--kube-version", "v1.41.2"]).stdout == "---\n# Source: c/templates/a.yaml\nkind: A\n")
        #expect(try CLI.render([chart, "--kube-version", "x"]) == .failure(#"invalid kube version 'x': could not parse "x" as version"#))
    }

    @Test func renderErrors() throws {
        let chart = try CLI.chart([
            "Chart.yaml": CLI.chartYAML(), "templates/a.yaml": "kind: A\n---\na: b: c\n",
            "templates/b.yaml": "{{ .Values.x.y }}",
        ])
        #expect(try CLI.render([chart, "--set", "x.y=1"]) == .failure(
            "YAML parse error on c/templates/a.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context"
                + "\n\nUse --debug flag to render out invalid YAML"))
        let failing = try CLI.render([chart])
        #expect(failing.exitCode == 1)
        #expect(failing.stderr.hasPrefix("Error: c/templates/b.yaml:1:10\n  executing \"c/templates/b.yaml\" at <.Values.x.y>:"))
        #expect(failing.stderr.hasSuffix("\n\nUse --debug flag to render out invalid YAML\n"))
        // json mode: the engine's message only, as the oracle prints it.
        #expect(try CLI.render([chart, "--output", "json"]).stderr.hasSuffix("nil pointer evaluating interface {}.y\n"))
    }

    @Test func inputErrors() throws {
        let chart = try CLI.chart(["Chart.yaml": CLI.chartYAML(), "templates/a.yaml": "kind: A\n"])
        #expect(try CLI.render(["./no/such/chart"]) == .failure(#"path "./no/such/chart" not found"#))
        #expect(try CLI.render(["/no/such/chart"]) == .failure(#"path "/no/such/chart" not found"#))
        #expect(try CLI.render(["nochart"]) == .failure(
            "non-absolute URLs should be in form of repo_name/path_to_chart, got: nochart"))
        #expect(try CLI.render(["a", "b", "c"]) == .failure("expected at most two arguments, unexpected arguments: c"))
        #expect(try CLI.render([chart, "-f", "/no/such.yaml"]) == .failure("open /no/such.yaml: no such file or directory"))
        #expect(try CLI.render([chart, "--set", "a"]) == .failure(#"failed parsing --set data: key "a" has no value"#))
        #expect(try CLI.render([chart, "--set-file", "a=/no/such"]) == .failure(
            "failed parsing --set-file data: open /no/such: no such file or directory"))
        let bad = try CLI.chart(["v.yaml": "a: [\n"]) + "/v.yaml"
        let parsed = try CLI.render([chart, "-f", bad])
        #expect(parsed.stderr.hasPrefix("Error: failed to parse \(bad): "))
        #expect(try CLI.render(["Bad_Name", chart]) == .failure(
            #"release name check failed: release name "Bad_Name": invalid release name, must match regex "#
                + #"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"#))
        #expect(try CLI.render([chart.replacingOccurrences(of: "/c", with: "/nochartyaml")]).exitCode == 1)
    }

    @Test func chartKindErrors() throws {
        let library = try CLI.chart(["Chart.yaml": CLI.chartYAML(extra: "type: library\n"), "templates/_a.tpl": ""])
        #expect(try CLI.render([library]) == .failure("library charts are not installable"))
        let missingDependency = try CLI.chart([
            "Chart.yaml": CLI.chartYAML(extra: "dependencies:\n- name: sub\n  version: 1.0.0\n- name: other\n  version: 1.0.0\n"),
        ])
        #expect(try CLI.render([missingDependency]) == .failure(
            "an error occurred while checking for chart dependencies. You may need to run 'helm dependency build' "
                + "to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: sub, other"))
    }

    @Test(.enabled(if: Fixtures.hasConformance))
    func schemaValidationAndItsSwitch() throws {
        let chart = Fixtures.conformance.appendingPathComponent("data/v3/with-schema").path
        let message = "values don't meet the specifications of the schema(s) in the following chart(s):\nwith-schema:\n- at '': missing property 'image'\n"
        #expect(try CLI.render([chart]) == .failure(message))
        #expect(try CLI.render([chart, "--locate"]) == .failure(message + "\nat \(chart)/values.schema.json"))
        #expect(try CLI.render([chart, "--skip-schema-validation"]).exitCode == 0)
    }

    /// `.Capabilities` as each released CLI gives it (helm3 3.20.2 and helm4
    /// 4.2.3 `template` of this chart), and as helm-unittest 1.1.0's Helm
    /// library gives it to `chartunit test`.
    @Test(arguments: [
        ("3", #"{"version":"v3.20.2","git_commit":"8fb76d6ab555577e98e23b7500009537a471feee","git_tree_state":"clean","go_version":"go1.27.3"}"#,
         "v1.35.0", 57),
        ("4", #"{"version":"v4.2.3","git_commit":"43e8b7feece8beb0fcba47059ec9b522fd929a64","git_tree_state":"clean","go_version":"go1.27.3","kube_client_version":"v1.36"}"#,
         "v1.36.0", 55),
    ])
    func capabilitiesOfTheReleasedCLIs(_ version: String, _ helmVersion: String, _ kubeVersion: String, _ apiVersions: Int) throws {
        let chart = try CLI.chart(["Chart.yaml": CLI.chartYAML(), "templates/t.yaml":
            "h: {{ .Capabilities.HelmVersion | toJson }}\nk: {{ .Capabilities.KubeVersion }}\nn: {{ len .Capabilities.APIVersions }}\n"])
        let outcome = try CLI.render([chart, "--helm-version", version])
        #expect(outcome.stdout == "---\n# Source: c/templates/t.yaml\nh: \(helmVersion)\nk: \(kubeVersion)\nn: \(apiVersions)\n")
    }

    /// Where `helm3 template` (3.20.2) and `helm4 template` (4.2.3) differ,
    /// as each printed it for these charts: Helm 3 trims both ends of every
    /// document and has no webhook kinds in its install order, and words
    /// its warnings, its unknown-hook log and its missing-dependency error
    /// its own way.
    @Test(arguments: [
        ("3", "sorting", "---\n# Source: c/templates/a.yaml\n# only a comment\n---\n# Source: c/templates/b.yaml\n"
            + "kind: ValidatingWebhookConfiguration\n---\n# Source: c/templates/c.yaml\nkind: Zebra\n", ""),
        ("4", "sorting", "---\n# Source: c/templates/b.yaml\nkind: ValidatingWebhookConfiguration\n\n---\n"
            + "# Source: c/templates/a.yaml\n# only a comment\n\n---\n# Source: c/templates/c.yaml\nkind: Zebra\n", ""),
        ("3", "show-only", "---\n# Source: c/templates/u.yaml\nb: 2\n", ""),
        ("4", "show-only", "---\n# Source: c/templates/u.yaml\nb: 2\n\n", ""),
        ("3", "deprecated", "---\n# Source: c/templates/t.yaml\na: 1\n", "WARNING: This chart is deprecated\n"),
        ("4", "deprecated", "---\n# Source: c/templates/t.yaml\na: 1\n", "level=WARN msg=\"this chart is deprecated\"\n"),
        ("3", "unknown hook", "\n", "manifest_sorter.go:199: info: skipping unknown hook: \"bogus\"\n"),
        ("4", "unknown hook", "\n", "level=INFO msg=\"skipping unknown hooks\" hookTypes=bogus\n"),
        ("3", "missing dependency", "", "Error: An error occurred while checking for chart dependencies. You may need to run "
            + "`helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: sub\n"),
        ("4", "missing dependency", "", "Error: an error occurred while checking for chart dependencies. You may need to run "
            + "'helm dependency build' to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: sub\n"),
    ])
    func helm3AndHelm4Differ(_ version: String, _ chart: String, _ stdout: String, _ stderr: String) async throws {
        let files: [String: String] = switch chart {
        case "sorting": ["Chart.yaml": CLI.chartYAML(), "templates/a.yaml": "# only a comment\n",
                         "templates/b.yaml": "kind: ValidatingWebhookConfiguration\n", "templates/c.yaml": "kind: Zebra\n"]
        case "show-only": ["Chart.yaml": CLI.chartYAML(), "templates/t.yaml": "a: 1\n", "templates/u.yaml": "b: 2\n"]
        case "deprecated": ["Chart.yaml": CLI.chartYAML(extra: "deprecated: true\n"), "templates/t.yaml": "a: 1\n"]
        case "unknown hook": ["Chart.yaml": CLI.chartYAML(),
                              "templates/h.yaml": "kind: Pod\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook: bogus\n"]
        default: ["Chart.yaml": CLI.chartYAML(extra: "dependencies:\n- name: sub\n  version: 1.0.0\n"), "templates/t.yaml": "a: 1\n"]
        }
        let path = try CLI.chart(files)
        let outcome = await CLI.run(["render", path, "--helm-version", version] + (chart == "show-only" ? ["-s", "templates/u.yaml"] : []))
        #expect(outcome.stdout == stdout)
        #expect(outcome.stderr == stderr)
        #expect(outcome.exitCode == (chart == "missing dependency" ? 1 : 0))
    }

    @Test func optionValidation() {
        #expect(throws: (any Error).self) { try Chartunit.parseAsRoot(["render", "x", "--helm-version", "5"]) }
        #expect(throws: (any Error).self) { try Chartunit.parseAsRoot(["render", "x", "--output", "yaml"]) }
        #expect(throws: (any Error).self) { try Chartunit.parseAsRoot(["render"]) }
    }

    @Test(arguments: [
        ("a,b", ["a", "b"]), ("", []), ("\"a,b\",c", ["a,b", "c"]), ("a\"b", ["a\"b"]), ("x,", ["x", ""]),
    ])
    func stringSliceFlags(_ value: String, _ expected: [String]) {
        #expect(GoFlags.csvSplit(value) == expected)
    }
}
