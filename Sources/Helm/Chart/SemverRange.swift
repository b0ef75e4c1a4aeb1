import GoStd
import Semver
import Sprig

/// Helm's `chartutil.IsCompatibleRange`: whether `version` satisfies the
/// Masterminds/semver `constraint`; false when either does not parse.
/// Remembered per pair: dependency processing asks the same pairs on every
/// render.
func isCompatibleRange(_ constraint: String, _ version: String) -> Bool {
    compatibleRanges.value(for: RangeCheck(constraint: constraint, version: version)) { check in
        guard let v = try? SemverVersion.cached(check.version),
              let c = try? SemverConstraints.cached(check.constraint) else { return false }
        return c.check(v)
    }
}

private struct RangeCheck: Hashable, Sendable {
    let constraint: String
    let version: String
}

private let compatibleRanges = Memo<RangeCheck, Bool, Never>()

/// Whether `version` is a semantic version Masterminds/semver's `NewVersion` accepts.
func isSemanticVersion(_ version: String) -> Bool {
    (try? SemverVersion.cached(version)) != nil
}
