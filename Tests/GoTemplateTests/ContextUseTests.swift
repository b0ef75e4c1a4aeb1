import Diagnostics
import GoStd
import Testing
@testable import GoTemplate
import Values

/// `ContextUse`: how a parsed body uses its data, judged from its tree.
@Suite struct ContextUseTests {
    static let keys = ContextKeys(replaced: "Template", plain: ["Values", "Chart"])
    static let functions = FunctionMap([
        "include": TemplateFunction([.string, .any], returns: .string) { _, _ in .string("") }
            .runningTemplate(withDataArgument: 1),
        "dict": TemplateFunction([], variadic: .any, returns: .map) { _, _ in .map(GoMap()) },
        "list": TemplateFunction([], variadic: .any, returns: .list) { args, _ in .list(args) },
        "upper": TemplateFunction([.string], returns: .string) { args, _ in args[0] },
    ])

    /// Body → expected use.
    static let cases: [(body: String, use: ContextUse)] = [
        ("text only", .plainKeys),
        (#"{{ .Values.a }}{{ $.Chart.Name | upper }}"#, .plainKeys),
        (#"{{ include "x" . }}{{ include "x" $ }}{{ include "x" (.) }}"#, .plainKeys),
        (#"{{ template "x" . }}{{ if . }}{{ end }}{{ with $ }}{{ .Values.a }}{{ end }}"#, .plainKeys),
        // `.` inside `with`/`range` of something else is not the data.
        (#"{{ with .Values.x }}{{ .Template }}{{ . }}{{ end }}{{ range .Values.l }}{{ .Subcharts }}{{ end }}"#, .plainKeys),
        // The else branch keeps the outer dot.
        (#"{{ with .Values.x }}{{ else }}{{ .Template.Name }}{{ end }}"#, .replacedKey),
        (#"{{ $r := . }}{{ $r.Values.a }}{{ include "x" $r }}"#, .plainKeys),
        (#"{{ .Template.Name }}"#, .replacedKey),
        (#"{{ $.Template.BasePath }}"#, .replacedKey),
        (#"{{ $r := . }}{{ $r.Template.Name }}"#, .replacedKey),
        (#"{{ (.).Template.Name }}"#, .replacedKey),
        (#"{{ range .Values.l }}{{ $.Template.Name }}{{ end }}"#, .replacedKey),
        // Whole uses.
        (#"{{ . }}"#, .whole),
        (#"{{ $r := . }}{{ $r }}"#, .whole),
        (#"{{ range . }}{{ end }}"#, .whole),
        (#"{{ index . "Template" }}"#, .whole),
        (#"{{ include "x" (dict "ctx" .) }}"#, .whole),
        (#"{{ . | include "x" }}"#, .whole),
        (#"{{ include . "x" }}"#, .whole),
        (#"{{ template "x" (dict "a" $) }}"#, .whole),
        (#"{{ .Subcharts.sub }}"#, .whole),
        (#"{{ .AsMap }}"#, .whole),
        (#"{{ with .Values.x }}{{ upper $ }}{{ end }}"#, .whole),
        // An alias set later in a loop is an alias everywhere.
        (#"{{ $x := "" }}{{ range list 1 2 }}{{ upper $x }}{{ $x = $ }}{{ end }}"#, .whole),
    ]

    @Test func usesAreJudgedFromTheTree() throws {
        for c in Self.cases {
            var set = TemplateSet(name: "t", functions: Self.functions, contextKeys: Self.keys)
            try set.parse(c.body, name: "t")
            let use = try #require(set.lookup("t")).contextUse
            #expect("\(use)" == "\(c.use)", "\(c.body)")
        }
    }

    @Test func aSetWithoutKeysCountsEveryBodyAsWhole() throws {
        var set = TemplateSet(name: "t", functions: Self.functions)
        try set.parse("{{ .Values.a }}", name: "t")
        #expect("\(try #require(set.lookup("t")).contextUse)" == "whole")
    }
}
