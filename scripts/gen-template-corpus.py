#!/usr/bin/env python3
"""Generate the Go text/template golden corpus (Tests/Fixtures/template-corpus) from real Helm.

    .oracle-venv/bin/python scripts/gen-template-corpus.py

Every case below is one chart `c` (apiVersion v2, version 0.1.0, empty values.yaml) whose
`templates/t.yaml` is the case's `template` and, when the case has `helpers`, whose
`templates/_helpers.tpl` is that text. The case's `values` (YAML text) are parsed with Helm's
values reader (`h.values_from_yaml`, keeping nulls; numbers are float64 as in real Helm) and
given to `chart.render(values)` as user values, like `helm template -f`. The result is what Helm
returned for `c/templates/t.yaml` (Helm has already deleted every `<no value>`), or the exact text
of the HelmError. A fresh chart directory is written for every run of every case.

The cases use only Go text/template itself and its builtin functions (and, or, not, len, index,
slice [Sprig's, which Helm's funcmap puts in its place], eq, ne, lt, le, gt, ge, print, printf,
println, html, js, urlquery, call), `.Values` and literals: no Sprig/Helm functions and no
.Release/.Chart/.Capabilities/.Files/.Template.

Every case is rendered REPEAT times and kept only if every run gives the same result (Go
randomises map iteration; none of these cases should depend on it). Output goes to
Tests/Fixtures/template-corpus/<group>.json, written only when the bytes change, so a second run
leaves the tree untouched. Nothing in those files is written by hand.
"""
from oracle_fixture import FIXTURES, helm_values, remove_stale, render_case, stable, write_json

CORPUS = FIXTURES / "template-corpus"
REPEAT = 3


def C(name, template, values=None, helpers=None):
    return {"name": name, "template": template, "values": values, "helpers": helpers}


# Values reused by many cases (YAML text, read by Helm's values reader: numbers are float64).

V_LIST = "l: [a, b, c]\n"
V_NUMS = "l: [1, 2, 3]\none: 1\n"
V_MAP = "m:\n  b: 2\n  a: 1\n  c: 3\n"


# --------------------------------------------------------------------------------------
# text: plain text, trim markers, comments
# --------------------------------------------------------------------------------------

def text_cases():
    out = [
        C("empty-file", ""),
        C("plain", "hello world\n"),
        C("plain-multiline", "a: 1\nb:\n  - x\n  - y\n"),
        C("plain-no-trailing-newline", "key: value"),
        C("plain-crlf", "a: 1\r\nb: 2\r\n"),
        C("plain-unicode", "caf\u00e9 \u65e5\u672c \U0001F600\n"),
        C("plain-close-delims", "a }} b } c\n"),
        C("plain-single-brace", "{ a } {x}\n"),
        C("plain-no-value-removed", "a<no value>b\n"),
        C("literal-no-value-removed", "[{{ \"<no value>\" }}]"),
        C("literal-open-delim", "{{ \"{{\" }} and {{ `}}` }}"),
        C("action-simple", "x={{ 1 }}\n"),
        C("action-newlines-inside", "{{ print\n 1\n 2 }}"),
        C("action-tabs-inside", "{{\tprint\t1\t}}"),
        C("action-no-spaces", "{{print 1}}"),
        C("triple-brace-error", "{{{ 1 }}}"),
        C("brace-after-action", "{{ 1 }}}"),
        # trim markers
        C("trim-left-spaces", "a   {{- 1 }}"),
        C("trim-left-newlines", "a\n\n\n{{- 1 }}"),
        C("trim-left-tabs", "a\t\t{{- 1 }}"),
        C("trim-left-crlf", "a\r\n\r\n{{- 1 }}"),
        C("trim-left-mixed", "a \t\r\n \n\t{{- 1 }}"),
        C("trim-right-spaces", "{{ 1 -}}   b"),
        C("trim-right-newlines", "{{ 1 -}}\n\n\nb"),
        C("trim-right-tabs", "{{ 1 -}}\t\tb"),
        C("trim-right-crlf", "{{ 1 -}}\r\n\r\nb"),
        C("trim-right-mixed", "{{ 1 -}} \t\r\n \n\tb"),
        C("trim-both", "a \n {{- 1 -}} \n b"),
        C("trim-keeps-nbsp", "a\u00a0{{- 1 -}}\u00a0b"),
        C("trim-keeps-vt-ff", "a\x0b\x0c{{- 1 -}}\x0c\x0bb"),
        C("trim-keeps-ideographic-space", "a\u3000{{- 1 }}"),
        C("trim-only-adjacent-text", "a \n{{ 1 }} \n {{- 2 }}\n"),
        C("trim-whole-text-between", "{{ 1 -}}   \n  {{- 2 }}"),
        C("trim-chain", "x\n{{- 1 -}}\n{{- 2 -}}\n{{- 3 -}}\ny"),
        C("trim-at-start-of-file", "{{- 1 }}\n"),
        C("trim-at-end-of-file", "{{ 1 -}}\n\n"),
        C("trim-marker-tab-after-dash", "a {{-\t1\t-}} b"),
        C("trim-marker-newline-after-dash", "a {{-\n1\n-}} b"),
        C("trim-marker-cr-after-dash", "a {{-\r1\r-}} b"),
        C("dash-without-space-is-number", "a {{-3}} b"),
        C("dash-without-space-right-error", "a {{ 3-}} b"),
        C("trim-yaml-if-block", "a: 1\n{{- if true }}\nb: 2\n{{- end }}\nc: 3\n"),
        C("trim-yaml-range-block", "items:\n{{- range .Values.l }}\n  - {{ . }}\n{{- end }}\n", V_LIST),
        C("no-trim-yaml-if-block", "a: 1\n{{ if true }}\nb: 2\n{{ end }}\nc: 3\n"),
        C("trim-empty-action-text", "a\n{{- \"\" -}}\nb"),
        # comments
        C("comment-basic", "a{{/* c */}}b"),
        C("comment-no-spaces", "a{{/*c*/}}b"),
        C("comment-empty", "a{{/**/}}b"),
        C("comment-trim-both", "a \n {{- /* c */ -}} \n b"),
        C("comment-trim-left", "a \n {{- /* c */}} \n b"),
        C("comment-trim-right", "a \n {{/* c */ -}} \n b"),
        C("comment-multiline", "a{{/* line1\nline2\n*/}}b"),
        C("comment-contains-delims", "a{{/* {{ .Values.x }} }} */}}b"),
        C("comment-contains-star", "a{{/* * / ** */}}b"),
        C("comment-then-line-count-error", "{{/*\n\n*/}}{{ .Values.missing.x }}"),
        C("comment-space-inside-delims-error", "{{ /* c */ }}"),
        C("comment-space-before-close-error", "{{/* c */ }}"),
        C("comment-dash-no-space-error", "{{-/* c */-}}"),
        C("comment-unclosed-error", "a{{/* c"),
        C("comment-unclosed-across-lines-error", "a\nb{{/* c\nd\n"),
        # actions that print nothing
        C("nothing-empty-string", "[{{ \"\" }}]"),
        C("nothing-missing-value", "[{{ .Values.missing }}]"),
        C("nothing-declaration", "[{{ $x := 1 }}]"),
        C("nothing-false-if", "[{{ if false }}x{{ end }}]"),
        C("nothing-define", "[{{ define \"d\" }}x{{ end }}]"),
        C("nothing-empty-range", "[{{ range .Values.el }}x{{ end }}]", "el: []\n"),
        C("nothing-assignment", "[{{ $x := 1 }}{{ $x = 2 }}]"),
        C("nothing-print-no-args", "[{{ print }}]"),
    ]
    return out


# --------------------------------------------------------------------------------------
# literals
# --------------------------------------------------------------------------------------

def literal_cases():
    lits = [
        # ints
        ("int-zero", "0"), ("int-decimal", "42"), ("int-negative", "-42"), ("int-plus", "+7"),
        ("int-hex", "0x1F"), ("int-hex-upper", "0X1f"), ("int-hex-neg", "-0x10"),
        ("int-hex-underscore", "0x_1F"), ("int-hex-e-digit", "0x1E6"),
        ("int-octal-o", "0o17"), ("int-octal-O", "0O17"), ("int-octal-leading-zero", "017"),
        ("int-octal-neg", "-017"), ("int-binary", "0b101"), ("int-binary-upper", "0B11"),
        ("int-underscores", "1_000"), ("int-underscores-many", "1_000_000"),
        ("int-max", "9223372036854775807"), ("int-min", "-9223372036854775808"),
        # floats
        ("float-simple", "1.5"), ("float-neg", "-1.5"), ("float-exp", "1e6"), ("float-exp-upper", "1E6"),
        ("float-exp-small", "1e3"), ("float-exp-plus", "1e+6"), ("float-exp-neg", "1e-5"),
        ("float-leading-dot", ".5"), ("float-neg-leading-dot", "-.5"), ("float-trailing-dot", "1."),
        ("float-one-point-zero", "1.0"), ("float-trailing-zeros", "2.50"), ("float-hex", "0x1p-2"),
        ("float-hex-frac", "0x1.8p1"), ("float-hex-upper-p", "0x1P4"), ("float-big", "1e21"),
        ("float-1e20", "1e20"), ("float-small", "0.0001"), ("float-smaller", "0.00001"),
        ("float-1200000", "1200000.0"), ("float-123456789", "123456789.0"),
        ("float-underscore", "1_000.5"), ("float-neg-zero", "-0.0"), ("float-max", "1.7976931348623157e308"),
        # imaginary / complex
        ("imag-int", "1i"), ("imag-float", "2.5i"), ("imag-zero", "0i"), ("imag-neg", "-1i"),
        ("imag-exp", "1e3i"), ("complex-sum", "1+2i"), ("complex-diff", "1.5-2i"),
        # chars
        ("char-a", "'a'"), ("char-newline", r"'\n'"), ("char-tab", r"'\t'"), ("char-hex", r"'\x41'"),
        ("char-u", r"'\u00e9'"), ("char-U", r"'\U0001F600'"), ("char-utf8", "'\u00e9'"),
        ("char-quote", r"'\''"), ("char-backslash", r"'\\'"), ("char-octal", r"'\101'"),
        ("char-double-quote", "'\"'"), ("char-space", "' '"),
        # strings
        ("string-plain", '"hello"'), ("string-empty", '""'), ("string-escapes", r'"a\tb\nc\\d\"e"'),
        ("string-bell-etc", r'"[\a\b\f\v\r]"'), ("string-hex", r'"\x41\x42"'), ("string-octal", r'"\101\102"'),
        ("string-u", r'"\u00e9"'), ("string-U", r'"\U0001F600"'), ("string-utf8", '"caf\u00e9"'),
        ("string-single-quote", "\"it's\""), ("string-braces", '"{{ 1 }}"'),
        # raw strings
        ("raw-plain", "`hello`"), ("raw-backslashes", r"`a\nb\t\\`"), ("raw-quotes", "`say \"hi\" 'x'`"),
        ("raw-newline", "`line1\nline2`"), ("raw-crlf-dropped", "`a\r\nb\rc`"), ("raw-empty", "``"),
        # booleans / nil
        ("bool-true", "true"), ("bool-false", "false"),
    ]
    out = [C(n, "{{ %s }}" % t) for n, t in lits]
    types = [("int", "1"), ("hex", "0x10"), ("char", "'a'"), ("float", "1.0"), ("float-exp", "1e3"),
             ("float-hex", "0x1p2"), ("imag", "1i"), ("complex", "1+2i"), ("string", '"s"'),
             ("raw", "`s`"), ("bool", "true"), ("nil", "nil")]
    out += [C("type-" + n, '{{ printf "%%T" %s }}' % t) for n, t in types]
    out += [
        C("printf-char-c", "{{ printf \"%c%c\" 'a' '\\u00e9' }}"),
        C("printf-q-string", r'{{ printf "%q" "a\tb\"\u00e9" }}'),
        C("print-nil", "{{ print nil }}"),
        C("printf-v-nil", '{{ printf "%v" nil }}'),
        C("nil-command-error", "{{ nil }}"),
        C("overflow-parse-error", "{{ 100000000000000000000 }}"),
        C("overflow-int-exec-error", "{{ 9223372036854775808 }}"),
        C("overflow-uint-max-error", "{{ 18446744073709551615 }}"),
        C("neg-overflow-error", "{{ -9223372036854775809 }}"),
        C("bad-number-1x-error", "{{ 1x }}"),
        C("bad-number-0x-error", "{{ 0x }}"),
        C("bad-number-08-error", "{{ 08 }}"),
        C("bad-number-double-underscore-error", "{{ 1__0 }}"),
        C("bad-number-trailing-underscore-error", "{{ 1_ }}"),
        C("bad-number-two-dots-error", "{{ 1.5.5 }}"),
        C("bad-number-complex-no-i-error", "{{ 1+2 }}"),
        C("bad-char-empty-error", "{{ '' }}"),
        C("bad-char-two-error", "{{ 'ab' }}"),
        C("bad-char-unterminated-error", "{{ 'a }}"),
        C("bad-string-escape-error", r'{{ "\q" }}'),
        C("bad-string-escaped-single-quote-error", r'{{ "\'" }}'),
        C("bad-string-short-hex-error", r'{{ "\x4" }}'),
        C("bad-string-unterminated-error", '{{ "abc }}'),
        C("bad-string-newline-error", '{{ "a\nb" }}'),
        C("bad-raw-unterminated-error", "{{ `abc }}"),
        C("ident-true-call-error", "{{ true 1 }}"),
        C("literal-with-args-error", "{{ 1 2 }}"),
        C("string-with-args-error", '{{ "a" "b" }}'),
    ]
    return out


# --------------------------------------------------------------------------------------
# values
# --------------------------------------------------------------------------------------

V_ALL = """\
str: hello
multi: |
  line1
  line2
int: 3
hundredk: 100000
big: 1000000
bigger: 123456789
huge: 12345678901234567890
float: 1.5
trailing: 2.50
one: 1.0
neg: -2
zero: 0
negzero: -0.0
small: 0.0001
smaller: 0.00001
e21: 1e21
octal: 0755
hex: 0x1F
t: true
f: false
yes: yes
yn: [y, n, Yes, off]
nul: null
tilde: ~
date: 2021-01-01
numstr: "1e6"
quoted: "3"
uni: "caf\u00e9 \u65e5\u672c"
novalue: "a<no value>b"
tmpl: "{{ .Values.str }}"
m: {b: 2, a: 1, c: {d: [1, 2]}}
mnull: {a: null, b: [null]}
keys: {B: 1, a: 2, _x: 3, "10": 4, "9": 5, "\u00e9": 6}
l: [1, two, 3.5, null, true]
words: [a b, c]
lm: [{a: 1}, {b: [x, w]}]
e: {}
el: []
nested: {a: {b: {c: deep}}}
"""

V_ODD = """\
odd-key: dash
a.b: dotted
with space: spaced
"1": one
"": emptykey
on: yaml11-bool-key
x_y: under
\u00e9: accent
key: lower
Key: upper
"""


def values_cases():
    exprs = [
        ("string", ".Values.str"), ("multiline-string", ".Values.multi"), ("int", ".Values.int"),
        ("hundred-thousand", ".Values.hundredk"), ("million", ".Values.big"),
        ("123456789", ".Values.bigger"), ("huge-int", ".Values.huge"), ("float", ".Values.float"),
        ("float-trailing-zero", ".Values.trailing"), ("float-one-point-zero", ".Values.one"),
        ("negative", ".Values.neg"), ("zero", ".Values.zero"), ("negative-zero", ".Values.negzero"),
        ("small", ".Values.small"), ("smaller", ".Values.smaller"), ("1e21", ".Values.e21"),
        ("octal", ".Values.octal"), ("hex", ".Values.hex"), ("true", ".Values.t"), ("false", ".Values.f"),
        ("yaml11-yes-key-missing", ".Values.yes"), ("yaml11-yes-key-is-true", 'index .Values "true"'),
        ("yaml11-bool-words-in-list", ".Values.yn"), ("null", ".Values.nul"), ("tilde", ".Values.tilde"),
        ("date", ".Values.date"), ("numeric-string", ".Values.numstr"), ("quoted-number", ".Values.quoted"),
        ("unicode", ".Values.uni"), ("string-with-no-value", ".Values.novalue"),
        ("string-with-braces-not-evaluated", ".Values.tmpl"), ("map", ".Values.m"),
        ("map-with-nulls", ".Values.mnull"), ("map-keys-bytewise", ".Values.keys"), ("list", ".Values.l"),
        ("list-with-spaces", ".Values.words"), ("list-of-maps", ".Values.lm"), ("empty-map", ".Values.e"),
        ("empty-list", ".Values.el"), ("nested-field", ".Values.nested.a.b.c"), ("nested-map", ".Values.nested"),
        ("map-field", ".Values.m.c"), ("map-field-list", ".Values.m.c.d"),
        ("missing", ".Values.missing"), ("missing-in-map", ".Values.m.missing"),
        ("missing-in-nested", ".Values.nested.a.missing"),
    ]
    out = [C(n, "[{{ %s }}]" % e, V_ALL) for n, e in exprs]
    out += [
        C("types", '{{ printf "%T %T %T %T %T %T %T" .Values.int .Values.str .Values.t .Values.nul .Values.m .Values.l .Values.date }}', V_ALL),
        C("all-values-empty", "{{ .Values }}"),
        C("all-values-small", "{{ .Values }}", "b: [1, x]\na: {c: null}\n"),
        C("printf-v-map", '{{ printf "%v" .Values.m }}', V_ALL),
        C("printf-plus-v-map", '{{ printf "%+v" .Values.m }}', V_ALL),
        C("printf-sharp-v-list", '{{ printf "%#v" .Values.l }}', V_ALL),
        C("printf-d-float", '{{ printf "%d" .Values.int }}', V_ALL),
        C("printf-s-list", '{{ printf "%s" .Values.l }}', V_ALL),
        C("missing-then-field-error", "{{ .Values.missing.x }}", V_ALL),
        C("missing-deep-field-error", "{{ .Values.m.missing.deeper }}", V_ALL),
        C("null-then-field-error", "{{ .Values.nul.x }}", V_ALL),
        C("string-then-field-error", "{{ .Values.str.x }}", V_ALL),
        C("int-then-field-error", "{{ .Values.int.x }}", V_ALL),
        C("bool-then-field-error", "{{ .Values.t.x }}", V_ALL),
        C("list-then-field-error", "{{ .Values.l.x }}", V_ALL),
        C("list-then-numeric-field-error", "{{ .Values.l.0 }}", V_ALL),
        C("field-on-empty-map", "[{{ .Values.e.x }}]", V_ALL),
        C("field-on-empty-values", "[{{ .Values.x }}]"),
        C("missing-values-field-on-field-error", "{{ .Values.a.b }}"),
        C("index-odd-dash", '{{ index .Values "odd-key" }}', V_ODD),
        C("index-odd-dot", '{{ index .Values "a.b" }}', V_ODD),
        C("index-odd-space", '{{ index .Values "with space" }}', V_ODD),
        C("index-odd-numeric", '{{ index .Values "1" }}', V_ODD),
        C("index-odd-empty", '{{ index .Values "" }}', V_ODD),
        C("index-yaml11-bool-key", '{{ index .Values "true" }}', V_ODD),
        C("index-yaml11-on-key-gone", '[{{ index .Values "on" }}]', V_ODD),
        C("field-underscore-key", "{{ .Values.x_y }}", V_ODD),
        C("field-unicode-key", "{{ .Values.\u00e9 }}", V_ODD),
        C("field-case-sensitive", "{{ .Values.key }} {{ .Values.Key }}", V_ODD),
        C("field-dash-key-error", "{{ .Values.odd-key }}", V_ODD),
        C("field-numeric-key-error", "{{ .Values.1 }}", V_ODD),
        C("field-true-key", "{{ .Values.true }}", V_ODD),
        C("index-then-field", '{{ (index .Values "a.b") }} {{ (index .Values.lm 1).b }}', V_ODD + "lm: [{a: 1}, {b: [x, w]}]\n"),
        C("index-chain-on-map", '{{ index .Values "nested" "a" "b" "c" }}', V_ALL),
        C("odd-keys-print", "{{ .Values }}", V_ODD),
        C("parenthesized-values-field", "{{ (.Values).str }}", V_ALL),
        C("dollar-values", "{{ $.Values.str }}", V_ALL),
        C("field-of-parenthesized-missing", "{{ (.Values.missing).x }}", V_ALL),
    ]
    return out


# --------------------------------------------------------------------------------------
# variables
# --------------------------------------------------------------------------------------

def variable_cases():
    return [
        C("declare-print", "{{ $x := 1 }}{{ $x }}"),
        C("declare-assign", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}"),
        C("redeclare-same-scope", "{{ $x := 1 }}{{ $x := \"two\" }}{{ $x }}"),
        C("assign-changes-type", "{{ $x := 1 }}{{ $x = .Values.l }}{{ $x }}", V_LIST),
        C("range-assign-outer", "{{ $x := 0 }}{{ range .Values.l }}{{ $x = . }}{{ end }}{{ $x }}", V_LIST),
        C("range-shadow-outer", "{{ $x := 0 }}{{ range .Values.l }}{{ $x := . }}{{ $x }}{{ end }}|{{ $x }}", V_LIST),
        C("if-assign-outer", "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}"),
        C("if-shadow-outer", "{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}"),
        C("else-assign-outer", "{{ $x := 1 }}{{ if false }}{{ else }}{{ $x = 3 }}{{ end }}{{ $x }}"),
        C("with-assign-outer", "{{ $x := 1 }}{{ with 5 }}{{ $x = . }}{{ end }}{{ $x }}"),
        C("with-shadow-outer", "{{ $x := 1 }}{{ with $x := 5 }}{{ $x }}{{ end }}{{ $x }}"),
        C("nested-assign-two-levels", "{{ $x := 0 }}{{ range .Values.l }}{{ if eq . \"b\" }}{{ $x = . }}{{ end }}{{ end }}{{ $x }}", V_LIST),
        C("range-counter", "{{ $n := \"\" }}{{ range .Values.l }}{{ $n = print $n . }}{{ end }}{{ $n }}", V_LIST),
        C("if-decl-visible-in-else", "{{ if $x := 0 }}yes{{ else }}no {{ $x }}{{ end }}"),
        C("with-decl-visible-in-else", "{{ with $x := \"\" }}yes{{ else }}no[{{ $x }}]{{ end }}"),
        C("if-decl-not-visible-after-end-error", "{{ if $x := 1 }}{{ end }}{{ $x }}"),
        C("range-decl-not-visible-after-end-error", "{{ range $i, $e := .Values.l }}{{ end }}{{ $i }}", V_LIST),
        C("inner-decl-not-visible-after-end-error", "{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}"),
        C("undefined-variable-error", "{{ $x }}"),
        C("assign-undefined-error", "{{ $x = 1 }}"),
        C("undefined-in-pipeline-arg-error", "{{ print 1 $nope }}"),
        C("dollar-top-values", "{{ $.Values.a }}", "a: top\n"),
        C("dollar-in-range", "{{ range .Values.l }}{{ . }}{{ $.Values.sep }}{{ end }}", V_LIST + "sep: ','\n"),
        C("dollar-in-with", "{{ with .Values.m }}{{ .a }}-{{ $.Values.s }}{{ end }}", "m: {a: 1}\ns: top\n"),
        C("dollar-in-nested-range", "{{ range .Values.outer }}{{ range .inner }}{{ . }}{{ $.Values.top }}{{ end }}{{ end }}",
          "outer: [{inner: [1, 2]}, {inner: [3]}]\ntop: T\n"),
        C("dollar-nested-range-deep", "{{ range $a := .Values.l }}{{ range $.Values.l }}{{ $a }}{{ . }}{{ $.Values.sep }}{{ end }}{{ end }}",
          "l: [p, q]\nsep: ;\n"),
        C("dollar-in-define", '{{ define "d" }}{{ $ }}|{{ $.a }}{{ end }}{{ template "d" .Values.m }}', "m: {a: 1}\n"),
        C("dollar-in-define-no-arg", '{{ define "d" }}[{{ $ }}]{{ end }}{{ template "d" }}'),
        C("dollar-assign", "{{ $ = 1 }}{{ $ }}"),
        C("dollar-field-of-values", "{{ with 1 }}{{ $.Values.x }}{{ end }}", "x: 9\n"),
        C("dollar-parenthesized", "{{ ($).Values.x }}", "x: 9\n"),
        C("variable-field", "{{ $m := .Values.m }}{{ $m.a }}", "m: {a: 1}\n"),
        C("variable-field-chain", "{{ $m := .Values }}{{ $m.m.a }}", "m: {a: 1}\n"),
        C("variable-field-missing", "[{{ $m := .Values }}{{ $m.nope }}]", "m: {a: 1}\n"),
        C("variable-field-on-int-error", "{{ $x := 1 }}{{ $x.y }}"),
        C("variable-field-on-nil", "{{ $x := .Values.missing }}{{ $x.y }}"),
        C("variable-index", "{{ $l := .Values.l }}{{ index $l 1 }}", V_LIST),
        C("variable-underscore", "{{ $_ := 1 }}{{ $_ }}"),
        C("variable-digit-name", "{{ $1 := 1 }}{{ $1 }}"),
        C("variable-unicode-name", "{{ $\u00e9t\u00e9 := 1 }}{{ $\u00e9t\u00e9 }}"),
        C("variable-pipeline", "{{ $x := \"a\" | printf \"%s!\" }}{{ $x }}"),
        C("two-vars-outside-range-error", "{{ $x, $y := 1 }}"),
        C("decl-missing-value-error", "{{ $x := }}"),
        C("decl-bad-operator-error", "{{ $x : = 1 }}"),
        C("decl-in-parens", "{{ ($x := 1) }}"),
        C("range-one-var-is-element", "{{ range $e := .Values.l }}{{ $e }}{{ end }}", V_LIST),
        C("range-two-vars-list", "{{ range $i, $e := .Values.l }}{{ $i }}={{ $e }};{{ end }}", V_LIST),
        C("range-two-vars-map", "{{ range $k, $v := .Values.m }}{{ $k }}={{ $v }};{{ end }}", V_MAP),
        C("range-var-after-break", "{{ $last := \"\" }}{{ range .Values.l }}{{ $last = . }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ end }}{{ $last }}", V_LIST),
        C("define-own-variables", '{{ define "a" }}{{ $y := . }}<{{ template "b" $y }}>{{ end }}{{ define "b" }}[{{ . }}]{{ end }}{{ $y := 9 }}{{ template "a" 1 }}{{ $y }}'),
        C("define-outer-variable-undefined-error", '{{ $x := 1 }}{{ define "a" }}{{ $x }}{{ end }}'),
        C("define-nested-dollar", '{{ define "o" }}{{ template "i" .a }}{{ end }}{{ define "i" }}{{ $.b }}{{ end }}{{ template "o" .Values }}', "a: {b: inner}\nb: outer\n"),
        C("variable-shadow-in-nested-with", "{{ $x := 1 }}{{ with 2 }}{{ $x := . }}{{ with 3 }}{{ $x = . }}{{ end }}{{ $x }}{{ end }}{{ $x }}"),
        C("variable-in-if-condition", "{{ $x := .Values.b }}{{ if $x }}yes{{ else }}no{{ end }}", "b: false\n"),
        C("variable-bare-dollar-name-error", "{{ $x := 1 }}{{ $y.z }}"),
    ]


# --------------------------------------------------------------------------------------
# control
# --------------------------------------------------------------------------------------

V_TRUTH = """\
zero: 0
fzero: 0.0
one: 1
neg: -1
empty: ""
szero: "0"
space: " "
sfalse: "false"
emap: {}
elist: []
map: {a: 1}
list: [0]
nul: null
f: false
t: true
"""


def control_cases():
    truth_lits = [("int-0", "0"), ("int-1", "1"), ("float-0", "0.0"), ("float-neg-zero", "-0.0"),
                  ("string-empty", '""'), ("string-0", '"0"'), ("string-space", '" "'),
                  ("string-false", '"false"'), ("bool-false", "false"), ("bool-true", "true"),
                  ("char-zero", "'\\x00'"), ("imag-zero", "0i")]
    out = [C("if-truth-lit-" + n, "{{ if %s }}T{{ else }}F{{ end }}" % e) for n, e in truth_lits]
    truth_vals = ["zero", "fzero", "one", "neg", "empty", "szero", "space", "sfalse", "emap", "elist",
                  "map", "list", "nul", "f", "t", "missing"]
    out += [C("if-truth-values-" + k, "{{ if .Values.%s }}T{{ else }}F{{ end }}" % k, V_TRUTH) for k in truth_vals]
    out += [
        C("if-nil-literal-error", "{{ if nil }}T{{ end }}"),
        C("if-else-if-chain", "{{ range .Values.l }}{{ if eq . 1.0 }}one{{ else if eq . 2.0 }}two{{ else }}many{{ end }};{{ end }}", "l: [1, 2, 3]\n"),
        C("if-else-if-no-else", "{{ if false }}a{{ else if false }}b{{ end }}|"),
        C("if-else-with-error", "{{ if false }}a{{ else with .Values.m }}{{ .a }}{{ end }}", "m: {a: inner}\n"),
        C("if-missing-value-error", "{{ if }}x{{ end }}"),
        C("if-two-else-error", "{{ if 1 }}{{ else }}{{ else }}{{ end }}"),
        C("if-else-after-else-if", "{{ if false }}a{{ else if false }}b{{ else }}c{{ end }}"),
        C("if-pipeline-condition", "{{ if .Values.s | len }}has{{ end }}", "s: abc\n"),
        C("with-value", "{{ with .Values.m }}{{ .a }}{{ end }}", "m: {a: 1}\n"),
        C("with-else", "{{ with .Values.missing }}x{{ else }}none{{ end }}"),
        C("with-else-dot-unchanged", "{{ with .Values.zero }}x{{ else }}{{ .Values.zero }}{{ end }}", "zero: 0\n"),
        C("with-else-with", "{{ with .Values.a }}a{{ else with .Values.b }}b={{ . }}{{ else }}none{{ end }}", "b: 2\n"),
        C("with-else-with-all-empty", "{{ with .Values.a }}a{{ else with .Values.b }}b{{ else }}none{{ end }}"),
        C("with-var", "{{ with $x := .Values.s }}{{ $x }}/{{ . }}{{ end }}", "s: v\n"),
        C("with-empty-string", "{{ with \"\" }}x{{ else }}empty{{ end }}"),
        C("with-missing-value-error", "{{ with }}x{{ end }}"),
        C("range-list", "{{ range .Values.l }}[{{ . }}]{{ end }}", V_LIST),
        C("range-list-of-maps", "{{ range .Values.l }}{{ .name }};{{ end }}", "l: [{name: a}, {name: b}]\n"),
        C("range-map-sorted-keys", "{{ range $k, $v := .Values.m }}{{ $k }}:{{ $v }} {{ end }}",
          'm: {B: 1, a: 2, _x: 3, "10": 4, "9": 5}\n'),
        C("range-map-values-only", "{{ range .Values.m }}{{ . }}{{ end }}", V_MAP),
        C("range-map-unicode-keys", "{{ range $k, $v := .Values.m }}{{ $k }}{{ end }}",
          "m: {\u00e9: 1, e: 2, z: 3, Z: 4, \u65e5: 5}\n"),
        C("range-int", "{{ range 3 }}{{ . }}{{ end }}"),
        C("range-int-var", "{{ range $i := 3 }}{{ $i }},{{ end }}"),
        C("range-int-zero-else", "{{ range 0 }}x{{ else }}none{{ end }}"),
        C("range-int-negative", "{{ range -1 }}x{{ else }}none{{ end }}"),
        C("range-int-two-vars-error", "{{ range $i, $e := 3 }}{{ end }}"),
        C("range-float-literal-error", "{{ range 2.5 }}x{{ end }}"),
        C("range-float-from-values-error", "{{ range .Values.num }}x{{ end }}", "num: 3\n"),
        C("range-nil-else", "{{ range .Values.missing }}x{{ else }}none{{ end }}"),
        C("range-null-else", "{{ range .Values.nul }}x{{ else }}none{{ end }}", "nul: null\n"),
        C("range-nil-literal-error", "{{ range nil }}x{{ end }}"),
        C("range-empty-list-else", "{{ range .Values.el }}x{{ else }}empty{{ end }}", "el: []\n"),
        C("range-empty-map-else", "{{ range .Values.em }}x{{ else }}empty{{ end }}", "em: {}\n"),
        C("range-else-dot", "{{ range .Values.el }}x{{ else }}{{ .Values.el }}{{ end }}", "el: []\n"),
        C("range-string-error", '{{ range "ab" }}{{ . }}{{ end }}'),
        C("range-string-values-error", "{{ range .Values.s }}{{ . }}{{ end }}", "s: ab\n"),
        C("range-bool-error", "{{ range true }}x{{ end }}"),
        C("range-missing-value-error", "{{ range }}x{{ end }}"),
        C("range-else-if-error", "{{ range .Values.el }}x{{ else if true }}y{{ end }}", "el: []\n"),
        C("break", "{{ range .Values.l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", V_LIST),
        C("continue", "{{ range .Values.l }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", V_LIST),
        C("break-in-nested-range", "{{ range .Values.l }}{{ range $.Values.l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }};{{ end }}", V_LIST),
        C("continue-in-with", "{{ range .Values.l }}{{ with . }}{{ if eq . \"a\" }}{{ continue }}{{ end }}{{ . }}{{ end }}{{ end }}", V_LIST),
        C("break-range-int", "{{ range 10 }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}"),
        C("break-outside-range-error", "{{ break }}"),
        C("continue-outside-range-error", "{{ continue }}"),
        C("break-in-if-outside-range-error", "{{ if true }}{{ break }}{{ end }}"),
        C("break-in-define-inside-range-error", '{{ range .Values.l }}{{ define "x" }}{{ break }}{{ end }}{{ end }}', V_LIST),
        C("break-with-arg-error", "{{ range .Values.l }}{{ break 1 }}{{ end }}", V_LIST),
        C("nested-ranges", "{{ range $a := .Values.xs }}{{ range $b := $.Values.ys }}{{ $a }}{{ $b }} {{ end }}{{ end }}",
          "xs: [1, 2]\nys: [a, b]\n"),
        C("yaml11-key-y-is-true", "[{{ .Values.y }}][{{ index .Values \"true\" }}]", "y: [a, b]\n"),
        C("nested-range-dot", "{{ range .Values.rows }}{{ range . }}{{ . }}{{ end }}|{{ end }}", "rows: [[1, 2], [3], []]\n"),
        C("range-with-dollar", "{{ range .Values.l }}{{ . }}={{ $.Values.v }} {{ end }}", V_LIST + "v: V\n"),
        C("range-index-var-int-type", '{{ range $i, $e := .Values.l }}{{ printf "%T" $i }}{{ end }}', "l: [a]\n"),
        C("range-map-key-type", '{{ range $k, $v := .Values.m }}{{ printf "%T" $k }}{{ end }}', "m: {1: a}\n"),
        C("range-list-nulls", "{{ range .Values.l }}[{{ . }}]{{ end }}", "l: [null, 1, null]\n"),
        C("range-too-many-vars-error", "{{ range $a, $b, $c := .Values.l }}{{ end }}", V_LIST),
        C("range-assign-existing-var", "{{ $i := 0 }}{{ range $i = .Values.l }}<{{ $i }}>{{ end }}{{ $i }}", V_LIST),
        C("range-assign-two-existing-vars", "{{ $i := 0 }}{{ $e := 0 }}{{ range $i, $e = .Values.l }}{{ end }}{{ $i }}{{ $e }}", V_LIST),
        C("with-else-with-chain", "{{ with 0 }}a{{ else with \"\" }}b{{ else with 2 }}w{{ . }}{{ end }}"),
        C("if-else-if-missing-value-error", "{{ if 1 }}{{ else if }}{{ end }}"),
        C("end-with-args-error", "{{ if true }}{{ end 1 }}"),
        C("if-trailing-text-yaml", "kind: x\n{{- if .Values.flag }}\nenabled: true\n{{- else }}\nenabled: false\n{{- end }}\n", "flag: true\n"),
        C("if-trailing-text-yaml-false", "kind: x\n{{- if .Values.flag }}\nenabled: true\n{{- else }}\nenabled: false\n{{- end }}\n", "flag: false\n"),
    ]
    return out


# --------------------------------------------------------------------------------------
# define / template / block
# --------------------------------------------------------------------------------------

def define_cases():
    return [
        C("define-template", '{{ define "a" }}A{{ end }}{{ template "a" }}'),
        C("define-after-use", '{{ template "a" }}{{ define "a" }}A{{ end }}'),
        C("define-leaves-surrounding-text", 'x\n{{ define "a" }}A{{ end }}\ny'),
        C("template-with-arg", '{{ define "a" }}<{{ .x }}>{{ end }}{{ template "a" .Values.m }}', "m: {x: 1}\n"),
        C("template-with-pipeline-arg", '{{ define "a" }}<{{ . }}>{{ end }}{{ template "a" .Values.s | printf "%s!" }}', "s: hi\n"),
        C("template-with-literal-arg", '{{ define "a" }}<{{ . }}>{{ end }}{{ template "a" 42 }}'),
        C("template-no-arg-nil-dot", '{{ define "a" }}<{{ . }}>{{ end }}{{ template "a" }}'),
        C("template-no-arg-field", '{{ define "a" }}<{{ .x }}>{{ end }}{{ template "a" }}'),
        C("template-raw-string-name", '{{ define `a` }}A{{ end }}{{ template `a` }}'),
        C("template-odd-name", '{{ define "a/b.c d" }}X{{ end }}{{ template "a/b.c d" }}'),
        C("template-empty-name", '{{ define "" }}E{{ end }}{{ template "" }}'),
        C("template-undefined-error", '{{ template "nope" }}'),
        C("template-undefined-with-arg-error", '{{ template "nope" .Values }}'),
        C("template-undefined-inside-define-error", '{{ define "a" }}{{ template "b" }}{{ end }}{{ template "a" }}'),
        C("template-name-not-string-error", "{{ template .Values.n }}"),
        C("template-no-name-error", "{{ template }}"),
        C("template-two-args-error", '{{ define "a" }}{{ end }}{{ template "a" 1 2 }}'),
        C("template-name-with-colon-template-error", '{{ template "a template: b" }}'),
        C("define-no-name-error", "{{ define }}{{ end }}"),
        C("define-unclosed-error", '{{ define "a" }}A'),
        C("define-nested-error", '{{ define "a" }}{{ define "b" }}{{ end }}{{ end }}'),
        C("define-in-if-error", '{{ if true }}{{ define "a" }}{{ end }}{{ end }}'),
        C("define-twice-error", '{{ define "a" }}1{{ end }}{{ define "a" }}2{{ end }}{{ template "a" }}'),
        C("define-empty-then-full", '{{ define "a" }}{{ end }}{{ define "a" }}full{{ end }}{{ template "a" }}'),
        C("define-full-then-empty", '{{ define "a" }}full{{ end }}{{ define "a" }}{{ end }}{{ template "a" }}'),
        C("define-whitespace-only-then-full", '{{ define "a" }}  {{ end }}{{ define "a" }}full{{ end }}{{ template "a" }}'),
        C("define-comment-only-then-full", '{{ define "a" }}{{/* c */}}{{ end }}{{ define "a" }}full{{ end }}{{ template "a" }}'),
        C("define-empty", '[{{ define "e" }}{{ end }}{{ template "e" }}]'),
        C("define-trim", '{{- define "a" -}}\n  A\n{{- end -}}\n[{{ template "a" }}]'),
        C("define-multiline-body", '{{ define "a" }}\nline1\nline2\n{{ end }}[{{ template "a" }}]'),
        C("define-calls-define", '{{ define "a" }}a{{ template "b" . }}{{ end }}{{ define "b" }}b{{ . }}{{ end }}{{ template "a" 1 }}'),
        C("define-recursion-terminating", '{{ define "r" }}{{ if . }}{{ len . }}{{ template "r" (slice . 1) }}{{ end }}{{ end }}{{ template "r" .Values.l }}',
          "l: [a, b, c]\n"),
        C("define-recursion-depth-error", '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}'),
        C("define-mutual-recursion-depth-error", '{{ define "a" }}{{ template "b" }}{{ end }}{{ define "b" }}{{ template "a" }}{{ end }}{{ template "a" }}'),
        C("template-self-file-recursion-error", 'x{{ template "c/templates/t.yaml" }}'),
        C("template-helpers-file-by-name", '[{{ template "c/templates/_helpers.tpl" }}]', None,
          'HELPERS TEXT\n{{ define "h" }}H{{ end }}\n'),
        C("block-default", '{{ block "b" .Values.m }}default {{ .x }}{{ end }}', "m: {x: 1}\n"),
        C("block-no-arg-error", '{{ block "b" }}x{{ end }}'),
        C("block-overridden-in-same-file-error", '{{ block "b" . }}default{{ end }}{{ define "b" }}over{{ end }}'),
        C("block-overridden-by-helpers", '{{ block "b" .Values.m }}default{{ end }}', "m: {x: 1}\n",
          '{{ define "b" }}override {{ .x }}{{ end }}'),
        C("block-not-overridden-by-empty-helper", '[{{ block "b" . }}default{{ end }}]', None,
          '{{ define "b" }}{{ end }}'),
        C("block-in-helpers-overridden-in-t", '{{ define "b" }}from-t{{ end }}[{{ template "h" }}]', None,
          '{{ define "h" }}{{ block "b" . }}helper-default{{ end }}{{ end }}'),
        C("helpers-define-used", '{{ template "h" .Values }}', "name: nm\n",
          '{{/* helpers */}}\n{{- define "h" -}}\nname={{ .name }}\n{{- end -}}\n'),
        C("helpers-wins-over-t", '{{ define "x" }}from-t{{ end }}{{ template "x" }}', None,
          '{{ define "x" }}from-helpers{{ end }}'),
        C("helpers-whitespace-define-loses-to-t", '{{ define "x" }}from-t{{ end }}[{{ template "x" }}]', None,
          '{{ define "x" }} {{ end }}'),
        C("helpers-empty-define-loses-to-t", '{{ define "x" }}from-t{{ end }}[{{ template "x" }}]', None,
          '{{ define "x" }}{{ end }}'),
        C("helpers-define-uses-t-define", '{{ define "inner" }}t-inner{{ end }}{{ template "outer" }}', None,
          '{{ define "outer" }}<{{ template "inner" }}>{{ end }}'),
        C("helpers-top-level-text-ignored", 'ok', None, 'text outside defines\n{{ .Values.missing.x }}\n'),
        C("helpers-twice-define-error", 'ok', None, '{{ define "a" }}1{{ end }}\n{{ define "a" }}2{{ end }}'),
        C("helpers-parse-error", 'ok', None, '{{ define "a" }}\n\n{{ if }}\n{{ end }}'),
        C("helpers-unclosed-define-error", 'ok', None, '{{ define "a" }}\nA\n'),
        C("helpers-exec-location-error", '{{ template "h" .Values }}', "s: str\n",
          '{{ define "h" }}\nline2\n  {{ .s.x }}\n{{ end }}'),
        C("helpers-exec-nested-error", 'a\n{{ template "h1" .Values }}', "s: str\n",
          '{{ define "h1" }}{{ template "h2" . }}{{ end }}\n{{ define "h2" }}\n{{ index .s 10 }}{{ end }}'),
        C("helpers-variables-not-shared-error", '{{ $x := 1 }}{{ template "h" }}', None, '{{ define "h" }}{{ $x }}{{ end }}'),
        C("define-exec-location-error", 'a\n{{ define "d" }}\n  x {{ .yv.z }}{{ end }}\n{{ template "d" .Values }}', "yv: s\n"),
        C("define-executing-name-in-error", '{{ define "my def" }}{{ len 1 }}{{ end }}{{ template "my def" }}'),
        C("template-output-not-pipeable-error", '{{ define "a" }}A{{ end }}{{ template "a" | print }}'),
        C("define-data-is-arg-not-root-error", '{{ define "a" }}[{{ .Values }}]{{ end }}{{ template "a" 1 }}'),
    ]


# --------------------------------------------------------------------------------------
# pipelines
# --------------------------------------------------------------------------------------

def pipeline_cases():
    return [
        C("pipe-into-print", '{{ 1 | print 2 }}'),
        C("pipe-last-argument", '{{ "a" | printf "%s-%s" "b" }}'),
        C("pipe-chain", '{{ "x" | printf "<%s>" | printf "[%s]" | print }}'),
        C("pipe-chain-missing-arg", '{{ "x" | printf "%s%s" }}'),
        C("pipe-into-len", "{{ .Values.s | len }}", "s: hello\n"),
        C("pipe-into-index", '{{ "b" | index .Values.m }}', V_MAP),
        C("pipe-into-eq", '{{ "b" | eq "b" }}'),
        C("pipe-into-lt", "{{ 3 | lt 2 }}"),
        C("pipe-into-not", "{{ 0 | not | not }}"),
        C("pipe-into-and-or", "{{ 1 | and 2 | or 0 }}"),
        C("pipe-into-html-js", '{{ "<a>" | html | js }}'),
        C("pipe-into-urlquery", '{{ "a b" | urlquery "x" }}'),
        C("pipe-into-println", '{{ 1 | println "a" }}'),
        C("pipe-into-slice", "{{ .Values.l | slice }}", V_LIST),
        C("pipe-into-len-of-map", "{{ .Values.m | len | print \"n=\" }}", V_MAP),
        C("pipe-missing-into-print", "[{{ .Values.missing | print }}]"),
        C("pipe-missing-into-printf-v", '[{{ .Values.missing | printf "%v" }}]'),
        C("pipe-missing-into-len-error", "{{ .Values.missing | len }}"),
        C("paren-simple", "{{ (1) }}"),
        C("paren-nested", "{{ (((1))) }}"),
        C("paren-pipeline", "{{ (1 | print) }}"),
        C("paren-args", "{{ print (print 1 2) (print 3) }}"),
        C("paren-field", "{{ (.Values.m).a }}", V_MAP),
        C("paren-field-chain", "{{ (.Values.m).c }}{{ (.Values).m.b }}", V_MAP),
        C("paren-index-field", "{{ (index .Values.l 0).name }}", "l: [{name: x}]\n"),
        C("paren-index-field-chain", "{{ (index .Values.l 0).a.b }}", "l: [{a: {b: deep}}]\n"),
        C("paren-field-on-string-error", '{{ (print "a").x }}'),
        C("paren-field-on-int-error", "{{ (1).x }}"),
        C("paren-field-on-nil", "{{ (.Values.missing).x }}"),
        C("paren-field-missing-key", "[{{ (.Values.m).zz }}]", V_MAP),
        C("paren-dollar-field", "{{ ($.Values.m).a }}", V_MAP),
        C("paren-variable-field", "{{ $v := .Values }}{{ ($v.m).a }}", V_MAP),
        C("paren-with-pipe-inside-arg", '{{ printf "%s|%s" ("a" | print) ("b" | print "c") }}'),
        C("paren-unclosed-error", "{{ (1 }}"),
        C("paren-unopened-error", "{{ 1) }}"),
        C("paren-empty-error", "{{ () }}"),
        C("pipe-non-function-literal-error", "{{ 1 | 2 }}"),
        C("pipe-non-function-string-error", '{{ "a" | "b" }}'),
        C("pipe-into-field-error", "{{ .Values.s | .Values.t }}", "s: a\nt: b\n"),
        C("pipe-into-variable-error", '{{ $x := 1 }}{{ "a" | $x }}'),
        C("pipe-into-paren-error", '{{ "a" | (print) }}'),
        C("pipe-into-nil-error", '{{ "a" | nil }}'),
        C("pipe-into-true-error", '{{ "a" | true }}'),
        C("pipe-leading-bar-error", "{{ | print }}"),
        C("pipe-trailing-bar", "{{ print | }}"),
        C("pipe-double-bar-error", "{{ print || print }}"),
        C("pipe-decl-then-pipe", '{{ $x := "a" | print "b" }}{{ $x }}'),
        C("pipe-across-lines", '{{ "x"\n | printf "%s!"\n | print }}'),
        C("pipe-into-call-nil-error", '{{ 1 | call .Values.missing }}'),
        C("field-with-args-error", '{{ .Values.m 1 }}', V_MAP),
        C("dot-with-args-error", '{{ . 1 }}'),
        C("dot-dot-error", '{{ . . }}'),
        C("pipe-into-dot-error", '{{ 1 | . }}'),
        C("field-of-string-literal-error", '{{ "a".b }}'),
        C("field-after-number-error", "{{ 1.b }}"),
        C("field-chain-on-call-result", '{{ (index .Values "m").a }}', V_MAP),
        C("pipe-printf-last-arg-count", '{{ 3 | printf "%d %d" 1 }}'),
        C("pipe-print-string-spacing", '{{ "b" | print "a" }}{{ 2 | print 1 }}'),
        C("pipe-len-wrong-arg-count-error", '{{ "a" | len "b" }}'),
        C("pipe-not-wrong-arg-count-error", '{{ 1 | not 2 }}'),
    ]


# --------------------------------------------------------------------------------------
# builtins
# --------------------------------------------------------------------------------------

V_B = """\
i: 3
f: 1.5
s: hello
uni: h\u00e9llo
m: {a: 1, b: {c: deep}}
l: [x, w, z]
nl: [[1, 2], [3]]
one: 1
e: {}
el: []
nul: null
t: true
"""


def builtin_cases():
    out = [
        # and / or / not
        C("and-returns-first-falsy", '{{ and 1 0 "x" }}'),
        C("and-returns-last", '{{ and 1 2 "x" }}'),
        C("and-single", "{{ and 1 }}"),
        C("and-type", '{{ printf "%T" (and 1 "x") }}'),
        C("or-returns-first-truthy", '{{ or 0 "" "y" 3 }}'),
        C("or-returns-last-falsy", '[{{ or 0 "" }}]'),
        C("or-all-falsy-type", '{{ printf "%T" (or 0 "") }}'),
        C("and-short-circuit", "{{ and 0 (index nil 1) }}"),
        C("or-short-circuit", "{{ or 1 (index nil 1) }}"),
        C("and-short-circuit-missing", "[{{ and .Values.missing .Values.missing.x }}]"),
        C("and-no-short-circuit-error", "{{ and 1 (index nil 1) }}"),
        C("and-values", "{{ and .Values.s .Values.i }}", V_B),
        C("or-values-missing", "{{ or .Values.missing .Values.s }}", V_B),
        C("or-nil-literal", "{{ or nil 1 }}"),
        C("and-no-args-error", "{{ and }}"),
        C("or-no-args-error", "{{ or }}"),
        C("not-zero", "{{ not 0 }}"),
        C("not-string", '{{ not "a" }}'),
        C("not-empty-map", "{{ not .Values.e }}", V_B),
        C("not-missing", "{{ not .Values.missing }}"),
        C("not-no-args-error", "{{ not }}"),
        C("not-two-args-error", "{{ not 1 2 }}"),
        C("not-wrong-args-context-with-gt-colon-error", '{{ not ">: " 2 }}'),
        # len
        C("len-string-bytes", '{{ len "h\u00e9llo" }}'),
        C("len-string-values", "{{ len .Values.uni }}", V_B),
        C("len-list", "{{ len .Values.l }}", V_B),
        C("len-map", "{{ len .Values.m }}", V_B),
        C("len-empty", '{{ len "" }}{{ len .Values.el }}{{ len .Values.e }}', V_B),
        C("len-nil-error", "{{ len nil }}"),
        C("len-missing-error", "{{ len .Values.missing }}"),
        C("len-null-error", "{{ len .Values.nul }}", V_B),
        C("len-int-error", "{{ len 3 }}"),
        C("len-float-error", "{{ len .Values.f }}", V_B),
        C("len-bool-error", "{{ len true }}"),
        C("len-two-args-error", '{{ len "a" "b" }}'),
        C("len-no-args-error", "{{ len }}"),
        # index
        C("index-map", '{{ index .Values.m "a" }}', V_B),
        C("index-map-nested", '{{ index .Values.m "b" "c" }}', V_B),
        C("index-map-missing", '[{{ index .Values.m "nope" }}]', V_B),
        C("index-map-missing-deeper-error", '{{ index .Values.m "nope" "deeper" }}', V_B),
        C("index-map-int-key-error", "{{ index .Values.m 1 }}", V_B),
        C("index-map-nil-key-error", "{{ index .Values.m nil }}", V_B),
        C("index-list-int", "{{ index .Values.l 1 }}", V_B),
        C("index-list-char", "{{ index .Values.l '\\x02' }}", V_B),
        C("index-list-nested", "{{ index .Values.nl 0 1 }}", V_B),
        C("index-list-float-from-values-error", "{{ index .Values.l .Values.one }}", V_B),
        C("index-list-float-literal-error", "{{ index .Values.l 1.0 }}", V_B),
        C("index-list-string-error", '{{ index .Values.l "a" }}', V_B),
        C("index-list-nil-error", "{{ index .Values.l nil }}", V_B),
        C("index-list-out-of-range-error", "{{ index .Values.l 10 }}", V_B),
        C("index-list-len-out-of-range-error", "{{ index .Values.l 3 }}", V_B),
        C("index-list-negative-error", "{{ index .Values.l -1 }}", V_B),
        C("index-empty-list-error", "{{ index .Values.el 0 }}", V_B),
        C("index-no-keys", "{{ index .Values.l }}", V_B),
        C("index-nil-error", '{{ index nil "a" }}'),
        C("index-missing-error", '{{ index .Values.missing "a" }}'),
        C("index-string-byte", '{{ index "abc" 1 }}'),
        C("index-string-byte-type", '{{ printf "%T" (index "abc" 1) }}'),
        C("index-string-multibyte", '{{ index "\u00e9" 0 }}'),
        C("index-string-out-of-range-error", '{{ index "abc" 5 }}'),
        C("index-string-len-out-of-range-error", '{{ index "abc" 3 }}'),
        C("index-int-error", "{{ index 1 0 }}"),
        C("index-float-value-error", '{{ index .Values.m "a" "x" }}', V_B),
        C("index-no-args-error", "{{ index }}"),
        # slice (Sprig's)
        C("slice-list-from", "{{ slice .Values.l 1 }}", V_B),
        C("slice-list-range", "{{ slice .Values.l 1 2 }}", V_B),
        C("slice-list-whole", "{{ slice .Values.l }}", V_B),
        C("slice-list-float-index", "{{ slice .Values.l .Values.one }}", V_B),
        C("slice-list-out-of-bounds-error", "{{ slice .Values.l 5 }}", V_B),
        C("slice-string-error", '{{ slice "hello" 1 3 }}'),
        C("slice-nil-error", "{{ slice nil }}"),
        C("slice-three-indices", "{{ slice .Values.l 0 1 2 }}", V_B),
        # eq / ne
        C("eq-ints", "{{ eq 1 1 }} {{ eq 1 2 }}"),
        C("eq-multi", "{{ eq 1 2 3 1 }} {{ eq 1 2 3 }}"),
        C("eq-strings", '{{ eq "a" "a" }} {{ eq "a" "b" }}'),
        C("eq-bools", "{{ eq true true }} {{ eq true false }}"),
        C("eq-values-float-float", "{{ eq .Values.i 3.0 }}", V_B),
        C("eq-values-float-int-error", "{{ eq .Values.i 3 }}", V_B),
        C("eq-int-float-literal-error", "{{ eq 1 1.0 }}"),
        C("eq-int-string-error", '{{ eq 1 "1" }}'),
        C("eq-char-int", "{{ eq 'a' 97 }}"),
        C("eq-byte-int", '{{ eq (index "abc" 0) 97 }}'),
        C("eq-int-byte", '{{ eq 97 (index "abc" 0) }}'),
        C("eq-negative-int-byte", '{{ eq -1 (index "abc" 0) }}'),
        C("eq-nil-nil", "{{ eq nil nil }}"),
        C("eq-missing-string", '{{ eq .Values.missing "x" }}'),
        C("eq-missing-missing", "{{ eq .Values.missing .Values.nope }}"),
        C("eq-null-nil", "{{ eq .Values.nul nil }}", V_B),
        C("eq-string-nil", '{{ eq "a" nil }}'),
        C("eq-multi-with-nil", '{{ eq "a" nil "a" }}'),
        C("eq-map-error", "{{ eq .Values.m .Values.m }}", V_B),
        C("eq-list-error", "{{ eq .Values.l .Values.l }}", V_B),
        C("eq-map-nil", "{{ eq .Values.m nil }}", V_B),
        C("eq-string-map-error", '{{ eq "a" .Values.m }}', V_B),
        C("eq-one-arg-error", "{{ eq 1 }}"),
        C("eq-no-args-error", "{{ eq }}"),
        C("eq-complex", "{{ eq 1i 1i }}"),
        C("ne-ints", "{{ ne 1 2 }} {{ ne 1 1 }}"),
        C("ne-strings", '{{ ne "a" "a" }}'),
        C("ne-int-string-error", '{{ ne 1 "a" }}'),
        C("ne-three-args-error", "{{ ne 1 2 3 }}"),
        C("ne-nil", "{{ ne .Values.missing nil }}"),
        # lt / le / gt / ge
        C("lt-ints", "{{ lt 1 2 }} {{ lt 2 1 }} {{ lt 1 1 }}"),
        C("le-ints", "{{ le 2 2 }} {{ le 3 2 }}"),
        C("gt-ints", "{{ gt 3 1 }} {{ gt 1 3 }}"),
        C("ge-ints", "{{ ge 3 3 }} {{ ge 1 3 }}"),
        C("lt-floats", "{{ lt 2.5 3.0 }} {{ lt .Values.f 1.5 }} {{ le .Values.f 1.5 }}", V_B),
        C("lt-strings", '{{ lt "a" "b" }} {{ lt "B" "a" }} {{ lt "10" "9" }} {{ gt "\u00e9" "z" }}'),
        C("ge-strings", '{{ ge "b" "b" }} {{ ge "a" "b" }}'),
        C("lt-int-float-error", "{{ lt 1 2.5 }}"),
        C("lt-values-int-error", "{{ lt .Values.i 5 }}", V_B),
        C("lt-bool-error", "{{ lt true false }}"),
        C("gt-bool-error", "{{ gt true false }}"),
        C("lt-map-error", "{{ lt .Values.m .Values.m }}", V_B),
        C("lt-nil-error", "{{ lt nil 1 }}"),
        C("lt-missing-error", "{{ lt .Values.missing 1 }}"),
        C("lt-byte-negative", '{{ lt (index "a" 0) -1 }} {{ gt (index "a" 0) -1 }} {{ lt -1 (index "a" 0) }}'),
        C("lt-three-args-error", "{{ lt 1 2 3 }}"),
        C("le-string-int-error", '{{ le "a" 1 }}'),
        C("lt-complex-error", "{{ lt 1i 2i }}"),
        # html / js / urlquery
        C("html-escapes", '{{ html "<a href=\\"x\\">&\'</a>" }}'),
        C("html-unicode-and-nul", '{{ html "\u00e9\\x00z" }}'),
        C("html-several-args", '{{ html 1 "<" 2 }}'),
        C("html-int", "{{ html 42 }}"),
        C("html-missing", "{{ html .Values.missing }}"),
        C("html-nil", "{{ html nil }}"),
        C("html-no-args", "[{{ html }}]"),
        C("html-list", "{{ html .Values.l }}", "l: ['<a>', b]\n"),
        C("js-escapes", '{{ js "a\'b\\"c<d>e&f=g\\nh\\\\i" }}'),
        C("js-control-and-unicode", '{{ js "\\t\\r\u00e9\u2028\\x01" }}'),
        C("js-several-args", '{{ js "a" 1 "<" }}'),
        C("js-backtick-plus", '{{ js "`+" }}'),
        C("urlquery-basic", '{{ urlquery "a b&c=d/\u00e9?#+" }}'),
        C("urlquery-several-args", '{{ urlquery "a" "b" 1 2 }}'),
        C("urlquery-safe-chars", '{{ urlquery "AZaz09-_.~" }}'),
        C("urlquery-missing", "{{ urlquery .Values.missing }}"),
        # print / println / printf
        C("print-ints-spaced", "{{ print 1 2 }}"),
        C("print-strings-not-spaced", '{{ print "a" "b" }}'),
        C("print-mixed", '{{ print "a" 1 "b" }}|{{ print 1 "a" 2 }}|{{ print 1 2 "a" 3 4 }}'),
        C("print-floats-bools", "{{ print 1.5 2 true false }}"),
        C("print-nil-nil", "{{ print nil nil }}"),
        C("print-missing", "[{{ print .Values.missing }}]"),
        C("print-containers", "{{ print .Values.l .Values.m }}", V_B),
        C("print-char", "{{ print 'a' }}"),
        C("println-basic", '{{ println 1 "a" 2 }}'),
        C("println-strings", '{{ println "a" "b" }}'),
        C("println-no-args", "[{{ println }}]"),
        C("printf-basic", '{{ printf "%d-%s" 1 "a" }}'),
        C("printf-verbs", '{{ printf "%5.2f|%-4d|%x|%X|%o|%b|%e|%g|%08.3f" 3.14159 7 255 255 8 5 1234.5678 0.000012 3.14159 }}'),
        C("printf-q", '{{ printf "%q %q" "a\\"b" \'x\' }}'),
        C("printf-T", '{{ printf "%T %T %T %T" 1 1.5 "s" .Values.m }}', V_B),
        C("printf-float-d", '{{ printf "%d" .Values.i }}', V_B),
        C("printf-missing-arg", '{{ printf "%s %s" "a" }}'),
        C("printf-extra-arg", '{{ printf "a" 1 }}'),
        C("printf-percent", '{{ printf "100%%" }}'),
        C("printf-bad-verb", '{{ printf "%z" 1 }}'),
        C("printf-noverb", '{{ printf "%" }}'),
        C("printf-s-nil", '{{ printf "%s" nil }}'),
        C("printf-s-missing", '{{ printf "%s" .Values.missing }}'),
        C("printf-v-missing", '[{{ printf "%v" .Values.missing }}]'),
        C("printf-sharp-v", '{{ printf "%#v" .Values.l }} {{ printf "%#v" .Values.m }}', V_B),
        C("printf-c-U", "{{ printf \"%c %U\" 233 'x' }}"),
        C("printf-width-star", '{{ printf "[%*d]" 5 42 }}'),
        C("printf-indexed-args", '{{ printf "%[2]s %[1]s" "a" "b" }}'),
        C("printf-round-half-even", '{{ printf "%.0f %.0f %.1f" 2.5 3.5 0.25 }}'),
        C("printf-no-args-error", "{{ printf }}"),
        C("printf-int-format-error", "{{ printf 1 }}"),
        C("printf-float-format-error", "{{ printf .Values.i }}", V_B),
        C("printf-nil-format-error", "{{ printf nil }}"),
        C("printf-missing-format-error", "{{ printf .Values.missing }}"),
        # call
        C("call-nil-error", "{{ call nil }}"),
        C("call-missing-error", "{{ call .Values.missing }}"),
        C("call-string-error", '{{ call "x" }}'),
        C("call-int-error", "{{ call 1 2 }}"),
        C("call-map-error", "{{ call .Values.m }}", V_B),
        C("call-no-args-error", "{{ call }}"),
        C("call-function-name-error", "{{ call print }}"),
    ]
    return out


# --------------------------------------------------------------------------------------
# errors: parse and execution, line/column
# --------------------------------------------------------------------------------------

def error_cases():
    deep = 10001
    return [
        # parse errors
        C("parse-unclosed-action", "{{"),
        C("parse-unclosed-action-with-content", "{{ 1"),
        C("parse-unclosed-action-newline-continues", "a\n{{ .Values.x\nb\n"),
        C("parse-unclosed-action-trim", "{{- 1 -"),
        C("parse-unexpected-eof-if", "{{ if 1 }}"),
        C("parse-unexpected-eof-range", "{{ range .Values.l }}x"),
        C("parse-unexpected-eof-with", "{{ with 1 }}x\n\n"),
        C("parse-unexpected-end", "{{ end }}"),
        C("parse-unexpected-end-after-if", "{{ if 1 }}{{ end }}{{ end }}"),
        C("parse-unexpected-else", "{{ else }}"),
        C("parse-else-after-range-end", "{{ range .Values.l }}{{ else }}{{ end }}{{ else }}"),
        C("parse-bad-number", "{{ 1x }}"),
        C("parse-bad-number-in-args", "{{ print 1 2z }}"),
        C("parse-unterminated-string", '{{ "abc }}'),
        C("parse-unterminated-raw-string", "{{ `abc }}"),
        C("parse-unterminated-char", "{{ 'a }}"),
        C("parse-unclosed-comment", "{{/* abc"),
        C("parse-comment-before-delim", "{{/* c */ }}"),
        C("parse-function-not-defined", "{{ nofunc }}"),
        C("parse-function-not-defined-arg", "{{ print (nofunc 1) }}"),
        C("parse-env-not-defined", '{{ env "HOME" }}'),
        C("parse-undefined-variable", "{{ $x }}"),
        C("parse-unexpected-brace-in-operand", "{{ .Values.a } }}"),
        C("parse-unclosed-paren-in-args", "{{ print ( }}"),
        C("parse-too-many-declarations", "{{ range $a, $b, $c := .Values.l }}{{ end }}"),
        C("parse-unclosed-left-paren", "{{ ( }}"),
        C("parse-unexpected-right-paren", "{{ ) }}"),
        C("parse-hash-in-command", "{{ # }}"),
        C("parse-unrecognized-char-euro", "{{ \u20ac }}"),
        C("parse-unrecognized-char-control", "{{ \x01 }}"),
        C("parse-unrecognized-char-tilde", '{{ print "a" ~ }}'),
        C("parse-unrecognized-char-unicode", "{{ \u00e9 }}"),
        C("parse-empty-action", "{{}}"),
        C("parse-space-action", "{{ }}"),
        C("parse-trim-only-action", "{{- -}}"),
        C("parse-missing-value-for-if", "{{ if }}{{ end }}"),
        C("parse-missing-value-for-command", "{{ $x := }}"),
        C("parse-non-executable-pipeline-stage", "{{ 1 | 2 }}"),
        C("parse-double-pipe", "{{ print | | print }}"),
        C("parse-right-paren-in-args", "{{ print 1 ) }}"),
        C("parse-unexpected-dot-after-term", '{{ "a".b }}'),
        C("parse-bad-field-dot-nothing", "{{ .Values. }}"),
        C("parse-expected-end-found-else", "{{ if 1 }}{{ else }}{{ else }}{{ end }}"),
        C("parse-break-outside-range", "{{ break }}"),
        C("parse-continue-outside-range", "{{ continue }}"),
        C("parse-colon-undefined-variable-first", "{{ $x : 1 }}"),
        C("parse-expected-colon-equals", "{{ $x := 1 }}{{ $x : 1 }}"),
        C("parse-colon-equals-without-var", "{{ := 1 }}"),
        C("parse-equals-without-var", "{{ = 1 }}"),
        C("parse-bad-char-escape", r"{{ '\z' }}"),
        C("parse-template-bad-name", "{{ template 1 }}"),
        C("parse-define-bad-name", "{{ define 1 }}{{ end }}"),
        C("parse-define-extra-arg", '{{ define "a" 1 }}{{ end }}'),
        C("parse-block-no-end", '{{ block "a" . }}'),
        C("parse-if-with-extra-end-args", "{{ if 1 }}{{ end x }}"),
        C("parse-bad-variable-char", "{{ $x-y := 1 }}"),
        C("parse-keyword-as-arg", "{{ print if }}"),
        C("parse-else-with-args-in-range", "{{ range .Values.l }}{{ else 1 }}{{ end }}"),
        C("parse-max-paren-depth", "{{ " + "(" * deep + "1" + ")" * deep + " }}"),
        C("parse-error-line-3", "line1\nline2\n{{ if }}{{ end }}"),
        C("parse-error-line-in-multiline-action", "a\n{{ print\n 1\n ( }}"),
        C("parse-error-eof-line", "{{ if 1 }}\n\n\n"),
        C("parse-error-line-after-crlf", "a\r\nb\r\n{{ nofunc }}"),
        C("parse-error-line-after-raw-string", "{{ `a\nb\nc` }}\n{{ nofunc }}"),
        C("parse-error-line-after-comment", "{{/*\n\n*/}}\n{{ $nope }}"),
        C("parse-error-unclosed-comment-line", "a\nb\n{{/* c\nd\ne"),
        C("parse-error-unterminated-string-line", 'a\nb\n{{ "abc\n}}'),
        C("parse-error-unclosed-action-line", "a\n\n{{ print 1\n\n"),
        # execution errors
        C("exec-nil-pointer-evaluating", "{{ .Values.missing.x }}"),
        C("exec-cant-evaluate-field", "{{ .Values.s.x }}", "s: str\n"),
        C("exec-cant-evaluate-field-list", "{{ .Values.l.x }}", V_LIST),
        C("exec-cant-evaluate-field-int", "{{ $x := 1 }}{{ $x.y }}"),
        C("exec-field-with-args", "{{ .Values.m 1 }}", V_MAP),
        C("exec-wrong-number-of-args", "{{ len 1 2 }}"),
        C("exec-wrong-number-of-args-variadic", "{{ and }}"),
        C("exec-error-calling-index", "{{ index .Values.l 10 }}", V_LIST),
        C("exec-error-calling-len", "{{ len nil }}"),
        C("exec-incompatible-types", "{{ eq .Values.i 3 }}", "i: 3\n"),
        C("exec-invalid-type-for-comparison", "{{ lt true false }}"),
        C("exec-non-comparable-type", "{{ eq .Values.l .Values.l }}", "l: [1, a]\n"),
        C("exec-non-comparable-map-format", "{{ eq .Values.m .Values.m }}", "m: {b: x, a: 1, c: [1]}\n"),
        C("exec-cant-give-argument-to-non-function", "{{ 1 2 }}"),
        C("exec-dot-dot", "{{ . . }}"),
        C("exec-assign-undefined-variable", "{{ $x = 1 }}"),
        C("exec-nil-is-not-a-command", "{{ nil }}"),
        C("exec-nil-is-not-a-command-in-pipe", "{{ nil | print }}"),
        C("exec-template-not-defined", '{{ template "nope" }}'),
        C("exec-range-cant-iterate", "{{ range 1.5 }}{{ end }}"),
        C("exec-if-cant-use", "{{ if .Values.missing.x }}{{ end }}"),
        C("exec-expected-string", "{{ printf 1 }}"),
        C("exec-wrong-type-for-value", "{{ printf .Values.i }}", "i: 3\n"),
        C("exec-overflows-int", "{{ print 9223372036854775808 }}"),
        C("exec-error-in-range-body", "{{ range .Values.l }}{{ .x }}{{ end }}", V_LIST),
        C("exec-error-in-with-pipeline", "{{ with .Values.s.x }}{{ end }}", "s: str\n"),
        C("exec-error-in-else-branch", "{{ if false }}{{ else }}{{ len 3 }}{{ end }}"),
        C("exec-error-in-paren", "{{ print (len 3) }}"),
        C("exec-error-in-variable-decl", "{{ $x := len 3 }}"),
        C("exec-error-context-string-escapes", '{{ index "a\\tb\u00e9" 9 }}'),
        C("exec-error-context-raw-string", "{{ index `a\nb` 9 }}"),
        C("exec-error-context-long", '{{ print "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" "bbbbbbbbbbbbbbbbbbbbbbbbbbbbb" (len 3) }}'),
        C("exec-error-context-percent", '{{ index "100%" 9 }}'),
        C("exec-error-context-gt-colon-field", '{{ ("a>: b").x }}'),
        C("exec-error-helm-err-markers", '{{ index .Values.missing "HELM_ERR_START x: y HELM_ERR_END" }}'),
        C("exec-error-message-with-template-word", '{{ template "a template: b" }}'),
        C("exec-partial-output-discarded", "before\n{{ .Values.missing.x }}\nafter"),
        # line / column counting
        C("exec-line3-col-multibyte", "# \u00e9\u00e9\n# two\nk: \u00e9 {{ .Values.s.x }}\n", "s: str\n"),
        C("exec-line3-col10-multibyte", "a\nb\n\u00e9\u00e9\u00e9 {{ len 3 }}\n"),
        C("exec-line-col-emoji", "\U0001F600{{ len 3 }}"),
        C("exec-line-col-after-crlf", "a\r\nb\r\n  {{ len 3 }}"),
        C("exec-line-col-tabs", "\t\t{{ len 3 }}"),
        C("exec-line-col-after-trim", "a\n\n\n   {{- len 3 }}"),
        C("exec-line-col-multiline-action", "a\n{{ print\n  1\n  (len 3) }}"),
        C("exec-line-col-after-multiline-comment", "{{/* a\nb\n*/}} {{ len 3 }}"),
        C("exec-line-col-after-raw-string", "{{ `a\nbc` }}{{ len 3 }}"),
        C("exec-line-col-chain-field", "x\n  {{ .Values.s.x.y }}", "s: str\n"),
        C("exec-line-col-second-arg", "{{ print 1 .Values.missing.x }}"),
        C("exec-line-col-in-range", "{{ range .Values.l }}\n  - {{ .x }}\n{{ end }}", V_LIST),
        C("exec-line-col-in-define", '{{ define "d" }}\n\n   {{ len 3 }}{{ end }}\n{{ template "d" }}'),
    ]


GROUPS = [
    ("text", text_cases),
    ("literals", literal_cases),
    ("values", values_cases),
    ("variables", variable_cases),
    ("control", control_cases),
    ("define", define_cases),
    ("pipelines", pipeline_cases),
    ("builtins", builtin_cases),
    ("errors", error_cases),
]


# --------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------

def render_once(case):
    """A fresh chart for the case, rendered: {"output": ...} or {"error": ...}."""
    files = {"templates/t.yaml": case["template"]}
    if case["helpers"] is not None:
        files["templates/_helpers.tpl"] = case["helpers"]
    return render_case(files, helm_values(case["values"]))


def main():
    seen = set()
    counts = {}
    nerr = 0
    dropped = []
    changed = 0
    for group, fn in GROUPS:
        cases = []
        for case in fn():
            key = (group, case["name"])
            assert key not in seen, "duplicate case name %s/%s" % key
            seen.add(key)
            result = stable(lambda: render_once(case), REPEAT)
            if result is None:
                dropped.append("%s/%s" % key)
                continue
            rec = {"name": case["name"], "template": case["template"], "helpers": case["helpers"],
                   "values": case["values"]}
            rec.update(result)
            if group != "errors":
                assert ("error" in rec) == case["name"].endswith("-error"), \
                    "%s/%s: name must end in -error exactly when the case fails" % key
            else:
                assert "error" in rec, "%s/%s: the errors group holds only failing cases" % key
            nerr += "error" in rec
            cases.append(rec)
        counts[group] = len(cases)
        changed += write_json(CORPUS / (group + ".json"), cases)
    removed = remove_stale(CORPUS, {g + ".json" for g, _ in GROUPS} | {"README.md"})
    for d in dropped:
        print("dropped (not deterministic): " + d)
    total = sum(counts.values())
    print("template corpus: %d cases (%s), %d errors; %d files written, %d removed"
          % (total, ", ".join("%s %d" % kv for kv in counts.items()), nerr, changed, removed))


if __name__ == "__main__":
    main()
