import Foundation
import Testing
import TestSupport
@testable import UnitTest
import Values

/// One struct-decoded object of the suite format: where the schema
/// describes it and how a minimal suite holds it.
struct SchemaProbe: Sendable, CustomTestStringConvertible {
    let definition: String
    /// The keys to the object in the schema document.
    let schemaPath: [String]
    /// Where the object sits in a minimal suite.
    let at: [SuiteTree.Step]

    var testDescription: String { definition }

    /// The keys the schema lists for the object.
    var schemaNames: [String] {
        var node: Any = SuiteSchemaHarness.document
        for key in schemaPath { node = (node as? [String: Any])?[key] ?? [:] }
        return (((node as? [String: Any])?["properties"] as? [String: Any]) ?? [:]).keys.sorted()
    }

    /// Whether the schema accepts keys it does not list there.
    var open: Bool {
        var node: Any = SuiteSchemaHarness.document
        for key in schemaPath { node = (node as? [String: Any])?[key] ?? [:] }
        return (node as? [String: Any])?["additionalProperties"] as? Bool != false
    }

    /// A minimal valid suite with `object`'s pairs added to the probed
    /// object (a key the suite needs keeps its value).
    func suite(_ object: SuiteTree) -> String {
        let added: [(key: String, value: SuiteTree)]
        if case .map(let pairs) = object { added = pairs } else { added = [] }
        var tree = SuiteTree.minimal
        var path: [SuiteTree.Step] = []
        for step in at {
            // Create the parents as maps.
            if tree.node(at: path + [step]) == nil, case .key(let k) = step {
                tree = tree.replacing(path) { parent in
                    guard case .map(let pairs) = parent else { return parent }
                    return .map(pairs + [(key: k, value: .map([]))])
                }
            }
            path.append(step)
        }
        return tree.replacing(path) { node in
            guard case .map(let pairs) = node else { return node }
            return .map(pairs + added.filter { pair in !pairs.contains { $0.key == pair.key } })
        }.yaml
    }

    static let all: [SchemaProbe] = [
        SchemaProbe(definition: "suite", schemaPath: [], at: []),
        SchemaProbe(definition: "test", schemaPath: ["definitions", "test"], at: [.key("tests"), .index(0)]),
        SchemaProbe(definition: "release", schemaPath: ["definitions", "release"], at: [.key("release")]),
        SchemaProbe(definition: "test release", schemaPath: ["definitions", "release"], at: [.key("tests"), .index(0), .key("release")]),
        SchemaProbe(definition: "chart", schemaPath: ["definitions", "chart"], at: [.key("chart")]),
        SchemaProbe(definition: "suiteCapabilities", schemaPath: ["definitions", "suiteCapabilities"], at: [.key("capabilities")]),
        SchemaProbe(definition: "testCapabilities", schemaPath: ["definitions", "testCapabilities"],
                    at: [.key("tests"), .index(0), .key("capabilities")]),
        SchemaProbe(definition: "kubernetesProvider", schemaPath: ["definitions", "kubernetesProvider"], at: [.key("kubernetesProvider")]),
        SchemaProbe(definition: "kubernetesKind", schemaPath: ["definitions", "kubernetesKind"],
                    at: [.key("kubernetesProvider"), .key("scheme"), .key("v1/Pod")]),
        SchemaProbe(definition: "gvr", schemaPath: ["definitions", "kubernetesKind", "properties", "gvr"],
                    at: [.key("kubernetesProvider"), .key("scheme"), .key("v1/Pod"), .key("gvr")]),
        SchemaProbe(definition: "postRenderer", schemaPath: ["definitions", "postRenderer"], at: [.key("postRenderer")]),
        SchemaProbe(definition: "documentSelector", schemaPath: ["definitions", "documentSelector"],
                    at: [.key("tests"), .index(0), .key("documentSelector")]),
        SchemaProbe(definition: "suite skip", schemaPath: ["properties", "skip"], at: [.key("skip")]),
        SchemaProbe(definition: "test skip", schemaPath: ["definitions", "test", "properties", "skip"], at: [.key("tests"), .index(0), .key("skip")]),
    ]
}

extension SuiteTree {
    /// The smallest valid suite: one test with one assertion.
    static let minimal = SuiteTree.map([(key: "tests", value: .list([.map([(key: "asserts", value: .list([.map([(key: "exists", value: .null)])]))])]))])
}

/// Systematic mutants of valid suites, each judged by the schema and by
/// `--strict` decoding: the two must agree, except on the listed rules.
@Suite struct SuiteSchemaMutationTests {
    typealias H = SuiteSchemaHarness

    /// Where the schema is deliberately stricter than the decoder, with
    /// why. The decoder (like helm-unittest, even with --strict) silently
    /// ignores these keys when their value has the wrong type; the schema
    /// flags them because the setting then has no effect. A mutant under a
    /// rule may agree, or be rejected by the schema alone; every rule must
    /// explain at least one mutant of the settings suite.
    static let knownDisagreements: [(path: String, reason: String)] = [
        (#"tests\[\d+\]\.asserts\[\d+\]\.(not|template|documentIndex)"#,
         "an assertion's `not`, `template` and `documentIndex` are read only when they are a bool, string and int"),
        (#"tests\[\d+\]\.asserts\[\d+\]\.documentSelector(\.matchMany|\.skipEmptyTemplates)?"#,
         "an assertion's `documentSelector` is read only when it is a map, its flags only when they are `true`"),
        (#"tests\[\d+\]\.capabilities\.(majorVersion|minorVersion|apiVersions(\[\d+\])?)"#,
         "a test's `capabilities` is a free-form map: versions other than strings and ints, and non-string API versions, are dropped"),
    ]

    /// The values every node is replaced with in turn.
    static let replacements: [(name: String, value: SuiteTree)] = [
        ("string", .string("x")), ("int", .int(7)), ("fraction", .float(1.5)), ("bool", .bool(true)),
        ("yes", .string("yes")), ("null", .null), ("list", .list([.string("x")])),
        ("map", .map([(key: "k", value: .string("x"))])), ("[]", .list([])), ("{}", .map([])),
    ]

    struct Mutant {
        var name: String
        var path: String
        var tree: SuiteTree
    }

    /// Keys whose values are free-form (any YAML value is valid): the
    /// mutants stop one level inside them.
    static let freeForm: Set<String> = ["set", "objects", "value", "content"]

    /// The mutants of one valid suite, at the nodes `depth` steps down or deeper.
    static func mutants(of base: SuiteTree, depth: Int = 0) -> [Mutant] {
        var out: [Mutant] = []
        let nodes = base.nodes().filter { path, _ in
            path.count >= depth && !path.dropLast(2).contains { step in
                if case .key(let k) = step { return freeForm.contains(k) } else { return false }
            }
        }
        for (path, node) in nodes {
            let at = SuiteTree.describe(path)
            func add(_ op: String, _ edit: (SuiteTree) -> SuiteTree?) {
                out.append(Mutant(name: "\(at): \(op)", path: at, tree: base.replacing(path, edit)))
            }
            for (name, value) in replacements { add("→ \(name)") { _ in value } }
            if !path.isEmpty { add("removed") { _ in nil } }
            switch node {
            case .map(let pairs):
                add("+ unknown key") { _ in .map(pairs + [(key: "zzUnknown", value: .string("x"))]) }
            case .list(let items):
                add("+ null item") { _ in .list(items + [.null]) }
            default: break
            }
            guard case .map(let pairs) = node else { continue }
            if path.count == 4, case .key("asserts") = path[2],
               let type = pairs.first(where: { AssertionKind.registry[$0.key] != nil })?.key {
                // One assertion: a misspelt type, a second type, a type in the wrong case.
                let renamed = { (name: String) in pairs.map { $0.key == type ? (key: name, value: $0.value) : $0 } }
                add("misspelt \(type)s") { _ in .map(renamed(type + "s")) }
                add("\(type) capitalised") { _ in .map(renamed(type.prefix(1).uppercased() + type.dropFirst())) }
                let second = type == "exists" ? "isKind" : "exists"
                add("+ \(second)") { _ in .map(pairs + [(key: second, value: .null)]) }
            }
            if path.count == 5, case .key("asserts") = path[2], case .key(let type) = path[4], AssertionKind.registry[type] != nil {
                // Parameters are matched case-insensitively.
                for pair in pairs {
                    let upper = pair.key.uppercased()
                    let others = pairs.filter { $0.key != pair.key }
                    add("\(pair.key) as \(upper)") { _ in .map(others + [(key: upper, value: pair.value)]) }
                    add("\(pair.key) as \(upper) → list") { _ in .map(others + [(key: upper, value: .list([.list([.int(1)])]))]) }
                }
            }
        }
        return out
    }

    /// Every suite and test setting, with sensible values.
    static let settingsSuite = """
        suite: every setting
        values: [values/a.yaml]
        set: {image.tag: "1.0", list: [1, 2]}
        templates: [deployment.yaml, "*.yaml"]
        excludeTemplates: [notes.txt]
        includeCrds: true
        release: {name: r, namespace: ns, revision: 2, upgrade: true}
        chart: {version: 1.2.3, appVersion: "2.0"}
        capabilities: {majorVersion: "1", minorVersion: 30, apiVersions: [monitoring.coreos.com/v1]}
        kubernetesProvider:
          scheme:
            v1/Pod: {gvr: {group: "", version: v1, resource: pods}, namespaced: true, should_err: null}
          objects:
            - {apiVersion: v1, kind: Pod, metadata: {name: p, namespace: ns}}
        postRenderer: {cmd: yq, args: [eval, .]}
        snapshotId: id
        skip: {reason: "", minimumVersion: 0.1.0}
        tests:
          - it: uses every test setting
            values: [values/b.yaml]
            set: {replicas: 3}
            template: deployment.yaml
            templates: [deployment.yaml]
            documentIndex: 0
            documentindices: {deployment.yaml: [0]}
            documentSelector: {path: kind, value: Deployment, matchMany: true, skipEmptyTemplates: false}
            release: {name: r2, namespace: ns2, revision: 3, upgrade: false}
            chart: {version: 1.0.0, appVersion: "1"}
            capabilities: {majorVersion: 1, minorVersion: "29", apiVersions: [v1]}
            kubernetesProvider: {objects: []}
            postRenderer: {cmd: cat}
            skip: {reason: ""}
            asserts:
              - equal: {path: kind, value: Deployment}
                not: false
                template: deployment.yaml
                documentIndex: 0
                documentSelector: {path: kind, value: Deployment, matchMany: false, skipEmptyTemplates: false}
        """

    /// A suite with one assertion of `type` holding every parameter its
    /// schema lists (a sample value of the listed type).
    static func assertionSuite(_ type: String) -> SuiteTree {
        let properties = H.object("definitions", "assertions", type)["properties"] as? [String: Any] ?? [:]
        let params: [(key: String, value: SuiteTree)] = properties.keys.sorted().map { name in
            let types = (properties[name] as? [String: Any])?["type"] as? [String] ?? []
            let sample: SuiteTree = types.contains("string") ? .string("a")
                : types.contains("number") ? .int(1)
                : types.contains("boolean") ? .bool(true)
                : types.contains("array") ? .list([.string("a")])
                : types.contains("object") ? .map([(key: "pattern", value: .string("a"))])
                : .map([(key: "k", value: .string("v"))])
            return (key: name, value: sample)
        }
        let assertion = SuiteTree.map([(key: type, value: .map(params))])
        return .map([(key: "tests", value: .list([.map([(key: "asserts", value: .list([assertion]))])]))])
    }

    /// The valid suites the mutants start from: every setting, each
    /// assertion type with all its parameters, and two real suites.
    static let bases: [String] = ["settings", "webapp notes_test.yaml", "with-k8s-fake-client lookup_test.yaml"]
        + AssertionKind.registry.keys.sorted()

    static func base(_ name: String) throws -> SuiteTree {
        switch name {
        case "settings": return SuiteTree(try YAMLValues.v3Documents(settingsSuite)[0])
        case "webapp notes_test.yaml", "with-k8s-fake-client lookup_test.yaml":
            let url = name.hasPrefix("webapp")
                ? Fixtures.repository.appendingPathComponent("examples/webapp/tests/notes_test.yaml")
                : Fixtures.url("suite-schema/helm-unittest/data/v3/with-k8s-fake-client/tests/lookup_test.yaml")
            return SuiteTree(try YAMLValues.v3Documents(try String(contentsOf: url, encoding: .utf8))[0])
        default: return assertionSuite(name)
        }
    }

    @Test(arguments: bases)
    func schemaAndStrictDecodingAgree(base name: String) throws {
        let rules = try Self.knownDisagreements.map { try Regex($0.path) }
        let base = try Self.base(name)
        let baseText = Array(base.yaml.utf8)
        #expect(H.schemaProblem(file: baseText) == nil && H.decoderProblem(baseText) == nil, "base \(name) is not valid")
        var explained = Array(repeating: 0, count: rules.count)
        var disagreements: [String] = []
        // The suite and test around a single assertion are the settings suite's business.
        let mutants = Self.mutants(of: base, depth: AssertionKind.registry[name] == nil ? 0 : 4)
        for mutant in mutants {
            let bytes = Array(mutant.tree.yaml.utf8)
            let schema = H.schemaProblem(file: bytes)
            let decoder = H.decoderProblem(bytes)
            if (schema == nil) == (decoder == nil) { continue }
            if schema != nil, decoder == nil, let rule = rules.firstIndex(where: { (try? $0.wholeMatch(in: mutant.path)) != nil }) {
                explained[rule] += 1
                continue
            }
            let verdict = decoder.map { "decoder rejects: " + $0.prefix(120) } ?? "decoder accepts"
            disagreements.append("\(mutant.name): schema \(schema == nil ? "accepts" : "rejects"), \(verdict)")
        }
        #expect(disagreements == [], "base \(name): \(disagreements.count) of \(mutants.count) mutants disagree")
        #expect(mutants.count > 20)
        // Every known disagreement explains some mutant of the settings suite, so the list cannot go stale.
        if name == "settings" { #expect(explained.allSatisfy { $0 > 0 }, "rules explaining no mutant: \(explained)") }
    }
}
