#!/usr/bin/env python3
"""Generate the printf golden-data corpus (Tests/Fixtures/printf-corpus/cases.json) from real Helm.

    .oracle-venv/bin/python scripts/gen-printf-corpus.py      # from the repository root

Every case is a call of `printf`, `print` or `println` written in a structured form: the
format string and a list of typed arguments,

    {"int": 42}  {"int64": 5}  {"uint64": 255}  {"float": 3.5}  {"float": "NaN"}
    {"string": "x"}  {"bool": true}  {"nil": null}  {"list": [args]}  {"map": {"k": arg}}
    {"bytes": [104, 105]}  {"time": 1577934245}

From it the script writes one template action per case, renders them all through one
throwaway chart with real Helm, and records the rendered text as "output". How each typed
argument is written in the template (Go types as text/template and Helm give them):

    int      an integer literal                       -> Go int
    int64    (int64 N)                                -> int64 (sprig)
    uint64   (semver "N.0.0").Major                   -> uint64 (Masterminds semver)
    float    a float literal (repr, always with . or e); NaN/±Inf as (float64 "NaN")
    string   a double-quoted Go string literal
    bool/nil true, false, nil
    list     (list a b ...)                           -> []interface {}
    map      (dict "k" v ...)                         -> map[string]interface {}
    bytes    (.Files.GetBytes "bytes/N.bin")          -> []uint8 (a chart file)
    time     (toDate "2006-01-02T15:04:05Z07:00" "...Z") -> time.Time in UTC

Arguments written as V(key, python value) come from the render's values dict instead
(`.Values.key`): Helm hands them over as JSON, so numbers arrive as float64, lists as
[]interface {}, maps as map[string]interface {}. Such a case records the typed form of the
value in "args" and the values it reads in "values".

Helm deletes every "<no value>" from rendered text; the outputs are exactly what Helm
rendered. %p of maps and slices (a memory address) is left out: it is not reproducible.
The script is deterministic and rewrites the file only when its content changes.
"""
import json
import math

from oracle_fixture import FIXTURES, REPO, render as render_chart, throwaway_chart, write_json

OUT = FIXTURES / "printf-corpus" / "cases.json"


# --------------------------------------------------------------------------------------
# Typed arguments
# --------------------------------------------------------------------------------------

def I(n): return {"int": n}
def I64(n): return {"int64": n}
def U64(n): return {"uint64": n}
def F(x): return {"float": x}
def S(s): return {"string": s}
def B(b): return {"bool": b}
NIL = {"nil": None}
def L(*xs): return {"list": list(xs)}
def M(d): return {"map": d}
def BY(s): return {"bytes": list(s.encode("utf-8"))}
def T(seconds): return {"time": seconds}
def V(key, value): return {"__value__": key, "py": value}

NAN, INF, NINF = F("NaN"), F("+Inf"), F("-Inf")


def typed(py):
    """The typed form of a Python value arriving through the values dict."""
    if py is None:
        return NIL
    if isinstance(py, bool):
        return B(py)
    if isinstance(py, (int, float)):
        return F(float(py))
    if isinstance(py, str):
        return S(py)
    if isinstance(py, list):
        return L(*[typed(x) for x in py])
    if isinstance(py, dict):
        return M({k: typed(v) for k, v in py.items()})
    raise TypeError(py)


def go_string(s):
    return json.dumps(s, ensure_ascii=False)


def float_literal(x):
    text = repr(float(x))
    assert "." in text or "e" in text, text
    return text


class Writer:
    """Turns typed arguments into template text; collects byte files and values."""

    def __init__(self):
        self.byte_files = {}  # content -> file name

    def arg(self, a, values):
        if "__value__" in a:
            values[a["__value__"]] = a["py"]
            return ".Values." + a["__value__"], typed(a["py"])
        (kind, v), = a.items()
        if kind == "int":
            return str(v), a
        if kind == "int64":
            return "(int64 %d)" % v, a
        if kind == "uint64":
            return '(semver "%d.0.0").Major' % v, a
        if kind == "float":
            if isinstance(v, str):
                return '(float64 "%s")' % v, a
            return float_literal(v), a
        if kind == "string":
            return go_string(v), a
        if kind == "bool":
            return ("true" if v else "false"), a
        if kind == "nil":
            return "nil", a
        if kind == "list":
            parts = [self.arg(x, values) for x in v]
            return "(list" + "".join(" " + t for t, _ in parts) + ")", L(*[x for _, x in parts])
        if kind == "map":
            parts = {k: self.arg(x, values) for k, x in v.items()}
            text = "".join(" %s %s" % (go_string(k), t) for k, (t, _) in parts.items())
            return "(dict" + text + ")", M({k: x for k, (_, x) in parts.items()})
        if kind == "bytes":
            key = bytes(v)
            name = self.byte_files.setdefault(key, "bytes/%d.bin" % len(self.byte_files))
            return '(.Files.GetBytes "%s")' % name, a
        if kind == "time":
            import datetime
            t = datetime.datetime.fromtimestamp(v, datetime.timezone.utc)
            return '(toDate "2006-01-02T15:04:05Z07:00" "%s")' % t.strftime("%Y-%m-%dT%H:%M:%SZ"), a
        raise ValueError(a)


# --------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------

CASES = []  # (name, func, format or None, args)


def add(name, fmt, *args, func="printf"):
    CASES.append((name, func, fmt, list(args)))


SAMPLES = [
    ("int42", I(42)), ("intNeg", I(-7)), ("int0", I(0)), ("int64", I64(5)), ("uint64", U64(255)),
    ("float", F(3.5)), ("negZero", F(-0.0)), ("bigFloat", F(1e21)), ("tinyFloat", F(1e-7)),
    ("str", S("hi")), ("strUni", S("héllo")), ("true", B(True)), ("nil", NIL),
    ("list", L(I(1), S("two"), F(3.5), NIL, B(True))),
    ("map", M({"b": L(S("x"), NIL), "a": I(1), "c": M({"d": F(2.5)})})),
    ("bytes", BY("hi")),
]
VERBS = ["%v", "%+v", "%#v", "%s", "%q", "%d", "%b", "%o", "%O", "%x", "%X", "%c", "%U",
         "%e", "%E", "%f", "%F", "%g", "%G", "%t", "%T", "%#x", "%#o", "%#q", "%+q", "%#U",
         "%6v", "%-6v|", "%06d", "%.1f", "%z", "%w", "%!", "%é"]
for vname, val in SAMPLES:
    for verb in VERBS:
        add("matrix %s %s" % (verb, vname), verb, val)

TIME = T(1577934245)  # 2020-01-02T03:04:05Z
for verb in ["%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%T", "%30v|", "%-30s|", "%.4s"]:
    add("time " + verb, verb, TIME)
add("time in list", "%v", L(TIME, I(1)))
add("time in list %s", "%s", L(TIME))
add("time in map %q", "%q", M({"t": TIME}))

FLOATS = [0.0, 2.5, 3.5, 0.5, 1.5, 1.005, -1.5, 123456789.0, 1e21, 1e20, 1e-7, 1e-5, 0.0001,
          0.1, 2 / 3, 1e100, 5e-324, 1.7976931348623157e308, 100.0, 0.000123456, 1e6, 999999.5,
          9.9999e-5, 12345.678]
FLOAT_FORMATS = ["%v", "%.0f", "%.1f", "%.2f", "%.3f", "%e", "%.3e", "%g", "%.3g", "%.10g",
                 "%G", "%8.3f", "%08.3f", "%+.2e", "%#g", "%#.3g", "%#.0f", "%x", "%.2x", "%b",
                 "%.0e", "%#v", "%.20f", "%.17g"]
for x in FLOATS:
    for fmt in FLOAT_FORMATS:
        add("float %s %r" % (fmt, x), fmt, F(x))
for x in [-2.5, -0.0, -1e-10]:
    for fmt in ["%v", "%.0f", "%e", "%g", "%+g", "% g", "%08.2f", "%-8.2f|", "%x"]:
        add("float %s %r" % (fmt, x), fmt, F(x))

SPECIALS = [("NaN", NAN), ("+Inf", INF), ("-Inf", NINF)]
for name, val in SPECIALS:
    for fmt in ["%v", "%f", "%+f", "% f", "%05f", "%-6f|", "%8.3f", "%+.2e", "%g", "%#g", "%x",
                "%06v", "%+v", "%d", "%s", "%b"]:
        add("special %s %s" % (fmt, name), fmt, val)

INTS = [I(0), I(1), I(-1), I(42), I(-42), I(255), I(65), I(9223372036854775807),
        I(-9223372036854775808), I(0x1F600), I(0x110000), I(0xD800), I(10), I(0x7F), I(0xE9),
        I64(-5), U64(18446744073709551615), U64(0)]
INT_FORMATS = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%#X", "%o",
               "%#o", "%O", "%b", "%#b", "%08b", "%.3d", "%8.3d", "%.0d", "%+05d", "%-+5d|",
               "%#08x", "%c", "%q", "%U", "%#U", "%+q", "%5c", "%-4q|", "%.6U", "%#v", "%x.",
               "% x", "%+.3x", "%#.0x", "%08.3d", "%-08d|"]
for val in INTS:
    for fmt in INT_FORMATS:
        (k, v), = val.items()
        add("int %s %s(%d)" % (fmt, k, v), fmt, val)

STRINGS = ["", "hi", "héllo wörld", "日本語", "tab\there", 'a"b\\c', "back`tick", "\x01ctl",
           "emoji😀", "\u00a0nbsp", "\x7f", "new\nline", "\ufeffbom", "\u200bzw", "'single'"]
STRING_FORMATS = ["%s", "%5s", "%-5s|", "%.3s", "%5.1s", "%05s", "%q", "%#q", "%+q", "%#+q",
                  "%x", "%X", "% x", "%# x", "%#x", "%.2x", "%10x|", "%-10X|", "%v", "%#v",
                  "%T", "%d", "%.0s|", "%8q", "%-8.2q|", "%.2q"]
for s in STRINGS:
    for fmt in STRING_FORMATS:
        add("string %s %r" % (fmt, s), fmt, S(s))

COLLECTIONS = [
    ("mixed", L(I(1), S("two"), F(3.5), NIL, B(True))),
    ("strings", L(S("a"), S("b c"), S("日本"))),
    ("floats", L(F(1.0), F(2.5), F(1e21))),
    ("nested", L(L(I(1), I(2)), L(), M({"k": S("v")}))),
    ("empty", L()),
    ("emptyMap", M({})),
    ("mapNil", M({"a": NIL, "b": I(-3)})),
    ("mapNested", M({"z": M({"y": L(F(1.5), NIL)}), "a": S("x")})),
    ("mapKeys", M({"b": I(2), "B": I(1), "a b": I(3), "ä": I(4), "10": I(5), "9": I(6)})),
    ("listBytes", L(BY("ab"), S("c"))),
    ("int64s", L(I64(-1), U64(7))),
]
COLLECTION_FORMATS = ["%v", "%+v", "%#v", "%s", "%d", "%q", "%x", "%X", "% x", "%5v", "%-4v|",
                      "%05d", "%.1f", "%e", "%t", "%T", "%c", "%U", "%#x", "%+d", "%08.3f", "%.2s"]
for name, val in COLLECTIONS:
    for fmt in COLLECTION_FORMATS:
        add("collection %s %s" % (fmt, name), fmt, val)

BYTES_FORMATS = ["%v", "%#v", "%s", "%q", "%x", "%X", "% x", "%#x", "%d", "%c", "%o", "%5s",
                 "%.1s", "%e", "%T", "%+q", "%U"]
for fmt in BYTES_FORMATS:
    add("bytes %s" % fmt, fmt, BY("héllo"))
add("bytes empty %v", "%v", BY(""))
add("bytes empty %5x|", "%5x|", BY(""))
add("bytes in map %#v", "%#v", M({"b": BY("hi")}))
add("bytes in map %s", "%s", M({"b": BY("hi")}))

# Width, precision and argument indexes.
add("star width", "%*d|", I(5), I(42))
add("star neg width", "%*d|", I(-5), I(42))
add("star width and prec", "%*.*f|", I(8), I(2), F(3.14159))
add("star prec", "%.*s|", I(2), S("hello"))
add("star neg prec", "%.*d|", I(-1), I(42))
add("star width float", "%*d", F(5.0), I(42))
add("star width string", "%*d", S("5"), I(42))
add("star width int64", "%*d|", I64(4), I(1))
add("star width uint64", "%*d|", U64(4), I(1))
add("star width too large", "%*d|", I(10000000), I(1))
add("star prec missing", "%.*d")
add("star width missing", "%*d")
add("star prec float", "%.*f", F(2.0), F(3.14159))
add("star with zero flag neg", "%0*d|", I(-5), I(42))
add("index basic", "%[2]d %[1]d", I(1), I(2))
add("index reuse", "%[1]s %[1]q %[1]x", S("hi"))
add("index then next", "%[2]d %d", I(1), I(2), I(3))
add("index star", "%[3]*.[2]*[1]f", F(12.0), I(2), I(6))
add("index star 2", "%[1]*d", I(3), I(7))
add("index bad 0", "%[0]d", I(1))
add("index bad big", "%[5]d", I(1))
add("index bad text", "%[x]d", I(1))
add("index unclosed", "%[1d", I(1))
add("index empty", "%[]d", I(1))
add("index width after", "%[1]2d", I(1))
add("index prec after", "%[1].2d", I(1))
add("index no extra", "%[1]d", I(1), I(2))
add("index missing", "%[2]d %d", I(1), I(2))
add("index neg", "%[-1]d", I(1))
add("index huge", "%[99999999999]d", I(1))
add("index before dot", "%.[2]d", I(7), I(8))
add("index after dot star", "%.[2]*[1]d|", I(7), I(3))
add("noverb", "%")
add("noverb flags", "abc%-+")
add("noverb width", "%5")
add("noverb prec", "x%.3")
add("noverb with arg", "%", I(1))
add("missing", "%s")
add("missing two", "%d %s", I(1))
add("missing flags", "%-5.2f")
add("extra", "x", S("x"), I(1))
add("extra many", "%d", I(1), S("a"), F(2.5), NIL, L(I(1)), M({"a": I(1)}), B(False), I64(3))
add("extra flags cleared", "%5d", I(1), I(2))
add("percent", "%%")
add("percent flags", "%-5%|%05%")
add("percent arg", "%%%d", I(3))
add("percent no consume", "%5.2% %d", I(3))
add("dot verb", "%.", I(1))
add("huge width", "%100000000d|", I(1))
# fmt's tooLarge (±1e6): a literal number that overflows it ends the verb (NOVERB,
# the arguments left over); a * argument out of range is BADWIDTH / BADPREC.
add("huge width literal", "%999999999999d|", I(1))
add("huge prec literal", "%.99999999999f|", F(1.5))
add("huge prec int literal", "%.100000000d|", I(1))
add("star width huge", "%*d|", I(1000000000000), I(1))
add("star width just over", "%*d|", I(1000001), I(1))
add("star neg width just over", "%*d|", I(-1000001), I(1))
add("star width int64 huge", "%*d|", I64(1000000000000), I(1))
add("star width uint64 huge", "%*d|", U64(18446744073709551615), I(1))
add("star prec huge", "%.*f|", I(1000000000000), F(1.5))
add("star prec huge string", "%.*s|", I(99999999999), S("abc"))
add("star width minus huge", "%-*d|", I(99999999999), I(7))
add("star width and prec huge", "%*.*d|", I(1000001), I(1000001), I(3))
add("star width index huge", "%[2]*[1]d|", I(5), I(99999999999))
add("width 0", "%0d|", I(7))
add("prec empty", "%.d|%.s|%.f", I(0), S("abc"), F(2.5))
add("flags repeated", "%--5d|%++d|%  d", I(1), I(2), I(3))
add("plus space", "%+ d|% +d", I(5), I(5))
add("minus zero", "%-05d|%0-5d|", I(5), I(5))
add("zero string", "%08s|%-08s|", S("ab"), S("ab"))
add("zero bool", "%06t|", B(True))
add("zero char", "%05c|%05q|%05U", I(65), I(65), I(65))
add("zero float neg", "%08.2f|%-08.2f|%+08.2f|% 08.2f", F(-3.14159), F(-3.14159), F(3.14159), F(3.14159))
add("width unicode", "%-5s|%5s|%-5q|", S("日本"), S("é"), S("é"))
add("prec unicode", "%.2s|%5.1s|%.1q", S("日本語"), S("日本語"), S("日本語"))
add("sharp g many", "%#.4g|%#g|%#.0e|%#x", F(1.0), F(100000.0), F(5.0), F(1.0))
add("sharp v float", "%#v|%#v|%#v", F(1.0), F(1e21), F(0.5))
add("plus v", "%+v|%+v|%+v", I(5), F(2.5), S("x"))
add("space v", "% v|% v", I(5), F(2.5))
add("text around", "a %d b %s c", I(1), S("x"))
add("multiline", "%d\n%s\n", I(1), S("x"))
add("unicode literal", "日本 %s ü", S("é"))
add("verb unicode", "%日", I(1))
add("verb upper unknown", "%Z", I(1))
add("verb %w nil", "%w", NIL)
add("verb %#w list", "%#w", L(I(1)))
add("p scalars", "%p|%p|%p|%p|%p", I(1), S("x"), F(1.5), B(True), NIL)
add("T many", "%T %T %T %T %T %T %T %T", I(1), I64(1), U64(1), F(1.0), S(""), B(False), L(), M({}))
add("T width", "%10T|%-10T|%.3T", I(1), S("x"), L())
add("T nil width", "%6T|", NIL)
add("nil verbs", "%v|%s|%d|%q|%#v|%+v|%x|%T", NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL)
add("nil width", "%6v|%-6v|", NIL, NIL)
add("nil in map width", "%6v|", M({"a": NIL}))
add("x of negative", "%x|%X|%#x|%o|%b", I(-255), I(-255), I(-255), I(-8), I(-5))
add("x with prec", "%.4x|%8.4x|%#.4x", I(255), I(255), I(255))
add("c many", "%c%c%c", I(72), I(0xE9), I(0x1F600))
add("q ints", "%q %q %q %q %q", I(0), I(7), I(39), I(92), I(0x10FFFF))
add("U many", "%U %#U %#U %#U", I(0x1F600), I(0x1F600), I(10), I(-1))
add("large prec int", "%.30d", I(7))
add("large prec float", "%.40f", F(0.1))
add("large prec e", "%.30e", F(1.0 / 3))
add("large prec g", "%.30g", F(0.1))
add("float g prec 0", "%.0g|%.1g|%.0g", F(0.5), F(15.0), F(0.0))
add("float e exp 3 digits", "%e|%e|%E", F(1e100), F(1e-100), F(-1.5e300))
add("sprintf of list width", "%8.3f", L(F(1.0), F(-2.5), I(3)))
add("list of list of strings q", "%q", L(L(S("a"), S("b")), S("c")))

# Values from the render's values dict (float64 numbers, maps, lists).
VALS = {"num": 5, "f": 2.5, "s": "x", "b": True, "n": None, "l": [1, "a", None, 2.5],
        "m": {"a": 1, "b": {"c": [1, 2]}, "d": None}, "big": 1e21, "neg": -3, "w": 6,
        "uni": "日本", "e": "", "zero": 0}
for key in ["num", "f", "s", "b", "n", "l", "m", "big", "neg", "uni", "e", "zero"]:
    for fmt in ["%v", "%d", "%s", "%#v", "%T", "%q", "%x", "%.2f", "%5v|", "%+v", "%e", "%g"]:
        add("values %s %s" % (fmt, key), fmt, V(key, VALS[key]))
add("values star width float64", "%*d|", V("w", VALS["w"]), I(1))
add("values star prec float64", "%.*f|", V("w", VALS["w"]), F(1.0))
add("values mixed", "%s=%v (%T)", V("s", VALS["s"]), V("num", VALS["num"]), V("num", VALS["num"]))

# print and println.
PRINT_ARGS = [
    [], [S("a")], [S("a"), S("b")], [I(1), I(2)], [S("a"), I(1), S("b")], [I(1), S("a"), I(2)],
    [NIL, NIL], [S("x"), NIL], [NIL, S("x")], [F(1e21), F(2.5), F(-0.0)], [B(True), B(False)],
    [L(I(1), S("a")), M({"k": NIL})], [I64(5), U64(7)], [BY("hi"), S("x")], [TIME, I(1)],
    [S(""), S("")], [I(1), S(""), I(2)], [L(), M({})], [F(1e6), F(123456.0)],
    [S("%d"), I(1)], [V("num", VALS["num"]), V("s", VALS["s"]), V("l", VALS["l"])],
    [L(NIL, L(NIL)), M({"a": L(M({}))})],
]
for i, args in enumerate(PRINT_ARGS):
    add("print %d" % i, None, *args, func="print")
    add("println %d" % i, None, *args, func="println")


# --------------------------------------------------------------------------------------
# The oracle
# --------------------------------------------------------------------------------------

def build():
    writer = Writer()
    records = []
    templates = {}
    for idx, (name, func, fmt, args) in enumerate(CASES):
        values = {}
        parts = [writer.arg(a, values) for a in args]
        pieces = [func] + ([go_string(fmt)] if func == "printf" else []) + [t for t, _ in parts]
        template = "{{ " + " ".join(pieces) + " }}"
        rec = {"name": name, "func": func, "template": template,
               "values": dict(sorted(values.items())) if values else None}
        if func == "printf":
            rec["format"] = fmt
        rec["args"] = [x for _, x in parts]
        records.append(rec)
        templates["t%04d.txt" % idx] = template
    names = [r["name"] for r in records]
    dup = {n for n in names if names.count(n) > 1}
    assert not dup, dup
    return writer, records, templates


def render(writer, records, templates):
    values = {}
    for r in records:
        values.update(r["values"] or {})
    files = {fname: content for content, fname in writer.byte_files.items()}
    files.update({"templates/" + fname: text for fname, text in templates.items()})
    with throwaway_chart(files) as chart:
        out = render_chart(chart, values)
    for idx, r in enumerate(records):
        r["output"] = out["c/templates/t%04d.txt" % idx]


def main():
    writer, records, templates = build()
    render(writer, records, templates)
    first = [r["output"] for r in records]
    render(writer, records, templates)
    assert first == [r["output"] for r in records], "Helm output is not deterministic"
    if not write_json(OUT, records, sort_keys=False):
        print("gen-printf-corpus: %d cases, unchanged" % len(records))
        return
    print("gen-printf-corpus: wrote %d cases to %s" % (len(records), OUT.relative_to(REPO)))


if __name__ == "__main__":
    main()
