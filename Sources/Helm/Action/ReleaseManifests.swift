import Diagnostics
import GoStd
import Values

/// The head of a rendered manifest as Helm's release utilities read it
/// (`pkg/release/v1/util.SimpleHead`): only what sorting needs.
public struct ManifestHead: Sendable, Hashable {
    public var apiVersion = ""
    public var kind = ""
    /// Whether the manifest has a `metadata` object (Go's pointer is non-nil).
    public var hasMetadata = false
    public var name = ""
    /// `metadata.annotations`, or nil when absent or null.
    public var annotations: [String: String]?

    public init() {}
}

/// Helm's manifest utilities (`pkg/release/v1/util/manifest.go`):
/// splitting a rendered file into YAML documents and reading their heads.
public enum ReleaseManifests {
    /// `SplitManifests`: the text split at `(?:^|\s*\n)---\s*`,
    /// whitespace-only documents dropped. Helm 4 trims leading whitespace
    /// (of the text and of every document); Helm 3 trims both ends of each.
    /// Documents keep their order.
    public static func split(_ text: String, helm: HelmVersion) -> [String] {
        split(GoString(text), helm: helm).map(\.text)
    }

    /// ``split(_:helm:)`` of a rendered file's bytes (which need not be
    /// valid UTF-8: the documents keep them for the YAML reader to refuse).
    public static func split(_ text: GoString, helm: HelmVersion) -> [GoString] {
        let trim = { (text: GoString) -> GoString in
            text.trimming(where: GoUnicode.isSpace, leading: true, trailing: helm == .v3)
        }
        return splitBySeparator(trim(text).bytes).compactMap { piece in
            let doc = GoString(bytes: piece)
            if doc.trimming(where: GoUnicode.isSpace).isEmpty { return nil }
            return trim(doc)
        }
    }

    /// Go's `regexp.MustCompile("(?:^|\\s*\\n)---\\s*").Split(s, -1)` on
    /// bytes. RE2's `\s` is `[\t\n\f\r ]`.
    static func splitBySeparator(_ s: [UInt8]) -> [ArraySlice<UInt8>] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20 }
        func isDashes(_ i: Int) -> Bool {
            i + 2 < s.count && s[i] == 0x2D && s[i + 1] == 0x2D && s[i + 2] == 0x2D
        }
        func skipSpaces(_ i: Int) -> Int {
            var j = i
            while j < s.count, isSpace(s[j]) { j += 1 }
            return j
        }
        if s.isEmpty { return [s[...]] }
        var matches: [(Int, Int)] = []
        var p = 0
        while p < s.count {
            if p == 0, isDashes(0) {
                let end = skipSpaces(3)
                matches.append((0, end))
                p = end
                continue
            }
            // `\s*\n---`: the maximal whitespace run from p must end in `\n` followed by `---`.
            if isSpace(s[p]) {
                let runEnd = skipSpaces(p)
                if s[runEnd - 1] == 0x0A, isDashes(runEnd) {
                    let end = skipSpaces(runEnd + 3)
                    matches.append((p, end))
                    p = end
                    continue
                }
                // No match can start inside this run either: every suffix of it ends the same way.
                p = runEnd
                continue
            }
            p += 1
        }
        var pieces: [ArraySlice<UInt8>] = []
        var begin = 0, end = 0
        for (start, stop) in matches {
            end = start
            if stop != 0 { pieces.append(s[begin..<end]) }
            begin = stop
        }
        if end != s.count { pieces.append(s[begin...]) }
        return pieces
    }

    // MARK: SimpleHead

    private static let headMetadata = GoStructType(
        name: "", fields: [("name", .string), ("annotations", .map(.string))],
        spelling: #"struct { Name string "json:\"name\""; Annotations map[string]string "json:\"annotations\"" }"#)
    private static let simpleHead = GoStructType(name: "SimpleHead", fields: [
        ("apiVersion", .string), ("kind", .string), ("metadata", .pointer(headMetadata)),
    ])

    /// `yaml.Unmarshal([]byte(doc), &SimpleHead{})` with sigs.k8s.io/yaml.
    /// Throws the error text Helm wraps as `YAML parse error on <file>: …`.
    public static func head(_ document: String) throws(LocatedError) -> ManifestHead {
        try head(GoString(document))
    }

    /// ``head(_:)`` of a document's bytes.
    public static func head(_ document: GoString) throws(LocatedError) -> ManifestHead {
        var head = ManifestHead()
        let fields = try SigsTypedUnmarshal.decode(document.bytes, as: simpleHead, package: "util")
        guard let fields else { return head }
        head.apiVersion = fields["apiVersion"]?.stringValue ?? ""
        head.kind = fields["kind"]?.stringValue ?? ""
        if case .map(let metadata, _)? = fields["metadata"] {
            head.hasMetadata = true
            head.name = metadata["name"]?.stringValue ?? ""
            if case .map(let annotations, _)? = metadata["annotations"] {
                var out: [String: String] = [:]
                for (key, value) in annotations.entries { out[key.text] = value.stringValue ?? "" }
                head.annotations = out
            }
        }
        return head
    }
}
