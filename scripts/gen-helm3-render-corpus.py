#!/usr/bin/env python3
"""Records what the real `helm3 template` (3.20.2) prints into Tests/Fixtures/helm3-render-corpus.json.

    .oracle-venv/bin/python scripts/gen-helm3-render-corpus.py        # or: make corpus

For the charts and values files of gen-render-corpus.py (the conformance data and examples/,
with the defaults and each values file their suites use), runs `.helm/helm3 template CHART
[-f VALUES]` (`make helm` unpacks it) and records stdout, stderr and the exit status. Output
that differs between two runs (randAlphaNum, certificates) is recorded line by line with the
varying lines as null, so the test compares everything else. Chart paths as gen-render-corpus
records them.
"""
import importlib.util
import subprocess
import sys

from oracle_fixture import FIXTURES, REPO, write_json

HELM3 = REPO / ".helm" / "helm3"
OUT = FIXTURES / "helm3-render-corpus.json"


def corpus_module():
    spec = importlib.util.spec_from_file_location("gen_render_corpus", REPO / "scripts" / "gen-render-corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(chart, values_file):
    extra = ["-f", str(chart / values_file)] if values_file else []
    proc = subprocess.run([str(HELM3), "template", str(chart)] + extra, capture_output=True)
    return proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"), proc.returncode


def main():
    if not HELM3.exists():
        sys.exit("gen-helm3-render-corpus: no .helm/helm3; run `make helm` first")
    gen = corpus_module()
    cases = []
    for chart in gen.charts():
        for values_file in [None] + gen.suite_values(chart):
            first, second = run(chart, values_file), run(chart, values_file)
            case = {"chart": gen.label(chart), "values": values_file, "stderr": first[1], "status": first[2]}
            if first[1] != second[1] or first[2] != second[2]:
                sys.exit(f"{gen.label(chart)} {values_file}: stderr or status varies between runs")
            # Paths of the chart in messages, as the test passes them.
            case["stderr"] = case["stderr"].replace(str(chart), "$CHART")
            if first[0] == second[0]:
                case["stdout"] = first[0].replace(str(chart), "$CHART")
            else:
                a, b = first[0].split("\n"), second[0].split("\n")
                if len(a) != len(b):
                    sys.exit(f"{gen.label(chart)} {values_file}: the number of lines varies between runs")
                case["stdoutLines"] = [x if x == y else None for x, y in zip(a, b)]
            cases.append(case)
    write_json(OUT, cases)
    varying = sum(1 for c in cases if "stdoutLines" in c)
    print("helm3 render corpus: %d cases (%d with random content, %d errors)" % (
        len(cases), varying, sum(1 for c in cases if c["status"] != 0)))


if __name__ == "__main__":
    main()
