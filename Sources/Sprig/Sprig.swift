import GoTemplate
import Semver

/// The Sprig v3 template function library as Helm exposes it (Helm
/// removes `env` and `expandenv`, and overrides a few with its own).
public enum Sprig {
    /// Every Sprig function by name; `semver` picks the Masterminds/semver
    /// release whose error texts `semverCompare` reproduces (Helm 4 vendors
    /// v3.5, Helm 3.20 v3.4).
    public static func functions(semver: SemverDialect = .v3_5) -> [String: TemplateFunction] {
        FunctionFamily.functions(of: families(semver: semver))
    }

    /// The library as documented tables, in the order of docs/functions.md;
    /// no two families have a name in common.
    public static func families(semver: SemverDialect = .v3_5) -> [FunctionFamily] {
        [
            stringFamily, listFamily, dictFamily, mathFamily, defaultFamily, conversionFamily, encodingFamily,
            regexFamily, dateFamily, semverFamily(semver), pathFamily, cryptoFamily,
        ]
    }
}
