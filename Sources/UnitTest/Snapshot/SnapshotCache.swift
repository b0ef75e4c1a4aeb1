import Diagnostics
import GoRegexp
import GoStd
import Foundation
import Values

/// The outcome of comparing one value with its stored snapshot.
struct SnapshotComparison {
    var passed: Bool
    var index: UInt
    var newText: String
    var cachedText: String
    /// The regex option that failed, if one did.
    var failedPattern: FailedExpectation.Relation?
    /// Whether the regex option failed to compile.
    var hasError: Bool
}

/// The snapshot store of one suite: the `.snap` file's entries, the entries
/// compared in this run, and the counts helm-unittest reports.
///
/// Used by one suite at a time, from one task.
final class SnapshotCache {
    /// `<suite dir>/__snapshot__/<suite file>.snap`.
    let filePath: String
    let isUpdating: Bool
    private(set) var existed = false
    private var cached: [String: [UInt: String]] = [:]
    private var current: [String: [UInt: String]] = [:]
    private(set) var updatedCount = 0
    private(set) var insertedCount = 0
    private(set) var currentCount = 0

    init(filePath: String, isUpdating: Bool) {
        self.filePath = filePath
        self.isUpdating = isUpdating
    }

    /// The snapshot file of a suite file: `__snapshot__/<base>.snap` next to it.
    static func path(forSuiteFile suiteFile: String) -> String {
        let url = URL(fileURLWithPath: suiteFile)
        let dir = url.deletingLastPathComponent().appendingPathComponent("__snapshot__")
        return dir.appendingPathComponent(url.lastPathComponent + ".snap").path
    }

    /// Loads the file if it exists. A file that cannot be read or parsed is
    /// an error (and is never written over by this cache).
    func restore() throws(LocatedError) {
        guard FileManager.default.fileExists(atPath: filePath) else { return }
        guard let data = FileManager.default.contents(atPath: filePath) else {
            throw LocatedError(.snapshotFile, "open \(filePath): permission denied", at: SourceLocation(file: filePath))
        }
        cached = try Self.parse(Array(data), file: filePath)
        existed = true
    }

    /// yaml.v3 decoding of a `.snap` text into `map[string]map[uint]string`.
    static func parse(_ data: [UInt8], file: String = "") throws(LocatedError) -> [String: [UInt: String]] {
        let documents = try YAMLValues.v3Documents(bytes: data, file: file)
        guard let first = documents.first, case .map(let tests, _) = first else { return [:] }
        var out: [String: [UInt: String]] = [:]
        for (test, entries) in tests.entries {
            guard case .map(let items, _) = entries else {
                if case .null = entries { out[test] = [:]; continue }
                throw LocatedError(.snapshotFile, "yaml: unmarshal errors:\n  cannot unmarshal into map[uint]string",
                                   at: SourceLocation(file: file))
            }
            var byIndex: [UInt: String] = [:]
            for (key, value) in items.entries {
                guard let index = UInt(key) else {
                    throw LocatedError(.snapshotFile, "yaml: unmarshal errors:\n  cannot unmarshal !!str `\(key)` into uint",
                                       at: SourceLocation(file: file))
                }
                byIndex[index] = value.stringValue ?? GoFmt.format(value)
            }
            out[test] = byIndex
        }
        return out
    }

    /// helm-unittest's `Cache.Compare`.
    func compare(test: String, index: UInt, content: Value, matchRegex: String, notMatchRegex: String) -> SnapshotComparison {
        currentCount += 1
        let cachedText = cached[test]?[index]
        if cachedText == nil { insertedCount += 1 }
        var match = true
        var failedPattern: FailedExpectation.Relation?
        var hasError = false
        let newText = snapshotYAML(content)
        let matchPattern = matchRegex.trimmingCharacters(in: .whitespacesAndNewlines)
        let notMatchPattern = notMatchRegex.trimmingCharacters(in: .whitespacesAndNewlines)
        if !matchPattern.isEmpty || !notMatchPattern.isEmpty {
            if !matchPattern.isEmpty {
                match = (try? compilePattern(matchPattern))?.matches(newText) ?? false
                if (try? compilePattern(matchPattern)) == nil { hasError = true }
                if !match { failedPattern = .snapshotPatternMissing(matchPattern) }
            }
            if !notMatchPattern.isEmpty && match {
                let compiled = try? compilePattern(notMatchPattern)
                if compiled == nil { hasError = true }
                if compiled?.matches(newText) ?? false {
                    match = false
                    failedPattern = .snapshotPatternPresent(notMatchPattern)
                }
            }
        } else if let cachedText, newText != cachedText {
            match = false
            updatedCount += 1
        }
        current[test, default: [:]][index] = (isUpdating || cachedText == nil) ? newText : (cachedText ?? newText)
        return SnapshotComparison(passed: isUpdating || match, index: index, newText: newText, cachedText: cachedText ?? "",
                                  failedPattern: failedPattern, hasError: hasError)
    }

    /// Mismatches (0 under `-u`).
    var failedCount: Int { isUpdating ? 0 : updatedCount }

    /// Stored entries not compared in this run.
    var vanishedCount: Int {
        cached.reduce(0) { total, entry in
            total + entry.value.keys.filter { current[entry.key]?[$0] == nil }.count
        }
    }

    var changed: Bool {
        if updatedCount > 0 || insertedCount > 0 { return true }
        for (test, entries) in cached {
            guard let now = current[test] else { return true }
            if entries.keys.contains(where: { now[$0] == nil }) { return true }
        }
        return false
    }

    /// The counts for the suite result.
    var counts: SnapshotCounts {
        SnapshotCounts(total: currentCount, failed: failedCount, created: insertedCount, vanished: vanishedCount)
    }

    /// The file text for the entries compared in this run.
    var renderedFile: String {
        snapshotFile(current.map { (test: $0.key, items: $0.value.map { (index: $0.key, text: $0.value) }) })
    }

    /// Rewrites the file when something changed and (`-u`, an insert or a
    /// vanished entry); returns whether it wrote.
    @discardableResult
    func storeIfNeeded() throws(LocatedError) -> Bool {
        guard changed, isUpdating || insertedCount > 0 || vanishedCount > 0 else { return false }
        do throws(GoError) {
            try GoOS.mkdirAll(GoPath.dir(filePath))
            try GoOS.writeFileAtomically(Array(renderedFile.utf8), to: filePath)
        } catch {
            throw LocatedError(.snapshotFile, error.message, at: SourceLocation(file: filePath))
        }
        existed = true
        return true
    }
}

/// The per-test view of a suite's cache: each comparison takes the next index, from 1.
final class SnapshotComparer {
    private let cache: SnapshotCache
    private let test: String
    private var counter: UInt = 0

    init(cache: SnapshotCache, test: String) {
        self.cache = cache
        self.test = test
    }

    func compare(_ content: Value, matchRegex: String, notMatchRegex: String) -> SnapshotComparison {
        counter += 1
        return cache.compare(test: test, index: counter, content: content, matchRegex: matchRegex, notMatchRegex: notMatchRegex)
    }
}
