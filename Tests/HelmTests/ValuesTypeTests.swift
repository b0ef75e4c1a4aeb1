import Diagnostics
import GoStd
import GoTemplate
import Testing
@testable import Helm
import Values

/// Helm's `Values` type under both dialects. The v4 behaviour is pinned by
/// the oracle (sprig-corpus/values-type.json); Helm 3.20 names the type
/// `chartutil.Values` (pkg/chartutil/values.go) with the same methods, and
/// its engine gives it to `.Values`, `$` and `.Template` the same way
/// (pkg/engine/engine.go `recAllTpls`, `render`).
@Suite struct ValuesTypeTests {
    /// Renders `c/templates/t.yaml` (and a subchart `charts/sub`) under `helm`.
    func render(_ template: String, sub: String? = nil, values: String = "a:\n  b: 1\nsub:\n  k: v\n",
                helm: HelmVersion) throws -> (String?, String?) {
        var files = [
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "values.yaml", data: Array(values.utf8)),
            ChartFile(name: "templates/t.yaml", data: Array(template.utf8)),
        ]
        if let sub {
            files += [
                ChartFile(name: "charts/sub/Chart.yaml", data: Array("apiVersion: v2\nname: sub\nversion: 0.1.0\n".utf8)),
                ChartFile(name: "charts/sub/templates/t.yaml", data: Array(sub.utf8)),
            ]
        }
        let chart = try ChartLoader(helm: helm).loadFiles(files)
        let out = try HelmEngine(chart: chart, helm: helm).render(userValues: GoMap(), options: RenderOptions(helm: helm))
        return (out["c/templates/t.yaml"]?.text, out["c/charts/sub/templates/t.yaml"]?.text)
    }

    @Test(arguments: [(HelmVersion.v3, "chartutil.Values"), (.v4, "common.Values")])
    func typeNames(helm: HelmVersion, name: String) throws {
        let (out, sub) = try render(
            "{{ typeOf .Values }} {{ typeOf $ }} {{ typeOf .Template }} {{ typeOf .Values.a }} {{ typeOf (.Values.Table \"a\") }} "
                + "{{ typeOf .Values.AsMap }} {{ printf \"%#v\" (.Values.Table \"a\") }}",
            sub: "{{ typeOf .Values }} {{ .Values.AsMap }}", helm: helm)
        #expect(out == "\(name) \(name) \(name) map[string]interface {} \(name) map[string]interface {} \(name){\"b\":1}")
        #expect(sub == "\(name) map[global:map[] k:v]")
    }

    @Test(arguments: [(HelmVersion.v3, "chartutil.Values"), (.v4, "common.Values")])
    func digRefusesValues(helm: HelmVersion, name: String) throws {
        #expect(try render("{{ dig \"a\" \"b\" 0 .Values.AsMap }}", helm: helm).0 == "1")
        let message = "interface conversion: interface {} is \(name), not map[string]interface {}"
        #expect { try render("{{ dig \"a\" \"b\" 0 .Values }}", helm: helm) } throws: { error in
            String(describing: error).contains(message)
        }
    }

    func expectError(_ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Any) {
        #expect(sourceLocation: sourceLocation) { _ = try body() } throws: { ($0 as? GoError)?.message == message }
    }

    @Test func methodsOfValues() throws {
        let values = GoMap(["a": .map(["b": .int(1), "c": .map(["d": .string("x")])]), "l": .list([.int(1)])])
        #expect(try ValuesMethods.table(values, "a.c")["d"]?.stringValue == "x")
        expectError("\"x\" is not a table") { try ValuesMethods.table(values, "a.x.y") }
        expectError("\"b\" is not a table") { try ValuesMethods.table(values, "a.b") }
        #expect(try ValuesMethods.pathValue(values, "a.c.d").stringValue == "x")
        #expect(try ValuesMethods.pathValue(values, "l").listValue?.count == 1)
        expectError("\"c\" is not a value") { try ValuesMethods.pathValue(values, "a.c") }
        expectError("\"z\" is not a value") { try ValuesMethods.pathValue(values, "x.y.z") }
        expectError("YAML path cannot be empty") { try ValuesMethods.pathValue(values, "") }
    }

    /// Dotted paths split at the `.` byte, as Go's `strings.Split` does:
    /// a combining mark after a dot does not join it into one character.
    /// Expected output: `helm template` 3.20.2 and 4.2.3 on the same chart.
    @Test(arguments: [HelmVersion.v3, .v4])
    func pathsSplitAtDotBytes(helm: HelmVersion) throws {
        let (out, _) = try render("{{ .Values.Table \"a.\u{301}b\" | toJson }} {{ .Values.PathValue \"a.\u{301}b.c\" }}",
                                  values: "a:\n  \"\u{301}b\":\n    c: 1\n", helm: helm)
        #expect(out == "{\"c\":1} 1")
    }
}
