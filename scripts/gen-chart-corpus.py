#!/usr/bin/env python3
"""Chart loading and values layering corpus from real Helm v4 (the oracle).

Run with the oracle venv's python:
    .oracle-venv/bin/python scripts/gen-chart-corpus.py        # or: make corpus

For every chart (the synthetic ones under Tests/Fixtures/charts, written by
this script, and every chart of ../shared/conformance/helm-unittest) it
copies the chart to a temporary directory, replaces its templates with
probe templates, renders with the oracle for each values set, and stores
what the probes print: `.Values` in every chart directory's templates,
`.Chart`, `.Capabilities`, `.Release`, `.Files.Glob` listings, `AsConfig`,
and the tree of rendered charts. Charts that fail to load record Helm's
error instead. Output: Tests/Fixtures/chart-corpus/<name>.json.
Deterministic and idempotent.
"""
import gzip
import io
import json
import os
import shutil
import tarfile
import tempfile

import oracle_fixture
from oracle_fixture import (helm_values, oracle, remove_stale, render as render_chart, write_if_changed, write_json,
                            write_tree)

h, _ = oracle()

ROOT = str(oracle_fixture.REPO)
FIXTURES = str(oracle_fixture.FIXTURES / "charts")
OUT = str(oracle_fixture.FIXTURES / "chart-corpus")
CONFORMANCE = str(oracle_fixture.CONFORMANCE)

PROBE = "zz-probe"
GLOBS = ["**", "*", "files/*", "files/**", "**.txt", "*/*", "{files,data}/**", "[a-f]*", "?*", "**/[!a-m]*",
         "[", "a[b-]", "\\*"]

CHART_PROBES = {
    "values": "{{ toJson .Values }}",
    "chart": "{{ toJson .Chart }}",
    "files": "".join(
        '{{ range $p, $_ := .Files.Glob %s }}{{ $p }}\n{{ end }}---\n' % json.dumps(g) for g in GLOBS),
    "asconfig": '{{ (.Files.Glob "**").AsConfig }}',
}
ROOT_PROBES = {
    "capabilities": "{{ toJson .Capabilities }}",
    "release": "{{ toJson .Release }}",
    "tree": '{{- define "zzprobe.walk" -}}{{ .path }}\n'
            '{{ range $k, $v := .ctx.Subcharts }}'
            '{{ include "zzprobe.walk" (dict "ctx" $v "path" (printf "%s/charts/%s" $.path $k)) }}'
            '{{ end }}{{- end -}}'
            '{{ include "zzprobe.walk" (dict "ctx" . "path" .Chart.Name) }}',
}


def chart_files(name, files):
    """(Re)writes a synthetic chart directory."""
    d = os.path.join(FIXTURES, name)
    shutil.rmtree(d, ignore_errors=True)
    write_tree(d, files)
    return d


def tgz(entries, top_dir=None):
    """A deterministic .tgz: entries are (name, bytes) or (name, None) for a dir."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 0
            if data is None:
                info.type = tarfile.DIRTYPE
                info.mode = 0o755
                tar.addfile(info)
            else:
                info.size = len(data)
                info.mode = 0o644
                tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as g:
        g.write(raw.getvalue())
    return out.getvalue()


def dir_entries(d, top):
    entries = []
    for base, dirs, files in sorted(os.walk(d)):
        dirs.sort()
        for f in sorted(files):
            full = os.path.join(base, f)
            rel = os.path.relpath(full, d)
            entries.append((top + "/" + rel, open(full, "rb").read()))
    return entries


CHART = "apiVersion: v2\nname: %s\nversion: 1.0.0\n"

SYNTHETIC = {
    "layering": {
        "Chart.yaml": "apiVersion: v2\nname: layering\nversion: 0.1.0\nappVersion: 1.10\n"
                      "annotations: {x: y, n: 1}\nkeywords: [a, 1, true]\n"
                      "maintainers: [{name: me, email: me@x}]\n"
                      "dependencies:\n"
                      "- {name: sub, version: '>=0.1.0', condition: sub.enabled,global.subOn}\n"
                      "- {name: sub, alias: other, version: '~0.1', tags: [t1]}\n"
                      "- {name: lib, version: 1.x}\n"
                      "- {name: off, version: '*', condition: off.enabled}\n",
        "values.yaml": "a: 1\nnull1: null\nnested: {k: v, n: null}\nsub: {fromParent: p, shared: parent}\n"
                       "global: {g1: parent, gm: {x: 1, deep: {p: 1}}}\ntags: {t1: true}\nlist: [1, 2]\n"
                       "y: yes\n---\nsecond: doc\nnested: {k2: v2}\n",
        "templates/x.yaml": "x",
        "files/a.txt": "line1\nline2\n",
        "files/b.conf": "k=v",
        "files/sub/c.txt": "c",
        "data/d.txt": "",
        ".helmignore": "# comment\n*.ignored\nsecret/\n",
        "x.ignored": "no",
        "secret/s.txt": "no",
        "charts/sub/Chart.yaml": "apiVersion: v2\nname: sub\nversion: 0.1.5\n"
                                 "dependencies: [{name: leaf, version: 0.0.1, import-values: [data, {child: e, parent: fromLeaf}]}]\n",
        "charts/sub/values.yaml": "enabled: true\nshared: sub\nsubOnly: 1\nnil2: null\n"
                                  "global: {g1: sub, g2: subonly, gm: {y: 2, deep: {s: 2}}}\n",
        "charts/sub/templates/x.yaml": "x",
        "charts/sub/files/s.txt": "s",
        "charts/sub/charts/leaf/Chart.yaml": "apiVersion: v2\nname: leaf\nversion: 0.0.1\n",
        "charts/sub/charts/leaf/values.yaml": "exports: {data: {exported: 1}}\ne: {x: 2}\nleafv: 3\n",
        "charts/sub/charts/leaf/templates/x.yaml": "x",
        "charts/lib/Chart.yaml": "apiVersion: v2\nname: lib\nversion: 1.2.3\ntype: library\n",
        "charts/lib/values.yaml": "libv: 1\n",
        "charts/lib/templates/_h.tpl": "{{ define \"lib.x\" }}x{{ end }}",
        "charts/off/Chart.yaml": "apiVersion: v2\nname: off\nversion: 2.0.0\n",
        "charts/off/values.yaml": "enabled: false\n",
        "charts/off/templates/x.yaml": "x",
        "charts/_skipped/Chart.yaml": "this is: [not loaded",
        "charts/sub-1.0.0.tgz.prov": "signature",
    },
    "chartyaml-types": {
        "Chart.yaml": "name: types\nversion: 1.0\nNAME: upper\nappVersion: 01.10\nkubeVersion: 1.2e3\n"
                      "description: \"a\\tb\\u200bc\"\ndeprecated: true\nsources: [1.5, 0x10, ~, on]\n"
                      "home: 12345678901234567890\nicon: -1.25\n",
        "templates/x.yaml": "x",
    },
    "v1-requirements": {
        "Chart.yaml": "name: reqs\nversion: 1.0.0\n",
        "requirements.yaml": "dependencies:\n- name: child\n  version: 1.0.0\n  alias: kid\n",
        "requirements.lock": "generated: \"2020-01-01T00:00:00Z\"\ndigest: abc\ndependencies: []\n",
        "values.yaml": "kid: {a: 1}\n",
        "templates/x.yaml": "x",
        "charts/child/Chart.yaml": "name: child\nversion: 1.0.0\n",
        "charts/child/values.yaml": "a: 0\nb: 2\n",
        "charts/child/templates/x.yaml": "x",
    },
    "conditions": {
        "Chart.yaml": "apiVersion: v2\nname: conditions\nversion: 1.0.0\n"
                      "dependencies:\n"
                      "- {name: a, version: 1.0.0, condition: 'missing.x, a.str, a.on'}\n"
                      "- {name: b, version: 1.0.0, tags: [front, back]}\n"
                      "- {name: c, version: 1.0.0, tags: [front], condition: c.enabled}\n",
        "values.yaml": "a: {str: 'yes', on: false}\ntags: {front: false, back: false}\nc: {enabled: true}\n",
        "templates/x.yaml": "x",
        "charts/a/Chart.yaml": CHART % "a",
        "charts/a/values.yaml": "on: true\nfromA: 1\n",
        "charts/b/Chart.yaml": CHART % "b",
        "charts/c/Chart.yaml": CHART % "c",
        "charts/c/values.yaml": "cval: 1\n",
    },
    "err-no-chartyaml": {"values.yaml": "a: 1\n", "templates/x.yaml": "x"},
    "err-no-name": {"Chart.yaml": "apiVersion: v2\nversion: 1.0.0\n"},
    "err-bad-version": {"Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.2.3.4\n"},
    "err-bad-type": {"Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.0.0\ntype: app\n"},
    "err-bad-field": {"Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.0.0\ndeprecated: 'yes'\n"},
    "err-maintainer": {"Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [{name: [1]}]\n"},
    "err-null-maintainer": {"Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.0.0\nmaintainers: [~]\n"},
    "err-tags-list": {"Chart.yaml": "apiVersion: v2\nname: x\nversion: 1.0.0\ntags: [a]\n"},
    "err-values-syntax": {"Chart.yaml": CHART % "x", "values.yaml": "a: [\n"},
    "err-values-list": {"Chart.yaml": CHART % "x", "values.yaml": "- 1\n"},
    "err-values-separator": {"Chart.yaml": CHART % "x", "values.yaml": "a: 1\n--- b: 2\n"},
    "err-values-inf": {"Chart.yaml": CHART % "x", "values.yaml": "a: .inf\n"},
    "err-values-doc2": {"Chart.yaml": CHART % "x", "values.yaml": "a: 1\n---\nb: [\n"},
    "err-dup-alias": {"Chart.yaml": CHART % "x" + "dependencies: [{name: a, alias: b}, {name: b}]\n"},
    "err-bad-alias": {"Chart.yaml": CHART % "x" + "dependencies: [{name: a, alias: 'a.b'}]\n"},
    "err-sub-invalid": {"Chart.yaml": CHART % "x", "charts/sub/Chart.yaml": "apiVersion: v2\nname: s\nversion: 1\ntype: lib\n"},
    "err-sub-missing": {"Chart.yaml": CHART % "x", "charts/README.md": "not a chart"},
    "err-helmignore": {"Chart.yaml": CHART % "x", ".helmignore": "files/**\n"},
    "err-chart-syntax": {"Chart.yaml": "name: [x\n"},
}

TGZ = {
    "tgz-good.tgz": tgz([("good", None), ("good/Chart.yaml", b"apiVersion: v2\nname: good\nversion: 1.0.0\n"),
                         ("good/values.yaml", b"\xef\xbb\xbfa: 1\n"), ("good/templates/x.yaml", b"x"),
                         ("good/files/f.txt", b"f"), ("good/.helmignore", b"files/\n")]),
    "tgz-dotdot.tgz": tgz([("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n"), ("c/../../evil", b"x")]),
    "tgz-absolute.tgz": tgz([("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n"), ("c//etc/passwd", b"x")]),
    "tgz-toplevel.tgz": tgz([("Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n")]),
    "tgz-empty.tgz": tgz([]),
    "tgz-notgzip.tgz": b"this is not a gzip file\n",
    "tgz-truncated.tgz": tgz([("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n")])[:30],
    # Zip bombs: one file over Helm's 5 MiB per file, and files each under it
    # that add up to more than its 100 MiB per chart.
    "tgz-filebomb.tgz": tgz([("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n"),
                             ("c/templates/big.yaml", bytes(5 * 1024 * 1024 + 1))]),
    "tgz-chartbomb.tgz": tgz([("c/Chart.yaml", b"apiVersion: v2\nname: c\nversion: 1.0.0\n")]
                             + [("c/files/part%02d" % i, bytes(5 * 1024 * 1024)) for i in range(21)]),
}


def chart_dirs(d):
    """The chart directory and its subchart directories, recursively."""
    out = [d]
    charts = os.path.join(d, "charts")
    if os.path.isdir(charts):
        for name in sorted(os.listdir(charts)):
            sub = os.path.join(charts, name)
            if name[0] not in "_." and os.path.isdir(sub) and os.path.isfile(os.path.join(sub, "Chart.yaml")):
                out += chart_dirs(sub)
    return out


def probe_copy(src, dst):
    """Copies a chart, replacing every chart directory's templates with probes."""
    shutil.copytree(src, dst, symlinks=False)
    for d in chart_dirs(dst):
        shutil.rmtree(os.path.join(d, "templates"), ignore_errors=True)
        probes = {**CHART_PROBES, **ROOT_PROBES} if d == dst else CHART_PROBES
        write_tree(d, {"templates/%s-%s.yaml" % (PROBE, name): text for name, text in probes.items()})


def render_cases(path, values_sets):
    cases = []
    for text in values_sets:
        case = {"values": text}
        try:
            out = render_chart(path, helm_values(text) if text else {})
            render = {k: v for k, v in sorted(out.items()) if "/templates/%s-" % PROBE in k}
            # AsConfig keys files by base name; Go picks among duplicates at random.
            for k in [k for k in render if k.endswith("-asconfig.yaml")]:
                listing = render.get(k[:-len("asconfig.yaml")] + "files.yaml", "").split("---\n")[0].split()
                bases = [os.path.basename(p) for p in listing]
                if len(bases) != len(set(bases)):
                    del render[k]
            case["render"] = render
        except h.HelmError as e:
            case["error"] = str(e)
        cases.append(case)
    return cases


def record(name, source, kind, values_sets):
    entry = {"name": name, "source": source, "kind": kind}
    full = os.path.join(ROOT, source) if not os.path.isabs(source) else source
    try:
        h.Chart.load(full)
    except h.HelmError as e:
        entry["loadError"] = str(e).replace(full, "<chart>")
        return entry
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "tgz":
            with tarfile.open(full) as tar:
                tar.extractall(os.path.join(tmp, "x"), filter="data")
            inner = os.path.join(tmp, "x", os.listdir(os.path.join(tmp, "x"))[0])
            probed = os.path.join(tmp, "probe")
            probe_copy(inner, probed)
            target = os.path.join(tmp, "probe.tgz")
            write_if_changed(target, tgz(dir_entries(probed, os.path.basename(inner))))
        else:
            target = os.path.join(tmp, "probe")
            probe_copy(full, target)
        entry["cases"] = render_cases(target, values_sets)
    return entry


USER_VALUES = {
    "layering": ["", "a: 2\nnull1: x\nnested: {k: null, extra: 1}\nsub: {enabled: false}\n",
                 "global: {subOn: false, gm: {x: 9}}\nsub: {shared: user, subOnly: null}\ntags: {t1: false}\n"
                 "other: {fromParent: o}\nlib: {libv: 2}\n",
                 "sub: 5\n"],
    "conditions": ["", "a: {on: true}\ntags: {back: true}\nc: {enabled: false}\n", "tags: {front: true}\n"],
    "v1-requirements": ["", "kid: {b: null}\n"],
}


def main():
    for name, files in SYNTHETIC.items():
        chart_files(name, files)
    for name, data in TGZ.items():
        write_if_changed(os.path.join(FIXTURES, name), data)
    targets = []
    for name in sorted(SYNTHETIC):
        targets.append((name, os.path.relpath(os.path.join(FIXTURES, name), ROOT), "dir"))
    for name in sorted(TGZ):
        targets.append((name[:-4], os.path.relpath(os.path.join(FIXTURES, name), ROOT), "tgz"))
    for group in ("data/v3", "testdata"):
        base = os.path.join(CONFORMANCE, group)
        for name in sorted(os.listdir(base)):
            full = os.path.join(base, name)
            if os.path.isfile(os.path.join(full, "Chart.yaml")):
                targets.append(("conformance-" + name, full, "dir"))
            elif name.endswith(".tgz"):
                targets.append(("conformance-" + name[:-4], full, "tgz"))
    written = set()
    for name, source, kind in targets:
        entry = record(name, source, kind, USER_VALUES.get(name, [""]))
        if os.path.isabs(source) and source.startswith(CONFORMANCE):
            entry["source"] = "$CONFORMANCE" + source[len(CONFORMANCE):]
        write_json(os.path.join(OUT, name + ".json"), entry)
        written.add(name + ".json")
    remove_stale(OUT, written)
    print("chart corpus: %d charts" % len(targets))


if __name__ == "__main__":
    main()
