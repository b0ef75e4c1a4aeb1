import Foundation
import GoRegexp
import GoStd
import GoTemplate
import Semver
import Values

extension Sprig {
    /// The text part of the library (see docs/functions.md): regular
    /// expressions, dates and durations, semver, URLs, paths and the
    /// case/wrap helpers. Semver errors follow Masterminds/semver v3.5.0.

    /// The text functions with the semver behaviour of `semver`.
    public static func textFunctions(semver: SemverDialect) -> [String: TemplateFunction] {
        var f = regexFunctions
        f.merge(dateFunctions) { _, new in new }
        f.merge(stringFunctions) { _, new in new }
        f.merge(semverFunctions(semver)) { _, new in new }
        return f
    }

    private static func str(_ v: Value) -> String { v.stringValue ?? "" }

    private static func int(_ v: Value) -> Int {
        if case .int(let n, _) = v { return Int(truncatingIfNeeded: n) }
        return 0
    }

    /// A Go `[]string` result; nil is Go's nil slice.
    private static func strings(_ list: [String]?) -> Value {
        guard let list else { return .list([], GoSliceType.strings.asNil) }
        return CoreConvert.stringList(list)
    }

    // MARK: regexp

    /// Compiles for the `must…` variants (the error is returned).
    private static func compile(_ pattern: String) throws -> GoRegexp {
        do { return try GoRegexp.cached(pattern) } catch { throw GoError(error.description) }
    }

    /// Compiles as `regexp.MustCompile` (the panic text is returned).
    private static func mustCompile(_ pattern: String) throws -> GoRegexp {
        do { return try GoRegexp.cached(pattern) } catch { throw GoError(GoRegexp.mustCompileMessage(pattern, error)) }
    }

    private static var regexFunctions: [String: TemplateFunction] {
        let ss: [GoType] = [.string, .string]
        return [
            "regexMatch": TemplateFunction(ss, returns: .bool) { a, _ in
                .bool((try? GoRegexp.cached(str(a[0])))?.matches(str(a[1])) ?? false)
            },
            "mustRegexMatch": TemplateFunction(ss, returns: .bool) { a, _ in .bool(try compile(str(a[0])).matches(str(a[1]))) },
            "regexFindAll": TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                strings(try mustCompile(str(a[0])).findAll(str(a[1]), int(a[2])))
            },
            "mustRegexFindAll": TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                strings(try compile(str(a[0])).findAll(str(a[1]), int(a[2])))
            },
            "regexFind": TemplateFunction(ss, returns: .string) { a, _ in .string(try mustCompile(str(a[0])).find(str(a[1]))) },
            "mustRegexFind": TemplateFunction(ss, returns: .string) { a, _ in .string(try compile(str(a[0])).find(str(a[1]))) },
            "regexReplaceAll": TemplateFunction(ss + [.string], returns: .string) { a, _ in
                .string(try mustCompile(str(a[0])).replaceAll(str(a[1]), with: str(a[2]), literal: false))
            },
            "mustRegexReplaceAll": TemplateFunction(ss + [.string], returns: .string) { a, _ in
                .string(try compile(str(a[0])).replaceAll(str(a[1]), with: str(a[2]), literal: false))
            },
            "regexReplaceAllLiteral": TemplateFunction(ss + [.string], returns: .string) { a, _ in
                .string(try mustCompile(str(a[0])).replaceAll(str(a[1]), with: str(a[2]), literal: true))
            },
            "mustRegexReplaceAllLiteral": TemplateFunction(ss + [.string], returns: .string) { a, _ in
                .string(try compile(str(a[0])).replaceAll(str(a[1]), with: str(a[2]), literal: true))
            },
            "regexSplit": TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                strings(try mustCompile(str(a[0])).split(str(a[1]), int(a[2])))
            },
            "mustRegexSplit": TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                strings(try compile(str(a[0])).split(str(a[1]), int(a[2])))
            },
            "regexQuoteMeta": TemplateFunction([.string], returns: .string) { a, _ in .string(GoRegexp.quoteMeta(str(a[0]))) },
        ]
    }

    // MARK: dates

    private static let timeType = GoType.named("time.Time")

    /// The time Sprig's date functions take from an `interface{}`
    /// argument: a time, or int/int64/int32 epoch seconds, else now.
    private static func timeArgument(_ v: Value, int32: Bool = true) -> GoTime {
        switch v {
        case .object(let o as GoTime): return o
        case .int(let n, let kind) where kind == .int || kind == .int64 || (int32 && kind == .int32):
            return GoLocation.local.convert(GoTime(seconds: n))
        default: return now()
        }
    }

    /// The current time in `time.Local`.
    static func now() -> GoTime {
        let t = Double(ContinuousClockReference.unixNow())
        let secs = Int64(t.rounded(.down))
        return GoLocation.local.convert(GoTime(seconds: secs, nanoseconds: Int32((t - Double(secs)) * 1e9)))
    }

    private static func dateInZone(_ fmt: String, _ date: Value, _ zone: String) -> String {
        let loc = (try? GoLocation.load(zone)) ?? .utc
        return loc.convert(timeArgument(date)).format(fmt)
    }

    private static func sinceNanos(_ t: GoTime) -> Int64 {
        let n = now()
        let (s, o1) = (n.seconds - t.seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if o1 { return n.seconds > t.seconds ? Int64.max : Int64.min }
        return s &+ Int64(n.nanoseconds - t.nanoseconds)
    }

    private static var dateFunctions: [String: TemplateFunction] {
        let dateInZoneFn = TemplateFunction([.string, .any, .string], returns: .string) { a, _ in
            .string(dateInZone(str(a[0]), a[1], str(a[2])))
        }
        let mustDateModifyFn = TemplateFunction([.string, timeType], returns: timeType) { a, _ in
            guard case .object(let o as GoTime) = a[1] else { return a[1] }
            let d = try GoDuration.parse(str(a[0]))
            return .object(o.adding(nanos: d, in: o.zoneName == GoLocation.local.lookup(o.seconds).name ? GoLocation.local : nil))
        }
        let dateModifyFn = TemplateFunction([.string, timeType], returns: timeType) { a, _ in
            guard case .object(let o as GoTime) = a[1] else { return a[1] }
            guard let d = try? GoDuration.parse(str(a[0])) else { return a[1] }
            return .object(o.adding(nanos: d, in: o.zoneName == GoLocation.local.lookup(o.seconds).name ? GoLocation.local : nil))
        }
        return [
            "ago": TemplateFunction([.any], returns: .string) { a, _ in
                let t: GoTime
                switch a[0] {
                case .object(let o as GoTime): t = o
                case .int(let n, let k) where k == .int || k == .int64: t = GoTime(seconds: n)
                default: t = now()
                }
                return .string(GoDuration.string(GoDuration.round(sinceNanos(t), 1_000_000_000)))
            },
            "date": TemplateFunction([.string, .any], returns: .string) { a, _ in .string(dateInZone(str(a[0]), a[1], "Local")) },
            "dateInZone": dateInZoneFn,
            "date_in_zone": dateInZoneFn,
            "htmlDate": TemplateFunction([.any], returns: .string) { a, _ in .string(dateInZone("2006-01-02", a[0], "Local")) },
            "htmlDateInZone": TemplateFunction([.any, .string], returns: .string) { a, _ in
                .string(dateInZone("2006-01-02", a[0], str(a[1])))
            },
            "dateModify": dateModifyFn,
            "hello": TemplateFunction([], returns: .string) { _, _ in .string("Hello!") },
            "date_modify": dateModifyFn,
            "mustDateModify": mustDateModifyFn,
            "must_date_modify": mustDateModifyFn,
            "duration": TemplateFunction([.any], returns: .string) { a, _ in
                var n: Int64 = 0
                switch a[0] {
                case .string(let s): n = parseInt64Clamped(s)
                case .int(let v, .int64): n = v
                default: n = 0
                }
                return .string(GoDuration.string(n &* 1_000_000_000))
            },
            "durationRound": TemplateFunction([.any], returns: .string) { a, _ in
                var d: Int64 = 0
                switch a[0] {
                case .string(let s): d = (try? GoDuration.parse(s)) ?? 0
                case .int(let v, .int64): d = v
                case .object(let o as GoTime): d = sinceNanos(o)
                default: d = 0
                }
                return .string(roundDuration(d))
            },
            "now": TemplateFunction([], returns: timeType) { _, _ in .object(now()) },
            "toDate": TemplateFunction([.string, .string], returns: timeType) { a, _ in
                .object((try? GoTimeParser.parse(str(a[0]), str(a[1]), in: .local)) ?? GoTime(seconds: -62_135_596_800))
            },
            "mustToDate": TemplateFunction([.string, .string], returns: timeType) { a, _ in
                .object(try GoTimeParser.parse(str(a[0]), str(a[1]), in: .local))
            },
            "unixEpoch": TemplateFunction([timeType], returns: .string) { a, _ in
                guard case .object(let o as GoTime) = a[0] else { return .string("") }
                return .string(String(o.seconds))
            },
        ]
    }

    /// `strconv.ParseInt(s, 10, 64)` keeping the clamped value on range errors, 0 on syntax errors.
    private static func parseInt64Clamped(_ s: String) -> Int64 {
        var body = Substring(s)
        var neg = false
        if let f = body.first, f == "+" || f == "-" {
            neg = f == "-"
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return 0 }
        if let v = Int64(s) { return v }
        return neg ? Int64.min : Int64.max
    }

    /// Sprig's `durationRound` buckets.
    private static func roundDuration(_ d: Int64) -> String {
        let u = d.magnitude
        let second: UInt64 = 1_000_000_000, minute = 60 * second, hour = 60 * minute, day = 24 * hour
        let month = 30 * day, year = 365 * day
        if u > year { return "\(u / year)y" }
        if u > month { return "\(u / month)mo" }
        if u > day { return "\(u / day)d" }
        if u > hour { return "\(u / hour)h" }
        if u > minute { return "\(u / minute)m" }
        if u > second { return "\(u / second)s" }
        return "0s"
    }

    // MARK: strings, paths, urls

    private static var stringFunctions: [String: TemplateFunction] {
        func s2s(_ f: @escaping @Sendable (String) -> String) -> TemplateFunction {
            TemplateFunction([.string], returns: .string) { a, _ in .string(f(str(a[0]))) }
        }
        let isAbs = TemplateFunction([.string], returns: .bool) { a, _ in .bool(str(a[0]).hasPrefix("/")) }
        return [
            "base": s2s(GoPath.base), "dir": s2s(GoPath.dir), "clean": s2s(GoPath.clean), "ext": s2s(GoPath.ext),
            "osBase": s2s(GoPath.base), "osDir": s2s(GoPath.dir), "osClean": s2s(GoPath.clean), "osExt": s2s(GoPath.ext),
            "isAbs": isAbs, "osIsAbs": isAbs,
            "title": s2s(TextStrings.title), "untitle": s2s(TextStrings.untitle),
            "camelcase": s2s(TextStrings.pascalCase),
            "snakecase": s2s { TextStrings.lowerCase($0, connector: "_") },
            "kebabcase": s2s { TextStrings.lowerCase($0, connector: "-") },
            "swapcase": s2s(TextStrings.swapCase), "initials": s2s(TextStrings.initials),
            "shuffle": s2s { s in String(String.UnicodeScalarView(s.unicodeScalars.shuffled())) },
            "abbrev": TemplateFunction([.int, .string], returns: .string) { a, _ in
                let width = int(a[0]), s = str(a[1])
                return .string(width < 4 ? s : TextStrings.abbreviate(s, offset: 0, maxWidth: width))
            },
            "abbrevboth": TemplateFunction([.int, .int, .string], returns: .string) { a, _ in
                let left = int(a[0]), right = int(a[1]), s = str(a[2])
                if right < 4 || (left > 0 && right < 7) { return .string(s) }
                return .string(TextStrings.abbreviate(s, offset: left, maxWidth: right))
            },
            "wrap": TemplateFunction([.int, .string], returns: .string) { a, _ in
                .string(TextStrings.wrap(str(a[1]), int(a[0]), newline: "", wrapLong: false))
            },
            "wrapWith": TemplateFunction([.int, .string, .string], returns: .string) { a, _ in
                .string(TextStrings.wrap(str(a[2]), int(a[0]), newline: str(a[1]), wrapLong: true))
            },
            "urlParse": TemplateFunction([.string], returns: .map) { a, _ in
                let u: GoURL
                do { u = try GoURL.parse(str(a[0])) } catch { throw GoError("unable to parse url: \(String(describing: error))") }
                return .map([
                    "scheme": .string(u.scheme), "host": .string(u.host), "hostname": .string(u.hostname),
                    "path": .string(u.path), "query": .string(u.rawQuery), "opaque": .string(u.opaque),
                    "fragment": .string(u.fragment), "userinfo": .string(u.userString),
                ])
            },
            "urlJoin": TemplateFunction([.map], returns: .string) { a, _ in
                let d = a[0].mapValue ?? GoMap()
                func get(_ k: String) throws -> String {
                    guard let v = d[k] else { return "" }
                    guard case .string(let s) = v else {
                        throw GoError("unable to parse \(k) key, must be of type string, but \(v.goKind) found")
                    }
                    return s
                }
                var u = GoURL()
                u.scheme = try get("scheme"); u.host = try get("host"); u.path = try get("path")
                u.rawQuery = try get("query"); u.opaque = try get("opaque"); u.fragment = try get("fragment")
                let info = try get("userinfo")
                if !info.isEmpty {
                    do { u.user = try GoURL.parse("proto://\(info)@host").user } catch {
                        throw GoError("unable to parse userinfo in dict: \(String(describing: error))")
                    }
                }
                return .string(u.string)
            },
        ]
    }

    // MARK: semver

    private static func semverFunctions(_ dialect: SemverDialect) -> [String: TemplateFunction] {
        [
            "semver": TemplateFunction([.string], returns: .named("*semver.Version")) { a, _ in
                .object(SemverObject(version: try SemverVersion(parsing: str(a[0]))))
            },
            "semverCompare": TemplateFunction([.string, .string], returns: .bool) { a, _ in
                let c = try SemverConstraints.cached(str(a[0]), dialect: dialect)
                let v = try SemverVersion(parsing: str(a[1]))
                return .bool(c.check(v))
            },
        ]
    }
}

/// Wall-clock time without Foundation's Date in the API.
enum ContinuousClockReference {
    static func unixNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
