import Diagnostics
import GoStd
import GoTemplate
import Testing
import Values

/// Renders `text` as template "t" in a fresh set.
func render(_ text: String, data: Value = .null, functions: FunctionMap = FunctionMap(),
            missingKey: ExecutionOptions.MissingKey = .zero) -> (String?, String?) {
    var set = TemplateSet(name: "gotpl", functions: functions, options: ExecutionOptions(missingKey: missingKey))
    do {
        try set.parse(text, name: "t")
        return (try set.execute("t", data: data).text, nil)
    } catch {
        return (nil, error.description)
    }
}

@Suite struct LimitsTests {
    @Test func selfRecursionEndsWithGoError() {
        let (out, err) = render(#"{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}"#)
        #expect(out == nil)
        #expect(err == #"template: t:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)"#)
    }

    @Test func parenthesisDepthLimit() {
        let deep = String(repeating: "(", count: 10001) + "1" + String(repeating: ")", count: 10001)
        #expect(render("{{" + deep + "}}").1 == "template: t:1: max expression depth exceeded")
        let ok = String(repeating: "(", count: 9999) + "1" + String(repeating: ")", count: 9999)
        #expect(render("{{" + ok + "}}").0 == "1")
    }

    @Test func deeplyNestedIfs() {
        let n = 20000
        let text = String(repeating: "{{if 1}}", count: n) + "x" + String(repeating: "{{end}}", count: n)
        #expect(render(text).0 == "x")
    }

    @Test func megabyteTemplateParses() throws {
        var text = ""
        var i = 0
        while text.utf8.count < 1 << 20 {
            text += "line \(i): {{ .a }} {{ if .b }}yes{{ else }}no{{ end }} {{ range $k, $v := .m }}{{ $k }}={{ $v }} {{ end }}\n"
            i += 1
        }
        var set = TemplateSet(name: "gotpl")
        try set.parse(text, name: "big")
        let out = try set.execute("big", data: .map(["a": .int(1), "b": .bool(true), "m": .map(["x": .int(2)])]))
        #expect(out.hasPrefix("line 0: 1 yes x=2 \nline 1: 1 yes x=2 \n"))
    }
}

@Suite struct APITests {
    @Test func laterDefinitionsReplaceEarlierOnes() throws {
        var set = TemplateSet(name: "gotpl")
        try set.parse(#"{{define "x"}}first{{end}}"#, name: "a")
        try set.parse(#"{{define "x"}}second{{end}}"#, name: "b")
        try set.parse(#"{{define "x"}}  {{end}}"#, name: "c")
        try set.parse(#"{{template "x"}}"#, name: "t")
        #expect(try set.execute("t", data: .null) == "second")
    }

    @Test func parseErrorsAreLocatedAtTheToken() {
        var set = TemplateSet(name: "gotpl")
        do {
            try set.parse("line one\n  {{ if }}", name: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .templateParse)
            #expect(error.message == "template: p.yaml:2: missing value for if")
            #expect(error.location?.file == "p.yaml")
            #expect(error.location?.line == 2)
            #expect(error.location?.column == 9)
        }
    }

    @Test func multipleDefinitionInOneParse() {
        let (_, err) = render(#"{{define "x"}}a{{end}}{{define "x"}}b{{end}}"#)
        #expect(err == #"template: t:1: template: multiple definition of template "x""#)
    }

    @Test func missingTemplate() {
        let set = TemplateSet(name: "gotpl")
        do {
            _ = try set.execute("nope", data: .null)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .templateNotFound)
            #expect(error.description == #"template: no template "nope" associated with template "gotpl""#)
        }
    }

    /// `include` built on the context: executes a named template of the running set.
    static let include = TemplateFunction([.string, .any], returns: .string) { args, ctx in
        let name = args[0].stringValue ?? ""
        let count = ctx.environment.includeCounts[GoString(name), default: 0]
        if count > 1000 { throw GoError("rendering template has a nested reference name: \(name): unable to execute template") }
        ctx.environment.includeCounts[GoString(name)] = count + 1
        defer { ctx.environment.includeCounts[GoString(name)] = count }
        return .string(try ctx.executeTemplate(named: name, data: args[1]))
    }

    /// `tpl` built on the context: parses into a copy of the set and runs it.
    static let tpl = TemplateFunction([.string, .any], returns: .string) { args, ctx in
        let copy = try ctx.set.adding(args[0].stringValue ?? "", name: ctx.set.name)
        return .string(try ctx.execute(copy, templateNamed: ctx.set.name, data: args[1]))
    }

    @Test func includeAndTplThroughContext() throws {
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(["include": Self.include, "tpl": Self.tpl]),
                              options: ExecutionOptions(missingKey: .zero))
        try set.parse(#"{{define "h"}}[{{ .x }}]{{end}}"#, name: "_h.tpl")
        try set.parse(#"{{ include "h" . | printf "%s!" }} {{ tpl "{{ include \"h\" . }}{{ define \"y\" }}Y{{ end }}{{ include \"y\" . }}" . }}"#, name: "t")
        #expect(try set.execute("t", data: .map(["x": .int(7)])) == "[7]! [7]Y")
    }

    @Test func includeErrorsWrapTheInnerError() throws {
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(["include": Self.include]))
        try set.parse(#"{{define "h"}}{{ .x.y }}{{end}}"#, name: "_h.tpl")
        try set.parse(#"{{ include "h" . }}"#, name: "t")
        do {
            _ = try set.execute("t", data: .map(["x": .string("s")]))
            Issue.record("expected an error")
        } catch {
            #expect(error.description == #"template: t:1:3: executing "t" at <include "h" .>: error calling include: template: _h.tpl:1:19: executing "h" at <.x.y>: can't evaluate field y in type interface {}"#)
            #expect(error.kind == .templateExec)
            // Go's chain: the ExecError, its fmt error, the inner ExecError and its fmt error.
            #expect(error.wrapped.count == 3)
            // The fault is in the included template; the note names the call.
            #expect(error.location == SourceLocation(file: "_h.tpl", line: 1, column: 20, offset: 19))
            #expect(error.notes.map(\.description) == [#"called from t:1:4 (executing "t" at <include "h" .>)"#])
        }
    }

    @Test func typedParametersAreChecked() {
        let indent = TemplateFunction([.int, .string], returns: .string) { args, _ in
            guard case .int(let n, _) = args[0], case .string(let s) = args[1] else { return .null }
            return .string(String(repeating: " ", count: Int(n)) + s.text)
        }
        let ternary = TemplateFunction([.any, .any, .bool]) { args, _ in
            if case .bool(true) = args[2] { return args[0] }
            return args[1]
        }
        let fail = TemplateFunction([.string], returns: .string) { args, _ in throw GoError("boom " + (args[0].stringValue ?? "")) }
        let fm = FunctionMap(["indent": indent, "ternary": ternary, "fail": fail])
        #expect(render(#"{{ indent 2 "x" }}"#, functions: fm).0 == "  x")
        #expect(render(#"{{ "x" | indent 2 }}"#, functions: fm).0 == "  x")
        #expect(render(#"{{ indent 2 }}"#, functions: fm).1 == #"template: t:1:3: executing "t" at <indent>: wrong number of args for indent: want 2 got 1"#)
        #expect(render(#"{{ indent "2" "x" }}"#, functions: fm).1 == #"template: t:1:10: executing "t" at <"2">: expected integer; found "2""#)
        #expect(render(#"{{ indent 2 123 }}"#, functions: fm).1 == #"template: t:1:12: executing "t" at <123>: expected string; found 123"#)
        #expect(render(#"{{ ternary "T" "F" 1 }}"#, functions: fm).1 == #"template: t:1:19: executing "t" at <1>: expected bool; found 1"#)
        #expect(render(#"{{ fail "x" }}"#, functions: fm).1 == #"template: t:1:3: executing "t" at <fail "x">: error calling fail: boom x"#)
        #expect(render(#"{{ indent 2 .s }}"#, data: .map(["s": .float(1)]), functions: fm).1
                == #"template: t:1:12: executing "t" at <.s>: wrong type for value; expected string; got float64"#)
        #expect(render(#"{{ indent 2 .missing }}"#, data: .map([:]), functions: fm).1
                == #"template: t:1:12: executing "t" at <.missing>: wrong type for value; expected string; got interface {}"#)
        #expect(render(#"{{ indent 2 .missing }}"#, data: .map([:]), functions: fm, missingKey: .invalid).1
                == #"template: t:1:12: executing "t" at <.missing>: invalid value; expected string"#)
    }

    struct Files: GoMethodProvider {
        var goTypeName: String { "engine.files" }
        var goFormatted: String { "map[]" }
        func method(_ name: String) -> TemplateFunction? {
            guard name == "Get" else { return nil }
            return TemplateFunction([.string], returns: .string) { args, _ in .string("content of " + (args[0].stringValue ?? "")) }
        }
    }

    @Test func methodsWithArguments() {
        let data: Value = .map(["Files": .object(Files())])
        #expect(render(#"{{ .Files.Get "a.txt" }}"#, data: data).0 == "content of a.txt")
        #expect(render(#"{{ "b" | .Files.Get }}"#, data: data).0 == "content of b")
        #expect(render(#"{{ .Files.Nope }}"#, data: data).1 == #"template: t:1:9: executing "t" at <.Files.Nope>: can't evaluate field Nope in type interface {}"#)
    }

    @Test func concurrentExecutionOfOneSet() async throws {
        var set = TemplateSet(name: "gotpl")
        try set.parse(#"{{ range $i, $v := .l }}{{ $i }}:{{ $v }} {{ end }}"#, name: "t")
        let shared = set
        try await withThrowingTaskGroup(of: String.self) { group in
            for n in 0..<32 {
                group.addTask {
                    try shared.execute("t", data: .map(["l": .list((0..<n).map { .int($0) })])).text
                }
            }
            var count = 0
            for try await out in group {
                #expect(out.split(separator: " ").allSatisfy { $0.split(separator: ":").count == 2 })
                count += 1
            }
            #expect(count == 32)
        }
    }

    @Test func missingKeyOptions() {
        let data: Value = .map(["m": .map([:])])
        #expect(render("{{ .m.x }}", data: data, missingKey: .zero).0 == "<no value>")
        #expect(render("{{ .m.x }}", data: data, missingKey: .invalid).0 == "<no value>")
        #expect(render("{{ .m.x }}", data: data, missingKey: .error).1 == #"template: t:1:5: executing "t" at <.m.x>: map has no entry for key "x""#)
        #expect(render("{{ .m.x.y }}", data: data, missingKey: .zero).1 == #"template: t:1:5: executing "t" at <.m.x.y>: nil pointer evaluating interface {}.y"#)
        #expect(render("{{ .m.x.y }}", data: data, missingKey: .invalid).0 == "<no value>")
    }
}


@Suite struct ObjectTests {
    struct Files: GoRangeable {
        var goTypeName: String { "engine.files" }
        var goKind: String { "map" }
        var goFormatted: String { "map[a.txt:[97] b.txt:[98]]" }
        var rangeEntries: [(key: Value?, value: Value)] { [(.string("a.txt"), .string("A")), (.string("b.txt"), .string("B"))] }
    }

    @Test func rangeAndLenOverObjects() {
        let data: Value = .map(["f": .object(Files())])
        #expect(render("{{ range $k, $v := .f }}{{ $k }}={{ $v }};{{ end }}{{ len .f }}", data: data).0 == "a.txt=A;b.txt=B;2")
    }

    @Test func commentsKeptWhenAsked() throws {
        var set = TemplateSet(options: ExecutionOptions(parseComments: true))
        try set.parse("a{{/* c */}}b", name: "t")
        #expect(set.lookup("t")?.root.description == "a{{/* c */}}b")
        #expect(try set.execute("t", data: .null) == "ab")
    }

    @Test func breakCanBeAFunctionName() {
        let brk = TemplateFunction([], returns: .string) { _, _ in .string("B") }
        #expect(render("{{ break }}", functions: FunctionMap(["break": brk])).0 == "B")
    }
}
