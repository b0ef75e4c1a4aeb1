import GoTemplate
import Sprig

extension HelmEngine {
    /// Helm's function map for `helm`: Sprig without `env`/`expandenv`,
    /// then Helm's own functions over it (pkg/engine/funcs.go, engine.go).
    static func library(_ helm: HelmVersion) -> [String: TemplateFunction] {
        var functions = Sprig.functions(semver: helm == .v4 ? .v3_5 : .v3_4)
        functions["env"] = nil
        functions["expandenv"] = nil
        functions.merge(HelmFunctions.functions(helm)) { _, helmOwn in helmOwn }
        return functions
    }
}
