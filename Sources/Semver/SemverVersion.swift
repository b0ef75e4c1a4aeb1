import GoRegexp
import GoStd

/// Which Masterminds/semver release to behave like: v3.5.0 (Helm v4)
/// quotes the constraint in `improper constraint: "…"`, v3.4.0 (Helm
/// 3.20, inside helm-unittest) does not. Checking is otherwise the same.
public enum SemverDialect: Sendable, Hashable {
    case v3_4
    case v3_5
}

/// A Masterminds/semver `Version`: parsed as `semver.NewVersion` does,
/// compared and bumped as its methods do.
public struct SemverVersion: Sendable, Hashable {
    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    public var prerelease: String
    public var metadata: String
    public var original: String

    /// `Version.String()`.
    public var string: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease }
        if !metadata.isEmpty { s += "+" + metadata }
        return s
    }

    private static let loose = try? GoRegexp(
        #"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$"#)

    /// version: `'v'? [0-9]+ ('.' [0-9]+)? ('.' [0-9]+)? ('-' prerelease)? ('+' metadata)?`
    /// — a missing minor or patch reads as 0; leading zeros are allowed.
    ///
    /// `semver.NewVersion` (with `CoerceNewVersion`): throws the library's error text.
    public init(parsing v: String) throws(GoError) {
        guard let re = Self.loose, let m = re.submatches(v) else { throw GoError("invalid semantic version") }
        func segment(_ s: String) throws(GoError) -> UInt64 {
            let digits = s.hasPrefix(".") ? String(s.dropFirst()) : s
            guard let n = UInt64(digits) else {
                throw GoError("error parsing version segment: strconv.ParseUint: parsing \(GoQuote.quote(digits)): value out of range")
            }
            return n
        }
        major = try segment(m[1])
        minor = m[2].isEmpty ? 0 : try segment(m[2])
        patch = m[3].isEmpty ? 0 : try segment(m[3])
        prerelease = m[5]
        metadata = m[8]
        original = v
        if !prerelease.isEmpty { try Self.validatePrerelease(prerelease) }
        if !metadata.isEmpty { try Self.validateMetadata(metadata) }
    }

    /// `init(parsing:)` remembered: Helm checks the same chart and
    /// dependency versions on every render.
    public static func cached(_ text: String) throws(GoError) -> SemverVersion {
        try parsed.value(for: text) { (text) throws(GoError) in try SemverVersion(parsing: text) }
    }

    private static let parsed = Memo<String, SemverVersion, GoError>()

    public init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String, metadata: String, original: String) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = original
    }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789".unicodeScalars)

    /// prerelease: `ident ('.' ident)*`, ident: `[0-9A-Za-z-]+`, a numeric one
    /// without a leading zero (`version segment starts with 0`).
    public static func validatePrerelease(_ p: String) throws(GoError) {
        for part in p.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty { throw GoError("invalid prerelease string") }
            if part.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                if part.count > 1 && part.hasPrefix("0") { throw GoError("version segment starts with 0") }
            } else if !part.unicodeScalars.allSatisfy({ allowed.contains($0) }) {
                throw GoError("invalid prerelease string")
            }
        }
    }

    /// metadata: `ident ('.' ident)*`, ident: `[0-9A-Za-z-]+`.
    public static func validateMetadata(_ m: String) throws(GoError) {
        for part in m.split(separator: ".", omittingEmptySubsequences: false)
        where part.isEmpty || !part.unicodeScalars.allSatisfy({ allowed.contains($0) }) {
            throw GoError("invalid metadata string")
        }
    }

    /// `Version.Compare`: -1, 0 or 1.
    public func compare(_ o: SemverVersion) -> Int {
        if major != o.major { return major < o.major ? -1 : 1 }
        if minor != o.minor { return minor < o.minor ? -1 : 1 }
        if patch != o.patch { return patch < o.patch ? -1 : 1 }
        if prerelease.isEmpty && o.prerelease.isEmpty { return 0 }
        if prerelease.isEmpty { return 1 }
        if o.prerelease.isEmpty { return -1 }
        return Self.comparePrerelease(prerelease, o.prerelease)
    }

    public static func comparePrerelease(_ v: String, _ o: String) -> Int {
        let s = v.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let t = o.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for i in 0..<max(s.count, t.count) {
            let d = comparePart(i < s.count ? s[i] : "", i < t.count ? t[i] : "")
            if d != 0 { return d }
        }
        return 0
    }

    private static func comparePart(_ s: String, _ o: String) -> Int {
        if s == o { return 0 }
        if s.isEmpty { return -1 }
        if o.isEmpty { return 1 }
        let oi = UInt64(o), si = UInt64(s)
        switch (si, oi) {
        case (nil, nil): return goLess(o, s) ? 1 : -1
        case (_, nil): return -1
        case (nil, _): return 1
        case (let a?, let b?): return a > b ? 1 : -1
        }
    }

    /// A copy changed by `change` (`IncPatch`, `SetPrerelease`…), its
    /// `Original` the new `String()` with this version's `v` prefix.
    public func bumped(_ change: (inout SemverVersion) -> Void) -> SemverVersion {
        var n = self
        change(&n)
        n.original = (original.hasPrefix("v") ? "v" : "") + n.string
        return n
    }
}
