#!/usr/bin/env python3
"""Generate whole-chart render golden data (Tests/Fixtures/render-corpus) from real Helm.

    .oracle-venv/bin/python scripts/gen-render-corpus.py        # or: make corpus

For every chart of the conformance data (shared/conformance/helm-unittest: data/v3/*,
testdata/*, the packaged .tgz) and of examples/, and for the chart defaults plus each
values file its suites reference (`values:` entries that exist), records what Helm v4
renders: path -> text for every template (`helm-render --json`), or the error text.
Chart paths are stored relative to the repository's parent folder (`shared/...`,
`main/examples/...` become `../shared/...` and `examples/...`).
"""
import os
import re

from oracle_fixture import (CONFORMANCE, FIXTURES, REPO, SHARED, helm_values, oracle, remove_stale,
                            render as render_chart, stable, write_json)

h, _ = oracle()

OUT = FIXTURES / "render-corpus"
VALUES_LINE = re.compile(r"^\s*-\s+(\S+\.ya?ml)\s*$")


def charts():
    found = []
    for pattern in ["data/v3/*/Chart.yaml", "testdata/*/Chart.yaml"]:
        found += [p.parent for p in sorted(CONFORMANCE.glob(pattern))]
    found += sorted(CONFORMANCE.glob("data/v3/*.tgz"))
    found += [p.parent for p in sorted((REPO / "examples").glob("*/Chart.yaml"))]
    return found


def suite_values(chart):
    """Values files referenced by the chart's suites, as paths relative to the chart."""
    if chart.is_file():
        return []
    files = set()
    for suite in chart.glob("tests*/**/*.yaml"):
        text = suite.read_text(encoding="utf-8", errors="replace")
        in_values = False
        for line in text.splitlines():
            stripped = line.strip()
            if re.match(r"^values:\s*$", stripped):
                in_values = True
                continue
            if in_values:
                m = VALUES_LINE.match(line)
                if m:
                    candidate = (suite.parent / m.group(1)).resolve()
                    if candidate.is_file() and chart.resolve() in candidate.parents:
                        files.add(os.path.relpath(candidate, chart.resolve()))
                    continue
                in_values = False
    return sorted(files)


def label(chart):
    try:
        return "../shared/" + str(chart.resolve().relative_to(SHARED))
    except ValueError:
        return str(chart.resolve().relative_to(REPO))


def render(chart, values_file):
    try:
        values = helm_values((chart / values_file).read_text(encoding="utf-8")) if values_file else None
        return {"output": render_chart(chart, values)}
    except h.HelmError as e:
        return {"error": str(e)}


def main():
    written = set()
    for chart in charts():
        name = label(chart).replace("../shared/conformance/helm-unittest/", "").replace("/", "__")
        cases = []
        for values_file in [None] + suite_values(chart):
            case = {"chart": label(chart), "values": values_file}
            result = stable(lambda: render(chart, values_file))
            if result is None:
                continue  # output depends on randomness (rand*, uuidv4, certificates...)
            case.update(result)
            cases.append(case)
        path = OUT / (name + ".json")
        write_json(path, cases)
        written.add(path.name)
    remove_stale(OUT, written, "*.json")
    print(f"render corpus: {len(written)} charts")


if __name__ == "__main__":
    main()
