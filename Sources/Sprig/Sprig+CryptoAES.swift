import _CryptoExtras
import Crypto
import Foundation
import GoStd
import SprigCrypto
import Values

/// `encryptAES` / `decryptAES`: AES-256-CBC with the password zero-padded
/// (or cut) to 32 bytes as the key, PKCS#7 padding, a random IV in front
/// of the ciphertext, standard base64. Decryption strips as many bytes as
/// the last byte says without checking them, and fails the way Go's
/// slice expressions panic on malformed input.
enum SprigAES {
    static func key(_ password: String) -> SymmetricKey {
        var k = [UInt8](repeating: 0, count: 32)
        for (i, b) in password.utf8.prefix(32).enumerated() { k[i] = b }
        return SymmetricKey(data: k)
    }

    /// Sprig's `encryptAES`.
    static func encrypt(password: String, plaintext: String) throws -> String {
        if plaintext.isEmpty { return "" }
        var content = Array(plaintext.utf8)
        let padding = 16 - content.count % 16
        content += [UInt8](repeating: UInt8(padding), count: padding)
        let iv = CryptoRandom.bytes(16)
        let sealed = try AES._CBC.encrypt(content, using: key(password), iv: AES._CBC.IV(ivBytes: iv), noPadding: true)
        return GoBaseEncoding.base64Encode(iv + Array(sealed))
    }

    /// Sprig's `decryptAES`.
    static func decrypt(password: String, ciphertext: String) throws -> String {
        if ciphertext.isEmpty { return "" }
        let (crypt, capacity) = try GoBaseEncoding.base64Decode(ciphertext)
        if crypt.count < 16 {
            throw GoError("runtime error: slice bounds out of range [:16] with capacity \(capacity)")
        }
        let body = Array(crypt[16...])
        if body.count % 16 != 0 { throw GoError("crypto/cipher: input not full blocks") }
        let decrypted: [UInt8]
        if body.isEmpty {
            decrypted = []
        } else {
            decrypted = Array(try AES._CBC.decrypt(body, using: key(password), iv: AES._CBC.IV(ivBytes: crypt[0..<16]), noPadding: true))
        }
        guard let last = decrypted.last else { throw GoError("runtime error: index out of range [-1]") }
        let end = decrypted.count - Int(last)
        if end < 0 { throw GoError("runtime error: slice bounds out of range [:\(end)]") }
        return String(decoding: decrypted[..<end], as: UTF8.self)
    }
}
