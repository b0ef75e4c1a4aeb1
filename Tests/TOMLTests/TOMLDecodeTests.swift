import GoStd
import TestSupport
import Foundation
import Testing
@testable import TOML
import Values

/// The fromToml corpus: what real Helm renders for `toJson (fromToml doc)`,
/// `fromToml doc` (%v) and `typeOf` of chosen keys, for valid and invalid
/// documents (`scripts/gen-toml-corpus.py`). Helm's fromToml returns
/// `{"Error": err.Error()}` when decoding fails.
@Suite struct TOMLDecodeTests {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var doc: String
        var json: String?
        var v: String?
        var error: String?
        var outcome: String
        var types: [TypeCheck]?

        var testDescription: String { name }
    }

    struct TypeCheck: Decodable, Sendable {
        var path: [String]
        var type: String

        init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            path = try c.decode([String].self)
            type = try c.decode(String.self)
        }
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: Fixtures.url("toml-corpus.json")),
              let cases = try? JSONDecoder().decode([Case].self, from: data) else { return [] }
        return cases
    }()

    @Test func corpusIsLarge() {
        #expect(Self.cases.count >= 200)
        #expect(Self.cases.filter { $0.outcome == "error" }.count >= 100)
        #expect(Self.cases.filter { $0.outcome == "ok" }.count >= 100)
    }

    /// Helm's `fromToml`.
    static func fromToml(_ doc: String) -> Value {
        do {
            return .map(try GoTOML.decode(doc))
        } catch {
            return .map(["Error": .string(error.description)])
        }
    }

    @Test(arguments: cases)
    func fromTomlMatchesHelm(_ c: Case) throws {
        if let error = c.error {
            Issue.record("Helm failed to render: \(error)")
            return
        }
        let m = Self.fromToml(c.doc)
        // Sprig's toJson gives "" when encoding fails (NaN, ±Inf).
        #expect(((try? GoJSON.encode(m)) ?? "") == c.json)
        #expect(GoFmt.format(m) == c.v)
        for check in c.types ?? [] {
            var value = m
            for key in check.path {
                guard case .map(let map, _) = value else { value = .null; break }
                value = map[key] ?? .null
            }
            #expect(value.goTypeName == check.type, "typeOf \(check.path)")
        }
    }

    @Test func errorDescriptionFormats() {
        #expect(throws: GoTOML.DecodingError.self) { try GoTOML.decode("a = ") }
        let e = GoTOML.DecodingError(message: "m", line: 3, lastKey: "")
        #expect(e.description == "toml: line 3: m")
        let k = GoTOML.DecodingError(message: "m", line: 1, lastKey: "a \"b\"")
        #expect(k.description == "toml: line 1 (last key \"a \\\"b\\\"\"): m")
    }

    @Test func valuesKeepGoTypes() throws {
        let m = try GoTOML.decode("i = 1\nf = 1.5\n[[t]]\nd = 1979-05-27\n")
        guard case .int(1, .int64)? = m["i"] else { Issue.record("int64 expected"); return }
        guard case .object(let slice as GoMapSlice)? = m["t"] else { Issue.record("[]map expected"); return }
        #expect(slice.maps.count == 1)
        guard case .object(let time as GoTime)? = slice.maps[0]["d"] else { Issue.record("time expected"); return }
        #expect(time.zoneName == "date-local")
        #expect(try GoJSON.encode(.object(time)) == "\"1979-05-27T00:00:00Z\"")
    }
}
