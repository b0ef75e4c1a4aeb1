import GoStd

/// bcrypt (Provos and Mazières), as golang.org/x/crypto/bcrypt produces it:
/// version `$2a$`, a 16-byte salt, 23 of the 24 encrypted bytes encoded
/// with bcrypt's own base64 alphabet, the password's trailing NUL included
/// in the key, passwords over 72 bytes refused.
public enum Bcrypt {
    /// Go's `bcrypt.DefaultCost`.
    public static let defaultCost = 10


    static let alphabet = Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// `GenerateFromPassword(password, cost)` with a fresh random salt.
    public static func hash(_ password: [UInt8], cost: Int = defaultCost) throws(GoError) -> String {
        try hash(password, cost: cost, salt: CryptoRandom.bytes(16))
    }

    /// The hash for a given 16-byte salt (for tests and verification).
    public static func hash(_ password: [UInt8], cost: Int, salt: [UInt8]) throws(GoError) -> String {
        if password.count > 72 { throw GoError("bcrypt: password length exceeds 72 bytes") }
        let cost = cost < 4 ? defaultCost : cost
        if cost > 31 { throw GoError("crypto/bcrypt: cost \(cost) is outside allowed inclusive range 4..31") }
        let raw = rawHash(password, cost: cost, salt: salt)
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2a$\(costText)$" + encode(salt) + encode(Array(raw.prefix(23)))
    }

    /// Whether `hash` (a `$2a$`/`$2b$`/`$2y$` string) is the hash of `password`.
    public static func verify(_ password: [UInt8], hash: String) -> Bool {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0].isEmpty, let cost = Int(parts[2]), parts[3].utf8.count == 53,
              let salt = decode(Array(parts[3].utf8.prefix(22))), salt.count == 16 else { return false }
        let raw = rawHash(password, cost: cost, salt: salt)
        return encode(Array(raw.prefix(23))) == String(decoding: parts[3].utf8.suffix(31), as: UTF8.self)
    }

    /// bcrypt's base64: its own alphabet, no padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            var v: UInt32 = 0
            for k in 0..<3 { v = v << 8 | UInt32(k < n ? bytes[i + k] : 0) }
            for k in 0...n { out.append(alphabet[Int((v >> UInt32(18 - 6 * k)) & 63)]) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ chars: [UInt8]) -> [UInt8]? {
        var bits: UInt32 = 0
        var count = 0
        var out: [UInt8] = []
        for c in chars {
            guard let v = alphabet.firstIndex(of: c) else { return nil }
            bits = bits << 6 | UInt32(v)
            count += 6
            if count >= 8 {
                count -= 8
                out.append(UInt8(truncatingIfNeeded: bits >> UInt32(count)))
            }
        }
        return out
    }

    /// The 24 bytes of "OrpheanBeholderScryDoubt" encrypted 64 times under
    /// the expensive key schedule.
    static func rawHash(_ password: [UInt8], cost: Int, salt: [UInt8]) -> [UInt8] {
        let key = password + [0]
        var state = Blowfish(key: key, salt: salt)
        let rounds = 1 << UInt64(cost)
        for _ in 0..<rounds {
            state.expand(key: key)
            state.expand(key: salt)
        }
        var words: [UInt32] = []
        let magic = Array("OrpheanBeholderScryDoubt".utf8)
        for i in stride(from: 0, to: 24, by: 4) {
            words.append(UInt32(magic[i]) << 24 | UInt32(magic[i + 1]) << 16 | UInt32(magic[i + 2]) << 8 | UInt32(magic[i + 3]))
        }
        for i in stride(from: 0, to: 6, by: 2) {
            var l = words[i], r = words[i + 1]
            for _ in 0..<64 { (l, r) = state.encrypt(l, r) }
            words[i] = l
            words[i + 1] = r
        }
        return words.flatMap { w in [UInt8(w >> 24), UInt8(truncatingIfNeeded: w >> 16), UInt8(truncatingIfNeeded: w >> 8), UInt8(truncatingIfNeeded: w)] }
    }
}

/// Blowfish's state: P-array (words 0–17) then the four S-boxes.
struct Blowfish {
    var s: [UInt32]

    /// The salted key schedule (EksBlowfishSetup's first step).
    init(key: [UInt8], salt: [UInt8]) {
        s = BlowfishTables.p + BlowfishTables.s0 + BlowfishTables.s1 + BlowfishTables.s2 + BlowfishTables.s3
        schedule(key: key, salt: salt)
    }

    /// Blowfish's plain key schedule, as `blowfish.ExpandKey`.
    mutating func expand(key: [UInt8]) {
        schedule(key: key, salt: nil)
    }

    private static func nextWord(_ b: [UInt8], _ pos: inout Int) -> UInt32 {
        var w: UInt32 = 0
        for _ in 0..<4 {
            w = w << 8 | UInt32(b[pos])
            pos += 1
            if pos >= b.count { pos = 0 }
        }
        return w
    }

    private mutating func schedule(key: [UInt8], salt: [UInt8]?) {
        var j = 0
        for i in 0..<18 { s[i] ^= Blowfish.nextWord(key, &j) }
        var saltPos = 0
        var l: UInt32 = 0, r: UInt32 = 0
        s.withUnsafeMutableBufferPointer { st in
            var i = 0
            while i < 1042 {
                if let salt {
                    l ^= Blowfish.nextWord(salt, &saltPos)
                    r ^= Blowfish.nextWord(salt, &saltPos)
                }
                (l, r) = Blowfish.encrypt(UnsafeBufferPointer(st), l, r)
                st[i] = l
                st[i + 1] = r
                i += 2
            }
        }
    }

    func encrypt(_ l: UInt32, _ r: UInt32) -> (UInt32, UInt32) {
        s.withUnsafeBufferPointer { Blowfish.encrypt($0, l, r) }
    }

    @inline(__always)
    private static func encrypt(_ st: UnsafeBufferPointer<UInt32>, _ l: UInt32, _ r: UInt32) -> (UInt32, UInt32) {
        var xl = l ^ st[0]
        var xr = r
        var i = 1
        while i <= 16 {
            xr ^= f(st, xl) ^ st[i]
            xl ^= f(st, xr) ^ st[i + 1]
            i += 2
        }
        xr ^= st[17]
        return (xr, xl)
    }

    @inline(__always)
    private static func f(_ st: UnsafeBufferPointer<UInt32>, _ x: UInt32) -> UInt32 {
        let a = st[18 + Int(x >> 24)]
        let b = st[274 + Int((x >> 16) & 0xFF)]
        let c = st[530 + Int((x >> 8) & 0xFF)]
        let d = st[786 + Int(x & 0xFF)]
        return ((a &+ b) ^ c) &+ d
    }
}
