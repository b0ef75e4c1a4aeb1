#!/usr/bin/env python3
"""chartunit's render engine against real Helm v4's, chart by chart (make bench).

    .oracle-venv/bin/python scripts/bench.py [--bin .build/release/chartunit] [--iterations N] [--rounds R]

For every chart under shared/conformance/helm-unittest/data/v3 (directories and .tgz)
that both engines render without error (chart defaults), times N in-process renders on
each side, alternating the two sides for R rounds (BENCH_ROUNDS, default 3) and taking
medians, so that the machine's drift between runs falls on both sides of each pair:
  - Helm: a Python loop over helm_python's `Chart.load(path).render({})`, the chart loaded
    once (this includes the binding's JSON hand-over of values and results);
  - chartunit: `chartunit bench-render CHART --iterations N` (release build), the chart
    loaded once, values layered and templates executed on every render, parsing cached
    after the first render as in `chartunit test`.
Prints a table with the time per render and the ratio, and chartunit's time to parse all
templates of those charts once. Then times `chartunit test` itself: the wall time over
every conformance chart with suites (a scratch copy, so no snapshot is written), the time
per test job on with-subchart, and the same for each chart directory listed in
BENCH_TEST_CHARTS (colon-separated; e.g. a checkout of traefik's chart).
Timings are informative; nothing here asserts them.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import helm_python as h
except ImportError:
    sys.exit("bench: run the oracle setup first and use .oracle-venv/bin/python")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHARED", REPO.parent / "shared")).resolve()
DATA = SHARED / "conformance" / "helm-unittest" / "data" / "v3"


def helm_time(chart, iterations):
    """Seconds per render with real Helm, or the error text."""
    try:
        loaded = h.Chart.load(str(chart))
        loaded.render({})
    except h.HelmError as e:
        return None, str(e).splitlines()[0]
    start = time.perf_counter()
    for _ in range(iterations):
        loaded.render({})
    return (time.perf_counter() - start) / iterations, None


def chartunit_time(binary, chart, iterations):
    """(seconds per render, seconds to parse all templates, template count) or the error text."""
    proc = subprocess.run([str(binary), "bench-render", str(chart), "--iterations", str(iterations)],
                          capture_output=True, text=True)
    try:
        row = json.loads(proc.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return None, (proc.stderr.strip() or "no output").splitlines()[0]
    if "error" in row:
        return None, row["error"].splitlines()[0]
    return (row["per_render_us"] / 1e6, row["parse_us"] / 1e6, row["templates"]), None


def main():
    p = argparse.ArgumentParser(prog="bench")
    p.add_argument("--bin", default=str(REPO / ".build" / "release" / "chartunit"))
    p.add_argument("--iterations", type=int, default=int(os.environ.get("BENCH_ITERATIONS", "200")))
    p.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3")))
    a = p.parse_args()
    binary = Path(a.bin)
    if not binary.exists():
        sys.exit(f"bench: no {binary}; run `make release` first")

    charts = sorted([c for c in DATA.iterdir() if (c / "Chart.yaml").is_file() or c.suffix == ".tgz"])
    rows, skipped = [], []
    for chart in charts:
        # Alternate the two engines, round by round, so that the machine's
        # drift between runs touches both sides of each pair alike.
        pairs = []
        for _ in range(a.rounds):
            helm, helm_error = helm_time(chart, a.iterations)
            ours, our_error = chartunit_time(binary, chart, a.iterations)
            if helm is None or ours is None:
                break
            pairs.append((helm, ours))
        if len(pairs) < a.rounds:
            skipped.append((chart.name, our_error if ours is None else helm_error,
                            "chartunit" if ours is None else "helm"))
            continue
        helm = statistics.median(p[0] for p in pairs)
        per_render = statistics.median(p[1][0] for p in pairs)
        ratio = statistics.median(p[0] / p[1][0] for p in pairs)
        _, parse, templates = pairs[0][1]
        rows.append((chart.name, templates, per_render, helm, parse, ratio))

    print(f"render time per render, {a.iterations} renders per chart, chart defaults, "
          f"median of {a.rounds} alternating rounds (ratio: median of the rounds' ratios)")
    header = f"{'chart':<38} {'files':>5} {'chartunit':>12} {'helm':>12} {'helm/chartunit':>15}"
    print(header)
    print("-" * len(header))
    for name, templates, ours, helm, _, ratio in rows:
        print(f"{name:<38} {templates:>5} {ours * 1e6:>10.1f}µs {helm * 1e6:>10.1f}µs {ratio:>14.2f}x")
    if rows:
        total_ours = sum(r[2] for r in rows)
        total_helm = sum(r[3] for r in rows)
        print("-" * len(header))
        print(f"{'all charts (sum of one render each)':<38} {sum(r[1] for r in rows):>5} "
              f"{total_ours * 1e6:>10.1f}µs {total_helm * 1e6:>10.1f}µs {total_helm / total_ours:>14.2f}x")
        parse = sum(r[4] for r in rows)
        print(f"chartunit parse time, all {sum(r[1] for r in rows)} templates of these {len(rows)} charts: "
              f"{parse * 1e3:.2f} ms")
    for name, error, side in skipped:
        print(f"skipped {name} ({side}: {error})")
    template_throughput(binary, a.iterations)
    test_timings(binary)


def run_tests(binary, charts, extra=()):
    """(wall seconds, test jobs run) of one `chartunit test` over `charts`."""
    start = time.perf_counter()
    proc = subprocess.run([str(binary), "test", *extra, *map(str, charts)], capture_output=True, text=True)
    wall = time.perf_counter() - start
    jobs = sum(int(m.group(1)) for m in re.finditer(r"^Tests:.*?(\d+) total", proc.stdout, re.M))
    return wall, jobs


def test_timings(binary):
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "v3"
        shutil.copytree(DATA, data, symlinks=True)
        charts = sorted(c for c in data.iterdir() if (c / "tests").is_dir())
        wall, jobs = run_tests(binary, charts)
        print(f"chartunit test, all {len(charts)} conformance charts with suites: {wall:.2f} s wall, {jobs} test jobs")
        wall, jobs = run_tests(binary, [data / "with-subchart"])
        if jobs:
            print(f"chartunit test, with-subchart: {wall * 1e3:.0f} ms wall for {jobs} test jobs, "
                  f"{wall / jobs * 1e3:.2f} ms per job (start-up included)")
    for chart in filter(None, os.environ.get("BENCH_TEST_CHARTS", "").split(":")):
        wall, jobs = run_tests(binary, [chart])
        print(f"chartunit test {chart}: {wall:.2f} s wall, {jobs} test jobs")


# A large real template executed on its own: cert-manager's controller Deployment
# (a subchart of with-subchart), with the chart's default values.
LARGE_TEMPLATE = ("with-subchart", "with-subchart/charts/cert-manager/templates/deployment.yaml")


def template_throughput(binary, iterations):
    chart, template = LARGE_TEMPLATE
    proc = subprocess.run([str(binary), "bench-render", str(DATA / chart), "--iterations", str(iterations * 5),
                           "--only", template], capture_output=True, text=True)
    try:
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"chartunit executions per second of {template}: {row['executions_per_second']:.0f}")
    except (ValueError, IndexError, KeyError):
        print(f"template throughput: {(proc.stderr.strip() or proc.stdout.strip() or 'no output').splitlines()[0]}")


if __name__ == "__main__":
    main()
