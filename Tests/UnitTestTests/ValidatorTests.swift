import PathQuery
import TestSupport
import GoStd
import Foundation
import Testing
@testable import UnitTest
import Values

/// Rows in the shape of helm-unittest's `validators/*_test.go`: a document,
/// a check, `not`, and the expected verdict with its failure lines.
@Suite struct ValidatorTests {
    static func doc(_ yaml: String) -> Value {
        (try? YAMLValues.v3Documents(yaml).first) ?? .null
    }

    static func run(_ check: Check, _ docs: [Value], negative: Bool = false) -> Verdict {
        ValidationContext(docs: docs, selected: docs, negative: negative, renderError: nil, failFast: false,
                          snapshots: nil, queries: DocumentQueries()).validate(check)
    }

    /// The problems of `check`, one line of data each (values in `%v`), to compare with rows.
    static func problems(_ check: Check, _ docs: [Value], negative: Bool = false) -> [String] {
        run(check, docs, negative: negative).problems.map(describe)
    }

    static let deployment = doc("""
    kind: Deployment
    apiVersion: apps/v1
    metadata: {name: web, labels: {app.kubernetes.io/name: web}}
    spec:
      replicas: 3
      cpu: 1.1
      list: [a, {name: b, x: 1}]
      text: "line1   \\nline2\\n"
      empty: ""
      zero: 0
      nothing: null
    """)

    @Test(arguments: [
        (Check.equal(path: "spec.replicas", value: .int(3), decodeBase64: false), false, true),
        (Check.equal(path: "spec.replicas", value: .float(3), decodeBase64: false), false, false),
        (Check.equal(path: "spec.text", value: .string("line1\nline2\n"), decodeBase64: false), false, true),
        (Check.equal(path: "metadata.labels[\"app.kubernetes.io/name\"]", value: .string("web"), decodeBase64: false), false, true),
        (Check.equal(path: "spec.missing", value: .int(1), decodeBase64: false), true, true),
        (Check.exists(path: "spec.nothing"), false, true),
        (Check.exists(path: "spec.nothing"), true, false),
        (Check.isNullOrEmpty(path: "spec.zero"), false, true),
        (Check.isNullOrEmpty(path: "spec.empty"), false, true),
        (Check.isNullOrEmpty(path: "spec.replicas"), true, true),
        (Check.compare(path: "spec.cpu", value: .float(1.0), greater: true), false, true),
        (Check.compare(path: "spec.cpu", value: .float(1.0), greater: true), true, true),
        (Check.compare(path: "spec.cpu", value: .float(2.0), greater: true), true, true),
        (Check.compare(path: "spec.cpu", value: .float(1.0), greater: false), true, true),
        (Check.compare(path: "spec.cpu", value: .float(2.0), greater: false), true, false),
        (Check.contains(path: "spec.list", content: .string("a"), count: nil, any: false), false, true),
        (Check.contains(path: "spec.list", content: .map(GoMap(["name": .string("b")])), count: 1, any: true), false, true),
        (Check.contains(path: "spec.list", content: .map(GoMap(["name": .string("b")])), count: nil, any: false), false, false),
        (Check.isSubset(path: "metadata", content: .map(GoMap(["name": .string("web")]))), false, true),
        (Check.isType(path: "spec.list", type: "[]interface {}"), false, true),
        (Check.isType(path: "spec.cpu", type: "float64"), false, true),
        (Check.isKind(of: "Deployment"), false, true),
        (Check.isAPIVersion(of: "v1"), true, true),
        (Check.hasDocuments(count: 1, filterAware: false), false, true),
        (Check.containsDocument(kind: "Deployment", apiVersion: "apps/v1", name: "web", namespace: "", any: false), false, true),
        (Check.lengthEqual(paths: [], path: "spec.list", count: 2), false, true),
        (Check.matchRegex(path: "metadata.name", pattern: "^w.b$", decodeBase64: false), false, true),
        (Check.matchRegex(path: "spec.replicas", pattern: "3", decodeBase64: false), false, false),
    ])
    func verdicts(check: Check, negative: Bool, passes: Bool) {
        #expect(Self.run(check, [Self.deployment], negative: negative).passed == passes)
    }

    @Test func equalFailures() {
        #expect(Self.problems(.equal(path: "spec.replicas", value: .int(4), decodeBase64: false), [Self.deployment]) == [
            "d0 v0 equal path=spec.replicas expected=yaml(4) actual=yaml(3) diff",
        ])
        #expect(Self.problems(.equal(path: "spec.replicas", value: .int(3), decodeBase64: false), [Self.deployment],
                              negative: true) == ["d0 v0 NOT equal path=spec.replicas expected=yaml(3)"])
    }

    /// What each validator reports, as data (the texts are Reports' business).
    @Test(arguments: [
        (Check.isKind(of: "Pod"), false, [], ["kind expected=text(Pod) actual=yaml(no manifest found)"]),
        (Check.isKind(of: "Deployment"), true, [deployment], ["d0 NOT kind expected=text(Deployment)"]),
        (Check.equal(path: "a.b", value: .null, decodeBase64: false), false, [deployment], ["d0 error: unknown path a.b"]),
        (Check.compare(path: "a.b", value: .int(1), greater: true), false, [deployment], ["d0 error: unknown path 'a.b'"]),
        (Check.exists(path: "a.b"), false, [deployment], ["d0 exists a.b"]),
        (Check.exists(path: "spec"), true, [deployment], ["d0 NOT exists spec"]),
        (Check.compare(path: "spec.replicas", value: .float(1), greater: true), false, [deployment],
         ["d0 v0 error: actual 'int' and expected 'float64' types do not match"]),
        (Check.compare(path: "spec.cpu", value: .float(2), greater: true), false, [deployment],
         ["d0 v0 greaterOrEqual path=spec.cpu expected=notInOrder(1.1, 2, greater)"]),
        (Check.compare(path: "spec.cpu", value: .list([]), greater: false), false, [deployment],
         ["d0 v0 error: actual 'float64' and expected '[]interface {}' types do not match"]),
        (Check.contains(path: "spec.list", content: .string("a"), count: 2, any: false), false, [deployment],
         ["d0 v0 error: countMismatch(spec.list, 2, 1, [a map[name:b x:1]])"]),
        (Check.contains(path: "spec.replicas", content: .string("a"), count: nil, any: false), false, [deployment],
         ["d0 v0 error: notAnArray(spec.replicas, 3)"]),
        (Check.contains(path: "spec.list", content: .string("z"), count: nil, any: false), false, [deployment],
         ["d0 v0 contain path=spec.list expected=yaml([z]) actual=yaml([a map[name:b x:1]])"]),
        (Check.isSubset(path: "spec.replicas", content: .map(GoMap())), false, [deployment],
         ["d0 v0 error: notAnObject(spec.replicas, 3)"]),
        (Check.matchRegex(path: "spec.replicas", pattern: "3", decodeBase64: false), false, [deployment],
         ["d0 v0 error: notAString(spec.replicas, 3)"]),
        (Check.matchRegex(path: "metadata.name", pattern: "^x", decodeBase64: false), false, [deployment],
         ["d0 v0 match path=metadata.name expected=text(^x) actual=text(web)"]),
        (Check.isNullOrEmpty(path: "spec.replicas"), false, [deployment], ["d0 v0 nullOrEmpty path=spec.replicas expected=yaml(3)"]),
        (Check.isType(path: "spec.cpu", type: "int"), false, [deployment],
         ["d0 v0 type path=spec.cpu expected=text(int) actual=text(float64)"]),
        (Check.hasDocuments(count: 2, filterAware: false), false, [deployment], ["documentCount expected=text(2) actual=text(1)"]),
        (Check.containsDocument(kind: "Pod", apiVersion: "v1", name: "", namespace: "", any: false), false, [deployment],
         ["d0 containDocument expected=text(Kind = Pod, apiVersion = v1)"]),
        (Check.lengthEqual(paths: [], path: "spec.list", count: 3), false, [deployment],
         ["d0 count path=spec.list expected=text(3) actual=text(2)"]),
        (Check.lengthEqual(paths: [], path: "spec.list", count: nil), false, [deployment],
         ["error: 'count' field must be set if 'path' is used"]),
        (Check.equalRaw(value: "x"), false, [doc("raw: y")], ["equal expected=yaml(x) actual=yaml(y) diff"]),
        (Check.matchRegexRaw(pattern: "^x"), false, [doc("raw: y")], ["match expected=text(^x) actual=text(y)"]),
    ] as [(Check, Bool, [Value], [String])])
    func problemsAsData(check: Check, negative: Bool, docs: [Value], expected: [String]) {
        #expect(Self.problems(check, docs, negative: negative) == expected)
    }

    @Test func failedTemplateMatchesRawErrors() {
        let error = Self.doc("raw: \"some: error text\"")
        #expect(Self.run(.failedTemplate(errorMessage: "some: error text", errorPattern: ""), [error]).passed)
        #expect(Self.run(.failedTemplate(errorMessage: "", errorPattern: "error (text"), [error]).passed == false)
        #expect(Self.run(.failedTemplate(errorMessage: "", errorPattern: "err.r"), [error]).passed)
        #expect(Self.problems(.failedTemplate(errorMessage: "", errorPattern: ""), []) ==
                ["equal expected=text() actual=text(No failed document)"])
        #expect(Self.problems(.failedTemplate(errorMessage: "a", errorPattern: "b"), [error]) ==
                ["error: single attribute 'errorMessage' or 'errorPattern' supported at the same time"])
        #expect(Self.problems(.failedTemplate(errorMessage: "other", errorPattern: ""), [error]) ==
                ["d0 equal expected=text(other) actual=printed(some: error text)"])
    }

    @Test(arguments: [
        ("execution error at (chart/templates/x.yaml:1:3): some: error text", "chart/templates/x.yaml", "some: error text"),
        ("template: chart/templates/x.yaml:3:12: executing \"chart/templates/x.yaml\" at <.Values.x.y>: nil pointer evaluating interface {}.y",
         "chart/templates/x.yaml", "executing \"chart/templates/x.yaml\" at <.Values.x.y>: nil pointer evaluating interface {}.y"),
        ("execution error at (chart/templates/x.yaml:1:3): multi\nline\nmessage", "chart/templates/x.yaml", "line\nmessage"),
    ])
    func splitsHelmV3Errors(message: String, file: String, raw: String) {
        let split = Documents.parseRenderError(message)
        #expect(split?.file == file)
        #expect(split?.raw == raw)
    }

    @Test func parseErrorsDoNotSplit() {
        #expect(Documents.parseRenderError("parse error at (chart/templates/p1.yaml:1): unclosed action") == nil)
    }

    @Test(arguments: [
        ("deployment.yaml", "c/templates/deployment.yaml", true),
        ("deployment.yaml", "c/templates/deployment.yaml.bak", true),
        ("templates/*.yaml", "c/templates/sub/x.yaml", true),
        ("**", "c/charts/s/templates/x.yaml", true),
        ("service.yaml", "c/templates/deployment.yaml", false),
        ("service.yaml", "c/templates/_helpers.tpl", true),
    ])
    func selectsTemplates(name: String, path: String, selected: Bool) {
        #expect(TemplateFilter(chartRoute: "c", templates: [name], excludeTemplates: []).includes(templatePath: path) == selected)
    }

    /// `getTemplateFileNamePattern`'s `strings.ReplaceAll`s, in order: `**`
    /// before `*`, and no replacement's text replaced again.
    @Test(arguments: [
        ("templates/a.yaml", #"templates/a\.yaml"#),
        ("c/templates/**/x*.yaml", #"c/templates/[0-9a-zA-Z_\-/\.]+/x[0-9a-zA-Z_\-_/\.]*\.yaml"#),
        ("***", #"[0-9a-zA-Z_\-/\.]+[0-9a-zA-Z_\-_/\.]*"#),
        ("t+[1].yaml", #"t\+\[1\]\.yaml"#),
        ("(a|b)?^$", #"\(a\|b\)\?\^\$"#),
        ("{x}.tpl", #"\{x\}\.tpl"#),
        ("é*.yaml", #"é[0-9a-zA-Z_\-_/\.]*\.yaml"#),
    ])
    func templatePathPatterns(name: String, pattern: String) {
        #expect(templatePathPattern(name) == pattern)
    }

    @Test func setPathsBuildNestedValues() throws {
        let built = try buildSetValue(.int(1), atPath: "a.[x.y].b[1]")
        #expect(GoFmt.format(.map(built)) == "map[a:map[x.y:map[b:[<nil> 1]]]]")
        expectError("invalid token found =", kind: .pathQuery) { _ = try buildSetValue(.int(1), atPath: "a=b") }
        expectError("missing index value", kind: .pathQuery) { _ = try buildSetValue(.int(1), atPath: "a[b.c]") }
    }

    @Test func jobValuesGoThroughJSON() throws {
        let merged = GoMap(["n": .int(1_000_000), "y": .string("yes"), "t": .object(GoTime(seconds: 1_609_459_200))])
        let values = try JobValues.helmValues(merged)
        #expect(GoFmt.format(.map(values)) == "map[n:1e+06 t:2021-01-01T00:00:00Z y:yes]")
        expectError("error marshaling into JSON: json: unsupported value: +Inf", kind: .jobValues) {
            _ = try JobValues.helmValues(GoMap(["f": .float(.infinity)]))
        }
        let scoped = scope(chartRoutes("p/charts/c"), GoMap(["global": .int(1), "x": .int(2)]))
        #expect(GoFmt.format(.map(scoped)) == "map[c:map[global:1 x:2] global:1]")
    }
}

/// One problem as a line of data: indexes, then what it says, values in Go's `%v`.
func describe(_ problem: Problem) -> String {
    var parts: [String] = []
    if let d = problem.documentIndex { parts.append("d\(d)") }
    if let v = problem.valuesIndex { parts.append("v\(v)") }
    switch problem.detail {
    case .error(let detail):
        switch detail {
        case .message(let m): parts.append("error: " + m)
        case .notAnObject(let p, let v): parts.append("error: notAnObject(\(p), \(GoFmt.format(v)))")
        case .notAnArray(let p, let v): parts.append("error: notAnArray(\(p), \(GoFmt.format(v)))")
        case .notAString(let p, let v): parts.append("error: notAString(\(p), \(GoFmt.format(v)))")
        case .countMismatch(let p, let e, let f, let v): parts.append("error: countMismatch(\(p), \(e), \(f), \(GoFmt.format(v)))")
        }
    case .expectation(let e):
        var text = (e.negated ? "NOT " : "") + "\(e.relation)"
        if let path = e.path { text += " path=\(path)" }
        text += " expected=" + describe(e.expected)
        if let actual = e.actual { text += " actual=" + describe(actual) }
        if e.showsDiff { text += " diff" }
        parts.append(text)
    case .existence(let path, let negated): parts.append((negated ? "NOT " : "") + "exists \(path)")
    case .emptyManifest: parts.append("emptyManifest")
    case .invalidRendering(let raw): parts.append("invalidRendering(\(GoFmt.format(raw)))")
    case .templateNotSelected(let t): parts.append("templateNotSelected(\(t))")
    case .selection(let m): parts.append("selection: " + m)
    }
    return parts.joined(separator: " ")
}

func describe(_ operand: Operand) -> String {
    switch operand {
    case .yaml(let v): return "yaml(\(GoFmt.format(v)))"
    case .text(let t): return "text(\(t))"
    case .printed(let v): return "printed(\(GoFmt.format(v)))"
    case .diff(let e, let a): return "diff(\(e.debugDescription), \(a.debugDescription))"
    case .notInOrder(let a, let e, let greater): return "notInOrder(\(GoFmt.format(a)), \(GoFmt.format(e)), \(greater ? "greater" : "less"))"
    case .unsupportedType(let t): return "unsupportedType(\(t))"
    }
}
