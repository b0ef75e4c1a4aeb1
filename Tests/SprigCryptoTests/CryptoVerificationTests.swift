@testable import SprigCrypto
import Foundation
import GoTemplate
import Sprig
import Testing
import Values

/// Known-answer vectors for the hand-written primitives, and openssl
/// checks of generated keys and certificates (skipped without openssl).
@Suite struct CryptoVerificationTests {
    // OpenBSD / golang.org/x/crypto bcrypt vectors.
    @Test(arguments: [
        ("", 6, "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."),
        ("a", 6, "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe"),
        ("abc", 6, "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"),
        ("abcdefghijklmnopqrstuvwxyz", 6, "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"),
        ("~!@#$%^&*()      ~!@#$%^&*()PNBFRD", 6, "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO"),
    ])
    func bcryptVectors(password: String, cost: Int, expected: String) throws {
        #expect(Bcrypt.verify(Array(password.utf8), hash: expected))
        #expect(!Bcrypt.verify(Array((password + "x").utf8), hash: expected))
    }

    @Test func bcryptHashVerifies() throws {
        let h = try Bcrypt.hash(Array("hunter2".utf8), cost: 4)
        #expect(h.hasPrefix("$2a$04$") && h.utf8.count == 60)
        #expect(Bcrypt.verify(Array("hunter2".utf8), hash: h))
    }

    // RFC 7914 §12 test vectors.
    @Test func scryptVectors() throws {
        let a = try Scrypt.key(password: [], salt: [], n: 16, r: 1, p: 1, length: 64)
        #expect(hex(a) == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
        let b = try Scrypt.key(password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, length: 64)
        #expect(hex(b) == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }

    // MARK: openssl

    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    func run(_ args: [String], in dir: URL) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(Self.openssl))
        p.arguments = args
        p.currentDirectoryURL = dir
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func render(_ template: String) throws -> String {
        var f = Sprig.functions()
        f["list"] = TemplateFunction([], variadic: .any, returns: .list) { args, _ in .list(args) }
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(f), options: ExecutionOptions(missingKey: .zero))
        try set.parse(template, name: "t")
        return try set.execute("t", data: .map([:])).text
    }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("chartunit-crypto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test(.enabled(if: openssl != nil))
    func certificatesVerifyWithOpenSSL() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try render("""
            {{- $ca := genCA "test-ca" 30 -}}
            {{- $c := genSignedCert "foo.example" (list "10.0.0.1" "::1") (list "foo.example" "bar.example") 10 $ca -}}
            {{- $s := genSelfSignedCert "self" nil (list "self.example") 5 -}}
            {{- $e := genCAWithKey "ec-ca" 3 (genPrivateKey "ecdsa") -}}
            {{- $d := genSignedCertWithKey "ed" nil nil 3 $e (genPrivateKey "ed25519") -}}
            {{ $ca.Cert }}|{{ $ca.Key }}|{{ $c.Cert }}|{{ $c.Key }}|{{ $s.Cert }}|{{ $e.Cert }}|{{ $e.Key }}|{{ $d.Cert }}|{{ $d.Key }}
            """)
        let parts = out.components(separatedBy: "|")
        let names = ["ca.crt", "ca.key", "leaf.crt", "leaf.key", "self.crt", "ec.crt", "ec.key", "ed.crt", "ed.key"]
        try #require(parts.count == names.count)
        for (n, text) in zip(names, parts) { try text.write(to: dir.appendingPathComponent(n), atomically: true, encoding: .utf8) }

        let ca = try run(["x509", "-in", "ca.crt", "-noout", "-text"], in: dir)
        #expect(ca.status == 0)
        #expect(ca.output.contains("Subject: CN=test-ca") || ca.output.contains("Subject: CN = test-ca"))
        #expect(ca.output.contains("CA:TRUE"))
        #expect(ca.output.contains("Digital Signature, Key Encipherment, Certificate Sign"))
        #expect(ca.output.contains("TLS Web Server Authentication, TLS Web Client Authentication"))
        #expect(ca.output.contains("sha256WithRSAEncryption"))
        #expect(ca.output.contains("Public-Key: (2048 bit)"))
        let leaf = try run(["x509", "-in", "leaf.crt", "-noout", "-text"], in: dir)
        #expect(leaf.output.contains("DNS:foo.example, DNS:bar.example, IP Address:10.0.0.1, IP Address:0:0:0:0:0:0:0:1"))
        #expect(leaf.output.contains("CA:FALSE"))
        #expect(leaf.output.contains("X509v3 Authority Key Identifier"))
        #expect(try run(["verify", "-CAfile", "ca.crt", "leaf.crt"], in: dir).status == 0)
        #expect(try run(["verify", "-CAfile", "ec.crt", "ed.crt"], in: dir).status == 0)
        #expect(try run(["verify", "-CAfile", "self.crt", "self.crt"], in: dir).status == 0)
        #expect(try run(["rsa", "-check", "-noout", "-in", "ca.key"], in: dir).status == 0)
        #expect(try run(["ec", "-check", "-noout", "-in", "ec.key"], in: dir).status == 0)
        #expect(try run(["pkey", "-noout", "-in", "ed.key"], in: dir).status == 0)
        // The key in each pair belongs to the certificate.
        for (crt, key) in [("ca.crt", "ca.key"), ("leaf.crt", "leaf.key"), ("ec.crt", "ec.key"), ("ed.crt", "ed.key")] {
            let a = try run(["x509", "-in", crt, "-noout", "-pubkey"], in: dir).output
            let b = try run(["pkey", "-in", key, "-pubout"], in: dir).output
            #expect(a == b, "\(crt)")
        }
    }

    @Test(.enabled(if: openssl != nil))
    func generatedKeysCheck() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try render(#"{{ genPrivateKey "rsa" }}"#).write(to: dir.appendingPathComponent("rsa.key"), atomically: true, encoding: .utf8)
        let r = try run(["rsa", "-check", "-text", "-noout", "-in", "rsa.key"], in: dir)
        #expect(r.status == 0)
        #expect(r.output.contains("Private-Key: (4096 bit"))
    }

    @Test func aesRoundTrip() throws {
        let out = try render(#"{{ encryptAES "pw" "some text that spans blocks" | decryptAES "pw" }}"#)
        #expect(out == "some text that spans blocks")
    }
}
