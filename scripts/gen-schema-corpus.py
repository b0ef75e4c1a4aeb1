#!/usr/bin/env python3
"""Records real Helm v4's values.schema.json verdicts into
Tests/Fixtures/schema-corpus.json.

Run from the worktree root with the oracle's interpreter:
    /work/main/.oracle-venv/bin/python scripts/gen-schema-corpus.py

Every case is a throwaway chart (Chart.yaml, values.yaml, a schema, maybe
subcharts) rendered with user values. Helm's schema library walks Go maps in
random order, so each case is rendered several times: `expected` is the
smallest text seen and `unordered` says whether the texts differed (then
only the order of sibling lines may differ).
"""
import json
import os
import shutil
import sys

import helm_python as h
from schema_corpus_cases import CASES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "schema-corpus.json")
WORK = "/tmp/chartunit-schema-corpus"
CONFORMANCE = "/work/shared/conformance/helm-unittest"
RUNS = 24


def chart_files(case):
    """The files of the case's chart, keyed by path."""
    name = case.get("chart", "c")
    files = {
        "Chart.yaml": "apiVersion: v2\nname: %s\nversion: 0.1.0\n%s" % (name, case.get("deps", "")),
        "templates/t.yaml": "x: 1\n",
    }
    if "chartValues" in case:
        files["values.yaml"] = case["chartValues"]
    if "schema" in case:
        s = case["schema"]
        files["values.schema.json"] = s if isinstance(s, str) else json.dumps(s, indent=2)
    for sub in case.get("subcharts", []):
        prefix = "charts/%s/" % sub["dir"]
        files[prefix + "Chart.yaml"] = "apiVersion: v2\nname: %s\nversion: 0.1.0\n%s" % (sub["name"], sub.get("deps", ""))
        files[prefix + "templates/t.yaml"] = "y: 1\n"
        if "values" in sub:
            files[prefix + "values.yaml"] = sub["values"]
        if "schema" in sub:
            s = sub["schema"]
            files[prefix + "values.schema.json"] = s if isinstance(s, str) else json.dumps(s, indent=2)
        for sub2 in sub.get("subcharts", []):
            p2 = prefix + "charts/%s/" % sub2["name"]
            files[p2 + "Chart.yaml"] = "apiVersion: v2\nname: %s\nversion: 0.1.0\n" % sub2["name"]
            files[p2 + "templates/t.yaml"] = "z: 1\n"
            if "schema" in sub2:
                files[p2 + "values.schema.json"] = json.dumps(sub2["schema"], indent=2)
            if "values" in sub2:
                files[p2 + "values.yaml"] = sub2["values"]
    return files


def write_chart(path, files):
    shutil.rmtree(path, ignore_errors=True)
    for rel, text in files.items():
        full = os.path.join(path, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def run(path, values):
    chart = h.Chart.load(path)
    seen = set()
    for _ in range(RUNS):
        try:
            chart.render(values)
            seen.add("ok")
        except h.HelmError as e:
            seen.add(str(e))
    return sorted(seen)


def main():
    names = set()
    out = []
    for case in CASES:
        name = case["name"]
        if name in names:
            sys.exit("duplicate case name " + name)
        names.add(name)
        entry = {"name": name}
        if "source" in case:
            path = case["source"].replace("$CONFORMANCE", CONFORMANCE)
            entry["source"] = case["source"]
        else:
            files = chart_files(case)
            path = os.path.join(WORK, name)
            write_chart(path, files)
            entry["files"] = dict(sorted(files.items()))
        values = case.get("values", {})
        entry["values"] = values
        seen = run(path, values)
        entry["expected"] = seen[0]
        entry["unordered"] = len(seen) > 1
        out.append(entry)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    ok = sum(1 for e in out if e["expected"] == "ok")
    print("%d cases (%d ok, %d errors, %d unordered) -> %s" % (
        len(out), ok, len(out) - ok, sum(1 for e in out if e["unordered"]), OUT))


if __name__ == "__main__":
    main()
