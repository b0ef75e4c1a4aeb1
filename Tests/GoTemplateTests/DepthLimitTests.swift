import Diagnostics
import Foundation
import GoStd
import GoTemplate
import Testing
import Values

/// text/template's depth limits at exactly Go's depth, whatever the stack
/// of the calling thread: `maxExecDepth` (100000 nested `{{template}}`
/// calls: the 100001st fails) and `maxStackDepth` (10000 nested
/// parentheses), while control structures nest without limit. Checked
/// against Helm v4.2.3 (`helm template` of the same recursions).
@Suite struct DepthLimitTests {
    /// `inc N`: N + 1, so a recursion can count its levels.
    static let functions = FunctionMap([
        "inc": TemplateFunction([.int], returns: .int) { args, _ in
            guard case .int(let n, _) = args[0] else { return .null }
            return .int(n + 1, .int)
        },
    ])

    /// A template that calls itself until `.` reaches `levels`.
    static func counting(_ levels: Int) -> String {
        #"{{define "a"}}{{ if lt . \#(levels) }}{{template "a" (inc .)}}{{else}}reached {{ . }}{{end}}{{end}}{{template "a" 0}}"#
    }

    static func run(_ text: String, stackSize: Int? = nil) -> (String?, String?) {
        let body = { render(text, data: .null, functions: Self.functions) }
        guard let stackSize else { return body() }
        return DeepStack.onNewThread(stackSize: stackSize, body)
    }

    @Test(arguments: [nil, 512 << 10] as [Int?])
    func templateDepthIsExact(stackSize: Int?) {
        // 100000 calls: the first from the top level, then one per level 0…99998.
        if stackSize == nil { #expect(Self.run(Self.counting(99999)).0 == "reached 99999") }
        #expect(Self.run(Self.counting(100_000), stackSize: stackSize).1
                == #"template: t:1:45: executing "a" at <{{template "a" (inc .)}}>: exceeded maximum template depth (100000)"#)
    }

    @Test func selfRecursionOnASmallStack() {
        let (out, err) = Self.run(#"{{define "r"}}{{template "r" .}}{{end}}{{template "r" .}}"#, stackSize: 512 << 10)
        #expect(out == nil)
        #expect(err == #"template: t:1:25: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (100000)"#)
    }

    /// Go parses and runs any number of nested `if`s; the error inside names the
    /// innermost node, and the tree is freed without deep recursion.
    @Test func hundredThousandNestedIfs() {
        let n = 50000
        let text = String(repeating: "{{if 1}}", count: n) + "x" + String(repeating: "{{end}}", count: n)
        #expect(Self.run(text, stackSize: 512 << 10).0 == "x")
        let failing = String(repeating: "{{with .}}", count: 30000) + "{{ .a.b }}" + String(repeating: "{{end}}", count: 30000)
        #expect(render(failing, data: .map(["a": .int(1)])).1
                == #"template: t:1:300005: executing "t" at <.a.b>: can't evaluate field b in type interface {}"#)
    }

    @Test func parenthesesAtTheLimitOnASmallStack() {
        let ok = String(repeating: "(", count: 10000) + "1" + String(repeating: ")", count: 10000)
        #expect(Self.run("{{" + ok + "}}", stackSize: 512 << 10).0 == "1")
        let deep = String(repeating: "(", count: 10001) + "1" + String(repeating: ")", count: 10001)
        #expect(Self.run("{{" + deep + "}}", stackSize: 512 << 10).1 == "template: t:1: max expression depth exceeded")
    }

    /// A parse error after a deep pipeline is complete frees that pipeline
    /// deep in the parser's recursion (a fuzz finding): it is freed without
    /// deep recursion there.
    @Test func deepPipelineFreedByAParseError() {
        let closed = String(repeating: "(", count: 9000) + "1" + String(repeating: ")", count: 6000)
        #expect(Self.run("{{" + closed, stackSize: 512 << 10).1 == "template: t:1: unclosed action")
        let then = String(repeating: "(", count: 9000) + "1" + String(repeating: ")", count: 9000) + " ) }}"
        #expect(Self.run("{{ " + then, stackSize: 512 << 10).1 == "template: t:1: unexpected right paren")
        let ifs = String(repeating: "{{if 1}}", count: 30000) + "x" + String(repeating: "{{end}}", count: 30000) + "{{ ) }}"
        #expect(Self.run(ifs, stackSize: 8 << 20).1 == "template: t:1: unexpected right paren")
    }

    /// An error of kind `goFatal` (Go's process-ending `fatal error`) passes
    /// through every template frame unchanged.
    @Test func fatalErrorsAreNotWrapped() {
        let fatal = TemplateFunction([], returns: .string) { _, _ in throw LocatedError.goStackOverflow() }
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(["die": fatal]))
        do {
            try set.parse(#"{{define "a"}}{{ die }}{{end}}{{ template "a" . }}"#, name: "t")
            _ = try set.execute("t", data: .null)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .goFatal)
            #expect(error.message == "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow")
        }
    }
}
