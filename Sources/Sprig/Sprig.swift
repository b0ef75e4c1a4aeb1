import GoTemplate

/// The Sprig v3 template function library as Helm v4 exposes it (Helm
/// removes `env` and `expandenv`, and overrides a few with its own).
public enum Sprig {
    /// Every Sprig function by name.
    public static func functions() -> [String: TemplateFunction] {
        var all: [String: TemplateFunction] = [:]
        for part in [coreFunctions, textFunctions, cryptoFunctions] {
            all.merge(part) { _, new in new }
        }
        return all
    }
}
