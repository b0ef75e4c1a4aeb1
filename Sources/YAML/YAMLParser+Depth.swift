import CYAML
import Diagnostics

/// go-yaml's nesting limits, which libyaml 0.2.5 lacks: its scanner (v2
/// and v3 alike) fails when a flow collection opens inside 10000 others
/// (`while increasing flow level`) or a block collection pushes the 10001st
/// indentation level (`while increasing indent level`), with the text
/// `exceeded max depth of 10000`. Indentless sequences (`key:\n- a`) push
/// no level, and flow levels do not count as indents.
///
/// go-yaml fails as its scanner reads the token; libyaml's scanner reads
/// ahead of the parser by the same rules, so after every event the tokens
/// scanned so far (those still queued, and the count of open levels libyaml
/// keeps) show whether go-yaml would have stopped by now.
extension YAMLParser {
    /// go-yaml's nesting limit (``YAMLDepthWatch``): flow collections inside
    /// this many others, or this many indentation levels.
    public static let maxDepth = 10_000
}

struct YAMLDepthWatch {
    /// go-yaml's `max_flow_level` and `max_indents`.
    static let limit = YAMLParser.maxDepth
    static let problem = "exceeded max depth of \(limit)"

    /// Tokens scanned and the scanner's levels when last checked.
    private var scanned = 0
    private var flow = 0
    private var indents = 0

    /// What the check found: the syntax error go-yaml gives.
    struct Hit {
        var isFlow: Bool
        var mark: yaml_mark_t
    }

    /// The token at which go-yaml's scanner would have failed among those
    /// libyaml has scanned so far, or nil. Cheap unless a level near the
    /// limit may have been reached since the last check.
    mutating func check(_ parser: inout yaml_parser_t) -> Hit? {
        let queued = parser.tokens.head.flatMap { head in parser.tokens.tail.map { $0 - head } } ?? 0
        let total = Int(parser.tokens_parsed) + queued
        let fresh = total - scanned
        let flowNow = Int(parser.flow_level)
        let indentsNow = parser.indents.start.flatMap { start in parser.indents.top.map { $0 - start } } ?? 0
        defer { scanned = total; flow = flowNow; indents = indentsNow }
        // Each token moves a level by at most one.
        guard flow + fresh > Self.limit || indents + fresh > Self.limit else { return nil }
        guard let head = parser.tokens.head, queued > 0 else {
            return nil
        }
        // Levels at the queue's head: the scanner's levels minus what the
        // queued tokens changed.
        var flowLevel = flowNow, indentLevel = indentsNow
        for i in 0..<queued {
            switch head[i].type {
            case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN: flowLevel -= 1
            case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN: flowLevel += 1
            case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN: indentLevel -= 1
            case YAML_BLOCK_END_TOKEN: indentLevel += 1
            default: break
            }
        }
        for i in 0..<queued {
            let token = head[i]
            switch token.type {
            case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                flowLevel += 1
                if flowLevel > Self.limit { return Hit(isFlow: true, mark: token.start_mark) }
            case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                flowLevel -= 1
            case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN:
                indentLevel += 1
                if indentLevel > Self.limit { return Hit(isFlow: false, mark: token.start_mark) }
            case YAML_BLOCK_END_TOKEN:
                indentLevel -= 1
            default:
                break
            }
        }
        return nil
    }

    /// go-yaml v3 names the line of the scanner's current simple key in an
    /// indentation error: the last node start (scalar, alias, anchor, tag or
    /// flow collection, outside flow collections) where a key could begin.
    /// `known` is that mark as of the parser's head; the queued tokens up to
    /// the failing one may move it further.
    static func simpleKeyMark(_ parser: inout yaml_parser_t, upTo mark: yaml_mark_t,
                              known: yaml_mark_t?) -> yaml_mark_t? {
        guard let head = parser.tokens.head, let tail = parser.tokens.tail else { return known }
        var result = known
        var flowLevel = 0
        var previous: yaml_token_type_t?
        var previousLine = -1
        for i in 0..<(tail - head) {
            let token = head[i]
            if token.start_mark.index >= mark.index { break }
            let allowed = !(previous == YAML_ANCHOR_TOKEN || previous == YAML_TAG_TOKEN)
                || Int(token.start_mark.line) != previousLine
            switch token.type {
            case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                if flowLevel == 0 && allowed { result = token.start_mark }
                flowLevel += 1
            case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN:
                flowLevel = max(0, flowLevel - 1)
            case YAML_ALIAS_TOKEN, YAML_ANCHOR_TOKEN, YAML_TAG_TOKEN:
                if flowLevel == 0 && allowed { result = token.start_mark }
            case YAML_SCALAR_TOKEN:
                let style = token.data.scalar.style
                if flowLevel == 0 && allowed && style != YAML_LITERAL_SCALAR_STYLE && style != YAML_FOLDED_SCALAR_STYLE {
                    result = token.start_mark
                }
            default:
                break
            }
            previous = token.type
            previousLine = Int(token.end_mark.line)
        }
        return result
    }
}
