{{/*
Library-style helpers: every helper takes a dict with the root context as "ctx"
and, where it matters, the component name as "component", so one set of helpers
serves every component of the platform:

  {{ include "platform.labels" (dict "ctx" $ "component" "api") }}
*/}}

{{/*
Chart name, truncated to 63 characters.
*/}}
{{- define "platform.name" -}}
{{- .ctx.Chart.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of a component: <release>-<component>, truncated to 63 characters.
*/}}
{{- define "platform.componentName" -}}
{{- printf "%s-%s" .ctx.Release.Name .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Selector labels of a component.
*/}}
{{- define "platform.selectorLabels" -}}
app.kubernetes.io/name: {{ include "platform.name" . }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
Standard labels of a component, plus global.labels.
*/}}
{{- define "platform.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "platform.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
app.kubernetes.io/part-of: {{ include "platform.name" . }}
{{- with .ctx.Values.global.labels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Image reference: [global.imageRegistry/]repository:tag, with the tag defaulting
to the chart appVersion.
  {{ include "platform.image" (dict "ctx" $ "image" .Values.api.image) }}
*/}}
{{- define "platform.image" -}}
{{- $registry := .ctx.Values.global.imageRegistry | default "" -}}
{{- $repository := required "image.repository is required" .image.repository -}}
{{- $tag := .image.tag | default .ctx.Chart.AppVersion | toString -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) $repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end }}
