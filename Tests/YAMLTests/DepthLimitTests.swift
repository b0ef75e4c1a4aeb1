import Diagnostics
import Foundation
import GoStd
import Testing
import Values
@testable import YAML

/// go-yaml's nesting limits (v2 and v3 alike, in the scanner): a flow
/// collection inside 10000 others, or a 10001st indentation level, is
/// `exceeded max depth of 10000`. The line go-yaml names differs: v2 gives
/// the line of the token that went too deep, v3 the line of the scanner's
/// last possible simple key (the mapping key above a deep block sequence).
/// Expected texts come from go-yaml itself (gopkg.in/yaml.v3 v3.0.1 and
/// gopkg.in/yaml.v2 v2.4.0, `Unmarshal` into `interface{}`).
@Suite struct DepthLimitTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var text: @Sendable () -> String
        /// The error go-yaml v2 / v3 gives; nil when it parses.
        var v2: String?
        var v3: String?
        /// The line of the error's location (the token that went too deep).
        var line: Int?
        var testDescription: String { name }
    }

    static func deep(_ n: Int) -> String { String(repeating: "- ", count: n) }
    static let limit = "exceeded max depth of 10000"

    static let rows: [Row] = [
        Row(name: "10000 flow sequences", text: { String(repeating: "[", count: 10000) + String(repeating: "]", count: 10000) },
            v2: nil, v3: nil),
        Row(name: "10001 flow sequences", text: { String(repeating: "[", count: 10001) + String(repeating: "]", count: 10001) },
            v2: "yaml: \(limit)", v3: "yaml: \(limit)", line: 1),
        Row(name: "100000 unclosed flow sequences", text: { String(repeating: "[", count: 100_000) },
            v2: "yaml: \(limit)", v3: "yaml: \(limit)", line: 1),
        Row(name: "10001 flow mappings", text: { "a: " + String(repeating: "{b: ", count: 10001) + "1" + String(repeating: "}", count: 10001) },
            v2: "yaml: \(limit)", v3: "yaml: \(limit)", line: 1),
        Row(name: "flow sequences on line 3", text: { "x: 1\ny: 2\nz: " + String(repeating: "[", count: 10001) },
            v2: "yaml: line 3: \(limit)", v3: "yaml: line 3: \(limit)", line: 3),
        Row(name: "10000 block sequences on one line", text: { deep(10000) + "x" }, v2: nil, v3: nil),
        Row(name: "10001 block sequences on one line", text: { deep(10001) + "x" },
            v2: "yaml: \(limit)", v3: "yaml: \(limit)", line: 1),
        Row(name: "10001 explicit keys", text: { String(repeating: "? ", count: 10001) + "x" },
            v2: "yaml: \(limit)", v3: "yaml: \(limit)", line: 1),
        Row(name: "mapping and 9999 block sequences", text: { "x: 1\na:\n  " + deep(9999) + "y" }, v2: nil, v3: nil),
        Row(name: "mapping and 10000 block sequences", text: { "x: 1\na:\n  " + deep(10000) + "y" },
            v2: "yaml: line 3: \(limit)", v3: "yaml: line 2: \(limit)", line: 3),
        Row(name: "quoted key above the sequences", text: { "\"x\": 1\n\"a\":\n  " + deep(10000) + "y" },
            v2: "yaml: line 3: \(limit)", v3: "yaml: line 2: \(limit)", line: 3),
        Row(name: "anchor on its own line above the sequences", text: { "x: 1\na:\n  &q\n  " + deep(10000) + "y" },
            v2: "yaml: line 4: \(limit)", v3: "yaml: line 3: \(limit)", line: 4),
        Row(name: "tag above the sequences", text: { "x: 1\na: !!seq\n  " + deep(10000) + "y" },
            v2: "yaml: line 3: \(limit)", v3: "yaml: line 2: \(limit)", line: 3),
        Row(name: "block scalar before the key", text: { "x: |\n  text\na:\n  " + deep(10000) + "y" },
            v2: "yaml: line 4: \(limit)", v3: "yaml: line 3: \(limit)", line: 4),
        Row(name: "multi-line flow value before the key", text: { "x: [1,\n  2]\na:\n  " + deep(10000) + "y" },
            v2: "yaml: line 4: \(limit)", v3: "yaml: line 3: \(limit)", line: 4),
        Row(name: "5000 block, 10000 flow levels", text: {
            "a:\n  " + deep(5000) + String(repeating: "[", count: 5000) + String(repeating: "{b: ", count: 5000) + "1"
                + String(repeating: "}", count: 5000) + String(repeating: "]", count: 5000)
        }, v2: nil, v3: nil),
        Row(name: "5000 block, 10001 flow levels", text: {
            "a:\n  " + deep(5000) + String(repeating: "[", count: 5000) + String(repeating: "{b: ", count: 5001) + "1"
                + String(repeating: "}", count: 5001) + String(repeating: "]", count: 5000)
        }, v2: "yaml: line 2: \(limit)", v3: "yaml: line 2: \(limit)", line: 2),
    ]

    @Test(arguments: rows)
    func parserStopsAtGoYAMLsDepth(_ row: Row) throws {
        let text = row.text()
        for (dialect, expected) in [(YAMLDialect.v2, row.v2), (.v3, row.v3)] {
            do {
                let documents = try YAMLParser.parseStream(text, file: "deep.yaml", dialect: dialect)
                #expect(expected == nil, "\(dialect) parsed")
                // Decoding the deepest accepted trees and dropping them must not overflow the stack.
                if let root = documents.first?.root {
                    _ = try YAMLValues.v3Value(of: root)
                }
            } catch {
                #expect(error.message == expected, "\(dialect)")
                #expect(error.kind == .yamlSyntax)
                #expect(error.location?.file == "deep.yaml")
                if let line = row.line { #expect(error.location?.line == line, "\(dialect)") }
            }
        }
    }

    /// The deepest document go-yaml reads, read on a thread whose stack is
    /// small (the size of a secondary thread on macOS): decoding, walking
    /// and freeing the trees hop to threads with stack enough.
    @Test func deepDocumentOnASmallStack() throws {
        let text = "a:\n  " + Self.deep(9999) + String(repeating: "{b: ", count: 9999) + "1" + String(repeating: "}", count: 9999)
        let result: Result<Int, LocatedError> = DeepStack.onNewThread(stackSize: 512 << 10) {
            Result { () throws(LocatedError) -> Int in
                GoFmt.format(try YAMLValues.v3Documents(text).first ?? .null).count
            }
        }
        #expect(try result.get() == "map[a:".count + 9999 * 9 + 2)
    }
}
