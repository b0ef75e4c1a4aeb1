import Testing
@testable import Helm

/// Results the engine remembers across calls (`fromYaml` of a text seen
/// before) are handed out as fresh values: a template changing one (`set`, `merge`)
/// changes neither the remembered one nor later calls' results.
@Suite struct RememberedResultsTests {
    @Test(arguments: [HelmVersion.v3, .v4])
    func fromYamlGivesAFreshMapEachTime(helm: HelmVersion) throws {
        let template = """
            {{- $m := fromYaml "a: 1\\nl: [x]\\nsub: {k: v}" -}}
            {{- $_ := mustMergeOverwrite $m (dict "b" 2 "sub" (dict "k" "changed")) -}}
            {{- toYaml $m }}|{{ toYaml (fromYaml "a: 1\\nl: [x]\\nsub: {k: v}") }}
            """
        for _ in 0..<2 {
            let (out, _) = try ValuesTypeTests().render(template, helm: helm)
            #expect(out == "a: 1\nb: 2\nl:\n- x\nsub:\n  k: changed|a: 1\nl:\n- x\nsub:\n  k: v")
        }
    }
}
