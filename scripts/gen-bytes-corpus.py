#!/usr/bin/env python3
"""Generate the byte-string golden corpus (Tests/Fixtures/bytes-corpus/*.json) from real Helm v4.

    .oracle-venv/bin/python scripts/gen-bytes-corpus.py        # or: make corpus

A Go string is a run of bytes, not of characters: it may hold invalid UTF-8, two canonically
equivalent spellings of "é" are different strings (and different map keys), and "\\r\\n" is two
bytes. These cases pin how Helm v4 treats such strings: binary and non-UTF-8 chart files through
`.Files`, `[]byte` values reaching functions, `b64dec` producing invalid UTF-8, template string
literals with escapes, template files that themselves hold invalid bytes, values with NFC/NFD
keys, and emoji, ZWJ sequences, flags and combining marks through the text functions.

Each case is one throwaway chart `c`. Its `templates/t.yaml` is the case's `template`; its
`files` (chart-relative path -> base64 of the exact bytes) are added on top and win over
same-named files, so a case whose template holds raw invalid bytes gives it as
`files["templates/t.yaml"]` with `template` "". `values` (YAML text, or null) are user values
read by Helm's values reader. Most templates end in `b64enc` (or print ASCII) so the comparison
is on bytes.

Transport. helm_python hands rendered manifests back through Go's encoding/json, which turns
every invalid UTF-8 byte into U+FFFD, so its text is lossy; its error strings are raw C strings
that it decodes as strict UTF-8 (a message holding invalid bytes raises UnicodeDecodeError). So
each successful case is rendered a second time with the template moved to
`templates/_oracle_body.tpl` and `templates/t.yaml` being `include` of it piped to `b64enc`:
that gives the exact bytes, which are checked to agree with the first, lossy, text. Errors are
read with invalid bytes kept. A result that is valid UTF-8 is recorded as `output`/`error`, any
other as `outputBase64`/`errorBase64`. Nothing random or time-dependent is rendered, and the JSON
is written with sorted keys, so the output is deterministic. Files are written only when their
bytes change.
"""
import base64
import json
from contextlib import contextmanager

from oracle_fixture import FIXTURES, TARGET, helm_values, oracle, record, remove_stale, render, throwaway_chart, write_json

OUT = FIXTURES / "bytes-corpus"

CASES = {}  # theme -> [case]


def b64(data):
    return base64.b64encode(data).decode("ascii")


# ---------------------------------------------------------------------------------------------
# the chart files the cases read
# ---------------------------------------------------------------------------------------------

FILES = {
    "bin/all.bin": bytes(range(256)),
    "bin/keystore.jks": b"\xfe\xed\xfe\xed\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00\x01\x00\x05alias\x00\x00\x01\x8b\x9a\x10",
    "bin/cert.der": b"\x30\x82\x01\x0a\x02\x82\x01\x01\x00\xc3\xa9\xff\x80\x0d\x0a\x7f",
    "bin/logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06",
    "text/latin1.txt": b"caf\xe9 cr\xe8me\n",
    "text/bom.txt": b"\xef\xbb\xbfkey: value\n",
    "text/utf16.txt": b"\xff\xfe" + "hé\n".encode("utf-16-le"),
    "text/crlf.txt": b"one\r\ntwo\r\n\r\nthree",
    "text/cr.txt": b"one\rtwo\rthree\n",
    "text/nfd.txt": "cafe\u0301\n".encode("utf-8"),
    "text/empty.txt": b"",
}
BIN = sorted(p for p in FILES if p.startswith("bin/"))
TEXT = sorted(p for p in FILES if p.startswith("text/"))


def C(theme, function, name, template, files=(), values=None, raw=None, extra=None):
    """One case. files: paths from FILES to add; raw: bytes for templates/t.yaml (template is then
    ""); extra: more {path: bytes} (values.yaml, say)."""
    chart_files = {p: FILES[p] for p in files}
    if raw is not None:
        chart_files["templates/t.yaml"] = raw
        template = ""
    chart_files.update(extra or {})
    case = {"function": function, "name": "%s-%s" % (function, name), "template": template, "values": values}
    if chart_files:
        case["files"] = {p: b64(d) for p, d in sorted(chart_files.items())}
    CASES.setdefault(theme, []).append(case)


def q(s):
    """A Go template string literal for s (valid text)."""
    return json.dumps(s, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# files: binary and non-UTF-8 files through .Files
# ---------------------------------------------------------------------------------------------

for path in BIN + TEXT:
    label = path.split("/")[1].replace(".", "-")
    C("files", "Files.Get", label, '{{ .Files.Get %s | b64enc }}' % q(path), [path])
    C("files", "Files.GetBytes", label, '{{ .Files.GetBytes %s | toString | b64enc }}' % q(path), [path])
    C("files", "len", label, '{{ len (.Files.Get %s) }} {{ len (.Files.GetBytes %s) }}' % (q(path), q(path)), [path])
    C("files", "sha256sum", label, '{{ $s := .Files.Get %s }}{{ sha256sum $s }} {{ sha1sum $s }} {{ adler32sum $s }}' % q(path), [path])

C("files", "Files.Get", "missing", '[{{ .Files.Get "nope" }}] {{ .Files.GetBytes "nope" | len }} {{ typeOf (.Files.GetBytes "nope") }}')
C("files", "Files.Get", "types", '{{ typeOf (.Files.Get "bin/all.bin") }} {{ kindOf (.Files.Get "bin/all.bin") }} '
                                 '{{ typeOf (.Files.GetBytes "bin/all.bin") }} {{ kindOf (.Files.GetBytes "bin/all.bin") }}', ["bin/all.bin"])
C("files", "Files.Glob", "range", '{{ range $p, $b := .Files.Glob "bin/*" }}{{ $p }}={{ typeOf $b }}:{{ len $b }}:'
                                  '{{ $b | toString | b64enc }};{{ end }}', BIN)
C("files", "Files.Glob", "range-text", '{{ range $p, $b := .Files.Glob "text/*.txt" }}{{ $p }}:{{ $b | toString | sha256sum }};{{ end }}', TEXT)
C("files", "Files.Glob", "get", '{{ range $p, $_ := .Files.Glob "**.txt" }}{{ $p }}={{ $.Files.Get $p | b64enc }};{{ end }}', TEXT)
C("files", "Files.Lines", "crlf", '{{ range .Files.Lines "text/crlf.txt" }}[{{ . | b64enc }}]{{ end }} '
                                  '{{ len (.Files.Lines "text/crlf.txt") }}', ["text/crlf.txt"])
C("files", "Files.Lines", "cr", '{{ range .Files.Lines "text/cr.txt" }}[{{ . | b64enc }}]{{ end }} '
                                '{{ len (.Files.Lines "text/cr.txt") }}', ["text/cr.txt"])
C("files", "Files.Lines", "latin1", '{{ range .Files.Lines "text/latin1.txt" }}[{{ . | b64enc }}|{{ len . }}]{{ end }}', ["text/latin1.txt"])
C("files", "Files.Lines", "bom", '{{ range .Files.Lines "text/bom.txt" }}[{{ . | b64enc }}]{{ end }}', ["text/bom.txt"])
C("files", "Files.Lines", "binary", '{{ $l := .Files.Lines "bin/all.bin" }}{{ len $l }} {{ range $l }}{{ len . }},{{ end }} '
                                    '{{ index $l 1 | b64enc }}', ["bin/all.bin"])
C("files", "Files.Lines", "utf16", '{{ range .Files.Lines "text/utf16.txt" }}[{{ . | b64enc }}]{{ end }}', ["text/utf16.txt"])
C("files", "Files.Lines", "empty-file", '{{ len (.Files.Lines "text/empty.txt") }}', ["text/empty.txt"])
C("files", "Files.Lines", "missing", '{{ len (.Files.Lines "nope") }}')
C("files", "Files.AsSecrets", "binary", '{{ (.Files.Glob "bin/*").AsSecrets }}', BIN)
C("files", "Files.AsSecrets", "text", '{{ (.Files.Glob "text/*").AsSecrets }}', TEXT)
C("files", "Files.AsConfig", "text", '{{ (.Files.Glob "text/*").AsConfig | b64enc }}', TEXT)
C("files", "Files.AsConfig", "binary", '{{ (.Files.Glob "bin/*").AsConfig | b64enc }}', BIN)
NFD_NAME = {"n/cafe\u0301.txt": b"nfd name\n"}
C("files", "Files.Get", "nfd-name", '[{{ .Files.Get %s }}] [{{ .Files.Get %s }}] {{ range $p, $_ := .Files.Glob "n/*" }}{{ $p | b64enc }}{{ end }}'
  % (q("n/caf\u00e9.txt"), q("n/cafe\u0301.txt")), extra=NFD_NAME)
C("files", "Files.AsSecrets", "nfd-name", '{{ (.Files.Glob "n/*").AsSecrets | b64enc }}', extra=NFD_NAME)
C("files", "Files.AsConfig", "latin1-roundtrip", '{{ (.Files.Glob "text/latin1.txt").AsConfig | fromYaml | toJson | b64enc }}', ["text/latin1.txt"])


# ---------------------------------------------------------------------------------------------
# strings: the text functions on strings holding invalid UTF-8, from three sources
# ---------------------------------------------------------------------------------------------

MIXED = b"a\xc3\xa9\xe2\x82\xac\xffb\xe2\x82 z"  # a é € <ff> b <truncated €> " z"
SOURCES = [
    ("file", '(.Files.Get "text/latin1.txt")', ["text/latin1.txt"]),
    ("b64dec", '(%s | b64dec)' % q(b64(MIXED)), []),
    ("literal", '"\\xffcaf\\xe9\\x80"', []),
]

STRING_FUNCS = [
    ("toString", "{{ {s} | toString | b64enc }}"),
    ("printf", '{{ printf "%s|%v" {s} {s} | b64enc }}'),
    ("printf", '{{ printf "%x %X % x" {s} {s} {s} }}', "hex"),
    ("printf", '{{ printf "%q %+q %#q" {s} {s} {s} | b64enc }}', "quote"),
    ("printf", '{{ printf "%d" {s} | b64enc }}', "bad-verb"),
    ("printf", '{{ printf "%-12s|%12.3s|%.2s" {s} {s} {s} | b64enc }}', "width"),
    ("print", "{{ print {s} 1 | b64enc }}"),
    ("toJson", "{{ {s} | toJson | b64enc }}"),
    ("toRawJson", "{{ {s} | toRawJson | b64enc }}"),
    ("toPrettyJson", "{{ list {s} | toPrettyJson | b64enc }}"),
    ("toYaml", "{{ {s} | toYaml | b64enc }}"),
    ("toYaml", '{{ dict "k" {s} | toYaml | b64enc }}', "dict"),
    ("toToml", '{{ dict "k" {s} | toToml | b64enc }}'),
    ("quote", "{{ {s} | quote | b64enc }}"),
    ("squote", "{{ {s} | squote | b64enc }}"),
    ("trunc", "{{ {s} | trunc 2 | b64enc }} {{ {s} | trunc 5 | b64enc }} {{ {s} | trunc -3 | b64enc }}"),
    ("substr", "{{ {s} | substr 1 4 | b64enc }} {{ {s} | substr 3 7 | b64enc }}"),
    ("upper", "{{ {s} | upper | b64enc }}"),
    ("lower", "{{ {s} | lower | b64enc }}"),
    ("title", "{{ {s} | title | b64enc }}"),
    ("untitle", "{{ {s} | untitle | b64enc }}"),
    ("swapcase", "{{ {s} | swapcase | b64enc }}"),
    ("abbrev", "{{ {s} | abbrev 5 | b64enc }} {{ {s} | abbrevboth 1 5 | b64enc }}"),
    ("replace", '{{ {s} | replace "a" "A" | b64enc }} {{ {s} | replace "" "-" | b64enc }}'),
    ("trim", '{{ {s} | trim | b64enc }} {{ {s} | trimAll "\\xff\\n" | b64enc }}'),
    ("trimAll", '{{ {s} | trimAll "\\ufffd" | b64enc }}'),
    ("trimPrefix", '{{ {s} | trimPrefix "\\xff" | trimSuffix "\\n" | b64enc }}'),
    ("nospace", "{{ {s} | nospace | b64enc }}"),
    ("indent", "{{ {s} | indent 2 | b64enc }} {{ {s} | nindent 1 | b64enc }}"),
    ("repeat", "{{ {s} | repeat 2 | b64enc }}"),
    ("regexReplaceAll", '{{ regexReplaceAll "[^a-z]" {s} "_" | b64enc }} {{ regexReplaceAllLiteral "." {s} "." | b64enc }}'),
    ("regexFind", '{{ regexFind "[^a-z ]+" {s} | b64enc }} {{ regexFindAll "." {s} -1 | len }}'),
    ("regexMatch", '{{ regexMatch "^.+$" {s} }} {{ regexMatch "\\\\xff" {s} }} {{ regexMatch "\\ufffd" {s} }}'),
    ("regexSplit", '{{ regexSplit "[^a-z]" {s} -1 | join "|" | b64enc }}'),
    ("contains", '{{ contains "\\xff" {s} }} {{ contains "\\ufffd" {s} }} {{ contains "\\xe9" {s} }} {{ hasPrefix "\\xff" {s} }} {{ hasSuffix "\\n" {s} }}'),
    ("split", '{{ range $k, $v := split "\\xe9" {s} }}{{ $k }}={{ $v | b64enc }};{{ end }}'),
    ("splitList", '{{ splitList "" {s} | join "|" | b64enc }} {{ splitList "" {s} | len }}'),
    ("kindOf", "{{ kindOf {s} }} {{ typeOf {s} }}"),
    ("index", "{{ index {s} 0 }} {{ index {s} 3 }} {{ typeOf (index {s} 0) }}"),
    ("slice", "{{ slice {s} 1 4 | b64enc }} {{ slice {s} 3 | b64enc }}"),
    ("len", "{{ len {s} }} {{ {s} | toString | len }}"),
    ("cat", '{{ cat {s} "x" {s} | b64enc }}'),
    ("join", '{{ list {s} {s} | join "," | b64enc }}'),
    ("initials", "{{ {s} | initials | b64enc }}"),
    ("wrap", '{{ {s} | wrap 3 | b64enc }} {{ {s} | wrapWith 3 "|" | b64enc }}'),
    ("snakecase", "{{ {s} | snakecase | b64enc }} {{ {s} | camelcase | b64enc }} {{ {s} | kebabcase | b64enc }}"),
    ("b64enc", "{{ {s} | b64enc }} {{ {s} | b32enc }}"),
    ("sha256sum", "{{ {s} | sha256sum }} {{ {s} | sha1sum }} {{ {s} | adler32sum }} {{ {s} | sha512sum | trunc 16 }}"),
    ("fromYaml", "{{ {s} | fromYaml | toJson | b64enc }}"),
    ("fromJson", "{{ {s} | fromJson | toJson | b64enc }}"),
    ("html", "{{ {s} | html | b64enc }} {{ {s} | js | b64enc }} {{ {s} | urlquery }}"),
    ("eq", '{{ eq {s} {s} }} {{ eq {s} "\\ufffd" }} {{ lt {s} "\\u00ff" }}'),
    ("sortAlpha", '{{ list {s} "b" "\\ufffd" "a" | sortAlpha | join "," | b64enc }}'),
    ("uniq", '{{ list {s} {s} (printf "%s" {s}) | uniq | len }} {{ has {s} (list "x" {s}) }}'),
]

for label, expr, files in SOURCES:
    for row in STRING_FUNCS:
        function, body = row[0], row[1]
        name = label + ("-" + row[2] if len(row) > 2 else "")
        C("strings", function, name, body.replace("{s}", expr), files)


# ---------------------------------------------------------------------------------------------
# bytes: []byte values (.Files.GetBytes) reaching string parameters and generic functions
# ---------------------------------------------------------------------------------------------

BV = '(.Files.GetBytes "text/latin1.txt")'
BYTE_STRING_PARAMS = [
    "upper", "lower", "title", "trim", "nospace", "b64enc", "sha256sum", "fromYaml", "initials", "kebabcase",
    "trunc 2", "substr 0 2", "repeat 2", "indent 2", "abbrev 5", "wrap 3", 'replace "a" "b"', 'trimSuffix "x"',
    'contains "a"', 'hasPrefix "c"', 'split "a"', 'regexFind "."',
]
for call in BYTE_STRING_PARAMS:
    fn = call.split()[0]
    C("bytes", fn, "bytes-arg", "{{ %s | %s }}" % (BV, call), ["text/latin1.txt"])


BYTE_GENERIC = [
    ("toString", "{{ {b} | toString | b64enc }}"),
    ("toJson", '{{ {b} | toJson }} {{ list {b} | toJson }} {{ dict "k" {b} | toRawJson }}'),
    ("toYaml", '{{ {b} | toYaml }}|{{ dict "k" {b} | toYaml }}'),
    ("toToml", '{{ dict "k" {b} | toToml }}'),
    ("printf", '{{ printf "%v|%d|%x|%X" {b} {b} {b} {b} }}'),
    ("printf", '{{ printf "%s" {b} | b64enc }} {{ printf "%q" {b} }}', "s-q"),
    ("print", "{{ print {b} }} {{ print {b} {b} }} {{ println {b} | b64enc }}"),
    ("quote", "{{ {b} | quote | b64enc }} {{ {b} | squote | b64enc }}"),
    ("cat", '{{ cat {b} "x" | b64enc }}'),
    ("join", '{{ list {b} "x" | join "," | b64enc }}'),
    ("len", "{{ len {b} }}"),
    ("kindOf", "{{ kindOf {b} }} {{ typeOf {b} }} {{ kindOf (index {b} 0) }} {{ typeOf (slice {b} 1 3) }}"),
    ("index", "{{ index {b} 0 }} {{ index {b} 3 }}"),
    ("slice", "{{ slice {b} 1 3 }} {{ slice {b} 1 3 | toString | b64enc }}"),
    ("eq", '{{ eq {b} "caf" }}'),
    ("eq", "{{ eq {b} {b} }}", "bytes-bytes"),
    ("eq", '{{ eq (toString {b}) (.Files.Get "text/latin1.txt") }}', "converted"),
    ("range", "{{ range $i, $c := {b} }}{{ $i }}:{{ $c }},{{ end }}"),
    ("first", "{{ first {b} }} {{ last {b} }} {{ rest {b} | len }}"),
    ("html", "{{ {b} | html }} {{ {b} | js }} {{ {b} | urlquery }}"),
    ("default", '{{ default "x" {b} | typeOf }} {{ empty {b} }} {{ empty (.Files.GetBytes "nope") }}'),
    ("list", "{{ list {b} | toString }} {{ typeOf (list {b} | first) }}"),
    ("toString", '{{ .Files.GetBytes "bin/all.bin" | toString | b64enc }}', "all"),
    ("len", '{{ len (.Files.GetBytes "bin/all.bin") }} {{ index (.Files.GetBytes "bin/all.bin") 255 }}', "all"),
]
for row in BYTE_GENERIC:
    function, body = row[0], row[1]
    name = row[2] if len(row) > 2 else "bytes"
    files = ["text/latin1.txt"] + (["bin/all.bin"] if "all.bin" in body else [])
    C("bytes", function, name, body.replace("{b}", BV), files)


# ---------------------------------------------------------------------------------------------
# literals: template string literals with escapes, and template files holding raw bytes
# ---------------------------------------------------------------------------------------------

for name, lit in [("hex-ff", '"\\xff"'), ("hex-e9", '"caf\\xe9"'), ("octal", '"\\377\\303\\251"'),
                  ("u-e9", '"\\u00e9"'), ("U-emoji", '"\\U0001F600"'), ("utf8-bytes", '"\\xc3\\xa9"'),
                  ("raw", '`\\xff\\u00e9`'), ("raw-newline", '`a\nb`'), ("u-fffd", '"\\ufffd"'), ("nul", '"a\\x00b"')]:
    C("literals", "literal", name, "{{ %s | b64enc }} {{ len %s }}" % (lit, lit))
C("literals", "literal", "eq-forms", '{{ eq "\\u00e9" "\\xc3\\xa9" }} {{ eq "\\xff" "\\ufffd" }} {{ eq "\\303\\251" "é" }}')
C("literals", "literal", "char-constants", "{{ 'é' }} {{ '\\xff' }} {{ '\\u00e9' }} {{ typeOf 'é' }} {{ printf \"%c%c\" 'é' 0x1F600 }}")
C("literals", "literal", "bad-surrogate", '{{ "\\ud800" }}')
C("literals", "literal", "bad-escape", '{{ "\\x" }}')
C("literals", "literal", "bad-big-rune", '{{ "\\U00110000" }}')
C("literals", "literal", "char-invalid", "{{ '\\xff\\xfe' }}")

RAW_TEMPLATES = [
    ("text", b"caf\xe9 {{ 1 }}\n"),
    ("in-string", b'{{ "caf\xe9" | b64enc }} {{ len "caf\xe9" }}'),
    ("in-raw-string", b"{{ `\xff\xfe` | b64enc }}"),
    ("in-comment", b"{{/* \xff\xfe */}}ok"),
    ("in-action", b"{{ \xff }}"),
    ("in-char", b"{{ '\xe9' }}"),
    ("in-define", b'{{ define "n\xff" }}x\xfe{{ end }}{{ include "n\xff" . | b64enc }}'),
    ("in-variable", b"{{ $\xe9 := 1 }}{{ $\xe9 }}"),
    ("bom", b'\xef\xbb\xbf{{ "x" }}'),
    ("bom-in-action", b'{{\xef\xbb\xbf "x" }}'),
    ("crlf-trim", b"a\r\n{{- 1 -}}\r\nb\r\n"),
    ("crlf-text", b'{{ "x" }}\r\ny\r\n'),
    ("cr-trim", b"a\r{{- 1 -}}\rb"),
    ("nfd-text", "cafe\u0301 {{ len \"e\u0301\" }}".encode("utf-8")),
    ("nul", b"a\x00{{ 1 }}"),
    ("latin1-fail", b'{{ fail "caf\xe9" }}'),
    ("utf16", b"\xff\xfe{\x00{\x00 \x001\x00 \x00}\x00}\x00"),
]
for name, raw in RAW_TEMPLATES:
    C("literals", "template-file", name, "", raw=raw)

C("literals", "regexSplit", "raw-byte-pattern", '{{ regexSplit "[\\x80-\\xff]" "a\\xffb" -1 | join "|" | b64enc }}')
C("literals", "regexFind", "escaped-byte-pattern", '{{ regexFind "\\\\xff" "a\\xffb\\u00ffc" | b64enc }} {{ regexFind "\\\\x{FFFD}" "a\\xffb" | b64enc }}')
C("literals", "fail", "invalid", '{{ fail "x\\xffy" }}')
C("literals", "required", "invalid", '{{ required "caf\\xe9" nil }}')
C("literals", "printf", "q-invalid", '{{ printf "%q|%+q|%x" "\\xff\\u00e9" "\\xff\\u00e9" "\\xff\\u00e9" }}')
C("literals", "values-file", "latin1", "{{ .Values.k | b64enc }}", extra={"values.yaml": b"k: caf\xe9\n"})
C("literals", "values-file", "bom", "{{ .Values.k }}", extra={"values.yaml": b"\xef\xbb\xbfk: v\n"})
C("literals", "values-file", "binary-tag", "{{ .Values.k | b64enc }} {{ kindOf .Values.k }}", extra={"values.yaml": b"k: !!binary /+4=\n"})
C("literals", "values-file", "escapes", "{{ .Values.k | b64enc }} {{ .Values.u | b64enc }}",
  extra={"values.yaml": b'k: "\\xff"\nu: "\\ud800"\n'})
C("literals", "values-file", "nfd-keys", "{{ .Values | toJson | b64enc }}",
  extra={"values.yaml": "\u00e9: nfc\ne\u0301: nfd\n".encode("utf-8")})


# ---------------------------------------------------------------------------------------------
# keys: canonically equivalent keys stay distinct (NFC U+00E9 vs NFD e U+0301)
# ---------------------------------------------------------------------------------------------

NFC, NFD = "\u00e9", "e\u0301"
BOTH = '"%s": nfc\n"%s": nfd\n' % (NFC, NFD)

KEY_CASES = [
    ("toJson", "{{ toJson .Values | b64enc }}"),
    ("toYaml", "{{ toYaml .Values | b64enc }}"),
    ("len", "{{ len .Values }}"),
    ("keys", '{{ keys .Values | sortAlpha | join "," | b64enc }}'),
    ("range", "{{ range $k, $v := .Values }}{{ $k | b64enc }}={{ $v }};{{ end }}"),
    ("hasKey", '{{ hasKey .Values %s }} {{ hasKey .Values %s }} {{ hasKey .Values "e" }}' % (q(NFC), q(NFD))),
    ("index", "{{ index .Values %s }} {{ index .Values %s }}" % (q(NFC), q(NFD))),
    ("get", "{{ get .Values %s }} {{ get .Values %s }}" % (q(NFC), q(NFD))),
    ("pluck", "{{ pluck %s .Values | toJson }}" % q(NFD)),
    ("omit", "{{ omit .Values %s | toJson | b64enc }}" % q(NFC)),
    ("pick", "{{ pick .Values %s | toJson | b64enc }}" % q(NFD)),
    ("dig", '{{ dig %s "none" .Values }}' % q(NFC)),
    ("dig", '{{ $m := merge (dict) .Values }}{{ dig %s "none" $m }} {{ dig %s "none" $m }}' % (q(NFC), q(NFD)), "map"),
    ("values", "{{ values .Values | sortAlpha | toJson }}"),
    ("field", "{{ .Values.%s }}" % NFC),
    ("field", "{{ .Values.%s }}" % NFD, "nfd"),
    ("unset", "{{ $_ := unset .Values %s }}{{ toJson .Values | b64enc }}" % q(NFC)),
]
for row in KEY_CASES:
    function, body = row[0], row[1]
    C("keys", function, "values" + ("-" + row[2] if len(row) > 2 else ""), body, values=BOTH)

DICT = '(dict %s "nfc" %s "nfd")' % (q(NFC), q(NFD))
for function, body in [
    ("dict", "{{ %s | toJson | b64enc }} {{ len %s }}" % (DICT, DICT)),
    ("set", '{{ $d := dict }}{{ $_ := set $d %s 1 }}{{ $_ := set $d %s 2 }}{{ toJson $d | b64enc }} {{ len $d }}' % (q(NFC), q(NFD))),
    ("keys", '{{ keys %s | sortAlpha | join "," | b64enc }}' % DICT),
    ("merge", "{{ merge (dict %s 1) (dict %s 2) | toJson | b64enc }}" % (q(NFC), q(NFD))),
    ("mergeOverwrite", "{{ mergeOverwrite (dict %s 1) (dict %s 2) | toJson | b64enc }}" % (q(NFC), q(NFD))),
    ("toYaml", "{{ %s | toYaml | b64enc }}" % DICT),
]:
    C("keys", function, "dict", body)

C("keys", "coalesce", "chart-and-user", "{{ toJson .Values | b64enc }}", values='"%s": user\n' % NFD,
  extra={"values.yaml": ('"%s": chart\n' % NFC).encode("utf-8")})
C("keys", "coalesce", "same-form", "{{ toJson .Values | b64enc }}", values='"%s": user\n' % NFC,
  extra={"values.yaml": ('"%s": chart\n' % NFC).encode("utf-8")})

LIST = "(list %s %s \"e\" \"f\" %s)" % (q(NFD), q(NFC), q("\u00ea"))
for function, body in [
    ("eq", "{{ eq %s %s }} {{ ne %s %s }} {{ lt %s %s }} {{ gt %s %s }}" % (q(NFC), q(NFD), q(NFC), q(NFD), q(NFD), q(NFC), q(NFD), q(NFC))),
    ("uniq", "{{ list %s %s %s | uniq | len }}" % (q(NFC), q(NFD), q(NFC))),
    ("has", "{{ has %s (list %s) }} {{ has %s (list %s) }}" % (q(NFC), q(NFD), q(NFD), q(NFD))),
    ("sortAlpha", '{{ %s | sortAlpha | join "," | b64enc }}' % LIST),
    ("without", "{{ without (list %s %s) %s | len }}" % (q(NFC), q(NFD), q(NFC))),
    ("len", "{{ len %s }} {{ len %s }} {{ len %s }}" % (q(NFC), q(NFD), q("\u1e69"))),
    ("contains", "{{ contains %s %s }} {{ contains \"e\" %s }} {{ hasPrefix \"e\" %s }}" % (q(NFC), q("caf" + NFD), q(NFD), q(NFD))),
    ("replace", '{{ replace "e" "E" %s | b64enc }} {{ replace %s "X" %s | b64enc }}' % (q("caf" + NFD), q(NFC), q("caf" + NFD))),
    ("upper", "{{ upper %s | b64enc }} {{ upper %s | b64enc }}" % (q(NFD), q(NFC))),
    ("trunc", "{{ trunc 1 %s | b64enc }} {{ trunc 1 %s | b64enc }}" % (q(NFD), q(NFC))),
    ("index", "{{ index %s 0 }} {{ index %s 0 }}" % (q(NFC), q(NFD))),
    ("substr", "{{ substr 0 1 %s | b64enc }} {{ substr 1 3 %s | b64enc }}" % (q(NFC), q(NFD))),
]:
    C("keys", function, "forms", body)


# ---------------------------------------------------------------------------------------------
# graphemes: emoji, ZWJ sequences, flags, combining marks, CRLF through the text functions
# ---------------------------------------------------------------------------------------------

TEXTS = ["👍🏽 ok", "👨‍👩‍👧 family", "🇫🇷🇩🇪", "cafe\u0301 e\u0301te\u0301", "a\r\nb\r\n", "ǅungla ß ﬁx",
         "x\u200dy", "İstanbul", "ἀρχή Σίσυφος"]
TLIST = "(list %s)" % " ".join(q(t) for t in TEXTS)


def each(expr):
    """The template applying expr ($s is each text) to every text, one result per text."""
    return "{{ range $s := %s }}{{ %s }};{{ end }}" % (TLIST, expr)



GRAPHEME_CASES = [
    ("len", "len $s"),
    ("trunc", "trunc 1 $s | b64enc }},{{ trunc 3 $s | b64enc }},{{ trunc -2 $s | b64enc"),
    ("substr", "substr 0 1 $s | b64enc }},{{ substr 1 5 $s | b64enc"),
    ("upper", "upper $s | b64enc"),
    ("lower", "lower $s | b64enc"),
    ("title", "title $s | b64enc"),
    ("swapcase", "swapcase $s | b64enc"),
    ("wrap", "wrap 2 $s | b64enc"),
    ("abbrev", "abbrev 4 $s | b64enc"),
    ("initials", "initials $s | b64enc"),
    ("printf", 'printf "%5.2s|%-6s|%3s|" $s $s $s | b64enc'),
    ("printf", 'printf "%q" $s | b64enc', "q"),
    ("printf", 'printf "%+q %x" $s $s', "plus-q"),
    ("printf", 'printf "%.1q %c" $s 0x1F44D | b64enc', "precision-q"),
    ("quote", "quote $s | b64enc }},{{ squote $s | b64enc"),
    ("toJson", "toJson $s | b64enc"),
    ("toYaml", "toYaml $s | b64enc"),
    ("regexFind", 'regexFind "." $s | b64enc }},{{ regexFindAll "." $s -1 | len'),
    ("regexReplaceAll", 'regexReplaceAll "\\\\pM" $s "_" | b64enc }},{{ regexReplaceAll "\\\\s" $s "_" | b64enc'),
    ("splitList", 'splitList "" $s | len }},{{ splitList "" $s | last | b64enc'),
    ("nospace", "nospace $s | b64enc"),
    ("trim", 'trim $s | b64enc }},{{ trimSuffix "\\n" $s | b64enc'),
    ("index", "index $s 0 }},{{ index $s 1"),
    ("snakecase", "snakecase $s | b64enc }},{{ camelcase $s | b64enc }},{{ kebabcase $s | b64enc"),
    ("indent", "indent 1 $s | b64enc"),
    ("sha256sum", "sha256sum $s | trunc 12"),
    ("html", "html $s | b64enc }},{{ js $s | b64enc }},{{ urlquery $s"),
    ("cat", "cat $s $s | b64enc"),
    ("sortAlpha", 'sortAlpha (list $s "a" "z") | join "," | b64enc'),
]
for row in GRAPHEME_CASES:
    function, expr = row[0], row[1]
    C("graphemes", function, "texts" + ("-" + row[2] if len(row) > 2 else ""), each(expr))
C("graphemes", "reverse", "plain", '{{ reverse "abc" }}')
C("graphemes", "eq", "crlf", '{{ eq "\\r\\n" "\\n" }} {{ len "\\r\\n" }} {{ splitList "\\n" "a\\r\\nb" | join "|" | b64enc }} '
                             '{{ split "\\r" "a\\r\\nb" | toJson | b64enc }}')
C("graphemes", "sortAlpha", "mixed", '{{ list "👍" "👍🏽" "e" "é" "e\\u0301" "z" "\\r\\n" "\\n" | sortAlpha | join "|" | b64enc }}')
C("graphemes", "toJson", "escapes", '{{ list "<&>" "\\u2028\\u2029" "\\x7f" "\\u0000" "\\ufeff" "👍" | toJson | b64enc }} '
                                    '{{ list "<&>" "\\u2028" | toRawJson | b64enc }}')
C("graphemes", "toYaml", "escapes", '{{ range list "\\u0085" "\\ufeff" "\\x7f" "a\\r\\nb" "\\u00a0" "👍" "\\t" "\\u2028" "\\x00" }}'
                                    '{{ toYaml . | b64enc }};{{ end }}')
C("graphemes", "toYaml", "escapes-list", '{{ list "\\u0085" "\\ufeff" "\\x7f" | toYaml | b64enc }}')


# ---------------------------------------------------------------------------------------------
# rendering: the exact bytes, errors with invalid bytes kept
# ---------------------------------------------------------------------------------------------

BODY = "templates/_oracle_body.tpl"
WRAPPER = '{{ include "c/%s" . | b64enc }}' % BODY


@contextmanager
def raw_error_strings():
    """helm_python decodes the library's C strings as strict UTF-8; for the span of this context
    they are decoded with surrogateescape, so an error message's invalid bytes survive (and are
    recovered with .encode("utf-8", "surrogateescape"))."""
    import ctypes
    _, native = oracle()
    strict = native.take_string

    def take(ptr):
        if not ptr:
            return None
        try:
            return ctypes.string_at(ptr).decode("utf-8", "surrogateescape")
        finally:
            native.lib.helm_free_string(ctypes.c_void_p(ptr))

    native.take_string = take
    try:
        yield
    finally:
        native.take_string = strict


def go_lossy(data):
    """data as Go's encoding/json writes a string: each byte of an invalid sequence is U+FFFD."""
    out, i = [], 0
    while i < len(data):
        for n in (1, 2, 3, 4):
            try:
                ch = data[i:i + n].decode("utf-8")
            except UnicodeDecodeError:
                continue
            out.append(ch)
            i += n
            break
        else:
            out.append("\ufffd")
            i += 1
    return "".join(out)


def text_or_base64(key, data):
    try:
        return {key: data.decode("utf-8")}
    except UnicodeDecodeError:
        return {key + "Base64": b64(data)}


def chart_files(case):
    files = {"templates/t.yaml": case["template"]}
    for path, data in case.get("files", {}).items():
        files[path] = base64.b64decode(data)
    return files


def render_files(files, values):
    h, _ = oracle()
    with throwaway_chart(files) as chart:
        try:
            return render(chart, values), None
        except h.HelmError as e:
            return None, str(e).encode("utf-8", "surrogateescape")


def render_exact(case):
    values = helm_values(case["values"])
    files = chart_files(case)
    out, err = render_files(files, values)
    if err is not None:
        assert not err.startswith(b"Error: "), err
        return text_or_base64("error", err)
    assert set(out) == {TARGET}, sorted(out)
    lossy = out[TARGET]
    files[BODY] = files.pop("templates/t.yaml")
    files["templates/t.yaml"] = WRAPPER
    wrapped, werr = render_files(files, values)
    assert werr is None, (case["name"], werr)
    exact = base64.b64decode(wrapped[TARGET]).replace(b"<no value>", b"")
    assert go_lossy(exact) == lossy, (case["name"], exact, lossy)
    return text_or_base64("output", exact)


def main():
    total, counts = 0, {}
    with raw_error_strings():
        for theme, cases in CASES.items():
            results = record(cases, render_exact)
            path = OUT / (theme + ".json")
            if write_json(path, results):
                print("wrote", path)
            total += len(results)
            counts[theme] = (len(results), sum("error" in r or "errorBase64" in r for r in results),
                             sum("outputBase64" in r or "errorBase64" in r for r in results))
    remove_stale(OUT, {t + ".json" for t in CASES}, "*.json")
    for theme, (n, errors, raw) in counts.items():
        print("%-10s %3d cases, %3d errors, %3d not UTF-8" % (theme, n, errors, raw))
    print("%d cases" % total)


if __name__ == "__main__":
    main()
