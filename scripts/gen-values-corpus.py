#!/usr/bin/env python3
"""Generate the values golden-data corpus (Tests/Fixtures/values-corpus) from real Helm.

    .oracle-venv/bin/python scripts/gen-values-corpus.py            # or: make corpus
    .oracle-venv/bin/python scripts/gen-values-corpus.py --compare-chart-values

Every case file in cases/ is parsed with Helm's own values reader and rendered through
one throwaway chart whose five templates are exactly

    {{ toYaml .Values }}   {{ toJson .Values }}   {{ toPrettyJson .Values }}
    {{ toYamlPretty .Values }}   {{ .Values }}

(no trailing newline, so each rendered file is exactly the function's output). The result
goes to expected/<case>.json. Nothing in expected/ is written by hand.

Inputs: (a) every values-like YAML file of shared/conformance (chart values.yaml files,
subcharts included, packaged .tgz charts unpacked, test values files), copied byte for
byte as conf__<path with / replaced by __>; (b) the hand-written edge cases in EDGE_CASES
below, written as edge-NNN-<name>.yaml (NNN = position in the list: append new cases at
the END so existing numbers stay stable).

How values reach the engine, and why (checked on every case with --compare-chart-values):

  * The case text goes through Helm's values parser `helm_values_from_yaml` (what
    `h.values_from_yaml` calls): sigs.k8s.io/yaml = go-yaml v2 (YAML 1.1) -> JSON ->
    json.Unmarshal, first YAML document only. A parse failure is recorded as "error" (the
    exact message); the decoded values are asserted equal to `h.values_from_yaml(text)`.
  * The binding returns the values as JSON, and Python's json.loads would turn Go's float64
    -0 (written "-0") into the int 0, so `-0.0` would print `0` instead of `-0`. We call the
    same native function and decode "-0" as the float -0.0; every other number round-trips
    exactly (Go writes shortest round-trip digits, json.dumps gives them back unchanged).
  * The values are passed to `chart.render(values)` as user values (like `helm template -f`)
    over a chart whose values.yaml is empty.
  * Putting the case in as the chart's OWN values.yaml gives different results:
      - coalescing deletes every null-valued map key, at any depth (nulls in lists stay):
        `a: null` gives `{}` there, but `a: null` / `map[a:<nil>]` here;
      - Helm v4's chart loader reads EVERY document of values.yaml and deep-merges them
        (`a: {x: 1}\n---\na: {q: 2}` -> a = {q: 2, x: 1}), and fails on a `%YAML`
        directive or a later document that is not a map; values_from_yaml reads only the
        first document;
      - error texts get the prefix "cannot load values.yaml: cannot unmarshal yaml document: ",
        and "common.Values" reads "map[string]interface {}".
    This corpus tests the raw parsing path; chart-default coalescing is tested elsewhere.
  * Every case is evaluated REPEAT times and must give the same result each time: Helm is not
    deterministic for some inputs because Go randomises map iteration order (see the notes in
    KEY_CASES and NATURAL_SORT_CASES); such inputs are left out.
"""
import argparse
import json
import os
import sys
import tarfile
from pathlib import Path

from oracle_fixture import (FIXTURES, SHARED, dump_json, helm_values, oracle, remove_stale, render, stable,
                            throwaway_chart, write_if_changed)

h, _ = oracle()

CORPUS = FIXTURES / "values-corpus"
CASES = CORPUS / "cases"
EXPECTED = CORPUS / "expected"
DEFAULT_CONFORMANCE = SHARED / "conformance"

FUNCS = [  # (output key, template file, template text)
    ("toYaml", "toYaml.txt", "{{ toYaml .Values }}"),
    ("toJson", "toJson.txt", "{{ toJson .Values }}"),
    ("toPrettyJson", "toPrettyJson.txt", "{{ toPrettyJson .Values }}"),
    ("toYamlPretty", "toYamlPretty.txt", "{{ toYamlPretty .Values }}"),
    ("print", "print.txt", "{{ .Values }}"),
    ("toToml", "toToml.txt", "{{ toToml .Values }}"),
]


# --------------------------------------------------------------------------------------
# Helpers to write YAML case text
# --------------------------------------------------------------------------------------

def dq(s):
    """A YAML double-quoted scalar for s (escapes for \\, \", and every non-printable)."""
    named = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": "\\0",
             "\x07": "\\a", "\x08": "\\b", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\e",
             "\x85": "\\N", "\xa0": "\\_", "\u2028": "\\L", "\u2029": "\\P"}
    out = []
    for ch in s:
        o = ord(ch)
        if ch in named:
            out.append(named[ch])
        elif o < 0x20 or 0x7F <= o < 0xA0:
            out.append("\\x%02X" % o)
        elif o == 0xFEFF or 0xD800 <= o < 0xE000 or o in (0xFFFE, 0xFFFF):
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def sq(s):
    """A YAML single-quoted scalar (s must be printable, no newlines)."""
    return "'" + s.replace("'", "''") + "'"


def nest(body, depth, prefix="n"):
    """Put a block-mapping body under `depth` levels of keys n1: n2: ..."""
    head = "".join("%s%s%d:\n" % ("  " * i, prefix, i + 1) for i in range(depth))
    pad = "  " * depth
    lines = body.splitlines(True)
    return head + "".join(pad + ln if ln.strip("\r\n") else ln for ln in lines)


def kv(scalars, depth=0):
    """k01: s1 / k02: s2 ... (scalars already YAML-formatted), nested `depth` deep."""
    body = "".join("k%02d: %s\n" % (i + 1, s) for i, s in enumerate(scalars))
    return nest(body, depth)


def block_list(scalars, key="list", depth=0):
    body = key + ":\n" + "".join("- %s\n" % s for s in scalars)
    return nest(body, depth)


def flow_list(scalars, key="flow", depth=0):
    return nest("%s: [%s]\n" % (key, ", ".join(scalars)), depth)


def flow_map(scalars, key="fmap", depth=0):
    items = ", ".join("k%02d: %s" % (i + 1, s) for i, s in enumerate(scalars))
    return nest("%s: {%s}\n" % (key, items), depth)


LOREM = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud "
         "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat duis aute irure ")


def words(n, start=0):
    """A deterministic string of exactly n characters made of words, no space at either end."""
    s = (LOREM * 10)[start:start + n]
    if s.startswith(" "):
        s = "x" + s[1:]
    if s.endswith(" "):
        s = s[:-1] + "z"
    assert len(s) == n
    return s


# Word groups used as quoted strings, bare scalars and keys.
BOOL_WORDS = ["yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
              "y", "Y", "n", "N", "true", "True", "TRUE", "false", "False", "FALSE"]
NULL_WORDS = ["null", "Null", "NULL", "~"]
NUM_WORDS = ["1", "-1", "+1", "0", "1.0", "0.", "0.5", ".5", "-.5", "0755", "0o17", "0x1F",
             "0b101", "08", "09", "1e3", "1E3", "1.5e3", "1_000", "1_0", "1e+3", "6.8523015e+5"]
SPECIAL_WORDS = [".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN", "12:30",
                 "1:20", "190:20:30", "-1:20", "2021-01-01", "2021-01-01T10:00:00Z",
                 "2001-12-14 21:59:43.10 -5", "2002-12-14t21:59:43.10-05:00"]
MISC_WORDS = ["", "<<", "=", "-", "---", "...", "?", ":", "0x", "a:b", "1:2:3", "yES", "tRUE",
              "nULL", "0.0.1", "1.2.3", "v1", "1a", "a1", "NaN", "Infinity", "none", "None"]
WORD_GROUPS = [("bool", BOOL_WORDS), ("null", NULL_WORDS), ("num", NUM_WORDS),
               ("special", SPECIAL_WORDS), ("misc", MISC_WORDS)]

BARE_BOOL = BOOL_WORDS + ["yES", "tRUE", "oN", "Yes!", "y!", "n/a"]
BARE_NULL = ["null", "Null", "NULL", "~", "nULL", "none"]
BARE_INT = ["0", "-0", "+0", "1", "+1", "-1", "1_000", "1__0", "0755", "-0755", "0o17",
            "0x1F", "0X1F", "0x_1F", "-0x1F", "0b101", "-0b11", "0b_1", "08", "09", "010", "0_7",
            "00", "1000000", "123456"]
BARE_FLOAT = ["1.0", "0.", "-0.0", "+0.0", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1e-3",
              "1.5e3", "6.8523015e+5", "685.230_15e+03", "1_000.5", "0.1", "3.", "1e-7",
              "1.0e+6", "2.50", "190:20:30.15"]
BARE_TIME = ["12:30", "1:20", "190:20:30", "-1:20", "1:20.5", "2021-01-01", "2021-1-1",
             "2021-01-01T10:00:00Z", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
             "2002-12-14", "12:30:45"]
BARE_GROUPS = [("bool", BARE_BOOL), ("null", BARE_NULL), ("int", BARE_INT),
               ("float", BARE_FLOAT), ("time", BARE_TIME)]

INDICATORS = ["*a", "&a", "!t", "%p", "@x", "`x", "{a}", "[a]", "]", "}", ",", "?", "|", ">",
              "- x", "-", "#c", "'", '"', ":", ":x", "?x", "-x", "!", "&", "*", "%", "@", "`",
              "!!str", "? x", "|-", ">-", "[", "{", ",x", "|x", ">x"]

TRICKY_STRINGS = {
    "spaces": [" lead", "trail ", "  both  ", " ", "   ", "a  b", " a b ", "\u3000ideo"],
    "colon-hash": ["a: b", "a #b", "a:b", "a#b", "http://x:80/p", "key=value", "a:", "a :b",
                   "a:\tb", "#c", "# c", "#", "a#", "a # b # c", "x: y: z"],
    "quotes": ["x'y", 'x"y', "'", '"', "''", '""', "'a'", '"a"', "it's", "say \"hi\"",
               "'mixed\"", "a'b'c"],
    "backslash": ["\\", "\\\\", "C:\\path\\to", "a\\nb", "ends\\", "\\x41", "\\u00e9", "\\\"q"],
    "tabs": ["tab\there", "\t", "\tlead", "trail\t", "a\t b", "a \tb", "\t\t"],
    "crlf": ["a\r\nb", "\r", "a\rb", "a\r\n", "\r\n", "line1\r\nline2\r\n"],
    "control": ["\x01", "a\x01b", "\x00", "\x07bell", "\x1b[0m", "\x08", "\x1f", "\x0b", "\x0c"],
    # DEL, C1 controls and U+FFFE/U+FFFF: json.Marshal leaves them raw, go-yaml v2 then refuses
    # to read the JSON back, and toYaml swallows the error (the whole output is "")
    "del-c1-nonchars": ["del\x7f", "\x80", "\x9f", "a\x9bb", "\ufffe", "\uffff"],
    "nonchars-ok": ["\ufdd0", "\ud7ff", "\ue000", "\ufffd", "\U0001fffe", "\U0010ffff"],
    "mixed-control-and-del": ["ok", "\x01", "\x7f"],
    "nbsp": ["a\u00a0", "\u00a0lead", "a\u00a0b", "\u00a0", "a\u00a0: b"],
    "nel-ls-ps": ["a\u0085b", "\u0085", "a\u2028b", "\u2028", "a\u2029b", "end\u2029",
                  "a\u0085"],
    "emoji": ["\U0001F600", "\U0001D11E", "a\U0001F600b", "\U0001F1EB\U0001F1F7",
              "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F44D\U0001F3FD", "\U00010000",
              "\U0010FFFD"],
    "bom": ["\ufeffbom", "mid\ufeffdle", "\ufeff", "end\ufeff"],
    "unicode": ["\u00e9", "na\u00efve", "\u65e5\u672c\u8a9e", "\u4e2d\u6587 \u5b57",
                "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "e\u0301",
                "zero\u200bwidth", "\ufffd", "\u00bd", "\u2603 snow", "\u0130stanbul", "\u00df",
                "\u200e", "\u202e"],
    "templates": ["{{ .Values.x }}", "{{", "}}", "{{- x -}}", "{ a }", "{{/* c */}}",
                  "prefix {{ x }} suffix", "{{ \"q\" }}", "${VAR}", "$(cmd)", "%v", "%!s(int=1)",
                  "%%"],
    "html": ["<", ">", "&", "<b>&amp;</b>", "a<b", "&&", "a > b", "<script>alert(1)</script>",
             "x&y=z", "'<'", "\"&\""],
    "gofmt": ["<nil>", "map[a:1]", "[1 2]", "<no value>", "x<no value>y", "true", "%!v(PANIC)",
              "[]", "map[]", "{}"],
    "plain-ok": ["hello world", "a - b", "a -b", "a,b", "a[0]", "v1.2", ".", "..", "1-2",
                 "a=b", "x-y_z", "foo.bar/baz", "user@example.com", "a;b", "a|b", "a>b",
                 "a!b", "a&b", "a*b", "a%b", "a@b", "a`b", "a?b", "a}b", "a]b"],
}


def gen_quoted_word_cases():
    cases = []
    for gname, ws in WORD_GROUPS:
        cases.append(("quoted-%s-top" % gname, kv([dq(w) for w in ws])))
        cases.append(("quoted-%s-depth3-single" % gname, kv([sq(w) for w in ws], depth=3)))
        cases.append(("quoted-%s-block-list" % gname, block_list([dq(w) for w in ws], depth=1)))
        cases.append(("quoted-%s-flow-list" % gname, flow_list([dq(w) for w in ws])))
        cases.append(("quoted-%s-flow-map-depth2" % gname, flow_map([dq(w) for w in ws], depth=2)))
    return cases


def gen_bare_word_cases():
    cases = []
    for gname, ws in BARE_GROUPS:
        cases.append(("bare-%s-top" % gname, kv(ws)))
        cases.append(("bare-%s-depth2" % gname, kv(ws, depth=2)))
        cases.append(("bare-%s-block-list-depth1" % gname, block_list(ws, depth=1)))
        cases.append(("bare-%s-flow-list" % gname, flow_list(ws)))
    return cases


def gen_tricky_string_cases():
    cases = []
    for gname, ss in TRICKY_STRINGS.items():
        cases.append(("str-%s-top" % gname, kv([dq(s) for s in ss])))
        cases.append(("str-%s-depth3" % gname, kv([dq(s) for s in ss], depth=3)))
        cases.append(("str-%s-list-depth1" % gname, block_list([dq(s) for s in ss], depth=1)))
    cases.append(("str-indicators-top", kv([dq(s) for s in INDICATORS])))
    cases.append(("str-indicators-single-quoted-depth4", kv([sq(s) for s in INDICATORS], depth=4)))
    cases.append(("str-indicators-block-list", block_list([dq(s) for s in INDICATORS])))
    cases.append(("str-indicators-flow-list-depth2", flow_list([dq(s) for s in INDICATORS], depth=2)))
    cases.append(("str-indicators-as-suffix", kv([dq("a" + s) for s in INDICATORS])))
    return cases


def gen_long_string_cases():
    lengths = [79, 80, 81, 120, 300]
    cases = []
    for d in range(5):
        body = "".join("l%03d: %s\n" % (n, words(n, n)) for n in lengths)
        cases.append(("long-plain-depth%d" % d, nest(body, d)))
    for d in range(3):
        cases.append(("long-plain-in-list-depth%d" % d,
                      block_list([words(n, n) for n in lengths], depth=d)))
    # a single long string under a one-letter key, so the column math is easy to follow
    for n in (76, 77, 78, 79, 80, 81, 82):
        cases.append(("long-single-%d" % n, "a: %s\n" % words(n, 2 * n)))
    need_quotes = [" " + words(119, 1), words(119, 2) + " ", words(60, 3) + ": " + words(60, 4),
                   words(60, 5) + " #" + words(60, 6), "#" + words(120, 7), "*" + words(120, 8),
                   words(100, 9) + "'" + words(40, 10), "yes " + words(120, 11),
                   "{{ " + words(100, 12) + " }}"]
    cases.append(("long-need-single-quotes-top", kv([dq(s) for s in need_quotes])))
    cases.append(("long-need-single-quotes-depth2", kv([dq(s) for s in need_quotes], depth=2)))
    nospace = ["x" * 80, "y" * 81, "z" * 120, "w" * 300, "a" * 85 + " " + "b" * 40,
               "c" * 10 + " " + "d" * 200, "e" * 79 + " " + "f" * 79,
               "http://example.com/" + "p" * 100 + "?q=" + "v" * 50]
    cases.append(("long-no-spaces-top", kv(nospace)))
    cases.append(("long-no-spaces-in-list-depth2", block_list(nospace, depth=2)))
    dquote = [words(120, 1) + "\tend", words(50, 2) + "\x01" + words(60, 3),
              words(90, 4) + "\U0001F600 " + words(30, 5), "\t" + words(150, 6),
              words(100, 7) + "\\" + words(40, 8)]
    cases.append(("long-need-double-quotes", kv([dq(s) for s in dquote])))
    cases.append(("long-double-spaces", kv([
        (words(70, 1) + "  " + words(50, 2)),
        (words(78, 3) + "   " + words(50, 4)),
        dq(words(75, 5) + "    " + words(20, 6) + "  " + words(40, 7)),
        dq(" ".join(["ab"] * 60)),
        dq(" ".join(["a"] * 100)),
    ])))
    longkey = "k" * 100
    cases.append(("long-key-and-value", "%s: %s\nshort: %s\n" % (longkey, words(120, 3), words(200, 9))))
    cases.append(("long-in-flow-list", "flow: [%s, %s]\n" % (dq(words(120, 1)), dq(words(90, 2)))))
    cases.append(("long-unicode", kv([
        dq(("\u00e9t\u00e9 " * 30).strip()),
        dq(("\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8 " * 15).strip()),
        dq("\u65e5" * 100),
        dq(("caf\u00e9 na\u00efve r\u00e9sum\u00e9 " * 8).strip()),
        dq(("\U0001F600 " * 50).strip()),
    ])))
    cases.append(("long-all-spaces-and-trailing", kv([dq(" " * 100), dq(words(100, 1) + " "),
                                                      dq(" " + words(100, 2) + " ")])))
    cases.append(("long-gofmt-and-html", kv([dq(("<a href=\"x\">&amp;</a> " * 6).strip()),
                                             dq(("map[a:1] " * 15).strip())])))
    return cases


MULTILINE_CASES = [
    ("ml-literal-clip", "a: |\n  line one\n  line two\n"),
    ("ml-literal-strip", "a: |-\n  line one\n  line two\n"),
    ("ml-literal-keep", "a: |+\n  line one\n  line two\n\n\n"),
    ("ml-literal-keep-end-of-file", "a: |+\n  line one\n  line two\n\n"),
    ("ml-folded", "a: >\n  folded line one\n  folded line two\n\n  new paragraph\n    more indented\n  back\n"),
    ("ml-folded-strip", "a: >-\n  folded line one\n  folded line two\n"),
    ("ml-leading-space-first-line", kv([dq("  a\nb\n"), dq("  a\nb"), dq(" a\nb\n\n"), dq(" a\n"),
                                        dq("\ta\nb\n")])),
    ("ml-literal-indentation-indicator", "a: |2\n    indented first\n  second\nb: |4-\n       x\n     y\n"),
    ("ml-trailing-spaces", kv([dq("a  \nb\n"), dq("a\nb  \n"), dq("a \nb"), dq("a\nb "),
                               dq("a\n b\n")])),
    ("ml-tabs", kv([dq("a\tb\nc\n"), dq("\ta\n"), dq("a\n\tb\n"), dq("a\nb\t"), dq("a\t\n")])),
    ("ml-space-only-lines", kv([dq("a\n   \nb\n"), dq("a\n \n"), dq("   \n"), dq("a\n\n\nb\n")])),
    ("ml-trailing-blank-line", kv([dq("a\nb\n\n"), dq("a\n\n"), dq("a\n\n\n\n"), dq("\n")])),
    ("ml-only-newlines", kv([dq("\n"), dq("\n\n"), dq(" \n"), dq("\na"), dq("\n\na\n")])),
    ("ml-depth3-and-list", nest("a: |\n  x\n  y\nlist:\n- |-\n  p\n  q\n- |\n  r\n- plain\n", 3)),
    ("ml-long-lines", "a: |\n  " + words(150, 1) + "\n  " + words(90, 2) + "\n" +
     "b: >\n  " + words(150, 3) + "\n"),
    ("ml-crlf", kv([dq("a\r\nb\r\n"), dq("a\nb\r\n"), dq("a\rb\n")])),
    ("ml-embedded-yaml", "config: |\n  # a comment\n  key: value\n  list:\n    - a\n    - b\n  'q': \"x\"\n"),
    ("ml-unicode", kv([dq("\u00e9\n\u65e5\u672c\n"), dq("a\u00a0\nb\n"), dq("a\u2028b\nc\n"),
                       dq("\U0001F600\nx\n"), dq("a\u0085b\nc\n")])),
    ("ml-key", '"line1\\nline2": v\n"a\\n": w\n"tab\\tkey": t\n'),
    ("ml-in-flow-list", 'flow: ["a\\nb", "c\\nd\\n", "e"]\n'),
    ("ml-special-first-chars", kv([dq("#a\nb\n"), dq("- a\n- b\n"), dq("a: b\nc: d\n"),
                                   dq("'q'\n"), dq("---\nx\n"), dq("...\n"), dq("%x\ny\n")])),
    ("ml-folded-keep", "a: >+\n  x\n  y\n\n"),
    ("ml-literal-trailing-comment", "a: | # comment\n  x\n  y\n# after\nb: 1\n"),
    ("ml-templates-html", kv([dq("{{ .Values.a }}\n<b>&</b>\n"), dq("<no value>\nx\n")])),
    ("ml-long-with-newline-double-quoted", kv([dq(words(100, 1) + "\n" + words(100, 2) + "\t\n")])),
]

EMPTY_CASES = [
    ("empty-top", "a: {}\nb: []\n"),
    ("empty-nested-lists", "a: [{}]\nb: [[]]\nc: [[], {}]\nd: [[[]]]\ne: [{}, {}]\n"),
    ("empty-nested-maps", "a: {b: {}}\nc: {d: {e: {}}}\nf: {g: []}\n"),
    ("empty-depth4-block", nest("m: {}\nl: []\nlm:\n- {}\n- []\n", 4)),
    ("empty-document-map", "{}\n"),
    ("empty-children-only", "a:\n  b: {}\n  c: []\n  d:\n    e: {}\nlist:\n- {}\n- a: {}\n  b: []\n"),
    ("empty-key-empty-map", '"": {}\nx:\n  "": []\n'),
    ("empty-string-values", kv(['""', "''", dq(""), "[]", "{}"], depth=1)),
    ("empty-file", ""),
    ("empty-comment-only", "# just a comment\n\n# another\n"),
]

NULL_CASES = [
    ("null-top", "a: ~\nb: null\nc:\nd: Null\ne: NULL\n"),
    ("null-depth3", nest("a: ~\nb: null\nc:\nd: Null\n", 3)),
    ("null-in-lists", "list:\n- ~\n- null\n-\n- x\nflow: [~, null, Null, x]\n"),
    ("null-in-map-in-list", "list:\n- a: ~\n  b: 1\n- c:\n- {d: null}\n"),
    ("null-only-map", "m:\n  a:\n  b:\n  c:\n"),
    ("null-vs-empty-string", 'a: ""\nb: ~\nc: "~"\nd: "null"\ne: \'\'\n'),
    ("null-top-level-document", "null\n"),
    ("null-top-level-tilde", "~\n"),
    ("null-flow-map", "m: {a: , b: ~, c: null}\n"),
    ("null-explicit-tag", "a: !!null ''\nb: !!null\nc: !!null null\n"),
]

BIGINT_CASES = [
    ("int-2p53", "a: 9007199254740992\nb: 9007199254740993\nc: -9007199254740993\nd: 9007199254740991\n"),
    ("int-2p63", "a: 9223372036854775807\nb: 9223372036854775808\nc: -9223372036854775808\nd: -9223372036854775809\n"),
    ("int-2p64", "a: 18446744073709551615\nb: 18446744073709551616\nc: 18446744073709551617\n"),
    ("int-huge", "a: 100000000000000000000\nb: 123456789012345678901234567890\nc: -100000000000000000000\n"
     "d: 99999999999999999999\ne: 1000000000000000000000\n"),
    ("int-in-lists", "list:\n- 9007199254740993\n- 18446744073709551616\n- -9223372036854775809\n"
     "flow: [100000000000000000000, 1]\n"),
    ("int-around-1e6", "a: 999999\nb: 1000000\nc: 1000001\nd: 100000\ne: 123456\nf: 1234567\n"
     "g: -1000000\nh: 12345678\ni: 120000000\nj: -123456789\n"),
    ("int-hex-octal-big", "a: 0x7FFFFFFFFFFFFFFF\nb: 0xFFFFFFFFFFFFFFFF\nc: 0x10000000000000000\n"
     "d: 0777777777777777777777\ne: 0b1111111111111111111111111111111111111111111111111111111\n"),
    ("int-underscores-big", "a: 9_007_199_254_740_993\nb: 1_000_000\nc: -1_000_000_000\n"),
    ("int-depth4", nest("a: 1000000\nb: 9007199254740993\nc: 0\nd: -0\ne: 42\n", 4)),
    ("int-1e15-to-1e22", "a: 1000000000000000\nb: 10000000000000000\nc: 100000000000000000\n"
     "d: 1000000000000000000\ne: 10000000000000000000\nf: 1000000000000000000000\n"
     "g: 10000000000000000000000\n"),
]

FLOAT_CASES = [
    ("float-brief-list", "a: 0.1\nb: 1.0\nc: 1e6\nd: 1000000\ne: 123456789\nf: 1.5e300\ng: 1e-7\n"
     "h: 0.000001\ni: -0.0\nj: 1e21\nk: 1e20\nl: 100000\nm: 1234567\n"),
    ("float-in-list", "list:\n- 0.1\n- 1.0\n- 1e6\n- 1.5e300\n- 1e-7\n- 0.000001\n- -0.0\n- 1e21\n- 1e20\n"),
    ("float-depth3", nest("a: 1e6\nb: 1.5\nc: -0.0\nd: 2.50\ne: 1e-5\n", 3)),
    ("float-small", "a: 0.0001\nb: 0.00001\nc: 1e-5\nd: 1.23e-10\ne: -1e-7\nf: 5e-324\ng: 2.2250738585072014e-308\n"
     "h: 0.000123\ni: 1e-6\n"),
    ("float-precision", "a: 0.30000000000000004\nb: 3.14159265358979\nc: 1.7976931348623157e308\n"
     "d: 2.5\ne: 100.0\nf: 1e2\ng: 1.0e+2\nh: 12e3\ni: 1.1\nj: 0.1e1\n"),
    ("float-large", "a: 1e15\nb: 1e16\nc: 1e17\nd: 123456789012345680000\ne: 1.5e21\nf: -1.5e300\n"
     "g: 9.999999999999999e20\nh: 1e22\n"),
    ("float-overflow", "a: 1e400\nb: -1e400\n"),
    ("float-signs", "a: +1.5\nb: -1.5\nc: +0.0\nd: -0\ne: -0.0\nf: [-0.0, 0.0]\n"),
    ("float-fractional-ints", "a: 1.0\nb: 2.000\nc: 1000000.0\nd: 1.5e6\ne: 1.2e6\nf: 1234567.0\n"),
    ("float-flow", "f: [1e6, 0.1, 1.0, -0.0, 1e21, 1e-7]\nm: {x: 1e6, q: 1.5}\n"),
]

ANCHOR_CASES = [
    ("anchor-scalar", "a: &x hello\nb: *x\nc: [*x, *x]\n"),
    ("anchor-map", "base: &b\n  x: 1\n  q: two\ncopy: *b\nnested:\n  again: *b\n"),
    ("anchor-list", "l: &l [1, 2, 3]\nm: *l\nn:\n- *l\n- *l\n"),
    ("merge-single", "base: &b\n  x: 1\n  q: 2\nderived:\n  <<: *b\n  q: 3\n  z: 4\n"),
    ("merge-list-override", "a: &a {x: a, q: a}\nb: &b {q: b, z: b}\nc:\n  <<: [*a, *b]\n  w: c\n"),
    ("merge-override-before-after", "b: &b {x: 1, q: 2}\nc:\n  x: 10\n  <<: *b\n  q: 20\n"),
    ("merge-nested", "a: &a {x: 1}\nb: &b\n  <<: *a\n  q: 2\nc:\n  <<: *b\n  z: 3\n"),
    ("merge-deep-no-deep-merge", "a: &a\n  m: {p: 1, q: 2}\nb:\n  <<: *a\n  m: {r: 3}\n"),
    ("anchor-alias-as-key", "k: &k name\n*k : value\n"),
    ("anchor-on-null-and-empty", "a: &n\nb: *n\nc: &e {}\nd: *e\n"),
    ("merge-quoted-key-not-merge", 'b: &b {x: 1}\nc:\n  "<<": *b\n  q: 2\nd:\n  \'<<\': 3\n'),
    ("anchor-redefined", "a: &x first\nb: *x\nc: &x second\nd: *x\n"),
    ("anchor-in-flow", "a: [&x 1, *x, &y {k: v}, *y]\n"),
    ("merge-in-list-items", "defaults: &d {image: nginx, pull: Always}\n"
     "containers:\n- <<: *d\n  name: a\n- <<: *d\n  name: b\n  pull: Never\n"),
    ("merge-into-top", "base: &b {x: 1}\n<<: *b\nq: 2\n"),
    ("merge-with-bool-word-keys", "a: &a {y: 1, x: 1}\nb:\n  <<: *a\n  on: 2\n"),
    ("anchor-alias-of-bool-word", "a: &w yes\nb: *w\nc: &s \"yes\"\nd: *s\n"),
]

STRUCTURE_CASES = [
    ("deep-maps-10", nest("leaf: value\nnum: 1\n", 10)),
    ("deep-lists-10", "a: [[[[[[[[[[x]]]]]]]]]]\n"),
    ("deep-alternating-10", "a:\n- b:\n  - c:\n    - d:\n      - e:\n        - f: end\n"),
    ("list-of-maps-env", "env:\n- name: A\n  value: \"1\"\n- name: B\n  valueFrom:\n    secretKeyRef: {name: s, key: k}\n"),
    ("map-of-lists", "ports:\n  http: [80, 8080]\n  https:\n  - 443\n  - 8443\n  none: []\n"),
    ("flow-style-mixed", "m: {a: 1, b: [x, y, {c: d}], e: {f: {g: h}}}\nl: [a, {b: c}, [d, e]]\n"),
    ("list-of-lists-of-maps", "a:\n- - x: 1\n    q: 2\n  - z: 3\n- - w: 4\n"),
    ("seq-indented-and-not", "a:\n  - 1\n  - 2\nb:\n- 3\n- 4\n"),
    ("compact-nested-seq", "a:\n- - 1\n  - 2\n- - - 3\n"),
    ("many-keys", "".join("key%d: %d\n" % (i, i) for i in range(1, 51))),
    ("list-mixed-types", "l: [1, 1.5, \"s\", yes, ~, {a: 1}, [2], 1e6, \"\", -0.0]\n"),
    ("k8s-like-values", "replicaCount: 1\nimage:\n  repository: nginx\n  pullPolicy: IfNotPresent\n  tag: \"\"\n"
     "imagePullSecrets: []\nnameOverride: \"\"\nserviceAccount:\n  create: true\n  annotations: {}\n  name: \"\"\n"
     "podAnnotations:\n  prometheus.io/scrape: \"true\"\n  prometheus.io/port: \"9090\"\n"
     "resources:\n  limits:\n    cpu: 100m\n    memory: 128Mi\n  requests:\n    cpu: 0.5\n    memory: 1Gi\n"
     "nodeSelector: {}\ntolerations: []\naffinity: {}\n"),
]

DOC_CASES = [
    ("doc-start-marker", "---\na: 1\nb: x\n"),
    ("doc-end-marker", "a: 1\nb: x\n...\n"),
    ("doc-both-markers-comments", "# head\n--- # start\na: 1 # one\n# between\nb: [1, 2] # list\n... # end\n"),
    ("doc-comments-everywhere", "# top\na: # after key\n  # inside\n  b: 1 # after value\n  c: \"#notcomment\"\n"
     "  d: x#y\n  e: x #y\nlist: # l\n- 1 # first\n# middle\n- 2\n"),
    ("doc-yaml-directive", "%YAML 1.1\n---\na: 1\n"),
    ("doc-multiple", "a: 1\n---\nb: 2\n---\n- 3\n"),
    ("doc-explicit-tags", "a: !!str 1\nb: !!str yes\nc: !!int \"3\"\nd: !!float 1\ne: !!bool \"yes\"\nf: !!str ~\n"
     "g: !!str\nh: !!binary aGVsbG8=\n"),
    ("doc-custom-tag", "a: !custom x\nb: !foo {k: v}\nc: !bar [1]\n"),
    ("doc-crlf-file", "a: 1\r\nb:\r\n  c: x\r\n  d: |\r\n    l1\r\n    l2\r\n"),
    ("doc-bom-file", "\ufeffa: 1\nb: bom\n"),
    ("doc-no-trailing-newline", "a: 1\nb: x"),
    ("doc-empty-with-markers", "---\n...\n"),
    ("doc-flow-top", "{a: 1, b: [2, 3], c: {d: e}}\n"),
]

KEY_CASES = [
    ("key-y", "y: 1\n"),
    ("key-on", "on: 2\n"),
    ("key-n-off-collide", "n: 1\noff: 2\n"),
    ("key-bool-collide", "y: 1\non: 3\nyes: 5\n"),
    ("key-bool-collide-reversed", "yes: 5\non: 3\ny: 1\n"),
    ("key-bool-depth3", nest("y: 1\nn: 2\nOn: 3\n", 3)),
    ("key-bool-collide-maps", "on:\n  a: 1\nyes:\n  b: 2\n"),
    ("key-bool-quoted", '"y": 1\n"on": 2\n\'yes\': 3\n"n": 4\n'),
    ("key-numeric", "1: x\n2: y\n10: z\n-1: m\n0: zero\n+5: plus\n"),
    ("key-float", "1.5: y\n0.1: a\n3.14159265: pi\n1.0: one\n1e3: k\n2.5e-8: small\n16777217.0: f32\n"),
    ("key-hex-octal", "0x1F: h\n010: o\n0b11: b\n1_000: u\n0o17: oo\n"),
    ("key-true-false", "true: z\nfalse: w\nTrue: Z\n"),
    # Not included: `1: int` next to `"1": str`. Both keys become "1" when sigs.k8s.io/yaml
    # stringifies the keys of a Go map, so which value survives depends on Go's random map
    # iteration order (the oracle gives either, run to run).
    ("key-big-int", "9007199254740993: a\n18446744073709551616: b\n100000000: c\n9223372036854775807: d\n"),
    ("key-timestamp-base60", "2021-01-01: d\n12:30: t\n1:20: u\n"),
    ("key-flow-map", "m: {y: 1, n: 2, 1: 3, 1.5: 4}\n"),
    ("key-in-list-items", "list:\n- y: 1\n  on: 2\n- 1: x\n  0.5: h\n"),
    ("key-bool-value-bool", "y: y\nn: n\n"),
    ("key-dup-plain", "a: 1\nb: 2\na: 3\n"),
    ("key-dup-nested-map", "a:\n  x: 1\nb: 0\na:\n  y: 2\n"),
    ("key-spaces", '"a b": 1\n" lead": 2\n"trail ": 3\n"  ": 4\n'),
    ("key-colon", '"a:b": 1\n"a: b": 2\n":": 3\n"a:": 4\n'),
    ("key-hash", '"a #b": 1\n"#c": 2\n"a#b": 3\n'),
    ("key-dash", '"-a": 1\n"- a": 2\n"-": 3\n"--x": 4\n'),
    ("key-empty", '"": x\nm:\n  "": y\n  "k": z\n'),
    ("key-dots-slashes", 'annotations:\n  prometheus.io/scrape: "true"\n  app.kubernetes.io/name: x\n'
     '  a.b.c: d\n  "x/y": z\n'),
    ("key-indicators", "".join("%s: %d\n" % (dq(k), i) for i, k in enumerate(
        ["*a", "&a", "!t", "@x", "`x", "{a}", "[a]", "?", "|", ">", "%", ",", "'", '"', "=", "<<"]))),
    ("key-quotes-backslash-tab", "".join("%s: %d\n" % (dq(k), i) for i, k in enumerate(
        ["x'y", 'x"y', "a\\b", "tab\tkey", "\u00a0nbsp", "nul\x01", "\U0001F600", "<&>"]))),
    ("key-long", "".join("%s: %d\n" % ("k" * n, n) for n in (127, 128, 129, 200))),
    ("key-long-quoted", "".join("%s: %d\n" % (dq(" " + "q" * (n - 1)), n) for n in (127, 128, 129))),
    ("key-unicode", "\u00e9: 1\n\u65e5\u672c: 2\n\u0645\u0641\u062a\u0627\u062d: 3\n\U0001F600: 4\n"),
    ("key-quoted-reserved-words", "".join("%s: %d\n" % (dq(k), i) for i, k in enumerate(
        ["null", "~", "true", "1", "1.5", "0x1F", "2021-01-01", "12:30", "1e3", ".inf", ""]))),
    ("key-ls-ps", '"a\\Lb": 1\n"c\\Pd": 2\n'),
    ("key-nel", '"e\\Nf": 3\nx: 1\n'),  # toYaml gives "" (go-yaml v2 cannot read the JSON back)
    ("key-no-value-string", '"<no value>": 1\nx: "<no value>"\n'),
]

NATURAL_SORT_CASES = [
    ("sort-brief-keys", "".join("%s: %d\n" % (k, i) for i, k in enumerate(
        ["a1", "a2", "a10", "a9", "a01", "B", "Z", "_x", '"9"', '"10"', "a-1", "a.1", "x2y9",
         "x2y10", "\u00e9", "b"]))),
    ("sort-numeric-strings", "".join('"%s": %d\n' % (k, i) for i, k in enumerate(
        ["1", "01", "001", "10", "2", "-1", "1.5", "0", "00", "9", "99", "100"]))),
    ("sort-case-punct", "".join("%s: %d\n" % (dq(k), i) for i, k in enumerate(
        ["aA", "Aa", "a", "A", "_", "-", ".", "~", "aa", "AA", "a_", "a-", "a.", "a~", "0"]))),
    ("sort-leading-zeros", "".join("%s: %d\n" % (k, i) for i, k in enumerate(
        ["file01", "file1", "file001", "file10", "file2", "a0b", "a00b", "a000", "a0", "a00"]))),
    ("sort-unicode", "".join("%s: %d\n" % (k, i) for i, k in enumerate(
        ["\u00e9", "e", "f", "\u00e4", "z", "Z", "\u00f6", "\u65e5", "\u00c9", "\u0430"]))),
    ("sort-nested", nest("".join("%s: %d\n" % (k, i) for i, k in enumerate(
        ["a10", "a9", "a01", "B", "_x", "x2y10", "x2y9"])), 2)),
    # go-yaml v2 (toYaml) puts a non-letter before a letter even right after a digit run, so
    # a10 < a1b, while v3 (toYamlPretty) has a1b < a10. With a third key such as a2 or a9 or
    # 1e3 next to them v2's order is not transitive (a1b < a2 < a10 < a1b) and Helm's output
    # depends on Go's random map order: such key sets are left out; pairs are deterministic.
    ("sort-digit-run-then-letter-pairs", "p1: {a10: 1, a1b: 2}\np2: {\"10\": 1, \"1e3\": 2}\n"
     "p3: {x2y10: 1, x2yz: 2}\np4: {v1.10: 1, v1.1a: 2}\n"),
    ("sort-digit-letter", "".join("%s: %d\n" % (dq(k), i) for i, k in enumerate(
        ["1a", "1b", "11", "1", "1-", "a1a", "a11", "a1", "a1-", "a1.", "a1_", "v1.10", "v1.9", "v1.9.1"]))),
    ("sort-mixed-numbers", "".join("%s: %d\n" % (k, i) for i, k in enumerate(
        ["10", "9", "1.5", "-3", "abc", "2", "1e3", "0x10", "true"]))),
]

ERROR_CASES = [
    ("err-inf-value", "a: .inf\n"),
    ("err-nan-value", "a: .nan\n"),
    ("err-neg-inf-nested", "a:\n  b:\n    c: -.inf\n"),
    ("err-inf-in-list", "a: [1, .Inf]\n"),
    ("err-top-level-list", "- a\n- b\n"),
    ("err-top-level-flow-list", "[a, b]\n"),
    ("err-top-level-string", "just a string\n"),
    ("err-top-level-int", "42\n"),
    ("err-top-level-bool", "yes\n"),
    ("err-tab-indent", "a:\n\tb: 1\n"),
    ("err-undefined-alias", "a: *nope\n"),
    ("err-unclosed-double-quote", 'a: "abc\nb: 1\n'),
    ("err-unclosed-single-quote", "a: 'abc\n"),
    ("err-unclosed-flow-map", "a: {b: 1\n"),
    ("err-unclosed-flow-list", "a: [1, 2\n"),
    ("err-bad-indentation", "a: 1\n  b: 2\n"),
    ("err-mapping-in-plain", "a: b: c\n"),
    ("err-null-key", "null: q\n"),
    ("err-tilde-key-nested", "a:\n  ~: r\n"),
    ("err-list-key", "? [a, b]\n: 1\n"),
    ("err-map-key", "? {a: 1}\n: 1\n"),
    ("err-raw-control-char", "a: x\x01y\n"),
    ("err-merge-non-map", "a:\n  <<: 1\n"),
    ("err-seq-then-map", "- a\nb: c\n"),
    ("err-bad-escape", 'a: "\\q"\n'),
    ("err-anchor-undefined-merge", "a:\n  <<: *missing\n"),
]


def build_edge_cases():
    groups = [
        gen_quoted_word_cases(),
        gen_bare_word_cases(),
        KEY_CASES,
        gen_tricky_string_cases(),
        gen_long_string_cases(),
        MULTILINE_CASES,
        EMPTY_CASES,
        NULL_CASES,
        BIGINT_CASES,
        FLOAT_CASES,
        ANCHOR_CASES,
        STRUCTURE_CASES,
        DOC_CASES,
        NATURAL_SORT_CASES,
        ERROR_CASES,
    ]
    out = []
    for g in groups:
        out.extend(g)
    names = [n for n, _ in out]
    assert len(names) == len(set(names)), "duplicate edge case names"
    return out


EDGE_CASES = build_edge_cases()


# --------------------------------------------------------------------------------------
# Conformance inputs
# --------------------------------------------------------------------------------------

def is_values_like(rel):
    """rel: a path (str, '/'-separated) inside the conformance tree or inside a .tgz."""
    parts = rel.split("/")
    base = parts[-1]
    if not base.endswith((".yaml", ".yml")):
        return False
    return base == "values.yaml" or "values" in base or "values" in parts[:-1]


def conformance_name(rel):
    if rel.startswith("helm-unittest/"):
        rel = rel[len("helm-unittest/"):]
    return "conf__" + rel.replace("/", "__")


def collect_conformance(root):
    """[(case file name, bytes)] for every values-like file, .tgz contents included."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for fn in sorted(filenames):
            full = Path(dirpath) / fn
            rel = full.relative_to(root).as_posix()
            if fn.endswith(".tgz"):
                # a packaged chart: its values files count too (read straight from the archive)
                with tarfile.open(full, "r:gz") as tf:
                    members = [m for m in tf.getmembers() if m.isfile() and is_values_like(m.name)]
                    for m in sorted(members, key=lambda m: m.name):
                        data = tf.extractfile(m).read()
                        found.append((conformance_name(rel + "/" + m.name), data))
            elif is_values_like(rel):
                found.append((conformance_name(rel), full.read_bytes()))
    names = [n for n, _ in found]
    assert len(names) == len(set(names)), "conformance name collision"
    return found


# --------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------

def parse_values(text):
    """Helm's values parser. Returns (values, None) or (None, error message)."""
    try:
        return helm_values(text), None
    except h.HelmError as e:
        return None, str(e)


def chart_files(values_text=""):
    return {"values.yaml": values_text, **{"templates/" + fname: text for _, fname, text in FUNCS}}


def render_all(chart, values):
    out = render(chart, values)
    return {key: out["c/templates/" + fname] for key, fname, _ in FUNCS}


def expected_once(chart, text):
    values, err = parse_values(text)
    if err is not None:
        return {"error": err}
    res = {"error": None, "valuesJson": json.dumps(values, sort_keys=True)}
    res.update(render_all(chart, values or {}))
    return res


REPEAT = 8  # Go randomises map iteration: a case must give the same result every time


def expected_for(chart, text, name="?"):
    result = stable(lambda: expected_once(chart, text), REPEAT)
    if result is None:
        raise SystemExit("gen-values-corpus: case %s is not deterministic in Helm "
                         "(Go map order?); drop it" % name)
    return result


# --------------------------------------------------------------------------------------

def all_cases(conformance_root):
    cases = collect_conformance(conformance_root)
    for i, (name, text) in enumerate(EDGE_CASES, start=1):
        cases.append(("edge-%03d-%s.yaml" % (i, name), text.encode("utf-8")))
    return cases


def compare_chart_values(cases):
    """Report where the case-as-chart-values.yaml path differs from the values_from_yaml path."""
    ndiff = 0
    with throwaway_chart(chart_files()) as chart:
        for name, data in cases:
            text = data.decode("utf-8")
            exp = expected_for(chart, text, name)
            with throwaway_chart(chart_files(text)) as own:
                try:
                    got = {"error": None}
                    got.update(render_all(own, {}))
                except h.HelmError as e:
                    got = {"error": str(e)}
            diffs = [k for k in ["error"] + [f[0] for f in FUNCS] if exp.get(k) != got.get(k)]
            if diffs:
                ndiff += 1
                print("%s: differs in %s" % (name, ", ".join(diffs)))
                for k in diffs:
                    print("   values_from_yaml %s: %r" % (k, exp.get(k)))
                    print("   chart values.yaml %s: %r" % (k, got.get(k)))
    print("%d of %d cases differ" % (ndiff, len(cases)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--conformance", type=Path, default=DEFAULT_CONFORMANCE,
                    help="shared/conformance directory (default: %(default)s)")
    ap.add_argument("--compare-chart-values", action="store_true",
                    help="only report differences to loading each case as the chart's values.yaml")
    a = ap.parse_args()
    if not a.conformance.is_dir():
        sys.exit("gen-values-corpus: no conformance tree at %s" % a.conformance)

    cases = all_cases(a.conformance)
    if a.compare_chart_values:
        compare_chart_values(cases)
        return

    keep_cases, keep_expected = set(), set()
    changed = errors = 0
    with throwaway_chart(chart_files()) as chart:
        for name, data in cases:
            keep_cases.add(name)
            changed += write_if_changed(CASES / name, data)
            exp = expected_for(chart, data.decode("utf-8"), name)
            errors += exp["error"] is not None
            jname = name[:-len(".yaml")] + ".json" if name.endswith(".yaml") else name + ".json"
            keep_expected.add(jname)
            changed += write_if_changed(EXPECTED / jname, dump_json(exp))
    removed = remove_stale(CASES, keep_cases) + remove_stale(EXPECTED, keep_expected)
    nconf = sum(1 for n, _ in cases if n.startswith("conf__"))
    print("values corpus: %d cases (%d conformance, %d edge), %d errors; %d files written, %d removed"
          % (len(cases), nconf, len(cases) - nconf, errors, changed, removed))


if __name__ == "__main__":
    main()
