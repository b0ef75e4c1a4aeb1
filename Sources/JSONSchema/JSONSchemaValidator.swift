import GoStd
import Values

/// Metaschema context: validating a schema document, whose sub-resources
/// may declare other drafts.
struct SchemaMetaContext: Sendable {
    /// The metaschema root node of each draft.
    let roots: [Int: Int]
    /// Instance pointer → draft of the schema resources in the document.
    let dialects: [String: Int]
    /// Whether a resource below the document root has a draft.
    let hasInnerDialects: Bool

    init(roots: [Int: Int], dialects: [String: Int]) {
        self.roots = roots
        self.dialects = dialects
        hasInnerDialects = dialects.keys.contains { !$0.isEmpty }
    }
}

/// The library's validator: keyword order, error nesting and short cuts as
/// in santhosh-tekuri/jsonschema v6. Object members are reported in byte
/// order (Go visits them in random map order).
enum SchemaValidator {
    /// `Schema.Validate`: nil when `value` is valid, else the failure tree
    /// headed by `jsonschema validation failed with '<location>'`.
    static func validate<I: SchemaInstance>(_ value: I, program: SchemaProgram, root: Int,
                                            metaContext: SchemaMetaContext? = nil) -> SchemaValidationFailure? {
        let nodes = program.nodes
        let run = SchemaValidatorRun<I>(program: program, metaContext: metaContext)
        let view = value.schemaView
        let (result, _) = run.validate(root, value, view, refKeyword: "", vid: 0, parentScope: -1,
                                       uneval: Uneval.from(view, nodes[root], callerNeeds: false),
                                       boolResult: false, meta: metaContext == nil ? nil : root, handleMeta: false)
        guard let failure = result else { return nil }
        let causes: [SchemaValidationFailure]
        if case .group = failure.kind { causes = failure.causes } else { causes = [failure] }
        return SchemaValidationFailure(schemaURL: nodes[root].location, instanceLocation: [], kind: .schema(nodes[root].location), causes: causes)
    }
}

/// One validation: the state the library keeps per (sub)validator lives
/// here once, as stacks that follow the recursion. The dynamic scope (which
/// schema validates which value, for `$ref` cycle detection and
/// dynamic/recursive references) is a parent-linked list of stack entries;
/// the instance location is a stack of tokens, turned into strings only
/// when an error is reported.
private final class SchemaValidatorRun<I: SchemaInstance> {
    struct Scope {
        var node: Int
        var refKeyword: String
        var vid: Int
        var parent: Int
    }

    enum Token {
        case key(String)
        case index(Int)

        var text: String {
            switch self {
            case .key(let k): return k
            case .index(let i): return String(i)
            }
        }
    }

    /// What one (sub)validator of the library holds.
    struct Frame {
        /// The schema, after a metaschema switch.
        let node: Int
        let s: SchemaNode
        let value: I
        let scope: Int
        let uneval: Uneval?
        let boolResult: Bool
        let meta: Int?
        var errors: [SchemaValidationFailure] = []

        mutating func add(_ failure: SchemaValidationFailure?) {
            if let failure { errors.append(failure) }
        }
    }

    let nodes: [SchemaNode]
    let summaries: [SchemaNodeSummary]
    let metaContext: SchemaMetaContext?
    // Touched only by this run's own recursion, on one thread: no runtime
    // exclusivity checks (they were a noticeable share of validation).
    @exclusivity(unchecked) private var scopes: [Scope] = []
    @exclusivity(unchecked) private var location: [Token] = []

    init(program: SchemaProgram, metaContext: SchemaMetaContext?) {
        nodes = program.nodes
        summaries = program.summaries
        self.metaContext = metaContext
        scopes.reserveCapacity(32)
        location.reserveCapacity(16)
    }

    /// A sub-validator of schema `sch` for `value` (`validateSelf`,
    /// `validateVal` and the root): the failure, and what is left
    /// unevaluated.
    func validate(_ sch: Int, _ value: I, _ view: SchemaInstanceView<I>, refKeyword: String, vid: Int, parentScope: Int,
                  uneval: Uneval?, boolResult: Bool, meta: Int?, handleMeta: Bool) -> (SchemaValidationFailure?, Uneval?) {
        scopes.append(Scope(node: sch, refKeyword: refKeyword, vid: vid, parent: parentScope))
        defer { scopes.removeLast() }
        var node = sch
        var meta = meta
        if handleMeta, metaContext != nil, let switched = metaSwitch(node, meta) {
            meta = switched
            node = switched
        }
        var frame = Frame(node: node, s: nodes[node], value: value, scope: scopes.count - 1, uneval: uneval,
                          boolResult: boolResult, meta: meta)
        return (run(&frame, view), frame.uneval)
    }

    private func run(_ f: inout Frame, _ view: SchemaInstanceView<I>) -> SchemaValidationFailure? {
        let s = f.s
        let summary = summaries[f.node]
        let flags = summary.flags
        if flags.contains(.trueSchema) { return nil }
        if flags.contains(.falseSchema) { return error(f, .falseSchema) }
        if let other = checkCycle(f.scope) {
            return error(f, .refCycle(url: s.location, keywordLocation1: keywordLocation(f.scope), keywordLocation2: keywordLocation(other)))
        }
        let type = view.typeMask
        if type.isEmpty {
            if case .invalid(let t) = view { return error(f, .invalidJSONValue(t)) }
            return nil
        }
        let types = summary.types
        if !types.isEmpty, !types.contains(type) {
            var isInteger = false
            if types.contains(.integer), case .number(let n) = view { isInteger = n.isInteger }
            if !isInteger { return error(f, .type(got: view.typeName, want: s.types)) }
        }
        if flags.contains(.valueChecks), let failure = validateValue(f, type) { return failure }
        if flags.contains(.ref), let ref = s.ref {
            let failure = validateRef(&f, view, ref, "$ref")
            if s.draft < 2019 { return failure }
            if let failure { f.errors.append(failure) }
        }
        switch view {
        case .object(let o): if flags.contains(.object) { validateObject(&f, view, o) }
        case .array(let a): if flags.contains(.array) { validateArray(&f, view, a) }
        case .string(let str): if flags.contains(.string) { validateString(&f, str) }
        case .number(let n): if flags.contains(.number) { validateNumber(&f, n) }
        default: break
        }
        if f.errors.isEmpty || !f.boolResult {
            if flags.contains(.dynamicRefs), s.draft >= 2019 { validateDynamicRefs(&f, view) }
            if flags.contains(.conditions) { validateConditions(&f, view) }
            if flags.contains(.unevaluated), s.draft >= 2019 { validateUnevaluated(&f, view) }
        }
        switch f.errors.count {
        case 0: return nil
        case 1: return f.errors[0]
        default:
            var group = error(f, .group)
            group.causes = f.errors
            return group
        }
    }

    /// `const`, `enum` and `format`: the failure that ends validation here.
    private func validateValue(_ f: Frame, _ type: SchemaTypeMask) -> SchemaValidationFailure? {
        let s = f.s
        if let want = s.constValue {
            switch JSONSchemaValue.equal(f.value.jsonSchemaValue, want) {
            case .failure(let e): return error(f, .invalidJSONValue(e.typeName))
            case .success(false): return error(f, .const(want))
            case .success(true): break
            }
        }
        if let values = s.enumValues {
            var matched = false
            if s.enumTypeMask.contains(type) {
                let value = f.value.jsonSchemaValue
                for item in values {
                    switch JSONSchemaValue.equal(value, item) {
                    case .failure(let e): return error(f, .invalidJSONValue(e.typeName))
                    case .success(let ok): matched = ok
                    }
                    if matched { break }
                }
            }
            if !matched { return error(f, .enumeration(values)) }
        }
        if let format = s.format {
            let value = f.value.jsonSchemaValue
            if let message = SchemaFormats.check(format, value) {
                return error(f, .format(got: value, name: format, error: message))
            }
        }
        return nil
    }

    private func validateObject(_ f: inout Frame, _ view: SchemaInstanceView<I>, _ obj: [GoString: I]) {
        let s = f.s
        if let min = s.minProperties, obj.count < min { addError(&f, .minProperties(obj.count, min)) }
        if let max = s.maxProperties, obj.count > max { addError(&f, .maxProperties(obj.count, max)) }
        if !s.required.isEmpty, let missing = findMissing(f, obj, s.required) { addError(&f, .required(missing)) }
        if f.boolResult && !f.errors.isEmpty { return }
        if !s.dependencies.isEmpty {
            for name in s.dependencies.keys.sorted(by: goLess) where obj[GoString(name)] != nil {
                switch s.dependencies[name] {
                case .required(let props)?:
                    if let missing = findMissing(f, obj, props) { addError(&f, .dependency(name, missing)) }
                case .schema(let sch)?:
                    f.add(validateSelf(&f, view, sch, "", false))
                case nil: break
                }
            }
        }
        if !s.properties.isEmpty || !s.patternProperties.isEmpty || s.additionalProperties != nil {
            guard validateMembers(&f, obj) else { return }
        }
        if s.draft == 4 { return }
        if let names = s.propertyNames {
            // Each name is checked as a fresh instance: location and scope
            // start over.
            let outerLocation = location
            for name in obj.keys.sorted().map(\.text) {
                var target = names
                var metaRoot = f.meta
                location = outerLocation
                if metaContext != nil, let switched = metaSwitch(names, f.meta) { target = switched; metaRoot = switched }
                location = []
                let instance = I.schemaString(name)
                let instanceView = instance.schemaView
                let (failure, _) = validate(target, instance, instanceView, refKeyword: "", vid: 0, parentScope: -1,
                                            uneval: Uneval.from(instanceView, nodes[target], callerNeeds: false),
                                            boolResult: false, meta: metaRoot, handleMeta: true)
                if let failure {
                    let causes: [SchemaValidationFailure]
                    if case .group = failure.kind { causes = failure.causes } else { causes = [failure] }
                    f.errors.append(SchemaValidationFailure(schemaURL: nodes[names].location, instanceLocation: [],
                                                            kind: .propertyNames(name), causes: causes))
                }
            }
            location = outerLocation
        }
        if s.draft == 6 { return }
        if !s.dependentSchemas.isEmpty {
            for name in s.dependentSchemas.keys.sorted(by: goLess) where obj[GoString(name)] != nil {
                if let sch = s.dependentSchemas[name] { f.add(validateSelf(&f, view, sch, "", false)) }
            }
        }
        if !s.dependentRequired.isEmpty {
            for name in s.dependentRequired.keys.sorted(by: goLess) where obj[GoString(name)] != nil {
                if let missing = findMissing(f, obj, s.dependentRequired[name] ?? []) { addError(&f, .dependentRequired(name, missing)) }
            }
        }
    }

    /// `properties`, `patternProperties` and `additionalProperties`. The
    /// members are visited in whatever order the table has; the errors
    /// (and the names in an `additionalProperties` error) are then put in
    /// byte order of the member names, the order a sorted visit gives. A
    /// boolean-result run stops at the first error, as the library does:
    /// only whether there is one counts there. False when it stopped so.
    private func validateMembers(_ f: inout Frame, _ obj: [GoString: I]) -> Bool {
        let s = f.s
        var additional: [String] = []
        let start = f.errors.count
        /// The member each error from `start` on is about.
        var errorNames: [String] = []
        func visit(_ name: String, _ member: I, _ f: inout Frame) {
            var evaluated = false
            let before = f.errors.count
            if let sch = s.properties[name] {
                evaluated = true
                f.add(validateVal(f, sch, member, .key(name)))
            }
            for pattern in s.patternProperties where pattern.regex.matches(name) {
                evaluated = true
                f.add(validateVal(f, pattern.schema, member, .key(name)))
            }
            if !evaluated, let extra = s.additionalProperties {
                evaluated = true
                switch extra {
                case .bool(let allowed): if !allowed { additional.append(name) }
                case .schema(let sch): f.add(validateVal(f, sch, member, .key(name)))
                }
            }
            if evaluated { f.uneval?.props.remove(name) }
            for _ in before..<f.errors.count { errorNames.append(name) }
        }
        if s.patternProperties.isEmpty, s.additionalProperties == nil, s.properties.count < obj.count {
            // Only named properties are evaluated: look those up.
            for name in s.properties.keys {
                if f.boolResult && !f.errors.isEmpty { return false }
                if let member = obj[GoString(name)] { visit(name, member, &f) }
            }
        } else {
            for (key, member) in obj {
                if f.boolResult && !f.errors.isEmpty { return false }
                visit(key.text, member, &f)
            }
        }
        if errorNames.count > 1 {
            let order = errorNames.indices.sorted { a, b in
                if errorNames[a] != errorNames[b] { return goLess(errorNames[a], errorNames[b]) }
                return a < b
            }
            let unsorted = f.errors[start...]
            f.errors.replaceSubrange(start..., with: order.map { unsorted[start + $0] })
        }
        if !additional.isEmpty {
            additional.sort(by: goLess)
            addError(&f, .additionalProperties(additional))
        }
        return true
    }

    private func validateArray(_ f: inout Frame, _ view: SchemaInstanceView<I>, _ arr: [I]) {
        let s = f.s
        if let min = s.minItems, arr.count < min { addError(&f, .minItems(arr.count, min)) }
        if let max = s.maxItems, arr.count > max { addError(&f, .maxItems(arr.count, max)) }
        if s.uniqueItems, arr.count > 1 {
            let items = arr.map(\.jsonSchemaValue)
            outer: for i in 1..<items.count {
                for j in 0..<i {
                    switch JSONSchemaValue.equal(items[i], items[j]) {
                    case .failure(let e): addError(&f, .invalidJSONValue(e.typeName)); break outer
                    case .success(true): addError(&f, .uniqueItems(j, i)); break outer
                    case .success(false): continue
                    }
                }
            }
        }
        if s.draft < 2020 {
            var evaluated = 0
            switch s.items {
            case .one(let sch)?:
                for (i, item) in arr.enumerated() { f.add(validateVal(f, sch, item, .index(i))) }
                evaluated = arr.count
            case .list(let schemas)?:
                evaluated = min(arr.count, schemas.count)
                for i in 0..<evaluated { f.add(validateVal(f, schemas[i], arr[i], .index(i))) }
            case nil: break
            }
            switch s.additionalItems {
            case .bool(false)?: if evaluated != arr.count { addError(&f, .additionalItems(arr.count - evaluated)) }
            case .schema(let sch)?:
                // The library numbers these from 0, not from their index.
                for (i, item) in arr[evaluated...].enumerated() { f.add(validateVal(f, sch, item, .index(i))) }
            default: break
            }
        } else {
            let evaluated = min(s.prefixItems.count, arr.count)
            for i in 0..<evaluated { f.add(validateVal(f, s.prefixItems[i], arr[i], .index(i))) }
            if let sch = s.items2020 {
                for (i, item) in arr[evaluated...].enumerated() { f.add(validateVal(f, sch, item, .index(i))) }
            }
        }
        if let contains = s.contains {
            var failures: [SchemaValidationFailure] = []
            var matched: [Int] = []
            for (i, item) in arr.enumerated() {
                if let failure = validateVal(f, contains, item, .index(i)) {
                    failures.append(failure)
                } else {
                    matched.append(i)
                    if s.draft >= 2020 { f.uneval?.items.remove(i) }
                }
            }
            if let min = s.minContains {
                if matched.count < min { addErrors(&f, failures, .minContains(matched, min)) }
            } else if matched.isEmpty {
                addErrors(&f, failures, .contains)
            }
            if let max = s.maxContains, matched.count > max { addError(&f, .maxContains(matched, max)) }
        }
    }

    private func validateString(_ f: inout Frame, _ str: String) {
        let s = f.s
        if s.minLength != nil || s.maxLength != nil {
            let length = str.unicodeScalars.count
            if let min = s.minLength, length < min { addError(&f, .minLength(length, min)) }
            if let max = s.maxLength, length > max { addError(&f, .maxLength(length, max)) }
        }
        if let pattern = s.pattern, !pattern.regex.matches(str) { addError(&f, .pattern(str, pattern.text)) }
    }

    private func validateNumber(_ f: inout Frame, _ number: SchemaInstanceNumber) {
        let s = f.s
        guard s.minimum != nil || s.maximum != nil || s.exclusiveMinimum != nil || s.exclusiveMaximum != nil
            || s.multipleOf != nil else { return }
        let n = number.number
        let v = n.decimal
        if let min = s.minimum, v < min { addError(&f, .minimum(n.double, min.double)) }
        if let max = s.maximum, v > max { addError(&f, .maximum(n.double, max.double)) }
        if let min = s.exclusiveMinimum, v <= min { addError(&f, .exclusiveMinimum(n.double, min.double)) }
        if let max = s.exclusiveMaximum, v >= max { addError(&f, .exclusiveMaximum(n.double, max.double)) }
        if let m = s.multipleOf, !v.isMultiple(of: m) { addError(&f, .multipleOf(n.double, m.double)) }
    }

    private func validateConditions(_ f: inout Frame, _ view: SchemaInstanceView<I>) {
        let s = f.s
        if let not = s.not, validateSelf(&f, view, not, "", true) == nil { addError(&f, .not) }
        if !s.allOf.isEmpty {
            var failures: [SchemaValidationFailure] = []
            for sch in s.allOf {
                if let failure = validateSelf(&f, view, sch, "", false) {
                    failures.append(failure)
                    if f.boolResult { break }
                }
            }
            if !failures.isEmpty { addErrors(&f, failures, .allOf) }
        }
        if !s.anyOf.isEmpty {
            var matched = false
            var failures: [SchemaValidationFailure] = []
            for sch in s.anyOf {
                if let failure = validateSelf(&f, view, sch, "", false) {
                    failures.append(failure)
                } else {
                    matched = true
                    if f.uneval?.isEmpty ?? true { break }
                }
            }
            if !matched { addErrors(&f, failures, .anyOf) }
        }
        if !s.oneOf.isEmpty {
            var matched = -1
            var failures: [SchemaValidationFailure] = []
            for (i, sch) in s.oneOf.enumerated() {
                if let failure = validateSelf(&f, view, sch, "", matched != -1) {
                    if matched == -1 { failures.append(failure) }
                } else if matched == -1 {
                    matched = i
                } else {
                    addError(&f, .oneOf([matched, i]))
                    break
                }
            }
            if matched == -1 { addErrors(&f, failures, .oneOf([])) }
        }
        if let cond = s.ifSchema {
            if validateSelf(&f, view, cond, "", true) == nil {
                if let then = s.thenSchema { f.add(validateSelf(&f, view, then, "", false)) }
            } else if let otherwise = s.elseSchema {
                f.add(validateSelf(&f, view, otherwise, "", false))
            }
        }
    }

    private func validateUnevaluated(_ f: inout Frame, _ view: SchemaInstanceView<I>) {
        let s = f.s
        if case .object(let obj) = view, let sch = s.unevaluatedProperties {
            if let uneval = f.uneval {
                for name in uneval.props.sorted(by: goLess) {
                    if let member = obj[GoString(name)] { f.add(validateVal(f, sch, member, .key(name))) }
                }
                uneval.props = []
            }
        }
        if case .array(let arr) = view, let sch = s.unevaluatedItems {
            if let uneval = f.uneval {
                for i in uneval.items.sorted() { f.add(validateVal(f, sch, arr[i], .index(i))) }
                uneval.items = []
            }
        }
    }

    private func validateDynamicRefs(_ f: inout Frame, _ view: SchemaInstanceView<I>) {
        let s = f.s
        if var sch = s.recursiveRef {
            if nodes[sch].recursiveAnchor {
                var scope = f.scope
                while scope >= 0 {
                    let current = scopes[scope]
                    if nodes[nodes[current.node].resource].recursiveAnchor { sch = current.node }
                    scope = current.parent
                }
            }
            f.add(validateRef(&f, view, sch, "$recursiveRef"))
        }
        if var sch = s.dynamicRef {
            if !s.dynamicRefAnchor.isEmpty, nodes[sch].dynamicAnchor == s.dynamicRefAnchor {
                var scope = f.scope
                while scope >= 0 {
                    let current = scopes[scope]
                    if let target = nodes[nodes[current.node].resource].dynamicAnchors[s.dynamicRefAnchor] { sch = target }
                    scope = current.parent
                }
            }
            f.add(validateRef(&f, view, sch, "$dynamicRef"))
        }
    }

    // MARK: scope

    /// An enclosing scope entry validating the same schema at the same
    /// instance (a `$ref` loop), if any.
    private func checkCycle(_ index: Int) -> Int? {
        let entry = scopes[index]
        var scope = entry.parent
        while scope >= 0 {
            let s = scopes[scope]
            guard s.vid == entry.vid else { break }
            if s.node == entry.node { return scope }
            scope = s.parent
        }
        return nil
    }

    private func keywordLocation(_ index: Int) -> String {
        var loc = ""
        var scope = scopes[index]
        while scope.parent >= 0 {
            let parent = scopes[scope.parent]
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

    // MARK: helpers

    private func validateSelf(_ f: inout Frame, _ view: SchemaInstanceView<I>, _ sch: Int, _ refKeyword: String,
                              _ wantBool: Bool) -> SchemaValidationFailure? {
        let (failure, uneval) = validate(sch, f.value, view, refKeyword: refKeyword, vid: scopes[f.scope].vid, parentScope: f.scope,
                                         uneval: Uneval.from(view, nodes[sch], callerNeeds: !(f.uneval?.isEmpty ?? true)),
                                         boolResult: f.boolResult || wantBool, meta: f.meta, handleMeta: true)
        if failure == nil, let mine = f.uneval { mine.merge(uneval) }
        return failure
    }

    private func validateVal(_ f: Frame, _ sch: Int, _ member: I, _ token: Token) -> SchemaValidationFailure? {
        // The common case, decided from the summary: a node none of whose
        // keywords applies to the member beyond a `type` it satisfies. (A
        // member's scope entry can't close a `$ref` cycle: it validates
        // another instance than its parent.)
        let summary = summaries[sch]
        if f.meta != sch {
            if summary.flags == .trueSchema { return nil }
            let type = member.schemaTypeMask
            if !type.isEmpty, summary.flags.isDisjoint(with: .applying(to: type)),
               summary.types.isEmpty || summary.types.contains(type) {
                return nil
            }
        }
        location.append(token)
        defer { location.removeLast() }
        let view = member.schemaView
        return validate(sch, member, view, refKeyword: "", vid: scopes[f.scope].vid + 1, parentScope: f.scope,
                        uneval: Uneval.from(view, nodes[sch], callerNeeds: false),
                        boolResult: f.boolResult, meta: f.meta, handleMeta: true).0
    }

    private func validateRef(_ f: inout Frame, _ view: SchemaInstanceView<I>, _ sch: Int, _ keyword: String) -> SchemaValidationFailure? {
        guard let failure = validateSelf(&f, view, sch, keyword, false) else { return nil }
        var ref = error(f, .reference(keyword: keyword, url: nodes[sch].location))
        if case .group = failure.kind, !f.boolResult { ref.causes = failure.causes } else { ref.causes = [failure] }
        return ref
    }

    /// The metaschema to switch to when `sch` is the current metaschema root
    /// and the instance here is a schema resource of another draft.
    private func metaSwitch(_ sch: Int, _ meta: Int?) -> Int? {
        guard let metaContext, let meta, sch == meta else { return nil }
        // Below the document root the pointer is not empty: most documents
        // declare no draft anywhere else.
        if !location.isEmpty, !metaContext.hasInnerDialects { return nil }
        let pointer = location.map { "/" + SchemaURL.escape($0.text) }.joined()
        guard let draft = metaContext.dialects[pointer] else { return nil }
        return metaContext.roots[draft]
    }

    private func error(_ f: Frame, _ kind: SchemaErrorKind) -> SchemaValidationFailure {
        if f.boolResult { return SchemaValidationFailure(schemaURL: "", instanceLocation: [], kind: .group) }
        return SchemaValidationFailure(schemaURL: f.s.location, instanceLocation: location.map(\.text), kind: kind)
    }

    private func addError(_ f: inout Frame, _ kind: SchemaErrorKind) {
        f.errors.append(error(f, kind))
    }

    private func addErrors(_ f: inout Frame, _ causes: [SchemaValidationFailure], _ kind: SchemaErrorKind) {
        var failure = error(f, kind)
        failure.causes = causes
        f.errors.append(failure)
    }

    private func findMissing(_ f: Frame, _ obj: [GoString: I], _ required: [String]) -> [String]? {
        var missing: [String] = []
        for name in required where obj[GoString(name)] == nil {
            if f.boolResult { return [] }
            missing.append(name)
        }
        return missing.isEmpty ? nil : missing
    }
}
