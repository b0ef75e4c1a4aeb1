{{/*
Name of this worker: the chart name, or its alias when the parent installs it
under one (e.g. "scheduler").
*/}}
{{- define "worker.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name: <release>-<name>.
*/}}
{{- define "worker.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "worker.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "worker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "worker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Labels, including the labels the parent shares through global.labels.
*/}}
{{- define "worker.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "worker.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.global.labels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Image reference, prefixed with global.imageRegistry when it is set.
*/}}
{{- define "worker.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion | toString -}}
{{- with .Values.global.imageRegistry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .) $.Values.image.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository $tag -}}
{{- end -}}
{{- end }}

{{/*
The worker container, shared by the Deployment and the CronJob.
*/}}
{{- define "worker.container" -}}
- name: {{ include "worker.name" . }}
  image: {{ include "worker.image" . | quote }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  command:
    {{- toYaml .Values.command | nindent 4 }}
  env:
    - name: QUEUE_NAME
      value: {{ .Values.queue.name | quote }}
    - name: QUEUE_URL
      value: {{ .Values.queue.url | quote }}
    - name: QUEUE_PREFETCH
      value: {{ .Values.queue.prefetch | quote }}
  resources:
    {{- toYaml .Values.resources | nindent 4 }}
{{- end }}
