import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport

/// `chartunit test`'s `--helm-version` default when a Helm runs chartunit as
/// its plugin: a fake `HELM_BIN` stands in for Helm 3 and Helm 4.
@Suite struct HelmPluginEnvironmentTests {
    /// `Tests/Fixtures/plugin/fake-helm`, which answers `version --template {{.Version}}`
    /// by running the shell fragment in `$FAKE_HELM`.
    static let fakeHelm = Fixtures.url("plugin/fake-helm")

    /// The environment Helm gives a plugin, with `HELM_BIN` set to `helm`
    /// and the fake Helm's answer `answer`.
    static func pluginEnvironment(helm: String = fakeHelm.path, answer: String = "",
                                  path: String = "/usr/bin:/bin") -> [String: String] {
        ["HELM_BIN": helm, "HELM_PLUGIN_NAME": "chartunit", "HELM_PLUGIN_DIR": "/plugins/chartunit", "PATH": path,
         "FAKE_HELM": answer]
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The fake Helm's answer (nil: HELM_BIN names no file).
        var helm: String?
        var explicit: Int?
        var plugin = true
        /// The version chosen (`v3`, `v4`), or the error's text.
        var expected: Result<String, Message>
        var testDescription: String { name }
    }

    struct Message: Error, Equatable, Sendable {
        var text: String
        init(_ text: String) { self.text = text }
    }

    static let cases: [Case] = [
        Case(name: "not a plugin: Helm 3", helm: "printf v4.2.3", plugin: false, expected: .success("v3")),
        Case(name: "run by Helm 4", helm: "printf v4.2.3", expected: .success("v4")),
        Case(name: "run by Helm 3", helm: "printf 'v3.20.2\\n'", expected: .success("v3")),
        Case(name: "Helm 4 prerelease", helm: "echo v4.0.0-rc.1", expected: .success("v4")),
        Case(name: "kubeconfig warning on stderr", helm: "echo 'WARNING: group-readable' >&2; echo v4.1.0",
             expected: .success("v4")),
        Case(name: "explicit 3 beats Helm 4", helm: "printf v4.2.3", explicit: 3, expected: .success("v3")),
        Case(name: "explicit 4 beats Helm 3", helm: "printf v3.20.2", explicit: 4, expected: .success("v4")),
        Case(name: "explicit flag never runs HELM_BIN", helm: nil, explicit: 4, expected: .success("v4")),
        Case(name: "HELM_BIN missing", helm: nil, expected: .failure(Message(
            "is not an executable file; pass --helm-version 3 or 4"))),
        Case(name: "HELM_BIN fails", helm: "echo 'Error: boom' >&2; echo more >&2; exit 3", expected: .failure(Message(
            "`version` exited with status 3: Error: boom; pass --helm-version 3 or 4"))),
        Case(name: "HELM_BIN prints no version", helm: "echo hello", expected: .failure(Message(
            "`version` printed \"hello\", not a version; pass --helm-version 3 or 4"))),
        Case(name: "HELM_BIN prints a bare v", helm: "echo v.1", expected: .failure(Message(
            "`version` printed \"v.1\", not a version; pass --helm-version 3 or 4"))),
        Case(name: "Helm 5", helm: "echo v5.0.1", expected: .failure(Message(
            "Helm v5.0.1 runs chartunit, which renders with Helm 3 or Helm 4 semantics: pass --helm-version 3 or 4"))),
    ]

    @Test(arguments: cases)
    func helmVersionDefault(_ row: Case) {
        let helm = row.helm == nil ? "/nonexistent/helm" : Self.fakeHelm.path
        var environment = Self.pluginEnvironment(helm: helm, answer: row.helm ?? "")
        if !row.plugin { environment["HELM_PLUGIN_DIR"] = nil }
        let result: Result<String, Message>
        do {
            result = .success(String(describing: try HelmPluginEnvironment.helmVersion(explicit: row.explicit, environment: environment)))
        } catch {
            let prefix = "cannot tell which Helm runs chartunit: HELM_BIN=\"\(helm)\" "
            result = .failure(Message(error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message))
        }
        #expect(result == row.expected)
    }

    @Test func bareHelmBinIsLookedUpInPath() throws {
        let environment = Self.pluginEnvironment(helm: "fake-helm", answer: "echo v4.2.3",
                                                 path: "/nonexistent:" + Self.fakeHelm.deletingLastPathComponent().path)
        #expect(String(describing: try HelmPluginEnvironment.helmVersion(explicit: nil, environment: environment)) == "v4")
    }

    /// `chartunit test` on a chart whose Helm 3 suite passes only with Helm 3
    /// semantics and whose Helm 4 suite only with Helm 4's, run by a fake Helm.
    @Test(arguments: [("v3.20.2", nil, "3", 0), ("v3.20.2", nil, "4", 1), ("v4.2.3", nil, "4", 0), ("v4.2.3", nil, "3", 1),
                      ("v4.2.3", "3", "3", 0), ("v3.20.2", "4", "4", 0)] as [(String, String?, String, Int32)])
    func testCommandRendersWithTheInvokingHelm(_ helmVersion: String, _ flag: String?, _ suite: String, _ status: Int32) async {
        let chart = Fixtures.url("plugin/helm-version").path
        let arguments = ["test", "-f", "tests/helm\(suite)_test.yaml", chart] + (flag.map { ["--helm-version", $0] } ?? [])
        var environment = Self.pluginEnvironment(answer: "echo \(helmVersion)")
        environment["NO_COLOR"] = "1"
        let outcome = await Chartunit.outcome(arguments: arguments, in: ProcessContext(environment: environment, isTerminal: false))
        #expect(outcome.exitCode == status, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.contains("Tests:       \(status == 0 ? "1 passed" : "1 failed, 0 passed"), 1 total"))
    }

    @Test func testCommandNamesAnUnusableHelm() async {
        let chart = Fixtures.url("plugin/helm-version").path
        let environment = Self.pluginEnvironment(helm: "/nonexistent/helm")
        let outcome = await Chartunit.outcome(arguments: ["test", chart], in: ProcessContext(environment: environment, isTerminal: false))
        #expect(outcome == CommandOutcome(stderr: "Error: cannot tell which Helm runs chartunit: HELM_BIN=\"/nonexistent/helm\" "
                                            + "is not an executable file; pass --helm-version 3 or 4\n", exitCode: 1))
    }

    /// The plugin manifests carry the version `chartunit version` prints.
    @Test(arguments: ["helm3", "helm4"])
    func pluginManifestVersion(_ helm: String) throws {
        let manifest = try String(contentsOf: Fixtures.repository.appendingPathComponent("plugin/\(helm)/plugin.yaml"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").contains("version: \(ChartunitVersion.string)"))
    }
}
