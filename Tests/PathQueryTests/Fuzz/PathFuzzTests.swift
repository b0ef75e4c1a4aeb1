import Testing
import TestSupport
import Values
@testable import PathQuery

/// helm-unittest's path language (`Path`, `find(in:)`), `set:` keys
/// (`SetPath`) and document selectors, seeded with every path of this
/// target's golden rows.
@Suite struct PathFuzzTests {
    static let seeds: [[UInt8]] = {
        let paths = findRows.map(\.path) + pathErrorRows.map(\.path) + regexRows.map(\.path) + regexRows2.map(\.path)
            + setPathRows.map(\.path) + setPathErrorRows.map(\.path) + roundTripRows.map(\.path)
        return paths.map { Array($0.utf8) }
    }()

    static let mutator = FuzzMutator(
        tokens: ["$", ".", "..", "[", "]", "[*]", "[0]", "[-1]", "[1:3]", "[::2]", "[:-1:0]", "['a']", "[\"a\"]", "['a','b']",
                 "[?(", ")]", "?(", "@", "@.a", "$.store", "==", "!=", "<", "<=", ">", ">=", "=~", "/", "/.*/", "/(?i)a/", "/[/",
                 "&&", "||", "!", "(", ")", "'", "\"", "\\", "\\'", "\\\"", ":", "~", ",", "*", " ", "true", "null", "1.5", "-0",
                 "9223372036854775808", "1e400", "{", "}", "=", "é"],
        alphabet: "$.[]*?()@=!<>~'\"\\/:,&| -0123456789abxyz",
        bursts: [("[", "]"), ("[?(", ")]"), ("(", ")"), ("..", ""), ("[0]", ""), ("a.", ""), ("!", ""), ("[?(@", " == 1)]")],
        maxLength: 8 * 1024)

    static let documents: [QueryDocument] = [storeDocument, regexDocument, regexDocument2]

    @Test func mutatedPathsParseOrFail() async {
        let summary = await runFuzz("path", seeds: Self.seeds, mutator: Self.mutator, defaultCount: 5_000, seed: 0x9A7) { input in
            let text = String(decoding: input, as: UTF8.self)
            var accepted = false
            if let path = try? Path(text) {
                accepted = true
                for document in Self.documents { _ = path.find(in: document) }
                _ = try? path.find(in: selectorDocuments[0])
            }
            // `set:` keys; a huge index would make Go (and chartunit) allocate the list, so
            // only paths whose indexes stay small are built.
            if let cursors = try? SetPath.parse(text) {
                accepted = true
                let small = cursors.allSatisfy { if case .index(let i) = $0 { return i <= 100_000 } else { return true } }
                if small { _ = try? SetPath.buildValue(.string("V"), atSetPath: text) }
            }
            if let selector = try? DocumentSelector(path: text, value: .string("Deployment"), matchMany: true) {
                _ = try? selector.selectDocuments(selectorDocuments)
                _ = try? selector.selectDocuments(byTemplate: [("a.yaml", selectorDocuments), ("b.yaml", [])])
            }
            return accepted ? .accepted : .rejected
        }
        #expect(summary.accepted > 0)
    }
}
