import GoStd
import YAML

/// The value sigs.k8s.io/yaml hands to go-yaml v2's encoder: `v` as
/// encoding/json writes it, read back by go-yaml v2's decoder.
///
/// The JSON text is never built; each step's effect is applied directly:
/// - numbers: JSON writes float64 in `'f'` form unless tiny or huge, and
///   YAML 1.1 then reads integers as int64/uint64, the rest as float64
///   (`1e6` → `1000000`, `-0.0` → `0`, `1e21` → `1e+21`);
/// - strings: JSON escapes controls, `"`, `\`, `<>&`, U+2028/9, but leaves
///   U+0085 (NEL) raw, which YAML folds like a line break inside the
///   double-quoted scalar; DEL, other C1 controls, U+FFFE and U+FFFF stay raw
///   too and make the YAML reader fail;
/// - times become their RFC 3339 text;
/// - an array or object inside ``GoJSON/maxDepth`` others fails: JSON
///   refuses to write a non-empty one, and go-yaml v2 refuses to read an
///   empty one (`exceeded max depth of 10000` flow levels).
enum JSONRoundTrip {
    /// The node for `v`; `height` gets the levels of the result.
    static func node(_ v: Value, height: inout Int) -> EmitNode? {
        node(v, depth: 0, height: &height)
    }

    private static func node(_ v: Value, depth: Int, height: inout Int) -> EmitNode? {
        height = max(height, depth + 1)
        return DeepStack.withRoom { nodeHere(v, depth: depth, height: &height) }
    }

    private static func nodeHere(_ v: Value, depth: Int, height: inout Int) -> EmitNode? {
        switch v {
        case .null: return .plain("null")
        case .bool(let b): return .plain(b ? "true" : "false")
        case .int(let n, let kind): return .plain(kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n))
        case .float(let f):
            guard let json = GoFloat.formatJSON(f) else { return nil }
            return .plain(resolveNumber(json))
        case .string(let s):
            guard let text = yamlReadBack(s.text) else { return nil }
            return stringNode(text)
        case .list(let items, let type):
            if type.isNil { return .plain("null") }
            if depth >= GoJSON.maxDepth { return nil }
            var nodes: [EmitNode] = []
            nodes.reserveCapacity(items.count)
            for item in items {
                guard let n = node(item, depth: depth + 1, height: &height) else { return nil }
                nodes.append(n)
            }
            return .sequence(nodes)
        case .map(let m, _):
            // JSON writes keys in byte order; a key that reads back equal to an
            // earlier one replaces its value in the decoded map.
            if depth >= GoJSON.maxDepth { return nil }
            if m.entries.keys.allSatisfy(readsBackUnchanged) {
                // Every key reads back as itself, so none replaces another.
                var pairs: [EmitPair] = []
                pairs.reserveCapacity(m.count)
                for key in NaturalOrder.sorted(m.entries.keys, dialect: .v2) {
                    guard let text = key.validText, isValidSimpleKey(text), let value = m.entries[key],
                          let n = node(value, depth: depth + 1, height: &height) else { return nil }
                    pairs.append(EmitPair(stringNode(text), n))
                }
                return .mapping(pairs)
            }
            var decoded: [GoString: EmitNode] = [:]
            for key in m.sortedKeys {
                guard isValidSimpleKey(key.text), let value = m.entries[key], let k = yamlReadBack(key.text),
                      let n = node(value, depth: depth + 1, height: &height) else { return nil }
                decoded[GoString(k)] = n
            }
            // v2's key order is not a strict weak order (`10` < `1a` < `01` <
            // `10`), so Go's result for such keys depends on its random map
            // order; sort the byte-ordered keys with a stable merge sort to
            // stay deterministic.
            let keys = NaturalOrder.sorted(decoded.keys, dialect: .v2)
            let pairs = keys.map { key in
                EmitPair(stringNode(key.text), decoded[key] ?? .plain("null"))
            }
            return .mapping(pairs)
        case .object(let o):
            // time.Time.MarshalJSON refuses years outside 0…9999.
            if let time = o as? GoTime, (0...9999).contains(time.components.year) {
                return stringNode(time.rfc3339Nano)
            }
            // Other JSON marshalers (semver, time.Month) write a plain value.
            guard !(o is GoTime), let json = (o as? any GoJSONEncodable)?.jsonValue else { return nil }
            if case .object = json { return nil }
            return node(json, depth: depth, height: &height)
        }
    }

    /// Whether go-yaml v2 reads the JSON string of `key` back as `key`
    /// itself: ASCII without DEL (``yamlReadBack(_:)`` only changes or
    /// refuses NEL, DEL, C1 controls and U+FFFE/U+FFFF).
    private static func readsBackUnchanged(_ key: GoString) -> Bool {
        guard let text = key.validText else { return false }
        return text.utf8.allSatisfy { $0 < 0x7F }
    }

    static func stringNode(_ s: String) -> EmitNode {
        .scalar(s, style: EmitStringStyle.requestedStyle(for: s, dialect: .v2))
    }

    /// Whether go-yaml v2 can read the JSON key of `key` as a simple key:
    /// on one line (no raw NEL) and with the `:` at most 1024 characters
    /// after the opening quote, i.e. at most 1022 characters of escaped text.
    static func isValidSimpleKey(_ key: String) -> Bool {
        var length = 0
        for scalar in key.unicodeScalars {
            switch scalar.value {
            case 0x85: return false
            case 0x22, 0x5C, 0x08, 0x09, 0x0A, 0x0C, 0x0D: length += 2
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029: length += 6
            default: length += 1
            }
            if length > 1022 { return false }
        }
        return true
    }

    /// The YAML 1.1 value of a JSON number text, written back as go-yaml v2
    /// writes it: int64, else uint64, else float64 in `'g'` form.
    static func resolveNumber(_ json: String) -> String {
        if let n = Int64(json) { return String(n) }
        if let n = UInt64(json) { return String(n) }
        if let f = Double(json) { return yamlFloat(f) }
        return json
    }

    /// What go-yaml v2 reads back from the JSON string literal of `s`, or nil
    /// when the reader rejects a raw character.
    static func yamlReadBack(_ s: String) -> String? {
        if s.utf8.allSatisfy({ $0 < 0x7F }) { return s }
        var needsFolding = false
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x85: needsFolding = true
            case 0x7F, 0x80...0x9F, 0xFFFE, 0xFFFF: return nil
            default: break
            }
        }
        guard needsFolding else { return s }
        // Inside a double-quoted scalar a raw line break folds: the spaces
        // around a run of breaks vanish, one break becomes a space and n
        // breaks become n-1 line feeds.
        var out = String.UnicodeScalarView()
        var pendingSpaces = String.UnicodeScalarView()
        var breaks = 0
        for scalar in s.unicodeScalars {
            if scalar == " " {
                if breaks == 0 { pendingSpaces.append(scalar) }
            } else if scalar.value == 0x85 {
                pendingSpaces.removeAll()
                breaks += 1
            } else {
                flush(&out, &pendingSpaces, &breaks)
                out.append(scalar)
            }
        }
        flush(&out, &pendingSpaces, &breaks)
        return String(out)
    }

    private static func flush(_ out: inout String.UnicodeScalarView, _ spaces: inout String.UnicodeScalarView,
                              _ breaks: inout Int) {
        if breaks == 1 {
            out.append(" ")
        } else if breaks > 1 {
            for _ in 1..<breaks { out.append("\n") }
        } else {
            out.append(contentsOf: spaces)
        }
        spaces.removeAll()
        breaks = 0
    }
}
