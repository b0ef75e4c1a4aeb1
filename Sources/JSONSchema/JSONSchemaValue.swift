import GoStd
import Values

/// A JSON value as santhosh-tekuri/jsonschema sees it: schema documents
/// are decoded with `UseNumber` (numbers keep their literal text), and
/// Helm values arrive as Go `float64`/`int64`, whose `fmt.Sprint` text is
/// what the library compares (through `big.Rat`).
public indirect enum JSONSchemaValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONSchemaNumber)
    case string(String)
    case array([JSONSchemaValue])
    case object([String: JSONSchemaValue])
    /// A Go value that is no JSON type (its `%T` name).
    case invalid(String)

    /// The instance a Helm value becomes.
    init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let n, let kind):
            let text = kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n)
            self = .number(JSONSchemaNumber(text: text, decimal: SchemaDecimal(text) ?? SchemaDecimal()))
        case .float(let f): self = .number(JSONSchemaNumber(f))
        case .string(let s): self = .string(s.text)
        case .list(let items, _): self = .array(items.map(JSONSchemaValue.init))
        case .map(let m, _): self = .object(m.textKeyed.mapValues(JSONSchemaValue.init))
        case .object(let o): self = .invalid(o.goTypeName)
        }
    }

    /// The JSON type name (`typeOf` in the library); nil for `.invalid`.
    var typeName: String? {
        if case .invalid = self { return nil }
        return schemaView.typeName
    }

    var objectValue: [String: JSONSchemaValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    var arrayValue: [JSONSchemaValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    var numberValue: JSONSchemaNumber? {
        if case .number(let n) = self { return n }
        return nil
    }

    /// The value at a JSON-pointer token path, if present.
    func lookup(_ tokens: [String]) -> JSONSchemaValue? {
        var current = self
        for token in tokens {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let index = Int(token), index >= 0, index < a.count else { return nil }
                current = a[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The library's `equals`: numbers compare by exact value, everything
    /// else structurally. Invalid values give their `%T` as an error.
    static func equal(_ a: JSONSchemaValue, _ b: JSONSchemaValue) -> Result<Bool, JSONSchemaInvalidType> {
        switch (a, b) {
        case (.invalid(let t), _): return .failure(JSONSchemaInvalidType(typeName: t))
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return .success(false) }
            for key in x.keys.sorted(by: goLess) {
                guard let xv = x[key], let yv = y[key] else { return .success(false) }
                let r = equal(xv, yv)
                if case .success(true) = r { continue }
                return r
            }
            return .success(true)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return .success(false) }
            for (xv, yv) in zip(x, y) {
                let r = equal(xv, yv)
                if case .success(true) = r { continue }
                return r
            }
            return .success(true)
        case (.null, .null): return .success(true)
        case (.bool(let x), .bool(let y)): return .success(x == y)
        case (.string(let x), .string(let y)): return .success(x == y)
        case (.number(let x), .number(let y)): return .success(x.decimal == y.decimal)
        default: return .success(false)
        }
    }

    /// `fmt.Sprintf("%v", v)` of a primitive, as `display` prints enum and
    /// const values (strings quoted with ``jsonSchemaQuote(_:)``).
    var display: String {
        switch self {
        case .string(let s): return jsonSchemaQuote(s)
        case .array, .object: return "value"
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .invalid(let t): return t
        }
    }
}

/// A value of a Go type that is no JSON type (`kind.InvalidJsonValue`).
struct JSONSchemaInvalidType: Error, Sendable {
    var typeName: String
}

/// A number with its text (`json.Number` literal or `fmt.Sprint` of a Go
/// number) and its exact decimal value.
public struct JSONSchemaNumber: Sendable {
    var text: String
    var decimal: SchemaDecimal

    init(text: String, decimal: SchemaDecimal) {
        self.text = text
        self.decimal = decimal
    }

    /// A Go float64 as `fmt.Sprint` prints it and `big.Rat` reads it back.
    init(_ value: Double) {
        text = GoFloat.formatG(value)
        if value == 0 || !value.isFinite {
            decimal = SchemaDecimal()
        } else {
            let (digits, point) = GoFloat.shortestDigits(value)
            decimal = SchemaDecimal(negative: value < 0, digits: digits, exponent: point)
        }
    }

    /// The nearest float64 (`big.Rat.Float64`).
    var double: Double { Double(text) ?? decimal.double }
}

/// An exact decimal `±0.d1d2…dn × 10^exponent` (no leading or trailing
/// zero digits; zero has no digits), standing in for Go's `big.Rat` of a
/// decimal literal.
struct SchemaDecimal: Sendable, Equatable, Comparable {
    var negative = false
    var digits: [UInt8] = []
    var exponent = 0

    init() {}

    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var d = digits
        var e = exponent
        while let first = d.first, first == 0 { d.removeFirst(); e -= 1 }
        while let last = d.last, last == 0 { d.removeLast() }
        self.negative = negative && !d.isEmpty
        self.digits = d
        self.exponent = d.isEmpty ? 0 : e
    }

    /// Parses a JSON number or Go float text (`-1.5e+06`); nil if malformed.
    init?(_ text: String) {
        var chars = Array(text.utf8)
        var negative = false
        if let first = chars.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            chars.removeFirst()
        }
        var exp = 0
        if let e = chars.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            guard let x = Int(String(decoding: chars[(e + 1)...], as: UTF8.self)) else { return nil }
            exp = x
            chars = Array(chars[..<e])
        }
        var digits: [UInt8] = []
        var point: Int?
        for c in chars {
            if c == UInt8(ascii: ".") {
                guard point == nil else { return nil }
                point = digits.count
                continue
            }
            guard c >= 48, c <= 57 else { return nil }
            digits.append(c - 48)
        }
        guard !digits.isEmpty else { return nil }
        self.init(negative: negative, digits: digits, exponent: (point ?? digits.count) + exp)
    }

    var isZero: Bool { digits.isEmpty }

    /// Whether the value is an integer (`big.Rat.IsInt`).
    var isInteger: Bool { digits.count <= exponent || isZero }

    var double: Double {
        if isZero { return 0 }
        let text = (negative ? "-0." : "0.") + digits.map { String($0) }.joined() + "e\(exponent)"
        return Double(text) ?? 0
    }

    /// The value as an `Int` if it is an integer that fits (`intVal`).
    var intValue: Int? {
        guard isInteger else { return nil }
        if isZero { return 0 }
        guard exponent <= 18 else { return nil }
        var n = 0
        for i in 0..<exponent { n = n * 10 + Int(i < digits.count ? digits[i] : 0) }
        return negative ? -n : n
    }

    static func < (a: SchemaDecimal, b: SchemaDecimal) -> Bool {
        if a.negative != b.negative { return a.negative }
        let less = magnitudeLess(a, b)
        let greater = magnitudeLess(b, a)
        return a.negative ? greater : less
    }

    private static func magnitudeLess(_ a: SchemaDecimal, _ b: SchemaDecimal) -> Bool {
        if a.isZero || b.isZero { return a.isZero && !b.isZero }
        if a.exponent != b.exponent { return a.exponent < b.exponent }
        return a.digits.lexicographicallyPrecedes(b.digits)
    }

    /// Whether `self / divisor` is an integer (`multipleOf`). Exact when the
    /// divisor has at most 18 significant digits; beyond that it falls back
    /// to float64 arithmetic.
    func isMultiple(of divisor: SchemaDecimal) -> Bool {
        if isZero { return true }
        if divisor.isZero { return false }
        // self = A × 10^ea, divisor = B × 10^eb with A, B integers.
        let ea = exponent - digits.count
        let eb = divisor.exponent - divisor.digits.count
        var modulusDigits = divisor.digits
        var dividendZeros = 0
        if ea >= eb {
            dividendZeros = ea - eb
        } else {
            modulusDigits += Array(repeating: 0, count: eb - ea)
        }
        guard modulusDigits.count <= 18 else {
            let q = double / divisor.double
            return q == q.rounded()
        }
        var m: UInt64 = 0
        for d in modulusDigits { m = m * 10 + UInt64(d) }
        var r: UInt64 = 0
        func push(_ d: UInt8) {
            let (hi, lo) = r.multipliedFullWidth(by: 10)
            let (sum, overflow) = lo.addingReportingOverflow(UInt64(d))
            r = m.dividingFullWidth((hi + (overflow ? 1 : 0), sum)).remainder
        }
        for d in digits { push(d) }
        if dividendZeros > 0 {
            for _ in 0..<min(dividendZeros, 4096) where r != 0 { push(0) }
        }
        return r == 0
    }
}

/// The library's `quote`: Go `%q` with `\"` unescaped and `'` escaped,
/// inside single quotes.
func jsonSchemaQuote(_ s: String) -> String {
    let q = GoQuote.quote(s)
    let inner = String(q.dropFirst().dropLast())
    return "'" + inner.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "'", with: "\\'") + "'"
}

/// Number printing through golang.org/x/text/message with the English
/// printer, as the library's messages do it: `%d` groups thousands
/// (`1,500`); `%v` of a float64 uses the shortest digits, switching to
/// `d.ddd×10ⁿⁿ` (superscript exponent, at least two digits) when the
/// exponent is below -4 or at least 6.
enum SchemaNumberText {
    static func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(String(n.magnitude))
    }

    static func float(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-∞" : "∞" }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let (digits, point) = GoFloat.shortestDigits(value)
        let text = digits.map { String($0) }
        let exp = point - 1
        if exp < -4 || exp >= 6 {
            var mantissa = text[0]
            if text.count > 1 { mantissa += "." + text[1...].joined() }
            let e = String(abs(exp))
            let padded = e.count < 2 ? "0" + e : e
            return sign + mantissa + "×10" + superscript((exp < 0 ? "-" : "") + padded)
        }
        var integerPart: String
        var fraction = ""
        if point <= 0 {
            integerPart = "0"
            fraction = String(repeating: "0", count: -point) + text.joined()
        } else if point >= text.count {
            integerPart = text.joined() + String(repeating: "0", count: point - text.count)
        } else {
            integerPart = text[..<point].joined()
            fraction = text[point...].joined()
        }
        integerPart = grouped(integerPart)
        return sign + integerPart + (fraction.isEmpty ? "" : "." + fraction)
    }

    private static func grouped(_ digits: String) -> String {
        let chars = Array(digits)
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0, (chars.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    private static func superscript(_ s: String) -> String {
        let map: [Character: String] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                        "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return s.map { map[$0] ?? String($0) }.joined()
    }
}
