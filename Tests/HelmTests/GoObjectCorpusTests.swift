import Testing
@testable import Helm
import Values

/// The methods of the Go objects templates reach (`time.Time`, `time.Month`,
/// `time.Duration`, `*time.Location`), how printing and encoding functions
/// see them, and `urlParse`'s host errors, against real Helm v4
/// (`scripts/gen-objects-corpus.py`).
@Suite struct GoObjectCorpusTests {
    static let cases = FunctionCase.load("objects-corpus")

    @Test func corpusIsPresent() {
        #expect(Self.cases.count >= 200)
    }

    @Test(arguments: cases)
    func goObjectsMatchHelm(_ c: FunctionCase) throws {
        try c.check()
    }

    /// Helm 3.20 is built without Go's `urlstrictcolons`, so an http(s) host
    /// may hold several colons there (its port is after the last one); Helm 4
    /// refuses a second one. Texts from `helm template` of both.
    @Test(arguments: [
        ("http://a:1:2", HelmVersion.v3, #"{"fragment":"","host":"a:1:2","hostname":"a:1","opaque":"","path":"","query":"","scheme":"http","userinfo":""}"#),
        ("http://a:1:2", .v4, #"invalid port ":1:2" after host"#),
        ("https://h:1:x", .v3, #"invalid port ":x" after host"#),
        ("https://h:1:x", .v4, #"invalid port ":1:x" after host"#),
        ("http://[::1]:2:3", .v3, #"invalid port ":2:3" after host"#),
    ])
    func urlParseColonsDependOnHelm(_ url: String, _ helm: HelmVersion, _ expected: String) throws {
        let chart = try ChartLoader(helm: helm).loadFiles([
            ChartFile(name: "Chart.yaml", data: Array("apiVersion: v2\nname: c\nversion: 0.1.0\n".utf8)),
            ChartFile(name: "templates/t.yaml", data: Array("{{ urlParse \"\(url)\" | toJson }}".utf8)),
        ])
        do {
            let rendered = try HelmEngine(chart: chart, helm: helm).render(userValues: GoMap(), options: RenderOptions(helm: helm))
            #expect(rendered["c/templates/t.yaml"]?.text == expected)
        } catch {
            #expect(String(describing: error).hasSuffix("unable to parse url: parse \"\(url)\": " + expected))
        }
    }
}
