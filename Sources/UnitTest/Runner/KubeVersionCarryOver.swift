import Diagnostics

/// A Kubernetes version as helm-unittest's `capabilitiesV3` builds it.
public struct KubeVersion: Sendable, Hashable, CustomStringConvertible {
    public var major: String
    public var minor: String

    /// helm-unittest's starting value, `v1.20.0`.
    public static let initial = KubeVersion(major: "1", minor: "20")

    public var description: String { "v\(major).\(minor).0" }
}

/// Where a job's Kubernetes version came from, when an earlier job set it.
public struct KubeVersionOrigin: Sendable, Hashable {
    /// The version the job rendered with.
    public var version: KubeVersion
    /// The suite file and test name of the job that set it.
    public var suiteFile: String
    public var test: String
}

/// helm-unittest 1.1's kube-version carry-over. `TestJob.capabilitiesV3`
/// takes Helm's package-level `DefaultCapabilities` pointer and writes the
/// job's KubeVersion into it, so every job that gets as far as rendering
/// leaves its version behind, and a later job that sets no `majorVersion` /
/// `minorVersion` of its own (or through its suite) renders with the
/// version of the last such job before it in the run: across tests,
/// suites and charts, in run order. Skipped jobs never render; a job whose
/// values cannot be built or whose release name is invalid stops before.
///
/// chartunit runs suites in parallel, so the versions are worked out here,
/// in run order, before the suites run.
struct KubeVersionCarryOver {
    /// The version in Helm's global after the jobs seen so far.
    private(set) var current = KubeVersion.initial
    /// The job that last set it (nil: still helm-unittest's start value).
    private var setBy: (suiteFile: String, test: String)?

    /// The version each job of `suite` renders with (nil for skipped jobs),
    /// and, when it differs from what the job would get in a run of its
    /// own, the job that left it behind; advances the
    /// global past the suite. `reachesRender` says whether a job that sets
    /// a version of its own gets as far as `capabilitiesV3`.
    mutating func versions(for suite: TestSuite,
                           reachesRender: (EffectiveJob) -> Bool) -> [(version: KubeVersion, origin: KubeVersionOrigin?)?] {
        suite.tests.map { job in
            let effective = EffectiveJob(job: job, suite: suite)
            guard effective.skipReason.isEmpty else { return nil }
            let major = effective.ownKubeMajor, minor = effective.ownKubeMinor
            if major.isEmpty && minor.isEmpty {
                let origin = current == .initial ? nil
                    : setBy.map { KubeVersionOrigin(version: current, suiteFile: $0.suiteFile, test: $0.test) }
                return (current, origin)
            }
            let version = KubeVersion(major: major.isEmpty ? current.major : major, minor: minor.isEmpty ? current.minor : minor)
            let alone = KubeVersion(major: major.isEmpty ? KubeVersion.initial.major : major,
                                    minor: minor.isEmpty ? KubeVersion.initial.minor : minor)
            let origin = version == alone ? nil : setBy.map { KubeVersionOrigin(version: version, suiteFile: $0.suiteFile, test: $0.test) }
            if reachesRender(effective) {
                current = version
                setBy = (suite.definitionFile, job.name)
            }
            return (version, origin)
        }
    }
}
