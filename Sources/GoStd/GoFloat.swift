/// Formatting of float64 values the way Go's strconv does it.
public enum GoFloat {
    /// The shortest decimal digits that round-trip `value` (`value` finite,
    /// non-zero, sign ignored) and the decimal point position: the value is
    /// `0.d1d2d3… × 10^point`.
    public static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        digits(of: abs(value).description)
    }

    /// Reads Swift's shortest round-trip text (`123.45`, `1.2345e+20`) back
    /// into digits and decimal point position.
    static func digits(of description: String) -> (digits: [UInt8], point: Int) {
        var text = Array(description.utf8)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
            text = Array(text[..<e])
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for c in text {
            if c == UInt8(ascii: ".") { seenPoint = true; continue }
            digits.append(c - UInt8(ascii: "0"))
            if !seenPoint { point += 1 }
        }
        // Strip leading zeros (0.001 → digits 1, point -2).
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        return (digits, point + exponent)
    }

    /// `strconv.FormatFloat(f, 'g', -1, 64)`, which is also what `%v` prints.
    public static func formatG(_ value: Double) -> String {
        if let special = special(value) { return special }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        // Below 1e6 (Go's switch to exponent form), an integer is its digits.
        if abs(value) < 1e6, let integral = integralText(value) { return integral }
        let (digits, point) = shortestDigits(value)
        let exp = point - 1
        let sign = value < 0 ? "-" : ""
        if exp < -4 || exp >= 6 {
            return sign + eNotation(digits, exp: exp, minExpDigits: 2)
        }
        return sign + fNotation(digits, point: point)
    }

    /// `strconv.FormatFloat(f, 'g', -1, 32)`: the shortest float32 digits.
    public static func formatG32(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = digits(of: abs(value).description)
        let exp = point - 1
        let sign = value < 0 ? "-" : ""
        if exp < -4 || exp >= 6 { return sign + eNotation(digits, exp: exp, minExpDigits: 2) }
        return sign + fNotation(digits, point: point)
    }

    /// Go encoding/json's float64 text: `'f'` form unless the exponent is
    /// below -6 or at least 21, then `'e'` form with `e-07` cleaned to `e-7`.
    public static func formatJSON(_ value: Double) -> String? {
        if value.isNaN || value.isInfinite { return nil }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if let integral = integralText(value) { return integral }
        let (digits, point) = shortestDigits(value)
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude < 1e-6 || magnitude >= 1e21 {
            return sign + eNotation(digits, exp: point - 1, minExpDigits: 1)
        }
        return sign + fNotation(digits, point: point)
    }

    /// The decimal text of a whole number below 2^53 in magnitude, where
    /// every integer is a distinct double, so its shortest round-trip
    /// digits are exactly its own; nil for anything else.
    static func integralText(_ value: Double) -> String? {
        guard abs(value) < 9_007_199_254_740_992, value.rounded(.towardZero) == value else { return nil }
        return String(Int64(value))
    }

    static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    static func eNotation(_ digits: [UInt8], exp: Int, minExpDigits: Int) -> String {
        var out = String(Character(Unicode.Scalar(digits[0] + 48)))
        if digits.count > 1 {
            out += "."
            for d in digits.dropFirst() { out.append(Character(Unicode.Scalar(d + 48))) }
        }
        out += exp < 0 ? "e-" : "e+"
        var e = String(abs(exp))
        while e.count < minExpDigits { e = "0" + e }
        return out + e
    }

    static func fNotation(_ digits: [UInt8], point: Int) -> String {
        var out = ""
        if point <= 0 {
            out = "0." + String(repeating: "0", count: -point)
            for d in digits { out.append(Character(Unicode.Scalar(d + 48))) }
            return out
        }
        for i in 0..<max(point, digits.count) {
            if i == point { out += "." }
            out.append(i < digits.count ? Character(Unicode.Scalar(digits[i] + 48)) : "0")
        }
        return out
    }
}
