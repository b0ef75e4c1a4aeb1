import GoStd
import GoTemplate

/// The pieces of a Go `*url.URL` (the parts of `net/url` that `urlParse`
/// and `urlJoin` use).
struct GoURL {
    var scheme = "", opaque = "", user: (name: String, password: String?)? = nil
    var host = "", path = "", rawQuery = "", fragment = "", forceQuery = false

    enum Mode { case path, host, userPassword, fragment }

    static func shouldEscape(_ c: UInt8, _ mode: Mode) -> Bool {
        if (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) { return false }
        if mode == .host {
            if "!$&'()*+,;=:[]<>\"".utf8.contains(c) { return false }
        }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): return false
        case UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "@"):
            switch mode {
            case .path: return c == UInt8(ascii: "?")
            case .userPassword: return c == UInt8(ascii: "@") || c == UInt8(ascii: "/") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":")
            case .fragment: return false
            case .host: return true
            }
        default: break
        }
        if mode == .fragment && "!()*".utf8.contains(c) { return false }
        return true
    }

    static func escape(_ s: String, _ mode: Mode) -> String {
        var out = ""
        for b in s.utf8 {
            if shouldEscape(b, mode) {
                out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2)
            } else {
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out
    }

    /// The byte written as two hex digits at `b[i]`, `b[i + 1]`.
    static func hexByte(_ b: [UInt8], _ i: Int) -> UInt8? {
        func digit(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        guard i + 1 < b.count, let hi = digit(b[i]), let lo = digit(b[i + 1]) else { return nil }
        return hi << 4 | lo
    }

    /// Go's `unescape`; nil when an escape is malformed (the bad `%xx` text is returned in `bad`).
    static func unescape(_ s: String, host: Bool = false) -> (String?, bad: String) {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%") {
                guard let v = hexByte(b, i + 1) else {
                    let end = min(i + 3, b.count)
                    return (nil, String(decoding: b[i..<end], as: UTF8.self))
                }
                out.append(v)
                i += 3
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), "")
    }

    /// `url.Parse`; throws the text after `parse "…": `. `strictColons`
    /// is Go's `urlstrictcolons` setting (see ``parseHost(_:_:strictColons:)``).
    static func parse(_ raw: String, strictColons: Bool = true) throws(GoError) -> GoURL {
        func fail(_ msg: String) -> GoError { GoError("parse \(GoTimeParser.quote(raw)): \(msg)") }
        var u = GoURL()
        var rest = raw
        if let hash = rest.firstIndex(of: "#") {
            let frag = String(rest[rest.index(after: hash)...])
            rest = String(rest[..<hash])
            let (f, bad) = unescape(frag)
            guard let f else { throw fail("invalid URL escape \(GoTimeParser.quote(bad))") }
            u.fragment = f
        }
        if rest.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw fail("net/url: invalid control character in URL")
        }
        if rest.isEmpty { return u }
        if rest == "*" { u.path = "*"; return u }
        // Scheme.
        var schemeEnd: String.Index? = nil
        for (n, i) in zip(0..., rest.indices) {
            let c = rest[i]
            if c.isASCII && c.isLetter { continue }
            if c.isASCII && (c.isNumber || c == "+" || c == "-" || c == ".") {
                if n == 0 { break }
                continue
            }
            if c == ":" {
                if n == 0 { throw fail("missing protocol scheme") }
                schemeEnd = i
            }
            break
        }
        if let e = schemeEnd {
            u.scheme = rest[..<e].lowercased()
            rest = String(rest[rest.index(after: e)...])
        }
        if rest.hasSuffix("?") && rest.filter({ $0 == "?" }).count == 1 {
            u.forceQuery = true
            rest.removeLast()
        } else if let q = rest.firstIndex(of: "?") {
            u.rawQuery = String(rest[rest.index(after: q)...])
            rest = String(rest[..<q])
        }
        if !rest.hasPrefix("/") {
            if !u.scheme.isEmpty {
                u.opaque = rest
                return u
            }
            if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
                throw fail("first path segment in URL cannot contain colon")
            }
        }
        if (!u.scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
            var authority = String(rest.dropFirst(2))
            if let slash = authority.firstIndex(of: "/") {
                rest = String(authority[slash...])
                authority = String(authority[..<slash])
            } else {
                rest = ""
            }
            let at = authority.lastIndex(of: "@")
            do {
                u.host = try parseHost(u.scheme, at.map { String(authority[authority.index(after: $0)...]) } ?? authority,
                                       strictColons: strictColons)
            } catch { throw fail(error.message) }
            if let at {
                let info = String(authority[..<at])
                let allowed = "-._:~!$&'()*+,;=%@"
                guard info.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || allowed.unicodeScalars.contains($0) }) else {
                    throw fail("net/url: invalid userinfo")
                }
                if let colon = info.firstIndex(of: ":") {
                    let (n, _) = unescape(String(info[..<colon])), (p, _) = unescape(String(info[info.index(after: colon)...]))
                    u.user = (n ?? "", p ?? "")
                } else {
                    u.user = (unescape(info).0 ?? "", nil)
                }
            }
        }
        let (p, bad) = unescape(rest)
        guard let p else { throw fail("invalid URL escape \(GoTimeParser.quote(bad))") }
        u.path = p
        return u
    }

    /// Go's `parseHost`: `host[:port]` of an authority without user
    /// information, unescaped; IP literals in brackets must be IPv6. With
    /// `strictColons` (Go's `urlstrictcolons=1`, the default for Helm 4's
    /// build but not Helm 3's) an http(s) host may hold one colon only.
    static func parseHost(_ scheme: String, _ host: String, strictColons: Bool) throws(GoError) -> String {
        let b = Array(host.utf8)
        func text(_ s: ArraySlice<UInt8>) -> String { String(decoding: s, as: UTF8.self) }
        func checkPort(_ colonPort: String) throws(GoError) {
            guard colonPort.isEmpty || colonPort.hasPrefix(":") && colonPort.utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw GoError("invalid port \(GoQuote.quote(colonPort)) after host")
            }
        }
        if let open = b.lastIndex(of: UInt8(ascii: "[")), open > 0 { throw GoError("invalid IP-literal") }
        if b.first == UInt8(ascii: "[") {
            guard let close = b.lastIndex(of: UInt8(ascii: "]")) else { throw GoError("missing ']' in host") }
            let colonPort = text(b[(close + 1)...])
            try checkPort(colonPort)
            let name = b[1..<max(1, close)]
            var hostname: String
            if let zone = text(name).range(of: "%25") {
                let nameText = text(name)
                hostname = try unescapeHost(String(nameText[..<zone.lowerBound]), zone: false)
                    + unescapeHost(String(nameText[zone.lowerBound...]), zone: true)
            } else {
                hostname = try unescapeHost(text(name), zone: false)
            }
            if let problem = GoNetIP.parseAddr(hostname) { throw GoError("invalid host: \(problem)") }
            if GoNetIP.isIPv4(hostname) { throw GoError("invalid IP-literal") }
            return "[" + hostname + "]" + colonPort
        }
        if var i = b.firstIndex(of: UInt8(ascii: ":")) {
            // Colons inside the host (`mongo://a:1,b:2`) are allowed except for http(s).
            if !strictColons || (scheme != "http" && scheme != "https"), let last = b.lastIndex(of: UInt8(ascii: ":")) { i = last }
            try checkPort(text(b[i...]))
        }
        return try unescapeHost(host, zone: false)
    }

    /// Go's `unescape` in host (or IPv6 zone) mode: `%XX` only for bytes
    /// that could not be written plainly, no other special characters.
    static func unescapeHost(_ s: String, zone: Bool) throws(GoError) -> String {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "%") {
                let escape = String(decoding: b[i..<min(i + 3, b.count)], as: UTF8.self)
                guard let v = hexByte(b, i + 1),
                      zone ? escape == "%25" || v == 0x20 || !shouldEscape(v, .host) : v >= 0x80 || escape == "%25" else {
                    throw GoError("invalid URL escape \(GoQuote.quote(escape))")
                }
                out.append(v)
                i += 3
                continue
            }
            if c < 0x80 && shouldEscape(c, .host) {
                throw GoError("invalid character \(GoQuote.quote(String(decoding: [c], as: UTF8.self))) in host name")
            }
            out.append(c)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    var hostname: String {
        var h = Substring(host)
        if h.hasPrefix("[") {
            if let close = h.firstIndex(of: "]") { return String(h[h.index(after: h.startIndex)..<close]) }
            return String(h.dropFirst())
        }
        if let colon = h.lastIndex(of: ":") { h = h[..<colon] }
        return String(h)
    }

    var userString: String {
        guard let user else { return "" }
        var s = Self.escape(user.name, .userPassword)
        if let p = user.password { s += ":" + Self.escape(p, .userPassword) }
        return s
    }

    /// `URL.String()`.
    var string: String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !host.isEmpty || !path.isEmpty || user != nil { out += "//" }
                if user != nil { out += userString + "@" }
                if !host.isEmpty { out += Self.escape(host, .host) }
            }
            let p = path == "*" ? "*" : Self.escape(path, .path)
            if !p.isEmpty && !p.hasPrefix("/") && !host.isEmpty { out += "/" }
            if out.isEmpty, let seg = p.split(separator: "/", omittingEmptySubsequences: false).first, seg.contains(":") {
                out += "./"
            }
            out += p
        }
        if forceQuery || !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + Self.escape(fragment, .fragment) }
        return out
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
