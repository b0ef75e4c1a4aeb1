import Foundation
import GoRegexp
import GoStd
import Values

/// helm-unittest's template selection (`filterV3Templates`): which templates
/// of the chart tree are rendered for a suite.
public struct TemplateFilter: Sendable {
    private let includes: [TemplatePattern]
    private let excludes: [TemplatePattern]
    /// What the filter was made from: filters with equal selections keep the same templates.
    let selection: [String]

    /// `templates` / `excludeTemplates` as written in the suite (`**` when empty),
    /// resolved against `chartRoute`.
    public init(chartRoute: String, templates: [String], excludeTemplates: [String]) {
        includes = templates.map { TemplatePattern(templateName: $0, chartRoute: chartRoute) }
        excludes = excludeTemplates.map { TemplatePattern(templateName: $0, chartRoute: chartRoute) }
        selection = [chartRoute, String(templates.count)] + templates + excludeTemplates
    }

    /// Whether the template at `path` (`<route>/templates/x.yaml`, subcharts as
    /// `<route>/charts/<name>/templates/…`) is rendered. Partials (`_*`) always are.
    public func includes(templatePath path: String) -> Bool {
        if GoPath.baseHasPrefix(path, "_") { return true }
        guard includes.contains(where: { $0.matches(path) }) else { return false }
        return !excludes.contains(where: { $0.matches(path) })
    }
}

/// One suite template name turned into helm-unittest's unanchored regex.
struct TemplatePattern: Sendable {
    private let compiled: CompiledPattern

    init(templateName: String, chartRoute: String) {
        compiled = CompiledPattern.named(templateName, chartRoute: chartRoute)
    }

    func matches(_ path: String) -> Bool { compiled.matches(path) }
}

/// A pattern's regex and its answers so far, shared by every job of the
/// run: each job asks the same questions about the same template paths.
private final class CompiledPattern: Sendable {
    private let regex: GoRegexp?
    private let answers = Memo<String, Bool, Never>(capacity: .max)

    private init(_ pattern: String) {
        regex = try? GoRegexp(pattern)
    }

    private static let all = Memo<String, CompiledPattern, Never>(capacity: .max)

    /// The pattern of `templateName` under `chartRoute`, built on first use
    /// (every job of a suite names the same templates).
    static func named(_ templateName: String, chartRoute: String) -> CompiledPattern {
        all.value(for: chartRoute + "\u{0}" + templateName) { _ in
            CompiledPattern(templatePathPattern(GoPath.join(chartRoute, templateFileName(templateName))))
        }
    }

    func matches(_ path: String) -> Bool {
        answers.value(for: path) { regex?.matches($0) ?? false }
    }
}

/// `getTemplateFileName`: `templates/` is prepended unless the name starts
/// with `templates`, `charts`, `crds` or `**`.
func templateFileName(_ name: String) -> String {
    for prefix in ["templates", "charts", "crds", "**"] where name.hasPrefix(prefix) { return name }
    return GoPath.join("templates", name)
}

/// `getTemplateFileNamePattern`: regex metacharacters escaped, `**` and `*`
/// turned into character-class runs (which cross `/`).
func templatePathPattern(_ name: String) -> String {
    // One pass doing helm-unittest's replacements in its order: each
    // replacement's own text is never replaced again.
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count + 16)
    var bytes = name.utf8[...]
    while let b = bytes.popFirst() {
        switch b {
        case UInt8(ascii: "*"):
            if bytes.first == UInt8(ascii: "*") {
                bytes.removeFirst()
                out += #"[0-9a-zA-Z_\-/\.]+"#.utf8
            } else {
                out += #"[0-9a-zA-Z_\-_/\.]*"#.utf8
            }
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "^"), UInt8(ascii: "$"):
            out += [UInt8(ascii: "\\"), b]
        default:
            out.append(b)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
