#!/usr/bin/env python3
"""Write docs/functions.md: every template function chartunit provides, with its golden cases.

    python3 scripts/gen-functions-doc.py          # writes docs/functions.md
    python3 scripts/gen-functions-doc.py --check  # writes nothing; exit 1 if the file is out of date
    python3 scripts/gen-functions-doc.py --bin PATH/TO/chartunit [--check]

No oracle is needed, but a built chartunit is (`swift build`; `make docs-check` builds it). The
script

1. takes the families, names, one-line descriptions, aliases and Helm 4 only flags from the
   function tables the engine is built from, as `chartunit functions --format json --helm-version 4`
   prints them, together with the family whose function each registered name reaches (Helm's own
   over Sprig's over Go's builtins). The binary is --bin, else $CHARTUNIT_BIN, else the newer of
   .build/debug/chartunit and .build/release/chartunit;
2. counts the golden cases recorded from real Helm for each function under Tests/Fixtures;
3. writes one table per family.

It exits 1, naming the function, when a registered function has no table entry or an empty
description, when a table documents a name that is not registered, when a registered function
has no golden case and is not in UNTESTED (and when an UNTESTED function has gained cases, so that
list only shrinks), or when a name listed as absent or missing is registered. Nothing in
docs/functions.md is edited by hand: descriptions live next to the functions in the Swift tables.
"""
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
OUT = os.path.join(ROOT, 'docs', 'functions.md')
FIX = 'Tests/Fixtures'

# Registered, but no golden case recorded from real Helm yet: name -> why / what covers it.
UNTESTED: dict[str, str] = {}

# Functions chartunit deliberately does not provide. name -> reason.
ABSENT = {
    'env': 'Sprig registers it; Helm deletes it from the function map (templates must not read the environment).',
    'expandenv': 'Sprig registers it; Helm deletes it from the function map.',
    'mustToDuration': 'Named in our issue tracker among "Helm v4\'s duration helpers", but not defined by Helm v4.2.3 (Sprig v3.3.0): real Helm answers `function "mustToDuration" not defined`, and so does chartunit.',
    'durationSeconds': 'As `mustToDuration`: `function "durationSeconds" not defined` in Helm v4.2.3.',
    'durationMinutes': 'As `mustToDuration`: not defined in Helm v4.2.3.',
    'durationRoundTo': 'As `mustToDuration`: not defined in Helm v4.2.3.',
    'durationTruncateTo': 'As `mustToDuration`: not defined in Helm v4.2.3.',
}

# Functions real Helm has that chartunit does not register yet. name -> description.
MISSING: dict[str, str] = {}

KNOWN_GAPS: list[str] = []

# ---------------------------------------------------------------------------------------------
# Reading the function tables from chartunit
# ---------------------------------------------------------------------------------------------

class TableError(Exception):
    pass


def chartunit_binary(argv):
    if '--bin' in argv:
        i = argv.index('--bin')
        if i + 1 >= len(argv):
            raise TableError('--bin needs a path')
        return argv[i + 1]
    if os.environ.get('CHARTUNIT_BIN'):
        return os.environ['CHARTUNIT_BIN']
    built = [os.path.join(ROOT, '.build', c, 'chartunit') for c in ('debug', 'release')]
    built = [b for b in built if os.access(b, os.X_OK)]
    if not built:
        raise TableError('no chartunit in .build/debug or .build/release: run `swift build` or pass --bin')
    return max(built, key=os.path.getmtime)


def function_tables(binary):
    """`chartunit functions --format json --helm-version 4`: {'families': [...], 'registered': {name: family id}}."""
    try:
        run = subprocess.run([binary, 'functions', '--format', 'json', '--helm-version', '4'],
                             capture_output=True, text=True, check=False)
    except OSError as e:
        raise TableError(f'cannot run {binary}: {e}')
    if run.returncode != 0:
        raise TableError(f'{binary} functions failed: {run.stderr.strip()}')
    return json.loads(run.stdout)


# ---------------------------------------------------------------------------------------------
# Counting golden cases
# ---------------------------------------------------------------------------------------------

def load(rel):
    with open(os.path.join(ROOT, rel), encoding='utf-8') as f:
        return json.load(f)


def golden_counts(builtin_names):
    """{function: [(fixture path, label, count)]}"""
    counts = {}

    def add(name, rel, label, n=1):
        entries = counts.setdefault(name, {})
        entries[(rel, label)] = entries.get((rel, label), 0) + n

    for part in ('core', 'text', 'crypto', 'helm'):
        rel = f'{FIX}/sprig-corpus/{part}.json'
        for case in load(rel):
            add(case['function'], rel, f'sprig-corpus/{part}.json')
    for rel in sorted(glob.glob(os.path.join(ROOT, FIX, 'template-corpus', '*.json'))):
        rel = os.path.relpath(rel, ROOT)
        for case in load(rel):
            name = case['name'].split('-')[0]
            if name in builtin_names:
                add(name, rel, 'template-corpus/' + os.path.basename(rel))
    rel = f'{FIX}/printf-corpus/cases.json'
    for case in load(rel):
        add(case['func'], rel, 'printf-corpus/cases.json')
    values_dir = f'{FIX}/values-corpus/expected'
    for path in sorted(glob.glob(os.path.join(ROOT, values_dir, '*.json'))):
        with open(path, encoding='utf-8') as f:
            expected = json.load(f)
        for name in ('toYaml', 'toJson', 'toPrettyJson', 'toYamlPretty', 'toToml'):
            if expected.get(name) is not None:
                add(name, f'{FIX}/values-corpus/', 'values-corpus')
    for base in ('helm-toyaml.json', 'helm-toyaml-fuzz.json'):
        rel = f'{FIX}/emitter/{base}'
        for case in load(rel):
            for name in ('toYaml', 'toYamlPretty'):
                if name in case:
                    add(name, rel, 'emitter/' + base)
    rel = f'{FIX}/toml-corpus.json'
    for case in load(rel):
        add('fromToml', rel, 'toml-corpus.json')
    return {name: sorted(((rel, label, n) for (rel, label), n in entries.items()), key=lambda e: -e[2])
            for name, entries in counts.items()}


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------

def cell(text):
    return text.replace('|', '\\|').replace('\n', ' ')


def tests_cell(entries):
    if not entries:
        return None
    parts = []
    for rel, label, n in entries:
        parts.append(f'[{label}](../{rel}) ({n} case{"s" if n != 1 else ""})')
    return '<br>'.join(parts)


def main():
    argv = sys.argv[1:]
    check = '--check' in argv
    problems = []
    try:
        tables = function_tables(chartunit_binary(argv))
    except TableError as e:
        print(f'gen-functions-doc: {e}', file=sys.stderr)
        return 1
    families = tables['families']
    # Each name a template can call -> the id of the family whose function it gets
    # (Helm's own win over Sprig's, Sprig's `slice` over Go's).
    effective = tables['registered']
    library_of = {f['id']: f['library'] for f in families}
    builtins = {e['name'] for f in families if f['library'] == 'Go' for e in f['functions']}
    sprig = {e['name'] for f in families if f['library'] == 'Sprig' for e in f['functions']}
    counts = golden_counts(builtins)

    all_registered = set(effective)
    for name in sorted(all_registered):
        if effective[name] is None:
            problems.append(f'`{name}` is registered, but no function table documents it')
    for family in families:
        for entry in family['functions']:
            name = entry['name']
            if not entry['doc'].strip():
                problems.append(f'`{name}` ({family["id"]}) has no description')
            if name not in all_registered:
                problems.append(f'`{name}` is documented under {family["id"]} but not registered')
            elif (entry.get('shadowedBy') or family['id']) != effective[name]:
                problems.append(f'`{name}` ({family["id"]}): its table and the registered map disagree')
    for name in ABSENT:
        if name in all_registered:
            problems.append(f'`{name}` is listed as absent but is registered')
    for name in MISSING:
        if name in all_registered:
            problems.append(f'`{name}` is now registered: move it from MISSING to a family table')
    for name in sorted(counts):
        if name not in all_registered and name not in ABSENT:
            problems.append(f'golden cases exist for `{name}`, which is neither registered nor listed as absent')
    untested_found = []
    for name in sorted(all_registered):
        has = bool(counts.get(name))
        if not has and name not in UNTESTED:
            problems.append(f'`{name}` ({effective[name]}) has no golden case under {FIX}')
        if has and name in UNTESTED:
            problems.append(f'`{name}` has golden cases now: remove it from UNTESTED')
        if not has:
            untested_found.append(name)
    for name in UNTESTED:
        if name not in all_registered:
            problems.append(f'`{name}` is in UNTESTED but not registered')

    def rows(family):
        """The entries a family's table shows: Go's builtins all (a shadowed one says so), the
        other families the names whose function a template gets from them."""
        if family['library'] == 'Go':
            return family['functions']
        return [e for e in family['functions'] if not e.get('shadowedBy')]

    # ---- the document
    lines = []
    w = lines.append
    w('# Template functions')
    w('')
    w('<!-- Generated by scripts/gen-functions-doc.py from `chartunit functions --format json` (the function tables in Sources) and Tests/Fixtures. Do not edit. -->')
    w('')
    w('Every function a chart template can call in chartunit: Go\'s `text/template` builtins, the Sprig v3.3.0 library '
      '(minus `env` and `expandenv`, which Helm deletes) and Helm\'s own functions, merged in Helm\'s order '
      '(Helm\'s own win over Sprig\'s, Sprig\'s `slice` over Go\'s). The descriptions say what the function does in '
      'Go/Sprig/Helm, which is what chartunit reproduces, with the trap worth knowing. The **tests** column counts the '
      'golden cases recorded from real Helm (v4.2.3) under `Tests/Fixtures`; `swift test` checks chartunit against them. '
      '"Alias" means the same registered function under a second name.')
    w('')
    totals = [(f['id'], f['title'], len(rows(f))) for f in families]
    w('| family | functions |')
    w('|---|---:|')
    for anchor, title, n in totals:
        w(f'| [{title}](#{anchor}) | {n} |')
    distinct = len(all_registered)
    w(f'| **distinct names** (`slice` counted once) | **{distinct}** |')
    w('')
    w(f'Also: [deliberately absent](#deliberately-absent), [known gaps](#known-gaps).')
    w('')
    for family in families:
        w(f'<a id="{family["id"]}"></a>')
        w('')
        w(f'## {family["title"]}')
        w('')
        if family.get('intro'):
            w(family['intro'])
            w('')
        w('| function | description | tests |')
        w('|---|---|---|')
        for entry in sorted(rows(family), key=lambda e: (e['name'].lower(), e['name'])):
            name, desc, alias = entry['name'], entry['doc'], entry.get('aliasOf')
            notes = []
            if alias and not desc.startswith(('Alias of', 'Old spelling of', 'Error-returning')):
                notes.append(f'Alias of `{alias}`.')
            if entry['helm4Only'] and name not in sprig:
                notes.append('**Helm 4 only** (not defined under Helm 3 / helm-unittest).')
            if entry.get('shadowedBy'):
                tests = f'— (shadowed by {library_of[entry["shadowedBy"]]}\'s `{name}`)'
            else:
                tests = tests_cell(counts.get(name)) or f'— ({UNTESTED.get(name, "none")})'
            w(f'| `{name}` | {cell(" ".join([desc] + notes))} | {tests} |')
        w('')
    w('<a id="deliberately-absent"></a>')
    w('')
    w('## Deliberately absent')
    w('')
    w('Calling these is a parse error, `function "NAME" not defined`, in real Helm and in chartunit.')
    w('')
    w('| function | why | tests |')
    w('|---|---|---|')
    for name, why in ABSENT.items():
        w(f'| `{name}` | {cell(why)} | {tests_cell(counts.get(name)) or "—"} |')
    w('')
    w('<a id="known-gaps"></a>')
    w('')
    w('## Known gaps')
    w('')
    for name, why in MISSING.items():
        w(f'- `{name}`: {why}')
    for gap in KNOWN_GAPS:
        w(f'- {gap}')
    if untested_found:
        w('- Registered without a golden case from real Helm: ' + ', '.join(f'`{n}`' for n in untested_found) + '.')
    if not (MISSING or KNOWN_GAPS or untested_found):
        w('None: every function listed matches its golden cases from real Helm.')
    w('')
    text = '\n'.join(lines)

    if problems:
        for p in problems:
            print(f'gen-functions-doc: {p}', file=sys.stderr)
        return 1
    if check:
        current = open(OUT, encoding='utf-8').read() if os.path.exists(OUT) else ''
        if current != text:
            print('gen-functions-doc: docs/functions.md is out of date; run scripts/gen-functions-doc.py', file=sys.stderr)
            return 1
        return 0
    old = open(OUT, encoding='utf-8').read() if os.path.exists(OUT) else None
    if old != text:
        with open(OUT, 'w', encoding='utf-8') as f:
            f.write(text)
    for anchor, title, n in totals:
        print(f'{n:4d}  {title}')
    print(f'{distinct:4d}  distinct names')
    return 0


if __name__ == '__main__':
    sys.exit(main())
