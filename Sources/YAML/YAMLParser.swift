import CYAML
import Diagnostics

extension ErrorKind {
    /// A syntax error libyaml reports (go-yaml's `yaml: line N: …`).
    public static let yamlSyntax = ErrorKind("yaml.syntax")
    /// libyaml's `found unknown escape character` in a double-quoted
    /// scalar (helm-unittest retries such suites with the backslashes doubled).
    public static let yamlUnknownEscape = ErrorKind("yaml.unknownEscape")
    /// An alias that names no anchor, or an anchor that contains itself.
    public static let yamlAlias = ErrorKind("yaml.alias")
    /// A tagged scalar whose text does not fit its tag (`!!int abc`).
    public static let yamlTag = ErrorKind("yaml.tag")
}

/// A syntax error as libyaml reports it, with both marks it gives; turned
/// into go-yaml's message for one dialect.
struct YAMLSyntaxError {
    /// libyaml's problem text (`did not find expected key`).
    var problem: String
    var problemMark: SourceLocation
    /// Where the problem is: the problem's mark, or for a reader error the
    /// place of its byte offset (go-yaml's text names no line then).
    var place: SourceLocation
    /// libyaml's context text (`while parsing a block mapping`), if any.
    var context: String?
    var contextMark: SourceLocation?
    /// Whether the scanner (not the parser) found the problem.
    var isScannerError: Bool

    /// The message go-yaml gives: `yaml: line N: problem`. go-yaml v2 names
    /// the problem's line, v3 the context's line when there is one.
    func goMessage(_ dialect: YAMLDialect) -> String {
        var line = 0
        let problemLine = problemMark.line - 1
        let contextLine = (contextMark?.line ?? 0) - 1
        switch dialect {
        case .v2:
            if problemLine > 0 {
                line = problemLine + (isScannerError ? 1 : 0)
            } else if contextLine > 0 {
                line = contextLine
            }
        case .v3:
            if contextLine > 0 {
                line = contextLine + (isScannerError ? 1 : 0)
            } else if problemLine > 0 {
                line = problemLine + (isScannerError ? 1 : 0)
            }
        }
        let text = problem.isEmpty ? "unknown problem parsing YAML content" : problem
        return line > 0 ? "yaml: line \(line): \(text)" : "yaml: \(text)"
    }

    /// The located error: go-yaml's text, at the problem's mark, with the
    /// parser's context as a note.
    func located(_ dialect: YAMLDialect) -> LocatedError {
        var notes: [Note] = []
        if let context, let contextMark {
            notes.append(Note(context + " at", at: SourceLocation(file: place.file, line: contextMark.line,
                                                                  column: contextMark.column)))
        }
        let kind: ErrorKind = problem == "found unknown escape character" ? .yamlUnknownEscape : .yamlSyntax
        return LocatedError(kind, goMessage(dialect), at: place, notes: notes)
    }
}

/// The go-yaml generation whose behaviour a rule follows.
public enum YAMLDialect: Sendable, Hashable {
    /// gopkg.in/yaml.v2: YAML 1.1 scalars; Helm's values, `fromYaml`, `toYaml`.
    case v2
    /// gopkg.in/yaml.v3: YAML 1.2 core scalars; helm-unittest suites, manifests and snapshots.
    case v3
}

/// Parses YAML text into documents with libyaml's event API.
public enum YAMLParser {
    /// Parses the documents of `text`. `file` names the source in locations;
    /// errors carry the message go-yaml `dialect` gives. With `limit`,
    /// parsing stops after that many documents, as go-yaml's `Unmarshal`
    /// stops after the first: later text is never looked at.
    public static func parseStream(_ text: String, file: String = "", dialect: YAMLDialect = .v3,
                                   limit: Int? = nil) throws(LocatedError) -> [YAMLDocument] {
        var bytes = Array(text.utf8)
        return try parseStream(bytes: &bytes, file: file, dialect: dialect, limit: limit)
    }

    /// Parses the documents of raw bytes (any encoding libyaml detects).
    public static func parseStream(bytes: [UInt8], file: String = "", dialect: YAMLDialect = .v3,
                                   limit: Int? = nil) throws(LocatedError) -> [YAMLDocument] {
        var copy = bytes
        return try parseStream(bytes: &copy, file: file, dialect: dialect, limit: limit)
    }

    private static func parseStream(bytes: inout [UInt8], file: String, dialect: YAMLDialect,
                                     limit: Int?) throws(LocatedError) -> [YAMLDocument] {
        var composer = Composer(file: file)
        var failure: LocatedError?
        bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                failure = LocatedError(.yamlSyntax, "yaml: cannot initialise the YAML parser",
                                       at: SourceLocation(file: file, line: 1, column: 1))
                return
            }
            defer { yaml_parser_delete(&parser) }
            // An empty buffer still needs a valid pointer.
            var empty: UInt8 = 0
            if let base = buffer.baseAddress, buffer.count > 0 {
                yaml_parser_set_input_string(&parser, base, buffer.count)
            } else {
                yaml_parser_set_input_string(&parser, &empty, 0)
            }
            var event = yaml_event_t()
            var depth = YAMLDepthWatch()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    failure = depthError(&parser, &depth, simpleKeyMark: composer.simpleKeyMark, file: file, dialect: dialect)
                        ?? syntaxError(parser, file: file, input: UnsafeBufferPointer(buffer)).located(dialect)
                    return
                }
                defer { yaml_event_delete(&event) }
                composer.noteSimpleKey(event)
                if let error = depthError(&parser, &depth, simpleKeyMark: composer.simpleKeyMark, file: file, dialect: dialect) {
                    failure = error
                    return
                }
                if event.type == YAML_STREAM_END_EVENT { break }
                do throws(LocatedError) {
                    try composer.handle(event)
                } catch {
                    failure = error
                    return
                }
                if let limit, composer.documents.count >= limit { break }
            }
        }
        if let failure { throw failure.quotingSource(bytes) }
        return composer.documents
    }

    /// go-yaml's `exceeded max depth of 10000`, if its scanner would have
    /// stopped among the tokens libyaml has read so far.
    private static func depthError(_ parser: inout yaml_parser_t, _ watch: inout YAMLDepthWatch, simpleKeyMark: yaml_mark_t?,
                                   file: String, dialect: YAMLDialect) -> LocatedError? {
        guard let hit = watch.check(&parser) else { return nil }
        let context: yaml_mark_t
        if hit.isFlow {
            context = hit.mark
        } else {
            context = YAMLDepthWatch.simpleKeyMark(&parser, upTo: hit.mark, known: simpleKeyMark)
                ?? yaml_mark_t()
        }
        let mark = location(hit.mark, file: file)
        return YAMLSyntaxError(
            problem: YAMLDepthWatch.problem,
            problemMark: mark,
            place: mark,
            context: hit.isFlow ? "while increasing flow level" : "while increasing indent level",
            contextMark: location(context, file: file),
            isScannerError: true
        ).located(dialect)
    }

    private static func syntaxError(_ parser: yaml_parser_t, file: String, input: UnsafeBufferPointer<UInt8>) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? ""
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            // The reader (bad UTF-8, control characters) knows only the byte
            // offset; go-yaml's message then names no line.
            return YAMLSyntaxError(problem: problem, problemMark: SourceLocation(file: file, line: 0, column: 0),
                                   place: location(ofOffset: Int(parser.problem_offset), in: input, file: file),
                                   context: nil, contextMark: nil, isScannerError: false)
        }
        let mark = location(parser.problem_mark, file: file)
        return YAMLSyntaxError(
            problem: problem,
            problemMark: mark,
            place: mark,
            context: context,
            contextMark: context == nil ? nil : location(parser.context_mark, file: file),
            isScannerError: parser.error == YAML_SCANNER_ERROR
        )
    }

    /// The 1-based line and byte column of a byte offset of `input`.
    static func location(ofOffset offset: Int, in input: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        let end = min(max(offset, 0), input.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where input[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return SourceLocation(file: file, line: line, column: end - lineStart + 1, offset: end)
    }

    static func location(_ mark: yaml_mark_t, file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1, offset: Int(mark.index))
    }
}

/// Builds node trees from parser events.
private struct Composer {
    let file: String
    var documents: [YAMLDocument] = []
    private var anchors: [String: YAMLNode] = [:]
    private var open: Set<String> = []
    private var stack: [Frame] = []
    private var documentStart = SourceLocation(file: "", line: 1, column: 1)
    private var root: YAMLNode?
    private var selfReference: LocatedError?
    /// Open flow collections.
    private var flowDepth = 0
    /// Where go-yaml's scanner last saved a possible simple key outside flow
    /// collections (the context of its indentation-depth error).
    private(set) var simpleKeyMark: yaml_mark_t?

    private struct Frame {
        var node: YAMLNode
        /// A sequence's items.
        var items: [YAMLNode] = []
        /// A mapping's pairs, and a key still waiting for its value.
        var pairs: [YAMLPair] = []
        var key: YAMLNode?
        var isMapping: Bool
        /// The greatest height among the items so far.
        var height = 0
    }

    init(file: String) {
        self.file = file
    }

    /// Follows the node starts where go-yaml's scanner saves a simple key
    /// outside flow collections: scalars (not block scalars), aliases, flow
    /// collections, and the first property (anchor or tag) of a node.
    mutating func noteSimpleKey(_ event: yaml_event_t) {
        guard flowDepth == 0 else { return }
        switch event.type {
        case YAML_SCALAR_EVENT:
            let style = event.data.scalar.style
            if style != YAML_LITERAL_SCALAR_STYLE && style != YAML_FOLDED_SCALAR_STYLE
                || event.data.scalar.anchor != nil || event.data.scalar.tag != nil {
                simpleKeyMark = event.start_mark
            }
        case YAML_ALIAS_EVENT:
            simpleKeyMark = event.start_mark
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            if start.style == YAML_FLOW_SEQUENCE_STYLE || start.anchor != nil || start.tag != nil {
                simpleKeyMark = event.start_mark
            }
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            if start.style == YAML_FLOW_MAPPING_STYLE || start.anchor != nil || start.tag != nil {
                simpleKeyMark = event.start_mark
            }
        default:
            break
        }
    }

    mutating func handle(_ event: yaml_event_t) throws(LocatedError) {
        let mark = YAMLParser.location(event.start_mark, file: file)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors = [:]
            open = []
            selfReference = nil
            root = nil
            documentStart = mark
        case YAML_DOCUMENT_END_EVENT:
            // go-yaml reports a self-referencing alias only once the whole
            // document has parsed, so later syntax errors take precedence.
            if let selfReference { throw selfReference }
            documents.append(YAMLDocument(root: root, location: documentStart))
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = string(scalar.value, Int(scalar.length))
            let style: YAMLScalarStyle
            switch scalar.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            let node = YAMLNode(.scalar(text, style), tag: optionalString(scalar.tag),
                                anchor: optionalString(scalar.anchor), location: mark)
            finish(node)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            let anchor = optionalString(start.anchor)
            if let anchor { open.insert(anchor) }
            if start.style == YAML_FLOW_SEQUENCE_STYLE { flowDepth += 1 }
            stack.append(Frame(node: YAMLNode(.sequence([]), tag: optionalString(start.tag), anchor: anchor,
                                              location: mark, isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE),
                               isMapping: false))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            let anchor = optionalString(start.anchor)
            if let anchor { open.insert(anchor) }
            if start.style == YAML_FLOW_MAPPING_STYLE { flowDepth += 1 }
            stack.append(Frame(node: YAMLNode(.mapping([]), tag: optionalString(start.tag), anchor: anchor,
                                              location: mark, isFlow: start.style == YAML_FLOW_MAPPING_STYLE),
                               isMapping: true))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            if frame.node.isFlow { flowDepth -= 1 }
            var node = frame.node
            node.content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            node.height = frame.height + 1
            if let anchor = node.anchor { open.remove(anchor) }
            finish(node)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor, nil)
            if open.contains(name) {
                if selfReference == nil {
                    selfReference = LocatedError(.yamlAlias, "yaml: anchor '\(name)' value contains itself", at: mark)
                }
                append(YAMLNode(.scalar("", .plain), location: mark, isAlias: true))
                return
            }
            guard var target = anchors[name] else {
                throw LocatedError(.yamlAlias, "yaml: unknown anchor '\(name)' referenced", at: mark)
            }
            target.isAlias = true
            append(target)
        default:
            break
        }
    }

    private mutating func finish(_ node: consuming YAMLNode) {
        if let anchor = node.anchor { anchors[anchor] = node }
        append(node)
    }

    /// Adds a finished node to the open collection: a sequence's next
    /// item, or a mapping's key or the value that completes its pair.
    private mutating func append(_ node: consuming YAMLNode) {
        let last = stack.count - 1
        guard last >= 0 else {
            root = node
            return
        }
        stack[last].height = max(stack[last].height, node.height)
        if !stack[last].isMapping {
            stack[last].items.append(node)
        } else if stack[last].key == nil {
            stack[last].key = node
        } else {
            var key: YAMLNode?
            swap(&key, &stack[last].key)
            stack[last].pairs.append(YAMLPair(key: key!, value: node))
        }
    }

    private func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return string(pointer, nil)
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int?) -> String {
        guard let pointer else { return "" }
        let count = length ?? strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
