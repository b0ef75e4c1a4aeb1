import GoStd

/// Helm's clean-up of rendered output:
/// `strings.ReplaceAll(out, "<no value>", "")`.
enum NoValue {
    private static let marker = Array("<no value>".utf8)

    /// `bytes` with every `<no value>` removed (`bytes` itself when it has none).
    static func removing(from bytes: [UInt8]) -> [UInt8] {
        GoStrings.replaceAll(bytes: bytes, marker, [])
    }
}
