import GoTemplate
import Semver

/// The Sprig v3 template function library as Helm exposes it (Helm
/// removes `env` and `expandenv`, and overrides a few with its own).
public enum Sprig {
    /// Every Sprig function by name; `semver` picks the Masterminds/semver
    /// release whose error texts `semverCompare` reproduces (Helm 4 vendors
    /// v3.5, Helm 3.20 v3.4).
    public static func functions(semver: SemverDialect = .v3_5) -> [String: TemplateFunction] {
        var all: [String: TemplateFunction] = [:]
        for part in [coreFunctions, textFunctions(semver: semver), cryptoFunctions] {
            all.merge(part) { _, new in new }
        }
        return all
    }
}
