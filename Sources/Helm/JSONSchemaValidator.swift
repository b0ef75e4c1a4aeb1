/// Properties and items not yet evaluated, for `unevaluated*`.
private final class Uneval {
    var props: Set<String> = []
    var items: Set<Int> = []

    init(_ value: JSONSchemaValue, _ node: SchemaNode, callerNeeds: Bool) {
        switch value {
        case .object(let o):
            if !node.allPropsEvaluated, callerNeeds || node.unevaluatedProperties != nil { props = Set(o.keys) }
        case .array(let a):
            if !node.allItemsEvaluated, callerNeeds || node.unevaluatedItems != nil, node.numItemsEvaluated < a.count {
                items = Set(node.numItemsEvaluated..<a.count)
            }
        default: break
        }
    }

    func merge(_ other: Uneval) {
        props.formIntersection(other.props)
        items.formIntersection(other.items)
    }

    var isEmpty: Bool { props.isEmpty && items.isEmpty }
}

/// The dynamic scope: which schema validates which value, for `$ref` cycle
/// detection and dynamic/recursive references.
private final class Scope {
    let node: Int
    let refKeyword: String
    let vid: Int
    let parent: Scope?

    init(_ node: Int, _ refKeyword: String, _ vid: Int, _ parent: Scope?) {
        self.node = node
        self.refKeyword = refKeyword
        self.vid = vid
        self.parent = parent
    }

    func checkCycle() -> Scope? {
        var scope = parent
        while let s = scope, s.vid == vid {
            if s.node == node { return s }
            scope = s.parent
        }
        return nil
    }

    func keywordLocation(_ nodes: [SchemaNode]) -> String {
        var loc = ""
        var scope: Scope = self
        while let parent = scope.parent {
            if !scope.refKeyword.isEmpty {
                loc = "/" + SchemaURL.escape(scope.refKeyword) + loc
            } else {
                let current = nodes[scope.node].location
                let parentLocation = nodes[parent.node].location
                loc = String(current.dropFirst(min(parentLocation.count, current.count))) + loc
            }
            scope = parent
        }
        return loc
    }
}

/// Metaschema context: validating a schema document, whose sub-resources
/// may declare other drafts.
struct SchemaMetaContext: Sendable {
    /// The metaschema root node of each draft.
    var roots: [Int: Int]
    /// Instance pointer → draft of the schema resources in the document.
    var dialects: [String: Int]
}

/// The library's validator: keyword order, error nesting and short cuts as
/// in santhosh-tekuri/jsonschema v6. Object members are visited in byte
/// order (Go visits them in random map order).
struct SchemaValidator {
    let nodes: [SchemaNode]
    private let value: JSONSchemaValue
    private var location: [String]
    private var node: Int
    private let scope: Scope
    private let uneval: Uneval
    private var errors: [SchemaValidationFailure] = []
    private let boolResult: Bool
    private var meta: Int?
    private let metaContext: SchemaMetaContext?

    /// `Schema.Validate`: nil when `value` is valid, else the failure tree
    /// headed by `jsonschema validation failed with '<location>'`.
    static func validate(_ value: JSONSchemaValue, nodes: [SchemaNode], root: Int, metaContext: SchemaMetaContext? = nil) -> SchemaValidationFailure? {
        var vd = SchemaValidator(nodes: nodes, value: value, location: [], node: root, scope: Scope(root, "", 0, nil),
                                 uneval: Uneval(value, nodes[root], callerNeeds: false), boolResult: false,
                                 meta: metaContext == nil ? nil : root, metaContext: metaContext)
        guard let failure = vd.run() else { return nil }
        let causes: [SchemaValidationFailure]
        if case .group = failure.kind { causes = failure.causes } else { causes = [failure] }
        return SchemaValidationFailure(schemaURL: nodes[root].location, instanceLocation: [], kind: .schema(nodes[root].location), causes: causes)
    }

    private init(nodes: [SchemaNode], value: JSONSchemaValue, location: [String], node: Int, scope: Scope, uneval: Uneval,
                 boolResult: Bool, meta: Int?, metaContext: SchemaMetaContext?) {
        self.nodes = nodes
        self.value = value
        self.location = location
        self.node = node
        self.scope = scope
        self.uneval = uneval
        self.boolResult = boolResult
        self.meta = meta
        self.metaContext = metaContext
    }

    private mutating func run() -> SchemaValidationFailure? {
        let s = nodes[node]
        if let b = s.boolSchema { return b ? nil : error(.falseSchema) }
        if let other = scope.checkCycle() {
            return error(.refCycle(url: s.location, keywordLocation1: scope.keywordLocation(nodes), keywordLocation2: other.keywordLocation(nodes)))
        }
        guard let type = value.typeName else {
            if case .invalid(let t) = value { return error(.invalidJSONValue(t)) }
            return nil
        }
        if !s.types.isEmpty {
            let isInteger = value.numberValue?.decimal.isInteger ?? false
            if !(s.types.contains(type) || (s.types.contains("integer") && type == "number" && isInteger)) {
                return error(.type(got: type, want: s.types))
            }
        }
        if let want = s.constValue {
            switch JSONSchemaValue.equal(value, want) {
            case .failure(let e): return error(.invalidJSONValue(e.typeName))
            case .success(false): return error(.const(want))
            case .success(true): break
            }
        }
        if let values = s.enumValues {
            var matched = false
            if s.enumTypes.contains(type) {
                for item in values {
                    switch JSONSchemaValue.equal(value, item) {
                    case .failure(let e): return error(.invalidJSONValue(e.typeName))
                    case .success(let ok): matched = ok
                    }
                    if matched { break }
                }
            }
            if !matched { return error(.enumeration(values)) }
        }
        if let format = s.format, let message = SchemaFormats.check(format, value) {
            return error(.format(got: value, name: format, error: message))
        }
        if let ref = s.ref {
            let failure = validateRef(ref, "$ref")
            if s.draft < 2019 { return failure }
            if let failure { errors.append(failure) }
        }
        switch value {
        case .object(let o): validateObject(o, s)
        case .array(let a): validateArray(a, s)
        case .string(let str): validateString(str, s)
        case .number(let n): validateNumber(n, s)
        default: break
        }
        if errors.isEmpty || !boolResult {
            if s.draft >= 2019 { validateDynamicRefs(s) }
            validateConditions(s)
            if s.draft >= 2019 { validateUnevaluated(s) }
        }
        switch errors.count {
        case 0: return nil
        case 1: return errors[0]
        default:
            var group = error(.group)
            group.causes = errors
            return group
        }
    }

    private mutating func validateObject(_ obj: [String: JSONSchemaValue], _ s: SchemaNode) {
        if let min = s.minProperties, obj.count < min { addError(.minProperties(obj.count, min)) }
        if let max = s.maxProperties, obj.count > max { addError(.maxProperties(obj.count, max)) }
        if !s.required.isEmpty, let missing = findMissing(obj, s.required) { addError(.required(missing)) }
        if boolResult && !errors.isEmpty { return }
        for name in s.dependencies.keys.sorted(by: goLess) where obj[name] != nil {
            switch s.dependencies[name] {
            case .required(let props)?:
                if let missing = findMissing(obj, props) { addError(.dependency(name, missing)) }
            case .schema(let sch)?:
                add(validateSelf(sch, "", false))
            case nil: break
            }
        }
        var additional: [String] = []
        for name in obj.keys.sorted(by: goLess) {
            if boolResult && !errors.isEmpty { return }
            guard let member = obj[name] else { continue }
            var evaluated = false
            if let sch = s.properties[name] {
                evaluated = true
                add(validateVal(sch, member, name))
            }
            for pattern in s.patternProperties where pattern.regex.matches(name) {
                evaluated = true
                add(validateVal(pattern.schema, member, name))
            }
            if !evaluated, let extra = s.additionalProperties {
                evaluated = true
                switch extra {
                case .bool(let allowed): if !allowed { additional.append(name) }
                case .schema(let sch): add(validateVal(sch, member, name))
                }
            }
            if evaluated { uneval.props.remove(name) }
        }
        if !additional.isEmpty { addError(.additionalProperties(additional)) }
        if s.draft == 4 { return }
        if let names = s.propertyNames {
            for name in obj.keys.sorted(by: goLess) {
                var target = names
                var metaRoot = meta
                if let switched = metaSwitch(names) { target = switched; metaRoot = switched }
                let inner = SchemaValidator(nodes: nodes, value: .string(name), location: [], node: target, scope: Scope(target, "", 0, nil),
                                            uneval: Uneval(.string(name), nodes[target], callerNeeds: false), boolResult: false,
                                            meta: metaRoot, metaContext: metaContext)
                var runner = inner
                runner.handleMeta()
                if let failure = runner.run() {
                    let causes: [SchemaValidationFailure]
                    if case .group = failure.kind { causes = failure.causes } else { causes = [failure] }
                    errors.append(SchemaValidationFailure(schemaURL: nodes[names].location, instanceLocation: [],
                                                          kind: .propertyNames(name), causes: causes))
                }
            }
        }
        if s.draft == 6 { return }
        for name in s.dependentSchemas.keys.sorted(by: goLess) where obj[name] != nil {
            if let sch = s.dependentSchemas[name] { add(validateSelf(sch, "", false)) }
        }
        for name in s.dependentRequired.keys.sorted(by: goLess) where obj[name] != nil {
            if let missing = findMissing(obj, s.dependentRequired[name] ?? []) { addError(.dependentRequired(name, missing)) }
        }
    }

    private mutating func validateArray(_ arr: [JSONSchemaValue], _ s: SchemaNode) {
        if let min = s.minItems, arr.count < min { addError(.minItems(arr.count, min)) }
        if let max = s.maxItems, arr.count > max { addError(.maxItems(arr.count, max)) }
        if s.uniqueItems, arr.count > 1 {
            outer: for i in 1..<arr.count {
                for j in 0..<i {
                    switch JSONSchemaValue.equal(arr[i], arr[j]) {
                    case .failure(let e): addError(.invalidJSONValue(e.typeName)); break outer
                    case .success(true): addError(.uniqueItems(j, i)); break outer
                    case .success(false): continue
                    }
                }
            }
        }
        if s.draft < 2020 {
            var evaluated = 0
            switch s.items {
            case .one(let sch)?:
                for (i, item) in arr.enumerated() { add(validateVal(sch, item, String(i))) }
                evaluated = arr.count
            case .list(let schemas)?:
                evaluated = min(arr.count, schemas.count)
                for i in 0..<evaluated { add(validateVal(schemas[i], arr[i], String(i))) }
            case nil: break
            }
            switch s.additionalItems {
            case .bool(false)?: if evaluated != arr.count { addError(.additionalItems(arr.count - evaluated)) }
            case .schema(let sch)?:
                // The library numbers these from 0, not from their index.
                for (i, item) in arr[evaluated...].enumerated() { add(validateVal(sch, item, String(i))) }
            default: break
            }
        } else {
            let evaluated = min(s.prefixItems.count, arr.count)
            for i in 0..<evaluated { add(validateVal(s.prefixItems[i], arr[i], String(i))) }
            if let sch = s.items2020 {
                for (i, item) in arr[evaluated...].enumerated() { add(validateVal(sch, item, String(i))) }
            }
        }
        if let contains = s.contains {
            var failures: [SchemaValidationFailure] = []
            var matched: [Int] = []
            for (i, item) in arr.enumerated() {
                if let failure = validateVal(contains, item, String(i)) {
                    failures.append(failure)
                } else {
                    matched.append(i)
                    if s.draft >= 2020 { uneval.items.remove(i) }
                }
            }
            if let min = s.minContains {
                if matched.count < min { addErrors(failures, .minContains(matched, min)) }
            } else if matched.isEmpty {
                addErrors(failures, .contains)
            }
            if let max = s.maxContains, matched.count > max { addError(.maxContains(matched, max)) }
        }
    }

    private mutating func validateString(_ str: String, _ s: SchemaNode) {
        let length = str.unicodeScalars.count
        if let min = s.minLength, length < min { addError(.minLength(length, min)) }
        if let max = s.maxLength, length > max { addError(.maxLength(length, max)) }
        if let pattern = s.pattern, !pattern.regex.matches(str) { addError(.pattern(str, pattern.text)) }
    }

    private mutating func validateNumber(_ n: JSONSchemaNumber, _ s: SchemaNode) {
        let v = n.decimal
        if let min = s.minimum, v < min { addError(.minimum(n.double, min.double)) }
        if let max = s.maximum, v > max { addError(.maximum(n.double, max.double)) }
        if let min = s.exclusiveMinimum, v <= min { addError(.exclusiveMinimum(n.double, min.double)) }
        if let max = s.exclusiveMaximum, v >= max { addError(.exclusiveMaximum(n.double, max.double)) }
        if let m = s.multipleOf, !v.isMultiple(of: m) { addError(.multipleOf(n.double, m.double)) }
    }

    private mutating func validateConditions(_ s: SchemaNode) {
        if let not = s.not, validateSelf(not, "", true) == nil { addError(.not) }
        if !s.allOf.isEmpty {
            var failures: [SchemaValidationFailure] = []
            for sch in s.allOf {
                if let failure = validateSelf(sch, "", false) {
                    failures.append(failure)
                    if boolResult { break }
                }
            }
            if !failures.isEmpty { addErrors(failures, .allOf) }
        }
        if !s.anyOf.isEmpty {
            var matched = false
            var failures: [SchemaValidationFailure] = []
            for sch in s.anyOf {
                if let failure = validateSelf(sch, "", false) {
                    failures.append(failure)
                } else {
                    matched = true
                    if uneval.isEmpty { break }
                }
            }
            if !matched { addErrors(failures, .anyOf) }
        }
        if !s.oneOf.isEmpty {
            var matched = -1
            var failures: [SchemaValidationFailure] = []
            for (i, sch) in s.oneOf.enumerated() {
                if let failure = validateSelf(sch, "", matched != -1) {
                    if matched == -1 { failures.append(failure) }
                } else if matched == -1 {
                    matched = i
                } else {
                    addError(.oneOf([matched, i]))
                    break
                }
            }
            if matched == -1 { addErrors(failures, .oneOf([])) }
        }
        if let cond = s.ifSchema {
            if validateSelf(cond, "", true) == nil {
                if let then = s.thenSchema { add(validateSelf(then, "", false)) }
            } else if let otherwise = s.elseSchema {
                add(validateSelf(otherwise, "", false))
            }
        }
    }

    private mutating func validateUnevaluated(_ s: SchemaNode) {
        if case .object(let obj) = value, let sch = s.unevaluatedProperties {
            for name in uneval.props.sorted(by: goLess) {
                if let member = obj[name] { add(validateVal(sch, member, name)) }
            }
            uneval.props = []
        }
        if case .array(let arr) = value, let sch = s.unevaluatedItems {
            for i in uneval.items.sorted() { add(validateVal(sch, arr[i], String(i))) }
            uneval.items = []
        }
    }

    private mutating func validateDynamicRefs(_ s: SchemaNode) {
        if var sch = s.recursiveRef {
            if nodes[sch].recursiveAnchor {
                var scope: Scope? = self.scope
                while let current = scope {
                    if nodes[nodes[current.node].resource].recursiveAnchor { sch = current.node }
                    scope = current.parent
                }
            }
            add(validateRef(sch, "$recursiveRef"))
        }
        if var sch = s.dynamicRef {
            if !s.dynamicRefAnchor.isEmpty, nodes[sch].dynamicAnchor == s.dynamicRefAnchor {
                var scope: Scope? = self.scope
                while let current = scope {
                    if let target = nodes[nodes[current.node].resource].dynamicAnchors[s.dynamicRefAnchor] { sch = target }
                    scope = current.parent
                }
            }
            add(validateRef(sch, "$dynamicRef"))
        }
    }

    // MARK: helpers

    private mutating func validateSelf(_ sch: Int, _ refKeyword: String, _ wantBool: Bool) -> SchemaValidationFailure? {
        var sub = SchemaValidator(nodes: nodes, value: value, location: location, node: sch,
                                  scope: Scope(sch, refKeyword, scope.vid, scope),
                                  uneval: Uneval(value, nodes[sch], callerNeeds: !uneval.isEmpty),
                                  boolResult: boolResult || wantBool, meta: meta, metaContext: metaContext)
        sub.handleMeta()
        let failure = sub.run()
        if failure == nil { uneval.merge(sub.uneval) }
        return failure
    }

    private func validateVal(_ sch: Int, _ member: JSONSchemaValue, _ token: String) -> SchemaValidationFailure? {
        var sub = SchemaValidator(nodes: nodes, value: member, location: location + [token], node: sch,
                                  scope: Scope(sch, "", scope.vid + 1, scope),
                                  uneval: Uneval(member, nodes[sch], callerNeeds: false),
                                  boolResult: boolResult, meta: meta, metaContext: metaContext)
        sub.handleMeta()
        return sub.run()
    }

    private mutating func validateRef(_ sch: Int, _ keyword: String) -> SchemaValidationFailure? {
        guard let failure = validateSelf(sch, keyword, false) else { return nil }
        var ref = error(.reference(keyword: keyword, url: nodes[sch].location))
        if case .group = failure.kind, !boolResult { ref.causes = failure.causes } else { ref.causes = [failure] }
        return ref
    }

    /// The metaschema to switch to when `sch` is the current metaschema root
    /// and the instance here is a schema resource of another draft.
    private func metaSwitch(_ sch: Int) -> Int? {
        guard let metaContext, let meta, sch == meta else { return nil }
        let pointer = location.map { "/" + SchemaURL.escape($0) }.joined()
        guard let draft = metaContext.dialects[pointer] else { return nil }
        return metaContext.roots[draft]
    }

    private mutating func handleMeta() {
        if let switched = metaSwitch(node) {
            meta = switched
            node = switched
        }
    }

    private func error(_ kind: SchemaErrorKind) -> SchemaValidationFailure {
        if boolResult { return SchemaValidationFailure(schemaURL: "", instanceLocation: [], kind: .group) }
        return SchemaValidationFailure(schemaURL: nodes[node].location, instanceLocation: location, kind: kind)
    }

    private mutating func add(_ failure: SchemaValidationFailure?) {
        if let failure { errors.append(failure) }
    }

    private mutating func addError(_ kind: SchemaErrorKind) {
        errors.append(error(kind))
    }

    private mutating func addErrors(_ causes: [SchemaValidationFailure], _ kind: SchemaErrorKind) {
        var failure = error(kind)
        failure.causes = causes
        errors.append(failure)
    }

    private func findMissing(_ obj: [String: JSONSchemaValue], _ required: [String]) -> [String]? {
        var missing: [String] = []
        for name in required where obj[name] == nil {
            if boolResult { return [] }
            missing.append(name)
        }
        return missing.isEmpty ? nil : missing
    }
}

import Values
