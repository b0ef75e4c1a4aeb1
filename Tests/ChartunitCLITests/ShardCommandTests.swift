import Foundation
import Testing
@testable import ChartunitCLI
import TestSupport

/// `chartunit test --shard i/n` end to end on the three-chart fixture.
@Suite struct ShardCommandTests {
    static let charts = ["alpha", "beta", "gamma"].map { Fixtures.url("sharding/\($0)").path }

    /// The ` PASS ` lines of an output.
    static func suiteLines(_ output: String) -> [String] {
        output.components(separatedBy: "\n").filter { $0.hasPrefix(" PASS ") || $0.hasPrefix(" FAIL ") }
    }

    static func testCount(_ output: String) -> Int? {
        guard let line = output.components(separatedBy: "\n").first(where: { $0.hasPrefix("Tests:") }) else { return nil }
        return Int(line.split(separator: " ").dropLast().last ?? "")
    }

    @Test(arguments: [2, 3, 5])
    func shardsSplitTheRunDisjointlyAndCompletely(count: Int) async throws {
        let whole = await CLI.run(["test"] + Self.charts)
        #expect(whole.exitCode == 0)
        var seen: [String] = []
        var tests = 0
        for index in 1...count {
            let shard = await CLI.run(["test", "--shard", "\(index)/\(count)"] + Self.charts)
            #expect(shard.exitCode == 0)
            #expect(shard.stdout.hasPrefix("Shard \(index)/\(count): "))
            seen += Self.suiteLines(shard.stdout)
            tests += Self.testCount(shard.stdout) ?? 0
        }
        #expect(Set(seen).count == seen.count)
        #expect(Set(seen) == Set(Self.suiteLines(whole.stdout)))
        #expect(tests == 84)
        // The same command gives the same shard.
        let again = await CLI.run(["test", "--shard", "1/\(count)"] + Self.charts)
        let first = await CLI.run(["test", "--shard", "1/\(count)"] + Self.charts)
        #expect(Self.suiteLines(again.stdout) == Self.suiteLines(first.stdout))
    }

    @Test func anEmptyShardPassesAndSaysSo() async {
        let outcome = await CLI.run(["test", "--shard", "20/20"] + Self.charts)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout.hasPrefix("Shard 20/20: 0 of 13 suite files, 0 of 84 tests\n"))
        #expect(!outcome.stdout.contains("no test suites found"))
    }

    @Test func recordedTimingsAndJUnitReportsBalanceShards() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-shard-\(UUID().uuidString)").path
        let record = scratch + "/timings.json"
        let junit = scratch + "/junit.xml"
        let run = await CLI.run(["test", "--record-timings", record, "-t", "JUnit", "-o", junit] + Self.charts)
        #expect(run.exitCode == 0)
        let recorded = try String(contentsOfFile: record, encoding: .utf8)
        #expect(recorded.contains("\"version\": 1"))
        #expect(recorded.contains(Self.charts[0] + "/tests/suite0_test.yaml"))
        for timings in [record, junit] {
            let shard = await CLI.run(["test", "--shard", "1/2", "--timings", timings] + Self.charts)
            #expect(shard.exitCode == 0)
            #expect(shard.stdout.range(of: #"^Shard 1/2: \d+ of 13 suite files, \d+ of 84 tests \(expected [0-9.]+ s of [0-9.]+ s\)\n"#,
                                       options: .regularExpression) != nil)
        }
        // A timings file not there yet (a first CI run) is a note, not an error.
        let missing = await CLI.run(["test", "--shard", "1/2", "--timings", scratch + "/none.json"] + Self.charts)
        #expect(missing.exitCode == 0)
        #expect(missing.stderr.contains("chartunit: no timings in \(scratch)/none.json (open \(scratch)/none.json: no such file or directory): balancing by test counts"))
    }

    @Test(arguments: [
        (["--shard", "0/2"], #"invalid argument "0/2" for "--shard" flag: must be i/n with 1 ≤ i ≤ n, e.g. 2/4"#),
        (["--shard", "3/2"], #"invalid argument "3/2" for "--shard" flag: must be i/n with 1 ≤ i ≤ n, e.g. 2/4"#),
        (["--shard", "half"], #"invalid argument "half" for "--shard" flag: must be i/n with 1 ≤ i ≤ n, e.g. 2/4"#),
    ])
    func badShardFlags(arguments: [String], message: String) async {
        let outcome = await CLI.run(["test"] + arguments + Self.charts)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr == "Error: \(message)\n")
    }

    @Test func aBrokenTimingsFileIsAnError() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-timings-\(UUID().uuidString).json").path
        try Data("{\"suites\": 3}".utf8).write(to: URL(fileURLWithPath: file))
        let outcome = await CLI.run(["test", "--shard", "1/2", "--timings", file] + Self.charts)
        #expect(outcome.exitCode == 1)
        #expect(outcome.stderr.hasPrefix("Error: \(file): not a chartunit timings record"))
    }
}
