import Foundation
import Helm
import Testing
import TestSupport
@testable import UnitTest

/// `--shard`: the partition is disjoint, complete, independent of input
/// order, and balanced by recorded timings.
@Suite struct ShardingTests {
    static let charts = ["alpha", "beta", "gamma"].map { Fixtures.url("sharding/\($0)").path }

    /// The fixture's units, planned by the real runner, and its recorded timings keyed as the plan names files.
    static func fixture() throws -> (units: [WorkUnit], timings: SuiteTimings) {
        let units = TestRunner(renderer: HelmChartRenderer(), options: TestRunOptions()).plan(chartPaths: charts)
        let recorded = try SuiteTimings(parsing: Array(Data(contentsOf: Fixtures.url("sharding/timings.json"))), file: "timings.json")
        var byFile: [String: Double] = [:]
        for (file, seconds) in recorded.byFile {
            byFile[file.replacingOccurrences(of: "Tests/Fixtures/", with: Fixtures.root.path + "/")] = seconds
        }
        return (units, SuiteTimings(byFile: byFile))
    }

    @Test(arguments: [
        ("1/1", ShardSpec.Parts(1, 1)), ("2/4", .init(2, 4)), ("4/4", .init(4, 4)),
        ("0/4", nil), ("5/4", nil), ("1/0", nil), ("a/b", nil), ("1", nil), ("1/2/3", nil), ("-1/2", nil), ("", nil),
    ])
    func parsesShards(text: String, expected: ShardSpec.Parts?) {
        let spec = ShardSpec(parsing: text)
        #expect(spec.map { ShardSpec.Parts($0.index, $0.count) } == expected)
    }

    @Test func planListsEverySuiteFileWithItsTests() throws {
        let (units, _) = try Self.fixture()
        #expect(units.count == 13)
        #expect(units.reduce(0) { $0 + $1.tests } == 84)
        #expect(units.first?.path.hasSuffix("sharding/alpha/tests/suite0_test.yaml") == true)
        #expect(units.first?.suiteNames == ["alpha suite 0"])
        #expect(units.map(\.tests) == [1, 9, 3, 14, 6, 2, 11, 4, 8, 5, 13, 1, 7])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 13, 20])
    func partsAreDisjointCompleteAndStable(count: Int) throws {
        let (units, timings) = try Self.fixture()
        for useTimings in [false, true] {
            let weights = Sharding.weights(units, timings: useTimings ? timings : SuiteTimings())
            let parts = Sharding.partition(units, weights: weights, count: count)
            #expect(parts.count == count)
            let all = parts.flatMap { $0.map(\.path) }
            #expect(Set(all).count == all.count, "disjoint")
            #expect(Set(all) == Set(units.map(\.path)), "complete")
            // Each part keeps run order.
            for part in parts {
                let positions = part.map { unit in units.firstIndex(of: unit) ?? -1 }
                #expect(positions == positions.sorted())
            }
            // The same units in another order give the same parts.
            let reversed = Array(zip(units, weights).reversed())
            let again = Sharding.partition(reversed.map(\.0), weights: reversed.map(\.1), count: count)
            #expect(again.map { Set($0.map(\.path)) } == parts.map { Set($0.map(\.path)) })
        }
    }

    /// With recorded timings the slowest shard stays within 1.3× of the mean.
    @Test(arguments: [2, 3, 4])
    func recordedTimingsBalanceShards(count: Int) throws {
        let (units, timings) = try Self.fixture()
        #expect(units.allSatisfy { timings.seconds(for: $0) != nil })
        let weights = Sharding.weights(units, timings: timings)
        let parts = Sharding.partition(units, weights: weights, count: count)
        let loads = parts.map { part in part.reduce(0.0) { sum, unit in sum + (timings.seconds(for: unit) ?? 0) } }
        let mean = loads.reduce(0, +) / Double(count)
        #expect(loads.max()! <= 1.3 * mean, "loads \(loads)")
    }

    @Test func weightsFallBackToTestsTimesTheMedianPerTest() {
        let units = [
            WorkUnit(path: "a", chartPath: "c", tests: 2, suiteNames: ["A"]),
            WorkUnit(path: "b", chartPath: "c", tests: 4, suiteNames: ["B"]),
            WorkUnit(path: "c", chartPath: "c", tests: 10, suiteNames: ["C"]),
            WorkUnit(path: "d", chartPath: "c", tests: 0, suiteNames: ["D1", "D2"]),
        ]
        #expect(Sharding.weights(units, timings: SuiteTimings()) == [2, 4, 10, 1])
        // Per test: a 0.5, b 0.25; the median of two is the upper one.
        let timings = SuiteTimings(byFile: ["a": 1, "b": 1])
        #expect(Sharding.weights(units, timings: timings) == [1, 1, 5, 0.5])
        // A JUnit report names suites: a unit is known when all its suites are.
        let junit = SuiteTimings(byName: ["C": 3, "D1": 1])
        #expect(Sharding.weights(units, timings: junit) == [0.6, 1.2, 3, 0.3])
    }

    @Test func junitReportsGiveTimesBySuiteName() throws {
        let xml = """
        <testsuites>
          <testsuite id="0" tests="2" name="alpha &amp; co" time="1.250" timestamp="x">
            <testcase classname="a" name="t" time="1.000"></testcase>
          </testsuite>
          <testsuite name='beta' time="0.5"/>
          <testsuite name="beta" time="0.25"></testsuite>
          <testsuite name="no time"></testsuite>
        </testsuites>
        """
        let timings = try SuiteTimings(parsing: Array(xml.utf8), file: "report.xml")
        #expect(timings.byName == ["alpha & co": 1.25, "beta": 0.75])
        #expect(timings.byFile.isEmpty)
    }

    @Test(arguments: [
        ("{}", "t.json: not a chartunit timings record ({\"version\": 1, \"suites\": {…}}) or a JUnit report"),
        ("{\"version\": 2, \"suites\": {}}", "t.json: not a chartunit timings record ({\"version\": 1, \"suites\": {…}}) or a JUnit report"),
        ("<testsuites></testsuites>", "t.json: no <testsuite> with a name and a time"),
        ("not json", "t.json: not a chartunit timings record ({\"version\": 1, \"suites\": {…}}) or a JUnit report"),
    ])
    func badTimingsFiles(text: String, message: String) {
        #expect(throws: (any Error).self) { try SuiteTimings(parsing: Array(text.utf8), file: "t.json") }
        do {
            _ = try SuiteTimings(parsing: Array(text.utf8), file: "t.json")
        } catch {
            #expect(error.message == message)
            #expect(error.location?.file == "t.json")
        }
    }

    @Test func recordRoundTrips() throws {
        let timings = SuiteTimings(byFile: ["charts/a/tests/x_test.yaml": 0.1234567, "b": 2])
        let read = try SuiteTimings(parsing: Array(timings.recordText.utf8), file: "t")
        #expect(read.byFile == ["charts/a/tests/x_test.yaml": 0.123457, "b": 2])
    }
}

extension ShardSpec {
    /// Index and count, for comparing in tables.
    struct Parts: Hashable, Sendable, CustomTestStringConvertible {
        var index: Int
        var count: Int
        init(_ index: Int, _ count: Int) {
            self.index = index
            self.count = count
        }
        var testDescription: String { "\(index)/\(count)" }
    }
}
