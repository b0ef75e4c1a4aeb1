import Crypto
import Foundation
import GoTemplate
import SwiftASN1
import Values
import X509
import _CryptoExtras

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sprig's `certificate` struct: PEM texts in the fields `Cert` and `Key`.
public struct SprigCertificate: GoObject, Sendable {
    /// The certificate, PEM.
    public var cert: String
    /// The subject's private key, PEM.
    public var key: String

    /// A certificate object.
    public init(cert: String, key: String) {
        self.cert = cert
        self.key = key
    }

    public var goTypeName: String { "sprig.certificate" }
    public var goFormatted: String { "{\(cert) \(key)}" }
    public var goFormattedWithFieldNames: String? { "{Cert:\(cert) Key:\(key)}" }

    public func member(_ name: String) -> Value? {
        switch name {
        case "Cert": return .string(cert)
        case "Key": return .string(key)
        default: return nil
        }
    }
}

/// The certificate functions of Sprig's crypto.go, building X.509 v3
/// certificates with the choices Go's `x509.CreateCertificate` makes for
/// Sprig's template: a random serial below 2^128, CN-only subject,
/// NotBefore now, NotAfter now + days, critical key usage, server and
/// client auth, critical basic constraints, SHA-256 subject key IDs for
/// CAs, the parent's key ID as authority key ID, DNS then IP SANs.
enum SprigCertificates {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    struct Template {
        var commonName: String
        var ips: [[UInt8]]
        var dnsNames: [String]
        var days: Int
        var isCA = false
    }

    /// Go's `net.ParseIP` followed by `To4` where it applies.
    static func parseIP(_ s: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, s, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, s, &v6) == 1 {
            let b = withUnsafeBytes(of: &v6) { Array($0) }
            if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xFF && b[11] == 0xFF { return Array(b[12...]) }
            return b
        }
        return nil
    }

    static func baseTemplate(_ cn: String, _ ips: Value, _ dns: Value, _ days: Int) throws(Failure) -> Template {
        var ipBytes: [[UInt8]] = []
        if case .list(let l, _) = ips {
            for ip in l {
                guard case .string(let s) = ip else { throw Failure("error parsing ip: \(GoFmt.sprintf("%v", [ip])) is not a string") }
                guard let b = parseIP(s) else { throw Failure("error parsing ip: \(s)") }
                ipBytes.append(b)
            }
        }
        var names: [String] = []
        if case .list(let l, _) = dns {
            for d in l {
                guard case .string(let s) = d else {
                    throw Failure("error processing alternate dns name: \(GoFmt.sprintf("%v", [d])) is not a string")
                }
                names.append(s)
            }
        }
        return Template(commonName: cn, ips: ipBytes, dnsNames: names, days: days)
    }

    /// Go's choice of string type for a name attribute: PrintableString
    /// when every character allows it, else UTF8String.
    static func distinguishedName(_ cn: String) throws -> DistinguishedName {
        if cn.isEmpty { return DistinguishedName() }
        let printable = cn.unicodeScalars.allSatisfy { c in
            c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                || " '()+,-./:=?*".unicodeScalars.contains(c))
        }
        let attribute = printable
            ? try RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, printableString: cn)
            : RelativeDistinguishedName.Attribute(type: .RDNAttributeType.commonName, utf8String: cn)
        return DistinguishedName([RelativeDistinguishedName(attribute)])
    }

    static func serialNumber() -> Certificate.SerialNumber {
        var bytes = Array(SprigCryptoBasics.randomBytes(16).drop(while: { $0 == 0 }))
        if bytes.isEmpty { bytes = [0] }
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// Sprig's `getCertAndKey` → `x509.CreateCertificate`.
    static func create(_ t: Template, signee: SprigPrivateKey, parent: Certificate?, signer: SprigPrivateKey) throws(Failure) -> SprigCertificate {
        do {
            let signingKey = try signer.signer()
            let (publicKey, publicBits) = try signee.publicKey()
            let subject = try distinguishedName(t.commonName)
            let issuer = parent?.subject ?? subject
            var authorityKeyID: [UInt8]? = nil
            if let parent {
                if signingKey.publicKey != parent.publicKey {
                    throw Failure("x509: provided PrivateKey doesn't match parent's PublicKey")
                }
                if issuer != subject, let ski = try parent.extensions.subjectKeyIdentifier {
                    authorityKeyID = Array(ski.keyIdentifier)
                }
            }
            var usage = KeyUsage(digitalSignature: true, keyEncipherment: true)
            if t.isCA { usage.keyCertSign = true }
            var exts: [Certificate.Extension] = [
                try Certificate.Extension(usage, critical: true),
                try Certificate.Extension(try ExtendedKeyUsage([.serverAuth, .clientAuth]), critical: false),
                try Certificate.Extension(t.isCA ? BasicConstraints.isCertificateAuthority(maxPathLength: nil) : .notCertificateAuthority, critical: true),
            ]
            if t.isCA {
                let id = Array(SHA256.hash(data: publicBits).prefix(20))
                exts.append(try Certificate.Extension(SubjectKeyIdentifier(keyIdentifier: id[...]), critical: false))
            }
            if let authorityKeyID {
                exts.append(try Certificate.Extension(AuthorityKeyIdentifier(keyIdentifier: authorityKeyID[...]), critical: false))
            }
            if !t.dnsNames.isEmpty || !t.ips.isEmpty {
                let names = t.dnsNames.map { GeneralName.dnsName($0) } + t.ips.map { GeneralName.ipAddress(ASN1OctetString(contentBytes: $0[...])) }
                exts.append(try Certificate.Extension(SubjectAlternativeNames(names), critical: subject.isEmpty))
            }
            let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
            let certificate = try Certificate(
                version: .v3, serialNumber: serialNumber(), publicKey: publicKey,
                notValidBefore: now, notValidAfter: now.addingTimeInterval(Double(t.days) * 86400),
                issuer: issuer, subject: subject, signatureAlgorithm: signer.signatureAlgorithm,
                extensions: try Certificate.Extensions(exts), issuerPrivateKey: signingKey)
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return SprigCertificate(cert: PEM.encode(type: "CERTIFICATE", der: serializer.serializedBytes), key: signee.pem)
        } catch let f as Failure {
            throw Failure("error creating certificate: \(f.description)")
        } catch let f as SprigPrivateKey.Failure {
            throw Failure("error creating certificate: \(f.description)")
        } catch {
            throw Failure("error creating certificate: \(error)")
        }
    }

    static func parseCertificate(_ pem: String, field: String) throws(Failure) -> Certificate {
        guard let block = PEM.decode(pem) else { throw Failure("unable to decode certificate") }
        guard let cert = try? Certificate(derEncoded: block.bytes) else {
            throw Failure("error parsing certificate: \(field): x509: malformed certificate")
        }
        return cert
    }

    /// Whether `der` has a certificate's outer shape (SEQUENCE { SEQUENCE,
    /// SEQUENCE, BIT STRING }); swift-certificates refuses some that Go
    /// accepts (1024-bit RSA keys).
    static func looksLikeCertificate(_ der: [UInt8]) -> Bool {
        guard let root = try? DER.parse(der), case .constructed(let nodes) = root.content else { return false }
        let ids = nodes.map(\.identifier)
        return ids == [.sequence, .sequence, .bitString]
    }

    static func parseKey(_ pem: String, prefix: String) throws(Failure) -> SprigPrivateKey {
        do { return try SprigPrivateKey.parse(pem: pem) } catch { throw Failure("\(prefix): \(error.description)") }
    }

    static func newRSAKey() throws(Failure) -> SprigPrivateKey {
        do { return .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)) } catch {
            throw Failure("error generating rsa key: \(error)")
        }
    }

    static func buildCustom(_ b64cert: String, _ b64key: String) throws(Failure) -> SprigCertificate {
        guard let cert = try? GoBaseEncoding.base64Decode(b64cert).bytes else { throw Failure("unable to decode base64 certificate") }
        guard let key = try? GoBaseEncoding.base64Decode(b64key).bytes else { throw Failure("unable to decode base64 private key") }
        let certText = String(decoding: cert, as: UTF8.self)
        let keyText = String(decoding: key, as: UTF8.self)
        guard let block = PEM.decode(certText) else { throw Failure("unable to decode certificate") }
        if (try? Certificate(derEncoded: block.bytes)) == nil && !looksLikeCertificate(block.bytes) {
            throw Failure("error parsing certificate: decodedCert.Bytes: x509: malformed certificate")
        }
        _ = try parseKey(keyText, prefix: "error parsing private key")
        return SprigCertificate(cert: certText, key: keyText)
    }

    static func signed(_ t: Template, ca: Value, key: SprigPrivateKey) throws(Failure) -> SprigCertificate {
        guard case .object(let o) = ca, let ca = o as? SprigCertificate else { throw Failure("unable to decode certificate") }
        let parent = try parseCertificate(ca.cert, field: "decodedSignerCert.Bytes")
        let signer = try parseKey(ca.key, prefix: "error parsing private key")
        return try create(t, signee: key, parent: parent, signer: signer)
    }

    static var functions: [String: TemplateFunction] {
        let cert = GoType.named("sprig.certificate")
        @Sendable func int(_ v: Value) -> Int { Int(v.cryptoInt) }
        return [
            "genPrivateKey": TemplateFunction([.string], returns: .string) { args, _ in .string(SprigPrivateKey.generate(args[0].cryptoString)) },
            "buildCustomCert": TemplateFunction([.string, .string], returns: cert) { args, _ in
                .object(try buildCustom(args[0].cryptoString, args[1].cryptoString))
            },
            "genCA": TemplateFunction([.string, .int], returns: cert) { args, _ in
                let key = try newRSAKey()
                var t = Template(commonName: args[0].cryptoString, ips: [], dnsNames: [], days: int(args[1]))
                t.isCA = true
                return .object(try create(t, signee: key, parent: nil, signer: key))
            },
            "genCAWithKey": TemplateFunction([.string, .int, .string], returns: cert) { args, _ in
                let key = try parseKey(args[2].cryptoString, prefix: "parsing private key")
                var t = Template(commonName: args[0].cryptoString, ips: [], dnsNames: [], days: int(args[1]))
                t.isCA = true
                return .object(try create(t, signee: key, parent: nil, signer: key))
            },
            "genSelfSignedCert": TemplateFunction([.string, .list, .list, .int], returns: cert) { args, _ in
                let key = try newRSAKey()
                let t = try baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                return .object(try create(t, signee: key, parent: nil, signer: key))
            },
            "genSelfSignedCertWithKey": TemplateFunction([.string, .list, .list, .int, .string], returns: cert) { args, _ in
                let key = try parseKey(args[4].cryptoString, prefix: "parsing private key")
                let t = try baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                return .object(try create(t, signee: key, parent: nil, signer: key))
            },
            "genSignedCert": TemplateFunction([.string, .list, .list, .int, cert], returns: cert) { args, _ in
                let key = try newRSAKey()
                let t = try baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                return .object(try signed(t, ca: args[4], key: key))
            },
            "genSignedCertWithKey": TemplateFunction([.string, .list, .list, .int, cert, .string], returns: cert) { args, _ in
                let key = try parseKey(args[5].cryptoString, prefix: "parsing private key")
                let t = try baseTemplate(args[0].cryptoString, args[1], args[2], int(args[3]))
                return .object(try signed(t, ca: args[4], key: key))
            },
        ]
    }
}

