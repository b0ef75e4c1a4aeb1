import Diagnostics
import PathQuery
import Values

/// The query trees of one job's documents, each built once: every
/// assertion of a job searches the same few documents, and building a
/// document's tree costs more than most searches in it. Documents are
/// never changed while a job's assertions run, and the cache keeps each
/// one alive, so a map's identity names its tree.
final class DocumentQueries {
    private var trees: [ObjectIdentifier: QueryDocument] = [:]

    /// Every value `path` selects in `document` (`""` selects the document
    /// itself); no match is an empty list, a malformed path throws the
    /// library's text.
    func find(_ path: String, in document: Value) throws(LocatedError) -> [Value] {
        if path.isEmpty { return [document] }
        return try Path(path).find(in: tree(of: document))
    }

    private func tree(of document: Value) -> QueryDocument {
        guard case .map(let map, _) = document else { return QueryDocument(document) }
        let key = ObjectIdentifier(map)
        if let tree = trees[key] { return tree }
        let tree = QueryDocument(document)
        trees[key] = tree
        return tree
    }
}
