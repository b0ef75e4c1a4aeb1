/// A Go `[]byte` (`[]uint8`), as `.Files.GetBytes` returns it.
public struct GoBytes: GoObject, Hashable {
    /// The bytes.
    public var bytes: [UInt8]

    /// A byte slice holding `bytes`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `[]uint8`, as `%T` and `typeOf` print it.
    public var goTypeName: String { "[]uint8" }
    /// `slice`.
    public var goKind: String { "slice" }
    /// What `%v` prints: `[104 105]`.
    public var goFormatted: String { "[" + bytes.map { String($0) }.joined(separator: " ") + "]" }
    /// Non-empty slices are true.
    public var isTruthy: Bool { !bytes.isEmpty }
    /// ``GoFmtForm/bytes(_:)``: `%s` prints the bytes as text.
    public var goFmtForm: GoFmtForm { .bytes(bytes) }
}
