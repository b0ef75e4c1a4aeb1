import Diagnostics
import Foundation
import Testing
import TestSupport
@testable import UnitTest
import Values

/// The snapshot file reader (`SnapshotCache.parse`), seeded with the
/// conformance and example `__snapshot__/*.snap` files.
@Suite struct SnapshotFuzzTests {
    static let seeds: [[UInt8]] = fuzzSeedFiles(under: Fixtures.conformance) { $0.hasSuffix(".snap") }
        + fuzzSeedFiles(under: Fixtures.repository.appendingPathComponent("examples")) { $0.hasSuffix(".snap") }

    static let mutator = FuzzMutator(
        tokens: ["\n", "\n  ", "\n    ", "- ", ": ", "1: |\n    ", "0: ", "-1: ", "18446744073709551616: ", "0x1: ", "|\n", "|-\n",
                 ">\n", "---\n", "...\n", "{", "}", "[", "]", ",", "&a ", "*a", "<<: ", "? ", "!!str ", "!!map ", "'", "\"", "\\",
                 "#", "~", "null", "manifest should match snapshot:\n  ", "\t"],
        alphabet: "-:?[]{},#&*!|>'\"%@` \n\t\\.0123456789abxyz",
        bursts: [("[", "]"), ("{", "}"), ("  ", ""), ("a:\n  ", "")],
        // As for suites: how deep YAML may nest is the YAML parser's business, not this reader's.
        maxLength: 64 * 1024, maxBurst: 512, maxRun: 256)

    @Test func mutatedSnapshotsReadOrFail() async {
        let summary = await runFuzz("snapshot", seeds: Self.seeds, mutator: Self.mutator, defaultCount: 3_000, seed: 0x5A9) { input in
            do throws(LocatedError) {
                let parsed = try SnapshotCache.parse(input, file: "t_test.yaml.snap")
                let entries = parsed.map { (test: $0.key, items: $0.value.map { (index: $0.key, text: $0.value) }) }
                _ = snapshotFile(entries)
                return .accepted
            } catch {
                _ = error.description
                return .rejected
            }
        }
        #expect(summary.accepted > 0)
    }
}
