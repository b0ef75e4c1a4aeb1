import GoStd
import GoTemplate
import Values

/// The Go conversions Sprig's core functions rely on: spf13/cast v1.7
/// (`ToInt`, `ToInt64`, `ToFloat64`), Sprig's `strval`/`strslice`, `empty`,
/// `reflect.DeepEqual`, and the reflect kinds list functions check.
enum CoreConvert {
    // MARK: spf13/cast

    /// `cast.ToInt64(v)` (and `cast.ToInt`, the same on 64-bit Go):
    /// numbers convert (floats truncate), strings parse with
    /// `strconv.ParseInt(s, 0, 0)` after trailing `.0…` is cut, bools are
    /// 0/1, `time.Month` and `time.Weekday` their number (cast knows those
    /// two; a `time.Duration` is 0), and anything else is 0.
    static func toInt64(_ v: Value) -> Int64 {
        switch v {
        case .int(let n, _): return n
        case .object(let o as GoTimeInteger) where o.kind != .duration: return o.value
        case .float(let f): return goFloatToInt64(f)
        case .string(let s): return GoParse.parseInt(trimZeroDecimal(s.text), base: 0) ?? 0
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    /// `cast.ToFloat64(v)`: numbers convert, strings parse with
    /// `strconv.ParseFloat(s, 64)`, bools are 0/1, months and weekdays
    /// their number, anything else is 0.
    static func toFloat64(_ v: Value) -> Double {
        switch v {
        case .int(let n, let kind): return kind.isUnsigned ? Double(UInt64(bitPattern: n)) : Double(n)
        case .object(let o as GoTimeInteger) where o.kind != .duration: return Double(o.value)
        case .float(let f): return f
        case .string(let s): return GoParse.parseFloat(s.text) ?? 0
        case .bool(let b): return b ? 1 : 0
        default: return 0
        }
    }

    /// Go's `int64(f)` on amd64: out-of-range values and NaN give the
    /// "integer indefinite" value `math.MinInt64`.
    static func goFloatToInt64(_ f: Double) -> Int64 {
        guard f.isFinite, f > -9_223_372_036_854_775_809.0, f < 9_223_372_036_854_775_808.0 else { return Int64.min }
        return Int64(f)
    }

    /// cast's `trimZeroDecimal`: `"12.00"` → `"12"`; `"12."` and `"1.5"` stay.
    static func trimZeroDecimal(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var foundZero = false
        var i = bytes.count
        while i > 0 {
            switch bytes[i - 1] {
            case UInt8(ascii: "."):
                if foundZero { return String(decoding: bytes[..<(i - 1)], as: UTF8.self) }
            case UInt8(ascii: "0"):
                foundZero = true
            default:
                return s
            }
            i -= 1
        }
        return s
    }

    // MARK: strings

    /// `fmt.Sprintf("%v", v)`.
    static func formatV(_ v: Value) -> GoString {
        switch v {
        case .string(let s): return s
        case .object: return GoFmt.sprintf("%v", [v])
        default: return GoFmt.goFormat(v)
        }
    }

    /// Sprig's `strval`: strings as they are, `[]byte` as text, a
    /// `Stringer`'s `String()`, anything else `%v` (`<nil>` for nil).
    static func strval(_ v: Value) -> GoString {
        if case .object(let o) = v {
            switch o.goFmtForm {
            case .bytes(let b): return GoString(bytes: b)
            case .stringer(let text, _), .integer(_, let text): return GoString(text)
            default: break
            }
        }
        return formatV(v)
    }

    /// Sprig's `strslice`: a list's non-nil elements through ``strval(_:)``;
    /// nil → `[]`; any other value → a one-element list.
    static func strslice(_ v: Value) -> [GoString] {
        switch v {
        case .null: return []
        case .list(let items, _): return items.compactMap { $0.isNull ? nil : strval($0) }
        default:
            if let items = sliceElements(v) { return items.map(strval) }
            return [strval(v)]
        }
    }

    /// A Go `[]string` result.
    static func stringList(_ items: [GoString]) -> Value {
        .list(items.map { .string($0) }, .strings)
    }

    // MARK: reflection

    /// The elements of a Go slice or array value (lists and `[]byte`), or
    /// nil when `v` is not of slice kind.
    static func sliceElements(_ v: Value) -> [Value]? {
        switch v {
        case .list(let items, _): return items
        case .object(let o):
            if case .bytes(let b) = o.goFmtForm { return b.map { .int(Int64($0), .uint8) } }
            if case .slice(_, let items) = o.goFmtForm { return items }
            return nil
        default: return nil
        }
    }

    /// `reflect.TypeOf(v).Kind()` as list functions use it: nil panics
    /// with Go's nil-dereference runtime error.
    static func kind(_ v: Value) throws -> String {
        if case .null = v { throw GoError(nilDereference) }
        return v.goKind
    }

    /// Go's runtime error for calling a method on a nil `reflect.Type`.
    static let nilDereference = "runtime error: invalid memory address or nil pointer dereference"

    /// Sprig's `empty`: the zero value of its type (nil, false, 0, "",
    /// empty list or map); structs are never empty.
    static func isEmpty(_ v: Value) -> Bool { !v.isTruthy }

    /// `reflect.DeepEqual(a, b)`: the same dynamic types and deeply equal
    /// contents (so `1` and `1.0` differ, and NaN differs from itself).
    static func deepEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x, let k1), .int(let y, let k2)): return k1 == k2 && x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.list(let x, let t1), .list(let y, let t2)):
            guard t1 == t2, x.count == y.count else { return false }
            for i in x.indices where !DeepStack.withRoom({ deepEqual(x[i], y[i]) }) { return false }
            return true
        case (.map(let x, let t1), .map(let y, let t2)):
            guard t1 == t2 else { return false }
            if x === y { return true }
            guard x.count == y.count else { return false }
            for (key, value) in x.entries {
                guard let other = y.entries[key], DeepStack.withRoom({ deepEqual(value, other) }) else { return false }
            }
            return true
        case (.object(let x), .object(let y)):
            return x.goTypeName == y.goTypeName && GoFmt.sprintf("%#v", [a]) == GoFmt.sprintf("%#v", [b])
        default:
            return false
        }
    }
}

extension Value {
    /// Whether this is Go's untyped nil.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
