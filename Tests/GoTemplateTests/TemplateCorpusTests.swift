import TestSupport
import Foundation
import GoTemplate
import Testing
import Values

/// One golden case rendered by real Helm v4 (Tests/Fixtures/template-corpus).
struct CorpusCase: Sendable, CustomStringConvertible {
    var group: String
    var name: String
    var template: String
    var helpers: String?
    var values: String?
    var output: String?
    var error: String?
    var description: String { "\(group)/\(name)" }

    static func load() -> [CorpusCase] {
        var cases: [CorpusCase] = []
        for file in Fixtures.files(in: "template-corpus", suffix: ".json") {
            guard let data = try? Data(contentsOf: Fixtures.url("template-corpus/" + file)),
                  let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            for c in list {
                cases.append(CorpusCase(
                    group: String(file.dropLast(5)), name: c["name"] as? String ?? "",
                    template: c["template"] as? String ?? "", helpers: c["helpers"] as? String,
                    values: c["values"] as? String, output: c["output"] as? String, error: c["error"] as? String))
            }
        }
        return cases
    }
}

@Suite struct TemplateCorpusTests {
    static let cases = CorpusCase.load()

    @Test func corpusIsPresent() {
        #expect(Self.cases.count > 500)
    }

    /// Whether `GoFmt.sprintf` is the full implementation (it is being
    /// written on another branch; until it lands, cases needing it are
    /// known issues).
    static let sprintfComplete = GoFmt.sprintf("%T %5.1f", [.int(1), .float(2)]) == "int   2.0"

    @Test(arguments: cases)
    func rendersLikeHelm(_ c: CorpusCase) throws {
        let values = try c.values.map { try YAMLValues.helmValues($0) } ?? GoMap()
        let result = HelmHarness.render(template: c.template, helpers: c.helpers, values: values)
        let check = {
            if let expected = c.error {
                #expect(result.error == expected, "output: \(result.output ?? "nil")")
            } else {
                #expect(result.error == nil)
                #expect(result.output == c.output)
            }
        }
        let needsSprintf = c.template.contains("printf") || (c.error?.contains("%!") ?? false)
        if needsSprintf && !Self.sprintfComplete {
            withKnownIssue("GoFmt.sprintf placeholder", isIntermittent: true) { check() }
        } else {
            check()
        }
    }
}
