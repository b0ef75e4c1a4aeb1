import GoStd
import YAML

/// Helm's `toYaml`: `sigs.k8s.io/yaml.Marshal(v)` with one trailing line
/// break removed.
///
/// sigs.k8s.io/yaml marshals `v` to JSON (encoding/json), reads that JSON back
/// with go-yaml v2 (YAML 1.1 typing: a float64 JSON writes as `1000000` turns
/// into an int) and writes it with go-yaml v2 (natural key order, unindented
/// sequences, folding at 80 columns). Returns nil where Go returns an error
/// (NaN or ±Inf floats, objects JSON cannot encode, strings with characters
/// YAML does not allow raw such as DEL or C1 controls); Helm prints "".
public func helmToYAML(_ v: Value) -> String? {
    guard let text = sigsYAMLMarshal(v) else { return nil }
    return GoStrings.trimSuffix(text, "\n")
}

/// `sigs.k8s.io/yaml.Marshal(v)` (what helm-unittest uses to hand its
/// `set:` values to Helm): ``helmToYAML(_:)`` with its trailing line break.
public func sigsYAMLMarshal(_ v: Value) -> String? {
    var height = 0
    guard let node = JSONRoundTrip.node(v, height: &height) else { return nil }
    return emitAndRelease(node, height: height, options: .goYAMLv2)
}

/// The text of `node`, a tree `height` levels deep, which is then freed
/// where its recursive release fits.
private func emitAndRelease(_ node: consuming EmitNode, height: Int, options: YAMLEmitter.Options) -> String {
    let text = YAMLEmitter.emit(node, options: options)
    DeepStack.release(consume node, depth: height)
    return text
}

/// The error of `sigs.k8s.io/yaml.Marshal(v)` when ``sigsYAMLMarshal(_:)``
/// gives nil: encoding/json's (`error marshaling into JSON: json:
/// unsupported value: NaN`, `… exceeded max depth`), or go-yaml v2's when
/// reading that JSON back (an empty array or object inside 10000 others,
/// which JSON still writes, is `yaml: exceeded max depth of 10000`).
public func sigsYAMLMarshalError(_ v: Value) -> String {
    do {
        _ = try GoJSON.encode(v)
    } catch {
        return "error marshaling into JSON: \(error)"
    }
    if GoJSON.exceedsMaxDepth(v, countingEmpty: true) {
        return "yaml: exceeded max depth of \(YAMLParser.maxDepth)"
    }
    return "error marshaling into JSON: unsupported value"
}

/// go-yaml v3 encoding of the Go value `v` with the given indentation
/// (`yaml.Marshal` uses 4, `Encoder.SetIndent(2)` 2), trailing line break
/// kept; nil for objects go-yaml cannot encode here (anything but times).
public func goYAMLv3Marshal(_ v: Value, indent: Int = 4) -> String? {
    var height = 0
    guard let node = V3Encoding.node(v, trimLeadingNewlines: false, height: &height) else { return nil }
    return emitAndRelease(node, height: height, options: .goYAMLv3(indent: indent))
}

/// Helm's `toYamlPretty`: a go-yaml v3 encoder with `SetIndent(2)` fed the Go
/// value directly, with one trailing line break removed.
///
/// Values go-yaml cannot encode (objects other than times) give "", which
/// is what Helm prints when the encoder fails.
public func helmToYAMLPretty(_ v: Value) -> String {
    guard let text = goYAMLv3Marshal(v, indent: 2) else { return "" }
    return GoStrings.trimSuffix(text, "\n")
}

/// helm-unittest's `TrustedMarshalYAML`: leading `\n`s are stripped from
/// every string (in nested maps and lists too, not from keys), then the value
/// is written by a go-yaml v3 encoder with indent 2; the trailing line break
/// is kept.
public func snapshotYAML(_ v: Value) -> String {
    var height = 0
    guard let node = V3Encoding.node(v, trimLeadingNewlines: true, height: &height) else { return "" }
    return emitAndRelease(node, height: height, options: .goYAMLv3(indent: 2))
}

/// The text of a helm-unittest `.snap` file: go-yaml v3 (indent 2) writing
/// a `map[string]map[uint]string` — test names in natural order, indices in
/// numeric order, every text a literal block when it contains a line break.
/// A test name given twice keeps the items of its last occurrence, merged
/// by index, as a Go map would.
public func snapshotFile(_ entries: [(test: String, items: [(index: UInt, text: String)])]) -> String {
    var byTest: [String: [UInt: String]] = [:]
    for entry in entries {
        for item in entry.items { byTest[entry.test, default: [:]][item.index] = item.text }
    }
    let pairs = NaturalOrder.sorted(byTest.keys, dialect: .v3).map { test -> EmitPair in
        let items = byTest[test] ?? [:]
        let inner = items.keys.sorted().map { index -> EmitPair in
            EmitPair(.plain(String(index)), V3Encoding.stringNode(items[index] ?? ""))
        }
        return EmitPair(V3Encoding.stringNode(test), .mapping(inner))
    }
    return YAMLEmitter.emit(.mapping(pairs), options: .goYAMLv3(indent: 2))
}

/// go-yaml v3's `encode.go` decisions for Go values.
enum V3Encoding {
    /// The node for `v`; `height` gets the levels of the result.
    static func node(_ v: Value, trimLeadingNewlines: Bool, height: inout Int) -> EmitNode? {
        node(v, trimLeadingNewlines: trimLeadingNewlines, depth: 0, height: &height)
    }

    private static func node(_ v: Value, trimLeadingNewlines: Bool, depth: Int, height: inout Int) -> EmitNode? {
        height = max(height, depth + 1)
        return DeepStack.withRoom { nodeHere(v, trimLeadingNewlines: trimLeadingNewlines, depth: depth, height: &height) }
    }

    private static func nodeHere(_ v: Value, trimLeadingNewlines: Bool, depth: Int, height: inout Int) -> EmitNode? {
        switch v {
        case .null: return .plain("null")
        case .bool(let b): return .plain(b ? "true" : "false")
        case .int(let n, let kind): return .plain(kind.isUnsigned ? String(UInt64(bitPattern: n)) : String(n))
        case .float(let f): return .plain(yamlFloat(f))
        case .string(let s):
            let text = s.text
            return stringNode(trimLeadingNewlines ? String(text.drop(while: { $0 == "\n" })) : text)
        case .list(let items, _):
            var nodes: [EmitNode] = []
            nodes.reserveCapacity(items.count)
            for item in items {
                guard let n = node(item, trimLeadingNewlines: trimLeadingNewlines, depth: depth + 1, height: &height) else { return nil }
                nodes.append(n)
            }
            return .sequence(nodes)
        case .map(let m, _):
            var pairs: [EmitPair] = []
            pairs.reserveCapacity(m.count)
            for key in NaturalOrder.sorted(m.entries.keys, dialect: .v3) {
                guard let value = m.entries[key],
                      let n = node(value, trimLeadingNewlines: trimLeadingNewlines, depth: depth + 1, height: &height) else {
                    return nil
                }
                pairs.append(EmitPair(stringNode(key.text), n))
            }
            return .mapping(pairs)
        case .object(let o):
            if let time = o as? GoTime { return .plain(time.rfc3339Nano) }
            // go-yaml v3 writes a time.Duration as its String(), other
            // integers as numbers, and text marshalers (semver) as their text.
            if let n = o as? GoTimeInteger, n.kind == .duration { return stringNode(n.goFormatted) }
            guard let json = (o as? any GoJSONEncodable)?.jsonValue else { return nil }
            if case .object = json { return nil }
            return node(json, trimLeadingNewlines: trimLeadingNewlines, depth: depth, height: &height)
        }
    }

    static func stringNode(_ s: String) -> EmitNode {
        .scalar(s, style: EmitStringStyle.requestedStyle(for: s, dialect: .v3))
    }
}

/// `strconv.FormatFloat(f, 'g', -1, 64)` with go-yaml's spellings of the
/// special values.
func yamlFloat(_ f: Double) -> String {
    if f.isNaN { return ".nan" }
    if f.isInfinite { return f < 0 ? "-.inf" : ".inf" }
    return GoFloat.formatG(f)
}
