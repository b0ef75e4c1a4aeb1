import Crypto
import GoStd
import GoTemplate
import SprigCrypto
import Values

extension Sprig {
    /// Hashes, passwords, AES, random values, keys and certificates
    /// (crypto.go and goutils' `CryptoRandom*`).
    static var cryptoFamily: FunctionFamily {
        func randomFunction(_ alphabet: [UInt8]) -> TemplateFunction {
            TemplateFunction([.int], returns: .string) { args, _ in
                .string(SprigCryptoBasics.randomString(Int(args[0].cryptoInt), from: alphabet))
            }
        }
        let (letters, digits, printableASCII) = (SprigCryptoBasics.letters, SprigCryptoBasics.digits, SprigCryptoBasics.printableASCII)
        let cert = GoType.named("sprig.certificate")
        @Sendable func int(_ v: Value) -> Int { Int(v.cryptoInt) }
        return FunctionFamily(
            id: "sprig-crypto", library: "Sprig", title: "Sprig: hashes, crypto and random",
            intro: "Random and key-generating functions give new values on every render; tests assert on their shape (`matchRegex`, `lengthEqual`).",
            [
                .init("sha1sum", "SHA-1 of a string, lowercase hex.",
                      bytesToString { GoString(SprigCryptoBasics.hex(Insecure.SHA1.hash(data: $0))) }),
                .init("sha256sum", "SHA-256 of a string, lowercase hex.",
                      bytesToString { GoString(SprigCryptoBasics.hex(SHA256.hash(data: $0))) }),
                .init("sha512sum", "SHA-512 of a string, lowercase hex.",
                      bytesToString { GoString(SprigCryptoBasics.hex(SHA512.hash(data: $0))) }),
                .init("adler32sum", "Adler-32 checksum of a string, in decimal.",
                      bytesToString { GoString(String(SprigCryptoBasics.adler32($0))) }),
                .init("bcrypt", "bcrypt hash (`$2a$`, cost 10) of a string; salted, so different every render.",
                      TemplateFunction([.string], returns: .string) { args, _ in .string(SprigPasswords.bcrypt(args[0].cryptoString)) }.readingClockOrRandomness()),
                .init("htpasswd", "`htpasswd USER PASS`: an htpasswd line `user:$2a$…` (bcrypt); a `:` in USER gives an error text.",
                      TemplateFunction([.string, .string], returns: .string) { args, _ in
                          let user = args[0].cryptoString
                          if user.contains(":") { return .string("invalid username: \(user)") }
                          return .string("\(user):\(SprigPasswords.bcrypt(args[1].cryptoString))")
                      }.readingClockOrRandomness()),
                .init("derivePassword", "`derivePassword COUNTER TYPE PASSWORD USER SITE`: deterministic Master Password algorithm (`long`, `maximum`, `pin`…).",
                      TemplateFunction([.uint32, .string, .string, .string, .string], returns: .string) { args, _ in
                          .string(SprigPasswords.derivePassword(
                              counter: UInt32(truncatingIfNeeded: args[0].cryptoInt), type: args[1].cryptoString,
                              password: args[2].cryptoString, user: args[3].cryptoString, site: args[4].cryptoString))
                      }),
                .init("encryptAES", "`encryptAES KEY s`: AES-256-CBC with a random IV, base64; differs every render.",
                      TemplateFunction([.string, .string], returns: .string) { args, _ in
                          .string(try SprigAES.encrypt(password: args[0].cryptoString, plaintext: args[1].cryptoString))
                      }.readingClockOrRandomness()),
                .init("decryptAES", "`decryptAES KEY s`: reverses `encryptAES`.",
                      TemplateFunction([.string, .string], returns: .string) { args, _ in
                          .string(try SprigAES.decrypt(password: args[0].cryptoString, ciphertext: args[1].cryptoString))
                      }),
                .init("randAlphaNum", "N random letters and digits.",
                      randomFunction(letters + digits).readingClockOrRandomness()),
                .init("randAlpha", "N random letters.",
                      randomFunction(letters).readingClockOrRandomness()),
                .init("randNumeric", "N random digits.",
                      randomFunction(digits).readingClockOrRandomness()),
                .init("randAscii", "N random printable ASCII characters.",
                      randomFunction(printableASCII).readingClockOrRandomness()),
                .init("randBytes", "N random bytes, base64-encoded.",
                      TemplateFunction([.int], returns: .string) { args, _ in
                          let n = Int(args[0].cryptoInt)
                          if n < 0 { throw GoError("runtime error: makeslice: len out of range") }
                          return .string(GoBaseEncoding.base64Encode(CryptoRandom.bytes(n)))
                      }.readingClockOrRandomness()),
                .init("uuidv4", "A random version-4 UUID.",
                      TemplateFunction([], returns: .string) { _, _ in .string(SprigCryptoBasics.uuidv4()) }.readingClockOrRandomness()),
                .init("genPrivateKey", "`genPrivateKey TYPE`: a PEM private key (`rsa`, `ecdsa`, `ed25519`); an unknown type gives an error text.",
                      TemplateFunction([.string], returns: .string) { args, _ in .string(SprigPrivateKey.generate(args[0].cryptoString)) }.readingClockOrRandomness()),
                .init("genCA", "`genCA CN DAYS`: a self-signed CA certificate object with `.Cert` and `.Key` (PEM).",
                      TemplateFunction([.string, .int], returns: cert) { args, _ in
                          let key = try SprigCertificates.newRSAKey()
                          var t = SprigCertificates.Template(commonName: args[0].cryptoString, ips: [], dnsNames: [], days: int(args[1]))
                          t.isCA = true
                          return .object(SprigCertificate(try SprigCertificates.create(t, signee: key, parent: nil, signer: key)))
                      }.readingClockOrRandomness()),
                .init("genCAWithKey", "`genCAWithKey CN DAYS KEY`: `genCA` with a given PEM key.",
                      TemplateFunction([.string, .int, .string], returns: cert) { args, _ in
                          let key = try SprigCertificates.parseKey(args[2].cryptoString, prefix: "parsing private key")
                          var t = SprigCertificates.Template(commonName: args[0].cryptoString, ips: [], dnsNames: [], days: int(args[1]))
                          t.isCA = true
                          return .object(SprigCertificate(try SprigCertificates.create(t, signee: key, parent: nil, signer: key)))
                      }.readingClockOrRandomness()),
                .init("genSelfSignedCert", "`genSelfSignedCert CN IPS DNS DAYS`: a self-signed certificate object.",
                      TemplateFunction([.string, .list, .list, .int], returns: cert) { args, _ in
                          let key = try SprigCertificates.newRSAKey()
                          let t = try SprigCertificateFunctions.baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                          return .object(SprigCertificate(try SprigCertificates.create(t, signee: key, parent: nil, signer: key)))
                      }.readingClockOrRandomness()),
                .init("genSelfSignedCertWithKey", "`genSelfSignedCert` with a given PEM key.",
                      TemplateFunction([.string, .list, .list, .int, .string], returns: cert) { args, _ in
                          let key = try SprigCertificates.parseKey(args[4].cryptoString, prefix: "parsing private key")
                          let t = try SprigCertificateFunctions.baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                          return .object(SprigCertificate(try SprigCertificates.create(t, signee: key, parent: nil, signer: key)))
                      }.readingClockOrRandomness()),
                .init("genSignedCert", "`genSignedCert CN IPS DNS DAYS CA`: a certificate signed by a `genCA` object.",
                      TemplateFunction([.string, .list, .list, .int, cert], returns: cert) { args, _ in
                          let key = try SprigCertificates.newRSAKey()
                          let t = try SprigCertificateFunctions.baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                          return .object(try SprigCertificateFunctions.signed(t, ca: args[4], key: key))
                      }.readingClockOrRandomness()),
                .init("genSignedCertWithKey", "`genSignedCert` with a given PEM key.",
                      TemplateFunction([.string, .list, .list, .int, cert, .string], returns: cert) { args, _ in
                          let key = try SprigCertificates.parseKey(args[5].cryptoString, prefix: "parsing private key")
                          let t = try SprigCertificateFunctions.baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                          return .object(try SprigCertificateFunctions.signed(t, ca: args[4], key: key))
                      }.readingClockOrRandomness()),
                .init("buildCustomCert", "`buildCustomCert CERT KEY`: a certificate object from base64-encoded PEM certificate and key.",
                      TemplateFunction([.string, .string], returns: cert) { args, _ in
                          .object(SprigCertificate(try SprigCertificates.buildCustom(args[0].cryptoString, args[1].cryptoString)))
                      }),
            ]
        )
    }
}
