/// Randomness from the system's cryptographically secure generator
/// (Go's `crypto/rand`).
public enum CryptoRandom {
    /// `count` random bytes (none for a negative count).
    public static func bytes(_ count: Int) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        return (0..<max(count, 0)).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
    }
}
