#!/usr/bin/env python3
"""Checks that every target's declared dependencies in Package.swift are
exactly the modules its sources import (no declared-but-unused, no
undeclared edges). System modules (Foundation, Glibc, …) are not declared.

  scripts/check-deps.py
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SYSTEM = {"Foundation", "FoundationEssentials", "Glibc", "Darwin", "Musl", "Dispatch",
          "Synchronization", "Testing", "XCTest"}


def calls(package):
    """(kind, argument text) of every `.target(…)`-like call, parentheses balanced."""
    for m in re.finditer(r'\.(target|testTarget|executableTarget|systemLibrary)\(', package):
        depth, i = 1, m.end()
        while depth:
            depth += {"(": 1, ")": -1}.get(package[i], 0)
            i += 1
        yield m.group(1), package[m.end():i - 1]


def targets(package):
    """(name, kind, path, dependency module names) for every target."""
    found = []
    for kind, args in calls(package):
        name_match = re.match(r'\s*name:\s*"([^"]+)"', args)
        name, rest = name_match.group(1), args[name_match.end():]
        products = re.findall(r'\.product\(name:\s*"([^"]+)",\s*package:\s*"[^"]+"\)', rest)
        plain = re.sub(r'\.product\([^)]*\)', "", rest)
        deps = set(re.findall(r'(?<![\w.])"([A-Za-z_][\w]*)"', plain.split("path:")[0])) | set(products)
        path_match = re.search(r'path:\s*"([^"]+)"', rest)
        if path_match:
            path = path_match.group(1)
        else:
            path = os.path.join("Tests" if kind == "testTarget" else "Sources", name)
        deps.discard(name)
        found.append((name, kind, path, deps))
    return found


def imports(path):
    mods = set()
    for dirpath, _, files in os.walk(os.path.join(ROOT, path)):
        for f in files:
            if not f.endswith(".swift"):
                continue
            with open(os.path.join(dirpath, f)) as fh:
                for line in fh:
                    m = re.match(r'\s*(?:@testable\s+)?import\s+(?:(?:struct|enum|class|func)\s+)?([A-Za-z_]\w*)', line)
                    if m:
                        mods.add(m.group(1))
    return mods - SYSTEM


def main():
    with open(os.path.join(ROOT, "Package.swift")) as fh:
        package = fh.read()
    problems = []
    for name, kind, path, deps in targets(package):
        if kind == "systemLibrary":
            continue
        used = imports(path)
        for extra in sorted(deps - used):
            problems.append(f"{name}: declares {extra} but never imports it")
        for missing in sorted(used - deps):
            problems.append(f"{name}: imports {missing} without declaring it")
    for p in problems:
        print("check-deps: " + p, file=sys.stderr)
    if problems:
        return 1
    print("check-deps: every target's dependencies equal its imports")
    return 0


if __name__ == "__main__":
    sys.exit(main())
