import GoTemplate
import Sprig

extension HelmEngine {
    /// Helm's function map for `helm` (see ``HelmFunctionLibrary``).
    static func library(_ helm: HelmVersion) -> [String: TemplateFunction] {
        HelmFunctionLibrary(helm: helm).functions
    }
}

/// Every function a chart's templates can call under one Helm version, as
/// the documented families it is built from: Go's builtins, Sprig's
/// (without `env`/`expandenv`) and Helm's own, where Helm's own win over
/// Sprig's and Sprig's over Go's (pkg/engine/funcs.go, engine.go).
public struct HelmFunctionLibrary: Sendable {
    /// The families in order of precedence: a later family's function wins.
    public let families: [FunctionFamily]
    /// Helm's function map: Sprig without `env`/`expandenv`, then Helm's
    /// own over it. Go's builtins are not in it: a template reaches them
    /// when the map lacks the name.
    public let functions: [String: TemplateFunction]

    /// The library of `helm`.
    public init(helm: HelmVersion) {
        let sprig = Sprig.families(semver: helm == .v4 ? .v3_5 : .v3_4, urlStrictColons: helm == .v4)
        let helmOwn = HelmFunctions.family(helm)
        var functions = FunctionFamily.functions(of: sprig)
        functions["env"] = nil
        functions["expandenv"] = nil
        functions.merge(helmOwn.functions) { _, helmOwn in helmOwn }
        self.functions = functions
        self.families = [.goBuiltins] + sprig + [helmOwn]
    }

    /// The id of the family whose function a template calling `name`
    /// gets, or nil when no family's function answers to the name.
    public func familyID(reaching name: String) -> String? {
        guard let function = functions[name] else {
            let builtins = FunctionFamily.goBuiltins
            return builtins.functions[name] != nil ? builtins.id : nil
        }
        return families.last { $0.functions[name] === function }?.id
    }
}
