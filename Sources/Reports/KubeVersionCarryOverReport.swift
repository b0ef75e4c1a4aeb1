import UnitTest

/// The tests that rendered with a Kubernetes version an earlier test left
/// behind (helm-unittest's kube-version carry-over, `docs/kube-version-carry-over.md`),
/// one line each, for `chartunit test --show-kube-carry-over`.
public struct KubeVersionCarryOverReport: Sendable {
    public init() {}

    /// `Kubernetes version carried over …` and a line per test; "" when no
    /// test inherited a version.
    public func render(_ run: RunResult) -> String {
        var lines: [String] = []
        for chart in run.charts {
            for suite in chart.suites {
                for test in suite.tests {
                    guard let origin = test.kubeVersionOrigin else { continue }
                    lines.append("  \(suite.filePath) › \(test.displayName): \(origin.version), "
                                 + "set by \(origin.suiteFile) › \(origin.test)")
                }
            }
        }
        guard !lines.isEmpty else { return "" }
        return "\nKubernetes version carried over from an earlier test (\(lines.count) test\(lines.count == 1 ? "" : "s")):\n"
            + lines.joined(separator: "\n") + "\n"
    }
}
