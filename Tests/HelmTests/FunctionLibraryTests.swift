import GoTemplate
@testable import Helm
import Testing

/// The function map of each Helm version and the families it is built from:
/// Helm's own over Sprig's over Go's builtins, `env`/`expandenv` removed.
@Suite struct FunctionLibraryTests {
    /// Helm's own functions under Helm 3.20 (helm-unittest).
    static let helm3Names = """
        fail fromJson fromJsonArray fromToml fromYaml fromYamlArray getHostByName include lookup required \
        toJson toToml toYaml toYamlPretty tpl
        """.split(separator: " ").map(String.init)
    /// Helm's own functions under Helm 4: Helm 3's and three `must…` ones.
    static let helm4Names = """
        fail fromJson fromJsonArray fromToml fromYaml fromYamlArray getHostByName include lookup mustToJson \
        mustToToml mustToYaml required toJson toToml toYaml toYamlPretty tpl
        """.split(separator: " ").map(String.init)

    static func sprigNames(_ library: HelmFunctionLibrary) -> Set<String> {
        Set(library.families.filter { $0.library == "Sprig" }.flatMap(\.functions.keys))
    }

    @Test(arguments: [(HelmVersion.v3, helm3Names, 220), (.v4, helm4Names, 222)])
    func theMapIsSprigThenHelmsOwn(_ row: (HelmVersion, [String], Int)) {
        let (helm, helmNames, count) = row
        let library = HelmFunctionLibrary(helm: helm)
        #expect(Set(HelmFunctions.functions(helm).keys) == Set(helmNames))
        #expect(Self.sprigNames(library).count == 209)
        #expect(Set(HelmEngine.library(helm).keys) == Self.sprigNames(library).union(helmNames))
        #expect(library.functions.count == count)
        #expect(library.families.map(\.id).first == "go-builtins")
        #expect(library.families.map(\.id).last == "helm")
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func helmsOwnWinOverSprigsAndSprigsOverGos(_ helm: HelmVersion) {
        let library = HelmFunctionLibrary(helm: helm)
        let own = library.families.last!
        for (name, function) in library.functions {
            if let helmOwn = own.functions[name] {
                #expect(function === helmOwn, "\(name)")
            } else {
                #expect(library.familyID(reaching: name)?.hasPrefix("sprig-") == true, "\(name)")
            }
        }
        for name in ["fail", "toJson", "fromJson", "getHostByName", "include", "toYaml"] {
            #expect(library.familyID(reaching: name) == "helm", "\(name)")
        }
        #expect(library.familyID(reaching: "mustToJson") == (helm == .v4 ? "helm" : "sprig-encoding"))
        #expect(library.familyID(reaching: "mustToYaml") == (helm == .v4 ? "helm" : nil))
        #expect(library.familyID(reaching: "slice") == "sprig-lists")
        #expect(library.familyID(reaching: "and") == "go-builtins")
        #expect(library.familyID(reaching: "printf") == "go-builtins")
        for name in ["env", "expandenv", "mustToDuration", "nope"] {
            #expect(library.familyID(reaching: name) == nil, "\(name)")
        }
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func everyReachableNameIsDocumented(_ helm: HelmVersion) {
        let library = HelmFunctionLibrary(helm: helm)
        let names = Set(library.functions.keys).union(FunctionFamily.goBuiltins.functions.keys)
        #expect(names.count == (helm == .v4 ? 240 : 238))
        for name in names {
            let id = library.familyID(reaching: name)
            let entry = library.families.first { $0.id == id }?.entries.first { $0.name == name }
            #expect(entry?.doc.isEmpty == false, "\(name)")
        }
    }
}
