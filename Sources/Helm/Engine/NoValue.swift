#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Helm's clean-up of rendered output:
/// `strings.ReplaceAll(out, "<no value>", "")`.
enum NoValue {
    private static let marker = Array("<no value>".utf8)

    /// `bytes` with every `<no value>` removed (`bytes` itself when it has none).
    static func removing(from bytes: [UInt8]) -> [UInt8] {
        let m = marker.count
        guard bytes.count >= m else { return bytes }
        return bytes.withUnsafeBufferPointer { buffer -> [UInt8] in
            marker.withUnsafeBufferPointer { needle -> [UInt8] in
                let base = buffer.baseAddress!, n = buffer.count
                var out: [UInt8]? = nil
                var copied = 0, i = 0
                while i <= n - m, let hit = memchr(base + i, Int32(needle[0]), n - m + 1 - i) {
                    let j = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                    guard memcmp(hit, needle.baseAddress!, m) == 0 else {
                        i = j + 1
                        continue
                    }
                    if out == nil {
                        out = []
                        out!.reserveCapacity(n)
                    }
                    out!.append(contentsOf: buffer[copied..<j])
                    i = j + m
                    copied = i
                }
                guard var out else { return bytes }
                out.append(contentsOf: buffer[copied...])
                return out
            }
        }
    }
}
