import Foundation
import Testing
@testable import ChartunitCLI

/// `render --output-dir`, as `helm4 template rel c --output-dir D --include-crds
/// --release-name` (4.2.3) wrote and printed it for this chart, run twice
/// into the same folder: CRDs outside the release folder, a file per
/// template (its documents appended), and hook files appended to whatever
/// is on disk already, so the second run doubles them as Helm does.
@Suite struct RenderOutputDirTests {
    static let files = [
        "Chart.yaml": CLI.chartYAML(), "crds/crd.yaml": "kind: CustomResourceDefinition\nmetadata:\n  name: x\n",
        "templates/a.yaml": "kind: ConfigMap\nmetadata:\n  name: a\n",
        "templates/b.yaml": "kind: Secret\nmetadata:\n  name: b1\n---\nkind: Service\nmetadata:\n  name: b2\n",
        "templates/hook.yaml": "kind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n",
    ]

    static let hook = "---\n# Source: c/templates/hook.yaml\nkind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test\n\n"

    @Test func writesAsHelmDoes() async throws {
        let chart = try CLI.chart(Self.files)
        let root = (chart as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let stdout = ["c/crds/crd.yaml", "rel/c/templates/b.yaml", "rel/c/templates/a.yaml", "rel/c/templates/b.yaml",
                      "rel/c/templates/hook.yaml"].map { "wrote \(out)/\($0)\n" }.joined() + "\n"
        for pass in 1...2 {
            let outcome = await CLI.run(["render", "rel", chart, "--output-dir", out, "--include-crds", "--release-name"])
            #expect(outcome.exitCode == 0)
            #expect(outcome.stdout == stdout)
            #expect(outcome.stderr == "")
            func file(_ path: String) -> String? { try? String(contentsOfFile: out + "/" + path, encoding: .utf8) }
            #expect(file("c/crds/crd.yaml") == "---\n# Source: c/crds/crd.yaml\nkind: CustomResourceDefinition\nmetadata:\n  name: x\n\n")
            #expect(file("rel/c/templates/a.yaml") == "---\n# Source: c/templates/a.yaml\nkind: ConfigMap\nmetadata:\n  name: a\n\n")
            #expect(file("rel/c/templates/b.yaml") == "---\n# Source: c/templates/b.yaml\nkind: Secret\nmetadata:\n  name: b1\n"
                        + "---\n# Source: c/templates/b.yaml\nkind: Service\nmetadata:\n  name: b2\n\n")
            #expect(file("rel/c/templates/hook.yaml") == String(repeating: Self.hook, count: pass))
        }
    }

    /// `--show-only` looks at stdout, which `--output-dir` left empty: Helm
    /// writes the files, then fails.
    @Test func showOnlyFindsNothing() async throws {
        let chart = try CLI.chart(Self.files)
        let root = (chart as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = await CLI.run(["render", chart, "--output-dir", root + "/out", "-s", "templates/a.yaml"])
        #expect(outcome.exitCode == 1)
        #expect(outcome.stdout.hasPrefix("wrote \(root)/out/c/templates/b.yaml\n"))
        #expect(outcome.stderr == "Error: could not find template templates/a.yaml in chart\n")
    }
}
