import Foundation
import Testing
import TestSupport
@testable import UnitTest
import Values

/// `schema/chartunit-testsuite.json`: a valid draft-07 schema, embedded
/// byte for byte, naming exactly the keys and assertion types the decoder
/// knows, and accepting every real suite (the mutation test is in
/// SuiteSchemaMutationTests).
@Suite struct SuiteSchemaTests {
    typealias H = SuiteSchemaHarness

    @Test func embeddedCopyIsTheSchemaFile() {
        #expect(!H.fileBytes.isEmpty)
        #expect(Array(SuiteSchema.json.utf8) == H.fileBytes, "run python3 scripts/gen-schema-swift.py")
    }

    @Test func isAValidSchemaForItsDraft() throws {
        #expect(H.document["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        if case .failure(let error) = H.compiled { Issue.record("does not compile: \(error.message)") }
        // Compiling checks the document against the draft's metaschema: a broken copy fails.
        let broken = SuiteSchema.json.replacingOccurrences(of: "\"additionalProperties\": false", with: "\"additionalProperties\": 5")
        #expect(broken != SuiteSchema.json)
        if case .success = H.compile(Array(broken.utf8)) { Issue.record("a schema with additionalProperties: 5 compiled") }
    }

    /// Every property, at any depth, says what it is (itself or through its `$ref`).
    @Test func everyPropertyHasADescription() {
        var missing: [String] = []
        var count = 0
        func walk(_ node: Any, _ path: String) {
            if let list = node as? [Any] {
                for (i, item) in list.enumerated() { walk(item, "\(path)[\(i)]") }
                return
            }
            guard let object = node as? [String: Any] else { return }
            if let properties = object["properties"] as? [String: Any] {
                for (name, schema) in properties {
                    count += 1
                    if !Self.isDescribed(schema) { missing.append("\(path).properties.\(name)") }
                }
            }
            for (key, value) in object { walk(value, "\(path).\(key)") }
        }
        walk(H.document, "#")
        #expect(missing.sorted() == [])
        #expect(count > 150)
    }

    static func isDescribed(_ schema: Any) -> Bool {
        guard let object = schema as? [String: Any] else { return false }
        if object["description"] is String { return true }
        guard let ref = object["$ref"] as? String, ref.hasPrefix("#/") else { return false }
        var node: Any = H.document
        for key in ref.dropFirst(2).split(separator: "/") { node = (node as? [String: Any])?[String(key)] ?? [:] }
        return (node as? [String: Any])?["description"] is String
    }

    @Test func namesEveryAssertionTypeOfTheRegistry() {
        let registry = Set(AssertionKind.registry.keys)
        let defined = Set(H.object("definitions", "assertions").keys)
        let basics: Set<String> = ["not", "template", "documentIndex", "documentSelector"]
        let listed = Set(((H.object("definitions", "assertion")["properties"] as? [String: Any]) ?? [:]).keys)
        let oneOf = (H.object("definitions", "assertion", "then")["oneOf"] as? [[String: Any]] ?? []).compactMap { ($0["required"] as? [String])?.first }
        #expect(registry.count == 36)
        #expect(defined == registry)
        #expect(listed == registry.union(basics))
        #expect(Set(oneOf) == registry && oneOf.count == registry.count)
    }

    /// The suite and test keys: the decoder's lists, and helm-unittest's
    /// `documentindices` (a Go field without a yaml tag, accepted but not in
    /// the did-you-mean list).
    @Test func namesEverySuiteAndTestKey() {
        #expect(Set((H.document["properties"] as? [String: Any] ?? [:]).keys) == Set(SuiteFields.suiteFields))
        let test = Set(((H.object("definitions", "test")["properties"] as? [String: Any]) ?? [:]).keys)
        #expect(test == Set(SuiteFields.jobFields + ["documentindices"]))
    }

    /// Each key the schema allows in a struct-decoded object decodes under
    /// `--strict`, and an unknown one beside it does not: the schema names
    /// nothing the decoder rejects, and is closed exactly where strict is.
    @Test(arguments: SchemaProbe.all)
    func structKeysAgreeWithStrictDecoding(probe: SchemaProbe) throws {
        let names = probe.schemaNames
        #expect(!names.isEmpty, "\(probe.definition)")
        for name in names {
            let text = probe.suite(.map([(key: name, value: .null)]))
            #expect(H.decoderProblem(Array(text.utf8)) == nil, "\(probe.definition).\(name)")
            #expect(H.schemaProblem(file: Array(text.utf8)) == nil, "\(probe.definition).\(name)")
        }
        let unknown = Array(probe.suite(.map([(key: "zzUnknown", value: .null)])).utf8)
        #expect((H.decoderProblem(unknown) == nil) == probe.open, "\(probe.definition)")
        #expect((H.schemaProblem(file: unknown) == nil) == probe.open, "\(probe.definition)")
    }

    /// The parameters each assertion type's validator reads are the ones
    /// its schema lists: the labels of its ``Check`` case, and, for the
    /// one-parameter cases, the names whose wrong type the decoder reports.
    @Test func namesEveryValidatorParameter() throws {
        let definitions = H.object("definitions", "assertions")
        let candidates = Set(definitions.values.flatMap { (($0 as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys })
            .union(["zzUnknown", "Path", "documentIndex"])
        var mismatches: [String] = []
        for (type, kind) in AssertionKind.registry {
            let schema = Set(((definitions[type] as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
            let check = try CheckDecoder.decode(kind.validator, .null, at: .init(file: "x"))
            var read = Set(Self.labels(of: check)).subtracting(["greater"]) // compare(…, greater:) is the type, not a parameter
            for name in candidates {
                let params = Value.map([name: .list([.list([.int(1)])])])
                if (try? CheckDecoder.decode(kind.validator, params, at: .init(file: "x"))) == nil { read.insert(name) }
            }
            // mapstructure matches case-insensitively: `Path` is `path`.
            read = Set(read.map { name in schema.first { $0.lowercased() == name.lowercased() } ?? name })
            if read != schema { mismatches.append("\(type): decoder \(read.sorted()), schema \(schema.sorted())") }
        }
        #expect(mismatches.sorted() == [])
    }

    /// The labels of a ``Check`` case's payload, when it is a labelled tuple.
    static func labels(of check: Check) -> [String] {
        guard let payload = Mirror(reflecting: check).children.first?.value else { return [] }
        return Mirror(reflecting: payload).children.compactMap(\.label).filter { !$0.hasPrefix(".") }
    }

    /// Every field helm-unittest's own schema names, chartunit's names at the
    /// same place (suite, test, assertion and each assertion's parameters).
    @Test func namesEveryFieldOfHelmUnittestsSchema() throws {
        let data = try Data(contentsOf: Fixtures.url("suite-schema/helm-testsuite.json"))
        let helm = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func names(_ root: [String: Any], _ keys: [String]) -> Set<String> {
            var node: Any = root
            for key in keys { node = (node as? [String: Any])?[key] ?? [:] }
            return Set(((node as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
        }
        let helmTest = ["properties", "tests", "items"], helmAssertion = helmTest + ["properties", "asserts", "items"]
        var missing: [String] = []
        for (theirs, ours, place) in [([String](), [String](), "suite"), (helmTest, ["definitions", "test"], "test"),
                                      (helmAssertion, ["definitions", "assertion"], "assertion")] {
            missing += names(helm, theirs).subtracting(names(H.document, ours)).map { "\(place).\($0)" }
        }
        // helm-unittest's schema puts each assertion's parameters in its own `oneOf` branch.
        var node: Any = helm
        for key in helmAssertion { node = (node as? [String: Any])?[key] ?? [:] }
        for branch in (node as? [String: Any])?["oneOf"] as? [[String: Any]] ?? [] {
            for (type, schema) in branch["properties"] as? [String: Any] ?? [:] {
                let theirs = Set(((schema as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
                let ours = names(H.document, ["definitions", "assertions", type])
                missing += theirs.subtracting(ours).map { "\(type).\($0)" }
            }
        }
        #expect(missing.sorted() == [])
    }

    /// Suites that are not valid on purpose, with why, relative to
    /// Tests/Fixtures/suite-schema/helm-unittest; `decodes` marks the one
    /// the strict decoder still accepts.
    static let invalidOnPurpose: [String: (reason: String, decodes: Bool)] = [
        "data/v3/invalidbasic/tests/deployment_noasserts_test.yaml": ("`assert:` for `asserts:`", false),
        "data/v3/invalidbasic/tests/deployment_notests_test.yaml": ("`test:` for `tests:`", false),
        "data/v3/invalidbasic/tests/deployment_test.yaml": ("`documents:`, no test key", false),
        "data/v3/with-helm-tests/tests-chart/templates/multiple_suites_test.yaml": ("a Helm template (--chart-tests-path), YAML only once rendered", false),
        "data/v3/with-helm-tests/tests-chart/templates/multiple_tests_test.yaml": ("a Helm template (--chart-tests-path), YAML only once rendered", false),
        "testdata/chart-document-selector/tests/case1-error_test.yaml": ("an assertion's documentSelector without `path`", false),
        "testdata/chart-document-selector/tests/case4-error_test.yaml": ("an assertion's documentSelector without `path`", false),
        // `"\d"`: no YAML escape, so no YAML for an editor; go-yaml fails the same way, and
        // helm-unittest (so chartunit) then decodes the part again with backslashes doubled.
        "testdata/chart-failed-template/tests/validation_test.yaml": ("an unknown escape in a double-quoted string", true),
    ]

    @Test func everyExampleAndConformanceSuiteValidates() throws {
        let base = Fixtures.url("suite-schema/helm-unittest")
        let conformance = Self.files(under: base)
        let examples = Self.files(under: Fixtures.repository.appendingPathComponent("examples"))
        #expect(conformance.count == 131 && examples.count >= 10)
        var verdicts: [String: String] = [:]
        var disagreements: [String] = []
        for (root, files) in [(base, conformance), (Fixtures.repository, examples)] {
            for file in files {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
                let name = String(file.dropFirst(root.path.count + 1))
                let schema = H.schemaProblem(file: bytes)
                let decoder = H.decoderProblem(bytes)
                if let schema { verdicts[name] = schema }
                let expected = Self.invalidOnPurpose[name]
                if (schema == nil) != (decoder == nil) && expected?.decodes != true {
                    disagreements.append("\(name): schema \(schema ?? "valid"); decoder \(decoder ?? "valid")")
                }
            }
        }
        #expect(Set(verdicts.keys) == Set(Self.invalidOnPurpose.keys), "\(verdicts)")
        #expect(disagreements == [])
    }

    static func files(under url: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: url.path) else { return [] }
        var out: [String] = []
        while let next = walker.nextObject() as? String {
            if next.hasSuffix("_test.yaml") { out.append(url.appendingPathComponent(next).path) }
        }
        return out.sorted()
    }
}
