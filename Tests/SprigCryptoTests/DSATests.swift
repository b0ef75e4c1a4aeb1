@testable import SprigCrypto
import Foundation
import GoTemplate
@testable import Sprig
import Testing
import Values

/// `genPrivateKey "dsa"`: the arithmetic, the parameters and key it makes,
/// Sprig's PEM/ASN.1 layout, openssl's checks, and the certificate errors.
@Suite struct DSATests {
    func render(_ template: String, values: Value = .map(GoMap())) throws -> String {
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(Sprig.functions()), options: ExecutionOptions(missingKey: .zero))
        try set.parse(template, name: "t")
        return try set.execute("t", data: values).text
    }

    /// A deterministic generator for reproducible arithmetic tests (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    /// The six INTEGER contents of `SEQUENCE { INTEGER × 6 }`, checking minimal DER.
    func parseKeyDER(_ der: [UInt8]) throws -> [[UInt8]] {
        var i = 0
        func length() throws -> Int {
            let first = der[i]
            i += 1
            guard first & 0x80 != 0 else { return Int(first) }
            let n = Int(first & 0x7f)
            try #require(n > 0 && n <= 2 && der[i] != 0)
            var len = 0
            for _ in 0..<n { len = len << 8 | Int(der[i]); i += 1 }
            try #require(len >= 0x80)
            return len
        }
        try #require(der.first == 0x30)
        i = 1
        let total = try length()
        try #require(i + total == der.count)
        var ints: [[UInt8]] = []
        while i < der.count {
            try #require(der[i] == 0x02)
            i += 1
            let len = try length()
            let bytes = Array(der[i..<(i + len)])
            try #require(!bytes.isEmpty && bytes[0] & 0x80 == 0, "non-negative")
            if bytes.count > 1 { try #require(!(bytes[0] == 0 && bytes[1] & 0x80 == 0), "minimal") }
            ints.append(bytes)
            i += len
        }
        return ints
    }

    // MARK: Arithmetic

    @Test func naturalBytesAndDivision() {
        let a = Natural(bigEndian: [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05])
        #expect(a.bitWidth == 73)
        #expect(a.bigEndianBytes == [0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0x05])
        #expect(Natural(bigEndian: [0, 0, 7]).bigEndianBytes == [7])
        let (q, r) = a.quotientAndRemainder(dividingBy: Natural(1000))
        // 2^72 + 5 = 4722366482869645213701
        #expect(q.description == Natural(4_722_366_482_869_645_213).description)
        #expect(r == Natural(701))
        #expect(a.remainder(dividingBy: 1000) == 701)
        #expect(a.shiftedRight(by: 72) == Natural(1))
        #expect((a + a - a) == a)
    }

    @Test func limbResiduesMatchDivision() {
        var rng = SeededGenerator(state: 1)
        let m = Natural(bigEndian: Natural.randomBytes(32, using: &rng) + [1])
        let residues = LimbResidues(modulus: m, limbCount: 32)
        for _ in 0..<5 {
            let x = Natural(bigEndian: Natural.randomBytes(256, using: &rng))
            #expect(residues.remainder(x) == x.quotientAndRemainder(dividingBy: m).remainder)
        }
    }

    @Test func montgomeryPowerMatchesSchoolbook() {
        var rng = SeededGenerator(state: 2)
        for bytes in [8, 24, 64] {
            var mb = Natural.randomBytes(bytes, using: &rng)
            mb[mb.count - 1] |= 1
            mb[0] |= 0x80
            let m = Natural(bigEndian: mb)
            let field = Montgomery(modulus: m)
            let base = Natural(bigEndian: Natural.randomBytes(bytes - 1, using: &rng))
            let e = Natural(bigEndian: Natural.randomBytes(3, using: &rng))
            // Square-and-multiply with the long division.
            var expected = Natural(1)
            var i = e.bitWidth - 1
            while i >= 0 {
                expected = Self.mulMod(expected, expected, m)
                if e.bit(i) { expected = Self.mulMod(expected, base, m) }
                i -= 1
            }
            #expect(field.power(base, e) == expected, "\(bytes)-byte modulus")
            #expect(field.power(base, Natural(0)) == Natural(1))
        }
    }

    static func mulMod(_ a: Natural, _ b: Natural, _ m: Natural) -> Natural {
        var sum = Natural(0)
        var i = b.bitWidth - 1
        while i >= 0 {
            sum = (sum + sum).quotientAndRemainder(dividingBy: m).remainder
            if b.bit(i) { sum = (sum + a).quotientAndRemainder(dividingBy: m).remainder }
            i -= 1
        }
        return sum
    }

    @Test func primality() {
        var rng = SeededGenerator(state: 3)
        func mersenne(_ e: Int) -> Natural {
            let top: [UInt8] = e % 8 == 0 ? [] : [UInt8((1 << (e % 8)) - 1)]
            return Natural(bigEndian: top + [UInt8](repeating: 0xff, count: e / 8))
        }
        func product(_ a: Natural, _ b: Natural) -> Natural {
            var sum = Natural(0)
            var i = b.bitWidth - 1
            while i >= 0 {
                sum = sum + sum
                if b.bit(i) { sum = sum + a }
                i -= 1
            }
            return sum
        }
        for prime in [2, 3, 5, 97, 997, 1009, 65537, 2_147_483_647] as [UInt64] {
            #expect(DSAKey.isProbablePrime(Natural(prime), using: &rng), "\(prime)")
        }
        // Carmichael numbers and other composites.
        for composite in [0, 1, 4, 561, 41041, 825_265, 1_000_009 * 1_000_033, 3_215_031_751] as [UInt64] {
            #expect(!DSAKey.isProbablePrime(Natural(composite), using: &rng), "\(composite)")
        }
        #expect(DSAKey.isProbablePrime(mersenne(127), using: &rng))
        #expect(DSAKey.isProbablePrime(mersenne(521), using: &rng))
        #expect(!DSAKey.isProbablePrime(mersenne(523), using: &rng))
        #expect(!DSAKey.isProbablePrime(product(mersenne(127), mersenne(61)), using: &rng))
    }

    @Test func smallParametersAreConsistent() {
        var rng = SeededGenerator(state: 4)
        let key = DSAKey.generate(l: 1024, n: 160, using: &rng)
        Self.checkConsistent(key, l: 1024, n: 160)
    }

    static func checkConsistent(_ key: DSAKey, l: Int, n: Int) {
        let one = Natural(1)
        #expect(key.p.bitWidth == l)
        #expect(key.q.bitWidth == n)
        #expect((key.p - one).quotientAndRemainder(dividingBy: key.q).remainder.isZero, "q | p-1")
        let field = Montgomery(modulus: key.p)
        #expect(key.g > one && key.g < key.p)
        #expect(field.power(key.g, key.q) == one, "g^q = 1 mod p")
        #expect(!key.x.isZero && key.x < key.q)
        #expect(field.power(key.g, key.x) == key.y, "y = g^x mod p")
    }

    // MARK: genPrivateKey "dsa"

    @Test func generatedKeyHasSprigLayout() throws {
        let start = ContinuousClock.now
        let pem = try render(#"{{ genPrivateKey "dsa" }}"#)
        print("genPrivateKey \"dsa\" took \(ContinuousClock.now - start)")
        #expect(pem.hasPrefix("-----BEGIN DSA PRIVATE KEY-----\n"))
        #expect(pem.hasSuffix("\n-----END DSA PRIVATE KEY-----\n"))
        let lines = pem.split(separator: "\n").dropFirst().dropLast()
        #expect(lines.dropLast().allSatisfy { $0.count == 64 })
        let block = try #require(PEM.decode(pem))
        #expect(block.type == "DSA PRIVATE KEY")
        let ints = try parseKeyDER(block.bytes)
        try #require(ints.count == 6)
        #expect(ints[0] == [0], "Version 0")
        let v = ints.map { Natural(bigEndian: $0) }
        let key = DSAKey(p: v[1], q: v[2], g: v[3], y: v[4], x: v[5])
        Self.checkConsistent(key, l: 2048, n: 256)
        #expect(key.der == block.bytes)
        // The key parses back the way Sprig's other functions read it.
        let reparsed = try SprigPrivateKey.parse(pem: pem)
        #expect(reparsed.pem == pem)
        try checkWithOpenSSL(pem)
    }

    func checkWithOpenSSL(_ pem: String) throws {
        guard CryptoVerificationTests.openssl != nil else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-dsa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try pem.write(to: dir.appendingPathComponent("dsa.key"), atomically: true, encoding: .utf8)
        func run(_ args: [String]) throws -> (status: Int32, output: String) {
            try CryptoVerificationTests().run(args, in: dir)
        }
        let check = try run(["pkey", "-check", "-noout", "-in", "dsa.key"])
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("Key is valid"))
        let text = try run(["dsa", "-text", "-noout", "-in", "dsa.key"])
        #expect(text.status == 0)
        #expect(text.output.contains("Private-Key: (2048 bit)"))
    }

    @Test func generatedKeyCannotSignCertificatesLikeGo() throws {
        // Smaller parameters than genPrivateKey's keep debug builds quick; the
        // certificate functions only look at the key's type.
        var rng = SeededGenerator(state: 5)
        let key = SprigPrivateKey.dsa(DSAKey.generate(l: 1024, n: 160, using: &rng).der).pem
        let values = Value.map(GoMap(["k": .string(key)]))
        // Go's x509 wants a crypto.Signer to sign with, and cannot put a DSA key in a certificate.
        let signer = "x509: certificate private key does not implement crypto.Signer"
        for (template, message) in [
            (#"{{ genCAWithKey "ca" 10 .k }}"#, signer),
            (#"{{ genSelfSignedCertWithKey "foo" nil nil 1 .k }}"#, signer),
            (#"{{ $ca := genCA "ca" 1 }}{{ genSignedCertWithKey "foo" nil nil 1 $ca .k }}"#,
             "x509: unsupported public key type: *dsa.PublicKey"),
        ] {
            #expect(throws: (any Error).self) { try render(template, values: values) }
            do {
                _ = try render(template, values: values)
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
    }
}
