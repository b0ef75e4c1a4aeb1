import GoStd
import Testing
@testable import Helm
import Values

/// `.Chart.Annotations` is a `map[string]string` under both dialects
/// (`helm template` 3.20.2 and 4.2.3): its type name, a missing key's zero
/// value and functions that take `map[string]interface{}` show it.
@Suite struct ChartAnnotationsTests {
    @Test(arguments: [HelmVersion.v3, .v4])
    func annotationsAreAStringMap(helm: HelmVersion) throws {
        let template = """
            a: {{ .Chart.Annotations }}
            b: {{ typeOf .Chart.Annotations }}
            d: {{ range $k, $v := .Chart.Annotations }}{{ $k }}={{ $v }};{{ end }}
            f: "{{ .Chart.Annotations.missing }}|{{ printf "%v" .Chart.Annotations.missing }}"
            g: {{ toJson .Chart.Annotations }}
            """
        let files = [
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: ann\nversion: 0.1.0\nannotations:\n  k: v\n  b: \"2\"\n".utf8)),
            ChartFile(name: "templates/t.yaml", data: Array(template.utf8)),
            ChartFile(name: "templates/set.yaml", data: Array(#"{{ $_ := set .Chart.Annotations "k" "x" }}"#.utf8)),
        ]
        let chart = try ChartLoader(helm: helm).loadFiles(files)
        let engine = HelmEngine(chart: chart, helm: helm)
        let out = try engine.render(userValues: GoMap(), options: RenderOptions(helm: helm), only: ["ann/templates/t.yaml"])
        #expect(out["ann/templates/t.yaml"]?.text == """
            a: map[b:2 k:v]
            b: map[string]string
            d: b=2;k=v;
            f: "|"
            g: {"b":"2","k":"v"}
            """)
        #expect(throws: (any Error).self) {
            _ = try engine.render(userValues: GoMap(), options: RenderOptions(helm: helm), only: ["ann/templates/set.yaml"])
        }
        do {
            _ = try engine.render(userValues: GoMap(), options: RenderOptions(helm: helm), only: ["ann/templates/set.yaml"])
        } catch {
            #expect(error.description.hasSuffix("wrong type for value; expected map[string]interface {}; got map[string]string"))
        }
    }
}
