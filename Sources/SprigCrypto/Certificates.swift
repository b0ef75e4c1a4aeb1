import Crypto
import Foundation
import GoStd
import SwiftASN1
import X509
import _CryptoExtras

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The certificate functions of Sprig's crypto.go, building X.509 v3
/// certificates with the choices Go's `x509.CreateCertificate` makes for
/// Sprig's template: a random serial below 2^128, CN-only subject,
/// NotBefore now, NotAfter now + days, critical key usage, server and
/// client auth, critical basic constraints, SHA-256 subject key IDs for
/// CAs, the parent's key ID as authority key ID, DNS then IP SANs.
public enum SprigCertificates {

    /// A certificate and its subject's private key, both PEM.
    public struct PEMPair: Sendable, Hashable {
        public var cert: String
        public var key: String
    }

    /// What Sprig's functions put in a certificate.
    public struct Template {
        public var commonName: String
        public var ips: [[UInt8]]
        public var dnsNames: [String]
        public var days: Int
        public var isCA = false

        public init(commonName: String, ips: [[UInt8]], dnsNames: [String], days: Int, isCA: Bool = false) {
            self.commonName = commonName
            self.ips = ips
            self.dnsNames = dnsNames
            self.days = days
            self.isCA = isCA
        }
    }

    /// Go's `net.ParseIP` followed by `To4` where it applies.
    public static func parseIP(_ s: String) -> [UInt8]? {
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
        var bytes = Array(CryptoRandom.bytes(16).drop(while: { $0 == 0 }))
        if bytes.isEmpty { bytes = [0] }
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return Certificate.SerialNumber(bytes: bytes)
    }

    /// Sprig's `getCertAndKey` → `x509.CreateCertificate`.
    public static func create(_ t: Template, signee: SprigPrivateKey, parent: Certificate?, signer: SprigPrivateKey) throws(GoError) -> PEMPair {
        do {
            let signingKey = try signer.signer()
            let (publicKey, publicBits) = try signee.publicKey()
            let subject = try distinguishedName(t.commonName)
            let issuer = parent?.subject ?? subject
            var authorityKeyID: [UInt8]? = nil
            if let parent {
                if signingKey.publicKey != parent.publicKey {
                    throw GoError("x509: provided PrivateKey doesn't match parent's PublicKey")
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
            return PEMPair(cert: PEM.encode(type: "CERTIFICATE", der: serializer.serializedBytes), key: signee.pem)
        } catch let f as GoError {
            throw GoError("error creating certificate: \(f.description)")
        } catch {
            throw GoError("error creating certificate: \(error)")
        }
    }

    public static func parseCertificate(_ pem: String, field: String) throws(GoError) -> Certificate {
        guard let block = PEM.decode(pem) else { throw GoError("unable to decode certificate") }
        guard let cert = try? Certificate(derEncoded: block.bytes) else {
            throw GoError("error parsing certificate: \(field): x509: malformed certificate")
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

    public static func parseKey(_ pem: String, prefix: String) throws(GoError) -> SprigPrivateKey {
        do { return try SprigPrivateKey.parse(pem: pem) } catch { throw GoError("\(prefix): \(error.description)") }
    }

    public static func newRSAKey() throws(GoError) -> SprigPrivateKey {
        do { return .rsa(try _RSA.Signing.PrivateKey(keySize: .bits2048)) } catch {
            throw GoError("error generating rsa key: \(error)")
        }
    }

    public static func buildCustom(_ b64cert: String, _ b64key: String) throws(GoError) -> PEMPair {
        guard let cert = try? GoBaseEncoding.base64Decode(b64cert).bytes else { throw GoError("unable to decode base64 certificate") }
        guard let key = try? GoBaseEncoding.base64Decode(b64key).bytes else { throw GoError("unable to decode base64 private key") }
        let certText = String(decoding: cert, as: UTF8.self)
        let keyText = String(decoding: key, as: UTF8.self)
        guard let block = PEM.decode(certText) else { throw GoError("unable to decode certificate") }
        if (try? Certificate(derEncoded: block.bytes)) == nil && !looksLikeCertificate(block.bytes) {
            throw GoError("error parsing certificate: decodedCert.Bytes: x509: malformed certificate")
        }
        _ = try parseKey(keyText, prefix: "error parsing private key")
        return PEMPair(cert: certText, key: keyText)
    }
}
