#!/usr/bin/env python3
"""chartunit test -j 1 against helm-unittest on real chart directories (make bench-suites).

    scripts/bench-suites.py [--bin .build/release/chartunit] [--peer .peer/helm-unittest]
                            [--runs N] CHART[::FLAGS] ...
    scripts/bench-suites.py --list FILE      # one CHART[::FLAGS] per line, # comments

Each chart directory is copied to a scratch directory (so no snapshot or report is written
into it) and tested there with its flags (e.g. `--strict -f 'unittests/*.yaml'`), as its
upstream CI runs it. With helm-unittest present (`../shared/peer/setup .peer/helm-unittest`),
both tools run in the same call, alternating, after one warm-up run each that is not counted:
N times each, and for a short suite more, until each tool's runs add up to --min-seconds
(at most --max-runs), so a suite of 30 ms is not judged on three samples. The table shows per
chart the median wall time of each, the ratio, the runs, and the test count chartunit reports;
then the totals (sums of the medians). chartunit runs single-threaded (`-j 1`); helm-unittest 1.1 is.
Exit status and summary lines of the two tools are compared, and a difference is printed
(speed never buys a different answer). Nothing here asserts a time.
"""
import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(r"^(Charts|Test Suites|Tests|Snapshot):\s.*$", re.M)


def parse_entry(text):
    path, _, flags = text.partition("::")
    return Path(path).expanduser(), shlex.split(flags)


def timed(argv, cwd):
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, errors="replace")
    return time.perf_counter() - start, proc


def summary(proc):
    return [line.rstrip() for line in SUMMARY.findall(proc.stdout)], proc.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("charts", nargs="*")
    parser.add_argument("--list", help="a file with one CHART[::FLAGS] per line")
    parser.add_argument("--bin", default=str(REPO / ".build/release/chartunit"))
    parser.add_argument("--peer", default=str(REPO / ".peer/helm-unittest"))
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each tool per chart, at least")
    parser.add_argument("--min-seconds", type=float, default=1.0,
                        help="keep alternating until each tool's runs add up to this (default 1 s)")
    parser.add_argument("--max-runs", type=int, default=25, help="runs of each tool per chart, at most")
    args = parser.parse_args()
    entries = list(args.charts)
    if args.list:
        with open(args.list) as fh:
            entries += [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]
    if not entries:
        sys.exit("bench-suites: name chart directories (CHART[::FLAGS]) or --list FILE")
    binary = Path(args.bin).resolve()
    peer = Path(args.peer).resolve() if Path(args.peer).exists() else None
    if peer is None:
        print(f"bench-suites: no helm-unittest at {args.peer}: timing chartunit alone", file=sys.stderr)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-suites-") as scratch:
        for entry in entries:
            chart, flags = parse_entry(entry)
            if not (chart / "Chart.yaml").exists():
                sys.exit(f"bench-suites: {chart}: no Chart.yaml")
            work = Path(scratch) / chart.name
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(chart, work, symlinks=True)
            ours_argv = [str(binary), "test", "-j", "1", *flags, "."]
            theirs_argv = [str(peer), *flags, "."] if peer else None
            timed(ours_argv, work)
            if theirs_argv:
                timed(theirs_argv, work)
            ours, theirs = [], []
            ours_proc = theirs_proc = None
            while len(ours) < args.max_runs and (
                    len(ours) < args.runs or min(sum(ours), sum(theirs) if peer else sum(ours)) < args.min_seconds):
                seconds, ours_proc = timed(ours_argv, work)
                ours.append(seconds)
                if theirs_argv:
                    seconds, theirs_proc = timed(theirs_argv, work)
                    theirs.append(seconds)
            tests = re.search(r"^Tests:\s.*?(\d+) total", ours_proc.stdout, re.M)
            row = {"chart": str(chart), "flags": " ".join(flags), "ours": statistics.median(ours),
                   "theirs": statistics.median(theirs) if theirs else None,
                   "tests": int(tests.group(1)) if tests else 0, "runs": len(ours)}
            if theirs_proc is not None and summary(ours_proc) != summary(theirs_proc):
                row["differs"] = (summary(ours_proc), summary(theirs_proc))
            rows.append(row)
            print_row(row, file=sys.stderr)
    print_table(rows)
    return 1 if any("differs" in row for row in rows) else 0


def print_row(row, file):
    theirs = f"{row['theirs']:.3f} s" if row["theirs"] is not None else "-"
    print(f"bench-suites: {row['chart']}: chartunit {row['ours']:.3f} s, helm-unittest {theirs}", file=file)


def print_table(rows):
    print("| chart | flags | tests | runs | helm-unittest | chartunit -j 1 | ratio |")
    print("|---|---|---:|---:|---:|---:|---:|")
    total_ours = total_theirs = 0.0
    for row in rows:
        ratio = f"{row['theirs'] / row['ours']:.1f}×" if row["theirs"] else "-"
        theirs = f"{row['theirs']:.3f} s" if row["theirs"] is not None else "-"
        print(f"| {Path(row['chart']).name} | `{row['flags']}` | {row['tests']} | {row['runs']} | {theirs} | {row['ours']:.3f} s | {ratio} |")
        total_ours += row["ours"]
        total_theirs += row["theirs"] or 0
    if total_theirs:
        print(f"| **total** | | {sum(r['tests'] for r in rows)} | | {total_theirs:.3f} s | {total_ours:.3f} s | "
              f"{total_theirs / total_ours:.1f}× |")
    for row in rows:
        if "differs" in row:
            ours, theirs = row["differs"]
            print(f"\nbench-suites: {row['chart']}: results differ\n  chartunit:     {ours}\n  helm-unittest: {theirs}")


if __name__ == "__main__":
    sys.exit(main())
