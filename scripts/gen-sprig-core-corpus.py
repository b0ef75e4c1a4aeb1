#!/usr/bin/env python3
"""Generate the Sprig core golden corpus (Tests/Fixtures/sprig-corpus/core.json) from real Helm.

    /work/main/.oracle-venv/bin/python scripts/gen-sprig-core-corpus.py   # from the repository root

Each case is one chart `c` (apiVersion v2, version 0.1.0, empty values.yaml) whose
`templates/t.yaml` is the case's `template`. The case's `values` (YAML text or null) are read by
Helm's values reader (numbers become float64, as in real Helm) and passed as user values. The
result is Helm v4's rendered text for `c/templates/t.yaml` (every `<no value>` already removed)
or the exact text of the render error. A fresh chart directory is written for every run.

Every case is rendered REPEAT times and kept only if all runs agree (Go randomises map
iteration; `keys`/`values` cases sort first). The file is written only when its bytes change, so
a second run leaves the tree untouched. Nothing in it is written by hand.
"""
import json
import sys
import tempfile
from pathlib import Path

try:
    import helm_python as h
except ImportError:
    sys.exit("gen-sprig-core-corpus: use the oracle venv's python (../shared/oracle/setup)")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sprig_core_cases import all_cases  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "Tests" / "Fixtures" / "sprig-corpus" / "core.json"
REPEAT = 2
TARGET = "c/templates/t.yaml"


def write_file(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def render_once(workdir, case):
    workdir.mkdir(parents=True)
    d = workdir / "c"
    (d / "templates").mkdir(parents=True)
    write_file(d / "Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n")
    write_file(d / "values.yaml", "")
    write_file(d / "templates" / "t.yaml", case["template"])
    values = h.values_from_yaml(case["values"]) if case["values"] is not None else {}
    with h.Chart.load(str(d)) as chart:
        try:
            out = chart.render(values or {}, name="release-name", namespace="default", revision=1,
                               is_install=True, is_upgrade=False)
        except h.HelmRenderError as e:
            msg = str(e)
            assert not msg.startswith("Error: "), msg
            return {"error": msg}
    assert set(out) == {TARGET}, sorted(out)
    return {"output": out[TARGET]}


def main():
    cases = all_cases()
    names = set()
    records = []
    dropped = []
    run = 0
    with tempfile.TemporaryDirectory() as td:
        root = Path(td)
        for case in cases:
            assert case["name"] not in names, "duplicate case name " + case["name"]
            names.add(case["name"])
            results = []
            for _ in range(REPEAT):
                run += 1
                results.append(render_once(root / ("r%06d" % run), case))
            if any(r != results[0] for r in results[1:]):
                dropped.append(case["name"])
                continue
            rec = {"name": case["name"], "function": case["function"], "template": case["template"],
                   "values": case["values"]}
            rec.update(results[0])
            records.append(rec)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    blob = (json.dumps(records, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    changed = not (OUT.exists() and OUT.read_bytes() == blob)
    if changed:
        OUT.write_bytes(blob)
    for name in dropped:
        print("dropped (not deterministic): " + name)
    nerr = sum("error" in r for r in records)
    funcs = sorted({r["function"] for r in records})
    print("sprig core corpus: %d cases, %d errors, %d functions; %s"
          % (len(records), nerr, len(funcs), "written" if changed else "unchanged"))


if __name__ == "__main__":
    main()
