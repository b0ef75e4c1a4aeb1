import Foundation
import TestSupport
import Testing
@testable import Values

/// Every `.snap` file recorded by helm-unittest must come out of
/// ``snapshotFile(_:)`` byte for byte after being read back.
@Suite struct SnapshotFileTests {
    static let snapFiles = Fixtures.conformanceFiles(suffix: ".snap")

    @Test(.enabled(if: Fixtures.hasConformance))
    func foundSnapFiles() {
        #expect(Self.snapFiles.count >= 20)
    }

    @Test(arguments: snapFiles)
    func reEmitsIdentically(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let entries = try #require(SnapReader.read(text))
        #expect(snapshotFile(entries) == text)
    }

    /// Each stored snapshot is `snapshotYAML` of what go-yaml v3 decodes
    /// from it (its leading newlines were stripped before it was stored).
    @Test(arguments: snapFiles)
    func snapshotsAreFixedPoints(_ path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let entries = try #require(SnapReader.read(text))
        for entry in entries {
            for item in entry.items {
                let documents = try YAMLValues.v3Documents(item.text)
                try #require(documents.count == 1)
                #expect(snapshotYAML(documents[0]) == item.text, "\(entry.test) \(item.index)")
            }
        }
    }

    @Test func sortsTestsNaturallyAndIndicesNumerically() {
        let text = snapshotFile([
            (test: "test 10", items: [(index: 10, text: "b\n"), (index: 2, text: "a\n")]),
            (test: "test 9", items: [(index: 1, text: "x: 1\n")]),
        ])
        #expect(text == "test 9:\n  1: |\n    x: 1\ntest 10:\n  2: |\n    a\n  10: |\n    b\n")
    }

    @Test(arguments: [
        ("b test: with colon", "'b test: with colon':"),
        ("'q' \"t\"", "'''q'' \"t\"':"),
        ("yes", "\"yes\":"),
        ("10", "\"10\":"),
        ("plain name", "plain name:"),
    ])
    func quotesTestNames(name: String, header: String) {
        let text = snapshotFile([(test: name, items: [(index: 1, text: "v\n")])])
        #expect(text == header + "\n  1: |\n    v\n")
    }

    @Test(arguments: [
        ("a\n", "|\n    a\n"),
        ("a", "a\n"),
        ("a\nb", "|-\n    a\n    b\n"),
        ("a\n\n", "|+\n    a\n\n"),
        (" a\n", "|2\n     a\n"),
        ("|\n  x\n", "|\n    |\n      x\n"),
        ("", "\"\"\n"),
        ("a: 1", "'a: 1'\n"),
        ("a\tb\n", "|\n    a\tb\n"),
        ("a \nb\n", "\"a \\nb\\n\"\n"),
    ])
    func itemStyles(text: String, emitted: String) {
        let file = snapshotFile([(test: "t", items: [(index: 1, text: text)])])
        #expect(file == "t:\n  1: " + emitted)
    }

    @Test func emptyFile() {
        #expect(snapshotFile([]) == "{}\n")
    }
}

/// A reader for the regular shape of `.snap` files (test only): top-level
/// `name:` keys, then `  N: |…` literal blocks indented by four spaces.
enum SnapReader {
    static func read(_ text: String) -> [(test: String, items: [(index: UInt, text: String)])]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var result: [(test: String, items: [(index: UInt, text: String)])] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard !line.hasPrefix(" "), line.hasSuffix(":") else { return nil }
            let test = unquote(String(line.dropLast()))
            var items: [(index: UInt, text: String)] = []
            i += 1
            while i < lines.count, lines[i].hasPrefix("  "), !lines[i].hasPrefix("   ") {
                let header = lines[i].dropFirst(2)
                guard let colon = header.firstIndex(of: ":"), let index = UInt(header[..<colon]) else { return nil }
                let indicator = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                guard indicator.hasPrefix("|") else { return nil }
                i += 1
                var body: [String] = []
                while i < lines.count, lines[i].hasPrefix("    ") || lines[i].isEmpty {
                    body.append(lines[i].isEmpty ? "" : String(lines[i].dropFirst(4)))
                    i += 1
                }
                var content = body.joined(separator: "\n")
                if indicator.hasSuffix("-") {
                    while content.hasSuffix("\n") { content.removeLast() }
                } else if !indicator.hasSuffix("+") {
                    while content.hasSuffix("\n") { content.removeLast() }
                    content += "\n"
                } else {
                    content += "\n"
                }
                items.append((index: index, text: content))
            }
            result.append((test: test, items: items))
        }
        return result
    }

    static func unquote(_ s: String) -> String {
        guard s.hasPrefix("'"), s.hasSuffix("'"), s.count >= 2 else { return s }
        return String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
}
