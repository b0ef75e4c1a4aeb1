import Diagnostics
import Foundation
import GoStd

/// Where a job stands in helm-unittest's run order: chart, then suite (as
/// discovered), then test job.
struct RunPosition: Comparable, Sendable {
    var chart: Int
    var suite: Int
    var job: Int

    static func < (a: RunPosition, b: RunPosition) -> Bool {
        (a.chart, a.suite, a.job) < (b.chart, b.suite, b.job)
    }
}

/// `-d`: every job's rendered files written under one directory, each file
/// left as the last job *in run order* rendered it — what helm-unittest,
/// which runs one job at a time, leaves there — however the jobs are
/// scheduled across `-j` workers.
final class RenderOutputWriter: @unchecked Sendable {
    let directory: String
    private let lock = NSLock()
    /// The position of the job whose text each written file holds.
    private var writers: [String: RunPosition] = [:]

    init(directory: String) {
        self.directory = directory
    }

    /// `writeRenderedOutput`: the job's files under the directory, except
    /// those a job later in run order has already written.
    func write(_ outputs: [String: GoString], at position: RunPosition) throws(LocatedError) {
        lock.lock()
        defer { lock.unlock() }
        for (file, text) in outputs.sorted(by: { goLess($0.key, $1.key) }) {
            let path = GoPath.join(directory, file)
            if let writer = writers[path], position < writer { continue }
            do throws(GoError) {
                try GoOS.mkdirAll(GoPath.dir(path))
                try GoOS.writeFileAtomically(text.bytes, to: path)
            } catch {
                throw LocatedError(.fileAccess, error.message, at: SourceLocation(file: path))
            }
            writers[path] = position
        }
    }
}
