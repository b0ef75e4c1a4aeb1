import Foundation
import Testing
import TestSupport
import YAML
@testable import Values

/// Random-mutation fuzzing of the YAML parser and both decoders: every input
/// must give a value or an error, never a crash or a hang.
/// `CHARTUNIT_FUZZ_COUNT` sets the number of inputs (default 20 000;
/// `make fuzz` runs ten million).
@Suite struct ParserFuzzTests {
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

    @Test func mutatedInputsNeverCrash() async {
        let summary = await runFuzz("yaml", seeds: Self.seeds.map { Array($0.utf8) }, mutate: { input, _, rng in Self.mutate(input, using: &rng) },
                              defaultCount: 20_000, seed: 0xC0FFEE) { input in
            let parsed = (try? YAMLParser.parseStream(bytes: input)) != nil
            let text = String(decoding: input, as: UTF8.self)
            _ = try? YAMLValues.helmValues(text)
            _ = try? YAMLValues.v3Documents(text)
            return parsed ? .accepted : .rejected
        }
        #expect(summary.accepted > 0)
    }
}
