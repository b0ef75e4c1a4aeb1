/// One table of the function reference (`chartunit functions`,
/// docs/functions.md): a family of template functions, each with its name,
/// a one-line description and its implementation. Function maps are built
/// from these tables, so the names, the code and the descriptions have one
/// source.
public struct FunctionFamily: Sendable {
    /// One function of a family.
    public struct Entry: Sendable {
        /// Where an entry's implementation comes from.
        public enum Implementation: Sendable {
            /// Its own function.
            case function(TemplateFunction)
            /// The function of another entry of the same family, registered under a second name.
            case alias(of: String)
        }

        /// The name templates call.
        public let name: String
        /// What the function does, in one line of Markdown.
        public let doc: String
        /// The function, or the entry whose function this name shares.
        public let implementation: Implementation
        /// Whether only Helm 4 registers the function (Helm 3 / helm-unittest does not).
        public let helm4Only: Bool

        /// `name`, implemented by `function`.
        public init(_ name: String, _ doc: String, _ function: TemplateFunction, helm4Only: Bool = false) {
            self.name = name
            self.doc = doc
            self.implementation = .function(function)
            self.helm4Only = helm4Only
        }

        private init(name: String, doc: String, aliasOf target: String) {
            self.name = name
            self.doc = doc
            self.implementation = .alias(of: target)
            self.helm4Only = false
        }

        /// `name`, registered with the function of the entry `target`.
        public static func alias(_ name: String, of target: String, _ doc: String) -> Entry {
            Entry(name: name, doc: doc, aliasOf: target)
        }

        /// The entry whose function this one shares, if it is an alias.
        public var aliasOf: String? {
            if case .alias(let target) = implementation { return target }
            return nil
        }
    }

    /// A stable identifier (the anchor in docs/functions.md): `go-builtins`, `sprig-lists`, `helm`.
    public let id: String
    /// The library the family belongs to: `Go`, `Sprig` or `Helm`.
    public let library: String
    /// The heading: `Sprig: lists`.
    public let title: String
    /// A paragraph under the heading, if the family needs one.
    public let intro: String?
    /// The functions, in table order.
    public let entries: [Entry]
    /// Every entry's function by name; an alias has its target's.
    public let functions: [String: TemplateFunction]

    /// A family of `entries`; names must be unique and every alias must
    /// name an entry of the family that is not itself an alias.
    public init(id: String, library: String, title: String, intro: String? = nil, _ entries: [Entry]) {
        self.id = id
        self.library = library
        self.title = title
        self.intro = intro
        self.entries = entries
        var functions: [String: TemplateFunction] = [:]
        for entry in entries {
            if case .function(let function) = entry.implementation { functions[entry.name] = function }
        }
        for entry in entries {
            guard case .alias(let target) = entry.implementation else { continue }
            guard let function = functions[target] else {
                preconditionFailure("\(id): `\(entry.name)` is an alias of `\(target)`, which is not a function of the family")
            }
            functions[entry.name] = function
        }
        precondition(functions.count == entries.count, "\(id): a function name appears twice")
        self.functions = functions
    }

    /// The family with only the entries `isIncluded` accepts (aliases of a
    /// dropped entry must be dropped too).
    public func filter(_ isIncluded: (Entry) -> Bool) -> FunctionFamily {
        FunctionFamily(id: id, library: library, title: title, intro: intro, entries.filter(isIncluded))
    }

    /// The functions of `families` by name; where two families have a name,
    /// the later one's function wins.
    public static func functions(of families: [FunctionFamily]) -> [String: TemplateFunction] {
        var all: [String: TemplateFunction] = [:]
        for family in families {
            all.merge(family.functions) { _, later in later }
        }
        return all
    }

    /// Go's builtin template functions (`and`, `index`, `printf`…), which
    /// every template can call unless its function map has the name.
    public static var goBuiltins: FunctionFamily { Builtins.family }
}
