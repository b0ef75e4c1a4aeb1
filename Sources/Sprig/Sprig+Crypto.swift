import GoTemplate

extension Sprig {
    /// The crypto part of the library: hashes, base64/base32, bcrypt,
    /// `derivePassword`, AES, random values, keys and certificates.
    static var cryptoFunctions: [String: TemplateFunction] {
        var all = SprigCryptoBasics.functions
        for part in [SprigPasswords.functions, SprigAES.functions, SprigCertificateFunctions.functions] {
            all.merge(part) { _, new in new }
        }
        return all
    }
}
