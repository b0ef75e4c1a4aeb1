extension String {
    /// The text with every `<no value>` removed, as Helm cleans rendered
    /// output (`strings.ReplaceAll(out, "<no value>", "")`).
    var removingNoValue: String {
        var text = self
        text.makeContiguousUTF8()
        let marker = Array("<no value>".utf8)
        let cleaned: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let first = bytes.firstIndex(of: marker[0]) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            out.append(contentsOf: bytes[..<first])
            var found = false
            var i = first
            while i < bytes.count {
                if bytes[i] == marker[0], i + marker.count <= bytes.count,
                   bytes[i..<(i + marker.count)].elementsEqual(marker) {
                    found = true
                    i += marker.count
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return found ? String(decoding: out, as: UTF8.self) : nil
        }
        return (cleaned ?? nil) ?? text
    }
}
