#!/usr/bin/env python3
"""Records real Helm v4's values.schema.json verdicts into
Tests/Fixtures/schema-corpus.json.

Run with the oracle's interpreter:
    .oracle-venv/bin/python scripts/gen-schema-corpus.py        # or: make corpus

Every case is a throwaway chart (Chart.yaml, values.yaml, a schema, maybe
subcharts) rendered with user values. Helm's schema library walks Go maps in
random order, so each case is rendered several times. Cases listed in
UNORDERED record `expected` in canonical order (sibling `- at` lines sorted,
the names in `additional properties` sorted, as the Swift test's `canonical`
does), so the file does not depend on which orders a run happened to see;
any other case whose text varies stops the generator.
"""
import json
import sys
import tempfile
from pathlib import Path

from oracle_fixture import CONFORMANCE, FIXTURES, oracle, render, write_json, write_tree
from schema_corpus_cases import CASES, UNORDERED

h, _ = oracle()

OUT = FIXTURES / "schema-corpus.json"
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


def normalized_additional(line):
    """The names in `additional properties 'a', 'b' not allowed` sorted."""
    start, end = line.find("additional properties "), line.rfind(" not allowed")
    if start < 0 or end < start:
        return line
    start += len("additional properties ")
    return line[:start] + ", ".join(sorted(line[start:end].split(", "))) + line[end:]


def canonical(text):
    """The text with the order Go's map iteration decides taken out: the `- at`
    lines below each line sorted (recursively), additional-property names sorted."""
    root = [None, []]
    stack = [(0, root)]
    for line in text.split("\n"):
        spaces = len(line) - len(line.lstrip(" "))
        depth = spaces // 2 + 2 if line[spaces:].startswith("- ") else 1
        node = [normalized_additional(line), []]
        while stack[-1][0] >= depth:
            stack.pop()
        stack[-1][1][1].append(node)
        stack.append((depth, node))

    def render(node):
        return "\n".join([node[0]] + sorted(render(c) for c in node[1]))
    return "\n".join(render(c) for c in root[1])


def run(path, values):
    seen = set()
    for _ in range(RUNS):
        try:
            render(path, values)
            seen.add("ok")
        except h.HelmError as e:
            seen.add(str(e))
    return sorted(seen)


def main():
    names = set()
    out = []
    with tempfile.TemporaryDirectory() as work:
        for case in CASES:
            name = case["name"]
            if name in names:
                sys.exit("duplicate case name " + name)
            names.add(name)
            entry = {"name": name}
            if "source" in case:
                path = case["source"].replace("$CONFORMANCE", str(CONFORMANCE))
                entry["source"] = case["source"]
            else:
                files = chart_files(case)
                path = write_tree(Path(work) / name, files)
                entry["files"] = dict(sorted(files.items()))
            values = case.get("values", {})
            entry["values"] = values
            seen = run(path, values)
            unordered = name in UNORDERED
            if unordered:
                forms = {canonical(text) for text in seen}
                if len(forms) > 1:
                    sys.exit("%s: texts differ beyond line order:\n%s" % (name, "\n--\n".join(sorted(forms))))
                seen = sorted(forms)
            elif len(seen) > 1:
                sys.exit("%s: the text varies between runs; add it to UNORDERED if only line order differs:\n%s"
                         % (name, "\n--\n".join(seen)))
            entry["expected"] = seen[0]
            entry["unordered"] = unordered
            out.append(entry)
    write_json(OUT, out)
    ok = sum(1 for e in out if e["expected"] == "ok")
    print("%d cases (%d ok, %d errors, %d unordered) -> %s" % (
        len(out), ok, len(out) - ok, sum(1 for e in out if e["unordered"]), OUT))


if __name__ == "__main__":
    main()
