import GoStd

/// A value of one of package time's named integer types, as `time.Time`'s
/// methods return them: `time.Month`, `time.Weekday` (kind `int`) and
/// `time.Duration` (kind `int64`). Each has a `String` method, which
/// `{{ }}`, `%v`, `%s` and `toString` use; `%d`, `toJson` and `toYaml` see
/// the integer.
public struct GoTimeInteger: GoObject, Hashable {
    /// Which named type the value has.
    public enum Kind: Sendable, Hashable {
        case month, weekday, duration
    }

    public var kind: Kind
    /// The integer (a month 1…12, a weekday 0 = Sunday, or nanoseconds).
    public var value: Int64

    public init(_ kind: Kind, _ value: Int64) {
        self.kind = kind
        self.value = value
    }

    public var goTypeName: String {
        switch kind {
        case .month: return "time.Month"
        case .weekday: return "time.Weekday"
        case .duration: return "time.Duration"
        }
    }

    public var goKind: String { kind == .duration ? "int64" : "int" }

    /// The `String` method: `March`, `Thursday`, `1h2m0s`; out-of-range
    /// months and weekdays print as `%!Month(13)`.
    public var goFormatted: String {
        switch kind {
        case .month:
            return (1...12).contains(value) ? GoLayout.longMonthNames[Int(value) - 1] : "%!Month(\(value))"
        case .weekday:
            return (0...6).contains(value) ? GoLayout.longDayNames[Int(value)] : "%!Weekday(\(value))"
        case .duration:
            return GoDuration.string(value)
        }
    }

    public var isTruthy: Bool { value != 0 }

    public var goFmtForm: GoFmtForm { .integer(value, stringer: goFormatted) }
}

extension GoTimeInteger: GoJSONEncodable {
    /// encoding/json writes the integer.
    public var jsonValue: Value { .int(value, kind == .duration ? .int64 : .int) }
}

/// A Go `*time.Location`, as `Time.Location` returns it: prints its name,
/// and encoding/json writes `{}` (it has no exported fields). `eq` compares
/// locations by identity (name), as Go compares the pointers.
public struct GoLocationValue: GoObject, GoJSONEncodable, Hashable {
    /// The location.
    public var location: GoLocation

    public init(_ location: GoLocation) {
        self.location = location
    }

    public var goTypeName: String { "*time.Location" }
    public var goKind: String { "ptr" }
    public var goFormatted: String { location.name }
    public var goFmtForm: GoFmtForm { .stringer(location.name, goSyntax: nil) }
    public var jsonValue: Value { .map([:]) }
}
