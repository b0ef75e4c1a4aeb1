import Foundation
import Testing
import TestSupport
@testable import UnitTest
import Values

/// Suite files that would make helm-unittest's go-yaml v3 stop: an alias
/// bomb in the typed fields (go-yaml counts every node it decodes, into
/// structs too) and nesting past the scanner's 10000 levels. Texts from
/// helm-unittest 1.1.0 on the same suites.
@Suite struct SuiteDepthLimitTests {
    static func decode(_ text: String) -> String? {
        SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c").errors.first?.message
    }

    @Test func aliasBombInTypedFields() {
        // 100000 jobs of 100 assertions each: 10 million, from a 600 KB file.
        let text = "suite: bomb\ntemplates: [ok.yaml]\na0: &a0 {notFailedTemplate: {}}\n"
            + "a1: &a1 [" + Array(repeating: "*a0", count: 100).joined(separator: ", ") + "]\n"
            + "j: &j {it: t, asserts: *a1}\n"
            + "tests: [" + Array(repeating: "*j", count: 100_000).joined(separator: ", ") + "]\n"
        #expect(Self.decode(text) == "yaml: document contains excessive aliasing")
    }

    @Test func aliasesInModerationStillDecode() {
        let text = "suite: ok\ntemplates: [ok.yaml]\nj: &j {it: t, asserts: [{notFailedTemplate: {}}]}\n"
            + "tests: [" + Array(repeating: "*j", count: 50).joined(separator: ", ") + "]\n"
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c")
        #expect(errors.isEmpty)
        #expect(suites.first?.tests.count == 50)
    }

    @Test(arguments: ["flow", "block"])
    func nestingPastTheScanner(_ style: String) {
        let set = style == "flow"
            ? "    set:\n      a: " + String(repeating: "[", count: 10001) + String(repeating: "]", count: 10001) + "\n"
            // The mapping key `a` is go-yaml v3's line for an indentation error.
            : "    set:\n      a:\n        " + String(repeating: "- ", count: 10000) + "y\n"
        let text = "suite: deep\ntemplates: [ok.yaml]\ntests:\n  - it: x\n" + set + "    asserts:\n      - notFailedTemplate: {}\n"
        #expect(Self.decode(text) == "yaml: line 6: exceeded max depth of 10000")
    }

    /// The deepest `set:` value the scanner allows decodes, and is freed,
    /// whatever the thread.
    @Test func deepestSetValueDecodes() throws {
        let value = String(repeating: "{b: ", count: 9999) + "1" + String(repeating: "}", count: 9999)
        let text = "suite: deep\ntemplates: [ok.yaml]\ntests:\n  - it: x\n    set:\n      a:\n        "
            + String(repeating: "- ", count: 9990) + value + "\n    asserts:\n      - notFailedTemplate: {}\n"
        let (suites, errors) = SuiteDecoder.decodeFile(text, path: "tests/a_test.yaml", chartRoute: "c")
        #expect(errors.isEmpty)
        #expect(suites.first?.tests.first?.set.count == 1)
    }
}
