import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, seedable generator (SplitMix64), so a fuzz run is the
/// same run every time.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(state: UInt64) {
        self.state = state
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Corpus-seeded random mutation of byte strings, shared by the fuzz tests:
/// byte flips, deletions and insertions, insertions of a grammar's
/// interesting tokens, nesting bursts (`((((…))))`, sometimes unclosed),
/// very long runs, splices between pool entries, and truncations.
public struct FuzzMutator: Sendable {
    /// An opening and a closing token to nest.
    public struct Burst: Sendable {
        public var open: [UInt8]
        public var close: [UInt8]
    }

    /// Tokens of the grammar worth inserting whole (`{{`, `define`, `[?(`…).
    public var tokens: [[UInt8]]
    /// Single bytes to insert or overwrite with.
    public var alphabet: [UInt8]
    /// Nesting pairs for deep-nesting bursts.
    public var bursts: [Burst]
    /// The longest input produced; longer results are cut.
    public var maxLength: Int
    /// The deepest nesting burst (a few bursts go past Go's 10 000-level limits).
    public var maxBurst: Int
    /// The longest run of one token.
    public var maxRun: Int

    public init(tokens: [String], alphabet: String = "", bursts: [(String, String)] = [],
                maxLength: Int = 32 * 1024, maxBurst: Int = 12_000, maxRun: Int = 8_192) {
        self.tokens = tokens.map { Array($0.utf8) }
        self.alphabet = Array(alphabet.utf8) + [0x00, 0x0A, 0x0D, 0x09, 0x20, 0x7F, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF, 0xEF, 0xBB, 0xBF]
        self.bursts = bursts.map { Burst(open: Array($0.0.utf8), close: Array($0.1.utf8)) }
        self.maxLength = maxLength
        self.maxBurst = maxBurst
        self.maxRun = maxRun
    }

    /// Bytes no grammar cares about less than others: every value once.
    static let anyByte: [UInt8] = Array(0...255)

    /// `input` with 1–4 (rarely up to 12) random mutations applied; `pool`
    /// supplies the other half of splices.
    public func mutate(_ input: [UInt8], pool: [[UInt8]], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let rounds = rng.next() % 16 == 0 ? Int.random(in: 5...12, using: &rng) : Int.random(in: 1...4, using: &rng)
        for _ in 0..<rounds {
            mutateOnce(&bytes, pool: pool, using: &rng)
            if bytes.count > maxLength { bytes.removeLast(bytes.count - maxLength) }
        }
        return bytes
    }

    private func position(in bytes: [UInt8], _ rng: inout SplitMix64) -> Int {
        bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
    }

    private func token(_ rng: inout SplitMix64) -> [UInt8] {
        if !tokens.isEmpty, rng.next() % 4 != 0 { return tokens[Int.random(in: 0..<tokens.count, using: &rng)] }
        let source = alphabet.isEmpty ? Self.anyByte : alphabet
        return [source[Int.random(in: 0..<source.count, using: &rng)]]
    }

    private func mutateOnce(_ bytes: inout [UInt8], pool: [[UInt8]], using rng: inout SplitMix64) {
        let at = position(in: bytes, &rng)
        switch Int.random(in: 0..<16, using: &rng) {
        case 0 where !bytes.isEmpty:  // delete a short range
            let start = min(at, bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...8, using: &rng)))
        case 1 where !bytes.isEmpty:  // flip one bit
            let i = min(at, bytes.count - 1)
            bytes[i] ^= 1 << UInt8.random(in: 0...7, using: &rng)
        case 2 where !bytes.isEmpty:  // overwrite a byte
            bytes[min(at, bytes.count - 1)] = token(&rng).first ?? 0
        case 3:  // any byte
            bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
        case 4, 5, 6:  // a grammar token
            bytes.insert(contentsOf: token(&rng), at: at)
        case 7 where !bytes.isEmpty:  // a token over a range
            let start = min(at, bytes.count - 1)
            bytes.replaceSubrange(start..<min(bytes.count, start + Int.random(in: 1...6, using: &rng)), with: token(&rng))
        case 8 where bytes.count > 2:  // copy a chunk elsewhere
            let start = min(at, bytes.count - 1)
            let chunk = Array(bytes[start..<min(bytes.count, start + Int.random(in: 1...64, using: &rng))])
            bytes.insert(contentsOf: chunk, at: Int.random(in: 0...bytes.count, using: &rng))
        case 9 where !pool.isEmpty:  // splice: this prefix, another's suffix
            let other = pool[Int.random(in: 0..<pool.count, using: &rng)]
            let cut = other.isEmpty ? 0 : Int.random(in: 0...other.count, using: &rng)
            bytes = Array(bytes[..<at]) + other[cut...]
        case 10 where !pool.isEmpty:  // insert a chunk of another entry
            let other = pool[Int.random(in: 0..<pool.count, using: &rng)]
            guard !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &rng)
            bytes.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...256, using: &rng))], at: at)
        case 11 where !bytes.isEmpty:  // truncate
            bytes.removeSubrange(min(at, bytes.count - 1)...)
        case 12 where !bursts.isEmpty:  // deep nesting, closed later or not at all
            let burst = bursts[Int.random(in: 0..<bursts.count, using: &rng)]
            let depth = rng.next() % 32 == 0 ? Int.random(in: 1...maxBurst, using: &rng) : Int.random(in: 1...64, using: &rng)
            let closeAt = Int.random(in: at...bytes.count, using: &rng)
            if rng.next() % 4 != 0 {
                bytes.insert(contentsOf: repeatElement(burst.close, count: depth).joined(), at: closeAt)
            }
            bytes.insert(contentsOf: repeatElement(burst.open, count: depth).joined(), at: at)
        case 13:  // a very long run of one token
            let count = rng.next() % 8 == 0 ? Int.random(in: 1...maxRun, using: &rng) : Int.random(in: 2...64, using: &rng)
            bytes.insert(contentsOf: repeatElement(token(&rng), count: count).joined(), at: at)
        case 14 where bytes.count > 1:  // swap two bytes
            let i = min(at, bytes.count - 1), j = Int.random(in: 0..<bytes.count, using: &rng)
            bytes.swapAt(i, j)
        default:  // an interesting byte
            bytes.insert(token(&rng).last ?? 0, at: at)
        }
    }
}

/// How one fuzz input ended.
public enum FuzzOutcome {
    /// A value (the input is worth mutating further).
    case accepted
    /// An error, as Go would give one.
    case rejected
    /// A wrong result (an output over a size cap…): a failure, with why.
    case failed(String)
    /// Not run: an input the target knows Go spends as much on (counted apart).
    case skipped
}

/// What a fuzz run did.
public struct FuzzSummary: Sendable {
    public var name: String
    public var inputs = 0
    public var accepted = 0
    public var skipped = 0
    public var failures = 0
    public var seconds = 0.0
}

/// Runs a fuzz target: `CHARTUNIT_FUZZ_COUNT` (or `defaultCount`) inputs
/// mutated from `seeds`, each through `body`, which returns whether the
/// input gave a value or an error (it must never crash).
///
/// Guards, so that a bad input is attributable:
/// - an input that takes longer than `CHARTUNIT_FUZZ_SLOW_MS` (1 000 ms; 10 000
///   in debug builds) is recorded as a hang, with the input, and the run goes on;
/// - one still running after `CHARTUNIT_FUZZ_HANG_SECONDS` (60 s) is written
///   to `.build/fuzz/NAME-hang.bin` and the process aborts;
/// - a crash (trap, segfault, abort) first writes the input being run to
///   `.build/fuzz/NAME-crash.bin` and says so on stderr;
/// - an input that raises the process's peak memory by more than
///   `CHARTUNIT_FUZZ_MAX_GROWTH_MB` (1 024 MB), or after which the peak passes
///   `CHARTUNIT_FUZZ_MAX_RSS_MB` (4 096 MB), is recorded as unbounded memory.
///
/// `body` reports a wrong result of its own (an output over a size cap…) as
/// ``FuzzOutcome/failed(_:)``. The first 20 failures
/// are recorded as issues, every one is counted; the run ends with one line,
/// `fuzz: NAME N inputs, F failures, …`, which `make fuzz` collects.
@discardableResult
public func runFuzz(
    _ name: String, seeds: [[UInt8]], mutator: FuzzMutator, defaultCount: Int, seed: UInt64,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: @escaping ([UInt8]) -> FuzzOutcome
) async -> FuzzSummary {
    await runFuzz(name, seeds: seeds, mutate: mutator.mutate, defaultCount: defaultCount, seed: seed,
                  sourceLocation: sourceLocation, body)
}

/// ``runFuzz(_:seeds:mutator:defaultCount:seed:sourceLocation:_:)`` with a
/// mutation of the target's own: `mutate(parent, pool, &rng)`.
///
/// The inputs run on a thread of their own (8 MB of stack, as a main
/// thread has), so a long run does not hold one of the few threads that
/// the other, asynchronous tests run on; its failures are recorded here.
@discardableResult
public func runFuzz(
    _ name: String, seeds: [[UInt8]], mutate: @escaping ([UInt8], [[UInt8]], inout SplitMix64) -> [UInt8],
    defaultCount: Int, seed: UInt64, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: @escaping ([UInt8]) -> FuzzOutcome
) async -> FuzzSummary {
    #expect(!seeds.isEmpty, "fuzz \(name): no seeds", sourceLocation: sourceLocation)
    guard !seeds.isEmpty else { return FuzzSummary(name: name) }
    final class Run: @unchecked Sendable {
        let work: () -> (FuzzSummary, [String])
        var result: (FuzzSummary, [String])?
        init(_ work: @escaping () -> (FuzzSummary, [String])) { self.work = work }
    }
    let run = Run { fuzzLoop(name, seeds: seeds, mutate: mutate, defaultCount: defaultCount, seed: seed, body) }
    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
        let thread = Thread {
            run.result = run.work()
            done.resume()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    let (summary, issues) = run.result ?? (FuzzSummary(name: name), [])
    for issue in issues { Issue.record(Comment(rawValue: issue), sourceLocation: sourceLocation) }
    return summary
}

/// The loop of ``runFuzz(_:seeds:mutate:defaultCount:seed:sourceLocation:_:)``:
/// the summary and the failures to record.
private func fuzzLoop(
    _ name: String, seeds: [[UInt8]], mutate: ([UInt8], [[UInt8]], inout SplitMix64) -> [UInt8],
    defaultCount: Int, seed: UInt64, _ body: ([UInt8]) -> FuzzOutcome
) -> (FuzzSummary, [String]) {
    let environment = ProcessInfo.processInfo.environment
    let count = Int(environment["CHARTUNIT_FUZZ_COUNT"] ?? "") ?? defaultCount
    let slowNanos = UInt64(Int(environment["CHARTUNIT_FUZZ_SLOW_MS"] ?? "") ?? defaultSlowMilliseconds) * 1_000_000
    let maxRSS = (Int(environment["CHARTUNIT_FUZZ_MAX_RSS_MB"] ?? "") ?? 4_096) * 1024  // KiB, as ru_maxrss
    let maxGrowth = (Int(environment["CHARTUNIT_FUZZ_MAX_GROWTH_MB"] ?? "") ?? 1_024) * 1024
    let progressEvery = Int(environment["CHARTUNIT_FUZZ_PROGRESS"] ?? "") ?? 0
    var summary = FuzzSummary(name: name)
    var issues: [String] = []

    let slot = FuzzSlots.claim(name: name)
    defer { FuzzSlots.release(slot) }
    var rng = SplitMix64(state: seed)
    var pool = seeds
    let poolLimit = max(seeds.count * 2, 1024)
    let started = monotonicNanos()
    var rssReported = false
    var peak = peakRSSKiB()
    func fail(_ message: String, _ input: [UInt8], kind: String) {
        summary.failures += 1
        guard summary.failures <= 20 else { return }
        let saved = FuzzSlots.save(input, name: name, kind: "\(kind)-\(summary.failures)")
        issues.append("fuzz \(name): \(message); saved in \(saved): \(describeInput(input))")
        print("fuzz: \(name) failure: \(message); saved in \(saved)")
    }
    for i in 0..<count {
        let parent = pool[Int.random(in: 0..<pool.count, using: &rng)]
        // One input in 64 is a seed as it is.
        let input = rng.next() % 64 == 0 ? parent : mutate(parent, pool, &rng)
        FuzzSlots.publish(slot, input: input, index: i)
        let t0 = monotonicNanos()
        let outcome = body(input)
        let elapsed = monotonicNanos() &- t0
        FuzzSlots.finish(slot)
        summary.inputs += 1
        switch outcome {
        case .accepted:
            summary.accepted += 1
            if pool.count < poolLimit, rng.next() % 8 == 0 { pool.append(input) }
        case .rejected:
            break
        case .skipped:
            summary.skipped += 1
        case .failed(let why):
            fail("input #\(i): \(why)", input, kind: "check")
        }
        if elapsed > slowNanos {
            fail("input #\(i) took \(elapsed / 1_000_000) ms (a hang)", input, kind: "slow")
        }
        let newPeak = peakRSSKiB()
        if newPeak - peak > maxGrowth {
            fail("input #\(i) raised peak memory by \((newPeak - peak) / 1024) MB (unbounded memory?)", input, kind: "memory")
        } else if !rssReported, newPeak > maxRSS {
            rssReported = true
            fail("peak memory passed \(maxRSS / 1024) MB at input #\(i) (unbounded memory?)", input, kind: "memory")
        }
        peak = newPeak
        if progressEvery > 0, (i + 1) % progressEvery == 0 {
            let seconds = Double(monotonicNanos() - started) / 1e9
            print("fuzz: \(name) progress \(i + 1) inputs, \(summary.failures) failures, \(Int(Double(i + 1) / seconds)) inputs/s, peak \(peakRSSKiB() / 1024) MB")
            fflush(nil)
        }
    }
    summary.seconds = Double(monotonicNanos() - started) / 1e9
    let rate = summary.seconds > 0 ? Int(Double(summary.inputs) / summary.seconds) : 0
    let skipped = summary.skipped > 0 ? ", \(summary.skipped) skipped" : ""
    print("fuzz: \(name) \(summary.inputs) inputs, \(summary.failures) failures (\(summary.accepted) accepted, \(summary.inputs - summary.accepted - summary.skipped) rejected with an error\(skipped); \(String(format: "%.1f", summary.seconds)) s, \(rate) inputs/s)")
    fflush(nil)
    return (summary, issues)
}

/// An input slower than this is a hang: 1 s in release builds (`make fuzz`),
/// 10 s in debug builds, whose unspecialised generics run some inputs ten
/// to a hundred times slower (`swift test`).
#if DEBUG
let defaultSlowMilliseconds = 10_000
#else
let defaultSlowMilliseconds = 1_000
#endif

/// The input as a Swift string literal, cut to a readable length.
public func describeInput(_ input: [UInt8]) -> String {
    let text = String(decoding: input.prefix(2_000), as: UTF8.self).debugDescription
    return input.count > 2_000 ? text + " … (\(input.count) bytes)" : text
}

/// The bytes of every file under `folder` whose relative path passes
/// `filter`, sorted by path. (A walk of its own: Foundation's directory
/// enumerator on Linux spends seconds on a few hundred files.)
public func fuzzSeedFiles(under folder: URL, _ filter: (String) -> Bool) -> [[UInt8]] {
    let manager = FileManager.default
    var paths: [String] = []
    var directories: [(path: String, depth: Int)] = [("", 0)]
    while let (directory, depth) = directories.popLast() {
        let full = directory.isEmpty ? folder.path : folder.path + "/" + directory
        for name in (try? manager.contentsOfDirectory(atPath: full)) ?? [] {
            let path = directory.isEmpty ? name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder.path + "/" + path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if depth < 32 { directories.append((path, depth + 1)) }
            } else if filter(path) {
                paths.append(path)
            }
        }
    }
    return paths.sorted().compactMap { manager.contents(atPath: folder.path + "/" + $0).map { Array($0) } }
}

func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// The process's peak resident memory, in KiB.
func peakRSSKiB() -> Int {
    var usage = rusage()
    #if os(Linux)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1024
    #else
    return Int(usage.ru_maxrss)
    #endif
}

/// Where each running fuzz target keeps the input it is running, in plain
/// memory a signal handler and the watchdog thread can read.
enum FuzzSlots {
    struct Slot {
        var active = false
        var running = false
        var thread: pthread_t?
        var name: UnsafeMutablePointer<CChar>?
        var crashPath: UnsafeMutablePointer<CChar>?
        var hangPath: UnsafeMutablePointer<CChar>?
        var bytes: UnsafeMutablePointer<UInt8>?
        var capacity = 0
        var length = 0
        var index = 0
        var startNanos: UInt64 = 0
        var warnedSlow = false
    }

    static let capacity = 32
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Slot> = {
        let p = UnsafeMutablePointer<Slot>.allocate(capacity: capacity)
        p.initialize(repeating: Slot(), count: capacity)
        return p
    }()
    #if os(Linux)
    /// The handlers the crash handler replaced, by signal number.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
    #endif
    static let lock = NSLock()
    nonisolated(unsafe) static var started = false
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    static var directory: URL { Fixtures.repository.appendingPathComponent(".build/fuzz") }

    static func claim(name: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if !started {
            started = true
            installHandlers()
            startWatchdog()
        }
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        installAlternateStack()
        for i in 0..<capacity where !slots[i].active {
            slots[i] = Slot(active: true, thread: pthread_self(), name: strdup(name),
                            crashPath: strdup(directory.appendingPathComponent("\(name)-crash.bin").path),
                            hangPath: strdup(directory.appendingPathComponent("\(name)-hang.bin").path))
            return i
        }
        fatalError("more than \(capacity) fuzz targets at once")
    }

    static func release(_ i: Int) {
        lock.lock()
        defer { lock.unlock() }
        free(slots[i].name)
        free(slots[i].crashPath)
        free(slots[i].hangPath)
        slots[i].bytes?.deallocate()
        slots[i] = Slot()
    }

    static func publish(_ i: Int, input: [UInt8], index: Int) {
        if slots[i].capacity < input.count {
            slots[i].running = false
            slots[i].bytes?.deallocate()
            let capacity = max(input.count, 2 * slots[i].capacity, 4096)
            slots[i].bytes = .allocate(capacity: capacity)
            slots[i].capacity = capacity
        }
        input.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { slots[i].bytes?.update(from: base, count: buffer.count) }
        }
        slots[i].length = input.count
        slots[i].index = index
        slots[i].thread = pthread_self()
        slots[i].startNanos = monotonicNanos()
        slots[i].warnedSlow = false
        slots[i].running = true
    }

    static func finish(_ i: Int) {
        slots[i].running = false
    }

    /// Writes `input` to `.build/fuzz/NAME-KIND.bin`; returns the path.
    static func save(_ input: [UInt8], name: String, kind: String) -> String {
        let url = directory.appendingPathComponent("\(name)-\(kind).bin")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(input).write(to: url)
        return url.path
    }

    // MARK: crashes and hangs (async-signal-safe: write(2), open(2), no allocation)

    static func say(_ text: UnsafePointer<CChar>) {
        _ = write(2, text, strlen(text))
    }

    static func writeNumber(_ n: Int) {
        var digits = (UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0),
                      UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0), UInt8(0))
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = n < 0 ? 0 : n
            var at = buffer.count
            repeat {
                at -= 1
                buffer[at] = UInt8(0x30 + value % 10)
                value /= 10
            } while value > 0 && at > 0
            _ = write(2, buffer.baseAddress! + at, buffer.count - at)
        }
    }

    /// Says which input slot `i` is running and writes it to `path`.
    static func dump(_ i: Int, what: UnsafePointer<CChar>, path: UnsafeMutablePointer<CChar>?) {
        let slot = slots[i]
        say("\nfuzz: ")
        if let name = slot.name { say(name) }
        say(" ")
        say(what)
        say(" on input #")
        writeNumber(slot.index)
        say(" (")
        writeNumber(slot.length)
        say(" bytes)")
        if let path, let bytes = slot.bytes {
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            if fd >= 0 {
                var done = 0
                while done < slot.length {
                    let n = write(fd, bytes + done, slot.length - done)
                    if n <= 0 { break }
                    done += n
                }
                close(fd)
                say(", saved in ")
                say(path)
            }
        }
        say("\n")
    }

    static func installHandlers() {
        #if os(Linux)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                let me = pthread_self()
                var found = false
                for i in 0..<FuzzSlots.capacity where FuzzSlots.slots[i].running && FuzzSlots.slots[i].thread.map({ pthread_equal($0, me) != 0 }) == true {
                    FuzzSlots.dump(i, what: "crashed", path: FuzzSlots.slots[i].crashPath)
                    found = true
                }
                // A crash on a helper thread (deep recursion hops threads): every running input.
                if !found {
                    for i in 0..<FuzzSlots.capacity where FuzzSlots.slots[i].running {
                        FuzzSlots.dump(i, what: "crashed", path: FuzzSlots.slots[i].crashPath)
                    }
                }
                // Hand the signal to whoever had it before (Swift's backtracer, or the
                // default): a trap runs again on return; an abort is raised again.
                sigaction(signal, FuzzSlots.previous + Int(signal), nil)
                if signal == SIGABRT { raise(signal) }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_ONSTACK
            sigaction(signal, &action, previous + Int(signal))
        }
        #endif
    }

    /// A signal stack for this thread, so a stack overflow can still be reported.
    static func installAlternateStack() {
        #if os(Linux)
        var current = stack_t()
        sigaltstack(nil, &current)
        if current.ss_flags & Int32(SS_DISABLE) == 0 && current.ss_size >= 256 * 1024 { return }
        let size = 256 * 1024
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        stack.ss_size = size
        stack.ss_flags = 0
        sigaltstack(&stack, nil)
        #endif
    }

    static func startWatchdog() {
        let environment = ProcessInfo.processInfo.environment
        let hangNanos = UInt64(Int(environment["CHARTUNIT_FUZZ_HANG_SECONDS"] ?? "") ?? 60) * 1_000_000_000
        let slowNanos = UInt64(Int(environment["CHARTUNIT_FUZZ_SLOW_MS"] ?? "") ?? defaultSlowMilliseconds) * 1_000_000
        let thread = Thread {
            while true {
                usleep(250_000)
                let now = monotonicNanos()
                for i in 0..<capacity where slots[i].running {
                    let running = now &- slots[i].startNanos
                    if running > hangNanos && running < UInt64.max / 2 {
                        dump(i, what: "hangs", path: slots[i].hangPath)
                        abort()
                    }
                    if running > slowNanos && !slots[i].warnedSlow && running < UInt64.max / 2 {
                        slots[i].warnedSlow = true
                        dump(i, what: "is slow (over the hang limit so far)", path: slots[i].hangPath)
                    }
                }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
}
