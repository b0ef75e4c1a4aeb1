import Semver
import Sprig

/// Helm's `chartutil.IsCompatibleRange`: whether `version` satisfies the
/// Masterminds/semver `constraint`; false when either does not parse.
func isCompatibleRange(_ constraint: String, _ version: String) -> Bool {
    guard let v = try? SemverVersion.cached(version),
          let c = try? SemverConstraints.cached(constraint) else { return false }
    return c.check(v)
}

/// Whether `version` is a semantic version Masterminds/semver's `NewVersion` accepts.
func isSemanticVersion(_ version: String) -> Bool {
    (try? SemverVersion.cached(version)) != nil
}
