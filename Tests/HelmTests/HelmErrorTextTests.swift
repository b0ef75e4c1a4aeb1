import Diagnostics
import GoStd
import Testing
import GoTemplate
@testable import Helm
import Values

/// Helm's rewriting of text/template errors: Helm 4's multi-line form for
/// chains of template errors, Helm 3's raw text, `HELM_ERR` markers in both.
@Suite struct HelmErrorTextTests {
    static let include = TemplateFunction([.string, .any], returns: .string) { args, context in
        .string(try context.executeTemplate(named: args[0].stringValue ?? "", data: args[1]))
    }

    func includeError() throws -> LocatedError {
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(["include": Self.include]))
        try set.parse(#"{{define "h"}}{{ .x.y }}{{end}}"#, name: "_h.tpl")
        try set.parse(#"{{ include "h" . }}"#, name: "t")
        do {
            _ = try set.execute("t", data: .map(["x": .string("s")]))
        } catch {
            return error
        }
        throw GoError("expected an error")
    }

    @Test func helm4RewritesTemplateErrorChains() throws {
        let error = try includeError()
        #expect(error.location == SourceLocation(file: "_h.tpl", line: 1, column: 20, offset: 19))
        #expect(error.notes.map(\.description) == [#"called from t:1:4 (executing "t" at <include "h" .>)"#])
        #expect(HelmEngineErrors.execError("t", error, helm: .v4).message == """
            t:1:3
              executing "t" at <include "h" .>:
                error calling include:
            _h.tpl:1:19
              executing "h" at <.x.y>:
                can't evaluate field y in type interface {}
            """)
    }

    @Test func helm3KeepsTheRawText() throws {
        let error = try includeError()
        #expect(HelmEngineErrors.execError("t", error, helm: .v3) == error)
    }

    @Test func failMarkersBecomeExecutionErrors() throws {
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(HelmFunctions.functions(.v3)))
        try set.parse(#"{{ fail "no: way" }}"#, name: "c/templates/t.yaml")
        for helm in [HelmVersion.v3, .v4] {
            do {
                _ = try set.execute("c/templates/t.yaml", data: .map(GoMap()))
                Issue.record("expected an error")
            } catch {
                let cleaned = HelmEngineErrors.execError("c/templates/t.yaml", error, helm: helm)
                #expect(cleaned.message == "execution error at (c/templates/t.yaml:1:3): no: way")
                #expect(cleaned.location == SourceLocation(file: "c/templates/t.yaml", line: 1, column: 4, offset: 3))
            }
        }
    }

    /// Positions count bytes: invalid UTF-8 on an earlier line moves no
    /// column (`helm template`, 3.20.2 and 4.2.3: `t.yaml:2:6`).
    @Test(arguments: [HelmVersion.v3, .v4])
    func positionsAfterInvalidBytes(helm: HelmVersion) throws {
        let files = [
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "templates/t.yaml", data: Array("a: \"".utf8) + [0xFF, 0xFE] + Array("\"\nb: {{ fail \"boom\" }}\n".utf8)),
        ]
        let chart = try ChartLoader(helm: helm).loadFiles(files)
        do {
            _ = try HelmEngine(chart: chart, helm: helm).render(userValues: GoMap(), options: RenderOptions(helm: helm))
            Issue.record("expected the render to fail")
        } catch {
            #expect(error.message == "execution error at (c/templates/t.yaml:2:6): boom")
        }
    }
}
