/// Go's `path/filepath` on a Unix system (`/` separators), as helm-unittest's
/// printer uses it to split a suite file into its directory and base name.
enum GoPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `filepath.Clean`: the shortest equivalent path, lexically.
    static func clean(_ path: String) -> String {
        let bytes = Array(path.utf8)
        if bytes.isEmpty { return "." }
        let rooted = bytes[0] == slash
        var parts: [ArraySlice<UInt8>] = []
        var dotDotFloor = 0  // parts below this index are leading `..` that cannot be removed
        for element in bytes.split(separator: slash, omittingEmptySubsequences: true) {
            if element.elementsEqual([dot]) { continue }
            if element.elementsEqual([dot, dot]) {
                if parts.count > dotDotFloor {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(element)
                    dotDotFloor = parts.count
                }
                continue
            }
            parts.append(element)
        }
        var out: [UInt8] = rooted ? [slash] : []
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(slash) }
            out.append(contentsOf: part)
        }
        if out.isEmpty { return "." }
        return String(decoding: out, as: UTF8.self)
    }

    /// `filepath.Dir`: everything before the last separator, cleaned.
    static func dir(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var end = bytes.count
        while end > 0 && bytes[end - 1] != slash { end -= 1 }
        return clean(String(decoding: bytes[0..<end], as: UTF8.self))
    }

    /// `filepath.Base`: the last element, trailing separators removed; `.` for an empty path, `/` for only separators.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var bytes = Array(path.utf8)
        while let last = bytes.last, last == slash { bytes.removeLast() }
        if bytes.isEmpty { return "/" }
        if let index = bytes.lastIndex(of: slash) { bytes = Array(bytes[(index + 1)...]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
