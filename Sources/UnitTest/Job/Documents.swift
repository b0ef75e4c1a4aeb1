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
    static func parseYAML(_ rendered: String) throws(JobError) -> [Value] {
        let normalised = SuiteDecoder.split(rendered).map(\.text).joined(separator: "\n---\n")
        let documents: [YAMLDocument]
        do {
            documents = try YAMLParser.parseStream(normalised)
        } catch let error as YAMLSyntaxError {
            throw JobError(message: error.goMessage(.v3))
        } catch let error as YAMLCompositionError {
            throw JobError(message: "yaml: " + error.message)
        } catch {
            throw JobError(message: "\(error)")
        }
        var out: [Value] = []
        for document in documents {
            guard let root = document.root, !NodeDecoder.isNull(root) else { continue }
            guard case .mapping = root.content else {
                var d = NodeDecoder(strict: false)
                d.typeError(root, into: "map[string]interface {}")
                throw JobError(message: d.combinedError ?? "")
            }
            let value: Value
            do {
                value = try YAMLValues.v3Value(of: root)
            } catch let error as ValueDecodingError {
                throw JobError(message: error.message)
            } catch {
                throw JobError(message: "\(error)")
            }
            if case .map(let m, _) = value, m.count > 0 { out.append(value) }
        }
        return out
    }

    /// `parseManifestsFromOutputOfFiles`: `.yaml`/`.yml`/`.tpl` parsed,
    /// `.txt` as one `{raw: text}` document, other files dropped. After a
    /// failed render every file holds an error document and is parsed as YAML.
    static func parse(outputs: [String: String], chartName: String, renderSucceeded: Bool,
                      crds: [(path: String, text: String)]) throws(JobError) -> [String: [Value]] {
        var result: [String: [Value]] = [:]
        for crd in crds { result[crd.path] = try parseYAML(crd.text) }
        for (name, rendered) in outputs.sorted(by: { goLess($0.key, $1.key) }) {
            let file = name.hasPrefix(chartName) ? name : GoPath.join(chartName, name)
            let ext = renderSucceeded ? GoPath.ext(file) : ".yaml"
            switch ext {
            case ".yaml", ".yml", ".tpl": result[file] = try parseYAML(rendered)
            case ".txt": result[file] = [.map(GoMap(["raw": .string(rendered)]))]
            default: break
            }
        }
        return result
    }

    /// helm-unittest's split of a Helm v3 error (`(?msU)^(?:.+: |.+ \()(?:(.+):\d+:\d+).+(?:.+>)*: (.+)$`):
    /// the failing file and the message; for a multi-line error the message
    /// is everything after the first line. Nil when the text does not match
    /// (parse errors, pre-render errors).
    static func splitRenderError(_ message: String) -> (file: String, raw: String)? {
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
