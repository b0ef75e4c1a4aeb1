#!/usr/bin/env python3
"""Runs the shared helm-unittest conformance cases against a chartunit binary
and fails when a case that is not listed as a known failure fails.

  scripts/check-conformance.py [BINARY] [--runner PATH] [--known FILE]

Known failures live in Tests/Fixtures/conformance-known-failures.txt (one
case id per line, `#` comments). Listed cases that now pass are reported so
the list can shrink; they do not fail the check.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def known_failures(path):
    ids = set()
    with open(path) as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                ids.add(line)
    return ids


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=os.path.join(ROOT, ".build/release/chartunit"))
    parser.add_argument("--runner", default=os.path.join(ROOT, "..", "shared", "conformance", "run"))
    parser.add_argument("--known", default=os.path.join(ROOT, "Tests", "Fixtures", "conformance-known-failures.txt"))
    args = parser.parse_args()
    if not os.path.exists(args.runner):
        print(f"check-conformance: no conformance runner at {args.runner}", file=sys.stderr)
        return 2
    known = known_failures(args.known)
    proc = subprocess.run([sys.executable, args.runner, args.binary], capture_output=True, text=True)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    passed = set(re.findall(r"^ok\s+(\S+)", proc.stdout, re.M))
    failed = set(re.findall(r"^FAIL (\S+?):", proc.stdout, re.M))
    if not passed and not failed:
        print("check-conformance: the runner reported no cases", file=sys.stderr)
        return 2
    unexpected = sorted(failed - known)
    fixed = sorted(known & passed)
    expected = sorted(failed & known)
    if expected:
        print("check-conformance: known failures: " + ", ".join(expected))
    if fixed:
        print("check-conformance: listed as known failures but now pass (shrink the list): " + ", ".join(fixed))
    if unexpected:
        print("check-conformance: unexpected failures: " + ", ".join(unexpected))
        return 1
    print(f"check-conformance: ok ({len(passed)} passed, {len(expected)} known failures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
