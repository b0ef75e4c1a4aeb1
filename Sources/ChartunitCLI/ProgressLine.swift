import Foundation
import Synchronization
import UnitTest

/// The one-line progress indicator `test` draws on a terminal during a long
/// run: `chartunit: [2/5] charts/api  31/120 suites`, redrawn in place at
/// most ten times a second, shown only once the run has taken a second, and
/// erased before the report is printed.
final class ProgressLine: Sendable {
    private struct State {
        var start: ContinuousClock.Instant
        var lastDrawn: ContinuousClock.Instant?
        var shown = false
    }

    private let write: @Sendable (String) -> Void
    private let width: Int
    private let delay: Duration
    private let state: Mutex<State>

    /// A line written with `write`, at most `width` columns, first drawn after `delay`.
    init(write: @escaping @Sendable (String) -> Void, width: Int = 80, delay: Duration = .seconds(1)) {
        self.write = write
        self.width = max(width, 20)
        self.delay = delay
        state = Mutex(State(start: .now))
    }

    /// Draws `progress`, unless the run is still young or the line was drawn a moment ago.
    func show(_ progress: RunProgress) {
        let text = Self.text(progress, width: width)
        state.withLock { state in
            let now = ContinuousClock.now
            guard now - state.start >= delay else { return }
            if let last = state.lastDrawn, now - last < .milliseconds(100) { return }
            state.lastDrawn = now
            state.shown = true
            write("\r\u{1B}[K" + text)
        }
    }

    /// Erases the line, if it was drawn.
    func clear() {
        state.withLock { state in
            guard state.shown else { return }
            state.shown = false
            write("\r\u{1B}[K")
        }
    }

    /// `chartunit: [i/n] path  done/total suites`, the path shortened from the left to fit `width`.
    static func text(_ progress: RunProgress, width: Int) -> String {
        let charts = progress.chartCount > 1 ? "[\(progress.chartIndex + 1)/\(progress.chartCount)] " : ""
        let suites = "  \(progress.suitesDone)/\(progress.suitesTotal) suites"
        let prefix = "chartunit: " + charts
        var path = progress.chartPath
        let room = width - 1 - prefix.count - suites.count
        if path.count > room { path = "…" + path.suffix(max(room - 1, 0)) }
        return prefix + path + suites
    }
}
