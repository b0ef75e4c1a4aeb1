import Foundation
import GoStd
import Testing
import TestSupport
@testable import Helm
import Values

/// One golden case: a one-file chart (`c/templates/t.yaml`, maybe a
/// `_helpers.tpl`) and its values, with what real Helm v4 rendered or the
/// error it gave. The template corpus (`scripts/gen-template-corpus.py`)
/// and the three Sprig corpora (`scripts/gen-sprig-*-corpus.py`) share it.
/// A case with `subTemplate` also has a subchart `charts/sub` (values.yaml
/// `subValues`) rendering that template to `subOutput`.
///
/// `files` (chart-relative path → base64 of the file's exact bytes) are added
/// to the chart last and replace same-named files, `templates/t.yaml`,
/// `Chart.yaml` and `values.yaml` included: a case whose template holds bytes
/// that aren't UTF-8 gives it there (its `template` is then ignored). An
/// output or error that isn't UTF-8 is `outputBase64`/`errorBase64`. Outputs
/// and errors are compared as bytes, so canonically equivalent texts (NFC
/// and NFD "é", say) don't pass for each other.
struct FunctionCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var template: String
    var helpers: String?
    var values: String?
    var subTemplate: String?
    var subValues: String?
    var output: String?
    var subOutput: String?
    var error: String?
    var files: [String: String]?
    var outputBase64: String?
    var errorBase64: String?
    /// For random results: a regex the whole output must match.
    var shape: String?
    var function: String?
    var corpus = ""
    var testDescription: String { corpus + "/" + name }

    enum CodingKeys: String, CodingKey {
        case name, template, helpers, values, subTemplate, subValues, output, subOutput, error, shape, function
        case files, outputBase64, errorBase64
    }

    static func load(_ folder: String) -> [FunctionCase] {
        Fixtures.files(in: folder, suffix: ".json").flatMap { file -> [FunctionCase] in
            guard let data = try? Data(contentsOf: Fixtures.url(folder + "/" + file)),
                  var cases = try? JSONDecoder().decode([FunctionCase].self, from: data) else { return [] }
            for i in cases.indices { cases[i].corpus = folder + "/" + file }
            return cases
        }
    }

    /// Renders the case through the real engine: what chartunit gives, as output or Helm's error text.
    func render() -> (output: GoString?, subOutput: GoString?, error: String?) {
        var files = [ChartFile(name: "templates/t.yaml", data: Array(template.utf8))]
        if let helpers { files.append(ChartFile(name: "templates/_helpers.tpl", data: Array(helpers.utf8))) }
        if let subTemplate {
            files += [
                ChartFile(name: "charts/sub/Chart.yaml", data: Array("apiVersion: v2\nname: sub\nversion: 0.1.0\n".utf8)),
                ChartFile(name: "charts/sub/values.yaml", data: Array((subValues ?? "").utf8)),
                ChartFile(name: "charts/sub/templates/t.yaml", data: Array(subTemplate.utf8)),
            ]
        }
        files.insert(ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8)), at: 0)
        // Sorted by bytes, and matched by bytes: `String` equality would take
        // an NFD name for its NFC twin.
        for (path, base64) in (self.files ?? [:]).sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            var data = Array(Data(base64Encoded: base64) ?? Data())
            // The oracle loads a chart folder, whose reader drops a leading BOM.
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
            files.removeAll { $0.name.utf8.elementsEqual(path.utf8) }
            files.append(ChartFile(name: path, data: data))
        }
        do {
            let chart = try ChartLoader(helm: .v4).loadFiles(files)
            let user = try values.map { try YAMLValues.helmValues($0) } ?? GoMap()
            let rendered = try HelmEngine(chart: chart, helm: .v4).render(userValues: user, options: RenderOptions(helm: .v4))
            return (rendered["c/templates/t.yaml"], rendered["c/charts/sub/templates/t.yaml"], nil)
        } catch {
            return (nil, nil, String(describing: error))
        }
    }

    /// The expected error's bytes, if the case expects one.
    var expectedError: ByteText? {
        if let errorBase64 { return ByteText(base64: errorBase64) }
        return error.map { ByteText($0) }
    }

    /// The expected output's bytes (nil for an error case).
    var expectedOutput: ByteText? {
        if let outputBase64 { return ByteText(base64: outputBase64) }
        return output.map { ByteText($0) }
    }

    /// Whether chartunit gives exactly the expected output or error (cases
    /// without a `shape`).
    func matches() -> Bool {
        let got = render()
        if let expected = expectedError { return got.error.map { ByteText($0) } == expected }
        return got.error == nil && got.output.map { ByteText($0) } == expectedOutput
            && (subTemplate == nil || got.subOutput.map { ByteText($0) } == subOutput.map { ByteText($0) })
    }

    func check() throws {
        let got = render()
        if let shape {
            let output = try #require(got.output?.text, "error: \(got.error ?? "")")
            #expect(output.wholeMatch(of: try Regex(shape)) != nil, "\(output.prefix(300))")
        } else if let expected = expectedError {
            #expect(got.error.map { ByteText($0) } == expected, "output: \(got.output?.text ?? "nil")")
        } else {
            #expect(got.error == nil)
            #expect(got.output.map { ByteText($0) } == expectedOutput)
            if subTemplate != nil { #expect(got.subOutput.map { ByteText($0) } == subOutput.map { ByteText($0) }) }
        }
    }
}

/// Text compared as its bytes: `String`'s `==` takes canonically equivalent
/// texts (NFC and NFD "é") for the same. Shown as a Swift literal (control
/// characters escaped), then as base64 when that could hide something
/// (anything beyond ASCII).
struct ByteText: Equatable, CustomTestStringConvertible {
    var bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    init(_ text: GoString) { bytes = text.bytes }

    init(base64: String) { bytes = Array(Data(base64Encoded: base64) ?? Data()) }

    var testDescription: String {
        let text = String(reflecting: String(decoding: bytes, as: UTF8.self))
        if bytes.allSatisfy({ $0 < 0x80 }) { return text }
        return text + " (base64 \(Data(bytes).base64EncodedString()))"
    }
}

@Suite struct FunctionCorpusTests {
    static let templateCases = FunctionCase.load("template-corpus")
    static let sprigCases = FunctionCase.load("sprig-corpus")

    @Test func corporaArePresent() {
        #expect(Self.templateCases.count >= 800)
        #expect(Self.sprigCases.count >= 2400)
    }

    /// Functions Helm has (names the corpora only pin as `not defined` don't count).
    @Test func everySprigFunctionHasThreeCases() {
        var counts: [String: Int] = [:]
        for c in Self.sprigCases where c.error?.hasSuffix("not defined") != true {
            counts[c.function ?? "", default: 0] += 1
        }
        for (name, count) in counts { #expect(count >= 3, "\(name)") }
    }

    @Test(arguments: templateCases)
    func templateEngineMatchesHelm(_ c: FunctionCase) throws {
        try c.check()
    }

    @Test(arguments: sprigCases)
    func sprigMatchesHelm(_ c: FunctionCase) throws {
        try c.check()
    }
}
