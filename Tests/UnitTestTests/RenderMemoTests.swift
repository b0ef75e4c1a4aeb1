import Foundation
import GoStd
import GoTemplate
import Helm
import Testing
@testable import UnitTest
import Values

/// ``RenderMemo``: a job whose render inputs equal an earlier job's gets
/// that job's render, and only when a fresh render would be the same.
@Suite struct RenderMemoTests {
    /// A chart on disk with these templates and default values.
    static func chart(_ templates: [String: String], values: String = "", schema: String? = nil) throws -> HelmChartRenderer.LoadedChart {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "apiVersion: v2\nname: c\nversion: 1.0.0\n".write(to: dir.appendingPathComponent("Chart.yaml"), atomically: true, encoding: .utf8)
        try values.write(to: dir.appendingPathComponent("values.yaml"), atomically: true, encoding: .utf8)
        if let schema { try schema.write(to: dir.appendingPathComponent("values.schema.json"), atomically: true, encoding: .utf8) }
        for (name, text) in templates {
            try text.write(to: dir.appendingPathComponent("templates/" + name), atomically: true, encoding: .utf8)
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        return try HelmChartRenderer().loadChart(at: dir.path)
    }

    static func request(_ values: [String: Value], objects: [Value] = [],
                        coverage: CoverageRecorder? = nil) -> RenderRequest {
        RenderRequest(values: GoMap(values), release: ReleaseOptions(name: "r", namespace: "n", revision: 1, isInstall: true, isUpgrade: false),
                      kubeMajor: "1", kubeMinor: "20", apiVersions: [], chartVersion: "", appVersion: "",
                      templates: TemplateFilter(chartRoute: "c", templates: ["**"], excludeTemplates: []),
                      kubernetesProvider: KubernetesProvider(objects: objects), skipSchemaValidation: false, coverage: coverage)
    }

    static func render(_ chart: HelmChartRenderer.LoadedChart, _ request: RenderRequest) -> (text: String, warnings: [ValuesWarning]) {
        var warnings: [ValuesWarning] = []
        switch HelmChartRenderer().render(chart, request, warnings: &warnings) {
        case .success(let files): return (files["c/templates/t.yaml"]?.text ?? "", warnings)
        case .failure(let failure): return ("error: " + failure.error.message, warnings)
        }
    }

    @Test func aRepeatedRenderIsRemembered() throws {
        let chart = try Self.chart(["t.yaml": "x: {{ .Values.x }}\n"])
        let request = Self.request(["x": .int(1)])
        #expect(Self.render(chart, request).text == "x: 1\n")
        let key = try #require(RenderKey(request))
        #expect(chart.renders.entry(key) != nil)
        #expect(Self.render(chart, request).text == "x: 1\n")
    }

    /// Values that print alike but differ in Go type are different inputs.
    @Test func valuesAreKeyedByGoType() throws {
        let chart = try Self.chart(["t.yaml": "{{ kindOf .Values.x }} {{ typeOf .Values.x }}"])
        let cases: [(Value, String)] = [
            (.int(1), "int int"), (.int(1, .int64), "int64 int64"), (.float(1), "float64 float64"),
            (.string("1"), "string string"), (.list([.int(1)]), "slice []interface {}"),
        ]
        for (value, kind) in cases {
            #expect(Self.render(chart, Self.request(["x": value])).text == kind)
        }
        #expect(Self.render(chart, Self.request(["x": .float(-0.0)])).text == "float64 float64")
        #expect(RenderKey(Self.request(["x": .float(0.0)])) != RenderKey(Self.request(["x": .float(-0.0)])))
    }

    /// A render that read randomness is not reused: each job draws anew.
    @Test func clockAndRandomnessAreNotRemembered() throws {
        let chart = try Self.chart(["t.yaml": "{{ randAlphaNum 24 }}"])
        let request = Self.request([:])
        let first = Self.render(chart, request).text
        #expect(chart.renders.entry(try #require(RenderKey(request))) == nil)
        #expect(Self.render(chart, request).text != first)
    }

    /// `tpl` and a `lookup` with no cluster depend only on the render's inputs.
    @Test func tplAndEmptyLookupAreRemembered() throws {
        let chart = try Self.chart(["t.yaml": #"{{ tpl "{{ .Values.x }}" . }} {{ lookup "v1" "Secret" "n" "s" | len }}"#])
        let request = Self.request(["x": .string("a")])
        #expect(Self.render(chart, request).text == "a 0")
        #expect(chart.renders.entry(try #require(RenderKey(request))) != nil)
    }

    /// The values warnings a render logged are logged again when it is reused.
    @Test func warningsAreReplayed() throws {
        let chart = try Self.chart(["t.yaml": "{{ .Values.a }}"], values: "a: scalar\n")
        let request = Self.request(["a": .map(["b": .int(1)])])
        let first = Self.render(chart, request)
        #expect(!first.warnings.isEmpty)
        let second = Self.render(chart, request)
        #expect(second.warnings == first.warnings)
        #expect(second.text == first.text)
    }

    /// A schema failure is remembered; an engine failure is not (it may
    /// come after a call that read the clock).
    @Test func failures() throws {
        let checked = try Self.chart(["t.yaml": "{{ .Values.x }}"], schema: #"{"properties": {"x": {"type": "integer"}}}"#)
        let invalid = Self.request(["x": .string("s")])
        let first = Self.render(checked, invalid).text
        #expect(first.hasPrefix("error: values don't meet the specifications of the schema(s)"))
        let invalidKey = try #require(RenderKey(invalid))
        let entry = try #require(checked.renders.entry(invalidKey))
        guard case .failure(let failure) = entry.result else { Issue.record("a success remembered"); return }
        #expect(failure.stage == .preRender)
        #expect(Self.render(checked, invalid).text == first)

        let failing = try Self.chart(["t.yaml": #"{{ fail "no" }}"#])
        let request = Self.request([:])
        #expect(Self.render(failing, request).text.hasPrefix("error: execution error at (c/templates/t.yaml:1:3): no"))
        #expect(failing.renders.entry(try #require(RenderKey(request))) == nil)
    }

    /// Coverage counts every run, and `kubernetesProvider` objects are not keyed.
    @Test func unkeyedRequests() {
        #expect(RenderKey(Self.request([:], coverage: CoverageRecorder())) == nil)
        #expect(RenderKey(Self.request([:], objects: [.map(["kind": .string("Secret")])])) == nil)
        var deep: Value = .int(1)
        for _ in 0..<RenderKey.maximumDepth { deep = .list([deep]) }
        #expect(RenderKey(Self.request(["x": deep])) == nil)
        #expect(RenderKey(Self.request(["x": .list([.int(1)])])) != nil)
    }
}
