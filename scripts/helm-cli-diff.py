#!/usr/bin/env python3
"""Live differential check: `chartunit render` vs the real `helm template` CLIs, whole output.

    python3 scripts/helm-cli-diff.py [--bin .build/release/chartunit] [-v]   # or: make helm-cli-diff

For every chart oracle-diff renders (the conformance data and examples/, with the chart
defaults and with each values file its suites reference), runs `helm3 template` against
`chartunit render --helm-version 3` and `helm4 template` against `chartunit render`
(the CLIs from ../shared/helm, unpacked by `make helm`), and compares stdout, stderr and
the exit status byte for byte. Output that varies between two Helm runs (randAlphaNum,
certificates) is compared outside the parts that vary, as oracle-diff does.

Prints one line per chart and Helm, the differences, and finally
`helm-cli-diff: N identical, N different`. Exits 1 on any difference.
"""
import argparse
import difflib
import importlib.util
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HELMS = {3: REPO / ".helm" / "helm3", 4: REPO / ".helm" / "helm4"}


def load(name, file):
    """A sibling script as a module (their names have dashes)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(command):
    """(stdout, stderr, exit status), bytes decoded as Latin-1 so no byte is lost."""
    proc = subprocess.run(command, capture_output=True)
    return proc.stdout.decode("latin-1"), proc.stderr.decode("latin-1"), proc.returncode


def render_all(binary, version, chart, values_file):
    """chartunit's output and two of Helm's (to tell random output apart)."""
    extra = ["-f", str(chart / values_file)] if values_file else []
    dialect = ["--helm-version", "3"] if version == 3 else []
    helm = [str(HELMS[version]), "template", str(chart)] + extra
    return run([str(binary), "render", str(chart)] + dialect + extra), run(helm), run(helm)


def compare(oracle_diff, ours, theirs, again, verbose):
    """The differences (empty when identical), and how many outputs varied between Helm runs."""
    problems = []
    for what, a, b, c in zip(("stdout", "stderr"), ours, theirs, again):
        if a == b:
            continue
        if b != c and oracle_diff.random_pattern(b, c).fullmatch(a):
            continue
        diff = list(difflib.unified_diff(b.splitlines(keepends=True), a.splitlines(keepends=True),
                                         "helm/" + what, "chartunit/" + what))
        if not verbose and len(diff) > 14:
            diff = diff[:14] + [f"... ({len(diff) - 14} more diff lines; -v shows all)\n"]
        problems.append(f"  {what} differs\n" + "".join("    " + line if line.endswith("\n") else "    " + line + "\n"
                                                       for line in diff).rstrip("\n"))
    if ours[2] != theirs[2]:
        problems.append(f"  exit status: chartunit {ours[2]}, helm {theirs[2]}")
    return problems, sum(x != y for x, y in zip(theirs[:2], again[:2]))


def main():
    p = argparse.ArgumentParser(prog="helm-cli-diff")
    p.add_argument("--bin", default=str(REPO / ".build" / "release" / "chartunit"))
    p.add_argument("-v", "--verbose", action="store_true")
    a = p.parse_args()
    binary = Path(a.bin)
    if not binary.exists():
        sys.exit(f"helm-cli-diff: no {binary}; run `make release` first")
    for version, helm in HELMS.items():
        if not helm.exists():
            sys.exit(f"helm-cli-diff: no {helm}; run `make helm` first")

    gen = load("gen_render_corpus", "gen-render-corpus.py")
    oracle_diff = load("oracle_diff", "oracle-diff.py")
    jobs = [(version, chart, values_file) for chart in gen.charts() for values_file in [None] + gen.suite_values(chart)
            for version in (3, 4)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda job: render_all(binary, *job), jobs))

    groups = {}
    for (version, chart, values_file), (ours, theirs, again) in zip(jobs, results):
        problems, varied = compare(oracle_diff, ours, theirs, again, a.verbose)
        groups.setdefault(f"helm{version} {gen.label(chart)}", []).append((values_file, problems, varied))
    oracle_diff.report("helm-cli-diff", groups)


if __name__ == "__main__":
    main()
