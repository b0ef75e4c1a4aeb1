import Diagnostics
import Foundation
import GoStd
import Helm
import UnitTest

/// `--shard i/n` with `--timings` and `--record-timings`: which suite files
/// this shard runs, and the timings a run records for the next one.
struct ShardOutput {
    var shard: ShardSpec?
    var timings = SuiteTimings()
    var recordFile: String?
    /// Notes for stderr (a timings file that is not there yet).
    var notes: [String] = []

    /// The flags, checked; the timings files read.
    init(shard: String?, timingsFiles: [String], recordFile: String?) throws(LocatedError) {
        if let shard {
            guard let spec = ShardSpec(parsing: shard) else {
                throw TestInputs.invalidArgument(shard, flag: "--shard", "must be i/n with 1 ≤ i ≤ n, e.g. 2/4")
            }
            self.shard = spec
        }
        for file in timingsFiles {
            let bytes: [UInt8]
            do throws(GoError) {
                bytes = try GoOS.readFile(file)
            } catch {
                // A first CI run has no timings yet: balance by test counts.
                notes.append("chartunit: no timings in \(file) (\(error.message)): balancing by test counts")
                continue
            }
            timings = timings.merging(try SuiteTimings(parsing: bytes, file: file))
        }
        self.recordFile = recordFile
    }

    /// This shard's suite files (nil without `--shard`) and the line that
    /// says what it took: `Shard 2/4: 5 of 17 suite files, 31 of 120 tests (expected 3.2 s of 12.9 s)`.
    func select<R: ChartRenderer>(_ runner: TestRunner<R>, chartPaths: [String]) -> (files: Set<String>, line: String)? {
        guard let shard else { return nil }
        let units = runner.plan(chartPaths: chartPaths)
        let weights = Sharding.weights(units, timings: timings)
        let parts = Sharding.partition(units, weights: weights, count: shard.count)
        let mine = parts[shard.index - 1]
        let files = Set(mine.map(\.path))
        let expected = zip(units, weights).filter { files.contains($0.0.path) }.reduce(0) { $0 + $1.1 }
        let total = weights.reduce(0, +)
        let tests = mine.reduce(0) { $0 + $1.tests }
        var line = "Shard \(shard): \(mine.count) of \(units.count) suite files, \(tests) of \(units.reduce(0) { $0 + $1.tests }) tests"
        if timings != SuiteTimings() { line += " (expected \(Self.seconds(expected)) of \(Self.seconds(total)))" }
        line += "\n"
        return (files, line)
    }

    /// Writes `run`'s timings to `--record-timings` (merged into what the
    /// file holds); the error text if that fails.
    func record(_ run: RunResult) -> String? {
        guard let recordFile else { return nil }
        var record = SuiteTimings(run)
        if let bytes = try? GoOS.readFile(recordFile), let earlier = try? SuiteTimings(parsing: bytes, file: recordFile) {
            record = SuiteTimings(byFile: earlier.merging(record).byFile)
        }
        do throws(GoError) {
            try GoOS.mkdirAll(GoPath.dir(recordFile))
            try GoOS.writeFileAtomically(Array(record.recordText.utf8), to: recordFile)
            return nil
        } catch {
            return error.message
        }
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.1f s", value)
    }
}
