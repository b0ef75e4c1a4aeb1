import GoStd

/// Helm's clean-up of rendered output:
/// `strings.ReplaceAll(out, "<no value>", "")`.
enum NoValue {
    private static let marker = Array("<no value>".utf8)

    /// `bytes` with every `<no value>` removed.
    static func removing(from bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(of: marker[0]) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        out.append(contentsOf: bytes[..<first])
        var i = first
        while i < bytes.count {
            if bytes[i] == marker[0], i + marker.count <= bytes.count,
               bytes[i..<(i + marker.count)].elementsEqual(marker) {
                i += marker.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}
