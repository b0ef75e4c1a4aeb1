/// A Go `[]byte` (`[]uint8`), as `.Files.GetBytes` returns it.
public struct GoBytes: GoObject, Hashable {
    /// The bytes.
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var goTypeName: String { "[]uint8" }
    public var goKind: String { "slice" }
    /// What `%v` prints: `[104 105]`.
    public var goFormatted: String { "[" + bytes.map { String($0) }.joined(separator: " ") + "]" }
    public var isTruthy: Bool { !bytes.isEmpty }
    public var goFmtForm: GoFmtForm { .bytes(bytes) }
}
