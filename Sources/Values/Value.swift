import GoStd

/// A Go dynamic value (`interface{}`) as Helm templates see it.
///
/// Go distinguishes its integer types (`int` from template literals and
/// `len`, `int64` from `--set`, `uint64` from big YAML integers), so integers
/// carry their ``IntKind``. Maps are reference types, as in Go: `set` and
/// `merge` mutate the map every holder sees.
///
/// Lists and maps are `[]interface{}` and `map[string]interface{}` unless
/// their second payload names another Go type (``GoSliceType``,
/// ``GoMapType``): Sprig's `[]string` results, `split`'s
/// `map[string]string`, Helm's `chartutil.Values`. The type is a property
/// of the value, not of the map: Helm's subchart `.Values` (a `Values`) and
/// the parent's `.Values.sub` (a plain map) share one ``GoMap``. Code that
/// does not care about Go's static types ignores it (`case .map(let m, _)`).
public enum Value: Sendable {
    case null
    case bool(Bool)
    /// A Go integer. Unsigned kinds above `Int64.max` keep their bit pattern.
    case int(Int64, IntKind)
    case float(Double)
    case string(GoString)
    case list([Value], GoSliceType = .interfaces)
    case map(GoMap, GoMapType = .interfaces)
    /// Anything else a template can hold: `.Files`, `.Capabilities`, times, bytes.
    indirect case object(any GoObject)

    /// A Go `int`.
    public static func int(_ n: Int) -> Value { .int(Int64(n), .int) }

    /// A Go string holding the UTF-8 encoding of `text`.
    @inlinable public static func string(_ text: String) -> Value { .string(GoString(text)) }

    /// A fresh Go `map[string]interface{}` holding `entries`.
    public static func map(_ entries: [String: Value]) -> Value { .map(GoMap(entries)) }

}

/// The Go integer types a value can have.
public enum IntKind: String, Sendable, Hashable {
    case int, int8, int16, int32, int64
    case uint, uint8, uint16, uint32, uint64

    /// Whether the kind is one of Go's unsigned integer types.
    public var isUnsigned: Bool {
        switch self {
        case .uint, .uint8, .uint16, .uint32, .uint64: return true
        default: return false
        }
    }
}

/// The Go type of a ``Value/list(_:_:)``: its element type, and whether it
/// is a nil slice (always empty; `toJson` writes `null`, `%#v` prints
/// `[]string(nil)`, and `deepEqual` tells it from an empty slice).
public struct GoSliceType: Sendable, Hashable {
    /// The element types Helm templates meet.
    public enum Element: UInt8, Sendable {
        /// `interface {}`: elements may be nil and are held as interfaces.
        case interface
        /// `string` (`splitList`, `regexFindAll`, `keys`…).
        case string
        /// `int` (`until`, `untilStep`).
        case int
        /// `[]interface {}` (`chunk`).
        case interfaceSlice
    }

    public var element: Element
    public var isNil: Bool

    public init(_ element: Element, isNil: Bool = false) {
        self.element = element
        self.isNil = isNil
    }

    /// `[]interface {}`.
    public static let interfaces = GoSliceType(.interface)
    /// `[]string`.
    public static let strings = GoSliceType(.string)
    /// `[]int`.
    public static let ints = GoSliceType(.int)
    /// `[][]interface {}`.
    public static let interfaceSlices = GoSliceType(.interfaceSlice)

    /// The same element type as a nil slice.
    public var asNil: GoSliceType { GoSliceType(element, isNil: true) }

    /// Whether elements sit in `interface{}` slots (so `index` and `range`
    /// give interfaces, and `%#v` prints a nil one as `interface {}(nil)`).
    @inlinable public var elementsAreInterfaces: Bool { element == .interface }

    /// The Go type name (`[]string`).
    public var goName: String {
        switch element {
        case .interface: return "[]interface {}"
        case .string: return "[]string"
        case .int: return "[]int"
        case .interfaceSlice: return "[][]interface {}"
        }
    }
}

/// The Go type of a ``Value/map(_:_:)``.
public enum GoMapType: UInt8, Sendable {
    /// `map[string]interface {}`.
    case interfaces
    /// `map[string]string` (Sprig's `split`).
    case strings
    /// Helm 3's `chartutil.Values` (`.Values`, `$`, `.Template`), a named
    /// `map[string]interface{}` with methods.
    case chartutilValues
    /// Helm 4's `common.Values`, the same type moved.
    case commonValues

    /// Whether values sit in `interface{}` slots (a missing key gives nil).
    @inlinable public var elementsAreInterfaces: Bool { self != .strings }

    /// Whether the type is `map[string]interface{}` underneath, so a
    /// parameter of that type accepts it (Go's assignability).
    @inlinable public var isInterfaceMap: Bool { self != .strings }

    /// Whether the type has methods templates can call.
    @inlinable public var hasMethods: Bool { self == .chartutilValues || self == .commonValues }

    /// The Go type name (`map[string]string`).
    public var goName: String {
        switch self {
        case .interfaces: return "map[string]interface {}"
        case .strings: return "map[string]string"
        case .chartutilValues: return "chartutil.Values"
        case .commonValues: return "common.Values"
        }
    }
}

/// A Go `map[string]interface{}`: a shared, mutable table.
///
/// Instances are mutated only by template functions that mutate in Go
/// (`set`, `unset`, `merge`…) during one render; values shared across renders
/// are deep-copied first (``Value/deepCopy()``).
public final class GoMap: @unchecked Sendable {
    @exclusivity(unchecked) public var entries: [GoString: Value]

    public init(_ entries: [GoString: Value] = [:]) {
        self.entries = entries
    }

    /// A map holding `entries`, keys taken as the UTF-8 of their text.
    public convenience init(_ entries: [String: Value]) {
        var converted: [GoString: Value] = [:]
        converted.reserveCapacity(entries.count)
        for (k, v) in entries { converted[GoString(k)] = v }
        self.init(converted)
    }

    deinit {
        // Shallow trees are freed as Swift frees them; once that recursion
        // has used up the stack down to ``DeepStack/reserve``, or where lists
        // nest in lists (no map on the way to break the recursion up), a
        // loop takes over.
        if !entries.isEmpty && (!DeepStack.hasRoom() || entries.values.contains(where: \.nestsLists)) {
            ValueTeardown.release(&entries)
        }
    }

    public subscript(key: GoString) -> Value? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    public subscript(key: String) -> Value? {
        get { entries[GoString(key)] }
        set { entries[GoString(key)] = newValue }
    }

    public var count: Int { entries.count }

    /// Makes room for `capacity` entries.
    public func reserveCapacity(_ capacity: Int) { entries.reserveCapacity(capacity) }

    /// The entries keyed by their text, as a JSON round trip sees them
    /// (keys whose invalid bytes read the same keep the last in byte order).
    public var textKeyed: [String: Value] {
        var out: [String: Value] = [:]
        out.reserveCapacity(entries.count)
        for key in sortedKeys { out[key.text] = entries[key] }
        return out
    }

    /// Keys in byte order, the order Go's `fmt`, `range` and encoding/json use.
    public var sortedKeys: [GoString] { entries.keys.sorted() }
}

/// A value a template can hold that is none of the plain kinds.
public protocol GoObject: Sendable {
    /// The Go type name, as `%T` and `typeOf` print it (`time.Time`, `[]uint8`).
    var goTypeName: String { get }
    /// The Go kind name, as `kindOf` prints it (`struct`, `slice`, `map`).
    var goKind: String { get }
    /// What `%v` prints.
    var goFormatted: String { get }
    /// What `%+v` prints when it differs from `%v` (struct field names).
    var goFormattedWithFieldNames: String? { get }
    /// Go truthiness of the object.
    var isTruthy: Bool { get }
    /// How `fmt` verbs other than `%T` see the object (``GoFmtForm``);
    /// `.opaque` (`goFormatted` for `%v`) unless the type says otherwise.
    var goFmtForm: GoFmtForm { get }
    /// A field or zero-argument method, for `.Name` chains; nil when the
    /// type has no such member.
    func member(_ name: String) -> Value?
    /// Calls `body` with every value the object holds that a template can
    /// reach (through fields, `range` or functions); objects holding none
    /// need not implement it.
    func forEachHeldValue(_ body: (Value) -> Void)
}

extension GoObject {
    public func forEachHeldValue(_ body: (Value) -> Void) {}
    public var goKind: String { "struct" }
    public var isTruthy: Bool { true }
    public var goFmtForm: GoFmtForm { .opaque }
    public var goFormattedWithFieldNames: String? { nil }
    public func member(_ name: String) -> Value? { nil }
}

extension Value {
    /// Go truthiness as `if`, `with`, `and`, `or` and `not` see it.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let n, _): return n != 0
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .list(let l, _): return !l.isEmpty
        case .map(let m, _): return m.count > 0
        case .object(let o): return o.isTruthy
        }
    }

    /// A copy that shares no map with `self` (Go types kept).
    public func deepCopy() -> Value {
        switch self {
        case .list(let l, let t):
            // A Swift array is a value: only the maps and lists inside need copies.
            guard l.contains(where: \.isContainer) else { return self }
            return DeepStack.withRoom { .list(l.map { $0.deepCopy() }, t) }
        case .map(let m, let t):
            // Entries without containers are shared until either side changes (copy on write).
            guard m.entries.values.contains(where: \.isContainer) else { return .map(GoMap(m.entries), t) }
            return DeepStack.withRoom { .map(GoMap(m.entries.mapValues { $0.deepCopy() }), t) }
        default: return self
        }
    }

    /// The Go type name (`%T`, `typeOf`).
    public var goTypeName: String {
        switch self {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int(_, let kind): return kind.rawValue
        case .float: return "float64"
        case .string: return "string"
        case .list(_, let t): return t.goName
        case .map(_, let t): return t.goName
        case .object(let o): return o.goTypeName
        }
    }

    /// The Go reflect kind name (`kindOf`).
    public var goKind: String {
        switch self {
        case .null: return "invalid"
        case .bool: return "bool"
        case .int(_, let kind): return kind.rawValue
        case .float: return "float64"
        case .string: return "string"
        case .list: return "slice"
        case .map: return "map"
        case .object(let o): return o.goKind
        }
    }

    /// The string as Swift text, if this is one (invalid UTF-8 read as
    /// U+FFFD); see ``goStringValue`` for its bytes.
    public var stringValue: String? {
        if case .string(let s) = self { return s.text }
        return nil
    }

    /// The Go string, if this is one.
    @inlinable public var goStringValue: GoString? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The map, if this is one.
    public var mapValue: GoMap? {
        if case .map(let m, _) = self { return m }
        return nil
    }

    /// The list, if this is one.
    public var listValue: [Value]? {
        if case .list(let l, _) = self { return l }
        return nil
    }
}
