/// A position in a source file, counted the way Go tools count it:
/// 1-based lines, 1-based columns in bytes, and a 0-based byte offset.
/// Line 0 means the file as a whole.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(file: String, line: Int, column: Int, offset: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The file as a whole (a file that is missing, unreadable or empty).
    public init(file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    /// The same place `offset` lines further down (a whole-file location stays).
    public func shiftingLines(by offset: Int) -> SourceLocation {
        var copy = self
        if line > 0 { copy.line += offset }
        return copy
    }

    /// `file:line:col`, `line:col` when the file is unknown, `file` for the whole file.
    public var description: String {
        if line == 0 { return file }
        return file.isEmpty ? "\(line):\(column)" : "\(file):\(line):\(column)"
    }
}
