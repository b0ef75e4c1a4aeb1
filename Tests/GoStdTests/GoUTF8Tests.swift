import Testing
import GoStd

/// `utf8.DecodeRune` as Go decodes (rows from Go's utf8 tests).
@Suite struct GoUTF8Tests {
    @Test(arguments: [
        ([], 0xFFFD, 0), ([0x61], 0x61, 1), ([0xC3, 0xA9], 0xE9, 2), ([0xE6, 0x97, 0xA5], 0x65E5, 3),
        ([0xF0, 0x9F, 0x98, 0x80], 0x1F600, 4), ([0xFF], 0xFFFD, 1), ([0xC0, 0x80], 0xFFFD, 1),
        ([0xE0, 0x80, 0x80], 0xFFFD, 1), ([0xED, 0xA0, 0x80], 0xFFFD, 1), ([0xF4, 0x90, 0x80, 0x80], 0xFFFD, 1),
        ([0xE6, 0x97], 0xFFFD, 1), ([0xC3, 0x41], 0xFFFD, 1), ([0x80], 0xFFFD, 1), ([0xF5, 0x80, 0x80, 0x80], 0xFFFD, 1),
    ] as [([UInt8], UInt32, Int)])
    func decodesLikeGo(_ bytes: [UInt8], _ rune: UInt32, _ width: Int) {
        let (r, w) = GoUTF8.decodeRune(bytes[...])
        #expect(r == rune)
        #expect(w == width)
    }

    /// `utf8.Valid` agrees with the standard library's validation on
    /// boundary cases at every offset of the eight-byte ASCII steps, and on
    /// random bytes.
    @Test func validityAgreesWithTheStandardLibrary() {
        let pieces: [[UInt8]] = [
            [0x61], [0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0xC0, 0x80],
            [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF4, 0x90, 0x80, 0x80],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xE6, 0x97], [0xC3], [0x80], [0xF5, 0x80, 0x80, 0x80], [0xEF, 0xBF, 0xBD],
        ]
        func agrees(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { GoUTF8.isValid($0) } == (String(validating: bytes, as: UTF8.self) != nil)
        }
        for piece in pieces {
            for prefix in 0..<17 {
                let ascii = [UInt8](repeating: 0x41, count: prefix)
                #expect(agrees(ascii + piece), "\(prefix) ASCII bytes, then \(piece)")
                #expect(agrees(ascii + piece + ascii), "\(prefix) ASCII bytes around \(piece)")
            }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let count = Int.random(in: 0..<24, using: &generator)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x20..<0x7F, using: &generator) : UInt8.random(in: 0x80...0xFF, using: &generator)
            }
            #expect(agrees(bytes), "\(bytes)")
        }
    }
}
