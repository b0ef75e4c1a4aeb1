import Diagnostics
import GoStd
import Testing
@testable import Helm
import Values

/// Renders whose helpers `include` remembers give what Helm gives (the
/// outputs here are `helm template`'s, 3.20.2 and 4.2.3): a change to the
/// data between calls, a helper that changes its data, `.Template` across
/// templates, randomness, `tpl`'s own definitions and the include limit
/// all behave as in a fresh run of every call.
@Suite struct IncludeMemoRenderTests {
    static let helpers = """
        {{- define "show" }}{{ .Values.a.b }}{{ end }}
        {{- define "inc" }}{{ $_ := set .Values "n" (add1 .Values.n) }}{{ .Values.n }}{{ end }}
        {{- define "val" }}{{ .a }}{{ end }}
        {{- define "nested" }}{{ .m.x }}{{ end }}
        {{- define "name" }}{{ .Template.Name }}{{ end }}
        {{- define "rand" }}{{ randAlphaNum 16 }}{{ end }}
        {{- define "local" }}{{ $d := dict "k" "v" }}{{ $_ := set $d "k" (printf "%s%s" $d.k "w") }}{{ $d.k }}{{ end }}
        {{- define "x" }}main{{ end }}
        """

    static let first = #"""
        counter: {{ include "inc" . }}{{ include "inc" . }}
        merged: {{ include "show" . }}{{ $d := dict "a" .Values.a }}{{ $_ := mergeOverwrite $d (dict "a" (dict "b" "new")) }}{{ include "show" . }}
        dictarg: {{ $d := dict "a" 1 }}{{ include "val" $d }}{{ $_ := set $d "a" 2 }}{{ include "val" $d }}
        nestedarg: {{ $inner := dict "x" 1 }}{{ $o := dict "m" $inner }}{{ include "nested" $o }}{{ $_ := set $inner "x" 2 }}{{ include "nested" $o }}
        name: {{ include "name" . }}
        random: {{ eq (include "rand" .) (include "rand" .) }}
        local: {{ include "local" . }}{{ include "local" . }}
        tpl: {{ include "x" . }}{{ tpl "{{ define \"x\" }}tpl{{ end }}{{ include \"x\" . }}" . }}{{ include "x" . }}

        """#

    static let second = """
        name: {{ include "name" . }}
        counter: {{ include "inc" . }}

        """

    static func render(_ templates: [String: String], helm: HelmVersion) throws(LocatedError) -> [String: GoString] {
        var files = [
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: memo\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "values.yaml", data: Array("a:\n  b: old\nn: 0\n".utf8)),
        ]
        files += templates.keys.sorted().map { ChartFile(name: $0, data: Array(templates[$0, default: ""].utf8)) }
        let chart = try ChartLoader(helm: helm).loadFiles(files)
        return try HelmEngine(chart: chart, helm: helm).render(userValues: GoMap(), options: RenderOptions(helm: helm))
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func helpersSeeEveryChange(helm: HelmVersion) throws {
        let templates = ["templates/_h.tpl": Self.helpers, "templates/a.yaml": Self.first, "templates/b.yaml": Self.second]
        for _ in 0..<2 {
            let out = try Self.render(templates, helm: helm)
            // b.yaml renders first; `.Values` is shared by both templates.
            #expect(out["memo/templates/a.yaml"]?.text == """
                counter: 23
                merged: oldnew
                dictarg: 12
                nestedarg: 12
                name: memo/templates/a.yaml
                random: false
                local: vwvw
                tpl: maintplmain

                """)
            #expect(out["memo/templates/b.yaml"]?.text == "name: memo/templates/b.yaml\ncounter: 1\n")
        }
    }

    /// `r` recurses `n` levels, then `m` more: 600 levels first, remembered;
    /// the same call again at the bottom of 500 levels would take one name
    /// past 1000 nested includes, which fails (and 300 levels do not).
    @Test(arguments: [(300, true), (500, false)])
    func includeLimitHoldsForRememberedCalls(levels: Int, succeeds: Bool) throws {
        let template = """
            {{- define "r" }}{{ if gt (int .n) 0 }}{{ include "r" (dict "n" (sub (int .n) 1) "m" .m) }}\
            {{ else if gt (int .m) 0 }}{{ include "r" (dict "n" (int .m) "m" 0) }}{{ else }}x{{ end }}{{ end -}}
            a: {{ include "r" (dict "n" 600 "m" 0) }}
            b: {{ include "r" (dict "n" \(levels) "m" 600) }}
            """
        for helm in [HelmVersion.v3, .v4] {
            do {
                let out = try Self.render(["templates/t.yaml": template], helm: helm)
                #expect(succeeds)
                #expect(out["memo/templates/t.yaml"]?.text == "a: x\nb: x")
            } catch {
                #expect(!succeeds)
                #expect(error.description.hasSuffix("rendering template has a nested reference name: r: unable to execute template"))
            }
        }
    }
}
