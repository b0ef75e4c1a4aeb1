import Diagnostics
import GoStd
import Synchronization
import Values

/// The documents of rendered files, remembered across the jobs of one
/// chart: most jobs render most files to the same text, and a file's
/// documents depend only on its name and its text (``Documents/parseYAML(_:file:)``).
/// Parse errors are remembered too. The documents are shared, so nothing
/// may change them (assertions only read). Bounded by the bytes of text
/// held: once full, it starts over.
final class ParsedDocuments: Sendable {
    private struct Key: Hashable, Sendable {
        var file: String
        var text: GoString
    }

    private let entries = Mutex<(map: [Key: Result<[Value], LocatedError>], bytes: Int)>(([:], 0))
    private let capacity: Int

    /// A cache holding at most `capacity` bytes of rendered text.
    init(capacity: Int = 16 << 20) {
        self.capacity = capacity
    }

    /// The documents of `text` rendered for `file`, parsed on first sight.
    func documents(of text: GoString, file: String) throws(LocatedError) -> [Value] {
        let key = Key(file: file, text: text)
        if let hit = entries.withLock({ $0.map[key] }) { return try hit.get() }
        let result: Result<[Value], LocatedError>
        do { result = .success(try Documents.parseYAML(text, file: file)) } catch { result = .failure(error) }
        let size = text.count + file.utf8.count
        if size <= capacity / 4 {
            entries.withLock { entries in
                if entries.bytes + size > capacity { entries = ([:], 0) }
                if entries.map.updateValue(result, forKey: key) == nil { entries.bytes += size }
            }
        }
        return try result.get()
    }
}
