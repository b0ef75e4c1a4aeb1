import Diagnostics
import GoStd
import Testing
@testable import Helm
import Values

/// Helm replaces `.Template` in a chart's context before each file; the
/// include memo keeps a helper's output across files only when the helper
/// cannot have read it. Each case is a chart whose three files include one
/// helper twice; the outputs are `helm template`'s (3.20.2 and 4.2.3), which
/// render the files in the order c, b, a.
@Suite struct ContextReplacementRenderTests {
    static let helpers = """
        {{- define "name" }}{{ .Template.Name }}{{ end }}
        {{- define "plain" }}{{ .Chart.Name }}-{{ include "name" . }}{{ end }}
        {{- define "alias" }}{{ $r := . }}{{ $r.Template.Name }}{{ end }}
        {{- define "index" }}{{ index . "Template" "Name" }}{{ end }}
        {{- define "action" }}{{ template "name" . }}{{ end }}
        {{- define "range" }}{{ range $k, $v := . }}{{ if eq $k "Template" }}{{ $v.Name }}{{ end }}{{ end }}{{ end }}
        {{- define "with" }}{{ with . }}{{ .Template.Name }}{{ end }}{{ end }}
        {{- define "dollar" }}{{ range list 1 }}{{ $.Template.Name }}{{ end }}{{ end }}
        {{- define "ctx" }}{{ .ctx.Template.Name }}{{ end }}
        {{- define "dictctx" }}{{ include "ctx" (dict "ctx" .) }}{{ end }}
        {{- define "table" }}{{ (.Table "Template").Name }}{{ end }}
        {{- define "asmap" }}{{ .AsMap.Template.Name }}{{ end }}
        {{- define "json" }}{{ toJson . | fromJson | dig "Template" "Name" "" }}{{ end }}
        {{- define "stored" }}{{ with .Values.root }}{{ .Template.Name }}{{ end }}{{ end }}
        {{- define "loop" }}{{ $x := "" }}{{ range list 1 2 }}{{ if $x }}{{ $x.Template.Name }}{{ end }}{{ $x = $ }}{{ end }}{{ end }}
        {{- define "sub" }}{{ .Subcharts.sub.Template.Name }}{{ end }}
        {{- define "plainonly" }}{{ .Chart.Name }}{{ .Values.a }}{{ end }}
        """

    /// The output of file `file` for a helper printing its file's name.
    static func named(_ file: String) -> String { "ctx/templates/\(file).yaml" }

    /// Helper → what each of the files a, b, c prints for one include.
    static let cases: [(helper: String, a: String, b: String, c: String)] = [
        ("name", named("a"), named("b"), named("c")),
        ("plain", "ctx-" + named("a"), "ctx-" + named("b"), "ctx-" + named("c")),
        ("alias", named("a"), named("b"), named("c")),
        ("index", named("a"), named("b"), named("c")),
        ("action", named("a"), named("b"), named("c")),
        ("range", named("a"), named("b"), named("c")),
        ("with", named("a"), named("b"), named("c")),
        ("dollar", named("a"), named("b"), named("c")),
        ("dictctx", named("a"), named("b"), named("c")),
        ("table", named("a"), named("b"), named("c")),
        ("asmap", named("a"), named("b"), named("c")),
        ("json", named("a"), named("b"), named("c")),
        // b.yaml stores the context in `.Values` first; c.yaml renders before it.
        ("stored", named("a"), named("b"), ""),
        ("loop", named("a"), named("b"), named("c")),
        ("sub", "ctx/charts/sub/templates/s.yaml", "ctx/charts/sub/templates/s.yaml", "ctx/charts/sub/templates/s.yaml"),
        ("plainonly", "ctx1", "ctx1", "ctx1"),
    ]

    static func render(helper: String, helm: HelmVersion) throws(LocatedError) -> [String: GoString] {
        var files = [
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: ctx\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "values.yaml", data: Array("a: 1\n".utf8)),
            ChartFile(name: "templates/_h.tpl", data: Array(helpers.utf8)),
            ChartFile(name: "charts/sub/Chart.yaml", data: Array("apiVersion: v2\nname: sub\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "charts/sub/templates/s.yaml", data: Array("x: {{ .Template.Name }}\n".utf8)),
        ]
        for file in ["a", "b", "c"] {
            var body = "\(helper): {{ include \"\(helper)\" . }} {{ include \"\(helper)\" . }}\n"
            if file == "b" && helper == "stored" { body = #"{{ $_ := set .Values "root" $ }}"# + body }
            files.append(ChartFile(name: "templates/\(file).yaml", data: Array(body.utf8)))
        }
        let chart = try ChartLoader(helm: helm).loadFiles(files)
        return try HelmEngine(chart: chart, helm: helm).render(userValues: GoMap(), options: RenderOptions(helm: helm))
    }

    @Test(arguments: [HelmVersion.v3, .v4])
    func everyFileSeesItsOwnTemplate(helm: HelmVersion) throws {
        for c in Self.cases {
            let out = try Self.render(helper: c.helper, helm: helm)
            for (file, shown) in [("a", c.a), ("b", c.b), ("c", c.c)] {
                #expect(out["ctx/templates/\(file).yaml"]?.text == "\(c.helper): \(shown) \(shown)\n", "\(c.helper) in \(file).yaml")
            }
        }
    }
}
