/// A semantic version as Masterminds/semver v3 parses it with `NewVersion`
/// (coercing: `1`, `1.2`, `v1.2.3` are accepted, missing parts are 0).
public struct SemanticVersion: Sendable, Hashable {
    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    public var prerelease: String
    public var metadata: String

    /// Parses `text`, or nil where Masterminds/semver returns an error.
    public init?(_ text: String) {
        guard let m = try? Semver.looseVersion.wholeMatch(in: text) else { return nil }
        func group(_ i: Int) -> String { m.output[i].substring.map(String.init) ?? "" }
        guard let major = UInt64(group(1)) else { return nil }
        let minorText = group(2).dropFirst(), patchText = group(3).dropFirst()
        guard let minor = minorText.isEmpty ? 0 : UInt64(minorText),
              let patch = patchText.isEmpty ? 0 : UInt64(patchText) else { return nil }
        self.major = major
        self.minor = minor
        self.patch = patch
        prerelease = group(5)
        metadata = group(8)
        if !prerelease.isEmpty && !Semver.validPrerelease(prerelease) { return nil }
        if !metadata.isEmpty && !Semver.validMetadata(metadata) { return nil }
    }

    /// Masterminds/semver's `Compare`: -1, 0 or 1; metadata is ignored.
    public func compare(_ o: SemanticVersion) -> Int {
        if major != o.major { return major < o.major ? -1 : 1 }
        if minor != o.minor { return minor < o.minor ? -1 : 1 }
        if patch != o.patch { return patch < o.patch ? -1 : 1 }
        if prerelease.isEmpty && o.prerelease.isEmpty { return 0 }
        if prerelease.isEmpty { return 1 }
        if o.prerelease.isEmpty { return -1 }
        return Semver.comparePrerelease(prerelease, o.prerelease)
    }
}

/// A version constraint (`^1.2`, `~1.2.3`, `>= 1.0, < 2`, `1.x || 2.x`,
/// `1.0 - 2.0`) as Masterminds/semver v3's `NewConstraint` reads it.
public struct SemverConstraint: Sendable {
    struct Clause: Sendable {
        var op: String
        var version: SemanticVersion
        var dirty: Bool
        var minorDirty: Bool
        var patchDirty: Bool
    }

    var alternatives: [[Clause]]
    var containsPrerelease: [Bool]

    /// Parses `text`, or nil where Masterminds/semver returns an error
    /// (an empty constraint is an error).
    public init?(_ text: String) {
        let rewritten = Semver.rewriteRange(text)
        alternatives = []
        containsPrerelease = []
        for alternative in rewritten.split(separator: "||", omittingEmptySubsequences: false) {
            let text = String(alternative)
            guard (try? Semver.validConstraint.wholeMatch(in: text)) != nil else { return nil }
            var clauses: [Clause] = []
            var hasPre = false
            let found = text.matches(of: Semver.findConstraint).map { String(text[$0.range]) }
            for piece in found.isEmpty ? [text] : found {
                guard let clause = Semver.parseClause(piece) else { return nil }
                if !clause.version.prerelease.isEmpty { hasPre = true }
                clauses.append(clause)
            }
            alternatives.append(clauses)
            containsPrerelease.append(hasPre)
        }
    }

    /// Whether `version` satisfies the constraint.
    public func check(_ version: SemanticVersion) -> Bool {
        for (i, clauses) in alternatives.enumerated() {
            let includePre = containsPrerelease[i]
            if clauses.allSatisfy({ Semver.check(version, $0, includePre: includePre) }) { return true }
        }
        return false
    }
}

/// Helm's `IsCompatibleRange`: false when either side does not parse.
func isCompatibleRange(_ constraint: String, _ version: String) -> Bool {
    guard let v = SemanticVersion(version), let c = SemverConstraint(constraint) else { return false }
    return c.check(v)
}

enum Semver {
    static let space = #"[\t\n\f\r ]"#
    static let cv = #"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#
    static let ops = #"=||!=|>|<|>=|=>|<=|=<|~|~>|\^"#

    // The patterns are constants that compile; a failure is a programming error.
    nonisolated(unsafe) static let looseVersion = compile(
        #"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?"#)
    nonisolated(unsafe) static let constraint = compile("\(space)*(\(ops))\(space)*(\(cv))\(space)*")
    nonisolated(unsafe) static let range = compile("\(space)*(\(cv))\(space)+-\(space)+(\(cv))\(space)*")
    nonisolated(unsafe) static let findConstraint = compile("(\(ops))\(space)*(\(cv))")
    nonisolated(unsafe) static let validConstraint = compile(
        "(\(space)*(\(ops))\(space)*(\(cv))\(space)*)((?:\(space)+|,\(space)*)(\(ops))\(space)*(\(cv))\(space)*)*")

    static func compile(_ pattern: String) -> Regex<AnyRegexOutput> {
        do { return try Regex(pattern) } catch { preconditionFailure("bad semver pattern: \(error)") }
    }

    static func rewriteRange(_ text: String) -> String {
        let matches = text.matches(of: range)
        guard !matches.isEmpty else { return text }
        var out = text
        for m in matches {
            let whole = String(text[m.range])
            let lo = m.output[1].substring.map(String.init) ?? ""
            let hi = m.output[11].substring.map(String.init) ?? ""
            if let r = out.range(of: whole) {
                out.replaceSubrange(r, with: ">= \(lo), <= \(hi) ")
            }
        }
        return out
    }

    static func isX(_ s: Substring) -> Bool { s == "x" || s == "*" || s == "X" }

    static func parseClause(_ text: String) -> SemverConstraint.Clause? {
        guard let m = try? constraint.wholeMatch(in: text) else { return nil }
        func g(_ i: Int) -> Substring { m.output[i].substring ?? "" }
        var version = String(g(2))
        var dirty = false, minorDirty = false, patchDirty = false
        if isX(g(3)) || g(3).isEmpty {
            version = "0.0.0" + g(6)
            dirty = true
        } else if isX(g(4).dropFirst()) || g(4).isEmpty {
            minorDirty = true
            dirty = true
            version = "\(g(3)).0.0\(g(6))"
        } else if isX(g(5).dropFirst()) || g(5).isEmpty {
            dirty = true
            patchDirty = true
            version = "\(g(3))\(g(4)).0\(g(6))"
        }
        guard let parsed = SemanticVersion(version) else { return nil }
        return .init(op: String(g(1)), version: parsed, dirty: dirty, minorDirty: minorDirty, patchDirty: patchDirty)
    }

    static func check(_ v: SemanticVersion, _ c: SemverConstraint.Clause, includePre: Bool) -> Bool {
        if !v.prerelease.isEmpty && !includePre { return false }
        let con = c.version
        switch c.op {
        case "", "=":
            return c.dirty ? tilde(v, c) : v.compare(con) == 0
        case "!=":
            if c.dirty {
                if con.major != v.major { return true }
                if con.minor != v.minor && !c.minorDirty { return true }
                if c.minorDirty { return false }
                if con.patch != v.patch && !c.patchDirty { return true }
                if c.patchDirty {
                    if !v.prerelease.isEmpty || !con.prerelease.isEmpty {
                        return comparePrerelease(v.prerelease, con.prerelease) != 0
                    }
                    return false
                }
            }
            return v.compare(con) != 0
        case ">":
            if !c.dirty { return v.compare(con) == 1 }
            if v.major > con.major { return true }
            if v.major < con.major { return false }
            if c.minorDirty { return false }
            if c.patchDirty { return v.minor > con.minor }
            return v.compare(con) == 1
        case "<":
            return v.compare(con) < 0
        case ">=", "=>":
            return v.compare(con) >= 0
        case "<=", "=<":
            if !c.dirty { return v.compare(con) <= 0 }
            if v.major > con.major { return false }
            if v.major == con.major && v.minor > con.minor && !c.minorDirty { return false }
            return true
        case "~", "~>":
            return tilde(v, c)
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

    static func tilde(_ v: SemanticVersion, _ c: SemverConstraint.Clause) -> Bool {
        let con = c.version
        if v.compare(con) < 0 { return false }
        if con.major == 0 && con.minor == 0 && con.patch == 0 && !c.minorDirty && !c.patchDirty { return true }
        if v.major != con.major { return false }
        if v.minor != con.minor && !c.minorDirty { return false }
        return true
    }

    static func isNumeric(_ s: Substring) -> Bool { s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    static func isAllowed(_ s: Substring) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }
    }

    static func validPrerelease(_ p: String) -> Bool {
        for part in p.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty { return false }
            if isNumeric(part) {
                if part.count > 1 && part.first == "0" { return false }
            } else if !isAllowed(part) {
                return false
            }
        }
        return true
    }

    static func validMetadata(_ m: String) -> Bool {
        m.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && isAllowed($0) }
    }

    static func comparePrerelease(_ a: String, _ b: String) -> Int {
        let ap = a.split(separator: ".", omittingEmptySubsequences: false)
        let bp = b.split(separator: ".", omittingEmptySubsequences: false)
        for i in 0..<max(ap.count, bp.count) {
            let s = i < ap.count ? ap[i] : "", o = i < bp.count ? bp[i] : ""
            let d = comparePart(s, o)
            if d != 0 { return d }
        }
        return 0
    }

    static func comparePart(_ s: Substring, _ o: Substring) -> Int {
        if s == o { return 0 }
        if s.isEmpty { return -1 }
        if o.isEmpty { return 1 }
        let si = UInt64(s), oi = UInt64(o)
        switch (si, oi) {
        case (nil, nil): return s.utf8.lexicographicallyPrecedes(o.utf8) ? -1 : 1
        case (_, nil): return -1
        case (nil, _): return 1
        case let (x?, y?): return x > y ? 1 : -1
        }
    }
}
