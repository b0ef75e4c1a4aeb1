#!/usr/bin/env python3
"""Generate the Sprig core golden corpus (Tests/Fixtures/sprig-corpus/core.json) from real Helm.

    .oracle-venv/bin/python scripts/gen-sprig-core-corpus.py        # or: make corpus

Each case is one chart `c` (apiVersion v2, version 0.1.0, empty values.yaml) whose
`templates/t.yaml` is the case's `template`. The case's `values` (YAML text or null) are read by
Helm's values reader (numbers become float64, as in real Helm) and passed as user values. The
result is Helm v4's rendered text for `c/templates/t.yaml` (every `<no value>` already removed)
or the exact text of the render error. A fresh chart directory is written for every run.

Every case is rendered REPEAT times and kept only if all runs agree (Go randomises map
iteration; `keys`/`values` cases sort first). The file is written only when its bytes change, so
a second run leaves the tree untouched. Nothing in it is written by hand.
"""
from oracle_fixture import FIXTURES, helm_values, render_case, stable, write_json
from sprig_core_cases import all_cases

OUT = FIXTURES / "sprig-corpus" / "core.json"
REPEAT = 2


def main():
    cases = all_cases()
    names = set()
    records = []
    dropped = []
    for case in cases:
        assert case["name"] not in names, "duplicate case name " + case["name"]
        names.add(case["name"])
        result = stable(lambda: render_case({"templates/t.yaml": case["template"]}, helm_values(case["values"])),
                        REPEAT)
        if result is None:
            dropped.append(case["name"])
            continue
        rec = {"name": case["name"], "function": case["function"], "template": case["template"],
               "values": case["values"]}
        rec.update(result)
        records.append(rec)
    changed = write_json(OUT, records)
    for name in dropped:
        print("dropped (not deterministic): " + name)
    nerr = sum("error" in r for r in records)
    funcs = sorted({r["function"] for r in records})
    print("sprig core corpus: %d cases, %d errors, %d functions; %s"
          % (len(records), nerr, len(funcs), "written" if changed else "unchanged"))


if __name__ == "__main__":
    main()
