/// The one error type chartunit's layers throw for bad input: created where
/// the fault is found (YAML parser, template parser and executor, chart
/// loader, suite decoder, path parser, snapshot reader…) and carried
/// unchanged to the results, so later code reads the file, line and column
/// from fields instead of parsing them back out of text.
///
/// `message` is the text the Go tool prints for the fault (Helm's,
/// helm-unittest's or go-yaml's wording, byte for byte): it is what users
/// see and what `failedTemplate` assertions compare, and it is also this
/// value's `description`. The location is extra: a Go message may name
/// only a line, or nothing, while ``location`` knows the column too.
public struct LocatedError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What failed, named after the Go error type it stands for.
    public var kind: ErrorKind
    /// Where the fault is, when it has a place in a file.
    public var location: SourceLocation?
    /// The error text exactly as the Go tool words it.
    public var message: String
    /// Further lines of context (the parser state it was in, the calls
    /// that led to the fault).
    public var notes: [Note]
    /// The texts of the Go errors this one wraps, as `errors.Unwrap`
    /// walks them, outermost first (Helm 4 rewrites execution errors from
    /// this chain).
    public var wrapped: [String]
    /// The text of the line ``location`` points into, when the code that
    /// found the fault had the source at hand (``quotingSource(_:)``).
    public var sourceLine: String?

    public init(_ kind: ErrorKind, _ message: String, at location: SourceLocation? = nil,
                notes: [Note] = [], wrapped: [String] = []) {
        self.kind = kind
        self.message = message
        self.location = location
        self.notes = notes
        self.wrapped = wrapped
    }

    /// The Go tool's text.
    public var description: String { message }

    /// The same fault with `prefix` put before its text, as Go's
    /// `fmt.Errorf("prefix%w", err)` does; the location stays.
    public func prefixed(_ prefix: String) -> LocatedError {
        var copy = self
        copy.message = prefix + message
        return copy
    }

    /// The same fault placed at `location` when it has no place yet.
    public func placed(at location: SourceLocation) -> LocatedError {
        var copy = self
        if copy.location == nil { copy.location = location }
        return copy
    }

    /// `file:line:col: message` and the notes, one per line: the form for
    /// a reader who wants to jump to the fault.
    public var located: String {
        var text = location.map { "\($0): \(message)" } ?? message
        for note in notes { text += "\n  \(note)" }
        return text
    }

    /// What a reader is shown: the Go tool's text as its first line, then
    /// the ``placeLines``.
    public var shown: String {
        ([message] + placeLines).joined(separator: "\n")
    }

    /// The lines that say where the fault is, beyond what the Go text says:
    /// `at file:line:col` unless the text already names that place (or, for
    /// a whole-file location, that file), the quoted source line with a
    /// caret under the column, then the notes, a run of equal notes shown
    /// once with its count.
    public var placeLines: [String] {
        var lines: [String] = []
        if let location, !location.file.isEmpty {
            let place = location.line > 0 ? "\(location.file):\(location.line)" : location.file
            if !message.contains(place) { lines.append("at \(location)") }
        }
        lines += quotedSource
        // A recursion (include calling itself 1000 times) repeats one note:
        // it is shown once, with its count.
        var index = 0
        while index < notes.count {
            let text = notes[index].description
            var run = 1
            while index + run < notes.count && notes[index + run].description == text { run += 1 }
            lines.append(text)
            if run > 1 { lines.append("(the line above \(run - 1) more times)") }
            index += run
        }
        return lines
    }

    /// ``sourceLine`` as a reader sees it, rustc-style: ` 12 | text` and
    /// `    |     ^` under the column (tabs kept, so the caret lines up).
    /// Empty without a source line.
    public var quotedSource: [String] {
        guard let sourceLine, let location, location.line > 0 else { return [] }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        var lines = [" \(number) | \(sourceLine)"]
        if location.column >= 1 {
            let prefix = sourceLine.utf8.prefix(location.column - 1)
            let pad = String(decoding: prefix, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(" \(gutter) | \(pad)^")
        }
        return lines
    }

    /// The same fault with the text of its location's line taken from
    /// `source`, the bytes whose lines the location counts (a line longer
    /// than 200 bytes is cut after the column's neighbourhood).
    public func quotingSource(_ source: some Collection<UInt8>) -> LocatedError {
        guard let location, location.line >= 1 else { return self }
        let quoted = source.withContiguousStorageIfAvailable { quoting($0, location) }
        return quoted ?? Array(source).withUnsafeBufferPointer { quoting($0, location) }
    }

    private func quoting(_ source: UnsafeBufferPointer<UInt8>, _ location: SourceLocation) -> LocatedError {
        var line = 1
        var start = 0
        var index = 0
        while index < source.count && line < location.line {
            if source[index] == 0x0A {
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == location.line else { return self }
        var end = start
        while end < source.count && source[end] != 0x0A { end += 1 }
        var bytes = Array(source[start..<end])
        if bytes.last == 0x0D { bytes.removeLast() }
        if bytes.count > 200 { bytes = Array(bytes.prefix(max(200, location.column + 40))) + Array(" …".utf8) }
        var copy = self
        copy.sourceLine = String(decoding: bytes, as: UTF8.self)
        return copy
    }

    /// The same fault with every line number (of the location and of the
    /// notes) moved down by `offset`: for a fault found in a part of a file
    /// that starts on line `offset + 1`. The Go text keeps its own count.
    public func shiftingLines(by offset: Int) -> LocatedError {
        var copy = self
        copy.location = location.map { $0.shiftingLines(by: offset) }
        copy.notes = notes.map { note in
            var moved = note
            moved.location = note.location.map { $0.shiftingLines(by: offset) }
            return moved
        }
        return copy
    }
}

/// A line of context for a ``LocatedError``: `text`, then the place it
/// names (if any) and the rest of the line — `while parsing a block
/// mapping at f.yaml:2:1`, `called from t:1:4 (executing "t" at <x>)`.
public struct Note: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var location: SourceLocation?
    public var detail: String

    public init(_ text: String, at location: SourceLocation? = nil, detail: String = "") {
        self.text = text
        self.location = location
        self.detail = detail
    }

    /// `text location detail`, or just `text`.
    public var description: String {
        guard let location else { return text + detail }
        return "\(text) \(location)\(detail)"
    }
}

/// What kind of fault a ``LocatedError`` is. Each module declares the
/// kinds it produces (`extension ErrorKind { static let … }`), named after
/// the Go error type or the stage of the Go tool that reports it.
public struct ErrorKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}
