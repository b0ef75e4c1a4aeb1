import GoStd
import GoTemplate
import Semver
import Values

/// A Masterminds/semver `*Version`, as `semver` returns it: a Go object
/// whose methods (`Major`, `Prerelease`, `IncPatch`, `Compare`…) templates can call.
struct SemverObject: GoMethodProvider, Hashable {
    var version: SemverVersion
    /// Whether this is a `*Version` (from `semver`) rather than a `Version`
    /// value (from `IncPatch`…), which has no pointer-receiver methods.
    var isPointer = true

    var goTypeName: String { isPointer ? "*semver.Version" : "semver.Version" }
    var goKind: String { isPointer ? "ptr" : "struct" }
    var goFormatted: String { version.string }
    var goFmtForm: GoFmtForm { .stringer(version.string, goSyntax: nil) }

    private func next(_ change: (inout SemverVersion) -> Void) -> SemverObject {
        SemverObject(version: version.bumped(change), isPointer: false)
    }

    func member(_ name: String) -> Value? {
        switch name {
        case "Major": return .int(Int64(bitPattern: version.major), .uint64)
        case "Minor": return .int(Int64(bitPattern: version.minor), .uint64)
        case "Patch": return .int(Int64(bitPattern: version.patch), .uint64)
        case "Prerelease": return .string(version.prerelease)
        case "Metadata": return .string(version.metadata)
        case "Original": return isPointer ? .string(version.original) : nil
        case "String": return .string(version.string)
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
        guard case .object(let o) = v, let s = o as? SemverObject else {
            throw GoError("runtime error: invalid memory address or nil pointer dereference")
        }
        return s.version
    }

    func method(_ name: String) -> TemplateFunction? {
        let this = self
        let pointerOnly = ["Compare", "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal"]
        if !isPointer && pointerOnly.contains(name) { return nil }
        let versionType = GoType.named("*semver.Version")
        switch name {
        case "Compare":
            return TemplateFunction([versionType], returns: .int) { args, _ in .int(this.version.compare(try Self.other(args[0]))) }
        case "LessThan", "LessThanEqual", "GreaterThan", "GreaterThanEqual", "Equal":
            return TemplateFunction([versionType], returns: .bool) { args, _ in
                let c = this.version.compare(try Self.other(args[0]))
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
                    if name == "SetPrerelease" { try SemverVersion.validatePrerelease(text) } else { try SemverVersion.validateMetadata(text) }
                }
                return .object(this.next { v in if name == "SetPrerelease" { v.prerelease = text } else { v.metadata = text } })
            }
        default:
            return nil
        }
    }
}


extension SemverObject: GoJSONEncodable {
    /// Masterminds' `MarshalJSON`: the version's `String()`.
    var jsonValue: Value { .string(version.string) }
}
