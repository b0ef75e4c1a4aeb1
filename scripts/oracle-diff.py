#!/usr/bin/env python3
"""Live differential check: chartunit render vs real Helm v4, per file.

    .oracle-venv/bin/python scripts/oracle-diff.py [--bin .build/release/chartunit] [-v]   # or: make oracle-diff

Renders every chart of the conformance data (shared/conformance/helm-unittest: data/v3/*,
testdata/*, the packaged .tgz) and of examples/ (if present), with the chart defaults and
again with each values file the chart's suites reference, once with
`chartunit render --output json` and once with the oracle (`helm-render --json`), and
compares the two per template file (or the error text when either fails).

Prints one line per chart, the differences (a unified diff per file, cut to a few lines
unless -v), and finally `oracle-diff: N identical, N different`. Exits 1 on any difference.
"""
import argparse
import difflib
import importlib.util
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED", REPO.parent / "shared")).resolve()
ORACLE = SHARED / "oracle" / "helm-render"


def corpus_module():
    """Chart discovery and suite values files, shared with gen-render-corpus.py."""
    spec = importlib.util.spec_from_file_location("gen_render_corpus", REPO / "scripts" / "gen-render-corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(command):
    """(parsed JSON output or None, error text or None)."""
    proc = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        return None, proc.stderr.strip() or f"exit {proc.returncode}"
    try:
        return json.loads(proc.stdout), None
    except json.JSONDecodeError as e:
        return None, f"unreadable JSON output: {e}"


def render_all(binary, chart, values_file):
    """chartunit's render and two of the oracle's (to tell random output apart)."""
    extra = ["-f", str(chart / values_file)] if values_file else []
    ours = run([str(binary), "render", str(chart), "--output", "json"] + extra)
    oracle = [sys.executable, str(ORACLE), str(chart), "--json"] + extra
    return ours, run(oracle), run(oracle)


TOKEN = re.compile(r'(\s+|["\',:=])')


def random_pattern(first, second):
    """A regex for texts that differ between two Helm runs (randAlphaNum, uuidv4, certificates…):
    compared token by token (tokens split at whitespace, quotes, `,:=`), the tokens both runs
    share are literal, each varying token is any token of the same length (any text when the
    runs disagree on the token structure)."""
    a, b = TOKEN.split(first), TOKEN.split(second)
    pattern = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pattern.append(re.escape("".join(a[i1:i2])))
        elif i2 - i1 == j2 - j1:
            for x, y in zip(a[i1:i2], b[j1:j2]):
                width = "{%d}" % len(x) if len(x) == len(y) else "*"
                pattern.append('[^\\s"\',:=]' + width)
        else:
            pattern.append(".*?")
    return re.compile("".join(pattern), re.DOTALL)


def compare(ours, theirs, again, verbose):
    """A list of difference descriptions (empty when identical) and how many files had
    random content (compared by their constant parts only)."""
    (out_a, err_a), (out_b, err_b) = ours, theirs
    randomized = 0
    if err_a is not None or err_b is not None:
        if err_a == err_b:
            return [], 0
        return [f"  error differs:\n    chartunit: {err_a!r}\n    helm:      {err_b!r}"], 0
    out_c = again[0] or {}
    problems = []
    for path in sorted(set(out_a) | set(out_b)):
        if path not in out_a:
            problems.append(f"  {path}: missing in chartunit output")
        elif path not in out_b:
            problems.append(f"  {path}: not in helm output")
        elif out_a[path] != out_b[path] and path in out_c and out_c[path] != out_b[path]:
            randomized += 1
            if not random_pattern(out_b[path], out_c[path]).fullmatch(out_a[path]):
                problems.append(f"  {path}: differs outside the parts that vary between Helm runs")
        elif out_a[path] != out_b[path]:
            diff = list(difflib.unified_diff(out_b[path].splitlines(keepends=True),
                                             out_a[path].splitlines(keepends=True),
                                             "helm/" + path, "chartunit/" + path))
            if not verbose and len(diff) > 14:
                diff = diff[:14] + [f"... ({len(diff) - 14} more diff lines; -v shows all)\n"]
            problems.append(f"  {path}: differs\n" + "".join("    " + line if line.endswith("\n") else "    " + line + "\n"
                                                            for line in diff).rstrip("\n"))
    return problems, randomized


def report(name, groups):
    """Prints a line per group (title → [(values file, problems, files with random content)]),
    the differences, and `NAME: N identical, N different`; exits 1 on any difference."""
    identical = different = 0
    for title, rows in groups.items():
        bad = [(v, probs) for v, probs, _ in rows if probs]
        identical += len(rows) - len(bad)
        different += len(bad)
        randomized = sum(r for _, _, r in rows)
        status = f"{len(rows)} render(s) ok" if not bad else f"{len(bad)} of {len(rows)} renders differ"
        if randomized:
            status += f" ({randomized} file(s) with random content compared outside the random parts)"
        print(f"{title}: {status}")
        for values_file, problems in bad:
            print(f" with {values_file or 'defaults'}:")
            print("\n".join(problems))
    print(f"{name}: {identical} identical, {different} different")
    sys.exit(1 if different else 0)


def main():
    p = argparse.ArgumentParser(prog="oracle-diff")
    p.add_argument("--bin", default=str(REPO / ".build" / "release" / "chartunit"))
    p.add_argument("-v", "--verbose", action="store_true")
    a = p.parse_args()
    binary = Path(a.bin)
    if not binary.exists():
        sys.exit(f"oracle-diff: no {binary}; run `make release` first")

    gen = corpus_module()
    jobs = []
    for chart in gen.charts():
        for values_file in [None] + gen.suite_values(chart):
            jobs.append((chart, values_file))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda job: render_all(binary, *job), jobs))

    by_chart = {}
    for (chart, values_file), (ours, theirs, again) in zip(jobs, results):
        problems, randomized = compare(ours, theirs, again, a.verbose)
        by_chart.setdefault(gen.label(chart), []).append((values_file, problems, randomized))
    report("oracle-diff", by_chart)


if __name__ == "__main__":
    main()
