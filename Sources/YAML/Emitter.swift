import GoStd

/// Writes an ``EmitNode`` tree as YAML text, byte for byte the way go-yaml's
/// libyaml-derived emitter (`emitterc.go`) does for a single implicit
/// document: no `---`, no `...`, text ending in one line break.
///
/// The state machine of the Go code is expressed here as recursion over the
/// tree; the flags it keeps between events (column, indentation stack,
/// `whitespace`, `indention`, the node contexts) are kept the same way, since
/// the output depends on them.
public struct YAMLEmitter: Sendable {
    /// Knobs of the emitter, with presets for the two go-yaml dialects.
    public struct Options: Sendable, Hashable {
        /// Which Go library to imitate.
        public var dialect: EmitDialect
        /// Indentation step (libyaml's `best_indent`, 2…9; others become 2).
        public var indent: Int
        /// Preferred line width for folding scalars and flow collections;
        /// nil means never fold (go-yaml v3's default).
        public var width: Int?
        /// Whether non-ASCII printable characters are written as they are
        /// (go-yaml always sets this); when false they are escaped.
        public var unicode: Bool

        /// An option set.
        public init(dialect: EmitDialect, indent: Int = 2, width: Int? = nil, unicode: Bool = true) {
            self.dialect = dialect
            self.indent = indent
            self.width = width
            self.unicode = unicode
        }

        /// gopkg.in/yaml.v2 `Marshal`: indent 2, width 80.
        public static let goYAMLv2 = Options(dialect: .v2, indent: 2, width: 80)

        /// go.yaml.in/yaml/v3 `Encoder` after `SetIndent(indent)` (no folding).
        public static func goYAMLv3(indent: Int = 4) -> Options {
            Options(dialect: .v3, indent: indent, width: nil)
        }
    }

    /// The options this emitter writes with.
    public var options: Options

    /// An emitter with `options`.
    public init(options: Options) {
        self.options = options
    }

    /// The YAML text of a one-document stream holding `root`.
    public func emit(_ root: EmitNode) -> String {
        var core = EmitterCore(options: options)
        core.emitDocument(root)
        return String(decoding: core.out, as: UTF8.self)
    }

    /// Shorthand for `YAMLEmitter(options: options).emit(root)`.
    public static func emit(_ root: EmitNode, options: Options) -> String {
        YAMLEmitter(options: options).emit(root)
    }
}

/// The mutable emitter state (libyaml's `yaml_emitter_t`, the parts that
/// matter without anchors, tags and comments).
struct EmitterCore {
    let isV3: Bool
    let bestIndent: Int
    let bestWidth: Int
    let unicode: Bool

    var out: [UInt8] = []
    var column = 0
    var indent = -1
    var indents: [Int] = []
    var flowLevel = 0
    /// The last written character was whitespace (or nothing yet).
    var whitespace = true
    /// Only indentation has been written on the current line so far.
    var indention = true

    var rootContext = false
    var sequenceContext = false
    var mappingContext = false
    var simpleKeyContext = false

    init(options: YAMLEmitter.Options) {
        isV3 = options.dialect == .v3
        let indent = (2...9).contains(options.indent) ? options.indent : 2
        bestIndent = indent
        if let width = options.width, width >= 0 {
            bestWidth = width <= indent * 2 ? 80 : width
        } else {
            bestWidth = Int(Int32.max)
        }
        unicode = options.unicode
        out.reserveCapacity(256)
    }

    // MARK: document and nodes

    mutating func emitDocument(_ root: EmitNode) {
        emitNode(root, root: true, sequence: false, mapping: false, simpleKey: false, inBlockSequence: false)
        // DOCUMENT-END (implicit): finish the last line.
        writeIndent()
    }

    mutating func emitNode(_ node: EmitNode, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool,
                           inBlockSequence: Bool) {
        DeepStack.withRoom {
            emitNodeHere(node, root: root, sequence: sequence, mapping: mapping, simpleKey: simpleKey,
                         inBlockSequence: inBlockSequence)
        }
    }

    private mutating func emitNodeHere(_ node: EmitNode, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool,
                                       inBlockSequence: Bool) {
        rootContext = root
        sequenceContext = sequence
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch node {
        case .scalar(let text, let style):
            emitScalar(Array(text.utf8), requested: style, inBlockSequence: inBlockSequence)
        case .sequence(let items, let flow):
            if flowLevel > 0 || flow || items.isEmpty {
                emitFlowSequence(items, inBlockSequence: inBlockSequence)
            } else {
                emitBlockSequence(items, inBlockSequence: inBlockSequence)
            }
        case .mapping(let pairs, let flow):
            if flowLevel > 0 || flow || pairs.isEmpty {
                emitFlowMapping(pairs, inBlockSequence: inBlockSequence)
            } else {
                emitBlockMapping(pairs, inBlockSequence: inBlockSequence)
            }
        }
    }

    mutating func emitScalar(_ value: [UInt8], requested: EmitScalarStyle, inBlockSequence: Bool) {
        let analysis = ScalarAnalysis(value, unicode: unicode, tabIsSpecial: !isV3)
        let style = selectStyle(requested, analysis: analysis)
        increaseIndent(flow: true, indentless: false, inBlockSequence: inBlockSequence)
        let allowBreaks = !simpleKeyContext
        switch style {
        case .plain, .any: writePlain(value, allowBreaks: allowBreaks)
        case .singleQuoted: writeSingleQuoted(value, allowBreaks: allowBreaks)
        case .doubleQuoted: writeDoubleQuoted(value, allowBreaks: allowBreaks)
        case .literal: writeLiteral(value)
        case .folded: writeFolded(value)
        }
        popIndent()
    }

    /// libyaml's `yaml_emitter_check_simple_key`: a key can be written
    /// inline (`key: value`) when it is a one-line scalar of at most 128
    /// bytes or an empty collection.
    func isSimpleKey(_ node: EmitNode) -> Bool {
        switch node {
        case .scalar(let text, _):
            let bytes = Array(text.utf8)
            let analysis = ScalarAnalysis(bytes, unicode: unicode, tabIsSpecial: !isV3)
            return !analysis.multiline && bytes.count <= 128
        case .sequence(let items, _): return items.isEmpty
        case .mapping(let pairs, _): return pairs.isEmpty
        }
    }

    // MARK: collections

    mutating func emitBlockSequence(_ items: [EmitNode], inBlockSequence: Bool) {
        // v2 writes a sequence that is a mapping value at the key's column.
        let indentless = !isV3 && mappingContext && !indention
        increaseIndent(flow: false, indentless: indentless, inBlockSequence: inBlockSequence)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, root: false, sequence: true, mapping: false, simpleKey: false, inBlockSequence: true)
        }
        popIndent()
    }

    mutating func emitBlockMapping(_ pairs: [EmitPair], inBlockSequence: Bool) {
        increaseIndent(flow: false, indentless: false, inBlockSequence: inBlockSequence)
        for pair in pairs {
            writeIndent()
            if isSimpleKey(pair.key) {
                emitNode(pair.key, root: false, sequence: false, mapping: true, simpleKey: true, inBlockSequence: false)
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(pair.key, root: false, sequence: false, mapping: true, simpleKey: false, inBlockSequence: false)
                writeIndent()
                writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            emitNode(pair.value, root: false, sequence: false, mapping: true, simpleKey: false, inBlockSequence: false)
        }
        popIndent()
    }

    mutating func emitFlowSequence(_ items: [EmitNode], inBlockSequence: Bool) {
        writeIndicator("[", needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false, inBlockSequence: inBlockSequence)
        flowLevel += 1
        for (index, item) in items.enumerated() {
            if index > 0 {
                writeIndicator(",", needWhitespace: false, isWhitespace: false, isIndention: false)
            }
            if isV3 && column == 0 { writeIndent() }
            if column > bestWidth { writeIndent() }
            emitNode(item, root: false, sequence: true, mapping: false, simpleKey: false, inBlockSequence: false)
        }
        flowLevel -= 1
        popIndent()
        if isV3 && column == 0 { writeIndent() }
        writeIndicator("]", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    mutating func emitFlowMapping(_ pairs: [EmitPair], inBlockSequence: Bool) {
        writeIndicator("{", needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false, inBlockSequence: inBlockSequence)
        flowLevel += 1
        for (index, pair) in pairs.enumerated() {
            if index > 0 {
                writeIndicator(",", needWhitespace: false, isWhitespace: false, isIndention: false)
            }
            if isV3 && column == 0 { writeIndent() }
            if column > bestWidth { writeIndent() }
            if isSimpleKey(pair.key) {
                emitNode(pair.key, root: false, sequence: false, mapping: true, simpleKey: true, inBlockSequence: false)
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: false)
                emitNode(pair.key, root: false, sequence: false, mapping: true, simpleKey: false, inBlockSequence: false)
                if column > bestWidth { writeIndent() }
                writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: false)
            }
            emitNode(pair.value, root: false, sequence: false, mapping: true, simpleKey: false, inBlockSequence: false)
        }
        flowLevel -= 1
        popIndent()
        if isV3 && column == 0 { writeIndent() }
        writeIndicator("}", needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    // MARK: indentation

    /// libyaml's `yaml_emitter_increase_indent`. v3 aligns every level to a
    /// multiple of the indent, except right after a block sequence's `- `.
    mutating func increaseIndent(flow: Bool, indentless: Bool, inBlockSequence: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            if !isV3 {
                indent += bestIndent
            } else if inBlockSequence {
                indent += 2
            } else {
                indent = bestIndent * ((indent + bestIndent) / bestIndent)
            }
        }
    }

    mutating func popIndent() {
        indent = indents.popLast() ?? -1
    }

    // MARK: low-level writing

    mutating func put(_ byte: UInt8) {
        out.append(byte)
        column += 1
    }

    mutating func putBreak() {
        out.append(UInt8(ascii: "\n"))
        column = 0
        if isV3 { indention = true }
    }

    /// Copies the character starting at `i` and advances `i` past it.
    mutating func write(_ value: [UInt8], _ i: inout Int) {
        let first = value[i]
        if first < 0x80 {
            out.append(first)
            column += 1
            i += 1
            return
        }
        let w = max(utf8Width(first), 1)
        let end = min(i + w, value.count)
        out.append(contentsOf: value[i..<end])
        column += 1
        i = end
    }

    /// Copies the run of ASCII characters at `i` that are neither spaces
    /// nor line breaks at once, or else one character as ``write(_:_:)``.
    mutating func writeWord(_ value: [UInt8], _ i: inout Int) {
        var end = i
        while end < value.count, value[end] < 0x80, value[end] != 0x20, value[end] != 0x0A, value[end] != 0x0D { end += 1 }
        guard end > i else { return write(value, &i) }
        out.append(contentsOf: value[i..<end])
        column += end - i
        i = end
    }

    /// Copies a line-break character (`\n` becomes the configured break).
    mutating func writeBreak(_ value: [UInt8], _ i: inout Int) {
        if value[i] == UInt8(ascii: "\n") {
            putBreak()
            i += 1
        } else {
            write(value, &i)
            column = 0
            if isV3 { indention = true }
        }
    }

    mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(UInt8(ascii: " ")) }
        whitespace = true
        indention = true
    }

    mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        let bytes = Array(indicator.utf8)
        var i = 0
        while i < bytes.count { write(bytes, &i) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }
}
