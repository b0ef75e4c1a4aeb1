import Diagnostics
import TestSupport
import Foundation
import Testing
@testable import Helm
import Values

/// `--set` parsing against real Helm (`scripts/gen-strvals-corpus.py`).
@Suite struct StrvalsCorpusTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        var mode: String
        var input: String
        var json: String?
        var error: String?
        var testDescription: String { "\(mode) \(input)" }
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: Fixtures.url("strvals-corpus.json")) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func corpusLoaded() {
        #expect(Self.cases.count > 200)
    }

    @Test(arguments: cases)
    func matchesHelm(_ c: Case) throws {
        let mode: Strvals.Mode
        switch c.mode {
        case "typed": mode = .typed
        case "string": mode = .string
        case "json": mode = .json
        default: mode = .literal
        }
        do {
            let map = try Strvals.parse(c.input, mode: mode)
            #expect(c.error == nil, "Helm fails with: \(c.error ?? "")")
            #expect(try GoJSON.encode(.map(map)) == c.json)
        } catch let error as LocatedError {
            #expect(error.message == c.error)
            #expect(error.kind == .setSyntax)
        }
    }

    @Test func typesFollowTypedVal() throws {
        let map = try Strvals.parse("a=5,b=1.5,c=true,d=null,e=007,f={1,x}")
        #expect(map["a"]?.goTypeName == "int64")
        #expect(map["b"]?.goTypeName == "string")
        #expect(map["c"]?.goTypeName == "bool")
        #expect(map["e"]?.goTypeName == "string")
        #expect(map["f"]?.listValue?.first?.goTypeName == "int64")
        if case .null? = map["d"] {} else { Issue.record("null not nil") }
    }

    @Test func parsesIntoExistingValues() throws {
        let dest = GoMap(["a": .list([.string("x"), .string("y")]), "keep": .bool(true)])
        try Strvals.parse("a[1]=z", into: dest)
        #expect(GoFmt.format(.map(dest)) == "map[a:[x z] keep:true]")
        expectError("index of 65537 is greater than maximum supported index of 65536", kind: .setSyntax) {
            _ = try Strvals.parse("a[65537]=x")
        }
        #expect(try Strvals.parse("a[65536]=x")["a"]?.listValue?.count == 65537)
    }
}
