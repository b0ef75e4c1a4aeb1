import Diagnostics
import Foundation
import GoStd
import Values

extension ErrorKind {
    /// A timings file (`--timings`) that is neither chartunit's JSON nor a JUnit report.
    public static let timingsFile = ErrorKind("timings")
}

/// How long each suite file took in an earlier run, for balancing shards:
/// chartunit's own record (`--record-timings`, seconds by suite file) or
/// what a JUnit report says (seconds by suite name).
///
/// The record is JSON, keys sorted: `{"version": 1, "suites": {"charts/a/tests/x_test.yaml": 0.42}}`.
public struct SuiteTimings: Sendable, Hashable {
    /// Seconds by suite file, as the run names it.
    public var byFile: [String: Double] = [:]
    /// Seconds by suite name (from JUnit reports).
    public var byName: [String: Double] = [:]

    public init(byFile: [String: Double] = [:], byName: [String: Double] = [:]) {
        self.byFile = byFile
        self.byName = byName
    }

    /// The expected seconds of `unit`: its file's record, else the sum of
    /// its suites' by name when every one of them is known.
    public func seconds(for unit: WorkUnit) -> Double? {
        if let seconds = byFile[unit.path] { return seconds }
        guard !unit.suiteNames.isEmpty else { return nil }
        var sum = 0.0
        for name in unit.suiteNames {
            guard let seconds = byName[name] else { return nil }
            sum += seconds
        }
        return sum
    }

    /// These timings with `other`'s added (`other` wins where both know a suite).
    public func merging(_ other: SuiteTimings) -> SuiteTimings {
        SuiteTimings(byFile: byFile.merging(other.byFile) { _, new in new },
                     byName: byName.merging(other.byName) { _, new in new })
    }

    /// The suite files' times of `run`: each file's suites' job times summed.
    public init(_ run: RunResult) {
        for suite in run.charts.flatMap(\.suites) where !suite.filePath.isEmpty {
            byFile[suite.filePath, default: 0] += suite.duration.inSeconds
        }
    }

    /// The record of ``byFile``, to the microsecond.
    public var recordText: String {
        let suites = GoMap()
        for (file, seconds) in byFile { suites[GoString(file)] = .float((seconds * 1e6).rounded() / 1e6) }
        let document = GoMap(["version": Value.int(1, .int), "suites": .map(suites)])
        // Finite numbers and strings: encoding cannot fail.
        return ((try? GoJSON.encode(.map(document), escapeHTML: false, indent: "  ")) ?? "{}") + "\n"
    }

    /// A timings file's contents: chartunit's JSON record, or a JUnit
    /// report (every `<testsuite name="…" time="…">`).
    public init(parsing bytes: [UInt8], file: String) throws(LocatedError) {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) == UInt8(ascii: "<") {
            byName = Self.junitSuiteTimes(text)
            if byName.isEmpty {
                throw LocatedError(.timingsFile, "\(file): no <testsuite> with a name and a time", at: SourceLocation(file: file))
            }
            return
        }
        // Go's JSON reads every number as a float64.
        guard let value = try? GoJSON.decode(text), case .map(let document, _) = value,
              case .float(1)? = document.entries["version"], case .map(let suites, _)? = document.entries["suites"] else {
            throw LocatedError(.timingsFile, "\(file): not a chartunit timings record ({\"version\": 1, \"suites\": {…}}) or a JUnit report",
                               at: SourceLocation(file: file))
        }
        for (file, seconds) in suites.entries {
            if case .float(let value) = seconds { byFile[file.text] = value }
        }
    }

    /// `name` → `time` of every `<testsuite>` start tag, times of equal names summed.
    static func junitSuiteTimes(_ text: String) -> [String: Double] {
        var times: [String: Double] = [:]
        var rest = Substring(text)
        while let start = rest.range(of: "<testsuite ") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            let attributes = xmlAttributes(rest[..<end])
            rest = rest[end...]
            if let name = attributes["name"], let time = attributes["time"].flatMap(Double.init) {
                times[name, default: 0] += time
            }
        }
        return times
    }

    /// The `key="value"` pairs of a start tag's attribute text, entities decoded.
    static func xmlAttributes(_ text: Substring) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest = text
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespacesAndNewlines)
            rest = rest[rest.index(after: equals)...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { break }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { break }
            attributes[key] = decodeEntities(rest[..<close])
            rest = rest[rest.index(after: close)...]
        }
        return attributes
    }

    private static func decodeEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
            let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let char = named[entity] {
                out += char
            } else if entity.hasPrefix("#x"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }
}
