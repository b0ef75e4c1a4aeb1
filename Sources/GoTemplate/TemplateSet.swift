#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Diagnostics
import GoStd
import Values

/// The text a template was parsed from, and the name errors give it
/// (Go's `Tree.ParseName` and `Tree.text`).
public final class TemplateSource: Sendable {
    /// The name of the top-level template being parsed (the file name).
    public let name: String
    /// The bytes parsed.
    public let bytes: [UInt8]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The source as text (invalid bytes read as U+FFFD).
    public var text: String { GoString(bytes: bytes).text }

    /// Go's `ErrorContext` position: 1-based line and 0-based byte column of `pos`.
    func lineAndColumn(of pos: Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { bytes -> (line: Int, column: Int) in
            var line = 1
            var lastNewline = -1
            guard let base = bytes.baseAddress else { return (line, pos) }
            let end = min(pos, bytes.count)
            var i = 0
            while i < end, let hit = memchr(base + i, 0x0A, end - i) {
                lastNewline = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                line += 1
                i = lastNewline + 1
            }
            return (line, lastNewline < 0 ? pos : pos - lastNewline - 1)
        }
    }
}

/// One named template: a parsed tree and where it came from. Immutable.
public final class Template: @unchecked Sendable {
    /// The template's name (a file name or a `define` name).
    public let name: String
    /// The parsed body (set once; taken only by `deinit`).
    @exclusivity(unchecked) public private(set) var root: ListNode
    /// The source the tree was parsed from.
    public let source: TemplateSource
    /// Levels in the tree (statement lists and parentheses).
    let height: Int
    /// How the body uses its data, for the include memo.
    let contextUse: ContextUse

    init(name: String, root: ListNode, source: TemplateSource, contextKeys: ContextKeys?) {
        self.name = name
        self.root = root
        self.source = source
        height = root.height
        contextUse = ContextUse(root, keys: contextKeys)
    }

    /// Go nests `{{if}}`s without limit (a 5 MiB chart file holds 350000),
    /// and Swift frees a tree by recursion: a deep one is freed on a stack
    /// that fits it.
    deinit {
        guard height > 1000 else { return }
        var taken = ListNode(pos: 0, nodes: [])
        swap(&taken, &root)
        DeepStack.release(consume taken, depth: 2 * height)
    }
}

/// Execution options (Go's `Template.Option`).
public struct ExecutionOptions: Sendable, Hashable {
    /// What a missing map key yields (`missingkey=`).
    public enum MissingKey: Sendable, Hashable {
        /// `missingkey=default`/`invalid`: an invalid value (prints `<no value>`).
        case invalid
        /// `missingkey=zero`: the zero value of the element type; for
        /// `map[string]interface{}` that still prints `<no value>`.
        case zero
        /// `missingkey=error`: execution stops with an error.
        case error
    }

    /// The missing-key behaviour.
    public var missingKey: MissingKey
    /// Keep comments in the parsed trees (`parse.ParseComments`).
    public var parseComments: Bool

    /// Options; Helm uses `missingKey: .zero`.
    public init(missingKey: MissingKey = .invalid, parseComments: Bool = false) {
        self.missingKey = missingKey
        self.parseComments = parseComments
    }
}

/// One namespace of named templates sharing a function map and options —
/// Go's `*template.Template` with its associated templates.
///
/// A value type: adding templates mutates this copy only, so a copy is
/// Go's `Clone()`. Once built, a set can be executed from many threads.
/// The templates one file defines (itself first), in definition order.
public struct ParsedFile: Sendable {
    public let templates: [Template]
}

public struct TemplateSet: Sendable {
    /// The name of the set's root template (Helm's `gotpl`), used in
    /// `no template … associated with template …` errors.
    public let name: String
    /// The functions templates may call, fixed when the set is created
    /// (identifiers are bound to them at parse time).
    public let functions: FunctionMap
    /// Execution options.
    public var options: ExecutionOptions
    /// What the host says about the data map it runs templates with; nil
    /// when it says nothing (then every parsed body counts as using its
    /// whole data).
    public let contextKeys: ContextKeys?
    /// Keyed by the name's bytes, as Go's map is (and hashed cheaply:
    /// every `include` looks a template up).
    private var templates: [GoString: Template] = [:]

    /// An empty set.
    public init(name: String = "", functions: FunctionMap = FunctionMap(), options: ExecutionOptions = ExecutionOptions(),
                contextKeys: ContextKeys? = nil) {
        self.name = name
        self.functions = functions
        self.options = options
        self.contextKeys = contextKeys
    }

    /// Parses `text` as the template `name` plus the templates it defines,
    /// and adds them as Go's `t.New(name).Parse(text)` does: a later
    /// definition replaces an earlier one, except that an empty body never
    /// replaces an existing template.
    public mutating func parse(_ text: String, name: String) throws(LocatedError) {
        add(try parseFile(Array(text.utf8), name: name))
    }

    /// ``parse(_:name:)`` of template bytes.
    public mutating func parse(_ text: [UInt8], name: String) throws(LocatedError) {
        add(try parseFile(text, name: name))
    }

    /// One file parsed with this set's functions and options, not yet added
    /// to any set: parse once, then ``add(_:)`` it to every set that needs it.
    public func parseFile(_ text: [UInt8], name: String) throws(LocatedError) -> ParsedFile {
        let parsed: (trees: [String: ListNode], order: [String])
        do {
            parsed = try Parser.parse(name: name, text: text, functions: functions, emitComments: options.parseComments)
        } catch let e as LocatedError {
            throw e
        } catch {
            throw TemplateErrors.parse(name, nil, goErrorText(error))
        }
        let source = TemplateSource(name: name, bytes: text)
        return ParsedFile(templates: parsed.order.compactMap { treeName in
            parsed.trees[treeName].map { Template(name: treeName, root: $0, source: source, contextKeys: contextKeys) }
        })
    }

    /// Adds the templates of a parsed file, with ``parse(_:name:)``'s rules.
    public mutating func add(_ file: ParsedFile) {
        for template in file.templates {
            let key = GoString(template.name)
            if templates[key] != nil && template.root.isEmptyTree { continue }
            templates[key] = template
        }
    }

    /// A copy with `text` parsed in as `name` (Go's `Clone` then `New(name).Parse`).
    public func adding(_ text: String, name: String) throws(LocatedError) -> TemplateSet {
        var copy = self
        try copy.parse(text, name: name)
        return copy
    }

    /// The template called `name`.
    public func lookup(_ name: String) -> Template? { templates[GoString(name)] }

    /// Go's error for executing a template this set does not have.
    func noTemplate(_ name: String) -> LocatedError {
        TemplateErrors.notFound(name, set: self.name)
    }

    /// The names of all templates, sorted.
    public var templateNames: [String] { templates.values.map(\.name).sorted() }

    /// Executes the template `name` with `data` as dot and `$`, appending
    /// the output to `output` (Go's `ExecuteTemplate`).
    public func execute(
        _ name: String, data: Value, into output: inout [UInt8],
        environment: ExecutionEnvironment = ExecutionEnvironment()
    ) throws(LocatedError) {
        guard let template = lookup(name) else { throw noTemplate(name) }
        let executor = Executor(set: self, template: template, environment: environment)
        // Hand the caller's buffer to the executor and take it back after,
        // so the output grows in place.
        swap(&output, &executor.output)
        defer { swap(&output, &executor.output) }
        try executor.runCatching(data: data)
    }

    /// Executes the template `name` and returns its output.
    public func execute(_ name: String, data: Value, environment: ExecutionEnvironment = ExecutionEnvironment()) throws(LocatedError) -> GoString {
        var out: [UInt8] = []
        try execute(name, data: data, into: &out, environment: environment)
        return GoString(bytes: out)
    }
}

/// State shared by one render and every nested execution it starts
/// (`include`, `tpl`): Helm's include-depth counters live here.
public final class ExecutionEnvironment {
    /// Per-name counters for nested `include`s (Helm's `includedNames`).
    @exclusivity(unchecked) public var includeCounts: [GoString: Int] = [:]
    /// Nested `tpl` executions in progress.
    @exclusivity(unchecked) public var tplDepth = 0
    /// The outputs `include` remembers in this render.
    public let includeMemo = IncludeMemo()
    /// Calls so far of functions that read the clock or randomness: a
    /// render that made none gives the same output for the same inputs.
    @exclusivity(unchecked) public internal(set) var clockOrRandomnessCalls: UInt64 = 0
    /// Data of the host layer for its functions (Helm's `lookup` objects).
    public var hostData: (any Sendable)?
    /// Where template coverage is counted; nil (the default) counts nothing.
    public var coverage: CoverageRecorder?
    /// Output buffers of finished nested executions (`include`,
    /// remembered `{{template}}` calls), kept with their room for the next.
    @exclusivity(unchecked) private var spareOutputs: [[UInt8]] = []

    /// A fresh environment.
    public init() {}

    /// An empty output buffer for a nested execution, with the room an
    /// earlier one grew to.
    func takeOutputBuffer() -> [UInt8] {
        guard var buffer = spareOutputs.popLast() else { return [] }
        buffer.removeAll(keepingCapacity: true)
        return buffer
    }

    /// Gives back a buffer from ``takeOutputBuffer()`` once its bytes are copied out.
    func returnOutputBuffer(_ buffer: inout [UInt8]) {
        spareOutputs.append([])
        swap(&spareOutputs[spareOutputs.count - 1], &buffer)
    }
}

/// What a template function sees of the running execution.
public final class ExecutionContext {
    /// The executor running the call; it owns this context.
    unowned let executor: Executor

    init(executor: Executor) {
        self.executor = executor
    }

    /// The set being executed (a `tpl` clone inside `tpl`).
    public var set: TemplateSet { executor.set }
    /// State shared across nested executions.
    public var environment: ExecutionEnvironment { executor.environment }

    /// Executes the template `name` of the current set with `data`
    /// (Go's `t.ExecuteTemplate`, what Helm's `include` calls) on the
    /// running executor, as a fresh Go executor state would.
    public func executeTemplate(named name: String, data: Value) throws(LocatedError) -> GoString {
        try executor.executeNested(named: name, data: data)
    }

    /// Executes `name` in another set (a `tpl` clone) sharing this
    /// execution's environment.
    public func execute(_ set: TemplateSet, templateNamed name: String, data: Value) throws(LocatedError) -> GoString {
        try set.execute(name, data: data, environment: environment)
    }
}
