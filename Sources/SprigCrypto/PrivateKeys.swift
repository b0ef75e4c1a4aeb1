import _CryptoExtras
import Crypto
import Foundation
import GoStd
import SwiftASN1
import X509

/// A private key as Sprig handles it: the types Go's crypto/x509 parses
/// from PEM, in the PEM forms Sprig writes back (`pemBlockForKey`).
public enum SprigPrivateKey: Sendable {
    case rsa(_RSA.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p521(P521.Signing.PrivateKey)
    case ed25519(Curve25519.Signing.PrivateKey)
    /// X25519 (Go's `*ecdh.PrivateKey`): parsed, but it cannot sign.
    case x25519(Curve25519.KeyAgreement.PrivateKey)
    /// A DSA key kept as its DER (`SEQUENCE {0, p, q, g, y, x}`): parsed,
    /// but Go cannot sign certificates with it or put it in one.
    case dsa([UInt8])


    static let ed25519PKCS8Prefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    /// The key in the PEM block Sprig writes for it.
    public var pem: String {
        switch self {
        case .rsa(let k): return PEM.encode(type: "RSA PRIVATE KEY", der: Array(k.derRepresentation))
        case .p256(let k):
            return Self.sec1PEM(Array(k.rawRepresentation), curve: [1, 2, 840, 10045, 3, 1, 7], publicKey: Array(k.publicKey.x963Representation))
        case .p384(let k):
            return Self.sec1PEM(Array(k.rawRepresentation), curve: [1, 3, 132, 0, 34], publicKey: Array(k.publicKey.x963Representation))
        case .p521(let k):
            return Self.sec1PEM(Array(k.rawRepresentation), curve: [1, 3, 132, 0, 35], publicKey: Array(k.publicKey.x963Representation))
        case .ed25519(let k): return PEM.encode(type: "PRIVATE KEY", der: Self.ed25519PKCS8Prefix + Array(k.rawRepresentation))
        case .x25519(let k):
            var der = Self.ed25519PKCS8Prefix
            der[10] = 0x6e
            return PEM.encode(type: "PRIVATE KEY", der: der + Array(k.rawRepresentation))
        case .dsa(let der): return PEM.encode(type: "DSA PRIVATE KEY", der: der)
        }
    }

    /// Go's `MarshalECPrivateKey`: SEQUENCE { 1, private key, [0] curve, [1] public key }.
    static func sec1PEM(_ privateKey: [UInt8], curve: ASN1ObjectIdentifier, publicKey: [UInt8]) -> String {
        var serializer = DER.Serializer()
        try? serializer.appendConstructedNode(identifier: .sequence) { s in
            try s.serialize(1)
            try s.serialize(ASN1OctetString(contentBytes: privateKey[...]))
            try s.serialize(curve, explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific)
            try s.serialize(ASN1BitString(bytes: publicKey[...]), explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific)
        }
        return PEM.encode(type: "EC PRIVATE KEY", der: serializer.serializedBytes)
    }

    /// The certificate signing key, or Go's error for keys that cannot sign.
    func signer() throws(GoError) -> Certificate.PrivateKey {
        switch self {
        case .rsa(let k): return Certificate.PrivateKey(k)
        case .p256(let k): return Certificate.PrivateKey(k)
        case .p384(let k): return Certificate.PrivateKey(k)
        case .p521(let k): return Certificate.PrivateKey(k)
        case .ed25519(let k): return Certificate.PrivateKey(k)
        case .x25519, .dsa: throw GoError("x509: certificate private key does not implement crypto.Signer")
        }
    }

    /// The signature algorithm Go picks for the key (`signingParamsForKey`).
    var signatureAlgorithm: Certificate.SignatureAlgorithm {
        switch self {
        case .p256: return .ecdsaWithSHA256
        case .p384: return .ecdsaWithSHA384
        case .p521: return .ecdsaWithSHA512
        case .ed25519: return .ed25519
        default: return .sha256WithRSAEncryption
        }
    }

    /// The public key for a certificate, and the raw subjectPublicKey bits
    /// Go hashes for a key identifier; Go's error for unsupported types.
    func publicKey() throws(GoError) -> (key: Certificate.PublicKey, bits: [UInt8]) {
        switch self {
        case .rsa(let k): return (Certificate.PublicKey(k.publicKey), Array(k.publicKey.pkcs1DERRepresentation))
        case .p256(let k): return (Certificate.PublicKey(k.publicKey), Array(k.publicKey.x963Representation))
        case .p384(let k): return (Certificate.PublicKey(k.publicKey), Array(k.publicKey.x963Representation))
        case .p521(let k): return (Certificate.PublicKey(k.publicKey), Array(k.publicKey.x963Representation))
        case .ed25519(let k): return (Certificate.PublicKey(k.publicKey), Array(k.publicKey.rawRepresentation))
        case .x25519: throw GoError("x509: unsupported public key type: *ecdh.PublicKey")
        case .dsa: throw GoError("x509: unsupported public key type: *dsa.PublicKey")
        }
    }

    /// Sprig's `parsePrivateKeyPEM`.
    public static func parse(pem text: String) throws(GoError) -> SprigPrivateKey {
        guard let block = PEM.decode(text) else { throw GoError("no PEM data in input") }
        if block.type == "PRIVATE KEY" {
            do { return try parsePKCS8(block.bytes) } catch { throw GoError("decoding PEM as PKCS#8: \(error.description)") }
        }
        guard block.type.hasSuffix(" PRIVATE KEY") else {
            throw GoError("no private key data in PEM block of type \(block.type)")
        }
        switch block.type.dropLast(12) {
        case "RSA":
            guard let k = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: block.bytes) else {
                throw GoError("parsing RSA private key from PEM: x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)")
            }
            return .rsa(k)
        case "EC":
            guard let k = parseEC(block.bytes) else {
                throw GoError("parsing EC private key from PEM: x509: failed to parse EC private key")
            }
            return k
        case "DSA":
            guard isDSAKey(block.bytes) else {
                throw GoError("parsing DSA private key from PEM: asn1: structure error: tags don't match")
            }
            return .dsa(block.bytes)
        default:
            throw GoError("invalid private key type \(block.type)")
        }
    }

    static func parseEC(_ der: [UInt8]) -> SprigPrivateKey? {
        if let k = try? P256.Signing.PrivateKey(derRepresentation: der) { return .p256(k) }
        if let k = try? P384.Signing.PrivateKey(derRepresentation: der) { return .p384(k) }
        if let k = try? P521.Signing.PrivateKey(derRepresentation: der) { return .p521(k) }
        return nil
    }

    static func parsePKCS8(_ der: [UInt8]) throws(GoError) -> SprigPrivateKey {
        let oid: ASN1ObjectIdentifier
        let inner: [UInt8]
        do {
            let root = try DER.parse(der)
            guard case .constructed(let nodes) = root.content else { throw GoError("") }
            var it = nodes.makeIterator()
            _ = it.next()
            guard let alg = it.next(), case .constructed(let algNodes) = alg.content else { throw GoError("") }
            var algIt = algNodes.makeIterator()
            guard let oidNode = algIt.next(), let keyNode = it.next() else { throw GoError("") }
            oid = try ASN1ObjectIdentifier(derEncoded: oidNode)
            inner = Array(try ASN1OctetString(derEncoded: keyNode).bytes)
        } catch {
            throw GoError("x509: failed to parse private key (use ParseECPrivateKey instead for this key format)")
        }
        switch oid {
        case [1, 2, 840, 113549, 1, 1, 1]:
            if let k = try? _RSA.Signing.PrivateKey(unsafeDERRepresentation: inner) { return .rsa(k) }
            throw GoError("x509: failed to parse RSA private key embedded in PKCS#8: invalid RSA private key")
        case [1, 2, 840, 10045, 2, 1]:
            if let k = parseEC(der) { return k }
            throw GoError("x509: failed to parse EC private key embedded in PKCS#8: x509: invalid elliptic curve private key value")
        case [1, 3, 101, 112], [1, 3, 101, 110]:
            guard inner.count == 34, inner[0] == 0x04, inner[1] == 0x20 else {
                throw GoError("x509: invalid Ed25519 private key: invalid key length")
            }
            let seed = inner[2...]
            if oid == [1, 3, 101, 112], let k = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) { return .ed25519(k) }
            if let k = try? Curve25519.KeyAgreement.PrivateKey(rawRepresentation: seed) { return .x25519(k) }
            throw GoError("x509: invalid private key")
        default:
            throw GoError("x509: PKCS#8 wrapping contained private key with unknown algorithm: \(oid)")
        }
    }

    /// Whether `der` is `SEQUENCE { INTEGER × 6 }`.
    static func isDSAKey(_ der: [UInt8]) -> Bool {
        guard let root = try? DER.parse(der), case .constructed(let nodes) = root.content else { return false }
        var count = 0
        for n in nodes {
            guard n.identifier == .integer else { return false }
            count += 1
        }
        return count == 6
    }

    /// Sprig's `genPrivateKey`: a fresh key of the given type, or a message.
    public static func generate(_ type: String) -> String {
        switch type {
        case "", "rsa":
            do { return SprigPrivateKey.rsa(try _RSA.Signing.PrivateKey(keySize: .bits4096)).pem } catch {
                return "failed to generate private key: \(error)"
            }
        case "dsa":
            var rng = SystemRandomNumberGenerator()
            return SprigPrivateKey.dsa(DSAKey.generate(using: &rng).der).pem
        case "ecdsa":
            return SprigPrivateKey.p256(P256.Signing.PrivateKey()).pem
        case "ed25519":
            return SprigPrivateKey.ed25519(Curve25519.Signing.PrivateKey()).pem
        default:
            return "Unknown type " + type
        }
    }
}

/// Go's `encoding/pem` (the parts Sprig uses).
public enum PEM {
    /// `pem.EncodeToMemory`: 64-column base64 between BEGIN and END lines.
    static func encode(type: String, der: [UInt8]) -> String {
        let b64 = Array(GoBaseEncoding.base64Encode(der).utf8)
        var out = "-----BEGIN \(type)-----\n"
        var i = 0
        while i < b64.count {
            out += String(decoding: b64[i..<min(i + 64, b64.count)], as: UTF8.self) + "\n"
            i += 64
        }
        return out + "-----END \(type)-----\n"
    }

    /// `pem.Decode`: the first well-formed block (headers skipped), or nil.
    static func decode(_ text: String) -> (type: String, bytes: [UInt8])? {
        var rest = Substring(text)
        while let begin = rest.range(of: "-----BEGIN ") {
            let atLineStart = begin.lowerBound == rest.startIndex || rest[rest.index(before: begin.lowerBound)] == "\n"
            let afterBegin = rest[begin.upperBound...]
            rest = afterBegin
            guard atLineStart, let lineEnd = afterBegin.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? Optional(afterBegin.endIndex)
            else { continue }
            let typeLine = afterBegin[..<lineEnd]
            guard typeLine.hasSuffix("-----") else { continue }
            let type = String(typeLine.dropLast(5))
            let body = afterBegin[lineEnd...]
            guard let end = body.range(of: "\n-----END \(type)-----") else { continue }
            var lines = body[..<end.lowerBound].split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            if lines.contains(where: { $0.contains(":") }) {
                // RFC 1421 headers end at the first empty line.
                let raw = body[..<end.lowerBound].components(separatedBy: "\n\n")
                lines = raw.count > 1 ? raw.dropFirst().joined(separator: "\n").split(separator: "\n") : []
            }
            let b64 = lines.joined().filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: b64) else { continue }
            return (type, Array(data))
        }
        return nil
    }
}
