import Foundation
import Synchronization
import Testing
import Values
@testable import PathQuery

/// A document's query tree is built as queries reach it, once: a query on
/// a fresh tree, on a tree other queries have partly built, and many
/// queries at once on one tree from several threads all give what a
/// query on a fully built tree gives.
@Suite struct LazyTreeTests {
    static let paths = [
        "", "store", "store.book[0].price", "store.book[*].author", "$..price", "store.bicycle",
        "store.book[?(@.price > 10)].title", "store.book[-1:]", "$..*", "store.book[0]",
    ]

    /// Every path's results on a tree built fully first.
    static func expected() throws -> [String] {
        let full = QueryDocument(v3Document(storeYAML))
        var all: [QueryNode] = []
        full.root.appendDescendantsPostOrder(to: &all)
        _ = all.map(\.value)
        return try paths.map { try renderFind($0, in: full) }
    }

    @Test func freshAndPartlyBuiltTreesAnswerAlike() throws {
        let expected = try Self.expected()
        for (i, path) in Self.paths.enumerated() {
            #expect(try renderFind(path, in: QueryDocument(v3Document(storeYAML))) == expected[i])
        }
        // One tree, queried in order: each query finds what earlier ones built.
        let shared = QueryDocument(v3Document(storeYAML))
        for (i, path) in Self.paths.enumerated().reversed() {
            #expect(try renderFind(path, in: shared) == expected[i])
        }
    }

    @Test func concurrentQueriesOnOneTreeAgree() throws {
        let expected = try Self.expected()
        for _ in 0..<20 {
            let shared = QueryDocument(v3Document(storeYAML))
            let results = Mutex<[Int: String]>([:])
            DispatchQueue.concurrentPerform(iterations: 64) { i in
                let index = i % Self.paths.count
                let found = (try? renderFind(Self.paths[index], in: shared)) ?? "error"
                results.withLock { $0[i] = found }
            }
            for (i, found) in results.withLock({ $0 }) {
                #expect(found == expected[i % Self.paths.count])
            }
            // Once built, a node hands out the same children every time.
            #expect(shared.root.content.map(ObjectIdentifier.init) == shared.root.content.map(ObjectIdentifier.init))
        }
    }
}
