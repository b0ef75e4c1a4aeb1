import Diagnostics
import GoStd
import Values
import YAML

/// Options for reading suite files.
public struct SuiteDecodingOptions: Sendable {
    /// `--strict`: unknown fields are errors.
    public var strict: Bool
    /// CLI `-v` files (absolute), appended to every suite's values files.
    public var extraValuesFiles: [String]
    /// The helm-unittest version `skip.minimumVersion` is compared with.
    public var pluginVersion: String

    /// Whether the suite comes from a rendered `--chart-tests-path` chart
    /// (which must name itself with `suite:`).
    public var fromRender: Bool
    /// The `snapshotId` of a suite that sets none (rendered suites: the index of the suite in its file).
    public var defaultSnapshotId: String

    public init(strict: Bool = false, extraValuesFiles: [String] = [], pluginVersion: String = "1.1.0",
                fromRender: Bool = false, defaultSnapshotId: String = "") {
        self.strict = strict
        self.extraValuesFiles = extraValuesFiles
        self.pluginVersion = pluginVersion
        self.fromRender = fromRender
        self.defaultSnapshotId = defaultSnapshotId
    }
}

/// Reading `*_test.yaml` files into ``TestSuite`` values.
public enum SuiteDecoder {
    /// Splits `bytes` at `---` lines with helm-unittest's separator regex
    /// `(?:^|\s*\n)---\s*`, keeping the line each part starts on.
    static func split(_ bytes: [UInt8]) -> [(bytes: ArraySlice<UInt8>, firstLine: Int)] {
        // A match is `---` at the start, or a run of white space ending in a
        // newline directly followed by `---` (a `-` is no white space, so the
        // run's last newline is its last byte), with the white space after
        // the dashes. It starts where the run starts, or where the scan
        // resumed after the previous match.
        bytes.withUnsafeBufferPointer { buffer in
            var parts: [(ArraySlice<UInt8>, Int)] = []
            var start = 0
            var scan = 0
            var line = 1
            var lineCounted = 0
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
            func dashes(_ at: Int) -> Bool { at + 2 < buffer.count && buffer[at] == 0x2D && buffer[at + 1] == 0x2D && buffer[at + 2] == 0x2D }
            func lineOf(_ offset: Int) -> Int {
                while lineCounted < offset {
                    if buffer[lineCounted] == 0x0A { line += 1 }
                    lineCounted += 1
                }
                return line
            }
            func cut(from matchStart: Int, dashesEnd: Int) {
                var end = dashesEnd
                while end < buffer.count && isSpace(buffer[end]) { end += 1 }
                parts.append((bytes[start..<matchStart], lineOf(start)))
                start = end
                scan = end
            }
            if dashes(0) { cut(from: 0, dashesEnd: 3) }
            while let newline = GoStrings.index(bytes[scan...], Self.newlineDashes) {
                var matchStart = newline
                while matchStart > scan && isSpace(buffer[matchStart - 1]) { matchStart -= 1 }
                cut(from: matchStart, dashesEnd: newline + 4)
            }
            let last = min(start, buffer.count)
            parts.append((bytes[last...], lineOf(last)))
            return parts
        }
    }

    private static let newlineDashes: [UInt8] = Array("\n---".utf8)

    /// ``split(_:)`` of text, the parts as text (rendered manifests).
    static func split(_ text: String) -> [(text: String, firstLine: Int)] {
        split(Array(text.utf8)).map { (String(decoding: $0.bytes, as: UTF8.self), $0.firstLine) }
    }

    /// Whether a part holds nothing but white space (such parts are skipped).
    static func isBlank(_ part: ArraySlice<UInt8>) -> Bool {
        GoStrings.trimSpace(String(decoding: part, as: UTF8.self)).isEmpty
    }

    /// Reads every suite of a suite file's bytes. A part (`---` document)
    /// that fails is one error; the other parts are still read (helm-unittest
    /// gives up on the whole chart there). Locations count lines from the
    /// start of the file; the Go texts count from the start of the suite's
    /// own part, as helm-unittest's do.
    public static func decodeFile(_ data: [UInt8], path: String, chartRoute: String,
                                  options: SuiteDecodingOptions = SuiteDecodingOptions())
        -> (suites: [TestSuite], errors: [LocatedError]) {
        var suites: [TestSuite] = []
        var errors: [LocatedError] = []
        for part in split(data) where !isBlank(part.bytes) {
            do throws(LocatedError) {
                if let suite = try decodeSuite(Array(part.bytes), path: path, chartRoute: chartRoute, options: options,
                                               lineOffset: part.firstLine - 1) {
                    suites.append(suite)
                }
            } catch {
                let quoted = error.sourceLine == nil && error.location?.file == path ? error.quotingSource(part.bytes) : error
                errors.append(quoted.shiftingLines(by: part.firstLine - 1))
            }
        }
        return (suites, errors)
    }

    /// ``decodeFile(_:path:chartRoute:options:)`` of text.
    public static func decodeFile(_ text: String, path: String, chartRoute: String,
                                  options: SuiteDecodingOptions = SuiteDecodingOptions())
        -> (suites: [TestSuite], errors: [LocatedError]) {
        decodeFile(Array(text.utf8), path: path, chartRoute: chartRoute, options: options)
    }

    /// ``decodeSuite(_:path:chartRoute:options:)`` of text (a rendered suite).
    public static func decodeSuite(_ text: String, path: String, chartRoute: String,
                                   options: SuiteDecodingOptions = SuiteDecodingOptions()) throws(LocatedError) -> TestSuite? {
        try decodeSuite(Array(text.utf8), path: path, chartRoute: chartRoute, options: options)
    }

    /// Reads one suite document (one `---` part, after `lineOffset` lines of
    /// its file). Returns nil for a part holding no document.
    public static func decodeSuite(_ bytes: [UInt8], path: String, chartRoute: String,
                                   options: SuiteDecodingOptions = SuiteDecodingOptions(),
                                   lineOffset: Int = 0) throws(LocatedError) -> TestSuite? {
        var documents: [YAMLDocument]?
        do throws(LocatedError) {
            documents = try YAMLParser.parseStream(bytes: bytes, file: path, dialect: .v3, limit: 1)
        } catch where error.kind == .yamlUnknownEscape {
            return try retryEscaped(bytes, path: path, chartRoute: chartRoute, options: options, lineOffset: lineOffset)
        }
        // A deep document is read, and freed, on a stack that fits it.
        return try DeepStack.withStack(forDepth: documents?.depth ?? 0) { () throws(LocatedError) -> TestSuite? in
            defer { documents = nil }
            guard let root = documents?.first?.root else { return nil }
            return try decodeSuite(root, bytes: bytes, path: path, chartRoute: chartRoute, options: options, lineOffset: lineOffset)
        }
    }

    private static func decodeSuite(_ root: YAMLNode, bytes: [UInt8], path: String, chartRoute: String,
                                    options: SuiteDecodingOptions, lineOffset: Int) throws(LocatedError) -> TestSuite? {
        let rootLocation = SourceLocation(file: path, line: root.location.line, column: 1)
        // The typed fields below read nodes directly; go-yaml would have
        // stopped an alias bomb while decoding them.
        try YAMLValues.checkAliasing(root)
        var decoder = NodeDecoder(strict: options.strict, lineOffset: lineOffset)
        var fields = try SuiteFields.decode(root, &decoder, pluginVersion: options.pluginVersion)
        if let error = decoder.mergeError { throw error }
        if let error = decoder.combinedError {
            // helm-unittest retries on any error whose text mentions this.
            if mentions(error.message, "unknown escape character") {
                return try retryEscaped(bytes, path: path, chartRoute: chartRoute, options: options, lineOffset: lineOffset)
            }
            throw error
        }
        if fields.tests.isEmpty { throw LocatedError(.suiteFile, "no tests found", at: rootLocation) }
        if options.fromRender && fields.name.isEmpty {
            throw LocatedError(.suiteFile, "helm chart based test suites must include `suite` field", at: rootLocation)
        }
        if fields.snapshotId.isEmpty { fields.snapshotId = options.defaultSnapshotId }
        if fields.tests.contains(where: { $0.asserts.isEmpty }) {
            throw LocatedError(.suiteFile, "no asserts found", at: rootLocation)
        }
        return fields.suite(path: path, chartRoute: chartRoute, extraValues: options.extraValuesFiles)
    }

    /// helm-unittest's retry for go-yaml's `unknown escape character`: the
    /// part is decoded again (never strictly) with every odd run of
    /// backslashes doubled, and then neither validated nor given the CLI
    /// values files.
    private static func retryEscaped(_ bytes: [UInt8], path: String, chartRoute: String,
                                     options: SuiteDecodingOptions, lineOffset: Int) throws(LocatedError) -> TestSuite? {
        let escaped = doubleBackslashes(bytes)
        var documents: [YAMLDocument]? = try YAMLParser.parseStream(bytes: escaped, file: path, dialect: .v3, limit: 1)
        return try DeepStack.withStack(forDepth: documents?.depth ?? 0) { () throws(LocatedError) -> TestSuite? in
            defer { documents = nil }
            var decoder = NodeDecoder(strict: false, lineOffset: lineOffset)
            guard let root = documents?.first?.root else { return nil }
            let fields = try SuiteFields.decode(root, &decoder, pluginVersion: options.pluginVersion)
            if let error = decoder.combinedError { throw error }
            return fields.suite(path: path, chartRoute: chartRoute, extraValues: [])
        }
    }

    /// Whether `text` contains `word`, compared byte by byte: go-yaml's n²
    /// duplicate-key messages can join into 100 MB, which Foundation's
    /// `contains` would first convert to UTF-16.
    static func mentions(_ text: String, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        var text = text
        return text.withUTF8 { bytes in
            guard let first = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
            for i in 0...(bytes.count - needle.count) where bytes[i] == first {
                if bytes[i..<(i + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }

    /// helm-unittest's `escapeBackslashes`: every run of an odd number of
    /// backslashes gets one more.
    static func doubleBackslashes(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x5C else { out.append(bytes[i]); i += 1; continue }
            var count = 1
            while i + count < bytes.count && bytes[i + count] == 0x5C { count += 1 }
            out.append(contentsOf: repeatElement(0x5C, count: count % 2 == 1 ? count + 1 : count))
            i += count
        }
        return out
    }
}
