import GoStd
import Values

/// The exported methods of package time's types that templates can call,
/// with their Go signatures (a `time.Duration` parameter takes an integer
/// literal; `Date`, `Clock`, `Zone`, `ISOWeek` and `ZoneBounds` fail the
/// way text/template fails for their several results).
extension GoTime: GoMethodProvider {
    static let timeType = GoType.named("time.Time")
    static let durationType = GoType.namedInt("time.Duration")
    static let bytesType = GoType.named("[]uint8")

    /// The time argument of `Before`, `Sub`… (checked by the executor).
    static func time(_ v: Value) -> GoTime {
        if case .object(let t as GoTime) = v { return t }
        return .zero
    }

    /// A `time.Duration` argument: a duration value or a converted literal.
    static func nanos(_ v: Value) -> Int64 {
        switch v {
        case .object(let d as GoTimeInteger): return d.value
        case .int(let n, _): return n
        default: return 0
        }
    }

    static func duration(_ d: Int64) -> Value { .object(GoTimeInteger(.duration, d)) }

    private func getter(_ result: GoType, _ value: @escaping @Sendable (GoTime) -> Value) -> TemplateFunction {
        let t = self
        return TemplateFunction([], returns: result) { _, _ in value(t) }
    }

    private func marshal(_ method: String, quoted: Bool, prefix: [UInt8] = []) throws(GoError) -> Value {
        if let problem = jsonProblem { throw GoError("Time.\(method): \(problem)") }
        let text = quoted ? "\"\(rfc3339Nano)\"" : rfc3339Nano
        return .object(GoBytes(prefix + Array(text.utf8)))
    }

    private static func bytes(_ v: Value) -> [UInt8] {
        if case .object(let b as GoBytes) = v { return b.bytes }
        return []
    }

    public func method(_ name: String) -> TemplateFunction? {
        let t = self
        switch name {
        case "String": return getter(.string) { .string($0.goFormatted) }
        case "GoString": return getter(.string) { .string($0.goSyntax) }
        case "IsZero": return getter(.bool) { .bool($0.isZero) }
        case "IsDST": return getter(.bool) { .bool($0.isDST) }
        case "Year": return getter(.int) { .int(Int($0.components.year)) }
        case "Month": return getter(.named("time.Month")) { .object(GoTimeInteger(.month, Int64($0.components.month))) }
        case "Day": return getter(.int) { .int($0.components.day) }
        case "Hour": return getter(.int) { .int($0.components.hour) }
        case "Minute": return getter(.int) { .int($0.components.minute) }
        case "Second": return getter(.int) { .int($0.components.second) }
        case "Nanosecond": return getter(.int) { .int(Int($0.nanoseconds)) }
        case "Weekday": return getter(.named("time.Weekday")) { .object(GoTimeInteger(.weekday, Int64($0.weekday))) }
        case "YearDay": return getter(.int) { .int($0.yearDay) }
        case "Unix": return getter(.int64) { .int($0.seconds, .int64) }
        case "UnixMilli": return getter(.int64) { .int($0.unixMilli, .int64) }
        case "UnixMicro": return getter(.int64) { .int($0.unixMicro, .int64) }
        case "UnixNano": return getter(.int64) { .int($0.unixNano, .int64) }
        case "UTC": return getter(Self.timeType) { .object($0.inUTC) }
        case "Local": return getter(Self.timeType) { .object(GoLocation.local.convert($0)) }
        case "Location":
            return getter(.named("*time.Location")) { .object(GoLocationValue($0.location ?? .utc)) }
        case "MarshalJSON":
            return TemplateFunction([], returns: Self.bytesType) { _, _ in try t.marshal("MarshalJSON", quoted: true) }
        case "MarshalText":
            return TemplateFunction([], returns: Self.bytesType) { _, _ in try t.marshal("MarshalText", quoted: false) }
        case "MarshalBinary", "GobEncode":
            return TemplateFunction([], returns: Self.bytesType) { _, _ in .object(GoBytes(try t.binaryEncoding())) }
        case "AppendText":
            return TemplateFunction([Self.bytesType], returns: Self.bytesType) { a, _ in
                try t.marshal("AppendText", quoted: false, prefix: Self.bytes(a[0]))
            }
        case "AppendBinary":
            return TemplateFunction([Self.bytesType], returns: Self.bytesType) { a, _ in
                .object(GoBytes(try t.binaryEncoding(prefix: Self.bytes(a[0]))))
            }
        case "AppendFormat":
            return TemplateFunction([Self.bytesType, .string], returns: Self.bytesType) { a, _ in
                .object(GoBytes(Self.bytes(a[0]) + Array(t.format(a[1].stringValue ?? "").utf8)))
            }
        case "Format":
            return TemplateFunction([.string], returns: .string) { a, _ in .string(t.format(a[0].stringValue ?? "")) }
        case "Add":
            return TemplateFunction([Self.durationType], returns: Self.timeType) { a, _ in .object(t.adding(nanos: Self.nanos(a[0]))) }
        case "Sub":
            return TemplateFunction([Self.timeType], returns: Self.durationType) { a, _ in Self.duration(t.since(Self.time(a[0]))) }
        case "AddDate":
            return TemplateFunction([.int, .int, .int], returns: Self.timeType) { a, _ in
                func n(_ v: Value) -> Int64 { if case .int(let x, _) = v { return x }; return 0 }
                return .object(t.addingDate(years: n(a[0]), months: n(a[1]), days: n(a[2])))
            }
        case "Before": return TemplateFunction([Self.timeType], returns: .bool) { a, _ in .bool(t.compare(Self.time(a[0])) < 0) }
        case "After": return TemplateFunction([Self.timeType], returns: .bool) { a, _ in .bool(t.compare(Self.time(a[0])) > 0) }
        case "Equal": return TemplateFunction([Self.timeType], returns: .bool) { a, _ in .bool(t.compare(Self.time(a[0])) == 0) }
        case "Compare": return TemplateFunction([Self.timeType], returns: .int) { a, _ in .int(t.compare(Self.time(a[0]))) }
        case "Truncate":
            return TemplateFunction([Self.durationType], returns: Self.timeType) { a, _ in .object(t.truncated(Self.nanos(a[0]))) }
        case "Round":
            return TemplateFunction([Self.durationType], returns: Self.timeType) { a, _ in .object(t.rounded(Self.nanos(a[0]))) }
        case "In":
            return TemplateFunction([.named("*time.Location")], returns: Self.timeType) { a, _ in
                guard case .object(let l as GoLocationValue) = a[0] else {
                    throw GoError("time: missing Location in call to Time.In")
                }
                return .object(l.location.convert(t))
            }
        case "Date", "Clock":
            return TemplateFunction([], uncallable: "function \(name) has 3 return values; should be 1 or 2")
        case "Zone", "ISOWeek":
            return TemplateFunction([], uncallable: "invalid function signature for \(name): second return value should be error; is int")
        case "ZoneBounds":
            return TemplateFunction([], uncallable: "invalid function signature for ZoneBounds: second return value should be error; is time.Time")
        default:
            return nil
        }
    }
}

extension GoTimeInteger: GoMethodProvider {
    /// `String` on all three; `time.Duration`'s conversions and rounding.
    public func method(_ name: String) -> TemplateFunction? {
        let v = self
        if name == "String" { return TemplateFunction([], returns: .string) { _, _ in .string(v.goFormatted) } }
        guard kind == .duration else { return nil }
        let d = value
        let second: Int64 = 1_000_000_000
        func float(_ unit: Int64) -> TemplateFunction {
            TemplateFunction([], returns: .float64) { _, _ in .float(Double(d / unit) + Double(d % unit) / Double(unit)) }
        }
        func integer(_ n: Int64) -> TemplateFunction { TemplateFunction([], returns: .int64) { _, _ in .int(n, .int64) } }
        let durationType = GoTime.durationType
        switch name {
        case "Nanoseconds": return integer(d)
        case "Microseconds": return integer(d / 1000)
        case "Milliseconds": return integer(d / 1_000_000)
        case "Seconds": return float(second)
        case "Minutes": return float(60 * second)
        case "Hours": return float(3600 * second)
        case "Abs":
            return TemplateFunction([], returns: durationType) { _, _ in GoTime.duration(d >= 0 ? d : d == .min ? .max : -d) }
        case "Truncate":
            return TemplateFunction([durationType], returns: durationType) { a, _ in
                let m = GoTime.nanos(a[0])
                return GoTime.duration(m <= 0 ? d : d - d % m)
            }
        case "Round":
            return TemplateFunction([durationType], returns: durationType) { a, _ in GoTime.duration(GoDuration.round(d, GoTime.nanos(a[0]))) }
        default:
            return nil
        }
    }
}

extension GoLocationValue: GoMethodProvider {
    /// `String`: the location's name.
    public func method(_ name: String) -> TemplateFunction? {
        guard name == "String" else { return nil }
        let text = location.name
        return TemplateFunction([], returns: .string) { _, _ in .string(text) }
    }
}
