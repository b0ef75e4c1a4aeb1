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
                          snapshots: nil).validate(check)
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

    @Test func equalFailureLines() {
        let verdict = Self.run(.equal(path: "spec.replicas", value: .int(4), decodeBase64: false), [Self.deployment])
        #expect(verdict.lines == [
            .field("DocumentIndex", "0"), .field("ValuesIndex", "0"), .field("Path", "spec.replicas"),
            .heading("Expected to equal:"), .block("4\n"), .heading("Actual:"), .block("3\n"),
            .heading("Diff:"), .block("--- Expected\n+++ Actual\n@@ -1,2 +1,2 @@\n-4\n+3\n \n"),
        ])
        let negated = Self.run(.equal(path: "spec.replicas", value: .int(3), decodeBase64: false), [Self.deployment], negative: true)
        #expect(negated.lines == [
            .field("DocumentIndex", "0"), .field("ValuesIndex", "0"), .field("Path", "spec.replicas"),
            .heading("Expected NOT to equal:"), .block("3\n"),
        ])
    }

    @Test func noManifestAndUnknownPathTexts() {
        #expect(Self.run(.isKind(of: "Pod"), []).lines == [.heading("Expected to be kind:"), .block("Pod"),
                                                          .heading("Actual:"), .block("no manifest found\n")])
        #expect(Self.run(.equal(path: "a.b", value: .null, decodeBase64: false), [Self.deployment]).lines ==
                [.field("DocumentIndex", "0"), .heading("Error:"), .block("unknown path a.b")])
        #expect(Self.run(.compare(path: "a.b", value: .int(1), greater: true), [Self.deployment]).lines ==
                [.field("DocumentIndex", "0"), .heading("Error:"), .block("unknown path 'a.b'")])
        #expect(Self.run(.exists(path: "a.b"), [Self.deployment]).lines ==
                [.field("DocumentIndex", "0"), .text("Path:\ta.b expected to exists")])
        #expect(Self.run(.compare(path: "spec.replicas", value: .float(1), greater: true), [Self.deployment]).lines ==
                [.field("DocumentIndex", "0"), .field("ValuesIndex", "0"), .heading("Error:"),
                 .block("actual 'int' and expected 'float64' types do not match")])
        #expect(Self.run(.contains(path: "spec.list", content: .string("a"), count: 2, any: false), [Self.deployment]).lines ==
                [.field("DocumentIndex", "0"), .field("ValuesIndex", "0"), .heading("Error:"),
                 .block("expect count 2 in 'spec.list' to be in array, got 1:\n- a\n- name: b\n  x: 1\n")])
        #expect(Self.run(.lengthEqual(paths: [], path: "spec.list", count: nil), [Self.deployment]).lines ==
                [.heading("Error:"), .block("'count' field must be set if 'path' is used")])
    }

    @Test func failedTemplateMatchesRawErrors() {
        let error = Self.doc("raw: \"some: error text\"")
        #expect(Self.run(.failedTemplate(errorMessage: "some: error text", errorPattern: ""), [error]).passed)
        #expect(Self.run(.failedTemplate(errorMessage: "", errorPattern: "error (text"), [error]).passed == false)
        #expect(Self.run(.failedTemplate(errorMessage: "", errorPattern: "err.r"), [error]).passed)
        #expect(Self.run(.failedTemplate(errorMessage: "", errorPattern: ""), []).lines ==
                [.heading("Expected to equal:"), .block(""), .heading("Actual:"), .block("No failed document")])
        #expect(Self.run(.failedTemplate(errorMessage: "a", errorPattern: "b"), [error]).lines ==
                [.heading("Error:"), .block("single attribute 'errorMessage' or 'errorPattern' supported at the same time")])
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
        ("a\nb\nc\n", "a\nB\nc\n", "--- Expected\n+++ Actual\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"),
        ("x\n", "x\n", ""),
        ("1\n2\n3\n4\n5\n6\n", "1\n2\n3\n4\n5\nsix\n", "--- Expected\n+++ Actual\n@@ -5,3 +5,3 @@\n 5\n-6\n+six\n \n"),
    ])
    func unifiedDiffs(a: String, b: String, diff: String) {
        #expect(unifiedDiff(expected: a, actual: b) == diff)
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
