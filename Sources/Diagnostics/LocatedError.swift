/// An error with the place it came from: the value every layer of chartunit
/// throws for bad input, rendered as `file:line:col: message`.
public struct LocatedError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation?
    public var message: String
    /// Further lines of context (an include stack, a hint).
    public var notes: [String]

    public init(_ message: String, at location: SourceLocation? = nil, notes: [String] = []) {
        self.message = message
        self.location = location
        self.notes = notes
    }

    public var description: String {
        var text = location.map { "\($0): \(message)" } ?? message
        for note in notes { text += "\n  " + note }
        return text
    }

    /// The source line of `location` with a caret under its column, or nil
    /// when the location is outside `source`.
    public func excerpt(in source: String) -> String? {
        guard let location, location.line >= 1 else { return nil }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        let prefix = line.utf8.prefix(max(0, location.column - 1))
        let pad = String(decoding: prefix, as: UTF8.self).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(line)\n\(pad)^"
    }
}
