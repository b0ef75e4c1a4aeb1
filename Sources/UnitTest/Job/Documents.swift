import Diagnostics
import Foundation
import GoRegexp
import GoStd
import Values
import YAML

/// Rendered output turned into the documents assertions see.
enum Documents {
    /// helm-unittest's `parseYamlFile`: `---` lines normalised with the
    /// separator regex, then every document decoded with yaml.v3 into a map;
    /// empty and `{}` documents dropped; a non-map document is an error.
    /// Locations name `file` (the rendered template) and count lines of the
    /// normalised text, as go-yaml's messages do.
    static func parseYAML(_ rendered: String, file: String = "") throws(LocatedError) -> [Value] {
        try parseYAML(GoString(rendered), file: file)
    }

    /// ``parseYAML(_:file:)`` of rendered bytes (the YAML reader refuses
    /// invalid UTF-8 with go-yaml's error).
    static func parseYAML(_ rendered: GoString, file: String = "") throws(LocatedError) -> [Value] {
        var normalised: [UInt8] = []
        for (i, part) in SuiteDecoder.split(rendered.bytes).enumerated() {
            if i > 0 { normalised += "\n---\n".utf8 }
            normalised += part.bytes
        }
        var documents: [YAMLDocument]? = try YAMLParser.parseStream(bytes: normalised, file: file, dialect: .v3)
        return try DeepStack.withStack(forDepth: documents?.depth ?? 0) { () throws(LocatedError) -> [Value] in
            defer { documents = nil }
            var out: [Value] = []
            for document in documents ?? [] {
                guard let root = document.root, !NodeDecoder.isNull(root) else { continue }
                guard case .mapping = root.content else {
                    throw NodeDecoder.typeError(root, into: "map[string]interface {}")
                }
                let value = try YAMLValues.v3Value(of: root)
                if case .map(let m, _) = value, m.count > 0 { out.append(value) }
            }
            return out
        }
    }

    /// `parseManifestsFromOutputOfFiles`: `.yaml`/`.yml`/`.tpl` parsed,
    /// `.txt` as one `{raw: text}` document, other files dropped. After a
    /// failed render every file holds an error document and is parsed as YAML.
    /// Files already seen come from `cache`.
    static func parse(outputs: [String: GoString], chartName: String, renderSucceeded: Bool,
                      crds: [(path: String, text: String)], cache: ParsedDocuments) throws(LocatedError) -> [String: [Value]] {
        var result: [String: [Value]] = [:]
        for crd in crds { result[crd.path] = try cache.documents(of: GoString(crd.text), file: crd.path) }
        for (name, rendered) in outputs.sorted(by: { goLess($0.key, $1.key) }) {
            let file = name.hasPrefix(chartName) ? name : GoPath.join(chartName, name)
            let ext = renderSucceeded ? GoPath.ext(file) : ".yaml"
            switch ext {
            case ".yaml", ".yml", ".tpl": result[file] = try cache.documents(of: rendered, file: file)
            case ".txt": result[file] = [.map(GoMap(["raw": .string(rendered)]))]
            default: break
            }
        }
        return result
    }

    /// helm-unittest's `parseRenderError`, which recovers the failing file
    /// and the message from a Helm v3 error's *text* with its regex
    /// `(?msU)^(?:.+: |.+ \()(?:(.+):\d+:\d+).+(?:.+>)*: (.+)$` (its result
    /// depends on the text, e.g. a `fail` message holding `": "`, so the text
    /// rewriting itself is the contract); for a multi-line error the message
    /// is everything after the first line. Nil when the text does not match
    /// (parse errors, pre-render errors).
    static func parseRenderError(_ message: String) -> (file: String, raw: String)? {
        guard let groups = renderErrorPattern?.submatches(message), groups.count == 3 else { return nil }
        let file = groups[1]
        let raw: String
        if let newline = message.firstIndex(of: "\n") {
            raw = String(message[message.index(after: newline)...])
        } else {
            raw = groups[2]
        }
        // helm-unittest rethrows the error when nothing useful was parsed.
        if file.isEmpty && raw.isEmpty { return nil }
        return (file, raw)
    }
}

/// helm-unittest's `regexErrorPattern`.
private let renderErrorPattern: GoRegexp? = try? GoRegexp(#"(?msU)^(?:.+: |.+ \()(?:(.+):\d+:\d+).+(?:.+>)*: (.+)$"#)
