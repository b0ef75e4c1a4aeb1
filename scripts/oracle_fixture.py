"""What the golden-data generators share: where things are, a throwaway chart in
a temporary folder, real Helm v4 (the oracle, `helm_python`) rendering it, and
fixture files written only when their bytes change.

    from oracle_fixture import oracle, throwaway_chart, render, render_case, stable, write_json

Generators run as `.oracle-venv/bin/python scripts/gen-….py` (`make corpus`); this
folder is then on sys.path. Only `oracle()` and what calls it need the oracle venv:
the rest also works under a plain python3.
"""
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "Tests" / "Fixtures"
SHARED = Path(os.environ.get("SHARED", REPO.parent / "shared")).resolve()
CONFORMANCE = SHARED / "conformance" / "helm-unittest"

# What `helm template` uses unless told otherwise.
RELEASE = {"name": "release-name", "namespace": "default", "revision": 1, "is_install": True, "is_upgrade": False}
TARGET = "c/templates/t.yaml"


def oracle():
    """(helm_python, helm_python._native), or exit saying how to get them."""
    try:
        import helm_python
        from helm_python import _native
    except ImportError:
        sys.exit("%s: run the oracle setup first (make oracle) and use .oracle-venv/bin/python"
                 % os.path.basename(sys.argv[0]))
    return helm_python, _native


def write_tree(root, files):
    """Writes files ({relative path: str or bytes}) under root, making folders; text is UTF-8
    with no newline translation."""
    root = Path(root)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(content)
    return root


@contextmanager
def throwaway_chart(files, name="c"):
    """A chart folder `name` in a fresh temporary folder holding files, plus a Chart.yaml
    (apiVersion v2, version 0.1.0) and an empty values.yaml where files has none; removed
    afterwards."""
    with tempfile.TemporaryDirectory() as tmp:
        defaults = {"Chart.yaml": "apiVersion: v2\nname: %s\nversion: 0.1.0\n" % name, "values.yaml": ""}
        yield write_tree(Path(tmp) / name, {**defaults, **files})


def render(chart, values=None):
    """{template path: text} as real Helm v4 renders the chart folder (or .tgz) with these user
    values, like `helm template` (release-name, namespace default, revision 1, install).
    Helm's errors are raised as helm_python.HelmError."""
    h, _ = oracle()
    with h.Chart.load(str(chart)) as loaded:
        return loaded.render(values or {}, **RELEASE)


def render_case(files, values=None, target=TARGET, name="c"):
    """The usual case: a throwaway chart of files whose one rendered template is target,
    rendered once; {"output": its text} or {"error": Helm's message}."""
    h, _ = oracle()
    with throwaway_chart(files, name) as chart:
        try:
            out = render(chart, values)
        except h.HelmError as e:
            assert not str(e).startswith("Error: "), str(e)
            return {"error": str(e)}
    assert set(out) == {target}, sorted(out)
    return {"output": out[target]}


def stable(run, repeat=2):
    """run()'s result when `repeat` runs all agree, else None (Go randomises map order)."""
    first = run()
    return first if all(run() == first for _ in range(repeat - 1)) else None


def record(cases, render):
    """Each case (a dict with a unique `name`) with render(case)'s result merged in, where
    `stable` runs agree; unstable cases are dropped and named on stderr."""
    names = set()
    results = []
    for case in cases:
        assert case["name"] not in names, case["name"]
        names.add(case["name"])
        result = stable(lambda: render(case))
        if result is None:
            print("unstable, dropped:", case["name"], file=sys.stderr)
            continue
        rec = dict(case)
        rec.update(result)
        results.append(rec)
    return results


def _decode_int(s):
    # Go's json.Marshal writes float64 -0 as "-0"; keep its sign (json.loads would give int 0).
    return -0.0 if s == "-0" else int(s)


def helm_values(text):
    """Helm's values reader (sigs.k8s.io/yaml, first document; numbers float64), keeping -0 as
    -0.0, checked against helm_python.values_from_yaml. None for no text; Helm's errors are
    raised as HelmError (the public reader's message checked to be the same)."""
    if text is None:
        return None
    h, native = oracle()
    try:
        raw = native.call_string("helm_values_from_yaml", text)
    except h.HelmError as e:
        try:
            h.values_from_yaml(text)
        except h.HelmError as public:
            assert str(public) == str(e)
        else:
            raise AssertionError("native and public values_from_yaml disagree")
        raise
    values = json.loads(raw, parse_int=_decode_int)
    public = h.values_from_yaml(text)
    assert values == public, ("native and public values_from_yaml disagree", text, values, public)
    return values


def dump_json(data, sort_keys=True):
    """The fixtures' JSON: indent 1, non-ASCII kept, keys sorted, a final newline."""
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=sort_keys) + "\n"


def write_if_changed(path, data):
    """Writes data (str as UTF-8, or bytes) to path unless it holds exactly that; True if written."""
    path = Path(path)
    blob = data.encode("utf-8") if isinstance(data, str) else data
    if path.exists() and path.read_bytes() == blob:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(blob)
    return True


def write_json(path, data, sort_keys=True):
    """dump_json(data) to path, only if it changed; True if written."""
    return write_if_changed(path, dump_json(data, sort_keys))


def remove_stale(folder, keep, pattern="*"):
    """Deletes the files in folder matching pattern whose names are not in keep; returns how many."""
    removed = 0
    for path in sorted(Path(folder).glob(pattern)):
        if path.name not in keep:
            path.unlink()
            removed += 1
    return removed
