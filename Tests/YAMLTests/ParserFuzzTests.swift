import Foundation
import Testing
import YAML
@testable import Values

/// Random-mutation fuzzing of the YAML parser and both decoders: every input
/// must give a value or an error, never a crash or a hang.
/// `CHARTUNIT_FUZZ_COUNT` sets the number of inputs (default 20 000;
/// `make fuzz` runs a million).
@Suite struct ParserFuzzTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [String] = [
        "a: 1\nb:\n  - x\n  - {c: d, e: [1, 2]}\n",
        "base: &b {x: 1, y: [a, b]}\nd:\n  <<: *b\n  z: 3\ne:\n  <<: [*b, {q: 1}]\n",
        "s: |\n  line\n   more\n\nt: >-\n  folded\n  text\nu: 'q''s'\nv: \"esc\\t\\u00e9\"\n",
        "---\nk: !!str 1\n...\n---\n- !!binary aGk=\n- ? complex\n  : key\n",
        "y: yes\nn: off\no: 0777\nh: 0x1F\nt: 2021-01-01T10:00:00Z\ni: .inf\nbig: 18446744073709551616\n",
        "%YAML 1.1\n---\n[a, {b: c}, \"d\"]\n",
        "a:\n  b:\n    c:\n      d: [[[[]]]]\n",
    ]
    static let alphabet: [UInt8] = Array("-:?[]{},#&*!|>'\"%@` \n\t\\.0123456789abxyz<=~\u{7f}".utf8) + [0, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]

    static func mutate(_ input: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let op = Int.random(in: 0..<5, using: &rng)
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch op {
            case 0 where !bytes.isEmpty: bytes.remove(at: position)
            case 1: bytes.insert(alphabet.randomElement(using: &rng) ?? 0, at: position)
            case 2 where !bytes.isEmpty: bytes[position] = alphabet.randomElement(using: &rng) ?? 0
            case 3 where bytes.count > 2:
                let end = min(bytes.count, position + Int.random(in: 1...8, using: &rng))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0..<bytes.count, using: &rng))
            default: bytes.append(UInt8.random(in: 0...255, using: &rng))
            }
        }
        return bytes.count > 4096 ? Array(bytes.prefix(4096)) : bytes
    }

    @Test func mutatedInputsNeverCrash() {
        let count = Int(ProcessInfo.processInfo.environment["CHARTUNIT_FUZZ_COUNT"] ?? "") ?? 20_000
        var rng = SplitMix64(state: 0xC0FFEE)
        var pool = Self.seeds.map { Array($0.utf8) }
        var accepted = 0
        for i in 0..<count {
            let input = Self.mutate(pool[Int.random(in: 0..<pool.count, using: &rng)], using: &rng)
            if (try? YAMLParser.parseStream(bytes: input)) != nil {
                accepted += 1
                if pool.count < 512, i % 7 == 0 { pool.append(input) }
            }
            let text = String(decoding: input, as: UTF8.self)
            _ = try? YAMLValues.helmValues(text)
            _ = try? YAMLValues.v3Documents(text)
        }
        #expect(accepted > 0)
        print("fuzz: \(count) inputs, \(accepted) parsed, \(count - accepted) rejected with an error")
    }
}
