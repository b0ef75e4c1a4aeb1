import GoRegexp
import GoTemplate
import Values

/// Which Masterminds/semver release to behave like: v3.5.0 (Helm v4)
/// quotes the constraint in `improper constraint: "…"`, v3.4.0 (Helm
/// 3.20, inside helm-unittest) does not. Checking is otherwise the same.
public enum SemverDialect: Sendable, Hashable {
    case v3_4
    case v3_5
}

/// A Masterminds/semver `*Version`, as `semver` returns it: a Go object
/// whose methods (`Major`, `Prerelease`, `IncPatch`, `Compare`…) templates can call.
public struct SemverVersion: GoMethodProvider, Hashable {
    public var major: UInt64
    public var minor: UInt64
    public var patch: UInt64
    public var prerelease: String
    public var metadata: String
    public var original: String
    /// Whether this is a `*Version` (from `semver`) rather than a `Version`
    /// value (from `IncPatch`…), which has no pointer-receiver methods.
    public var isPointer = true

    public var goTypeName: String { isPointer ? "*semver.Version" : "semver.Version" }
    public var goKind: String { isPointer ? "ptr" : "struct" }
    public var goFormatted: String { string }
    public var goFmtForm: GoFmtForm { .stringer(string, goSyntax: nil) }

    /// `Version.String()`.
    public var string: String {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease }
        if !metadata.isEmpty { s += "+" + metadata }
        return s
    }

    private static let loose = try? GoRegexp(
        #"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$"#)

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

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String, metadata: String, original: String) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = original
    }

    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789".unicodeScalars)

    static func validatePrerelease(_ p: String) throws(GoError) {
        for part in p.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty { throw GoError("invalid prerelease string") }
            if part.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                if part.count > 1 && part.hasPrefix("0") { throw GoError("version segment starts with 0") }
            } else if !part.unicodeScalars.allSatisfy({ allowed.contains($0) }) {
                throw GoError("invalid prerelease string")
            }
        }
    }

    static func validateMetadata(_ m: String) throws(GoError) {
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

    static func comparePrerelease(_ v: String, _ o: String) -> Int {
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

    private var vPrefix: String { original.hasPrefix("v") ? "v" : "" }

    private func next(_ change: (inout SemverVersion) -> Void) -> SemverVersion {
        var n = self
        n.isPointer = false
        change(&n)
        n.original = vPrefix + n.string
        return n
    }

    public func member(_ name: String) -> Value? {
        switch name {
        case "Major": return .int(Int64(bitPattern: major), .uint64)
        case "Minor": return .int(Int64(bitPattern: minor), .uint64)
        case "Patch": return .int(Int64(bitPattern: patch), .uint64)
        case "Prerelease": return .string(prerelease)
        case "Metadata": return .string(metadata)
        case "Original": return isPointer ? .string(original) : nil
        case "String": return .string(string)
        case "IncPatch":
            return .object(next { v in
                if v.prerelease.isEmpty { v.patch &+= 1 }
                v.prerelease = ""; v.metadata = ""
            })
        case "IncMinor":
            return .object(next { v in v.minor &+= 1; v.patch = 0; v.prerelease = ""; v.metadata = "" })
        case "IncMajor":
            return .object(next { v in v.major &+= 1; v.minor = 0; v.patch = 0; v.prerelease = ""; v.metadata = "" })
        default: return nil
        }
    }

    private static func other(_ v: Value) throws -> SemverVersion {
        guard case .object(let o) = v, let s = o as? SemverVersion else {
            throw GoError("invalid memory address or nil pointer dereference")
        }
        return s
    }

    public func method(_ name: String) -> TemplateFunction? {
        let this = self
        let pointerOnly = ["Compare", "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal"]
        if !isPointer && pointerOnly.contains(name) { return nil }
        let versionType = GoType.named("*semver.Version")
        switch name {
        case "Compare":
            return TemplateFunction([versionType], returns: .int) { args, _ in .int(this.compare(try Self.other(args[0]))) }
        case "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal":
            return TemplateFunction([versionType], returns: .bool) { args, _ in
                let c = this.compare(try Self.other(args[0]))
                switch name {
                case "LessThan": return .bool(c < 0)
                case "LessThanEqual": return .bool(c <= 0)
                case "GreaterThan": return .bool(c > 0)
                case "GreaterThanEqual": return .bool(c >= 0)
                default: return .bool(c == 0)
                }
            }
        case "SetPrerelease", "SetMetadata":
            return TemplateFunction([.string], returns: .named("semver.Version")) { args, _ in
                let text = args[0].stringValue ?? ""
                if !text.isEmpty {
                    if name == "SetPrerelease" { try Self.validatePrerelease(text) } else { try Self.validateMetadata(text) }
                }
                return .object(this.next { v in if name == "SetPrerelease" { v.prerelease = text } else { v.metadata = text } })
            }
        default:
            return nil
        }
    }
}

extension SemverVersion: GoJSONEncodable {
    /// Masterminds' `MarshalJSON`: the version's `String()`.
    public var jsonValue: Value { .string(string) }
}
