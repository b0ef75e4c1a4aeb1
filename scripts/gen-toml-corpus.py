#!/usr/bin/env python3
"""Generate the fromToml golden data (Tests/Fixtures/toml-corpus.json) from real Helm.

    .oracle-venv/bin/python scripts/gen-toml-corpus.py        # or: make corpus

Each case is one TOML document, given to real Helm v4 as the string value `doc` of a throwaway
chart (apiVersion v2, empty values.yaml) with three templates:

    json.yaml   {{ toJson (fromToml .Values.doc) }}
    v.yaml      {{ fromToml .Values.doc }}                       (the %v form)
    type.yaml   one line per path: {{ typeOf (index (fromToml .Values.doc) "k" ...) }}

Helm's fromToml is BurntSushi/toml v1.6 `toml.Unmarshal` into map[string]interface{}; on a
parse error it returns {"Error": err.Error()}, so error texts land in `json` and `v`. A render
failure is recorded as `error`. Every case is rendered twice and kept only when both runs agree.
`outcome` is "error" when fromToml gave its Error map (or the render failed), else "ok"; cases
listed under valid_cases/error_cases that Helm judges otherwise are printed as notes (that is
the library's real behaviour, recorded as is). The file is rewritten only when its bytes
change. Nothing in it is written by hand.
"""
import json

from oracle_fixture import FIXTURES, oracle, render, stable, throwaway_chart, write_json

h, _ = oracle()

OUT = FIXTURES / "toml-corpus.json"
REPEAT = 2


def C(name, doc, *types):
    """A case: its name, the TOML text and key paths whose typeOf to record."""
    return {"name": name, "doc": doc, "types": [list(t) if isinstance(t, tuple) else [t] for t in types]}


def valid_cases():
    return [
        # documents
        C("empty", ""),
        C("blank-lines", "\n\n  \n\t\n"),
        C("comment-only", "# just a comment\n"),
        C("comment-no-newline", "# c"),
        C("bom", "\ufeffa = 1\n", "a"),
        C("crlf", "a = 1\r\nb = \"x\"\r\n[t]\r\nc = true\r\n", "a", "b", ("t", "c")),
        C("tabs", "\ta\t=\t1\t# c\n", "a"),
        C("no-trailing-newline", "a = 1", "a"),
        # integers
        C("int-zero", "a = 0\nb = +0\nc = -0\n", "a", "b", "c"),
        C("int-plain", "a = 42\nb = -17\nc = +99\n", "a", "b"),
        C("int-underscore", "a = 1_000\nb = 5_349_221\nc = 1_2_3_4_5\n", "a"),
        C("int-hex", "a = 0xDEADBEEF\nb = 0xdeadbeef\nc = 0xdead_beef\nd = 0x0\n", "a"),
        C("int-oct", "a = 0o01234567\nb = 0o755\nc = 0o7_7\n", "a"),
        C("int-bin", "a = 0b11010110\nb = 0b0\nc = 0b1_0\n", "a"),
        C("int-max", "a = 9223372036854775807\nb = -9223372036854775808\n", "a"),
        C("int-hex-max", "a = 0x7FFFFFFFFFFFFFFF\nb = 0o777777777777777777777\n"),
        C("int-bin-leading-zeros", "a = 0b0001\nb = 0x00ff\nc = 0o007\n"),
        # floats
        C("float-plain", "a = 3.14\nb = -0.01\nc = +1.0\n", "a"),
        C("float-exp", "a = 5e+22\nb = 1e06\nc = -2E-2\nd = 6.626e-34\n", "a"),
        C("float-underscore", "a = 224_617.445_991_228\nb = 1_0.0_1e1_0\n"),
        C("float-inf", "a = inf\nb = +inf\nc = -inf\n", "a"),
        C("float-nan", "a = nan\n", "a"),
        C("float-nan-signed", "a = +nan\nb = -nan\n"),
        C("float-zero", "a = 0.0\nb = -0.0\nc = +0.0\nd = 0e0\ne = 0E-5\n"),
        C("float-underflow", "a = 1e-400\n"),
        C("float-max", "a = 1.7976931348623157e308\nb = 5e-324\n"),
        C("float-large", "a = 1e15\nb = 1e21\nc = 123456789.0\nd = 0.000001\ne = 0.0000001\n"),
        C("float-zero-exp", "a = 0e5\nb = 0.5e-3\n"),
        C("float-in-array", "a = [inf, -inf, 1.5]\n"),
        # bools
        C("bools", "t = true\nf = false\n", "t", "f"),
        # basic strings
        C("str-basic", 'a = "hello"\nb = ""\n', "a", "b"),
        C("str-escapes", 'a = "b\\bt\\tn\\nf\\fr\\rq\\"s\\\\"\n'),
        C("str-unicode-escapes", 'a = "\\u00E9\\u00e9 \\U0001F600 \\u0000"\n'),
        C("str-escape-e", 'a = "\\e[0m"\n'),
        C("str-escape-x", 'a = "\\x41\\x7a\\xff\\x00"\n'),
        C("str-unicode-raw", 'a = "日本語 ✓ 😀"\n'),
        C("str-html", 'a = "<a href=\\"x\\">&</a>"\n'),
        C("str-with-hash", 'a = "not # a comment" # a comment\n'),
        C("str-tab-inside", 'a = "x\ty"\n'),
        # literal strings
        C("lit-basic", "a = 'C:\\Users\\x'\nb = ''\nc = '<\\i\\c*\\s*>'\n", "a"),
        C("lit-quotes", "a = 'Tom \"Dubs\" Preston'\n"),
        # multi-line basic strings
        C("ml-basic", 'a = """\nRoses are red\nViolets are blue"""\n', "a"),
        C("ml-no-first-newline", 'a = """one\ntwo"""\n'),
        C("ml-crlf-first", 'a = """\r\nline\r\n"""\n'),
        C("ml-line-ending-backslash", 'a = """\\\n  The quick \\\n\n  brown fox."""\n'),
        C("ml-backslash-spaces", 'a = """a \\   \n   b"""\n'),
        C("ml-backslash-end", 'a = """abc\\\n"""\n'),
        C("ml-escaped-backslash", 'a = """a\\\\\nb"""\n'),
        C("ml-quotes-inside", 'a = """Here are two quotation marks: "". Simple."""\n'),
        C("ml-quotes-end", 'a = """x"""""\nb = """y""""\n'),
        C("ml-quotes-start", 'a = """"x"""\nb = """""y"""\n'),
        C("ml-escapes", 'a = """\\tx\\u0041\\"\\"\\""""\n'),
        C("ml-empty", 'a = """"""\n'),
        C("ml-escaped-quote-before-end", 'a = """lol \\""""""\n'),
        # multi-line literal strings
        C("ml-lit", "a = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\n"),
        C("ml-lit-quotes", "a = '''I [dw]on't need \\d{2} apples'''\nb = ''''That,' she said'''\nc = '''x'''''\n"),
        C("ml-lit-empty", "a = ''''''\n"),
        C("ml-lit-backslash", "a = '''a\\\nb'''\n"),
        # keys
        C("key-bare", "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4\n-_- = 5\n"),
        C("key-quoted", '"127.0.0.1" = 1\n"character encoding" = 2\n"ʎǝʞ" = 3\n\'key2\' = 4\n\'quoted "value"\' = 5\n'),
        C("key-empty-quoted", '"" = "blank"\n', ("",)),
        C("key-empty-literal", "'' = 1\n"),
        C("key-dotted", 'name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true\n',
          "physical", ("physical", "color")),
        C("key-dotted-spaces", "fruit . color = 'yellow'\n fruit .  flavor = 'banana'\n"),
        C("key-dotted-deep", "a.b.c.d = 1\na.b.e = 2\n", ("a", "b")),
        C("key-number-dotted", "3.14159 = 'pi'\n"),
        C("key-escaped", '"a\\tb" = 1\n"\\u00e9" = 2\n'),
        C("key-same-as-table-name", "a = 1\n[b]\na = 2\n"),
        # tables
        C("table-simple", "[table]\nkey = 'v'\n", "table"),
        C("table-empty", "[a]\n", "a"),
        C("table-nested", "[dog.\"tater.man\"]\ntype.name = \"pug\"\n"),
        C("table-spaces", "[ a . b ]\nc = 1\n[ d.'e' . \"f\" ]\n"),
        C("table-implicit-super", "[x.y.z.w]\n[x]\na = 1\n"),
        C("table-super-after", "[a.b]\nc = 1\n[a]\nd = 2\n"),
        C("table-dotted-then-sub", "[fruit]\napple.color = 'red'\napple.taste.sweet = true\n[fruit.apple.texture]\nsmooth = true\n"),
        C("table-comment", "[a] # comment\nb = 1 # another\n"),
        C("table-many", "[a]\nx=1\n[b]\nx=2\n[a.c]\nx=3\n"),
        C("table-empty-name-quoted", '[""]\na = 1\n'),
        C("table-after-dotted-top", "a.b = 1\n[c]\nd = 2\n"),
        # arrays
        C("array-ints", "a = [1, 2, 3]\n", "a"),
        C("array-empty", "a = []\n", "a"),
        C("array-nested", "a = [[1, 2], ['a', \"b\"], []]\n", "a"),
        C("array-mixed", "a = [1, 'x', 2.5, true, 1979-05-27, [1], {b = 1}]\n", "a"),
        C("array-trailing-comma", "a = [1, 2, ]\n"),
        C("array-multiline", "a = [\n  1, # one\n  2,\n  # comment\n  3\n]\n"),
        C("array-inline-tables", "points = [ { x = 1, y = 2 }, { x = 7, y = 8 } ]\n", "points", ("points",)),
        C("array-strings", "a = [\"a\", 'b', \"\"\"c\"\"\", '''d''']\n"),
        C("array-dates", "a = [1979-05-27T07:32:00Z, 07:32:00]\n"),
        C("array-comment-after-open", "a = [ # c\n1]\n"),
        C("array-newlines-only", "a = [\n\n]\n"),
        # inline tables
        C("inline-basic", 'name = { first = "Tom", last = "Preston-Werner" }\n', "name"),
        C("inline-empty", "a = {}\n", "a"),
        C("inline-nested", "a = { b = { c = { d = 1 } } }\n"),
        C("inline-dotted", "animal = { type.name = \"pug\" }\n"),
        C("inline-trailing-comma", "a = { b = 1, }\n"),
        C("inline-newlines", "a = {\n  b = 1,\n  c = 2\n}\n"),
        C("inline-comments", "a = { # c\n  b = 1, # d\n}\n"),
        C("inline-array", "a = { b = [1, 2], c = [{ d = 1 }] }\n", ("a", "c")),
        C("inline-in-table", "[t]\na = { b = 1 }\n"),
        C("inline-quoted-keys", "a = { \"x y\" = 1, 'z' = 2 }\n"),
        C("inline-dotted-shared", "a = { b.c = 1, b.d = 2 }\n"),
        # arrays of tables
        C("aot-basic", "[[products]]\nname = \"Hammer\"\n[[products]]\n[[products]]\nname = \"Nail\"\n",
          "products"),
        C("aot-nested", "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n[[fruits.varieties]]\nname = \"granny smith\"\n[[fruits]]\nname = \"banana\"\n[[fruits.varieties]]\nname = \"plantain\"\n",
          "fruits", ("fruits",)),
        C("aot-deep", "[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n", "a", ("a", "b")),
        C("aot-then-table", "[[a]]\n[a.b]\nc = 1\n"),
        C("aot-empty", "[[a]]\n", "a"),
        C("aot-spaces", "[[ a . b ]]\n"),
        C("aot-under-table", "[t]\n[[t.a]]\nx=1\n"),
        C("aot-inline-in", "[[a]]\nb = { c = 1 }\n"),
        # date-times
        C("dt-offset-z", "a = 1979-05-27T07:32:00Z\n", "a"),
        C("dt-offset-plus", "a = 1979-05-27T00:32:00+07:00\nb = 1979-05-27T00:32:00-05:30\n", "a"),
        C("dt-offset-zero", "a = 1979-05-27T07:32:00+00:00\nb = 1979-05-27T07:32:00-00:00\n"),
        C("dt-fraction", "a = 1979-05-27T00:32:00.999999Z\nb = 1979-05-27T00:32:00.5+01:00\nc = 1979-05-27T00:32:00.123456789Z\n"),
        C("dt-fraction-long", "a = 1979-05-27T00:32:00.1234567891234Z\n"),
        C("dt-lowercase", "a = 1979-05-27t07:32:00z\n"),
        C("dt-space", "a = 1979-05-27 07:32:00Z\n"),
        C("dt-space-comment", "a = 1979-05-27 # date\nb = 07:32:00 # time\n"),
        C("dt-local", "a = 1979-05-27T07:32:00\nb = 1979-05-27T00:32:00.999999\n", "a"),
        C("dt-local-date", "a = 1979-05-27\n", "a"),
        C("dt-local-time", "a = 07:32:00\nb = 00:32:00.999999\nc = 23:59:59.5\n", "a"),
        C("dt-no-seconds", "a = 1979-05-27T07:32Z\nb = 1979-05-27T07:32\nc = 07:32\nd = 1979-05-27T07:32-03:00\n"),
        C("dt-leap-day", "a = 2000-02-29\nb = 2024-02-29T12:00:00Z\n"),
        C("dt-year-zero", "a = 0000-01-01T00:00:00Z\nb = 9999-12-31T23:59:59.999999999Z\n"),
        C("dt-offset-24", "a = 1979-05-27T07:32:00+24:00\n"),
        C("dt-in-table", "[t]\nd = 2021-01-01\n"),
        # mixtures
        C("example-doc", "# This is a TOML document\n\ntitle = \"TOML Example\"\n\n[owner]\nname = \"Tom Preston-Werner\"\ndob = 1979-05-27T07:32:00-08:00\n\n[database]\nenabled = true\nports = [ 8000, 8001, 8002 ]\ndata = [ [\"delta\", \"phi\"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n\n[servers]\n\n[servers.alpha]\nip = \"10.0.0.1\"\nrole = \"frontend\"\n\n[servers.beta]\nip = \"10.0.0.2\"\nrole = \"backend\"\n",
          "title", ("owner", "dob"), ("database", "ports"), ("database", "temp_targets"), ("database", "temp_targets", "cpu")),
        C("helm-like", "[server]\nport = 8080\nhost = \"0.0.0.0\"\n[server.tls]\nenabled = false\n[[server.routes]]\npath = \"/\"\n[[server.routes]]\npath = \"/api\"\n",
          ("server", "port"), ("server", "routes")),
        C("key-named-error", "Error = 'not really'\n"),
        C("unicode-comment", "a = 1 # ünïcödé ✓\n"),
        C("comment-with-tab", "a = 1 #\tx\n"),
        C("inline-then-extend-table", "a = { b = 1 }\n[a.c]\nd = 2\n"),
        C("dotted-extend-inline", "a = { b = 1 }\na.c = 2\n"),
        C("aot-then-dotted", "[[a]]\nb.c = 1\n[[a]]\nb.c = 2\n"),
        C("table-redefine-implicit-by-dotted", "[a.b.c]\nz = 1\n[a]\nb.c.t = 2\n"),
        C("dotted-then-table", "a.b = 1\n[a]\nc = 2\n"),
        C("dotted-then-subtable", "a.b.c = 1\n[a.b.d]\ne = 2\n"),
        C("array-then-dotted-sibling", "a = [1]\nb.c = [2]\n"),
        C("inline-array-of-inline", "a = { b = [ { c = 1 }, { c = 2 } ] }\n"),
        C("nested-array-inline", "a = [[{b = 1}], [{c = 2}]]\n"),
        # redefinitions the library lets through
        C("accepted-dotted-then-table", "a.b.c = 1\n[a.b]\n"),
        C("accepted-dotted-array-parent", "a = [1]\na.b = 2\n"),
        C("accepted-dotted-over-nested", "a.b.c = 1\na.b = 2\n"),
        # more shapes
        C("multibyte-values", "\"ä\" = 1\n\"ö\" = 'ü'\nk = \"日本\"\n"),
        C("comment-positions", "[[a]] # c\nb = [1, # x\n 2 # y\n , 3] # z\n[c] #\n"),
        C("comment-no-space", "a=1#c\nb=[1,2]#d\n"),
        C("quoted-dotted-mix", "'a'.\"b\".c = 1\n\"x\".'' = 2\na.\"\".b = 3\n"),
        C("keys-like-values", "true = 1\nfalse = 2\ninf = 3\nnan = 4\n1979-05-27 = 5\n"),
        C("ml-five-quotes-end", 'a = """a"""""\n'),
        C("ml-escaped-quote-end", 'a = """a\\""""\n'),
        C("ml-crlf-backslash", 'a = """x \\\r\n   y"""\n'),
        C("ml-crlf-content", 'a = """x\r\ny"""\n'),
        C("ml-lit-crlf", "a = '''\r\nx\r\ny'''\n"),
        C("ml-backslash-blank-lines", 'a = """a\\\n\n\n\n   b"""\n'),
        C("ml-tab-after-backslash", 'a = """a\\\t\n\tb"""\n'),
        C("float-underscore-forms", "a = 0.0_1\nb = 1_000.5e1_0\nc = -0.0e-0\nd = 1e-0\n"),
        C("nan-in-inline", "a = { b = nan }\n", ("a", "b")),
        C("inf-in-aot", "[[a]]\nb = -inf\n"),
        C("deep-nesting", "a = [[[[[[1]]]]]]\nb = {c = {d = {e = {f = [{g = 1}]}}}}\n", ("b", "c")),
        C("table-then-aot-sibling", "[a]\nx = 1\n[[b]]\ny = 2\n[[b]]\ny = 3\n"),
        C("aot-nested-reopen", "[[a]]\n[[a.b]]\nx = 1\n[[a]]\n[[a.b]]\nx = 2\n[[a.b]]\nx = 3\n"),
        C("aot-then-super-table", "[[a.b]]\n[a]\nc = 1\n"),
        C("table-aot-child-twice", "[a]\n[[a.b]]\n[[a.b]]\n"),
        C("inline-then-subtable-deep", "a = { b = { c = 1 } }\n[a.b.d]\ne = 1\n"),
        C("inline-dotted-then-table", "a = { b.c = 1 }\n[a.b.d]\n"),
        C("table-inline-then-subtable", "[a]\nb = { c = 1 }\n[a.b.d]\n"),
        C("dotted-key-then-aot-child", "a.b = 1\n[[a.c]]\n"),
        C("str-escaped-key-unicode", "\"\\u00e9t\\u00e9\" = 1\n\"a\\\\b\" = 2\n"),
        C("dt-various-fractions", "a = 07:32:00.1\nb = 07:32:00.12\nc = 07:32:00.000000001\nd = 1979-05-27T07:32:00.0Z\n"),
        C("dt-offset-day-change", "a = 1979-05-27T23:30:00-01:00\nb = 1979-05-27T00:30:00+01:00\n"),
        C("dt-no-seconds-space", "a = 07:32\nb = 1979-05-27 07:32\n"),
        C("dt-end-of-file", "a = 1979-05-27"),
        C("bool-eof", "a = true"),
        C("float-eof", "a = 1.5"),
        C("inline-eof-ok", "a = {}"),
        C("array-eof-ok", "a = []"),
        C("empty-lines-crlf", "\r\n\r\na = 1\r\n\r\n"),
        C("whitespace-around-equals", "a\t=\t1\nb    =    2\n"),
        C("table-whitespace-header", "  [a]  \n  b = 1  \n"),
        C("aot-whitespace", "[[ a ]]\n  [[ a ]]\n"),
        C("string-all-escapes-key", "\"\\b\\t\\n\\f\\r\\\"\\\\\\e\" = 1\n"),
    ]


def error_cases():
    return [
        # raw input problems
        C("nul-first", "a\x00 = 1\n"),
        C("nul-later", "abcdefgh = \"x\x00\"\n"),
        C("ctrl-in-string", "a = \"x\x01y\"\n"),
        C("ctrl-in-comment", "a = 1 # x\x1f\n"),
        C("ctrl-del", "a = 'x\x7f'\n"),
        C("ctrl-lone-cr", "a = 1\rb = 2\n"),
        C("ctrl-cr-at-end", "a = 1\r"),
        C("ctrl-in-ml", "a = \"\"\"x\x08\"\"\"\n"),
        C("ctrl-line3", "a = 1\nb = 2\nc = \"\x02\"\n"),
        # keys and top level
        C("key-only", "a\n"),
        C("key-only-eof", "a"),
        C("key-eq-eof", "a ="),
        C("key-eq-space-eof", "a = "),
        C("key-eq-newline", "a =\nb = 1\n"),
        C("key-blank", "= 1\n"),
        C("key-leading-dot", ".a = 1\n"),
        C("key-trailing-dot", "a. = 1\n"),
        C("key-double-dot", "a..b = 1\n"),
        C("key-space-inside", "a b = 1\n"),
        C("key-bad-char", "a! = 1\n"),
        C("key-start-bad-char", "!a = 1\n"),
        C("key-unicode-bare", "é = 1\n"),
        C("key-multiline-quoted", '"""a""" = 1\n'),
        C("key-unterminated-quote", '"a = 1\n'),
        C("key-newline-in-dotted", "a.\nb = 1\n"),
        C("key-cr", "a\r\n= 1\n"),
        C("value-then-garbage", "a = 1 2\n"),
        C("two-keys-one-line", "a = 1 b = 2\n"),
        C("value-bad-char", "a = @\n"),
        C("value-word", "a = foo\n"),
        C("value-bracket", "a = ]\n"),
        C("value-comma", "a = ,\n"),
        C("value-dot", "a = .5\n"),
        C("value-unicode-letter", "a = ü\n"),
        C("stray-bracket-line", "]\n"),
        C("top-end-garbage-after-string", "a = 'x' y\n"),
        # tables
        C("table-empty-name", "[]\n"),
        C("table-unterminated", "[a\n"),
        C("table-unterminated-eof", "[a"),
        C("table-trailing-dot", "[a.]\n"),
        C("table-leading-dot", "[.a]\n"),
        C("table-space-name", "[a b]\n"),
        C("table-garbage-after", "[a] x\n"),
        C("table-eof-after-open", "["),
        C("aot-empty-name", "[[]]\n"),
        C("aot-unterminated", "[[a]\n"),
        C("aot-space-close", "[[a] ]\n"),
        C("table-bad-char", "[a!]\n"),
        C("table-newline", "[a\n]\n"),
        # duplicates and redefinition
        C("dup-key", "a = 1\na = 2\n"),
        C("dup-key-line3", "\n\na = 1\na = 2\n"),
        C("dup-table", "[a]\n[a]\n"),
        C("dup-key-table", "a = 1\n[a]\n"),
        C("dup-table-key", "[a]\nb = 1\n[a.b]\n"),
        C("dup-dotted-over-value", "a = 1\na.b = 2\n"),
        C("dup-dotted-value", "a.b = 1\na.b = 2\n"),
        C("dup-inline-extend-dotted", "a = { b = 1 }\na.b.c = 2\n"),
        C("dup-table-after-sub", "[a]\n[a.b]\n[a]\n"),
        C("dup-aot-after-array", "a = []\n[[a]]\n"),
        C("dup-aot-after-table", "[a]\n[[a]]\n"),
        C("dup-table-after-aot", "[[a]]\n[a]\n"),
        C("dup-array-value", "a = [1]\na = [2]\n"),
        C("dup-inline-keys", "a = { b = 1, b = 2 }\n"),
        C("dup-inline-dotted", "a = { b.c = 1, b.c = 2 }\n"),
        C("dup-inline-value-then-dotted", "a = { b = 1, b.c = 2 }\n"),
        C("dup-quoted-key", "a = 1\n\"a\" = 2\n"),
        C("dup-key-in-table", "[t]\nk = 1\nk = 2\n"),
        C("dup-key-quoted-table", "[\"x y\"]\nk = 1\nk = 2\n"),
        C("dup-in-aot", "[[t]]\nk = 1\nk = 2\n"),
        C("dup-value-as-table-parent", "a = 1\n[a.b]\n"),
        C("dup-array-as-table-parent", "a = [1]\n[a.b]\n"),
        C("dup-aot-value", "[[a]]\nb = 1\n[[a.b]]\n"),
        C("dup-empty-key", "\"\" = 1\n\"\" = 2\n"),
        C("dup-key-in-subtable-dotted", "[a]\nb.c = 1\n[a.b]\nc = 2\n"),
        C("dup-inline-table-redefine", "a = {}\n[a]\n"),
        # strings
        C("str-unterminated", 'a = "abc\n'),
        C("str-unterminated-eof", 'a = "abc'),
        C("str-newline-line2", 'x = 1\na = "ab\ncd"\n'),
        C("str-bad-escape", 'a = "\\q"\n'),
        C("str-escape-space", 'a = "a\\ b"\n'),
        C("str-escape-tab", 'a = "a\\\tb"\n'),
        C("str-bad-hex", 'a = "\\xZZ"\n'),
        C("str-short-hex", 'a = "abc\\x4"\n'),
        C("str-bad-u", 'a = "\\u12G4"\n'),
        C("str-short-u", 'a = "\\u12"\n'),
        C("str-bad-U", 'a = "\\U0000004"\n'),
        C("str-U-out-of-range", 'a = "\\UFFFFFFFF"\n'),
        C("str-U-above-max", 'a = "\\U00110000"\n'),
        C("str-u-surrogate", 'a = "\\uD800"\n'),
        C("str-escape-eof", 'a = "\\'),
        C("str-escape-newline", 'a = "a\\\nb"\n'),
        C("ml-unterminated", 'a = """abc\n'),
        C("ml-unterminated-eof", 'a = """abc'),
        C("ml-six-quotes", 'a = """abc""""""\n'),
        C("ml-bad-escape", 'a = """\\q"""\n'),
        C("ml-escape-space-not-eol", 'a = """a\\ b"""\n'),
        C("ml-backslash-space-eof", 'a = """a\\ '),
        C("ml-surrogate", 'a = """\\uDFFF"""\n'),
        C("lit-unterminated", "a = 'abc\n"),
        C("lit-unterminated-eof", "a = 'abc"),
        C("ml-lit-unterminated", "a = '''abc\n"),
        C("ml-lit-six-quotes", "a = '''abc''''''\n"),
        C("str-after-ok-lines", "a = 1\nb = 2\n\nc = \"x\n"),
        C("str-escape-unicode-bad-line2", "\na = \"\\u00g0\"\n"),
        # numbers
        C("int-leading-zero", "a = 01\n"),
        C("int-leading-zero-neg", "a = -01\n"),
        C("int-leading-zero-plus", "a = +012\n"),
        C("int-double-underscore", "a = 1__2\n"),
        C("int-trailing-underscore", "a = 1_\n"),
        C("int-leading-underscore", "a = _1\n"),
        C("int-hex-underscore-prefix", "a = 0x_1\n"),
        C("int-sign-hex", "a = +0x1\n"),
        C("int-sign-bin", "a = -0b1\n"),
        C("int-sign-oct", "a = -0o7\n"),
        C("int-bad-bin", "a = 0b2\n"),
        C("int-bad-oct", "a = 0o8\n"),
        C("int-bad-hex", "a = 0xG\n"),
        C("int-hex-eof", "a = 0x"),
        C("int-hex-upper-prefix", "a = 0X1F\n"),
        C("int-overflow", "a = 9223372036854775808\n"),
        C("int-underflow", "a = -9223372036854775809\n"),
        C("int-overflow-hex", "a = 0xFFFFFFFFFFFFFFFF\n"),
        C("int-overflow-underscore", "a = 9_223_372_036_854_775_808\n"),
        C("int-trailing-letter", "a = 123abc\n"),
        C("int-sign-only", "a = +\n"),
        C("int-sign-space", "a = - 1\n"),
        C("int-sign-letter", "a = -x\n"),
        C("float-leading-zero", "a = 00.5\n"),
        C("float-leading-zero-neg", "a = -01.5\n"),
        C("float-trailing-dot", "a = 1.\n"),
        C("float-dot-exp", "a = 1.e5\n"),
        C("float-exp-only", "a = 1e\n"),
        C("float-exp-sign-only", "a = 1e+\n"),
        C("float-two-dots", "a = 1.5.5\n"),
        C("float-two-exps", "a = 1e5e5\n"),
        C("float-trailing-underscore", "a = 3.14_\n"),
        C("float-underscore-before-dot", "a = 1_.5\n"),
        C("float-underscore-after-e", "a = 1e_5\n"),
        C("float-overflow", "a = 1e400\n"),
        C("float-neg-overflow", "a = -1.5e999\n"),
        C("float-sign-dot", "a = +.5\n"),
        C("float-minus-in-middle", "a = 1.5-3\n"),
        C("float-exp-plus-end", "a = 1e5+\n"),
        C("float-inf-bad", "a = +inx\n"),
        C("float-nan-bad", "a = -nax\n"),
        C("float-inf-suffix", "a = inf2\n"),
        C("float-infinity", "a = infinity\n"),
        C("float-nan-upper", "a = NaN\n"),
        C("float-in-bad", "a = inx\n"),
        C("float-sign-inf-eof", "a = -i"),
        # bools
        C("bool-upper", "a = True\n"),
        C("bool-partial", "a = tru\n"),
        C("bool-suffix", "a = truex\n"),
        C("bool-digit-suffix", "a = true1\n"),
        # arrays
        C("array-double-comma", "a = [1,,2]\n"),
        C("array-only-comma", "a = [,]\n"),
        C("array-no-comma", "a = [1 2]\n"),
        C("array-unterminated", "a = [1, 2\n"),
        C("array-unterminated-eof", "a = [1, 2"),
        C("array-bad-value", "a = [1, @]\n"),
        C("array-bad-after-value", "a = [1; 2]\n"),
        C("array-inline-dup", "a = [{b = 1, b = 2}]\n"),
        C("array-then-aot", "a = [{b = 1}]\n[[a]]\n"),
        # inline tables
        C("inline-double-comma", "a = {b = 1,, c = 2}\n"),
        C("inline-only-comma", "a = {,}\n"),
        C("inline-no-comma", "a = {b = 1 c = 2}\n"),
        C("inline-unterminated", "a = {b = 1\n"),
        C("inline-unterminated-eof", "a = {b = 1"),
        C("inline-no-value", "a = {b = }\n"),
        C("inline-no-equals", "a = {b}\n"),
        C("inline-bad-key", "a = {!}\n"),
        C("inline-bad-terminator", "a = {b = 1]\n"),
        C("inline-nested-error", "a = { b = { c = 01 } }\n"),
        C("inline-error-in-table", "[t.u]\na = { b = \"x\n"),
        # date-times
        C("dt-bad-month", "a = 1979-13-01\n"),
        C("dt-bad-day", "a = 1979-02-30\n"),
        C("dt-not-leap", "a = 1900-02-29\n"),
        C("dt-missing-zero-month", "a = 1979-5-27\n"),
        C("dt-missing-zero-hour", "a = 7:32:00\n"),
        C("dt-missing-zero-hour-dt", "a = 1979-05-27T7:32:00\n"),
        C("dt-bad-second", "a = 07:32:60\n"),
        C("dt-bad-hour", "a = 24:00:00\n"),
        C("dt-bad-minute", "a = 07:60:00\n"),
        C("dt-bad-offset", "a = 1979-05-27T07:32:00+25:00\n"),
        C("dt-bad-offset-minutes", "a = 1979-05-27T07:32:00+01:61\n"),
        C("dt-offset-no-colon", "a = 1979-05-27T07:32:00+0100\n"),
        C("dt-double-space", "a = 1979-05-27  07:32:00\n"),
        C("dt-trailing-dot", "a = 1979-05-27T07:32:00.\n"),
        C("dt-trailing-garbage", "a = 1979-05-27T07:32:00Zx\n"),
        C("dt-date-then-time-garbage", "a = 1979-05-27 x\n"),
        C("dt-short-year", "a = 79-05-27\n"),
        C("dt-bad-sep", "a = 1979-05-27X07:32:00\n"),
        C("dt-number-dash", "a = 1-2\n"),
        C("dt-hour-only", "a = 12:\n"),
        C("dt-three-digit-hour", "a = 123:45\n"),
        C("dt-in-array-bad", "a = [1979-02-30]\n"),
        C("dt-zone-lowercase-offset", "a = 1979-05-27T07:32:00z+01:00\n"),
        # last-key context in messages
        C("lastkey-table", "[server]\nport = 01\n"),
        C("lastkey-dotted", "a.b.c = 01\n"),
        C("lastkey-quoted", "\"a b\".c = 01\n"),
        C("lastkey-quoted-table", "[\"x.y\"]\nz = 01\n"),
        C("lastkey-aot", "[[a]]\n[[a]]\nb = tru\n"),
        C("lastkey-inline", "t = { u = { v = 01 } }\n"),
        C("lastkey-array", "arr = [1, 2, 01]\n"),
        C("lastkey-after-table-header", "[a.b]\n[c\n"),
        C("lastkey-empty-key", "\"\" = 01\n"),
        C("lastkey-escaped-key", "\"a\\tb\" = 01\n"),
        C("lastkey-table-bad-value", "[t]\nx = 1\ny = @\n"),
        C("lastkey-multiline-string-line", "a = \"\"\"\nx\ny\n\"\"\"\nb = 1\nb = 2\n"),
        C("lastkey-comment-then-error", "# c\n\n# d\n[a]\nb = \"\\q\"\n"),
        C("eof-in-array-lines", "a = [\n1,\n"),
        C("eof-in-inline-lines", "a = {\n"),
        C("eof-in-ml-lines", 'a = """\nx\n'),
        C("eof-after-key-table", "[a]\nb = "),
        C("eof-after-bracket-line2", "x = 1\n["),
        C("eof-equals-line3", "\n\n="),
        C("eof-bool", "a = t"),
        C("bin-eof", "a = 0b"),
        C("oct-newline", "a = 0o\n"),
        C("zero-underscore", "a = 0_0\n"),
        C("float-zero-e", "a = 0e\n"),
        C("hex-float", "a = 0x1.5\n"),
        C("value-accent", "a = é\n"),
        C("lit-newline-line3", "a = 1\nb = 2\nc = 'x\n"),
        C("dup-after-blank-lines", "a = 1\n[b]\na = 2\n[a]\n"),
        C("dup-deep-table", "[a.b.c]\n[a.b.c]\n"),
        C("table-nested-brackets", "[ [a] ]\n"),
        C("table-no-newline-key", "[a]b=1\n"),
        C("two-strings", "a = \"x\"\"y\"\n"),
        C("key-two-quoted", "\"a\"\"b\" = 1\n"),
        C("crlf-string-newline", "a = 1\r\n\r\n[b]\r\nc = \"x\r\ny\"\r\n"),
        C("blank-key-spaces", "  = 1\n"),
        C("dup-table-line-5", "[x]\n\n\n\n[x]\n"),
        C("aot-over-inline-array", "a = [{b = 1}]\n[a.c]\n"),
        C("aot-child-over-value", "[[a]]\nb = 1\n[a.b]\n"),
        C("dup-aot-child-table", "[a]\n[[a.b]]\n[a.b]\n"),
        C("dup-inline-then-table", "a = {b = 1}\n[a]\n"),
        C("dup-inline-nested-subtable", "a = {b = {c = 1}}\n[a.b]\n"),
        C("dup-key-unicode-quoted", "\"ü\" = 1\n\"ü\" = 2\n"),
        C("lastkey-unicode-quoted", "\"ü\" = 01\n"),
        C("lastkey-control-escape", "\"a\\u0001\" = 01\n"),
        C("lastkey-quote-in-key", "[\"a\\\"b\"]\nk = 01\n"),
        C("lastkey-backslash-key", "'a\\b' = 01\n"),
        C("lastkey-empty-part", "a.\"\".b = 01\n"),
        C("lastkey-after-inline", "a = {b = 1}\nc = 01\n"),
        C("lastkey-in-array-inline", "a = [{b = 01}]\n"),
        C("lastkey-nested-array-inline", "[t]\na = [[{b = {c = tru}}]]\n"),
        C("error-line-10", "a=1\nb=2\nc=3\nd=4\ne=5\nf=6\ng=7\nh=8\ni=9\nj=@\n"),
        C("error-after-ml-lit", "a = '''\n\n\n'''\nb = 1 2\n"),
        C("ml-quote-then-eof", 'a = """ab""'),
        C("ml-lit-quote-then-eof", "a = '''ab''"),
        C("str-escape-x-eof", 'a = "\\x4'),
        C("str-escape-U-eof", 'a = "\\U0001'),
        C("ml-escape-bad-u", 'a = """\\u12"""\n'),
        C("ml-escape-eof", 'a = """\\'),
        C("key-quoted-eof", '"a'),
        C("key-lit-newline", "'a\n' = 1\n"),
        C("table-quoted-unterminated", '["a]\n'),
        C("table-quoted-bad-escape", '["\\q"]\n'),
        C("inline-key-eof", "a = {b"),
        C("inline-newline-in-key", "a = {b\n= 1}\n"),
        C("array-inline-newline-value", "a = [{b =\n1}]\n"),
        C("sign-nan-eof", "a = +n"),
        C("ctrl-in-key", "a\x01 = 1\n"),
        C("ctrl-in-table-name", "[a\x02]\n"),
        C("ctrl-in-lit-ml", "a = '''\x03'''\n"),
        C("ctrl-tab-ok-vt-not", "a = \"\t\x0b\"\n"),
        C("nul-at-six", "abcde\x00= 1\n"),
        C("nul-after-bom", "\ufeffa\x00 = 1\n"),
    ]


GROUPS = [("valid", valid_cases), ("error", error_cases)]


def go_string(s):
    return json.dumps(s)


def render_once(case):
    type_lines = "".join("{{ typeOf (index (fromToml .Values.doc) %s) }}\n" % " ".join(go_string(k) for k in path)
                         for path in case["types"])
    files = {"templates/json.yaml": "{{ toJson (fromToml .Values.doc) }}",
             "templates/v.yaml": "{{ fromToml .Values.doc }}", "templates/type.yaml": type_lines}
    with throwaway_chart(files) as chart:
        try:
            out = render(chart, {"doc": case["doc"]})
        except h.HelmError as e:
            return {"error": str(e)}
    rec = {"json": out["c/templates/json.yaml"], "v": out["c/templates/v.yaml"]}
    if case["types"]:
        rec["types"] = [[path, t] for path, t in zip(case["types"], out["c/templates/type.yaml"].split("\n"))]
    return rec


def main():
    seen = set()
    cases = []
    dropped = []
    surprises = []
    for group, fn in GROUPS:
        for case in fn():
            assert case["name"] not in seen, "duplicate case name " + case["name"]
            seen.add(case["name"])
            result = stable(lambda: render_once(case), REPEAT)
            if result is None:
                dropped.append(case["name"])
                continue
            rec = {"name": case["name"], "doc": case["doc"]}
            rec.update(result)
            is_error = "error" in rec or rec["v"].startswith("map[Error:toml: ")
            rec["outcome"] = "error" if is_error else "ok"
            if is_error != (group == "error"):
                surprises.append("%s (%s case, Helm says %s)" % (case["name"], group, rec["outcome"]))
            cases.append(rec)
    changed = write_json(OUT, cases)
    for s in surprises:
        print("note: " + s)
    for d in dropped:
        print("dropped (not deterministic): " + d)
    nerr = sum(1 for c in cases if c["outcome"] == "error")
    print("toml corpus: %d cases, %d errors; %s" % (len(cases), nerr, "written" if changed else "unchanged"))


if __name__ == "__main__":
    main()
