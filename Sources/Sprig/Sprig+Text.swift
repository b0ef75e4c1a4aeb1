import Foundation
import GoRegexp
import GoStd
import GoTemplate
import Semver
import Values

extension Sprig {
    // The text part of the library: regular expressions, dates and
    // durations, semver, paths and URLs.

    /// A Go `string` argument.
    static func str(_ v: Value) -> String { v.stringValue ?? "" }

    /// A Go `int` argument.
    static func int(_ v: Value) -> Int {
        if case .int(let n, _) = v { return Int(truncatingIfNeeded: n) }
        return 0
    }

    /// A Go `[]string` result; nil is Go's nil slice.
    private static func strings(_ list: [GoString]?) -> Value {
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

    /// Regular expressions (regex.go), Go RE2 syntax.
    static var regexFamily: FunctionFamily {
        let ss: [GoType] = [.string, .string]
        return FunctionFamily(
            id: "sprig-regex", library: "Sprig", title: "Sprig: regular expressions",
            intro: "Go RE2 syntax. The plain functions panic on an invalid expression (`regexp.MustCompile`), the `must…` ones return the error; the texts differ.",
            [
                .init("regexMatch", "`regexMatch RE s`: whether RE (Go RE2 syntax) matches; an invalid RE gives false.",
                      TemplateFunction(ss, returns: .bool) { a, _ in
                          .bool((try? GoRegexp.cached(str(a[0])))?.matches(a[1].gostr) ?? false)
                      }),
                .init("mustRegexMatch", "Like `regexMatch`, but an invalid RE is an error.",
                      TemplateFunction(ss, returns: .bool) { a, _ in .bool(try compile(str(a[0])).matches(a[1].gostr)) }),
                .init("regexFind", #"`regexFind RE s`: the first match, or `""`."#,
                      TemplateFunction(ss, returns: .string) { a, _ in .string(try mustCompile(str(a[0])).find(a[1].gostr)) }),
                .init("mustRegexFind", "Like `regexFind`; an invalid RE is a returned error, not a panic.",
                      TemplateFunction(ss, returns: .string) { a, _ in .string(try compile(str(a[0])).find(a[1].gostr)) }),
                .init("regexFindAll", "`regexFindAll RE s N`: up to N matches (-1 for all), as a list.",
                      TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                          strings(try mustCompile(str(a[0])).findAll(a[1].gostr, int(a[2])))
                      }),
                .init("mustRegexFindAll", "Like `regexFindAll`; an invalid RE is a returned error.",
                      TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                          strings(try compile(str(a[0])).findAll(a[1].gostr, int(a[2])))
                      }),
                .init("regexReplaceAll", "`regexReplaceAll RE s REPL`: replaces with `$1` expansion; `$1W` means the group named `1W`, write `${1}W`.",
                      TemplateFunction(ss + [.string], returns: .string) { a, _ in
                          .string(try mustCompile(str(a[0])).replaceAll(a[1].gostr, with: a[2].gostr, literal: false))
                      }),
                .init("mustRegexReplaceAll", "Like `regexReplaceAll`; an invalid RE is a returned error.",
                      TemplateFunction(ss + [.string], returns: .string) { a, _ in
                          .string(try compile(str(a[0])).replaceAll(a[1].gostr, with: a[2].gostr, literal: false))
                      }),
                .init("regexReplaceAllLiteral", "`regexReplaceAllLiteral RE s REPL`: replaces without `$` expansion.",
                      TemplateFunction(ss + [.string], returns: .string) { a, _ in
                          .string(try mustCompile(str(a[0])).replaceAll(a[1].gostr, with: a[2].gostr, literal: true))
                      }),
                .init("mustRegexReplaceAllLiteral", "Like `regexReplaceAllLiteral`; an invalid RE is a returned error.",
                      TemplateFunction(ss + [.string], returns: .string) { a, _ in
                          .string(try compile(str(a[0])).replaceAll(a[1].gostr, with: a[2].gostr, literal: true))
                      }),
                .init("regexSplit", "`regexSplit RE s N`: splits around matches, at most N parts (-1 for all).",
                      TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                          strings(try mustCompile(str(a[0])).split(a[1].gostr, int(a[2])))
                      }),
                .init("mustRegexSplit", "Like `regexSplit`; an invalid RE is a returned error.",
                      TemplateFunction(ss + [.int], returns: .stringList) { a, _ in
                          strings(try compile(str(a[0])).split(a[1].gostr, int(a[2])))
                      }),
                .init("regexQuoteMeta", "Escapes the regular-expression metacharacters of a string.",
                      TemplateFunction([.string], returns: .string) { a, _ in .string(GoRegexp.quoteMeta(str(a[0]))) }),
            ]
        )
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

    /// Dates and durations (date.go), in the process time zone.
    static var dateFamily: FunctionFamily {
        FunctionFamily(
            id: "sprig-dates", library: "Sprig", title: "Sprig: dates and durations",
            intro: "Dates depend on the process time zone (`time.Local`).",
            [
                .init("now", "The current time (`time.Time`); never stable across renders.",
                      TemplateFunction([], returns: timeType) { _, _ in .object(now()) }.readingClockOrRandomness()),
                .init("date", "`date LAYOUT t`: formats a time, or epoch seconds (int/int64), with a Go layout (`2006-01-02`) in the local zone.",
                      TemplateFunction([.string, .any], returns: .string) { a, _ in .string(dateInZone(str(a[0]), a[1], "Local")) }.readingClockOrRandomness()),
                .init("dateInZone", "`dateInZone LAYOUT t ZONE`: `date` in the named IANA zone.",
                      TemplateFunction([.string, .any, .string], returns: .string) { a, _ in
                          .string(dateInZone(str(a[0]), a[1], str(a[2])))
                      }.readingClockOrRandomness()),
                .alias("date_in_zone", of: "dateInZone", "Old spelling of `dateInZone`."),
                .init("htmlDate", "The date as `2006-01-02`.",
                      TemplateFunction([.any], returns: .string) { a, _ in .string(dateInZone("2006-01-02", a[0], "Local")) }.readingClockOrRandomness()),
                .init("htmlDateInZone", "`htmlDateInZone t ZONE`: `htmlDate` in the named zone.",
                      TemplateFunction([.any, .string], returns: .string) { a, _ in
                          .string(dateInZone("2006-01-02", a[0], str(a[1])))
                      }.readingClockOrRandomness()),
                .init("dateModify", #"`dateModify "-1.5h" t`: t plus a Go duration; an unparsable duration returns t unchanged."#,
                      TemplateFunction([.string, timeType], returns: timeType) { a, _ in
                          guard case .object(let o as GoTime) = a[1] else { return a[1] }
                          guard let d = try? GoDuration.parse(str(a[0])) else { return a[1] }
                          return .object(o.adding(nanos: d))
                      }),
                .alias("date_modify", of: "dateModify", "Old spelling of `dateModify`."),
                .alias("must_date_modify", of: "mustDateModify", "Old spelling of `mustDateModify`."),
                .init("hello", "Returns `Hello!` (Sprig's smoke-test function).",
                      TemplateFunction([], returns: .string) { _, _ in .string("Hello!") }),
                .init("mustDateModify", "Like `dateModify`, but an invalid duration is an error.",
                      TemplateFunction([.string, timeType], returns: timeType) { a, _ in
                          guard case .object(let o as GoTime) = a[1] else { return a[1] }
                          let d = try GoDuration.parse(str(a[0]))
                          return .object(o.adding(nanos: d))
                      }),
                .init("toDate", "`toDate LAYOUT s`: parses in the local zone; a bad date gives the zero time, not an error.",
                      TemplateFunction([.string, .string], returns: timeType) { a, _ in
                          .object((try? GoTimeParser.parse(str(a[0]), str(a[1]), in: .local)) ?? GoTime.zero)
                      }),
                .init("mustToDate", "Like `toDate`, but a bad date is an error.",
                      TemplateFunction([.string, .string], returns: timeType) { a, _ in
                          .object(try GoTimeParser.parse(str(a[0]), str(a[1]), in: .local))
                      }),
                .init("unixEpoch", "Seconds since the Unix epoch of a time, as a string.",
                      TemplateFunction([timeType], returns: .string) { a, _ in
                          guard case .object(let o as GoTime) = a[0] else { return .string("") }
                          return .string(String(o.seconds))
                      }),
                .init("ago", "Time elapsed since t, rounded to seconds, as a Go duration string.",
                      TemplateFunction([.any], returns: .string) { a, _ in
                          let t: GoTime
                          switch a[0] {
                          case .object(let o as GoTime): t = o
                          case .int(let n, let k) where k == .int || k == .int64: t = GoTime(seconds: n)
                          default: t = now()
                          }
                          return .string(GoDuration.string(GoDuration.round(sinceNanos(t), 1_000_000_000)))
                      }.readingClockOrRandomness()),
                .init("duration", #"Seconds (an int64 or a numeric string) as a Go duration string; a template int literal gives `0s` (`duration 95` → `0s`, `duration "95"` → `1m35s`)."#,
                      TemplateFunction([.any], returns: .string) { a, _ in
                          var n: Int64 = 0
                          switch a[0] {
                          case .string(let s): n = parseInt64Clamped(s.text)
                          case .int(let v, .int64): n = v
                          default: n = 0
                          }
                          return .string(GoDuration.string(n &* 1_000_000_000))
                      }),
                .init("durationRound", "A duration (string, int64 nanoseconds or time) rounded to its largest unit (`2h10m5s` → `2h`, years `y`, months `mo`).",
                      TemplateFunction([.any], returns: .string) { a, _ in
                          var d: Int64 = 0
                          switch a[0] {
                          case .string(let s): d = (try? GoDuration.parse(s.text)) ?? 0
                          case .int(let v, .int64): d = v
                          case .object(let o as GoTime): d = sinceNanos(o)
                          default: d = 0
                          }
                          return .string(roundDuration(d))
                      }),
            ]
        )
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

    // MARK: paths, urls

    /// Slash-separated paths (`path` and `path/filepath` on Linux) and URLs
    /// (url.go, network.go); `urlStrictColons` as in ``Sprig/families(semver:urlStrictColons:)``.
    static func pathFamily(urlStrictColons: Bool) -> FunctionFamily {
        FunctionFamily(
            id: "sprig-paths", library: "Sprig", title: "Sprig: paths and URLs",
            [
                .init("base", "Last element of a slash-separated path (`path.Base`).",
                      stringToString(GoPath.base)),
                .init("dir", "All but the last element of the path (`path.Dir`).",
                      stringToString(GoPath.dir)),
                .init("clean", "Shortest equivalent path (`path.Clean`).",
                      stringToString(GoPath.clean)),
                .init("ext", "The extension, with its dot (`path.Ext`).",
                      stringToString(GoPath.ext)),
                .init("isAbs", "Whether the path starts with `/`.",
                      TemplateFunction([.string], returns: .bool) { a, _ in .bool(str(a[0]).hasPrefix("/")) }),
                .init("osBase", "`filepath.Base`; the same as `base` on Linux.",
                      stringToString(GoPath.base)),
                .init("osDir", "`filepath.Dir`; the same as `dir` on Linux.",
                      stringToString(GoPath.dir)),
                .init("osClean", "`filepath.Clean`; the same as `clean` on Linux.",
                      stringToString(GoPath.clean)),
                .init("osExt", "`filepath.Ext`; the same as `ext` on Linux.",
                      stringToString(GoPath.ext)),
                .alias("osIsAbs", of: "isAbs", "`filepath.IsAbs`; the same as `isAbs` on Linux."),
                .init("urlParse", "Parses a URL into a map with `scheme`, `host`, `hostname`, `path`, `query`, `opaque`, `fragment`, `userinfo`.",
                      TemplateFunction([.string], returns: .map) { a, _ in
                          let u: GoURL
                          do { u = try GoURL.parse(str(a[0]), strictColons: urlStrictColons) } catch { throw GoError("unable to parse url: \(String(describing: error))") }
                          return .map([
                              "scheme": .string(u.scheme), "host": .string(u.host), "hostname": .string(u.hostname),
                              "path": .string(u.path), "query": .string(u.rawQuery), "opaque": .string(u.opaque),
                              "fragment": .string(u.fragment), "userinfo": .string(u.userString),
                          ])
                      }),
                .init("urlJoin", "Builds a URL string from such a map (every present key must be a string).",
                      TemplateFunction([.map], returns: .string) { a, _ in
                          let d = a[0].mapValue ?? GoMap()
                          func get(_ k: String) throws -> String {
                              guard let v = d[k] else { return "" }
                              guard case .string(let s) = v else {
                                  throw GoError("unable to parse \(k) key, must be of type string, but \(v.goKind) found")
                              }
                              return s.text
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
                      }),
                .init("getHostByName", #"The address of a host name; chartunit never looks one up and gives `""`. Helm's own `getHostByName` replaces it."#,
                      stringToString { _ in "" }),
            ]
        )
    }

    // MARK: semver

    /// Semantic versions (semver.go) with the error texts of `dialect`.
    static func semverFamily(_ dialect: SemverDialect) -> FunctionFamily {
        FunctionFamily(
            id: "sprig-semver", library: "Sprig", title: "Sprig: semver",
            intro: "Masterminds/semver v3.5 under Helm 4, v3.4 under Helm 3 (helm-unittest); only error texts differ.",
            [
                .init("semver", "Parses a version (Masterminds/semver; `v1.2` is coerced) into an object with `.Major`, `.Minor`, `.Prerelease`…; invalid is an error.",
                      TemplateFunction([.string], returns: .named("*semver.Version")) { a, _ in
                          .object(SemverObject(version: try SemverVersion.cached(str(a[0]))))
                      }),
                .init("semverCompare", "`semverCompare CONSTRAINT VERSION`: whether the version satisfies the constraint; prereleases only match constraints with a prerelease (`>=1.20-0`).",
                      TemplateFunction([.string, .string], returns: .bool) { a, _ in
                          let c = try SemverConstraints.cached(str(a[0]), dialect: dialect)
                          let v = try SemverVersion.cached(str(a[1]))
                          return .bool(c.check(v))
                      }),
            ]
        )
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
