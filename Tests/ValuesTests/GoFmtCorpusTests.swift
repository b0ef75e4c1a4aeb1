import GoStd
import TestSupport
import Foundation
import Testing
@testable import Values

/// The printf corpus: `printf`, `print` and `println` calls rendered by real
/// Helm (`scripts/gen-printf-corpus.py`); `GoFmt` must match every output
/// byte for byte.
@Suite struct GoFmtCorpusTests {
    /// One recorded call.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        var name: String
        var `func`: String
        var template: String
        var format: String?
        var args: [CorpusArg]
        var output: String

        var testDescription: String { name }
    }

    /// A typed argument: `{"int": 42}`, `{"list": [...]}`, …
    struct CorpusArg: Decodable, Sendable {
        var value: Value

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            guard let key = c.allKeys.first, c.allKeys.count == 1 else {
                throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "one key expected"))
            }
            switch key.stringValue {
            case "int": value = .int(try c.decode(Int64.self, forKey: key), .int)
            case "int64": value = .int(try c.decode(Int64.self, forKey: key), .int64)
            case "uint64": value = .int(Int64(bitPattern: try c.decode(UInt64.self, forKey: key)), .uint64)
            case "float":
                if let text = try? c.decode(String.self, forKey: key) {
                    switch text {
                    case "NaN": value = .float(.nan)
                    case "+Inf": value = .float(.infinity)
                    case "-Inf": value = .float(-.infinity)
                    default: throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: text)
                    }
                } else {
                    value = .float(try c.decode(Double.self, forKey: key))
                }
            case "string": value = .string(try c.decode(String.self, forKey: key))
            case "bool": value = .bool(try c.decode(Bool.self, forKey: key))
            case "nil": value = .null
            case "list": value = .list(try c.decode([CorpusArg].self, forKey: key).map(\.value))
            case "map": value = .map(try c.decode([String: CorpusArg].self, forKey: key).mapValues(\.value))
            case "bytes": value = .object(GoBytes(try c.decode([UInt8].self, forKey: key)))
            case "time": value = .object(GoTime(seconds: try c.decode(Int64.self, forKey: key)))
            default:
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "unknown kind")
            }
        }
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: Fixtures.url("printf-corpus/cases.json")) else { return [] }
        return (try? JSONDecoder().decode([Case].self, from: data)) ?? []
    }()

    @Test func corpusIsLarge() {
        #expect(Self.cases.count >= 400)
        for kind in ["printf", "print", "println"] {
            #expect(Self.cases.contains { $0.func == kind })
        }
    }

    @Test(arguments: cases)
    func matchesHelm(_ c: Case) {
        let args = c.args.map(\.value)
        let got: String
        switch c.func {
        case "print": got = GoFmt.sprint(args).text
        case "println": got = GoFmt.sprintln(args).text
        default: got = GoFmt.sprintf(GoString(c.format ?? ""), args).text
        }
        // Helm deletes every `<no value>` from rendered output (engine.go).
        #expect(got.replacingOccurrences(of: "<no value>", with: "") == c.output, "\(c.template)")
    }
}
