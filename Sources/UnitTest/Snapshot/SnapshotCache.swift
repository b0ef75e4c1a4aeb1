import Diagnostics
import GoRegexp
import GoStd
import Foundation
import Values
import YAML

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

    /// yaml.v3 decoding of a `.snap` file into `map[string]map[uint]string`,
    /// with go-yaml's errors (all mismatches at once, each with its line).
    static func parse(_ data: [UInt8], file: String = "") throws(LocatedError) -> [String: [UInt: String]] {
        let documents = try YAMLParser.parseStream(bytes: data, file: file, dialect: .v3, limit: 1)
        guard let root = documents.first?.root, !NodeDecoder.isNull(root) else { return [:] }
        guard case .mapping(let pairs) = root.content else {
            throw NodeDecoder.typeError(root, into: "map[string]map[uint]string")
        }
        var decoder = NodeDecoder(strict: false)
        var out: [String: [UInt: String]] = [:]
        for pair in decoder.mergedPairs(pairs) {
            guard case .scalar = pair.key.content else {
                decoder.typeError(pair.key, into: "string")
                continue
            }
            let test = NodeDecoder.isNull(pair.key) ? "" : pair.key.scalarText ?? ""
            switch pair.value.content {
            case .mapping(let items):
                var byIndex: [UInt: String] = [:]
                for item in decoder.mergedPairs(items) {
                    guard let index = snapshotIndex(item.key, decoder: decoder) else {
                        decoder.typeError(item.key, into: "uint")
                        continue
                    }
                    guard case .scalar = item.value.content else {
                        decoder.typeError(item.value, into: "string")
                        continue
                    }
                    byIndex[index] = NodeDecoder.isNull(item.value) ? "" : item.value.scalarText ?? ""
                }
                out[test] = byIndex
            case .scalar where NodeDecoder.isNull(pair.value):
                out[test] = [:]
            default:
                decoder.typeError(pair.value, into: "map[uint]string")
            }
        }
        if let error = decoder.mergeError ?? decoder.combinedError { throw error }
        return out
    }

    /// A snapshot index key as go-yaml decodes it into `uint`: a
    /// non-negative integer (or a float with an integral value).
    private static func snapshotIndex(_ key: YAMLNode, decoder: NodeDecoder) -> UInt? {
        guard case .scalar = key.content, let value = try? decoder.value(key) else { return nil }
        switch value {
        case .int(let n, .uint), .int(let n, .uint64): return UInt(UInt64(bitPattern: n))
        case .int(let n, _): return n >= 0 ? UInt(n) : nil
        case .float(let f): return f >= 0 && f == f.rounded() && f < 18446744073709551616.0 ? UInt(f) : nil
        default: return nil
        }
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
