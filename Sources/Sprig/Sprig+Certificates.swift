import GoStd
import SprigCrypto
import Values

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

    init(_ pair: SprigCertificates.PEMPair) {
        self.init(cert: pair.cert, key: pair.key)
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

/// What Sprig's certificate functions (crypto.go) share, over
/// ``SprigCertificates``; the functions are in ``Sprig/cryptoFamily``.
enum SprigCertificateFunctions {
    static func baseTemplate(_ cn: String, _ ips: Value, _ dns: Value, _ days: Int) throws(GoError) -> SprigCertificates.Template {
        var ipBytes: [[UInt8]] = []
        if case .list(let l, _) = ips {
            for ip in l {
                guard case .string(let s) = ip else { throw GoError("error parsing ip: \(GoFmt.sprintf("%v", [ip])) is not a string") }
                guard let b = SprigCertificates.parseIP(s.text) else { throw GoError("error parsing ip: \(s)") }
                ipBytes.append(b)
            }
        }
        var names: [String] = []
        if case .list(let l, _) = dns {
            for d in l {
                guard case .string(let s) = d else {
                    throw GoError("error processing alternate dns name: \(GoFmt.sprintf("%v", [d])) is not a string")
                }
                names.append(s.text)
            }
        }
        return SprigCertificates.Template(commonName: cn, ips: ipBytes, dnsNames: names, days: days)
    }

    static func signed(_ t: SprigCertificates.Template, ca: Value, key: SprigPrivateKey) throws(GoError) -> SprigCertificate {
        guard case .object(let o) = ca, let ca = o as? SprigCertificate else { throw GoError("unable to decode certificate") }
        let parent = try SprigCertificates.parseCertificate(ca.cert, field: "decodedSignerCert.Bytes")
        let signer = try SprigCertificates.parseKey(ca.key, prefix: "error parsing private key")
        return SprigCertificate(try SprigCertificates.create(t, signee: key, parent: parent, signer: signer))
    }
}
