"""The cases of the Sprig core corpus (see gen-sprig-core-corpus.py).

`CASES` maps a function name to rows `(suffix, template)` or `(suffix, template, values)`; a case
is named `<function>-<suffix>`. Templates are full file texts; `V` is the default values text.
"""

# Values read by Helm's reader: every number is float64. Keys avoid YAML 1.1 booleans (y, n, on…).
V = """str: hello
num: 3
flt: 1.5
big: 1000000
neg: -2
nums: [1, 2, 3]
strs: [b, a, c]
mixed: [1, "", null, a, false, 0, []]
obj:
  a: 1
  b: two
  c: null
nested:
  a:
    b:
      c: deep
es: ''
zero: 0
nul: null
tru: true
fls: false
el: []
em: {}
octal: "010"
hex: "0x1F"
dec: "12.7"
"""


def R(*rows):
    return list(rows)


CASES = {
    # ---------------------------------------------------------------- defaults / flow
    "default": R(
        ("missing", '{{ .Values.missing | default "d" }}'),
        ("set", '{{ .Values.str | default "d" }}'),
        ("empty-string", '{{ .Values.es | default "d" }}'),
        ("zero-float", '{{ .Values.zero | default "d" }}'),
        ("zero-int", '{{ 0 | default "d" }}'),
        ("false", '{{ .Values.fls | default "d" }}'),
        ("empty-list", '{{ .Values.el | default "d" }}'),
        ("empty-map", '{{ .Values.em | default "d" }}'),
        ("space-not-empty", '[{{ " " | default "d" }}]'),
        ("string-zero", '{{ "0" | default "d" }}'),
        ("one-arg", '[{{ default "d" }}]'),
        ("nil-literal", '{{ default "d" nil }}'),
        ("list-default", '{{ default (list 1 2) .Values.missing }}'),
        ("three-args", '{{ default "d" "" "x" }}'),
        ("no-args-error", "{{ default }}"),
    ),
    "empty": R(
        ("missing", "{{ empty .Values.missing }}"),
        ("string", '{{ empty "" }} {{ empty "a" }} {{ empty " " }}'),
        ("numbers", "{{ empty 0 }} {{ empty 0.0 }} {{ empty 1 }} {{ empty .Values.zero }} {{ empty .Values.num }}"),
        ("collections", "{{ empty .Values.el }} {{ empty .Values.em }} {{ empty .Values.nums }} {{ empty (dict) }} {{ empty (list) }}"),
        ("bool", "{{ empty true }} {{ empty false }}"),
        ("nil", "{{ empty nil }}"),
        ("no-args-error", "{{ empty }}"),
        ("two-args-error", "{{ empty 1 2 }}"),
    ),
    "coalesce": R(
        ("first-set", '{{ coalesce 0 "" "a" "b" }}'),
        ("all-empty", '[{{ coalesce 0 "" nil }}]'),
        ("values", "{{ coalesce .Values.missing .Values.es .Values.num }}"),
        ("none", "[{{ coalesce }}]"),
        ("list", "{{ coalesce .Values.el .Values.nums }}"),
        ("typeof-all-empty", "{{ typeOf (coalesce 0 nil) }}"),
    ),
    "all": R(
        ("true", '{{ all 1 "a" true }}'),
        ("false", '{{ all 1 "" true }}'),
        ("none", "{{ all }}"),
        ("values", "{{ all .Values.str .Values.missing }}"),
    ),
    "any": R(
        ("true", '{{ any 0 "" "a" }}'),
        ("false", '{{ any 0 "" nil false }}'),
        ("none", "{{ any }}"),
        ("values", "{{ any .Values.es .Values.em .Values.nums }}"),
    ),
    "compact": R(
        ("mixed", "{{ compact .Values.mixed }}"),
        ("literal", '{{ compact (list 1 0 "" "a" nil false true) }}'),
        ("empty", "{{ compact (list) }}"),
        ("string-error", '{{ compact "abc" }}'),
        ("nil-error", "{{ compact nil }}"),
    ),
    "mustCompact": R(
        ("mixed", "{{ mustCompact .Values.mixed }}"),
        ("string-error", '{{ mustCompact "abc" }}'),
        ("map-error", "{{ mustCompact .Values.obj }}"),
    ),
    "ternary": R(
        ("true", '{{ ternary "T" "F" true }}'),
        ("false", '{{ ternary "T" "F" false }}'),
        ("pipe", '{{ .Values.tru | ternary "yes" "no" }}'),
        ("values-nil", '[{{ ternary .Values.missing "F" true }}]'),
        ("int-cond-error", '{{ ternary "T" "F" 1 }}'),
        ("string-cond-error", '{{ ternary "T" "F" .Values.str }}'),
        ("missing-cond-error", '{{ ternary "T" "F" .Values.missing }}'),
    ),
    "fail": R(
        ("message", '{{ fail "boom" }}'),
        ("empty", '{{ fail "" }}'),
        ("non-string-error", "{{ fail 1 }}"),
        ("after-output", 'a\n{{ fail "stop here" }}'),
    ),
    # ---------------------------------------------------------------- conversions
    "toString": R(
        ("string", '{{ toString "a" }}'),
        ("int", "{{ toString 42 }}"),
        ("float", "{{ toString .Values.big }} {{ toString .Values.flt }}"),
        ("nil", "{{ toString nil }}|{{ toString .Values.missing }}"),
        ("list", "{{ toString .Values.nums }}"),
        ("map", "{{ toString .Values.obj }}"),
        ("bool", "{{ toString true }}"),
        ("typeof", "{{ typeOf (toString 1) }}"),
        ("no-args-error", "{{ toString }}"),
    ),
    "toStrings": R(
        ("list", "{{ toStrings .Values.nums }}"),
        ("with-nil", '{{ toStrings (list 1 nil "a" 2.5) }}'),
        ("scalar", "{{ toStrings 5 }}"),
        ("nil", "{{ toStrings nil }}"),
        ("len", "{{ len (toStrings .Values.mixed) }}"),
        ("no-args-error", "{{ toStrings }}"),
    ),
    "atoi": R(
        ("simple", '{{ atoi "42" }}'),
        ("negative", '{{ atoi "-7" }} {{ atoi "+7" }}'),
        ("float-text", '{{ atoi "12.5" }}'),
        ("garbage", '{{ atoi "abc" }} {{ atoi "" }} {{ atoi " 1" }}'),
        ("octal-text", '{{ atoi "010" }}'),
        ("overflow", '{{ atoi "99999999999999999999" }} {{ atoi "-99999999999999999999" }}'),
        ("underscore", '{{ atoi "1_000" }}'),
        ("non-string-error", "{{ atoi 1 }}"),
        ("values-float-error", "{{ atoi .Values.num }}"),
    ),
    "int": R(
        ("string", '{{ int "42" }}'),
        ("octal", '{{ int "010" }} {{ int .Values.octal }}'),
        ("hex", '{{ int .Values.hex }} {{ int "0b101" }} {{ int "0o17" }}'),
        ("float-string", '{{ int "12.7" }} {{ int .Values.dec }}'),
        ("zero-decimal", '{{ int "12.0" }} {{ int "12.00" }} {{ int "12." }} {{ int ".0" }}'),
        ("float", "{{ int 12.7 }} {{ int -12.7 }} {{ int .Values.flt }}"),
        ("bool-nil", "{{ int true }} {{ int false }} {{ int nil }} {{ int .Values.missing }}"),
        ("garbage", '{{ int "abc" }} {{ int "1e3" }} {{ int (list 1) }}'),
        ("underscore", '{{ int "1_000" }} {{ int "0x_1F" }} {{ int "1__0" }}'),
        ("typeof", "{{ typeOf (int .Values.num) }}"),
        ("big-float", "{{ int 1e19 }}"),
        ("no-args-error", "{{ int }}"),
    ),
    "int64": R(
        ("string", '{{ int64 "42" }} {{ int64 "0x10" }}'),
        ("exp", '{{ int64 "1e3" }}'),
        ("float", "{{ int64 .Values.big }} {{ int64 3.99 }}"),
        ("typeof", "{{ typeOf (int64 1) }}"),
        ("sign", '{{ int64 "-010" }} {{ int64 "+5" }}'),
        ("no-args-error", "{{ int64 }}"),
    ),
    "float64": R(
        ("string", '{{ float64 "1.5" }} {{ float64 "1e3" }} {{ float64 "abc" }}'),
        ("int", "{{ float64 3 }} {{ typeOf (float64 3) }}"),
        ("special", '{{ float64 "inf" }} {{ float64 "-Inf" }} {{ float64 "NaN" }}'),
        ("hex", '{{ float64 "0x10" }} {{ float64 "0x1p4" }} {{ float64 "1_000.5" }}'),
        ("bool-nil", "{{ float64 true }} {{ float64 nil }}"),
        ("list", "{{ float64 .Values.nums }}"),
        ("no-args-error", "{{ float64 }}"),
    ),
    "toDecimal": R(
        ("octal", '{{ toDecimal "0777" }} {{ toDecimal "777" }}'),
        ("int", "{{ toDecimal 10 }}"),
        ("bad", '{{ toDecimal "8" }} {{ toDecimal "abc" }} {{ toDecimal 1.5 }}'),
        ("float-values", "{{ toDecimal .Values.num }}"),
        ("sign", '{{ toDecimal "-17" }}'),
        ("no-args-error", "{{ toDecimal }}"),
    ),
    # ---------------------------------------------------------------- sequences
    "seq": R(
        ("one", "{{ seq 3 }}"),
        ("down", "{{ seq 5 2 }}"),
        ("step", "{{ seq 0 2 10 }}"),
        ("neg-step", "{{ seq 10 -3 1 }}"),
        ("bad-step", "[{{ seq 10 3 1 }}]"),
        ("zero", "{{ seq 0 }}"),
        ("none", "[{{ seq }}]"),
        ("four", "[{{ seq 1 2 3 4 }}]"),
        ("typeof", "{{ typeOf (seq 2) }}"),
        ("float-error", "{{ seq 1.5 }}"),
        ("values-error", "{{ seq .Values.num }}"),
    ),
    "until": R(
        ("three", "{{ until 3 }}"),
        ("zero", "{{ until 0 }}"),
        ("negative", "{{ until -3 }}"),
        ("range", "{{ range until 2 }}[{{ . }}]{{ end }}"),
        ("float-error", "{{ until 2.5 }}"),
        ("values-error", "{{ until .Values.num }}"),
    ),
    "untilStep": R(
        ("up", "{{ untilStep 0 10 3 }}"),
        ("down", "{{ untilStep 10 0 -3 }}"),
        ("zero-step", "{{ untilStep 0 10 0 }}"),
        ("wrong-dir", "{{ untilStep 0 10 -1 }}"),
        ("args-error", "{{ untilStep 1 2 }}"),
    ),
    # ---------------------------------------------------------------- integer math
    "add": R(
        ("ints", "{{ add 1 2 3 }}"),
        ("floats-truncate", "{{ add 1 2.9 }} {{ add .Values.flt .Values.flt }}"),
        ("strings", '{{ add "3" "0x10" "abc" }}'),
        ("none", "{{ add }}"),
        ("typeof", "{{ typeOf (add 1 1) }}"),
        ("overflow", "{{ add 9223372036854775807 1 }}"),
    ),
    "add1": R(
        ("int", "{{ add1 1 }}"),
        ("float", "{{ add1 1.5 }} {{ add1 .Values.num }}"),
        ("nil", "{{ add1 nil }}"),
        ("no-args-error", "{{ add1 }}"),
    ),
    "sub": R(
        ("ints", "{{ sub 5 3 }}"),
        ("floats", "{{ sub 5.9 1.2 }}"),
        ("negative", "{{ sub 1 5 }}"),
        ("args-error", "{{ sub 1 }}"),
    ),
    "div": R(
        ("ints", "{{ div 7 2 }}"),
        ("negative", "{{ div -7 2 }}"),
        ("floats", "{{ div 7.9 2.1 }}"),
        ("zero-error", "{{ div 1 0 }}"),
        ("zero-float-error", "{{ div 1 0.5 }}"),
        ("minint", "{{ div -9223372036854775808 -1 }}"),
    ),
    "mod": R(
        ("ints", "{{ mod 7 3 }}"),
        ("negative", "{{ mod -7 3 }}"),
        ("zero-error", "{{ mod 7 0 }}"),
        ("args-error", "{{ mod 7 }}"),
    ),
    "mul": R(
        ("ints", "{{ mul 2 3 4 }}"),
        ("float", "{{ mul 2 3.5 }}"),
        ("one", "{{ mul 5 }}"),
        ("no-args-error", "{{ mul }}"),
    ),
    "max": R(
        ("ints", "{{ max 1 5 3 }}"),
        ("floats", "{{ max 1.9 1.2 }}"),
        ("one", "{{ max -4 }}"),
        ("no-args-error", "{{ max }}"),
    ),
    "biggest": R(
        ("ints", "{{ biggest 1 5 3 }}"),
        ("values", "{{ biggest .Values.num .Values.neg }}"),
        ("no-args-error", "{{ biggest }}"),
    ),
    "min": R(
        ("ints", "{{ min 4 2 8 }}"),
        ("strings", '{{ min "5" "-3" }}'),
        ("one", "{{ min 7 }}"),
        ("no-args-error", "{{ min }}"),
    ),
    "randInt": R(
        ("range-one", "{{ randInt 5 6 }}"),
        ("typeof", "{{ typeOf (randInt 0 10) }}"),
        ("empty-range-error", "{{ randInt 5 5 }}"),
        ("float-error", "{{ randInt 0 1.5 }}"),
        ("args-error", "{{ randInt 1 }}"),
    ),
    # ---------------------------------------------------------------- float math
    "addf": R(
        ("decimal", "{{ addf 1.1 2.2 }}"),
        ("many", '{{ addf 1 2.5 "3.25" }}'),
        ("none", "{{ addf }}"),
        ("typeof", "{{ typeOf (addf 1 2) }}"),
        ("big", "{{ addf 1e20 1 }} {{ addf 0.1 0.2 }}"),
        ("inf-error", '{{ addf "inf" 1 }}'),
    ),
    "add1f": R(
        ("float", "{{ add1f 1.1 }}"),
        ("int", "{{ add1f 1 }}"),
        ("string", '{{ add1f "0.2" }}'),
        ("no-args-error", "{{ add1f }}"),
    ),
    "subf": R(
        ("decimal", "{{ subf 3.3 1.1 }}"),
        ("many", "{{ subf 10 1.5 2.25 }}"),
        ("one", "{{ subf 7.5 }}"),
        ("no-args-error", "{{ subf }}"),
    ),
    "mulf": R(
        ("decimal", "{{ mulf 1.1 3 }}"),
        ("many", "{{ mulf 0.1 0.2 0.3 }}"),
        ("values", "{{ mulf .Values.flt .Values.num }}"),
        ("no-args-error", "{{ mulf }}"),
    ),
    "divf": R(
        ("third", "{{ divf 1 3 }}"),
        ("exact", "{{ divf 10 4 }}"),
        ("two-thirds", "{{ divf 2 3 }} {{ divf -2 3 }}"),
        ("many", "{{ divf 100 3 7 }}"),
        ("small", "{{ divf 1 1e20 }} {{ divf 1e-10 3 }}"),
        ("large", "{{ divf 1e20 3 }}"),
        ("zero-error", "{{ divf 1 0 }}"),
        ("no-args-error", "{{ divf }}"),
    ),
    "maxf": R(
        ("floats", "{{ maxf 1.5 2.5 0.5 }}"),
        ("mixed", '{{ maxf 1 "3.5" }}'),
        ("nan", '{{ maxf 1 "NaN" }} {{ maxf "inf" 1 }}'),
        ("no-args-error", "{{ maxf }}"),
    ),
    "minf": R(
        ("floats", "{{ minf 1.5 2.5 0.5 }}"),
        ("one", "{{ minf 3 }}"),
        ("neg-zero", '{{ minf 0 "-0" }}'),
        ("no-args-error", "{{ minf }}"),
    ),
    "ceil": R(
        ("float", "{{ ceil 1.2 }} {{ ceil -1.2 }}"),
        ("string", '{{ ceil "2.01" }}'),
        ("typeof", "{{ typeOf (ceil 1) }}"),
        ("no-args-error", "{{ ceil }}"),
    ),
    "floor": R(
        ("float", "{{ floor 1.8 }} {{ floor -1.2 }}"),
        ("big", "{{ floor .Values.big }}"),
        ("nil", "{{ floor nil }}"),
        ("no-args-error", "{{ floor }}"),
    ),
    "round": R(
        ("half", "{{ round 2.5 0 }} {{ round 3.5 0 }} {{ round -2.5 0 }}"),
        ("places", "{{ round 1.2345 2 }} {{ round 1.235 2 }} {{ round 123.456 -1 }}"),
        ("round-on", "{{ round 1.3 0 0.3 }} {{ round 1.29 0 0.3 }}"),
        ("string", '{{ round "3.14159" 3 }}'),
        ("round-on-int", "{{ round 1.3 0 1 }}"),
        ("float-places-error", "{{ round 1.5 1.5 }}"),
        ("args-error", "{{ round 1.5 }}"),
    ),
    # ---------------------------------------------------------------- lists
    "list": R(
        ("basic", '{{ list 1 "a" 2.5 nil true }}'),
        ("empty", "{{ list }}"),
        ("nested", "{{ list (list 1 2) (dict \"a\" 1) }}"),
        ("typeof", "{{ typeOf (list) }}"),
        ("values", "{{ list .Values.str .Values.num }}"),
    ),
    "tuple": R(
        ("basic", '{{ tuple 1 "a" }}'),
        ("empty", "{{ tuple }}"),
        ("typeof", "{{ typeOf (tuple 1) }}"),
    ),
    "first": R(
        ("list", "{{ first .Values.nums }}"),
        ("empty", "[{{ first .Values.el }}]"),
        ("nil-error", "{{ first nil }}"),
        ("missing-error", "{{ first .Values.missing }}"),
        ("string-error", '{{ first "abc" }}'),
        ("map-error", "{{ first .Values.obj }}"),
    ),
    "mustFirst": R(
        ("list", "{{ mustFirst (list 9 8) }}"),
        ("empty", "[{{ mustFirst (list) }}]"),
        ("string-error", '{{ mustFirst "abc" }}'),
        ("nil-error", "{{ mustFirst nil }}"),
    ),
    "rest": R(
        ("list", "{{ rest .Values.nums }}"),
        ("empty", "{{ rest .Values.el }}"),
        ("one", "{{ rest (list 1) }}"),
        ("string-error", '{{ rest "abc" }}'),
    ),
    "mustRest": R(
        ("list", "{{ mustRest (list 1 2) }}"),
        ("empty", "{{ mustRest (list) }}"),
        ("int-error", "{{ mustRest 1 }}"),
    ),
    "last": R(
        ("list", "{{ last .Values.nums }}"),
        ("empty", "[{{ last (list) }}]"),
        ("nil-error", "{{ last nil }}"),
        ("bool-error", "{{ last true }}"),
    ),
    "mustLast": R(
        ("list", "{{ mustLast .Values.strs }}"),
        ("empty", "[{{ mustLast (list) }}]"),
        ("map-error", "{{ mustLast (dict) }}"),
    ),
    "initial": R(
        ("list", "{{ initial .Values.nums }}"),
        ("empty", "{{ initial (list) }}"),
        ("float-error", "{{ initial 1.5 }}"),
    ),
    "mustInitial": R(
        ("list", "{{ mustInitial (list 1 2 3) }}"),
        ("empty", "{{ mustInitial (list) }}"),
        ("string-error", '{{ mustInitial "x" }}'),
    ),
    "reverse": R(
        ("list", "{{ reverse .Values.strs }}"),
        ("empty", "{{ reverse (list) }}"),
        ("string-error", '{{ reverse "abc" }}'),
        ("nil-error", "{{ reverse nil }}"),
    ),
    "mustReverse": R(
        ("list", "{{ mustReverse (list 1 2 3) }}"),
        ("map-error", "{{ mustReverse .Values.obj }}"),
        ("empty", "{{ mustReverse (list) }}"),
    ),
    "uniq": R(
        ("ints", "{{ uniq (list 1 2 1 3 2) }}"),
        ("int-float", "{{ uniq (list 1.0 1) }}"),
        ("maps", '{{ uniq (list (dict "a" 1) (dict "a" 1) (dict "a" 2)) }}'),
        ("nil", "{{ uniq (list nil nil 1) }}"),
        ("string-error", '{{ uniq "aab" }}'),
    ),
    "mustUniq": R(
        ("strings", '{{ mustUniq (list "a" "b" "a") }}'),
        ("empty", "{{ mustUniq (list) }}"),
        ("int-error", "{{ mustUniq 3 }}"),
    ),
    "without": R(
        ("ints", "{{ without (list 1 2 3 2) 2 }}"),
        ("many", '{{ without (list 1 "a" 2 "b") "a" 1 }}'),
        ("float-trap", "{{ without .Values.nums 1 }}"),
        ("none", "{{ without (list 1 2) }}"),
        ("string-error", '{{ without "abc" "a" }}'),
    ),
    "mustWithout": R(
        ("ints", "{{ mustWithout (list 1 2 3) 3 }}"),
        ("float", "{{ mustWithout .Values.nums 1.0 }}"),
        ("map-error", "{{ mustWithout (dict) 1 }}"),
    ),
    "has": R(
        ("found", '{{ has "a" (list "a" "b") }}'),
        ("float-trap", "{{ has 1 .Values.nums }} {{ has 1.0 .Values.nums }}"),
        ("nil-haystack", "{{ has 1 nil }} {{ has 1 .Values.missing }}"),
        ("nil-needle", "{{ has nil (list 1 nil) }}"),
        ("map-needle", '{{ has (dict "a" 1) (list (dict "a" 1)) }}'),
        ("string-error", '{{ has "a" "abc" }}'),
    ),
    "mustHas": R(
        ("found", "{{ mustHas 2 (list 1 2) }}"),
        ("missing", "{{ mustHas 5 (list 1 2) }}"),
        ("map-error", "{{ mustHas 1 .Values.obj }}"),
    ),
    "append": R(
        ("list", "{{ append .Values.nums 4 }}"),
        ("empty", '{{ append (list) "x" }}'),
        ("list-elem", "{{ append (list 1) (list 2 3) }}"),
        ("nil-error", "{{ append nil 1 }}"),
        ("string-error", '{{ append "abc" "d" }}'),
        ("no-mutation", '{{ $l := list 1 }}{{ $m := append $l 2 }}{{ $l }} {{ $m }}'),
    ),
    "push": R(
        ("list", "{{ push (list 1) 2 }}"),
        ("map-error", "{{ push (dict) 2 }}"),
        ("args-error", "{{ push (list 1) }}"),
    ),
    "mustAppend": R(
        ("list", "{{ mustAppend (list 1) 2 }}"),
        ("string-error", '{{ mustAppend "a" 2 }}'),
        ("nil-error", "{{ mustAppend nil 2 }}"),
    ),
    "mustPush": R(
        ("list", "{{ mustPush .Values.strs \"d\" }}"),
        ("int-error", "{{ mustPush 1 2 }}"),
        ("args-error", "{{ mustPush }}"),
    ),
    "prepend": R(
        ("list", "{{ prepend .Values.nums 0 }}"),
        ("empty", "{{ prepend (list) 1 }}"),
        ("string-error", '{{ prepend "abc" 1 }}'),
        ("nil-error", "{{ prepend nil 1 }}"),
    ),
    "mustPrepend": R(
        ("list", "{{ mustPrepend (list 2) 1 }}"),
        ("map-error", "{{ mustPrepend (dict) 1 }}"),
        ("args-error", "{{ mustPrepend (list 2) }}"),
    ),
    "concat": R(
        ("lists", "{{ concat (list 1 2) (list 3) .Values.strs }}"),
        ("nested", "{{ concat (list (list 1)) (list 2) }}"),
        ("none", "[{{ concat }}]"),
        ("empty", "{{ concat (list) (list) }}"),
        ("string-error", '{{ concat (list 1) "abc" }}'),
        ("nil-error", "{{ concat (list 1) nil }}"),
    ),
    "slice": R(
        ("all", "{{ slice .Values.nums }}"),
        ("from", "{{ slice .Values.nums 1 }}"),
        ("range", "{{ slice (list 1 2 3 4) 1 3 }}"),
        ("empty", "[{{ slice (list) }}]"),
        ("float-index", "{{ slice (list 1 2 3) 1.9 }}"),
        ("string-index", '{{ slice (list 1 2 3) "1" "2" }}'),
        ("string-error", '{{ slice "hello" 1 3 }}'),
        ("bounds-error", "{{ slice (list 1 2 3) 2 1 }}"),
        ("nil-error", "{{ slice nil }}"),
    ),
    "mustSlice": R(
        ("range", "{{ mustSlice (list 1 2 3) 0 2 }}"),
        ("empty", "[{{ mustSlice (list) 0 0 }}]"),
        ("string-error", '{{ mustSlice "abc" 1 }}'),
        ("bounds-error", "{{ mustSlice (list 1 2 3) -1 }}"),
    ),
    "chunk": R(
        ("uneven", "{{ chunk 2 (list 1 2 3) }}"),
        ("even", "{{ chunk 2 (list 1 2 3 4) }}"),
        ("big", "{{ chunk 5 (list 1 2) }}"),
        ("empty", "{{ chunk 2 (list) }}"),
        ("zero-error", "{{ chunk 0 (list 1 2) }}"),
        ("neg-error", "{{ chunk -1 (list 1 2 3) }}"),
        ("neg-empty", "{{ chunk -2 (list 1 2 3) }}"),
        ("string-error", '{{ chunk 2 "abc" }}'),
        ("float-size-error", "{{ chunk 1.5 (list 1) }}"),
    ),
    "mustChunk": R(
        ("uneven", "{{ mustChunk 3 (list 1 2 3 4) }}"),
        ("map-error", "{{ mustChunk 2 .Values.obj }}"),
        ("args-error", "{{ mustChunk 2 }}"),
    ),
    "sortAlpha": R(
        ("strings", "{{ sortAlpha .Values.strs }}"),
        ("mixed", '{{ sortAlpha (list 10 2 "A" "a" "b" nil) }}'),
        ("scalar", "{{ sortAlpha 5 }}"),
        ("nil", "{{ sortAlpha nil }}"),
        ("map", "{{ sortAlpha .Values.obj }}"),
        ("args-error", "{{ sortAlpha }}"),
    ),
    # ---------------------------------------------------------------- dicts
    "dict": R(
        ("basic", '{{ dict "a" 1 "b" "two" }}'),
        ("odd", '{{ dict "a" }}'),
        ("int-key", "{{ dict 1 2 }}"),
        ("dup", '{{ dict "a" 1 "a" 2 }}'),
        ("nil-key", '{{ dict nil 1 }}'),
        ("empty", "{{ dict }}"),
        ("typeof", "{{ typeOf (dict) }}"),
        ("json", '{{ dict "z" 1 "a" (list 1 2) | toJson }}'),
    ),
    "get": R(
        ("found", '{{ get .Values.obj "b" }}'),
        ("missing", '[{{ get .Values.obj "zz" }}]'),
        ("nil-value", '[{{ get .Values.obj "c" }}]'),
        ("nil-map", '[{{ get .Values.missing "a" }}]'),
        ("list-error", '{{ get .Values.nums "a" }}'),
        ("int-key-error", "{{ get .Values.obj 1 }}"),
    ),
    "set": R(
        ("new", '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}'),
        ("returns", '{{ set (dict) "k" "v" }}'),
        ("values-mutated", '{{ $_ := set .Values.obj "d" 4 }}{{ .Values.obj.d }}'),
        ("nil-map-error", '{{ set .Values.missing "a" 1 }}'),
        ("string-error", '{{ set "x" "a" 1 }}'),
        ("args-error", '{{ set (dict) "a" }}'),
    ),
    "unset": R(
        ("remove", '{{ $d := dict "a" 1 "b" 2 }}{{ $_ := unset $d "a" }}{{ $d }}'),
        ("missing-key", '{{ unset (dict "a" 1) "zz" }}'),
        ("nil-map", '{{ unset .Values.missing "a" }}'),
        ("args-error", "{{ unset (dict) }}"),
    ),
    "hasKey": R(
        ("found", '{{ hasKey .Values.obj "a" }} {{ hasKey .Values.obj "zz" }}'),
        ("nil-value", '{{ hasKey .Values.obj "c" }}'),
        ("nil-map", '{{ hasKey .Values.missing "a" }}'),
        ("list-error", '{{ hasKey .Values.nums "a" }}'),
    ),
    "pluck": R(
        ("basic", '{{ pluck "a" (dict "a" 1) (dict "b" 2) (dict "a" 9) }}'),
        ("none", '{{ pluck "a" }}'),
        ("nil-value", '{{ pluck "c" .Values.obj }}'),
        ("list-error", '{{ pluck "a" .Values.nums }}'),
    ),
    "keys": R(
        ("sorted", "{{ keys .Values.obj | sortAlpha }}"),
        ("one", '{{ keys (dict "x" 1) }}'),
        ("many", '{{ keys (dict "a" 1) (dict "b" 2) | sortAlpha }}'),
        ("none", "{{ keys }}"),
        ("list-error", "{{ keys .Values.nums }}"),
    ),
    "pick": R(
        ("basic", '{{ pick .Values.obj "a" "c" "zz" }}'),
        ("none", "{{ pick .Values.obj }}"),
        ("nil-map", '{{ pick .Values.missing "a" }}'),
        ("int-key-error", "{{ pick .Values.obj 1 }}"),
    ),
    "omit": R(
        ("basic", '{{ omit .Values.obj "a" }}'),
        ("none", "{{ omit .Values.obj }}"),
        ("missing-key", '{{ omit (dict "a" 1) "zz" }}'),
        ("list-error", '{{ omit .Values.nums "a" }}'),
    ),
    "merge": R(
        ("dst-wins", '{{ merge (dict "a" 1 "b" 2) (dict "b" 3 "c" 4) }}'),
        ("deep", '{{ $d := dict "x" (dict "a" 1) }}{{ $_ := merge $d (dict "x" (dict "a" 2 "b" 3)) }}{{ $d | toJson }}'),
        ("mutates", '{{ $d := dict "a" 1 }}{{ $_ := merge $d (dict "b" 2) }}{{ $d }}'),
        ("empty-dst-values", '{{ merge (dict "a" "" "b" 0 "c" false) (dict "a" "x" "b" 1 "c" true) | toJson }}'),
        ("nil-src-values", '{{ merge (dict "a" 1) (dict "a" nil "b" nil) | toJson }}'),
        ("lists-not-merged", '{{ merge (dict "l" (list 1 2)) (dict "l" (list 3)) }}'),
        ("empty-list-replaced", '{{ merge (dict "l" (list)) (dict "l" (list 3)) }}'),
        ("map-vs-scalar", '{{ merge (dict "a" "s") (dict "a" (dict "x" 1)) }} {{ merge (dict "a" (dict "x" 1)) (dict "a" "s") }}'),
        ("many", '{{ merge (dict) (dict "a" 1) (dict "a" 2 "b" 2) }}'),
        ("nil-dst", '{{ merge .Values.missing (dict "a" 1) }}'),
        ("values", '{{ merge (dict "obj" (dict "z" 1)) .Values | toJson }}'),
        ("list-error", "{{ merge .Values.nums (dict) }}"),
        ("no-args-error", "{{ merge }}"),
    ),
    "mergeOverwrite": R(
        ("src-wins", '{{ mergeOverwrite (dict "a" 1 "b" 2) (dict "b" 3 "c" 4) }}'),
        ("empty-overrides", '{{ mergeOverwrite (dict "x" 1 "y" "a" "z" 5) (dict "x" nil "y" "" "z" 0) | toJson }}'),
        ("deep", '{{ mergeOverwrite (dict "x" (dict "a" 1 "b" 1)) (dict "x" (dict "a" 2)) | toJson }}'),
        ("lists", '{{ mergeOverwrite (dict "l" (list 1 2)) (dict "l" (list 3)) }}'),
        ("map-vs-scalar", '{{ mergeOverwrite (dict "a" "s") (dict "a" (dict "x" 1)) }} {{ mergeOverwrite (dict "a" (dict "x" 1)) (dict "a" "s") }}'),
        ("mutates", '{{ $d := dict "a" 1 }}{{ $_ := mergeOverwrite $d (dict "a" 2) }}{{ $d }}'),
        ("string-error", '{{ mergeOverwrite "a" (dict) }}'),
    ),
    "mustMerge": R(
        ("basic", '{{ mustMerge (dict "a" 1) (dict "a" 2 "b" 3) }}'),
        ("nil-dst", '{{ mustMerge nil (dict "a" 1) }}'),
        ("list-error", '{{ mustMerge (dict) (list) }}'),
    ),
    "mustMergeOverwrite": R(
        ("basic", '{{ mustMergeOverwrite (dict "a" 1) (dict "a" 2 "b" 3) }}'),
        ("nil-both", "{{ mustMergeOverwrite nil nil }}"),
        ("int-error", "{{ mustMergeOverwrite 1 }}"),
    ),
    "values": R(
        ("one", '{{ values (dict "a" 1) }}'),
        ("sorted", '{{ values (dict "a" "x" "b" "y") | sortAlpha }}'),
        ("empty", "{{ values (dict) }}"),
        ("nil", "{{ values .Values.missing }}"),
        ("list-error", "{{ values .Values.nums }}"),
    ),
    "dig": R(
        ("found", '{{ dig "a" "b" "c" "def" .Values.nested }}'),
        ("missing", '{{ dig "a" "x" "c" "def" .Values.nested }}'),
        ("map-result", '{{ dig "a" "b" "def" .Values.nested }}'),
        ("one-key", '{{ dig "obj" "def" .Values }}'),
        ("nil-value", '[{{ dig "c" "def" .Values.obj }}]'),
        ("non-map-error", '{{ dig "a" "x" "def" .Values.obj }}'),
        ("few-args-error", '{{ dig "a" .Values.obj }}'),
        ("dict-arg-error", '{{ dig "a" "def" "notadict" }}'),
        ("nil-dict-error", '{{ dig "a" "def" nil }}'),
        ("int-key-error", '{{ dig 1 "def" .Values.obj }}'),
    ),
    # ---------------------------------------------------------------- strings
    "join": R(
        ("list", '{{ join "," .Values.strs }}'),
        ("mixed", '{{ join "-" (list 1 "a" 2.5 true nil) }}'),
        ("scalar", '{{ join "-" "abc" }}'),
        ("nil", '[{{ join "-" nil }}]'),
        ("values-floats", '{{ join ", " .Values.nums }}'),
        ("sep-error", "{{ join 1 .Values.strs }}"),
    ),
    "split": R(
        ("index", '{{ (split "," "a,b,c")._1 }}'),
        ("print", '{{ split "," "a,b" }}'),
        ("empty", '{{ split "," "" }}'),
        ("empty-sep", '{{ split "" "abc" }}'),
        ("typeof", '{{ typeOf (split "," "a") }}'),
        ("args-error", '{{ split "," }}'),
    ),
    "splitList": R(
        ("basic", '{{ splitList "," "a,b,,c" }}'),
        ("empty-sep", '{{ splitList "" "abc" }}'),
        ("empty", '{{ splitList "," "" }} {{ len (splitList "," "") }}'),
        ("index", '{{ index (splitList "." "1.2.3") 1 }}'),
        ("range", '{{ range splitList "," "x,y" }}[{{ . }}]{{ end }}'),
        ("typeof", '{{ typeOf (splitList "," "a") }}'),
        ("non-string-error", '{{ splitList "," 1 }}'),
    ),
    "splitn": R(
        ("basic", '{{ splitn "," 2 "a,b,c" }}'),
        ("zero", '{{ splitn "," 0 "a,b" }}'),
        ("negative", '{{ splitn "," -1 "a,b,c" }}'),
        ("field", '{{ (splitn "=" 2 "k=v=w")._1 }}'),
        ("n-error", '{{ splitn "," "2" "a,b" }}'),
    ),
    "trim": R(
        ("spaces", '[{{ trim "  a b \\n\\t" }}]'),
        ("unicode", '[{{ trim "\\u00a0x\\u3000" }}]'),
        ("empty", '[{{ trim "" }}]'),
        ("non-string-error", "{{ trim 1 }}"),
    ),
    "trimAll": R(
        ("cutset", '{{ trimAll "$" "$$5.00$" }}'),
        ("many", '{{ trimAll "ab" "abcba" }}'),
        ("empty-cutset", '{{ trimAll "" "xx" }}'),
        ("args-error", '{{ trimAll "$" }}'),
    ),
    "trimall": R(
        ("cutset", '{{ trimall "-" "--x--" }}'),
        ("pipe", '{{ "**a**" | trimall "*" }}'),
        ("non-string-error", '{{ trimall "-" 5 }}'),
    ),
    "trimPrefix": R(
        ("basic", '{{ trimPrefix "foo" "foobar" }}'),
        ("once", '{{ trimPrefix "a" "aab" }}'),
        ("absent", '{{ trimPrefix "x" "abc" }}'),
        ("args-error", '{{ trimPrefix "x" }}'),
    ),
    "trimSuffix": R(
        ("basic", '{{ trimSuffix ".yaml" "a.yaml" }}'),
        ("once", '{{ trimSuffix "b" "abb" }}'),
        ("absent", '{{ trimSuffix "x" "abc" }}'),
        ("non-string-error", "{{ trimSuffix 1 \"abc\" }}"),
    ),
    "nospace": R(
        ("basic", '{{ nospace " a b\\tc\\n" }}'),
        ("none", '{{ nospace "abc" }}'),
        ("unicode", '{{ nospace "h\\u00e9 llo" }}'),
        ("unicode-no-space", '{{ nospace "h\\u00e9llo" }}'),
        ("non-string-error", "{{ nospace 1 }}"),
    ),
    "upper": R(
        ("ascii", '{{ upper "Hello" }}'),
        ("unicode", '{{ upper "stra\\u00dfe \\u00e9" }}'),
        ("pipe", "{{ .Values.str | upper }}"),
        ("non-string-error", "{{ upper 1 }}"),
    ),
    "lower": R(
        ("ascii", '{{ lower "HeLLo" }}'),
        ("unicode", '{{ lower "\\u00c9T\\u00c9" }}'),
        ("empty", '[{{ lower "" }}]'),
        ("values-error", "{{ lower .Values.num }}"),
    ),
    "repeat": R(
        ("basic", '{{ repeat 3 "ab" }}'),
        ("zero", '[{{ repeat 0 "ab" }}]'),
        ("pipe", '{{ "-" | repeat 4 }}'),
        ("negative-error", '{{ repeat -1 "ab" }}'),
        ("count-error", '{{ repeat "3" "ab" }}'),
    ),
    "substr": R(
        ("basic", '{{ substr 1 3 "hello" }}'),
        ("neg-start", '{{ substr -1 3 "hello" }}'),
        ("end-past", '{{ substr 2 99 "hello" }} {{ substr 2 -1 "hello" }}'),
        ("bytes", '{{ substr 0 3 "h\\u00e9llo" }}'),
        ("start-after-end-error", '{{ substr 3 1 "hello" }}'),
        ("neg-end-past-error", '{{ substr -1 10 "hello" }}'),
        ("start-past-error", '{{ substr 9 -1 "hello" }}'),
        ("args-error", '{{ substr 1 "hello" }}'),
    ),
    "trunc": R(
        ("basic", '{{ trunc 3 "abcdef" }}'),
        ("negative", '{{ trunc -3 "abcdef" }}'),
        ("long", '{{ trunc 10 "ab" }} {{ trunc -10 "ab" }}'),
        ("zero", '[{{ trunc 0 "ab" }}]'),
        ("string-count-error", '{{ trunc "3" "abc" }}'),
        ("float-error", '{{ trunc .Values.num "abc" }}'),
    ),
    "contains": R(
        ("true", '{{ contains "ell" "hello" }}'),
        ("false", '{{ contains "x" "hello" }}'),
        ("empty", '{{ contains "" "" }}'),
        ("non-string-error", '{{ contains 1 "a1" }}'),
    ),
    "hasPrefix": R(
        ("true", '{{ hasPrefix "he" "hello" }}'),
        ("false", '{{ hasPrefix "lo" "hello" }}'),
        ("pipe", '{{ "hello" | hasPrefix "" }}'),
        ("args-error", '{{ hasPrefix "a" }}'),
    ),
    "hasSuffix": R(
        ("true", '{{ hasSuffix "lo" "hello" }}'),
        ("false", '{{ hasSuffix "he" "hello" }}'),
        ("values", '{{ hasSuffix "lo" .Values.str }}'),
        ("non-string-error", "{{ hasSuffix 1 .Values.str }}"),
    ),
    "quote": R(
        ("string", '{{ quote "a" }}'),
        ("escapes", '{{ quote "a\\"b\\\\c\\n\\t\\u00e9\\u0001" }}'),
        ("many", '{{ quote 1.5 "x" true }}'),
        ("nil", '[{{ quote nil }}]|[{{ quote .Values.missing }}]'),
        ("skip-nil", '{{ quote "a" nil "b" }}'),
        ("list", "{{ quote .Values.nums }}"),
        ("none", "[{{ quote }}]"),
        ("float", "{{ quote .Values.big }}"),
    ),
    "squote": R(
        ("string", "{{ squote \"a'b\" }}"),
        ("many", '{{ squote 1 "x" .Values.flt }}'),
        ("nil", "[{{ squote nil }}]"),
        ("map", "{{ squote .Values.obj }}"),
        ("none", "[{{ squote }}]"),
    ),
    "cat": R(
        ("basic", '{{ cat "a" 1 2.5 true }}'),
        ("nil", '{{ cat "a" nil "b" }}'),
        ("none", "[{{ cat }}]"),
        ("all-nil", "[{{ cat nil nil }}]"),
        ("list", '{{ cat .Values.nums "x" }}'),
        ("percent", '{{ cat "100%" "%d" }}'),
    ),
    "indent": R(
        ("basic", '{{ indent 2 "a\\nb" }}'),
        ("trailing-newline", '[{{ indent 2 "a\\nb\\n" }}]'),
        ("empty", '[{{ indent 2 "" }}]'),
        ("zero", '{{ indent 0 "a\\nb" }}'),
        ("negative-error", '{{ indent -1 "a" }}'),
        ("args-error", "{{ indent 2 }}"),
        ("non-string-error", "{{ indent 2 5 }}"),
    ),
    "nindent": R(
        ("basic", 'x:{{ nindent 2 "a\\nb" }}'),
        ("empty", '[{{ nindent 4 "" }}]'),
        ("pipe", '{{ "a: 1" | nindent 2 }}'),
        ("args-error", '{{ nindent "a" }}'),
    ),
    "replace": R(
        ("basic", '{{ replace "a" "b" "banana" }}'),
        ("empty-old", '{{ replace "" "-" "abc" }}'),
        ("pipe", '{{ "a.b.c" | replace "." "_" }}'),
        ("none", '{{ replace "x" "y" "abc" }}'),
        ("args-error", '{{ replace "a" "b" }}'),
    ),
    "plural": R(
        ("one", '{{ plural "one" "many" 1 }}'),
        ("many", '{{ plural "one" "many" 2 }} {{ plural "one" "many" 0 }}'),
        ("float-error", '{{ plural "one" "many" 1.0 }}'),
        ("values-error", '{{ plural "one" "many" .Values.num }}'),
    ),
    # ---------------------------------------------------------------- reflection
    "typeOf": R(
        ("scalars", '{{ typeOf 1 }} {{ typeOf 1.5 }} {{ typeOf "s" }} {{ typeOf true }} {{ typeOf nil }}'),
        ("values", "{{ typeOf .Values.num }} {{ typeOf .Values.nums }} {{ typeOf .Values.obj }} {{ typeOf .Values.missing }}"),
        ("collections", "{{ typeOf (list) }} {{ typeOf (dict) }}"),
        ("results", '{{ typeOf (int64 1) }} {{ typeOf (len "a") }}'),
        ("no-args-error", "{{ typeOf }}"),
    ),
    "typeIs": R(
        ("true", '{{ typeIs "int" 1 }} {{ typeIs "float64" .Values.num }}'),
        ("false", '{{ typeIs "int" .Values.num }}'),
        ("nil", '{{ typeIs "<nil>" nil }}'),
        ("args-error", '{{ typeIs "int" }}'),
    ),
    "typeIsLike": R(
        ("true", '{{ typeIsLike "string" "a" }}'),
        ("pointer", '{{ typeIsLike "*int" 1 }}'),
        ("map", '{{ typeIsLike "map[string]interface {}" .Values.obj }}'),
        ("target-error", "{{ typeIsLike 1 1 }}"),
    ),
    "kindOf": R(
        ("scalars", '{{ kindOf 1 }} {{ kindOf 1.5 }} {{ kindOf "s" }} {{ kindOf true }}'),
        ("collections", "{{ kindOf .Values.nums }} {{ kindOf .Values.obj }}"),
        ("nil", "{{ kindOf nil }} {{ kindOf .Values.missing }}"),
        ("no-args-error", "{{ kindOf }}"),
    ),
    "kindIs": R(
        ("true", '{{ kindIs "slice" .Values.nums }} {{ kindIs "map" .Values.obj }}'),
        ("false", '{{ kindIs "int" .Values.num }}'),
        ("invalid", '{{ kindIs "invalid" nil }}'),
        ("args-error", '{{ kindIs "int" }}'),
    ),
    "deepEqual": R(
        ("equal", '{{ deepEqual (list 1 "a") (list 1 "a") }} {{ deepEqual (dict "a" (list 1)) (dict "a" (list 1)) }}'),
        ("int-float", "{{ deepEqual 1 1.0 }} {{ deepEqual .Values.num 3 }} {{ deepEqual .Values.num 3.0 }}"),
        ("nil", "{{ deepEqual nil nil }} {{ deepEqual nil .Values.missing }} {{ deepEqual nil 0 }}"),
        ("int-kinds", "{{ deepEqual 1 (int64 1) }} {{ deepEqual (int64 1) (int64 1) }}"),
        ("values", "{{ deepEqual .Values.nums (list 1.0 2.0 3.0) }}"),
        ("args-error", "{{ deepEqual 1 }}"),
    ),
    "deepCopy": R(
        ("independent", '{{ $a := dict "x" (dict "y" 1) }}{{ $b := deepCopy $a }}{{ $_ := set $b.x "y" 2 }}{{ $a }} {{ $b }}'),
        ("scalar", '{{ deepCopy "s" }} {{ deepCopy 1.5 }}'),
        ("list", "{{ deepCopy .Values.nums }}"),
        ("nil-error", "{{ deepCopy nil }}"),
        ("no-args-error", "{{ deepCopy }}"),
    ),
    "mustDeepCopy": R(
        ("map", "{{ mustDeepCopy .Values.obj }}"),
        ("nil", "[{{ mustDeepCopy nil }}]"),
        ("args-error", "{{ mustDeepCopy 1 2 }}"),
    ),
    # ---------------------------------------------------------------- JSON
    "toJson": R(
        ("map", "{{ toJson .Values.obj }}"),
        ("escape", '{{ toJson "<a&b>" }}'),
        ("scalars", "{{ toJson 1 }} {{ toJson 1.5 }} {{ toJson .Values.big }} {{ toJson nil }} {{ toJson true }}"),
        ("list", "{{ toJson .Values.mixed }}"),
        ("nan", '[{{ toJson (float64 "NaN") }}]'),
        ("no-args-error", "{{ toJson }}"),
    ),
    "mustToJson": R(
        ("map", '{{ mustToJson (dict "a" (list 1 "x")) }}'),
        ("inf-error", '{{ mustToJson (float64 "inf") }}'),
        ("no-args-error", "{{ mustToJson }}"),
    ),
    "toPrettyJson": R(
        ("map", "{{ toPrettyJson .Values.obj }}"),
        ("empty", "{{ toPrettyJson (dict) }} {{ toPrettyJson (list) }}"),
        ("nested", '{{ toPrettyJson (dict "a" (list 1 (dict "b" "<"))) }}'),
        ("inf", '[{{ toPrettyJson (float64 "inf") }}]'),
        ("no-args-error", "{{ toPrettyJson }}"),
    ),
    "mustToPrettyJson": R(
        ("list", "{{ mustToPrettyJson (list 1 2) }}"),
        ("nan-error", '{{ mustToPrettyJson (float64 "NaN") }}'),
        ("no-args-error", "{{ mustToPrettyJson }}"),
    ),
    "toRawJson": R(
        ("no-escape", '{{ toRawJson (dict "a" "<&>") }}'),
        ("scalar", "{{ toRawJson .Values.big }}"),
        ("inf-error", '{{ toRawJson (float64 "inf") }}'),
        ("no-args-error", "{{ toRawJson }}"),
    ),
    "mustToRawJson": R(
        ("no-escape", '{{ mustToRawJson "<x>" }}'),
        ("nil", "{{ mustToRawJson nil }}"),
        ("inf-error", '{{ mustToRawJson (float64 "-inf") }}'),
    ),
    "fromJson": R(
        ("object", '{{ (fromJson "{\\"a\\": [1, 2]}").a }}'),
        ("number", '{{ typeOf (fromJson "{\\"n\\": 1}").n }}'),
        ("array", '{{ fromJson "[1, 2]" }}'),
        ("invalid", '{{ fromJson "{bad" }}'),
        ("empty", '{{ fromJson "" }}'),
        ("non-string-error", "{{ fromJson 1 }}"),
    ),
    "mustFromJson": R(
        ("object", '{{ mustFromJson "{\\"a\\": 1}" }}'),
        ("array", '{{ mustFromJson "[1, \\"x\\", null]" }}'),
        ("scalar", '{{ mustFromJson "\\"s\\"" }} {{ mustFromJson "1e3" }}'),
        ("invalid-error", '{{ mustFromJson "{bad" }}'),
        ("empty-error", '{{ mustFromJson "" }}'),
        ("trailing-error", '{{ mustFromJson "1 2" }}'),
    ),
}

# Extra edge cases, kept apart so the main table stays readable.
EXTRA = {
    "merge": R(
        ("src-maps-shared", '{{ $b := dict "x" (dict "k" 1) }}{{ $a := merge (dict) $b }}{{ $_ := set $a.x "k" 2 }}{{ $b }}'),
        ("nil-both", "{{ merge nil nil }}"),
        ("nested-empty-dst", '{{ merge (dict "x" (dict)) (dict "x" (dict "a" 1)) }}'),
        ("nested-nil-dst", '{{ merge (dict "x" nil) (dict "x" (dict "a" 1)) }}'),
    ),
    "mergeOverwrite": R(
        ("nested-lists", '{{ mergeOverwrite (dict "x" (dict "l" (list 1))) (dict "x" (dict "l" (list))) | toJson }}'),
        ("empty-list-src", '{{ mergeOverwrite (dict "l" (list 1)) (dict "l" (list)) }}'),
    ),
    "int": R(
        ("range-string", '{{ int "9223372036854775808" }} {{ int "-9223372036854775808" }}'),
        ("hex-neg", '{{ int "-0x10" }} {{ int "0X1f" }} {{ int "0B11" }}'),
        ("spaces", '{{ int " 1" }} {{ int "1 " }}'),
    ),
    "float64": R(
        ("range", '{{ float64 "1e400" }} {{ float64 "-1e400" }} {{ float64 "1e-400" }}'),
        ("forms", '{{ float64 "1." }} {{ float64 ".5" }} {{ float64 "+.5e1" }} {{ float64 "Infinity" }} {{ float64 "+nan" }}'),
        ("int64", "{{ float64 (int64 7) }}"),
    ),
    "add": R(
        ("bool-string", '{{ add true "1.0" nil }}'),
        ("mul-overflow", "{{ mul 9223372036854775807 2 }}"),
        ("max-strings", '{{ max "abc" -1 }}'),
    ),
    "atoi": R(
        ("prefix", '{{ atoi "0x10" }} {{ atoi "-0" }}'),
    ),
    "toDecimal": R(
        ("prefix", '{{ toDecimal "0o17" }} {{ toDecimal "0777777777777777777777777" }}'),
    ),
    "seq": R(
        ("two-down", "{{ seq 1 0 }} | {{ seq -3 }}"),
        ("neg-step-wrong", "[{{ seq 1 -1 5 }}]"),
    ),
    "divf": R(
        ("sevenths", "{{ divf 1 7 }} {{ divf 22 7 }} {{ divf 0.1 3 }} {{ divf 1 -3 }}"),
        ("chain", "{{ divf 5 2 2 }} {{ divf 1e-20 3 }}"),
        ("half-even", "{{ divf 2 3e16 }} {{ divf 1 8e16 }}"),
    ),
    "mulf": R(
        ("overflow", "{{ mulf 1e200 1e200 }} {{ mulf 1e-200 1e-200 }}"),
        ("neg", "{{ mulf -1.1 1.1 }} {{ mulf 0 -1 }}"),
    ),
    "addf": R(
        ("overflow", "{{ addf 1e308 1e308 }}"),
        ("mixed-exp", "{{ addf 1e20 0.1 }} {{ addf 123456789.123 0.000000001 }}"),
    ),
    "subf": R(
        ("decimal-more", "{{ subf 0.3 0.1 }} {{ subf 1 0.9 }}"),
    ),
    "add1f": R(
        ("garbage", '{{ add1f "abc" }} {{ add1f nil }}'),
    ),
    "round": R(
        ("big", "{{ round 123456789.987 2 }} {{ round 1e20 3 }} {{ round -0.4 0 }}"),
    ),
    "splitn": R(
        ("empty-sep", '{{ splitn "" 2 "abc" }} {{ splitn "" 5 "ab" }}'),
    ),
    "splitList": R(
        ("empty-both", '{{ splitList "" "" }} {{ len (splitList "" "") }}'),
        ("unicode-empty-sep", '{{ splitList "" "h\u00e9" }}'),
    ),
    "replace": R(
        ("empty-old-unicode", '{{ replace "" "." "h\u00e9" }}'),
        ("overlap", '{{ replace "aa" "b" "aaaaa" }}'),
    ),
    "indent": R(
        ("crlf", '{{ indent 2 "a\\r\\nb" | quote }}'),
    ),
    "nospace": R(
        ("nbsp", '{{ nospace "a\u00a0b" }}'),
        ("agrave", '{{ nospace "\u00e0 b" }}'),
    ),
    "upper": R(
        ("special", '{{ upper "\u01c5 \ufb00 \u0149 \u1fb3" }}'),
    ),
    "lower": R(
        ("special", '{{ lower "\u0130 \u01c5 \u1e9e" }}'),
    ),
    "trunc": R(
        ("unicode-boundary", '{{ trunc 3 "h\u00e9llo" }}'),
    ),
    "quote": R(
        ("unicode", '{{ quote "\u00e9\u2028\U0001F600\\u007f" }}'),
        ("map", '{{ quote (dict "a" nil) }}'),
    ),
    "squote": R(
        ("list-nil", "{{ squote (list nil 1) }}"),
    ),
    "cat": R(
        ("map", '{{ cat (dict "a" 1) (list) }}'),
    ),
    "sortAlpha": R(
        ("bytes", '{{ sortAlpha (list "\u00e9" "z" "Z" "e" "_") }}'),
    ),
    "dict": R(
        ("float-key", '{{ dict 1.5 2 true 3 }}'),
    ),
    "typeOf": R(
        ("typed-results", '{{ typeOf (until 2) }} {{ typeOf (chunk 1 (list 1)) }} {{ typeOf (keys (dict)) }} {{ typeOf (toStrings 1) }} {{ typeOf (sortAlpha (list)) }}'),
    ),
    "deepEqual": R(
        ("typed-results", '{{ deepEqual (until 2) (list 0 1) }} {{ deepEqual (splitList "," "a") (list "a") }}'),
        ("rest-nil", "{{ deepEqual (rest (list)) (list) }}"),
    ),
    "get": R(
        ("nil-literal", '[{{ get nil "a" }}]'),
    ),
    "set": R(
        ("nil-literal-error", '{{ set nil "a" 1 }}'),
    ),
    "unset": R(
        ("nil-literal", '{{ unset nil "a" }}'),
    ),
    "hasKey": R(
        ("nil-literal", '{{ hasKey nil "a" }}'),
    ),
    "pluck": R(
        ("nil-literal", '{{ pluck "a" nil (dict "a" 1) }}'),
    ),
    "keys": R(
        ("nil-literal", "{{ keys nil }}"),
    ),
    "pick": R(
        ("nil-literal", '{{ pick nil "a" }} {{ omit nil "a" }}'),
    ),
    "values": R(
        ("nil-literal", "{{ values nil }}"),
    ),
    "dig": R(
        ("list-step-error", '{{ dig "l" "x" "d" (dict "l" (list 1)) }}'),
        ("top-missing", '{{ dig "zz" "y" "d" (dict "a" 1) }}'),
    ),
    "toJson": R(
        ("unicode", '{{ toJson "\u00e9\u2028\\t" }}'),
        ("split", '{{ toJson (split "," "a,b") }}'),
    ),
    "fromJson": R(
        ("number-range", '{{ fromJson "{\\"n\\": 1e400}" }}'),
        ("string", '{{ fromJson "\\"s\\"" }}'),
    ),
    "uniq": R(
        ("lists", "{{ uniq (list (list 1) (list 1) (list 2)) }}"),
    ),
    "has": R(
        ("list-needle", "{{ has (list 1) (list (list 1)) }}"),
    ),
    "ceil": R(
        ("garbage", '{{ ceil "abc" }} {{ floor "-0.5" }}'),
    ),
    "maxf": R(
        ("neg-zero", '{{ maxf "-0" 0 }} {{ minf 0 "-0" "-inf" }}'),
    ),
    "empty": R(
        ("typed", "{{ empty (int64 0) }} {{ empty (splitList \",\" \"\") }} {{ empty (until 0) }}"),
    ),
}


def all_cases():
    out = []
    for function, rows in list(CASES.items()) + list(EXTRA.items()):
        for row in rows:
            suffix, template = row[0], row[1]
            values = row[2] if len(row) > 2 else (V if ".Values" in template else None)
            out.append({"name": "%s-%s" % (function, suffix), "function": function,
                        "template": template, "values": values})
    return out
