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

    /// Go's `unescape`; nil when an escape is malformed (the bad `%xx` text is returned in `bad`).
    static func unescape(_ s: String, host: Bool = false) -> (String?, bad: String) {
        let b = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%") {
                guard i + 2 < b.count, let v = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) else {
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

    /// `url.Parse`; throws the text after `parse "…": `.
    static func parse(_ raw: String) throws(GoError) -> GoURL {
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
            if let at = authority.lastIndex(of: "@") {
                let info = String(authority[..<at])
                let allowed = "-._:~!$&'()*+,;=%@"
                guard info.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains($0) || allowed.unicodeScalars.contains($0) }) else {
                    throw fail("net/url: invalid userinfo")
                }
                authority = String(authority[authority.index(after: at)...])
                if let colon = info.firstIndex(of: ":") {
                    let (n, _) = unescape(String(info[..<colon])), (p, _) = unescape(String(info[info.index(after: colon)...]))
                    u.user = (n ?? "", p ?? "")
                } else {
                    u.user = (unescape(info).0 ?? "", nil)
                }
            }
            let (h, bad) = unescape(authority)
            guard let h else { throw fail("invalid URL escape \(GoTimeParser.quote(bad))") }
            u.host = h
        }
        let (p, bad) = unescape(rest)
        guard let p else { throw fail("invalid URL escape \(GoTimeParser.quote(bad))") }
        u.path = p
        return u
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
