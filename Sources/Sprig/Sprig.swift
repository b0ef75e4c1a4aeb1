import GoTemplate
import Semver

/// The Sprig v3 template function library as Helm exposes it (Helm
/// removes `env` and `expandenv`, and overrides a few with its own).
public enum Sprig {
    /// Every Sprig function by name; `semver` picks the Masterminds/semver
    /// release whose error texts `semverCompare` reproduces (Helm 4 vendors
    /// v3.5, Helm 3.20 v3.4), `urlStrictColons` whether `urlParse` refuses
    /// a second colon in an http(s) host (Go's `urlstrictcolons`, on in
    /// Helm 4's build, off in Helm 3's).
    public static func functions(semver: SemverDialect = .v3_5, urlStrictColons: Bool = true) -> [String: TemplateFunction] {
        FunctionFamily.functions(of: families(semver: semver, urlStrictColons: urlStrictColons))
    }

    /// The library as documented tables, in the order of docs/functions.md;
    /// no two families have a name in common.
    public static func families(semver: SemverDialect = .v3_5, urlStrictColons: Bool = true) -> [FunctionFamily] {
        [
            stringFamily, listFamily, dictFamily, mathFamily, defaultFamily, conversionFamily, encodingFamily,
            regexFamily, dateFamily, semverFamily(semver), pathFamily(urlStrictColons: urlStrictColons), cryptoFamily,
        ]
    }
}
