/// go-yaml's choice of style for a Go string (`encode.go`, `stringv`): a
/// string that would read back as something else when written plain gets
/// double quotes; one with a line feed gets a literal block.
public enum EmitStringStyle {
    /// The style go-yaml's encoder requests for the Go string `s` (the
    /// emitter may still fall back to another one).
    ///
    /// - v2: literal if `s` contains `\n`; else plain if `resolve("", s)`
    ///   gives `!!str` and `s` is no base-60 float; else double-quoted.
    /// - v3: the same, and YAML 1.1 booleans (`yes`, `off`, `y`…) are quoted too.
    public static func requestedStyle(for s: String, dialect: EmitDialect) -> EmitScalarStyle {
        let newline = s.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\n")) } ?? s.utf8.contains(UInt8(ascii: "\n"))
        if newline { return .literal }
        let canUsePlain = !resolvesToNonString(s) && !isBase60Float(s) && !(dialect == .v3 && isOldBool(s))
        return canUsePlain ? .plain : .doubleQuoted
    }

    /// Whether go-yaml's resolver (v2 and v3 agree for untagged text, once
    /// v3's `isOldBool` check is added) gives the plain scalar `s` a tag
    /// other than `!!str`: null, bool, int, float or timestamp.
    public static func resolvesToNonString(_ s: String) -> Bool {
        guard case .string? = try? ScalarResolver.resolve(tag: "", text: s, dialect: .v2) else { return true }
        return false
    }

    /// `isBase60Float`: `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
    public static func isBase60Float(_ s: String) -> Bool {
        guard let first = s.utf8.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || (first >= 48 && first <= 57) else { return false }
        let b = Array(s.utf8)
        var i = 0
        if i < b.count && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
        func digit(_ j: Int) -> Bool { j < b.count && b[j] >= 48 && b[j] <= 57 }
        guard digit(i) else { return false }
        i += 1
        while i < b.count && (digit(i) || b[i] == UInt8(ascii: "_")) { i += 1 }
        var groups = 0
        while i < b.count && b[i] == UInt8(ascii: ":") {
            i += 1
            // [0-5]?[0-9]
            if digit(i) && digit(i + 1) && b[i] <= UInt8(ascii: "5") {
                i += 2
            } else if digit(i) {
                i += 1
            } else {
                return false
            }
            groups += 1
        }
        guard groups > 0 else { return false }
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            while i < b.count && (digit(i) || b[i] == UInt8(ascii: "_")) { i += 1 }
        }
        return i == b.count
    }

    /// v3's `isOldBool`: the YAML 1.1 booleans v3 no longer resolves.
    public static func isOldBool(_ s: String) -> Bool {
        s.utf8.count <= 3 && oldBools.contains(s)
    }

    static let oldBools: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
        "n", "N", "no", "No", "NO", "off", "Off", "OFF",
    ]
}
