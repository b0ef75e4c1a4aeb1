#!/usr/bin/env python3
"""Generate golden cases for Helm's own template functions (Tests/Fixtures/sprig-corpus/helm.json).

    .oracle-venv/bin/python scripts/gen-helm-functions-corpus.py      # or: make corpus

Each case is a one-file chart `c` (templates/t.yaml, optional templates/_helpers.tpl) rendered
by real Helm v4 with the given values; the record holds the rendered t.yaml or Helm's error.
Same format as the Sprig corpora, so Tests/HelmTests/FunctionCorpusTests.swift checks them too.
"""
import json
import shutil
import sys
import tempfile
from pathlib import Path

try:
    import helm_python as h
except ImportError:
    sys.exit("gen-helm-functions-corpus: run the oracle setup first and use .oracle-venv/bin/python")

OUT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "sprig-corpus" / "helm.json"

CASES = []


def C(function, name, template, helpers=None, values=None):
    CASES.append({"function": function, "name": f"{function}-{name}", "template": template,
                  "helpers": helpers, "values": values})


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
C("APIVersions", "has", '{{ has "v1" .Capabilities.APIVersions }} {{ has "x/v9" .Capabilities.APIVersions }}')
C("APIVersions", "list-functions", '{{ first .Capabilities.APIVersions }} {{ last .Capabilities.APIVersions }} '
  '{{ len (rest .Capabilities.APIVersions) | sub (len .Capabilities.APIVersions) }} '
  '{{ without .Capabilities.APIVersions "v1" | len | sub (len .Capabilities.APIVersions) }} '
  '{{ empty .Capabilities.APIVersions }} {{ index .Capabilities.APIVersions 1 }} '
  '{{ join "," .Capabilities.APIVersions | trunc 40 }}')
C("APIVersions", "format", '{{ printf "%#v" .Capabilities.APIVersions | trunc 50 }} {{ typeOf .Capabilities.APIVersions }} '
  '{{ kindOf .Capabilities.APIVersions }} {{ printf "%v" .Capabilities.APIVersions | trunc 20 }}')
C("APIVersions", "index-out-of-range-error", '{{ index .Capabilities.APIVersions 999 }}')


def render(case):
    work = Path(tempfile.mkdtemp())
    try:
        (work / "templates").mkdir()
        (work / "Chart.yaml").write_text("apiVersion: v2\nname: c\nversion: 0.1.0\n")
        (work / "templates" / "t.yaml").write_text(case["template"])
        if case["helpers"]:
            (work / "templates" / "_helpers.tpl").write_text(case["helpers"])
        values = h.values_from_yaml(case["values"]) if case["values"] else {}
        try:
            return {"output": h.Chart.load(str(work)).render(values or {})["c/templates/t.yaml"]}
        except h.HelmError as e:
            return {"error": str(e)}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    out = []
    for case in CASES:
        runs = [render(case) for _ in range(2)]
        if runs[0] != runs[1]:
            continue
        record = {k: v for k, v in case.items() if v is not None}
        record.update(runs[0])
        out.append(record)
    text = json.dumps(out, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
        OUT.write_text(text, encoding="utf-8")
    print(f"helm functions corpus: {len(out)} cases, {sum('error' in c for c in out)} errors")


if __name__ == "__main__":
    main()
