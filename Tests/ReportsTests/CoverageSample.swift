import UnitTest

/// A hand-made run: two charts, three files. `webapp`'s helpers (one define
/// hit, one not; a branch point never reached), its deployment (lines hit and
/// missed, a `<` in the source, an `and` whose arm never ran on a line that
/// did) and `platform`'s configmap, which no suite selects and nothing ran.
enum CoverageSample {
    static let helpers = FileCoverage(
        chartPath: "charts/webapp", name: "webapp/templates/_helpers.tpl",
        sourcePath: "charts/webapp/templates/_helpers.tpl",
        source: """
        {{- define "webapp.name" -}}
        {{ .Values.nameOverride | default .Chart.Name | trunc 63 }}
        {{- end }}
        {{- define "webapp.labels" -}}
        app: {{ include "webapp.name" . }}{{ if and .Values.a .Values.b }} <b>{{ end }}
        {{- end }}

        """,
        selected: true,
        lines: [LineCoverage(line: 2, hits: 3), LineCoverage(line: 5, hits: 0)],
        branches: [
            BranchArm(line: 2, block: 0, arm: 0, label: "default value", hits: 0),
            BranchArm(line: 2, block: 0, arm: 1, label: "default fallback", hits: 3),
            BranchArm(line: 5, block: 1, arm: 0, label: "and operand 2", hits: 0),
            BranchArm(line: 5, block: 2, arm: 0, label: "if true", hits: 0),
            BranchArm(line: 5, block: 2, arm: 1, label: "else", hits: 0),
        ],
        defines: [
            DefineCoverage(name: "webapp.name", line: 1, hits: 3, callers: ["webapp/templates/deployment.yaml"]),
            DefineCoverage(name: "webapp.labels", line: 4, hits: 0, callers: []),
        ])

    static let deployment = FileCoverage(
        chartPath: "charts/webapp", name: "webapp/templates/deployment.yaml",
        sourcePath: "charts/webapp/templates/deployment.yaml",
        source: """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}{{ if and .Values.a .Values.b }}-x{{ end }}
          labels: {app: {{ include "webapp.name" . }}}
        spec:
          {{- if .Values.replicas }}
          replicas: {{ .Values.replicas }}

          # replicas < 10 && > 0
          {{- else }}
          replicas: 1
          {{- end }}
          {{- with .Values.extra }}
          extra: {{ toYaml . }}
          {{- end }}

        """,
        selected: true,
        lines: [1, 2, 3, 4, 5, 6, 7].map { LineCoverage(line: $0, hits: 3) } + [
            LineCoverage(line: 8, hits: 0), LineCoverage(line: 10, hits: 0), LineCoverage(line: 12, hits: 3),
            LineCoverage(line: 14, hits: 3), LineCoverage(line: 15, hits: 0),
        ],
        branches: [
            BranchArm(line: 4, block: 0, arm: 0, label: "and operand 2", hits: 0),
            BranchArm(line: 4, block: 1, arm: 0, label: "if true", hits: 0),
            BranchArm(line: 4, block: 1, arm: 1, label: "else", hits: 3),
            BranchArm(line: 7, block: 2, arm: 0, label: "if true", hits: 0),
            BranchArm(line: 7, block: 2, arm: 1, label: "else", hits: 3),
            BranchArm(line: 14, block: 3, arm: 0, label: "with", hits: 0),
            BranchArm(line: 14, block: 3, arm: 1, label: "else", hits: 3),
        ],
        defines: [])

    static let configmap = FileCoverage(
        chartPath: "charts/platform", name: "platform/templates/configmap.yaml",
        sourcePath: "charts/platform/templates/configmap.yaml",
        source: """
        apiVersion: v1
        kind: ConfigMap
        data:
          {{- range .Values.items }}
          - {{ . | quote }}
          {{- end }}

        """,
        selected: false,
        lines: (1...5).map { LineCoverage(line: $0, hits: 0) },
        branches: [
            BranchArm(line: 4, block: 0, arm: 0, label: "range body", hits: 0),
            BranchArm(line: 4, block: 0, arm: 1, label: "range empty", hits: 0),
        ],
        defines: [])

    static let run = RunCoverage(files: [helpers, deployment, configmap])
}
