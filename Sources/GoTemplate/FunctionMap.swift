import Values
import Synchronization

/// The Go types a template function can declare for its parameters and
/// result. The engine checks and converts arguments the way Go's
/// text/template does for a function of that signature.
public enum GoType: Sendable, Hashable {
    case string
    case bool
    case int
    case int64
    case float64
    /// `interface{}`: any value; Go's nil arrives as ``Value/null``.
    case any
    /// `[]interface{}`. A Go nil slice arrives as ``Value/null``.
    case list
    /// `map[string]interface{}`. A Go nil map arrives as ``Value/null``.
    case map
    /// `[]string` (results only; printed like a list).
    case stringList
    /// `uint32`.
    case uint32
    /// Any other concrete Go type, named as Go prints it (`time.Time`).
    case named(String)
    /// A named integer type (`time.Duration`): an integer literal converts
    /// to it (the body receives a ``Value/int(_:_:)``), a value must have
    /// the type.
    case namedInt(String)
    /// `reflect.Value`: the builtins' raw argument type.
    case reflectValue

    /// The Go spelling of the type, as error messages print it.
    public var goName: String {
        switch self {
        case .string: return "string"
        case .bool: return "bool"
        case .int: return "int"
        case .int64: return "int64"
        case .float64: return "float64"
        case .any: return "interface {}"
        case .list: return "[]interface {}"
        case .map: return "map[string]interface {}"
        case .stringList: return "[]string"
        case .uint32: return "uint32"
        case .named(let n), .namedInt(let n): return n
        case .reflectValue: return "reflect.Value"
        }
    }

    /// Whether a Go nil converts to this type (interfaces, slices, maps, pointers).
    var canBeNil: Bool {
        switch self {
        case .any, .list, .map, .stringList, .reflectValue: return true
        case .named(let n): return n.hasPrefix("*") || n.hasPrefix("[]") || n.hasPrefix("map[")
        default: return false
        }
    }
}

/// A function a template can call: its Go signature and a Swift body.
///
/// The body receives the converted arguments (variadic ones appended) and
/// the ``ExecutionContext`` of the running template. Errors it throws
/// become `error calling NAME: MESSAGE` (the message is the error's
/// `description`, or `String(describing:)`).
public final class TemplateFunction: Sendable {
    /// Fixed parameter types.
    public let parameters: [GoType]
    /// Element type of the trailing `...T` parameter, if any.
    public let variadic: GoType?
    /// The declared result type; `.any` results behave as Go `interface{}` results.
    public let result: GoType
    let body: Body
    /// The Go builtin this function is, if it is one.
    let builtin: Builtin?
    /// For a function that picks one of its arguments (`default`,
    /// `ternary`, `coalesce`): its arms, counted by template coverage as a
    /// branch point.
    public let branches: FunctionBranches?
    /// What besides its arguments the function's result depends on:
    /// `include` remembers an output only when every call made for it
    /// depended on its arguments alone.
    public let dependence: Dependence
    /// For a function that runs a template with one of its arguments as
    /// the data and keeps that argument nowhere else (`include`, `tpl`):
    /// that argument's index.
    public let templateDataArgument: Int?

    /// What a function's result can depend on besides its arguments.
    public enum Dependence: Sendable {
        /// Nothing: calls with the same arguments give the same result.
        case arguments
        /// The render's inputs too (`lookup`'s cluster, the chart's
        /// templates `tpl` parses against): another render with the same
        /// inputs gets the same results.
        case renderInputs
        /// The clock or randomness (`now`, `rand…`, `genCA`): calls may
        /// differ whatever the inputs.
        case clockOrRandomness
    }

    enum Body: Sendable {
        case swift(@Sendable ([Value], ExecutionContext) throws -> Value)
        case builtin(Builtin)
        /// A Go method text/template refuses to call (`Time.Date` has three
        /// results): calling it fails with this message.
        case uncallable(String)
    }

    /// A function with the given Go signature.
    public init(
        _ parameters: [GoType], variadic: GoType? = nil, returns result: GoType = .any,
        _ body: @escaping @Sendable (_ args: [Value], _ context: ExecutionContext) throws -> Value
    ) {
        self.parameters = parameters
        self.variadic = variadic
        self.result = result
        self.body = .swift(body)
        self.builtin = nil
        self.branches = nil
        self.dependence = .arguments
        self.templateDataArgument = nil
    }

    private init(_ function: TemplateFunction, branches: FunctionBranches?, dependence: Dependence,
                 templateDataArgument: Int?) {
        self.parameters = function.parameters
        self.variadic = function.variadic
        self.result = function.result
        self.body = function.body
        self.builtin = function.builtin
        self.branches = branches
        self.dependence = dependence
        self.templateDataArgument = templateDataArgument
    }

    /// This function, marked as one whose calls may differ whatever the
    /// inputs (it reads the clock or randomness).
    public func readingClockOrRandomness() -> TemplateFunction {
        TemplateFunction(self, branches: branches, dependence: .clockOrRandomness, templateDataArgument: templateDataArgument)
    }

    /// This function, marked as one whose results depend on the render's
    /// inputs beyond its arguments (the cluster, the chart's templates).
    public func dependingOnRenderInputs() -> TemplateFunction {
        TemplateFunction(self, branches: branches, dependence: .renderInputs, templateDataArgument: templateDataArgument)
    }

    /// This function, marked as one that runs a template with its argument
    /// `index` as the data and keeps that argument nowhere else.
    public func runningTemplate(withDataArgument index: Int) -> TemplateFunction {
        TemplateFunction(self, branches: branches, dependence: dependence, templateDataArgument: index)
    }

    /// This function, its calls counted as a branch point with `branches`.
    public convenience init(_ function: TemplateFunction, branches: FunctionBranches) {
        self.init(function, branches: branches, dependence: function.dependence,
                  templateDataArgument: function.templateDataArgument)
    }

    /// A Go method whose results text/template cannot take (more than two,
    /// or a second one that is not an `error`); `message` is Go's complaint.
    public init(_ parameters: [GoType], uncallable message: String) {
        self.parameters = parameters
        self.variadic = nil
        self.result = .any
        self.body = .uncallable(message)
        self.builtin = nil
        self.branches = nil
        self.dependence = .arguments
        self.templateDataArgument = nil
    }

    init(builtin: Builtin, _ parameters: [GoType], variadic: GoType? = nil, returns result: GoType) {
        self.parameters = parameters
        self.variadic = variadic
        self.result = result
        self.body = .builtin(builtin)
        self.builtin = builtin
        self.branches = nil
        self.dependence = .arguments
        self.templateDataArgument = nil
    }
}

/// The arms of a function that picks one of its arguments, for coverage.
public struct FunctionBranches: Sendable {
    /// The arms' labels for a call with `operands` arguments.
    public let labels: @Sendable (_ operands: Int) -> [String]
    /// The arm (1-based) a call with these arguments takes.
    public let choose: @Sendable (_ arguments: [Value]) -> Int

    public init(labels: @escaping @Sendable (_ operands: Int) -> [String], choose: @escaping @Sendable (_ arguments: [Value]) -> Int) {
        self.labels = labels
        self.choose = choose
    }
}

/// The methods of a named Go map type (``GoMapType/hasMethods``): the
/// method called `name` bound to `receiver`, or nil when there is none.
public typealias MapMethodLookup = @Sendable (_ receiver: GoMap, _ type: GoMapType, _ name: String) -> TemplateFunction?

/// Named functions available to templates. Entries here take precedence
/// over Go's builtins of the same name (as Helm's `slice` does).
public struct FunctionMap: Sendable {
    /// The functions by name.
    public var functions: [String: TemplateFunction]
    /// Methods of named map types (Helm's `Values.AsMap`…), looked up
    /// before the map's keys as Go does.
    public var mapMethods: MapMethodLookup?

    /// A map holding `functions`.
    public init(_ functions: [String: TemplateFunction] = [:]) {
        self.functions = functions
    }

    /// The function for `name`.
    public subscript(name: String) -> TemplateFunction? {
        get { functions[name] }
        set { functions[name] = newValue }
    }

    /// Go's lookup order: the map, then the builtins.
    func resolve(_ name: String) -> TemplateFunction? {
        functions[name] ?? Builtins.table[name]
    }
}

/// A Go object that has methods callable from templates (`.Files.Get "x"`).
/// Methods are looked up before fields, as Go does.
public protocol GoMethodProvider: GoObject {
    /// The method called `name`, or nil.
    func method(_ name: String) -> TemplateFunction?
}

/// The method `name` of `object` if its type is a ``GoMethodProvider``.
/// Each type is cast once: the runtime's cast to a protocol scans
/// conformance records on every call (about 3,000 instructions), while a
/// remembered type's accessor casts to the concrete type only.
func method(of object: any GoObject, _ name: String) -> TemplateFunction? {
    let type = ObjectIdentifier(Swift.type(of: object))
    let known = methodAccessors.withLock { $0[type] }
    if let known { return known?(object, name) }
    var accessor: MethodAccessor?
    if let provider = object as? any GoMethodProvider { accessor = methodAccessor(provider) }
    methodAccessors.withLock { $0[type] = .some(accessor) }
    return accessor?(object, name)
}

private typealias MethodAccessor = @Sendable (any GoObject, String) -> TemplateFunction?

private func methodAccessor<Provider: GoMethodProvider>(_: Provider) -> MethodAccessor {
    { object, name in (object as? Provider)?.method(name) }
}

private let methodAccessors = Mutex<[ObjectIdentifier: MethodAccessor?]>([:])

/// A Go object `range` can iterate (a map-like or list-like object).
public protocol GoRangeable: GoObject {
    /// The entries in iteration order; keys are nil for list-like objects.
    var rangeEntries: [(key: Value?, value: Value)] { get }
}

extension GoBytes: GoRangeable {
    /// The bytes as `uint8` values.
    public var rangeEntries: [(key: Value?, value: Value)] { bytes.map { (nil, .int(Int64($0), .uint8)) } }
}

/// A function value, as `call` accepts it.
public protocol GoCallable: GoObject {
    /// The function.
    var function: TemplateFunction { get }
}
