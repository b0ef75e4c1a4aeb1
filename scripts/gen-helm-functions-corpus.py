#!/usr/bin/env python3
"""Generate golden cases for Helm's own template functions (Tests/Fixtures/sprig-corpus/helm.json)
and for Helm's `Values` type (Tests/Fixtures/sprig-corpus/values-type.json).

    .oracle-venv/bin/python scripts/gen-helm-functions-corpus.py      # or: make corpus

Each case is a one-file chart `c` (templates/t.yaml, optional templates/_helpers.tpl) rendered
by real Helm v4 with the given values; the record holds the rendered t.yaml or Helm's error.
Same format as the Sprig corpora, so Tests/HelmTests/FunctionCorpusTests.swift checks them too.

The `Values` cases probe the type Helm gives `.Values`, `$` and `.Template` (common.Values in
Helm 4, a map type with the methods AsMap, YAML, Table, PathValue, Encode). Their `function` is
the method or `Values` (they stay out of docs/functions.md, which lists functions). A case with
`subTemplate` also gets a subchart `charts/sub` (values.yaml = `subValues`) whose
templates/t.yaml is that text; `subOutput` is what it rendered.
"""
from oracle_fixture import FIXTURES, helm_values, oracle, render as render_chart, stable, throwaway_chart, write_json

h, _ = oracle()

OUT = FIXTURES / "sprig-corpus" / "helm.json"
VALUES_OUT = OUT.parent / "values-type.json"

CASES = []
VALUES_CASES = []


def C(function, name, template, helpers=None, values=None):
    CASES.append({"function": function, "name": f"{function}-{name}", "template": template,
                  "helpers": helpers, "values": values})


def V(function, name, template, values=None, helpers=None, sub=None, sub_values=None):
    VALUES_CASES.append({"function": function, "name": f"{function}-{name}", "template": template,
                         "helpers": helpers, "values": values, "subTemplate": sub, "subValues": sub_values})


HELPERS = '{{- define "greet" -}}hello {{ .name }}{{- end -}}\n{{- define "self" -}}{{ include "self" . }}{{- end -}}\n'
C("include", "basic", '{{ include "greet" (dict "name" "x") }}', HELPERS)
C("include", "pipe", '{{ include "greet" (dict "name" "x") | upper | quote }}', HELPERS)
C("include", "undefined-error", '{{ include "nope" . }}', HELPERS)
C("include", "recursion-error", '{{ include "self" . }}', HELPERS)
C("include", "arg-count-error", '{{ include "greet" }}', HELPERS)
C("tpl", "basic", '{{ tpl "{{ .Values.name }}!" . }}', None, "name: chart\n")
C("tpl", "from-values", '{{ tpl .Values.text . }}', None, "text: '{{ .Values.n | add 1 }}'\nn: 2\n")
C("tpl", "define-inside", '{{ tpl "{{ define \\"in\\" }}IN{{ end }}{{ include \\"in\\" . }}" . }}')
C("tpl", "uses-chart-define", '{{ tpl "{{ include \\"greet\\" (dict \\"name\\" \\"t\\") }}" . }}', HELPERS)
C("tpl", "parse-error", '{{ tpl "{{ .Values.x " . }}')
C("tpl", "exec-error", '{{ tpl "{{ .Values.s.x }}" . }}', None, "s: str\n")
C("tpl", "no-value-removed", '[{{ tpl "{{ .Values.missing }}" . }}]')
C("required", "present", '{{ required "need x" .Values.x }}', None, "x: 1\n")
C("required", "zero-passes", '{{ required "need a" .Values.a }}|{{ required "need b" .Values.b }}', None, "a: 0\nb: false\n")
C("required", "missing-error", '{{ required "need x" .Values.x }}')
C("required", "empty-error", '{{ required "need x" .Values.x }}', None, "x: ''\n")
C("required", "colon-message-error", '{{ required "a: b: c" .Values.x }}')
C("lookup", "empty", '{{ lookup "v1" "Pod" "ns" "x" }}|{{ lookup "v1" "Pod" "ns" "x" | toJson }}')
C("lookup", "list-empty", '{{ lookup "v1" "Pod" "" "" | len }}')
C("lookup", "arg-count-error", '{{ lookup "v1" "Pod" }}')
C("fromYaml", "map", '{{ (fromYaml "a: 1\\nb: [x, y]").b }}|{{ fromYaml "a: 1" | toJson }}')
C("fromYaml", "yaml11", '{{ fromYaml "on: yes\\nn: 0777" | toJson }}')
C("fromYaml", "list-error", '{{ fromYaml "- 1" | toJson }}')
C("fromYaml", "syntax-error", '{{ (fromYaml "a: [1").Error }}')
C("fromYaml", "empty", '{{ fromYaml "" | toJson }}')
C("fromYamlArray", "list", '{{ fromYamlArray "- 1\\n- a" | toJson }}')
C("fromYamlArray", "map-error", '{{ fromYamlArray "a: 1" | toJson }}')
C("fromYamlArray", "empty", '{{ fromYamlArray "" | toJson }}')
C("fromJsonArray", "list", '{{ fromJsonArray "[1, \\"a\\", null]" | toJson }}')
C("fromJsonArray", "object-error", '{{ fromJsonArray "{\\"a\\": 1}" | toJson }}')
C("fromJsonArray", "syntax-error", '{{ fromJsonArray "[1," | toJson }}')
C("mustToYaml", "map", '{{ mustToYaml (dict "b" 2 "a" (list 1 "x")) }}')
C("mustToYaml", "string", '{{ mustToYaml "yes" }}')
C("mustToYaml", "nan-error", '{{ mustToYaml (dict "n" (float64 "NaN")) }}')
C("mustToToml", "map", '{{ mustToToml (dict "a" 1 "t" (dict "k" "v")) }}')
C("mustToToml", "scalar", '{{ mustToToml "x" }}')
C("mustToToml", "nil-element-error", '{{ mustToToml (dict "l" (list 1 nil)) }}')
# .Capabilities.APIVersions is a common.VersionSet ([]string): Sprig's list functions and `index` take it.
V("APIVersions", "has", '{{ has "v1" .Capabilities.APIVersions }} {{ has "x/v9" .Capabilities.APIVersions }}')
V("APIVersions", "list-functions", '{{ first .Capabilities.APIVersions }} {{ last .Capabilities.APIVersions }} '
  '{{ len (rest .Capabilities.APIVersions) | sub (len .Capabilities.APIVersions) }} '
  '{{ without .Capabilities.APIVersions "v1" | len | sub (len .Capabilities.APIVersions) }} '
  '{{ empty .Capabilities.APIVersions }} {{ index .Capabilities.APIVersions 1 }} '
  '{{ join "," .Capabilities.APIVersions | trunc 40 }}')
V("APIVersions", "format", '{{ printf "%#v" .Capabilities.APIVersions | trunc 50 }} {{ typeOf .Capabilities.APIVersions }} '
  '{{ kindOf .Capabilities.APIVersions }} {{ printf "%v" .Capabilities.APIVersions | trunc 20 }}')
V("APIVersions", "index-out-of-range-error", '{{ index .Capabilities.APIVersions 999 }}')

# Helm's Values type: .Values, $ and .Template are common.Values; the maps inside are plain.
VV = "a:\n  b: 1\n  c:\n    d: x\nl: [1, two]\nsub:\n  k: v\n"
V("Values", "typeOf", '{{ typeOf .Values }} {{ kindOf .Values }} {{ typeOf $ }} {{ typeOf .Template }} '
  '{{ typeOf .Release }} {{ typeOf .Values.a }} {{ typeOf .Values.l }}', VV)
V("Values", "typeOf-empty", '{{ typeOf .Values }} {{ .Values }} {{ len .Values }}')
V("Values", "printf", '{{ printf "%T|%v|%#v" .Values .Values (.Values.Table "a.c") }}', VV)
V("Values", "typeIs", '{{ typeIs "common.Values" .Values }} {{ typeIs "map[string]interface {}" .Values }} '
  '{{ kindIs "map" .Values }} {{ typeIs "map[string]interface {}" .Values.a }}', VV)
V("Values", "deepEqual", '{{ deepEqual .Values .Values.AsMap }} {{ deepEqual .Values.a (.Values.Table "a") }} '
  '{{ deepEqual .Values.a (.Values.Table "a").AsMap }}', VV)
V("Values", "map-functions", '{{ typeOf (merge .Values (dict)) }} {{ typeOf (merge (dict) .Values) }} '
  '{{ hasKey .Values "a" }} {{ keys .Values | sortAlpha }} {{ typeOf (pick .Values "a") }} '
  '{{ typeOf (deepCopy .Values) }} {{ typeOf (default .Values nil) }} {{ typeOf (list .Values | first) }}', VV)
V("Values", "field-and-index", '{{ .Values.a.b }} {{ index .Values "a" "c" "d" }} '
  '{{ range $k, $v := .Values }}{{ $k }}={{ typeOf $v }};{{ end }}', VV)
V("Values", "encoders", '{{ toJson .Values }}|{{ toYaml .Values | b64enc }}|{{ empty .Values }}', VV)
V("Values", "set-mutates", '{{ $_ := set .Values "new" 1 }}{{ .Values.new }} {{ typeOf .Values }}', VV)
V("Values", "tpl-data", '{{ tpl "{{ typeOf . }} {{ typeOf .Values }} {{ .Values.AsMap.a.b }}" . }}', VV)
V("Values", "include-data", '{{ include "v" .Values }}|{{ include "v" $ }}', VV,
  helpers='{{- define "v" -}}{{ typeOf . }} {{ len .AsMap }}{{- end -}}')
V("Values", "eq-error", '{{ eq .Values .Values }}', VV)
V("Values", "subchart", '{{ typeOf .Values.sub }} {{ dig "sub" "k" "none" .Values.AsMap }}', VV,
  sub='{{ typeOf .Values }} {{ typeOf $ }} {{ dig "k" "none" .Values.AsMap }} {{ .Values.AsMap }}',
  sub_values="k: default\nz: 1\n")
V("AsMap", "dig", '{{ dig "a" "b" "none" .Values.AsMap }} {{ dig "a" "x" "none" .Values.AsMap }} '
  '{{ dig "alloy-operator" "crds" "deployAlloyCRD" true .Values.AsMap }}', VV)
V("AsMap", "typeOf", '{{ typeOf .Values.AsMap }} {{ .Values.AsMap }} {{ .Values.AsMap | toJson }}', VV)
V("AsMap", "empty", '{{ typeOf .Values.AsMap }} {{ .Values.AsMap }} {{ dig "a" "none" .Values.AsMap }}')
V("AsMap", "shares-map", '{{ $m := .Values.AsMap }}{{ $_ := set $m "new" "n" }}{{ .Values.new }}', VV)
V("AsMap", "method-before-key", '{{ .Values.AsMap }} {{ index .Values "AsMap" }} {{ .Values.YAML | quote }}',
  "AsMap: key\nYAML: key\n")
V("AsMap", "context", '{{ typeOf $.AsMap }} {{ $.AsMap.Release.Name }} {{ typeOf $.AsMap.Values }} '
  '{{ .Template.AsMap.Name }} {{ dig "Release" "Name" "none" $.AsMap }}', VV)
V("AsMap", "args-error", '{{ .Values.AsMap "x" }}', VV)
V("AsMap", "pipe-arg-error", '{{ "x" | .Values.AsMap }}', VV)
V("AsMap", "subchart-empty", '{{ .Values.AsMap | len }}', None,
  sub='{{ typeOf .Values }} {{ .Values.AsMap }} {{ dig "x" "none" .Values.AsMap }}')
V("YAML", "basic", '{{ .Values.YAML }}', "b: [1, x]\na: {c: true, num: 1000000}\ns: 'yes'\n")
V("YAML", "empty", '{{ .Values.YAML | quote }} {{ typeOf .Values.YAML }}')
V("YAML", "nan-error", '{{ $_ := set .Values.AsMap "n" (float64 "NaN") }}{{ .Values.YAML }}', VV)
V("YAML", "table", '{{ (.Values.Table "a").YAML }}', VV)
V("YAML", "subchart", '{{ .Values.YAML | quote }}', VV, sub='{{ .Values.YAML | quote }}', sub_values="k: default\n")
V("Table", "found", '{{ .Values.Table "a.c" }} {{ typeOf (.Values.Table "a.c") }} {{ (.Values.Table "a").c.d }}', VV)
V("Table", "chain", '{{ (.Values.Table "a").AsMap.b }} {{ ((.Values.Table "a").Table "c").PathValue "d" }}', VV)
V("Table", "pipe", '{{ "a.c" | .Values.Table }}', VV)
V("Table", "missing-error", '{{ .Values.Table "a.x" }}', VV)
V("Table", "scalar-error", '{{ .Values.Table "a.b" }}', VV)
V("Table", "list-error", '{{ .Values.Table "l" }}', VV)
V("Table", "empty-name-error", '{{ .Values.Table "" }}', VV)
V("Table", "first-missing-error", '{{ .Values.Table "x.y.z" }}', VV)
V("Table", "arg-type-error", '{{ .Values.Table 1 }}', VV)
V("PathValue", "found", '{{ .Values.PathValue "a.b" }} {{ .Values.PathValue "a.c.d" }} {{ .Values.PathValue "l" }} '
  '{{ typeOf (.Values.PathValue "a.b") }}', VV)
V("PathValue", "missing-error", '{{ .Values.PathValue "a.x" }}', VV)
V("PathValue", "table-error", '{{ .Values.PathValue "a.c" }}', VV)
V("PathValue", "top-table-error", '{{ .Values.PathValue "a" }}', VV)
V("PathValue", "empty-error", '{{ .Values.PathValue "" }}', VV)
V("PathValue", "prefix-missing-error", '{{ .Values.PathValue "x.y.z" }}', VV)
V("PathValue", "through-scalar-error", '{{ .Values.PathValue "a.b.c" }}', VV)
V("Encode", "no-args-error", '{{ .Values.Encode }}', VV)
V("Encode", "string-arg-error", '{{ .Values.Encode "x" }}', VV)
V("Encode", "values-arg-error", '{{ .Values.Encode .Values }}', VV)
V("dig", "values-error", '{{ dig "a" "b" "none" .Values }}', VV)
V("dig", "context-error", '{{ dig "Values" "none" $ }}', VV)
V("dig", "context-values-error", '{{ dig "Values" "a" "b" "none" $.AsMap }}', VV)
V("dig", "nested-plain", '{{ dig "c" "d" "none" .Values.a }}', VV)


def render(case):
    files = {"templates/t.yaml": case["template"]}
    if case["helpers"]:
        files["templates/_helpers.tpl"] = case["helpers"]
    sub = case.get("subTemplate")
    if sub is not None:
        files["charts/sub/Chart.yaml"] = "apiVersion: v2\nname: sub\nversion: 0.1.0\n"
        files["charts/sub/values.yaml"] = case.get("subValues") or ""
        files["charts/sub/templates/t.yaml"] = sub
    with throwaway_chart(files) as chart:
        try:
            rendered = render_chart(chart, helm_values(case["values"]))
        except h.HelmError as e:
            return {"error": str(e)}
    result = {"output": rendered["c/templates/t.yaml"]}
    if sub is not None:
        result["subOutput"] = rendered["c/charts/sub/templates/t.yaml"]
    return result


def write(cases, path, label):
    out = []
    for case in cases:
        result = stable(lambda: render(case))
        if result is None:
            continue
        record = {k: v for k, v in case.items() if v is not None}
        record.update(result)
        out.append(record)
    write_json(path, out)
    print(f"{label}: {len(out)} cases, {sum('error' in c for c in out)} errors")


def main():
    write(CASES, OUT, "helm functions corpus")
    write(VALUES_CASES, VALUES_OUT, "Values type corpus")


if __name__ == "__main__":
    main()
