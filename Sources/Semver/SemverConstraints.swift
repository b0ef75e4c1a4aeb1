import GoRegexp
import GoStd

/// A Masterminds/semver constraint set (`>= 1.2, < 2 || ^3`), checked
/// as `Constraints.Check` does.
public struct SemverConstraints: Sendable {
    private struct Constraint: Sendable {
        var version: SemverVersion
        var original: String
        var op: String
        var minorDirty = false
        var patchDirty = false
        var dirty = false
    }

    private var groups: [[Constraint]]
    private var containsPre: [Bool]

    private static let cv = #"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#
    private static let ops = #"=||!=|>|<|>=|=>|<=|=<|~|~>|\^"#
    private static let constraintRegex = try? GoRegexp(#"^\s*("# + ops + #")\s*("# + cv + #")\s*$"#)
    private static let rangeRegex = try? GoRegexp(#"\s*("# + cv + #")\s+-\s+("# + cv + #")\s*"#)
    private static let findRegex = try? GoRegexp("(" + ops + #")\s*("# + cv + ")")
    private static let validRegex = try? GoRegexp(
        #"^(\s*("# + ops + #")\s*("# + cv + #")\s*)((?:\s+|,\s*)("# + ops + #")\s*("# + cv + #")\s*)*$"#)

    /// `init(parsing:dialect:)` remembered: charts check the same few
    /// constraints (`semverCompare ">=1.21-0" …`) on every render.
    public static func cached(_ text: String, dialect: SemverDialect = .v3_5) throws(GoError) -> SemverConstraints {
        try parsed.value(for: CacheKey(text: text, dialect: dialect)) { (key) throws(GoError) in
            try SemverConstraints(parsing: key.text, dialect: key.dialect)
        }
    }

    private struct CacheKey: Hashable {
        var text: String
        var dialect: SemverDialect
    }

    private static let parsed = Memo<CacheKey, SemverConstraints, GoError>()

    /// constraints:
    ///
    ///     group ('||' group)*
    ///     group:      ws* constraint ((ws+ | ',' ws*) constraint)* ws*
    ///     constraint: op? ws* xversion
    ///     op:         '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^'
    ///     xversion:   'v'? part ('.' part)? ('.' part)? ('-' prerelease)? ('+' metadata)?
    ///     part:       [0-9xX*|]+          (the library's class, `|` included)
    ///     range:      xversion ws+ '-' ws+ xversion      rewritten to `>= a, <= b` first
    ///
    /// A group that is not of this form is `improper constraint: …`.
    ///
    /// `semver.NewConstraint`; throws the library's error text.
    public init(parsing text: String, dialect: SemverDialect = .v3_5) throws(GoError) {
        guard let rangeRegex = Self.rangeRegex, let validRegex = Self.validRegex, let findRegex = Self.findRegex else {
            throw GoError("constraint parser error")
        }
        var c = text
        if let ranges = rangeRegex.allSubmatches(c, -1) {
            for m in ranges {
                if let r = c.range(of: m[0]) { c.replaceSubrange(r, with: ">= \(m[1]), <= \(m[11]) ") }
            }
        }
        groups = []
        containsPre = []
        for or in c.components(separatedBy: "||") {
            guard validRegex.matches(or) else {
                throw GoError("improper constraint: " + (dialect == .v3_5 ? GoQuote.quote(or) : or))
            }
            let parts = findRegex.findAll(or, -1) ?? [or]
            var group: [Constraint] = []
            var pre = false
            for p in parts {
                let con = try Self.parseConstraint(p, dialect: dialect)
                if !con.version.prerelease.isEmpty { pre = true }
                group.append(con)
            }
            groups.append(group)
            containsPre.append(pre)
        }
    }

    private static func isX(_ s: String) -> Bool { s == "x" || s == "*" || s == "X" }

    /// constraint: `ws* op ws* xversion ws*` (see ``init(parsing:dialect:)``); the
    /// empty text matches anything. An `x`, `X`, `*` or missing minor or patch
    /// makes the constraint a wildcard ("dirty") read as 0.
    private static func parseConstraint(_ c: String, dialect: SemverDialect) throws(GoError) -> Constraint {
        let zero = SemverVersion(major: 0, minor: 0, patch: 0, prerelease: "", metadata: "", original: "0.0.0")
        guard !c.isEmpty else { return Constraint(version: zero, original: c, op: "", dirty: true) }
        guard let m = constraintRegex?.submatches(c) else {
            throw GoError("improper constraint: " + (dialect == .v3_5 ? GoQuote.quote(c) : c))
        }
        var con = Constraint(version: zero, original: m[2], op: m[1])
        var ver = m[2]
        let minorText = m[4].hasPrefix(".") ? String(m[4].dropFirst()) : m[4]
        let patchText = m[5].hasPrefix(".") ? String(m[5].dropFirst()) : m[5]
        if isX(m[3]) || m[3].isEmpty {
            ver = "0.0.0" + m[6]
            con.dirty = true
        } else if isX(minorText) || m[4].isEmpty {
            con.minorDirty = true
            con.dirty = true
            ver = m[3] + ".0.0" + m[6]
        } else if isX(patchText) || m[5].isEmpty {
            con.dirty = true
            con.patchDirty = true
            ver = m[3] + m[4] + ".0" + m[6]
        }
        guard let v = try? SemverVersion(parsing: ver) else { throw GoError("constraint parser error") }
        con.version = v
        return con
    }

    /// `Constraints.Check`.
    public func check(_ v: SemverVersion) -> Bool {
        for (i, group) in groups.enumerated() where group.allSatisfy({ Self.check($0, v, includePre: containsPre[i]) }) {
            return true
        }
        return false
    }

    private static func check(_ c: Constraint, _ v: SemverVersion, includePre: Bool) -> Bool {
        if !v.prerelease.isEmpty && !includePre { return false }
        let con = c.version
        switch c.op {
        case "", "=":
            if c.dirty { return tilde(c, v) }
            return v.compare(con) == 0
        case "!=":
            if c.dirty {
                if con.major != v.major { return true }
                if con.minor != v.minor && !c.minorDirty { return true }
                if c.minorDirty { return false }
                if con.patch != v.patch && !c.patchDirty { return true }
                if c.patchDirty {
                    if !v.prerelease.isEmpty || !con.prerelease.isEmpty {
                        return SemverVersion.comparePrerelease(v.prerelease, con.prerelease) != 0
                    }
                    return false
                }
            }
            return v.compare(con) != 0
        case ">":
            if !c.dirty { return v.compare(con) == 1 }
            if v.major > con.major { return true }
            if v.major < con.major || c.minorDirty { return false }
            if c.patchDirty { return v.minor > con.minor }
            return v.compare(con) == 1
        case "<": return v.compare(con) < 0
        case ">=", "=>": return v.compare(con) >= 0
        case "<=", "=<":
            if !c.dirty { return v.compare(con) <= 0 }
            if v.major > con.major { return false }
            if v.major == con.major && v.minor > con.minor && !c.minorDirty { return false }
            return true
        case "~", "~>": return tilde(c, v)
        case "^":
            if v.compare(con) < 0 { return false }
            if con.major > 0 || c.minorDirty { return v.major == con.major }
            if con.major == 0 && v.major > 0 { return false }
            if con.minor > 0 || c.patchDirty { return v.minor == con.minor }
            if con.minor == 0 && v.minor > 0 { return false }
            return con.patch == v.patch
        default:
            return false
        }
    }

    private static func tilde(_ c: Constraint, _ v: SemverVersion) -> Bool {
        let con = c.version
        if v.compare(con) < 0 { return false }
        if con.major == 0 && con.minor == 0 && con.patch == 0 && !c.minorDirty && !c.patchDirty { return true }
        if v.major != con.major { return false }
        if v.minor != con.minor && !c.minorDirty { return false }
        return true
    }
}
