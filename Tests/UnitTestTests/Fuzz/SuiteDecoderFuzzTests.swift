import Foundation
import Testing
import TestSupport
@testable import UnitTest

/// Suite files (`SuiteDecoder.decodeFile`, lax and `--strict`), seeded with
/// the conformance suites and the examples' suites.
@Suite struct SuiteDecoderFuzzTests {
    static let seeds: [[UInt8]] = fuzzSeedFiles(under: Fixtures.conformance) { $0.hasSuffix("_test.yaml") }
        + fuzzSeedFiles(under: Fixtures.repository.appendingPathComponent("examples")) { $0.hasSuffix("_test.yaml") }

    /// YAML's syntax and the suite and assertion keys.
    static let mutator = FuzzMutator(
        tokens: ["\n", "\n  ", "\n    - ", "- ", ": ", ":", "---\n", "...\n", "{", "}", "[", "]", ",", "&a ", "*a", "<<: ", "? ",
                 "!!str ", "!!int ", "!!map ", "!!binary ", "!custom ", "|\n  ", ">-\n  ", "'", "\"", "\\", "\\x", "\\u00e9", "#",
                 "~", "null", "true", "yes", "0x1F", "1e3", ".inf", "suite: ", "templates:\n  - ", "tests:\n  - it: t\n    asserts:\n      - ",
                 "asserts:", "it: ", "set:\n      ", "values:\n      - ", "release:\n  name: r", "capabilities:\n  majorVersion: ",
                 "chart:\n  version: ", "kubernetesProvider:\n  scheme:\n    ", "postRenderer:\n  cmd: ", "snapshotId: ",
                 "documentIndex: ", "documentSelector:\n  path: ", "template: ", "not: true", "equal:\n  path: a\n  value: ",
                 "isKind:\n  of: ", "matchRegex:\n  path: a\n  pattern: ", "contains:\n  path: a\n  content: ", "hasDocuments:\n  count: ",
                 "failedTemplate:\n  errorMessage: ", "matchSnapshot: {}", "lengthEqual:\n  paths: [a]\n  count: ",
                 "exists:\n  path: ", "skip:\n  reason: ", "minimumVersion: ", "excludeTemplates: ", "$.a[?(@.b == 1)]"],
        alphabet: "-:?[]{},#&*!|>'\"%@` \n\t\\.0123456789abxyz",
        bursts: [("[", "]"), ("{", "}"), ("- ", ""), ("a:\n  ", ""), ("- - ", ""), ("{a: ", "}")],
        // go-yaml reports every pair of duplicate keys (n² messages), as chartunit does:
        // runs of a few hundred keep that quadratic cost out of the way. Nesting stays under
        // 512 levels: how deep YAML may nest is the YAML parser's business, not the suite decoder's.
        maxLength: 64 * 1024, maxBurst: 512, maxRun: 256)

    @Test func mutatedSuitesDecodeOrFail() async {
        let summary = await runFuzz("suite-decoder", seeds: Self.seeds, mutator: Self.mutator, defaultCount: 2_000, seed: 0x5017E) { input in
            var accepted = false
            for strict in [false, true] {
                let (suites, errors) = SuiteDecoder.decodeFile(input, path: "tests/t_test.yaml", chartRoute: "chart",
                                                               options: SuiteDecodingOptions(strict: strict))
                for error in errors { _ = error.description }
                if errors.isEmpty && !suites.isEmpty { accepted = true }
            }
            return accepted ? .accepted : .rejected
        }
        #expect(summary.accepted > 0)
    }
}

/// Inputs the suite decoder fuzz target found slow.
@Suite struct SuiteDecoderFuzzRegressionTests {
    /// 1 900 duplicate keys (3.8 s to decode, 1.8 M messages): go-yaml names
    /// every later duplicate of every key, so the error has n² lines, as Go's.
    @Test func manyDuplicateKeysGiveEveryPair() {
        let text = "tests:\n  - it: t\n    asserts: [{isKind: {of: Pod}}]\n    kubernetesProvider:\n"
            + String(repeating: "      scheme: {}\n", count: 300)
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "t_test.yaml", chartRoute: "c")
        #expect(suites.isEmpty)
        let message = errors.first?.message ?? ""
        let lines = message.split(separator: "\n")
        let pairs = 300 * 299 / 2
        #expect(lines.count == 1 + pairs)
        #expect(lines.dropFirst().first == #"  line 6: mapping key "scheme" already defined at line 5"#)
        #expect(SuiteDecoder.mentions(String(repeating: "x", count: 100) + "unknown escape character", "unknown escape character"))
        #expect(!SuiteDecoder.mentions("unknown escape", "unknown escape character"))
    }
}
