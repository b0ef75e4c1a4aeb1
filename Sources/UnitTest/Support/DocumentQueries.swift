import Diagnostics
import GoStd
import PathQuery
import Synchronization
import Values

/// The query trees of a chart's documents, each built once, and the
/// compiled paths: every assertion searches the same few documents (the
/// jobs of a chart share the documents of files rendered alike,
/// ``ParsedDocuments``), and building a document's tree costs more than
/// most searches in it. Documents are never changed once parsed, and a
/// tree holds its document, so a map's identity names its tree. Shared by
/// the chart's jobs across threads; bounded: once full, it starts over.
final class DocumentQueries: Sendable {
    private let trees = Mutex<[ObjectIdentifier: QueryDocument]>([:])
    private let paths = Memo<String, Path, LocatedError>()
    private let capacity: Int

    /// Queries remembering at most `capacity` documents' trees.
    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// Every value `path` selects in `document` (`""` selects the document
    /// itself); no match is an empty list, a malformed path throws the
    /// library's text.
    func find(_ path: String, in document: Value) throws(LocatedError) -> [Value] {
        if path.isEmpty { return [document] }
        return try paths.value(for: path) { (text) throws(LocatedError) in try Path(text) }.find(in: tree(of: document))
    }

    private func tree(of document: Value) -> QueryDocument {
        guard case .map(let map, _) = document else { return QueryDocument(document) }
        let key = ObjectIdentifier(map)
        if let tree = trees.withLock({ $0[key] }) { return tree }
        let tree = QueryDocument(document)
        trees.withLock { trees in
            if trees.count >= capacity { trees.removeAll() }
            trees[key] = tree
        }
        return tree
    }
}
