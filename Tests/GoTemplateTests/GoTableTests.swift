import GoStd
import TestSupport
import Foundation
@testable import GoTemplate
import Testing
import Values

/// A row of a Go-shaped table (Tests/Fixtures/gotemplate-tables, expected
/// results computed by Go's text/template; see scripts/gen-gotemplate-tables.py).
struct TableRow: Sendable, CustomStringConvertible {
    var name: String
    var text: String
    var output: String?
    var error: String?
    var description: String { name }

    static func load(_ file: String) -> [TableRow] {
        guard let data = try? Data(contentsOf: Fixtures.url("gotemplate-tables/\(file).json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map {
            TableRow(name: $0["name"] as? String ?? "", text: $0["text"] as? String ?? "",
                     output: $0["output"] as? String, error: $0["error"] as? String)
        }
    }
}

/// Go's `*Obj` of the table generator: a field and methods with arguments.
struct TableObj: GoMethodProvider {
    var goTypeName: String { "*main.Obj" }
    var goKind: String { "ptr" }
    var goFormatted: String { "{n}" }
    func member(_ name: String) -> Value? { name == "Name" ? .string("n") : nil }
    func method(_ name: String) -> TemplateFunction? {
        switch name {
        case "Get": return TemplateFunction([.string], returns: .string) { a, _ in .string("got " + (a[0].stringValue ?? "")) }
        case "Pair": return TemplateFunction([.int, .string], returns: .string) { a, _ in .string(GoFmt.sprint([a[1], a[0]])) }
        case "Fail": return TemplateFunction([], returns: .string) { _, _ in throw GoError("failed") }
        case "Join":
            return TemplateFunction([.string], variadic: .any, returns: .string) { a, _ in .string(GoFmt.sprint([a[0], .list(Array(a.dropFirst()))])) }
        default: return nil
        }
    }
}

/// The data Go's table generator executes with.
let tableData: Value = .map([
    "obj": .object(TableObj()),
    "i": .int(3), "i64": .int(-5, .int64), "u8": .int(7, .uint8), "f": .float(1.5), "f3": .float(3),
    "s": .string("hello"), "b": .bool(true), "z": .int(0), "nilv": .null,
    "l": .list([.int(1), .string("two"), .float(3.5), .null, .bool(true)]), "el": .list([]),
    "m": .map(["a": .int(1), "b": .string("x"), "n": .null, "sub": .map(["k": .string("v")])]),
    "em": .map([:]),
    "ls": .list([.map(["name": .string("a")]), .map(["name": .string("b")])]),
    "nested": .list([.list([.int(1), .int(2)]), .list([.int(3)])]),
])

let echo = TemplateFunction([.any]) { args, _ in args[0] }

@Suite struct GoTableTests {
    static let parseRows = TableRow.load("parse")
    static let execRows = TableRow.load("exec")
    static let execZeroRows = TableRow.load("execzero")

    @Test func tablesArePresent() {
        #expect(Self.parseRows.count > 100 && Self.execRows.count > 150 && Self.execZeroRows.count > 5)
    }

    /// Go's parseTests/errorTests shape: the trees printed back, or the error.
    @Test(arguments: parseRows)
    func parse(_ row: TableRow) {
        do {
            let (trees, _) = try Parser.parse(name: "t", text: Array(row.text.utf8), functions: FunctionMap(["echo": echo]))
            var printed = ""
            for name in trees.keys.sorted(by: goLess) {
                printed += "\(name)=\(trees[name]?.description ?? "")\n"
            }
            #expect(row.error == nil, "parsed: \(printed)")
            #expect(printed == row.output)
        } catch {
            #expect(goErrorText(error) == row.error)
        }
    }

    static func check(_ row: TableRow, missingKey: ExecutionOptions.MissingKey) {
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(["echo": echo]), options: ExecutionOptions(missingKey: missingKey))
        do {
            try set.parse(row.text, name: "t")
            let out = try set.execute("t", data: tableData).text
            #expect(row.error == nil, "output: \(out)")
            #expect(out == row.output)
        } catch {
            #expect(error.description == row.error)
        }
    }

    /// Go's execTests shape, default options.
    @Test(arguments: execRows)
    func exec(_ row: TableRow) {
        Self.check(row, missingKey: .invalid)
    }

    /// Execution with `missingkey=zero` (Helm's option).
    @Test(arguments: execZeroRows)
    func execZero(_ row: TableRow) {
        Self.check(row, missingKey: .zero)
    }
}
