import Dispatch
import Foundation
import GoStd
import Synchronization
import UnitTest
#if canImport(Glibc)
import Glibc
#endif

/// `test --watch`: the run, then, until told to quit, a re-run of the
/// suite files each batch of file changes affects (``WatchImpact``), each
/// with `test`'s own output between a line naming what changed and a
/// line with the outcome. The exit status is the last run's.
struct TestWatch {
    let command: TestCommand
    let context: ProcessContext
    /// Where changes and the order to quit arrive.
    let inbox: WatchInbox
    /// The watcher that reports changed paths to the function it is given.
    let makeWatcher: @Sendable (@escaping @Sendable (Set<String>) -> Void) -> any ChangeWatcher
    /// How long no change must come before a batch re-runs.
    var quiet: Duration = .milliseconds(200)
    var workingDirectory = FileManager.default.currentDirectoryPath

    /// Watches with this process's stdin (`q` + Enter quits, `a` + Enter
    /// re-runs everything, end of input quits), SIGINT and SIGTERM (quit;
    /// a second one exits at once) and the system's file watcher.
    static func live(_ command: TestCommand, in context: ProcessContext) async -> CommandOutcome {
        let inbox = WatchInbox()
        let signals = QuitSignals(inbox: inbox)
        defer { signals.cancel() }
        let reader = Thread {
            while let line = readLine() {
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "q", "quit": inbox.quit()
                case "a": inbox.rerunAll()
                default: continue
                }
            }
            inbox.quit()
        }
        reader.name = "chartunit-watch-stdin"
        reader.start()
        return await TestWatch(command: command, context: context, inbox: inbox, makeWatcher: makeChangeWatcher).run()
    }

    /// Runs, watches and re-runs until the inbox says quit.
    func run() async -> CommandOutcome {
        let transcript = Transcript(stream: context.stream)
        var roots = initialRoots()
        var index = FileIndex(roots: roots)
        let inbox = self.inbox
        let watcher = makeWatcher { inbox.changed($0) }
        defer { watcher.stop() }
        watcher.watch(roots)
        let first = WatchRound(selection: nil)
        var outcome = await command.outcome(in: context, watch: first)
        transcript.write(outcome)
        guard let planner = first.planner else { return transcript.outcome(exitCode: outcome.exitCode) }
        // What `--shard` leaves to this process, as the latest run worked it out.
        var scope: @Sendable (String) -> Bool = first.scope ?? { _ in true }
        var plan = planner()
        absorbWrites(of: plan.suites.map(\.file), into: &index)
        roots = merged(roots, plan.roots)
        index.add(roots)
        watcher.watch(roots)
        transcript.line("Watching \(plural(plan.charts.count, "chart")) (\(plural(plan.suites.filter { scope($0.path) }.count, "suite file"))) "
            + "— press q then Enter to quit, a then Enter to re-run everything.")
        while true {
            let rerun: WatchRerun
            switch await inbox.next(quiet: quiet) {
            case .quit:
                return transcript.outcome(exitCode: outcome.exitCode)
            case .changes(let paths, let all):
                let changed = index.refresh(paths)
                if changed.isEmpty && !all { continue }
                let next = planner()
                rerun = (all ? WatchRerun.everything(in: next) : WatchImpact.rerun(changed: changed, before: plan, after: next))
                    .narrowed(to: scope)
                plan = next
                let wanted = merged(roots, plan.roots)
                if wanted != roots {
                    roots = wanted
                    index.add(roots)
                    watcher.watch(roots)
                }
            }
            transcript.line(header(rerun, of: plan.suites.filter { scope($0.path) }.count))
            if rerun.isEmpty {
                transcript.line("Nothing to re-run. Waiting for changes…")
                continue
            }
            let round = WatchRound(selection: rerun.selection)
            outcome = await command.outcome(in: context, watch: round)
            transcript.write(outcome)
            scope = round.scope ?? scope
            let ran = Set(rerun.suiteFiles)
            absorbWrites(of: plan.suites.filter { ran.contains($0.path) }.map(\.file), into: &index)
            transcript.line("\n[\(clockTime())] Re-ran \(plural(rerun.suiteFiles.count, "suite file")): "
                + (outcome.exitCode == 0 ? "passed" : "FAILED (exit status \(outcome.exitCode))") + ".\nWaiting for changes…")
        }
    }

    /// The chart arguments (a directory with all below it, an archive's directory alone).
    private func initialRoots() -> [WatchRoot] {
        command.charts.map { chart in
            let path = absolute(chart)
            return GoOS.isDirectory(path) ? WatchRoot(path: path, recursive: true) : WatchRoot(path: GoPath.dir(path), recursive: false)
        }
    }

    private func merged(_ roots: [WatchRoot], _ more: [WatchRoot]) -> [WatchRoot] {
        roots + more.filter { !roots.contains($0) }
    }

    /// Takes in, without re-running anything, what a run wrote: the
    /// snapshots of the suite files it ran, its report, JSON summary,
    /// timings, annotations, coverage and `--debug` files.
    private func absorbWrites(of suiteFiles: [String], into index: inout FileIndex) {
        var written = Set(suiteFiles.map { GoPath.join(GoPath.dir($0), "__snapshot__") })
        var outputs = [command.outputFile, command.summaryJSON ?? "", command.recordTimings ?? "",
                       command.annotationsFile ?? "gl-code-quality-report.json"]
        if command.coverage || command.coverageFormat != nil || command.coverageDir != nil || command.coverageThreshold != nil
            || !command.coverageInclude.isEmpty || !command.coverageExclude.isEmpty {
            outputs.append(command.coverageDir ?? "coverage")
        }
        if command.debug { outputs.append(".debug") }
        written.formUnion(outputs.filter { !$0.isEmpty }.map(absolute))
        _ = index.refresh(written)
    }

    /// `── 10:42:07 · templates/service.yaml changed → re-running 1 of 8 suite files ──` and a line per change.
    private func header(_ rerun: WatchRerun, of total: Int) -> String {
        let what = rerun.changes.count == 1 ? display(rerun.changes[0].path) + " changed"
            : rerun.changes.isEmpty ? "re-run requested" : "\(rerun.changes.count) files changed"
        var text = "\n── \(clockTime()) · \(what) → "
        text += rerun.isEmpty ? "nothing to re-run ──\n"
            : "re-running \(rerun.suiteFiles.count) of \(plural(total, "suite file")) ──\n"
        for change in rerun.changes.prefix(10) {
            text += "   \(display(change.path)): \(describe(change))\n"
        }
        if rerun.changes.count > 10 { text += "   … and \(rerun.changes.count - 10) more\n" }
        return text
    }

    private func describe(_ change: WatchChange) -> String {
        let count = plural(change.suiteFiles.count, "suite file")
        switch change.cause {
        case .suiteFile: return "suite file"
        case .newSuiteFile: return "new suite file"
        case .removedSuiteFile: return "suite file removed"
        case .snapshot: return "snapshot of \(count)"
        case .template: return "template rendered by \(count)"
        case .helper: return "helper, used by every suite of its chart (\(count))"
        case .chartFile: return "chart file, read by every suite of its chart (\(count))"
        case .suiteValues: return "values file of \(count)"
        case .runValues: return "-v values file, read by every suite (\(count))"
        case .unrelated: return "not read by any suite"
        }
    }

    /// `path` relative to the working directory when it lies below it.
    private func display(_ path: String) -> String {
        path.hasPrefix(workingDirectory + "/") ? String(path.dropFirst(workingDirectory.count + 1)) : path
    }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? GoPath.clean(path) : GoPath.join(workingDirectory, path)
    }

    private func clockTime() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// One run of a watch: the suite files it takes (nil: all) and, once
/// `test` has set its options, a way to read the run's plan again.
final class WatchRound: Sendable {
    let selection: (@Sendable (String) -> Bool)?
    private let plan = Mutex<(@Sendable () -> WatchPlan)?>(nil)
    private let runScope = Mutex<(@Sendable (String) -> Bool)?>(nil)

    init(selection: (@Sendable (String) -> Bool)?) {
        self.selection = selection
    }

    /// Reads the run's charts and suite files afresh; nil when `test` stopped before running.
    var planner: (@Sendable () -> WatchPlan)? { plan.withLock { $0 } }

    /// What the command line itself narrows every run to (`--shard`), if anything.
    var scope: (@Sendable (String) -> Bool)? { runScope.withLock { $0 } }

    /// Called by `test` with its options complete: keeps how to plan the
    /// run and narrows the options' selection to this round's.
    func start(options: inout TestRunOptions, renderer: HelmChartRenderer, chartPaths: [String]) {
        let planning = TestRunner(renderer: renderer, options: options)
        plan.withLock { $0 = { planning.watchPlan(chartPaths: chartPaths) } }
        let earlier = options.selection
        runScope.withLock { $0 = earlier }
        guard let selection else { return }
        if let earlier {
            options.selection = { earlier($0) && selection($0) }
        } else {
            options.selection = selection
        }
    }
}

/// What the watch is told, kept until it asks: changed paths, a request
/// to re-run everything, or to quit.
final class WatchInbox: Sendable {
    enum Input {
        /// Paths that may have changed, and whether everything is to re-run.
        case changes(Set<String>, all: Bool)
        case quit
    }

    private struct State {
        var paths = Set<String>()
        var all = false
        var quit = false
        var generation = 0
        var waiter: CheckedContinuation<Void, Never>?

        var hasInput: Bool { quit || all || !paths.isEmpty }
    }

    private let state = Mutex(State())

    func changed(_ paths: Set<String>) {
        update { $0.paths.formUnion(paths) }
    }

    func rerunAll() {
        update { $0.all = true }
    }

    /// Asks the watch to end; true when it had been asked already.
    @discardableResult
    func quit() -> Bool {
        update { state in
            defer { state.quit = true }
            return state.quit
        }
    }

    private func update<T>(_ change: (inout State) -> T) -> T {
        let (result, waiter) = state.withLock { state in
            let result = change(&state)
            state.generation += 1
            defer { state.waiter = nil }
            return (result, state.waiter)
        }
        waiter?.resume()
        return result
    }

    /// The next input: quit at once; changes once none came for `quiet`
    /// (or `longest` after the first, under a steady stream of them).
    func next(quiet: Duration, longest: Duration = .seconds(2)) async -> Input {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                if state.hasInput { return true }
                state.waiter = waiter
                return false
            }
            if ready { waiter.resume() }
        }
        let start = ContinuousClock.now
        var seen = state.withLock { $0.generation }
        while !state.withLock({ $0.quit }) && ContinuousClock.now - start < longest {
            try? await Task.sleep(for: quiet)
            let now = state.withLock { $0.generation }
            if now == seen { break }
            seen = now
        }
        return state.withLock { state in
            if state.quit { return .quit }
            defer {
                state.paths = []
                state.all = false
            }
            return .changes(state.paths, all: state.all)
        }
    }
}

/// SIGINT and SIGTERM while watching: the first ends the watch after the
/// current run, a second ends the process at once.
final class QuitSignals {
    private let sources: [any DispatchSourceSignal]

    init(inbox: WatchInbox) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if inbox.quit() { exit(128 + number) }
            }
            source.resume()
            return source
        }
    }

    /// Stops catching the signals.
    func cancel() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}

/// The watch's output: through the process's stream as it comes, or kept
/// for the outcome when there is none (in-process runs).
final class Transcript: Sendable {
    private let stream: (@Sendable (String, Bool) -> Void)?
    private let kept = Mutex<(stdout: String, stderr: String)>(("", ""))

    init(stream: (@Sendable (String, Bool) -> Void)?) {
        self.stream = stream
    }

    /// A run's outcome (what it has not streamed already).
    func write(_ outcome: CommandOutcome) {
        emit(outcome.stderr, toStandardError: true)
        emit(outcome.stdout, toStandardError: false)
    }

    /// `text` and a newline on stdout.
    func line(_ text: String) {
        emit(text + "\n", toStandardError: false)
    }

    /// The whole watch's outcome: what was kept, with `exitCode`.
    func outcome(exitCode: Int32) -> CommandOutcome {
        let kept = kept.withLock { $0 }
        return CommandOutcome(stdout: kept.stdout, stderr: kept.stderr, exitCode: exitCode)
    }

    private func emit(_ text: String, toStandardError: Bool) {
        guard !text.isEmpty else { return }
        if let stream { return stream(text, toStandardError) }
        kept.withLock { kept in
            if toStandardError { kept.stderr += text } else { kept.stdout += text }
        }
    }
}
