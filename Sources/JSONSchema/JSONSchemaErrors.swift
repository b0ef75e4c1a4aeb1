import GoStd

/// What went wrong at one place (the library's `kind` package), with the
/// English texts its `LocalizedString` gives.
enum SchemaErrorKind: Sendable {
    case invalidJSONValue(String)
    case schema(String)
    case group
    case not
    case allOf
    case anyOf
    case oneOf([Int])
    case falseSchema
    case refCycle(url: String, keywordLocation1: String, keywordLocation2: String)
    case type(got: String, want: [String])
    case enumeration([JSONSchemaValue])
    case const(JSONSchemaValue)
    case format(got: JSONSchemaValue, name: String, error: String)
    case reference(keyword: String, url: String)
    case minProperties(Int, Int), maxProperties(Int, Int)
    case minItems(Int, Int), maxItems(Int, Int)
    case additionalItems(Int)
    case required([String])
    case dependency(String, [String])
    case dependentRequired(String, [String])
    case additionalProperties([String])
    case propertyNames(String)
    case uniqueItems(Int, Int)
    case contains
    case minContains([Int], Int), maxContains([Int], Int)
    case minLength(Int, Int), maxLength(Int, Int)
    case pattern(String, String)
    case minimum(Double, Double), maximum(Double, Double)
    case exclusiveMinimum(Double, Double), exclusiveMaximum(Double, Double)
    case multipleOf(Double, Double)

    var text: String {
        let int = SchemaNumberText.integer
        let float = SchemaNumberText.float
        switch self {
        case .invalidJSONValue(let t): return "invalid jsonType \(t)"
        case .schema(let location): return "jsonschema validation failed with \(jsonSchemaQuote(location))"
        case .group, .reference: return "validation failed"
        case .not: return "'not' failed"
        case .allOf: return "'allOf' failed"
        case .anyOf: return "'anyOf' failed"
        case .oneOf(let matched):
            if matched.count < 2 { return "'oneOf' failed, none matched" }
            return "'oneOf' failed, subschemas \(int(matched[0])), \(int(matched[1])) matched"
        case .falseSchema: return "false schema"
        case .refCycle(let url, let k1, let k2): return "both \(k1) and \(k2) resolve to \(GoQuote.quote(url)) causing reference cycle"
        case .type(let got, let want): return "got \(got), want \(want.joined(separator: " or "))"
        case .enumeration(let want):
            if want.contains(where: { $0.arrayValue != nil || $0.objectValue != nil }) { return "'enum' failed" }
            if want.count == 1 { return "value must be \(want[0].display)" }
            return "value must be one of \(want.map(\.display).joined(separator: ", "))"
        case .const(let want):
            if want.arrayValue != nil || want.objectValue != nil { return "'const' failed" }
            return "value must be \(want.display)"
        case .format(let got, let name, let error): return "\(got.display) is not valid \(name): \(error)"
        case .minProperties(let g, let w): return "minProperties: got \(int(g)), want \(int(w))"
        case .maxProperties(let g, let w): return "maxProperties: got \(int(g)), want \(int(w))"
        case .minItems(let g, let w): return "minItems: got \(int(g)), want \(int(w))"
        case .maxItems(let g, let w): return "maxItems: got \(int(g)), want \(int(w))"
        case .additionalItems(let n): return "last \(int(n)) additionalItem(s) not allowed"
        case .required(let missing):
            if missing.count == 1 { return "missing property \(jsonSchemaQuote(missing[0]))" }
            return "missing properties \(missing.map(jsonSchemaQuote).joined(separator: ", "))"
        case .dependency(let prop, let missing), .dependentRequired(let prop, let missing):
            return "properties \(missing.map(jsonSchemaQuote).joined(separator: ", ")) required, if \(jsonSchemaQuote(prop)) exists"
        case .additionalProperties(let props): return "additional properties \(props.map(jsonSchemaQuote).joined(separator: ", ")) not allowed"
        case .propertyNames(let p): return "invalid propertyName \(jsonSchemaQuote(p))"
        case .uniqueItems(let i, let j): return "items at \(int(i)) and \(int(j)) are equal"
        case .contains: return "no items match contains schema"
        case .minContains(let got, let want):
            if got.isEmpty { return "min \(int(want)) items required to match contains schema, but none matched" }
            return "min \(int(want)) items required to match contains schema, but matched \(int(got.count)) items at \(got.map(String.init).joined(separator: " "))"
        case .maxContains(let got, let want):
            return "max \(int(want)) items required to match contains schema, but matched \(int(got.count)) items at \(got.map(String.init).joined(separator: " "))"
        case .minLength(let g, let w): return "minLength: got \(int(g)), want \(int(w))"
        case .maxLength(let g, let w): return "maxLength: got \(int(g)), want \(int(w))"
        case .pattern(let got, let want): return "\(jsonSchemaQuote(got)) does not match pattern \(jsonSchemaQuote(want))"
        case .minimum(let g, let w): return "minimum: got \(float(g)), want \(float(w))"
        case .maximum(let g, let w): return "maximum: got \(float(g)), want \(float(w))"
        case .exclusiveMinimum(let g, let w): return "exclusiveMinimum: got \(float(g)), want \(float(w))"
        case .exclusiveMaximum(let g, let w): return "exclusiveMaximum: got \(float(g)), want \(float(w))"
        case .multipleOf(let g, let w): return "multipleOf: got \(float(g)), want \(float(w))"
        }
    }
}

/// A validation failure and its causes (the library's `ValidationError`).
struct SchemaValidationFailure: Sendable {
    var schemaURL: String
    var instanceLocation: [String]
    var kind: SchemaErrorKind
    var causes: [SchemaValidationFailure] = []

    /// `Error()`: the first line, then every cause as an indented
    /// `- at '<pointer>': <message>` line, depth first. A reference with a
    /// single cause is not printed itself.
    var text: String {
        var out = ""
        display(into: &out, indent: 0)
        return out
    }

    private var skipped: Bool {
        if causes.count == 1, case .reference = kind { return true }
        return false
    }

    private func display(into out: inout String, indent: Int) {
        var indent = indent
        if !skipped {
            if indent > 0 {
                out += "\n" + String(repeating: "  ", count: indent - 1) + "- "
            }
            indent += 1
            if case .schema = kind {
                out += kind.text
            } else {
                let pointer = instanceLocation.map { "/" + SchemaURL.escape($0) }.joined()
                out += "at \(jsonSchemaQuote(pointer)): \(kind.text)"
            }
        }
        for cause in causes { cause.display(into: &out, indent: indent) }
    }
}
