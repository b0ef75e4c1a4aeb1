import GoStd
import Values

/// Go's `reflect.DeepEqual` on two decoded values: types must match exactly
/// (`int` ≠ `int64` ≠ `float64`), NaN never equals itself, maps compare
/// key by key, lists item by item. Two `time.Time`s are equal when the
/// instant and the zone agree (the same instant in two zones differs).
public func goDeepEqual(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.null, .null):
        return true
    case (.bool(let x), .bool(let y)):
        return x == y
    case (.int(let x, let kx), .int(let y, let ky)):
        return x == y && kx == ky
    case (.float(let x), .float(let y)):
        return x == y
    case (.string(let x), .string(let y)):
        return x == y
    case (.list(let x, _), .list(let y, _)):
        return x.count == y.count && zip(x, y).allSatisfy { a, b in DeepStack.withRoom { goDeepEqual(a, b) } }
    case (.map(let x, _), .map(let y, _)):
        if x === y { return true }
        guard x.count == y.count else { return false }
        for (key, value) in x.entries {
            guard let other = y.entries[key], DeepStack.withRoom({ goDeepEqual(value, other) }) else { return false }
        }
        return true
    case (.object(let x), .object(let y)):
        if let tx = x as? GoTime, let ty = y as? GoTime {
            return tx == ty
        }
        return x.goTypeName == y.goTypeName && x.goFormatted == y.goFormatted
    default:
        return false
    }
}
