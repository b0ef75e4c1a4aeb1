import Crypto
import SprigCrypto
import Values

/// `bcrypt`, `htpasswd` and `derivePassword` (the Master Password
/// algorithm: scrypt N=32768 r=8 p=2 over the user name, HMAC-SHA256 over
/// the site and counter, a template picked by the seed).
enum SprigPasswords {
    static let masterPasswordSeed = Array("com.lyndir.masterpassword".utf8)

    static let templates: [String: [String]] = [
        "maximum": ["anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"],
        "long": [
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
            "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
            "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
            "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
            "CvccCvcvCvccno",
        ],
        "medium": ["CvcnoCvc", "CvcCvcno"],
        "short": ["Cvcn"],
        "basic": ["aaanaaan", "aannaaan", "aaannaaa"],
        "pin": ["nnnn"],
    ]

    static let characterClasses: [UInt8: [UInt8]] = [
        UInt8(ascii: "V"): Array("AEIOU".utf8),
        UInt8(ascii: "C"): Array("BCDFGHJKLMNPQRSTVWXYZ".utf8),
        UInt8(ascii: "v"): Array("aeiou".utf8),
        UInt8(ascii: "c"): Array("bcdfghjklmnpqrstvwxyz".utf8),
        UInt8(ascii: "A"): Array("AEIOUBCDFGHJKLMNPQRSTVWXYZ".utf8),
        UInt8(ascii: "a"): Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz".utf8),
        UInt8(ascii: "n"): Array("0123456789".utf8),
        UInt8(ascii: "o"): Array("@&%?,=[]_:-+*$#!'^~;()/.".utf8),
        UInt8(ascii: "x"): Array("AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()".utf8),
    ]

    static func bigEndian(_ n: UInt32) -> [UInt8] {
        [UInt8(n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
    }

    /// Sprig's `derivePassword counter type password user site`.
    static func derivePassword(counter: UInt32, type: String, password: String, user: String, site: String) -> String {
        guard let candidates = templates[type] else { return "cannot find password template \(type)" }
        let userBytes = Array(user.utf8)
        let salt = masterPasswordSeed + bigEndian(UInt32(truncatingIfNeeded: userBytes.count)) + userBytes
        let key: [UInt8]
        do {
            key = try Scrypt.key(password: Array(password.utf8), salt: salt, n: 32768, r: 8, p: 2, length: 64)
        } catch {
            return "failed to derive password: \(error.description)"
        }
        let siteBytes = Array(site.utf8)
        let message = masterPasswordSeed + bigEndian(UInt32(truncatingIfNeeded: siteBytes.count)) + siteBytes + bigEndian(counter)
        let seed = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let template = Array(candidates[Int(seed[0]) % candidates.count].utf8)
        var out: [UInt8] = []
        for (i, c) in template.enumerated() {
            let chars = characterClasses[c] ?? []
            out.append(chars[Int(seed[i + 1]) % chars.count])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Sprig's `bcrypt`: failures come back as text, not errors.
    static func bcrypt(_ input: String) -> String {
        do {
            return try Bcrypt.hash(Array(input.utf8))
        } catch {
            return "failed to encrypt string with bcrypt: \(error.description)"
        }
    }
}
