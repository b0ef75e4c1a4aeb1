import GoStd
import TestSupport
import Foundation
import Testing
@testable import Helm
import Values

/// values.schema.json validation against real Helm v4
/// (`scripts/gen-schema-corpus.py`): every case builds its chart, layers
/// the values and must produce Helm's exact verdict.
@Suite struct SchemaCorpusTests {
    static let entries: [String: GoMap] = {
        guard let text = try? Fixtures.text("schema-corpus.json"), case .list(let items, _)? = try? GoJSON.decode(text) else { return [:] }
        var out: [String: GoMap] = [:]
        for case .map(let m, _) in items {
            if let name = m["name"]?.stringValue { out[name] = m }
        }
        return out
    }()

    static let names = entries.keys.sorted()

    @Test func corpusLoaded() {
        #expect(Self.names.count >= 150)
    }

    /// Cases on a conformance chart (`source`) only where the data is.
    @Test(arguments: names.filter { Fixtures.hasConformance || entries[$0]?["source"] == nil })
    func matchesHelm(_ name: String) throws {
        let entry = try #require(Self.entries[name])
        let expected = entry["expected"]?.stringValue ?? ""
        let loader = ChartLoader(helm: .v4)
        let chart: Chart
        if let source = entry["source"]?.stringValue {
            chart = try loader.load(path: Fixtures.recordedPath(source).path)
        } else {
            let files = (entry["files"]?.mapValue?.entries ?? [:]).sorted { $0.key < $1.key }
                .map { ChartFile(name: $0.key.text, data: Array(($0.value.stringValue ?? "").utf8)) }
            chart = try loader.loadFiles(files)
        }
        let user = entry["values"]?.mapValue ?? GoMap()
        let actual: String
        do {
            let processed = try ValuesLayering.prepare(chart: chart, userValues: user, helm: .v4)
            actual = SchemaValidation.check(processed, helm: .v4)?.message ?? "ok"
        } catch {
            actual = "\(error)"
        }
        if entry["unordered"]?.isTruthy == true {
            #expect(Self.canonical(actual) == Self.canonical(expected), "\(name)\n\(actual)")
        } else {
            #expect(actual == expected)
        }
    }

    /// The text with the order Go's map iteration decides taken out: the
    /// `- at` lines below each line sorted, and the names in `additional
    /// properties` sorted.
    static func canonical(_ text: String) -> String {
        final class Node {
            let text: String
            var children: [Node] = []
            init(_ text: String) { self.text = text }
            func render() -> String {
                ([text] + children.map { $0.render() }.sorted()).joined(separator: "\n")
            }
        }
        let root = Node("")
        var stack: [(depth: Int, node: Node)] = [(0, root)]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let spaces = line.prefix { $0 == " " }.count
            let isItem = line.dropFirst(spaces).hasPrefix("- ")
            let depth = isItem ? spaces / 2 + 2 : 1
            let node = Node(normalizedAdditional(String(line)))
            while let top = stack.last, top.depth >= depth { stack.removeLast() }
            stack.last?.node.children.append(node)
            stack.append((depth, node))
        }
        return root.children.map { $0.render() }.joined(separator: "\n")
    }

    private static func normalizedAdditional(_ line: String) -> String {
        guard let start = line.range(of: "additional properties "), let end = line.range(of: " not allowed", options: .backwards) else {
            return line
        }
        let names = line[start.upperBound..<end.lowerBound].components(separatedBy: ", ").sorted()
        return String(line[..<start.upperBound]) + names.joined(separator: ", ") + String(line[end.lowerBound...])
    }
}
