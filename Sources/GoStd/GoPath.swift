/// Go's `path` package (and `path/filepath` on a Unix system): slash-separated
/// paths, handled byte by byte as Go does. Chart files, Sprig's path
/// functions, suite files and report lines all use these.
public enum GoPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// `path.Clean`: the shortest equivalent path, lexically.
    public static func clean(_ path: String) -> String {
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

    /// `path.Base`: the last element, trailing separators removed; `.` for
    /// an empty path, `/` for only separators.
    public static func base(_ path: String) -> String {
        let bytes = path.utf8
        if bytes.isEmpty { return "." }
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == slash { end = bytes.index(before: end) }
        if end == bytes.startIndex { return "/" }
        var start = end
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != slash { start = bytes.index(before: start) }
        return String(path[start..<end])
    }

    /// `strings.HasPrefix(path.Base(path), prefix)`, by bytes, without
    /// building the base.
    public static func baseHasPrefix(_ path: String, _ prefix: String) -> Bool {
        var path = path, prefix = prefix
        return path.withUTF8 { bytes in
            prefix.withUTF8 { head in
                var end = bytes.count
                while end > 0, bytes[end - 1] == slash { end -= 1 }
                // An empty path's base is ".", a path of slashes' "/".
                guard end > 0 else { return (bytes.isEmpty ? "." : "/").utf8.starts(with: head) }
                var start = end
                while start > 0, bytes[start - 1] != slash { start -= 1 }
                return end - start >= head.count && bytes[start..<(start + head.count)].elementsEqual(head)
            }
        }
    }

    /// `path.Dir`: everything before the last separator, cleaned.
    public static func dir(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var end = bytes.count
        while end > 0 && bytes[end - 1] != slash { end -= 1 }
        return clean(String(decoding: bytes[0..<end], as: UTF8.self))
    }

    /// `path.Ext`: the suffix from the last `.` in the final element.
    public static func ext(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var i = bytes.count - 1
        while i >= 0 && bytes[i] != slash {
            if bytes[i] == dot { return String(decoding: bytes[i...], as: UTF8.self) }
            i -= 1
        }
        return ""
    }

    /// `path.Join`: the non-empty parts joined with `/`, cleaned.
    public static func join(_ parts: String...) -> String {
        let joined = parts.filter { !$0.isEmpty }.joined(separator: "/")
        return joined.isEmpty ? "" : clean(joined)
    }
}
