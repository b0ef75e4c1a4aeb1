import Diagnostics
import GoStd
import Testing
@testable import Helm
import Values

/// `{{template}}` calls are remembered as `include`s are: the same
/// helpers as ``IncludeMemoRenderTests`` called through `template` give
/// what Helm gives (`helm template`, 3.20.2 and 4.2.3), and a remembered
/// call is run again where it would meet Go's template depth limit.
@Suite struct TemplateMemoRenderTests {
    static let first = #"""
        counter: {{ template "inc" . }}{{ template "inc" . }}
        merged: {{ template "show" . }}{{ $d := dict "a" .Values.a }}{{ $_ := mergeOverwrite $d (dict "a" (dict "b" "new")) }}{{ template "show" . }}
        dictarg: {{ $d := dict "a" 1 }}{{ template "val" $d }}{{ $_ := set $d "a" 2 }}{{ template "val" $d }}
        nestedarg: {{ $inner := dict "x" 1 }}{{ $o := dict "m" $inner }}{{ template "nested" $o }}{{ $_ := set $inner "x" 2 }}{{ template "nested" $o }}
        name: {{ template "name" . }}
        random: {{ template "rand" . }}|{{ template "rand" . }}
        local: {{ template "local" . }}{{ template "local" . }}
        tpl: {{ template "x" . }}{{ tpl "{{ define \"x\" }}tpl{{ end }}{{ template \"x\" . }}" . }}{{ template "x" . }}
        mixed: {{ include "inc" . }}{{ template "inc" . }}{{ include "inc" . }}
        nil: a{{ template "val" }}b{{ template "val" .Values.missing }}c{{ template "dot" .Values.missing }}d{{ template "dot" }}e

        """#

    static let second = """
        name: {{ template "name" . }}
        counter: {{ template "inc" . }}

        """

    @Test(arguments: [HelmVersion.v3, .v4])
    func helpersSeeEveryChange(helm: HelmVersion) throws {
        let helpers = IncludeMemoRenderTests.helpers + #"{{- define "dot" }}{{ . }}{{ end }}"#
        let templates = ["templates/_h.tpl": helpers, "templates/a.yaml": Self.first, "templates/b.yaml": Self.second]
        for _ in 0..<2 {
            let out = try IncludeMemoRenderTests.render(templates, helm: helm)
            let text = out["memo/templates/a.yaml"]?.text ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 11)
            // Two draws of 16 random characters differ.
            let random = lines.first { $0.hasPrefix("random: ") }?.dropFirst(8).split(separator: "|") ?? []
            #expect(random.count == 2 && random[0].count == 16 && random[0] != random[1])
            #expect(lines.filter { !$0.hasPrefix("random: ") }.joined(separator: "\n") == """
                counter: 23
                merged: oldnew
                dictarg: 12
                nestedarg: 12
                name: memo/templates/a.yaml
                local: vwvw
                tpl: maintplmain
                mixed: 456
                nil: abcde

                """)
            #expect(out["memo/templates/b.yaml"]?.text == "name: memo/templates/b.yaml\ncounter: 1\n")
        }
    }

    /// `r` recurses `n` levels through `template`, then `m` more: 60000
    /// levels first, remembered; the same call again below 50000 levels
    /// passes Go's 100000, which fails (and below 30000 it does not).
    @Test(arguments: [(30000, true), (50000, false)])
    func depthLimitHoldsForRememberedCalls(levels: Int, succeeds: Bool) throws {
        let template = """
            {{- define "r" }}{{ if gt (int .n) 0 }}{{ template "r" (dict "n" (sub (int .n) 1) "m" .m) }}\
            {{ else if gt (int .m) 0 }}{{ template "r" (dict "n" (int .m) "m" 0) }}{{ else }}x{{ end }}{{ end -}}
            a: {{ template "r" (dict "n" 60000 "m" 0) }}
            b: {{ template "r" (dict "n" \(levels) "m" 60000) }}
            """
        do {
            let out = try IncludeMemoRenderTests.render(["templates/t.yaml": template], helm: .v4)
            #expect(succeeds)
            #expect(out["memo/templates/t.yaml"]?.text == "a: x\nb: x")
        } catch {
            #expect(!succeeds)
            #expect(error.description.hasSuffix("exceeded maximum template depth (100000)"))
        }
    }
}
