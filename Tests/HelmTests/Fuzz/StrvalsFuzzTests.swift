import Foundation
@testable import Helm
import Testing
import TestSupport
import Values

/// Helm's `--set` parsers (`Strvals.parse`) in every mode, into a fresh map
/// and into existing values; seeds are the inputs of the strvals corpus.
@Suite struct StrvalsFuzzTests {
    static let seeds: [[UInt8]] = StrvalsCorpusTests.cases.map { Array($0.input.utf8) }

    static let mutator = FuzzMutator(
        tokens: ["=", ",", ".", "[", "]", "[0]", "[65536]", "[-1]", "{", "}", "{a,b}", "\\", "\\,", "\\=", "\\.", "\"",
                 "null", "true", "false", "0", "007", "-5", "9223372036854775808", "1.5", "a", "a.b", "a[1]", "{}",
                 "[]", "{\"a\":1}", "[1,2]", ":", "\n", " "],
        alphabet: "=,.[]{}\\\"'0123456789-abcxyz :",
        bursts: [("[", "]"), ("{", "}"), ("a.", ""), ("[0]", ""), ("[", ""), ("{\"a\":", "}")],
        maxLength: 16 * 1024)

    /// Values an assignment may land in (lists, maps, scalars at every kind of key).
    static let existing: Value = .map([
        "a": .list([.string("x"), .map(["b": .int(1)]), .null]),
        "b": .map(["c": .list([.int(1)]), "d": .string("s")]),
        "c": .string("scalar"), "d": .null, "list": .list([]),
    ])

    static let modes: [Strvals.Mode] = [.typed, .string, .json, .literal, .file(read: { .string("content of " + $0) })]

    /// The list elements the indexes of `input` ask for, at most: each
    /// `[n]` may make a list of n + 1 elements (nested ones multiply nothing,
    /// but each level is a list of its own).
    static func listElements(_ input: [UInt8]) -> Int {
        var total = 0
        var i = 0
        while i < input.count {
            defer { i += 1 }
            guard input[i] == UInt8(ascii: "[") else { continue }
            var n = 0
            var j = i + 1
            while j < input.count, input[j] >= 0x30, input[j] <= 0x39, n <= 1 << 20 {
                n = n * 10 + Int(input[j] - 0x30)
                j += 1
            }
            total += min(n, 1 << 20)
        }
        return total
    }

    @Test func mutatedAssignmentsParseOrFail() async {
        let summary = await runFuzz("strvals", seeds: Self.seeds, mutator: Self.mutator, defaultCount: 3_000, seed: 0x5E7) { input in
            // `a[65536][65536]…`: Helm's limit is per index, so a few hundred of them make
            // Go allocate gigabytes too; such inputs are skipped, not run.
            if Self.listElements(input) > 1_000_000 { return .skipped }
            let text = String(decoding: input, as: UTF8.self)
            var accepted = false
            for mode in Self.modes {
                if let map = try? Strvals.parse(text, mode: mode) {
                    accepted = true
                    _ = try? GoJSON.encode(.map(map))
                }
            }
            if case .map(let dest, _) = Self.existing.deepCopy() {
                if (try? Strvals.parse(text, into: dest, mode: .typed)) != nil { _ = GoFmt.format(.map(dest)) }
            }
            return accepted ? .accepted : .rejected
        }
        #expect(summary.accepted > 0)
    }
}
