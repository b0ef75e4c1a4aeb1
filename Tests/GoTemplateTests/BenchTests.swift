import Foundation
import GoTemplate
import Testing
import Values

@Suite struct BenchTests {
    /// Rough timing of a Helm-like template; enabled with CHARTUNIT_BENCH=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CHARTUNIT_BENCH"] != nil))
    func executeManyTimes() throws {
        let text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Values.name }}
          labels:
        {{- range $k, $v := .Values.labels }}
            {{ $k }}: {{ $v | quote }}
        {{- end }}
        spec:
          replicas: {{ .Values.replicas }}
          template:
            spec:
              containers:
        {{- range .Values.containers }}
              - name: {{ .name }}
                image: "{{ .image }}:{{ .tag | default "latest" }}"
                {{- if .ports }}
                ports:
                {{- range .ports }}
                - containerPort: {{ . }}
                {{- end }}
                {{- end }}
        {{- end }}
        """
        let quote = TemplateFunction([], variadic: .any, returns: .string) { args, _ in
            .string(args.map { "\"" + GoFmt.format($0) + "\"" }.joined(separator: " "))
        }
        let dflt = TemplateFunction([.any], variadic: .any) { args, _ in
            args.count > 1 && args[1].isTruthy ? args[1] : args[0]
        }
        var set = TemplateSet(name: "gotpl", functions: FunctionMap(["quote": quote, "default": dflt]), options: ExecutionOptions(missingKey: .zero))
        try set.parse(text, name: "c/templates/deployment.yaml")
        let containers: [Value] = (0..<5).map { i in
            .map(["name": .string("c\(i)"), "image": .string("nginx"), "ports": .list([.float(80), .float(443)])])
        }
        let values: Value = .map(["Values": .map([
            "name": .string("app"), "replicas": .float(3),
            "labels": .map(["app": .string("x"), "tier": .string("web"), "team": .string("a")]),
            "containers": .list(containers),
        ])])
        let n = 20000
        let start = Date()
        var total = 0
        for _ in 0..<n { total += try set.execute("c/templates/deployment.yaml", data: values).count }
        let elapsed = Date().timeIntervalSince(start)
        print("bench: \(n) renders in \(elapsed)s = \(elapsed / Double(n) * 1e6) µs/render, \(total / n) bytes each")
        let parseStart = Date()
        for i in 0..<2000 { _ = try set.adding(text, name: "p\(i)") }
        print("bench: parse \(Date().timeIntervalSince(parseStart) / 2000 * 1e6) µs/parse")
    }
}
