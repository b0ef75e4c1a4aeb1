import GoStd
import Values

/// The library's `format` checks (asserted by default only for drafts
/// before 2019-09, and always inside the metaschemas). Messages follow the
/// library; where it reports a Go standard-library error (`netip`,
/// `net/url`), the common cases are reproduced.
enum SchemaFormats {
    /// The error text if `value` is a string that is not of `format`; nil
    /// if it is, if it is no string, or if the format is unknown.
    static func check(_ format: String, _ value: JSONSchemaValue) -> String? {
        guard case .string(let s) = value else { return nil }
        switch format {
        case "regex": return SchemaRegex.syntaxError(in: s)
        case "json-pointer": return jsonPointer(s)
        case "relative-json-pointer": return relativeJSONPointer(s)
        case "uuid": return uuid(s)
        case "duration": return duration(s)
        case "period": return period(s)
        case "ipv4": return ipv4(s)
        case "ipv6": return ipv6(s)
        case "hostname": return hostname(s)
        case "email": return email(s)
        case "date": return date(s)
        case "time": return time(s)
        case "date-time": return dateTime(s)
        case "uri", "iri":
            if let e = parseURL(s) { return e }
            return SchemaURL.hasScheme(s) ? nil : "relative url"
        case "uri-reference", "iri-reference":
            if s.contains("\\") { return "contains \\" }
            return parseURL(s)
        case "uri-template": return parseURL(s) ?? uriTemplate(s)
        case "semver": return semver(s)
        default: return nil
        }
    }

    private static func quoteRune(_ c: Unicode.Scalar) -> String { GoQuote.quoteRune(c) }

    static func jsonPointer(_ s: String) -> String? {
        if s.isEmpty { return nil }
        guard s.hasPrefix("/") else { return "not starting with /" }
        for token in s.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            var escape = false
            for ch in token.unicodeScalars {
                if escape {
                    escape = false
                    if ch != "0" && ch != "1" { return "~ must be followed by 0 or 1" }
                    continue
                }
                if ch == "~" { escape = true; continue }
            }
            if escape { return "~ must be followed by 0 or 1" }
        }
        return nil
    }

    static func relativeJSONPointer(_ s: String) -> String? {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        if digits.isEmpty { return "must start with non-negative integer" }
        if digits.count > 1 && s.hasPrefix("0") { return "starts with zero" }
        let rest = String(s.dropFirst(digits.count))
        return rest == "#" ? nil : jsonPointer(rest)
    }

    static func uuid(_ s: String) -> String? {
        let lengths = [8, 4, 4, 4, 12]
        let groups = s.split(separator: "-", omittingEmptySubsequences: false)
        if groups.count != lengths.count { return "must have \(lengths.count) elements" }
        for (i, group) in groups.enumerated() {
            if group.utf8.count != lengths[i] { return "element \(i + 1) must be \(lengths[i]) characters long" }
            for ch in group.unicodeScalars where !ch.properties.isASCIIHexDigit { return "non-hex character \(quoteRune(ch))" }
        }
        return nil
    }

    static func duration(_ s: String) -> String? {
        guard s.hasPrefix("P") else { return "must start with P" }
        let body = String(s.dropFirst())
        if body.isEmpty { return "nothing after P" }
        if body.hasSuffix("W") {
            let n = body.dropLast()
            if n.isEmpty { return "no number in week" }
            return n.allSatisfy { $0.isASCII && $0.isNumber } ? nil : "invalid week"
        }
        let allUnits = ["YMD", "HMS"]
        for (i, part) in body.split(separator: "T", omittingEmptySubsequences: false).enumerated() {
            if i != 0 && part.isEmpty { return "no time elements" }
            if i >= allUnits.count { return "more than one T" }
            var units = Substring(allUnits[i])
            var rest = Substring(part)
            while !rest.isEmpty {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                if digits.isEmpty { return "missing number" }
                rest = rest.dropFirst(digits.count)
                guard let unit = rest.first else { return "missing unit" }
                guard let j = units.firstIndex(of: unit) else {
                    let q = GoQuote.quoteRune(unit.unicodeScalars.first ?? "?")
                    return allUnits[i].contains(unit) ? "unit \(q) out of order" : "invalid unit \(q)"
                }
                units = units[units.index(after: j)...]
                rest = rest.dropFirst()
            }
        }
        return nil
    }

    static func period(_ s: String) -> String? {
        guard let slash = s.firstIndex(of: "/") else { return "missing slash" }
        let start = String(s[..<slash]), end = String(s[s.index(after: slash)...])
        if start.hasPrefix("P") {
            if let e = duration(start) { return "invalid start duration: \(e)" }
            if let e = dateTime(end) { return "invalid end date-time: \(e)" }
        } else {
            if let e = dateTime(start) { return "invalid start date-time: \(e)" }
            if end.hasPrefix("P") {
                if let e = duration(end) { return "invalid end duration: \(e)" }
            } else if let e = dateTime(end) {
                return "invalid end date-time: \(e)"
            }
        }
        return nil
    }

    static func ipv4(_ s: String) -> String? {
        let groups = s.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count != 4 { return "expected four decimals" }
        for group in groups {
            if group.count > 1 && group.hasPrefix("0") { return "leading zeros" }
            guard let n = Int(group.hasPrefix("+") ? group.dropFirst() : group) else {
                return "strconv.Atoi: parsing \(GoQuote.quote(String(group))): invalid syntax"
            }
            if n < 0 || n > 255 { return "decimal must be between 0 and 255" }
        }
        return nil
    }

    static func ipv6(_ s: String) -> String? {
        if !s.contains(":") { return "missing colon" }
        if let error = GoNetIP.parseAddr(s) { return error }
        return s.contains("%") ? "zone id is not a part of ipv6 address" : nil
    }

    static func hostname(_ s: String) -> String? {
        let host = s.hasSuffix(".") ? String(s.dropLast()) : s
        if host.utf8.count > 253 { return "more than 253 characters long" }
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            if label.utf8.isEmpty || label.utf8.count > 63 { return "label must be 1 to 63 characters long" }
            if label.hasPrefix("-") { return "label starts with hyphen" }
            if label.hasSuffix("-") { return "label ends with hyphen" }
            for ch in label.unicodeScalars where !(ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "-")) {
                return "invalid character \(quoteRune(ch))"
            }
        }
        return nil
    }

    static func email(_ s: String) -> String? {
        if s.utf8.count > 254 { return "more than 255 characters long" }
        guard let at = s.lastIndex(of: "@") else { return "missing @" }
        let local = String(s[..<at]), domain0 = String(s[s.index(after: at)...])
        if local.utf8.count > 64 { return "local part more than 64 characters long" }
        if local.utf8.count > 1 && local.hasPrefix("\"") {
            let inner = local.dropFirst().dropLast()
            if inner.contains("\\") || inner.contains("\"") { return "backslash and quote are not allowed within quoted local part" }
        } else {
            if local.hasPrefix(".") { return "starts with dot" }
            if local.hasSuffix(".") { return "ends with dot" }
            if local.contains("..") { return "consecutive dots" }
            let allowed = Set(".!#$%&'*+-/=?^_`{|}~".unicodeScalars)
            for ch in local.unicodeScalars where !(ch.isASCII && (ch.properties.isAlphabetic || ("0"..."9").contains(ch))) && !allowed.contains(ch) {
                return "invalid character \(quoteRune(ch))"
            }
        }
        if domain0.hasPrefix("[") && domain0.hasSuffix("]") && domain0.count >= 2 {
            let domain = String(domain0.dropFirst().dropLast())
            if domain.hasPrefix("IPv6:") {
                return ipv6(String(domain.dropFirst(5))).map { "invalid ipv6 address: \($0)" }
            }
            return ipv4(domain).map { "invalid ipv4 address: \($0)" }
        }
        return hostname(domain0).map { "invalid domain: \($0)" }
    }

    /// `time.Parse("2006-01-02", s)` with Go's error texts.
    static func date(_ s: String) -> String? {
        let prefix = "parsing time \(GoQuote.quote(s)) as \"2006-01-02\": cannot parse "
        let b = Array(s.utf8)
        func rest(_ i: Int) -> String { GoQuote.quote(String(decoding: b[min(i, b.count)...], as: UTF8.self)) }
        func digits(_ i: Int, _ n: Int) -> Int? {
            guard i + n <= b.count, b[i..<(i + n)].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return b[i..<(i + n)].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let year = digits(0, 4) else { return prefix + "\(rest(0)) as \"2006\"" }
        guard b.count > 4, b[4] == UInt8(ascii: "-") else { return prefix + "\(rest(4)) as \"-\"" }
        guard let month = digits(5, 2) else { return prefix + "\(rest(5)) as \"01\"" }
        if month < 1 || month > 12 { return "parsing time \(GoQuote.quote(s)): month out of range" }
        guard b.count > 7, b[7] == UInt8(ascii: "-") else { return prefix + "\(rest(7)) as \"-\"" }
        guard let day = digits(8, 2) else { return prefix + "\(rest(8)) as \"02\"" }
        if b.count > 10 { return "parsing time \(GoQuote.quote(s)): extra text: \(rest(10))" }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        if day < 1 || day > days { return "parsing time \(GoQuote.quote(s)): day out of range" }
        return nil
    }

    static func time(_ s: String) -> String? {
        let b = Array(s.utf8)
        if b.count < 9 { return "less than 9 characters long" }
        if b[2] != UInt8(ascii: ":") || b[5] != UInt8(ascii: ":") { return "missing colon in correct place" }
        var hms: [Int] = []
        for tok in String(decoding: b[0..<8], as: UTF8.self).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false) {
            guard let n = Int(tok) else { return "invalid hour/min/sec" }
            if n < 0 { return "non-positive hour/min/sec" }
            hms.append(n)
        }
        if hms.count != 3 { return "missing hour/min/sec" }
        var (h, m) = (hms[0], hms[1])
        let sec = hms[2]
        if h > 23 || m > 59 || sec > 60 { return "hour/min/sec out of range" }
        var rest = Array(b[8...])
        if rest.first == UInt8(ascii: ".") {
            let n = rest.dropFirst().prefix { $0 >= 48 && $0 <= 57 }.count
            if n == 0 { return "no digits in second fraction" }
            rest = Array(rest.dropFirst(1 + n))
        }
        let zone = String(decoding: rest, as: UTF8.self)
        if zone != "z" && zone != "Z" {
            if rest.count != 6 { return "offset must be 6 characters long" }
            let sign: Int
            switch rest[0] {
            case UInt8(ascii: "+"): sign = -1
            case UInt8(ascii: "-"): sign = 1
            default: return "offset must begin with plus/minus"
            }
            if rest[3] != UInt8(ascii: ":") { return "missing colon in offset in correct place" }
            guard let zh = Int(String(decoding: rest[1..<3], as: UTF8.self)), let zm = Int(String(decoding: rest[4..<6], as: UTF8.self)) else {
                return "invalid hour/min in offset"
            }
            if zh < 0 || zm < 0 { return "non-positive hour/min in offset" }
            if zh > 23 || zm > 59 { return "hour/min in offset out of range" }
            var hm = h * 60 + m + sign * (zh * 60 + zm)
            if hm < 0 { hm += 24 * 60 }
            (h, m) = (hm / 60, hm % 60)
        }
        if sec >= 60 && (h != 23 || m != 59) { return "invalid leap second" }
        return nil
    }

    static func dateTime(_ s: String) -> String? {
        let b = Array(s.utf8)
        if b.count < 20 { return "less than 20 characters long" }
        if b[10] != UInt8(ascii: "t") && b[10] != UInt8(ascii: "T") { return "11th character must be t or T" }
        if let e = date(String(decoding: b[0..<10], as: UTF8.self)) { return "invalid date element: \(e)" }
        if let e = time(String(decoding: b[11...], as: UTF8.self)) { return "invalid time element: \(e)" }
        return nil
    }

    /// The common `url.Parse` failures, as `parse "<s>": <reason>`.
    static func parseURL(_ s: String) -> String? {
        let head = "parse \(GoQuote.quote(s)): "
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return head + "net/url: invalid control character in URL" }
        let (u, fragment) = SchemaURL.split(s)
        if u.hasPrefix(":") { return head + "missing protocol scheme" }
        // Escapes are checked in the path and the fragment, not the query.
        let bytes = Array((u.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "").utf8) + [UInt8(ascii: "#")] + Array(fragment.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                let ok = i + 2 < bytes.count && [bytes[i + 1], bytes[i + 2]].allSatisfy { Unicode.Scalar($0).properties.isASCIIHexDigit }
                if !ok { return head + "invalid URL escape \(GoQuote.quote(String(decoding: bytes[i..<min(i + 3, bytes.count)], as: UTF8.self)))" }
                i += 3
                continue
            }
            i += 1
        }
        if SchemaURL.hasScheme(u) || u.hasPrefix("//") {
            var rest = u.hasPrefix("//") ? Substring(u) : Substring(u[u.index(after: u.firstIndex(of: ":") ?? u.startIndex)...])
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let authority = rest.prefix { $0 != "/" && $0 != "?" }
                let host = authority.split(separator: "@").last.map(String.init) ?? ""
                if host.hasPrefix("["), !host.contains("]") { return head + "missing ']' in host" }
                if let bad = host.unicodeScalars.first(where: { " <>\"{}|\\^`".unicodeScalars.contains($0) }) {
                    return head + "invalid character \(GoQuote.quote(String(bad))) in host name"
                }
            }
        } else if let colon = u.firstIndex(of: ":"), !u[..<colon].contains("/") {
            return head + "first path segment in URL cannot contain colon"
        }
        return nil
    }

    static func uriTemplate(_ s: String) -> String? {
        for token in SchemaURL.split(s).url.split(separator: "/", omittingEmptySubsequences: false) {
            var want = true
            for ch in token where ch == "{" || ch == "}" {
                if (ch == "{") != want { return "nested curly braces" }
                want.toggle()
            }
            if !want { return "no matching closing brace" }
        }
        return nil
    }

    static func semver(_ s0: String) -> String? {
        var s = Substring(s0)
        func isIdent(_ c: Unicode.Scalar) -> Bool { c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-") }
        if let plus = s.firstIndex(of: "+") {
            let build = s[s.index(after: plus)...]
            if build.isEmpty { return "build is empty" }
            for id in build.split(separator: ".", omittingEmptySubsequences: false) {
                if id.isEmpty { return "build identifier is empty" }
                if let bad = id.unicodeScalars.first(where: { !isIdent($0) }) { return "invalid character \(quoteRune(bad)) in build identifier" }
            }
            s = s[..<plus]
        }
        if let dash = s.firstIndex(of: "-") {
            for id in s[s.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false) {
                if id.isEmpty { return "pre-release identifier is empty" }
                if let bad = id.unicodeScalars.first(where: { !isIdent($0) }) { return "invalid character \(quoteRune(bad)) in pre-release identifier" }
                if id.allSatisfy({ $0.isASCII && $0.isNumber }) && id.count > 1 && id.hasPrefix("0") {
                    return "pre-release numeric identifier starts with zero"
                }
            }
            s = s[..<dash]
        }
        let versions = s.split(separator: ".", omittingEmptySubsequences: false)
        if versions.count != 3 { return "versionCore must have 3 numbers separated by dot" }
        for (name, v) in zip(["major", "minor", "patch"], versions) {
            if v.isEmpty { return "\(name) is empty" }
            if v.count > 1 && v.hasPrefix("0") { return "\(name) starts with zero" }
            if !v.allSatisfy({ $0.isASCII && $0.isNumber }) { return "\(name) contains non-digit" }
        }
        return nil
    }
}
