import Diagnostics
import Values

/// The validator family behind an assertion key.
public enum ValidatorKind: String, Sendable, Hashable {
    case matchSnapshot, matchSnapshotRaw, equal, greaterOrEqual, lessOrEqual, equalRaw, exists
    case matchRegex, matchRegexRaw, contains, isKind, isAPIVersion, hasDocuments, isSubset
    case isNullOrEmpty, failedTemplate, containsDocument, lengthEqual, isType
}

/// A registry entry: which validator runs, whether the key is the negated
/// form (`notEqual`), and whether the render must succeed.
public struct AssertionKind: Sendable, Hashable {
    public let validator: ValidatorKind
    /// The key negates the validator (`notEqual`, and `isNull` = negated `exists`).
    public let antonym: Bool
    /// False only for `failedTemplate`.
    public let expectRenderSuccess: Bool

    init(_ validator: ValidatorKind, antonym: Bool = false, expectRenderSuccess: Bool = true) {
        self.validator = validator
        self.antonym = antonym
        self.expectRenderSuccess = expectRenderSuccess
    }

    /// Every assertion key helm-unittest accepts.
    public static let registry: [String: AssertionKind] = [
        "matchSnapshot": AssertionKind(.matchSnapshot),
        "matchSnapshotRaw": AssertionKind(.matchSnapshotRaw),
        "equal": AssertionKind(.equal),
        "notEqual": AssertionKind(.equal, antonym: true),
        "greaterOrEqual": AssertionKind(.greaterOrEqual),
        "notGreaterOrEqual": AssertionKind(.greaterOrEqual, antonym: true),
        "lessOrEqual": AssertionKind(.lessOrEqual),
        "notLessOrEqual": AssertionKind(.lessOrEqual, antonym: true),
        "equalRaw": AssertionKind(.equalRaw),
        "notEqualRaw": AssertionKind(.equalRaw, antonym: true),
        "exists": AssertionKind(.exists),
        "notExists": AssertionKind(.exists, antonym: true),
        "matchRegex": AssertionKind(.matchRegex),
        "notMatchRegex": AssertionKind(.matchRegex, antonym: true),
        "matchRegexRaw": AssertionKind(.matchRegexRaw),
        "notMatchRegexRaw": AssertionKind(.matchRegexRaw, antonym: true),
        "contains": AssertionKind(.contains),
        "notContains": AssertionKind(.contains, antonym: true),
        "isKind": AssertionKind(.isKind),
        "isAPIVersion": AssertionKind(.isAPIVersion),
        "hasDocuments": AssertionKind(.hasDocuments),
        "isSubset": AssertionKind(.isSubset),
        "isNotSubset": AssertionKind(.isSubset, antonym: true),
        "isNullOrEmpty": AssertionKind(.isNullOrEmpty),
        "isNotNullOrEmpty": AssertionKind(.isNullOrEmpty, antonym: true),
        "failedTemplate": AssertionKind(.failedTemplate, expectRenderSuccess: false),
        "notFailedTemplate": AssertionKind(.failedTemplate, antonym: true),
        "containsDocument": AssertionKind(.containsDocument),
        "lengthEqual": AssertionKind(.lengthEqual),
        "notLengthEqual": AssertionKind(.lengthEqual, antonym: true),
        "isNull": AssertionKind(.exists, antonym: true),
        "isNotNull": AssertionKind(.exists),
        "isEmpty": AssertionKind(.isNullOrEmpty),
        "isNotEmpty": AssertionKind(.isNullOrEmpty, antonym: true),
        "isType": AssertionKind(.isType),
        "isNotType": AssertionKind(.isType, antonym: true),
    ]
}

/// A validator with its parameters, decoded from the assertion's value the
/// way mapstructure fills helm-unittest's validator structs (field names
/// case-insensitive, unknown keys ignored).
public enum Check: Sendable {
    case equal(path: String, value: Value, decodeBase64: Bool)
    case equalRaw(value: String)
    case exists(path: String)
    case contains(path: String, content: Value, count: Int?, any: Bool)
    case containsDocument(kind: String, apiVersion: String, name: String, namespace: String, any: Bool)
    case failedTemplate(errorMessage: String, errorPattern: String)
    case hasDocuments(count: Int, filterAware: Bool)
    case isKind(of: String)
    case isAPIVersion(of: String)
    case isNullOrEmpty(path: String)
    case isSubset(path: String, content: Value)
    case isType(path: String, type: String)
    case lengthEqual(paths: [String], path: String, count: Int?)
    case matchRegex(path: String, pattern: String, decodeBase64: Bool)
    case matchRegexRaw(pattern: String)
    /// greaterOrEqual / lessOrEqual.
    case compare(path: String, value: Value, greater: Bool)
    case matchSnapshot(path: String, matchRegex: String?, notMatchRegex: String?)
    case matchSnapshotRaw
}

/// mapstructure's decoding of one validator's parameters.
struct CheckDecoder {
    private var fields: [String: Value] = [:]
    private var errors: [String] = []
    private let present: Bool
    /// Where the assertion's key is, for errors.
    private let location: SourceLocation

    /// Throws mapstructure's error when `params` is neither null nor a map.
    init(_ params: Value, at location: SourceLocation) throws(LocatedError) {
        self.location = location
        switch params {
        case .null:
            present = false
        case .map(let m, _):
            present = true
            for key in m.sortedKeys { fields[key.text.lowercased()] = m.entries[key] }
        default:
            throw LocatedError(.suiteFile, "'' expected a map, got '\(mapstructureKind(params))'", at: location)
        }
    }

    private func field(_ name: String) -> Value? {
        guard let v = fields[name.lowercased()], present else { return nil }
        if case .null = v { return nil }
        return v
    }

    mutating func string(_ name: String) -> String {
        guard let v = field(name) else { return "" }
        if case .string(let s) = v { return s.text }
        errors.append("'\(name)' expected type 'string', got unconvertible type '\(v.goTypeName)', value: '\(GoFmt.format(v))'")
        return ""
    }

    mutating func bool(_ name: String) -> Bool {
        guard let v = field(name) else { return false }
        if case .bool(let b) = v { return b }
        errors.append("'\(name)' expected type 'bool', got unconvertible type '\(v.goTypeName)', value: '\(GoFmt.format(v))'")
        return false
    }

    mutating func int(_ name: String) -> Int? {
        guard let v = field(name) else { return nil }
        switch v {
        case .int(let n, _): return Int(truncatingIfNeeded: n)
        case .float(let f) where f.isFinite && abs(f) < 9.2e18: return Int(f)
        default:
            errors.append("'\(name)' expected type 'int', got unconvertible type '\(v.goTypeName)', value: '\(GoFmt.format(v))'")
            return nil
        }
    }

    func any(_ name: String) -> Value {
        field(name) ?? .null
    }

    mutating func strings(_ name: String) -> [String] {
        guard let v = field(name) else { return [] }
        guard case .list(let items, _) = v else {
            errors.append("'\(name)': source data must be an array or slice, got \(mapstructureKind(v))")
            return []
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item { out.append(s.text); continue }
            if case .null = item { out.append(""); continue }
            errors.append("'\(name)[\(i)]' expected type 'string', got unconvertible type '\(item.goTypeName)', value: '\(GoFmt.format(item))'")
        }
        return out
    }

    /// A nested `{pattern: …}` struct (matchSnapshot's regex options).
    mutating func pattern(_ name: String) -> String? {
        guard let v = field(name) else { return nil }
        guard case .map(let m, _) = v else {
            errors.append("'\(name)' expected a map, got '\(mapstructureKind(v))'")
            return nil
        }
        var nested = fields
        nested = [:]
        for key in m.sortedKeys { nested[key.text.lowercased()] = m.entries[key] }
        if let p = nested["pattern"] {
            if case .string(let s) = p { return s.text }
            if case .null = p { return "" }
            errors.append("'\(name).Pattern' expected type 'string', got unconvertible type '\(p.goTypeName)', value: '\(GoFmt.format(p))'")
        }
        return ""
    }

    /// Throws mapstructure's combined error if any field failed.
    func finish() throws(LocatedError) {
        guard !errors.isEmpty else { return }
        let points = errors.map { "* " + $0 }.joined(separator: "\n")
        throw LocatedError(.suiteFile, "\(errors.count) error(s) decoding:\n\n\(points)", at: location)
    }

    static func decode(_ validator: ValidatorKind, _ params: Value, at location: SourceLocation) throws(LocatedError) -> Check {
        var d = try CheckDecoder(params, at: location)
        let check: Check
        switch validator {
        case .equal:
            check = .equal(path: d.string("Path"), value: d.any("Value"), decodeBase64: d.bool("DecodeBase64"))
        case .equalRaw: check = .equalRaw(value: d.string("Value"))
        case .exists: check = .exists(path: d.string("Path"))
        case .contains:
            check = .contains(path: d.string("Path"), content: d.any("Content"), count: d.int("Count"), any: d.bool("Any"))
        case .containsDocument:
            check = .containsDocument(kind: d.string("Kind"), apiVersion: d.string("APIVersion"), name: d.string("Name"),
                                      namespace: d.string("Namespace"), any: d.bool("Any"))
        case .failedTemplate:
            check = .failedTemplate(errorMessage: d.string("ErrorMessage"), errorPattern: d.string("ErrorPattern"))
        case .hasDocuments: check = .hasDocuments(count: d.int("Count") ?? 0, filterAware: d.bool("FilterAware"))
        case .isKind: check = .isKind(of: d.string("Of"))
        case .isAPIVersion: check = .isAPIVersion(of: d.string("Of"))
        case .isNullOrEmpty: check = .isNullOrEmpty(path: d.string("Path"))
        case .isSubset: check = .isSubset(path: d.string("Path"), content: d.any("Content"))
        case .isType: check = .isType(path: d.string("Path"), type: d.string("Type"))
        case .lengthEqual: check = .lengthEqual(paths: d.strings("Paths"), path: d.string("Path"), count: d.int("Count"))
        case .matchRegex:
            check = .matchRegex(path: d.string("Path"), pattern: d.string("Pattern"), decodeBase64: d.bool("DecodeBase64"))
        case .matchRegexRaw: check = .matchRegexRaw(pattern: d.string("Pattern"))
        case .greaterOrEqual: check = .compare(path: d.string("Path"), value: d.any("Value"), greater: true)
        case .lessOrEqual: check = .compare(path: d.string("Path"), value: d.any("Value"), greater: false)
        case .matchSnapshot:
            check = .matchSnapshot(path: d.string("Path"), matchRegex: d.pattern("MatchRegex"), notMatchRegex: d.pattern("NotMatchRegex"))
        case .matchSnapshotRaw: check = .matchSnapshotRaw
        }
        try d.finish()
        return check
    }
}

/// reflect.Kind names mapstructure prints.
private func mapstructureKind(_ v: Value) -> String {
    switch v {
    case .list: return "slice"
    case .map: return "map"
    default: return v.goKind
    }
}
