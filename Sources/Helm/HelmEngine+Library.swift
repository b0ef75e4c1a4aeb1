import GoTemplate

extension HelmEngine {
    /// Helm's function map for `helm`: Sprig without `env`/`expandenv`, then Helm's own.
    static func library(_ helm: HelmVersion) -> [String: TemplateFunction] {
        HelmFunctions.functions(helm)
    }
}
