"""Sprig core corpus: extra edge cases, kept apart so the main tables stay readable."""
from sprig_core_common import R

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

# Go-typed results ([]string, []int, [][]interface{}, map[string]string, nil slices): how they
# print, compare, index and range, and which functions keep or drop the type.
TYPED = {
    "split": R(
        ("typed-elements", '{{ (split "," "a")._5 | typeOf }}|{{ index (split "," "a") "x" | typeOf }}|'
                           '{{ range $k, $v := split "," "a,b" }}{{ typeOf $v }}{{ end }}|{{ printf "%#v" (split "," "a,b") }}'),
        ("set-error", '{{ set (split "," "a") "x" "y" }}'),
        ("field-of-element-error", '{{ (split "," "a")._0.x }}'),
    ),
    "splitList": R(
        ("typed-elements", '{{ index (splitList "," "a,b") 1 | typeOf }}|{{ range splitList "," "a" }}{{ typeOf . }}{{ end }}|'
                           '{{ printf "%#v" (splitList "," "a,b") }}|{{ splitList "," "a,b" | toJson }}'),
        ("list-param-error", '{{ genSelfSignedCert "x" (splitList "," "1.2.3.4") nil 1 }}'),
        ("range-field-error", '{{ range splitList "," "a" }}{{ .x }}{{ end }}'),
        ("eq-error", '{{ eq (splitList "," "a") (splitList "," "a") }}'),
    ),
    "rest": R(
        ("empty-nil", '{{ rest (list) | toJson }}|{{ initial (list) | toJson }}|{{ printf "%#v" (rest (list)) }}|'
                      '{{ rest (list) | toYaml }}|{{ rest (list 1) | toJson }}|{{ rest (list) }}'),
        ("nil-encoders", '{{ rest (list) | toYamlPretty }}|{{ dict "a" (rest (list)) | toYaml }}|'
                         '{{ dict "a" (rest (list)) | toPrettyJson }}'),
    ),
    "toStrings": R(
        ("typed-passthrough", '{{ toStrings (regexFindAll "x" "a" -1) | toJson }}|{{ typeOf (toStrings (list 1)) }}|'
                              '{{ toStrings nil | toJson }}|{{ toStrings (until 2) | toJson }}'),
    ),
    "sortAlpha": R(
        ("nil-strings", '{{ sortAlpha (regexFindAll "x" "a" -1) | toJson }}|{{ sortAlpha nil }}|{{ typeOf (sortAlpha (until 2)) }}'),
    ),
    "slice": R(
        ("keeps-type", '{{ typeOf (slice (splitList "," "a,b,c") 1) }}|{{ typeOf (slice (until 3) 0 1) }}|'
                       '{{ typeOf (slice (list 1 2) 1) }}|{{ slice (splitList "," "a,b,c") 1 2 }}'),
    ),
    "uniq": R(
        ("typed-to-interface", '{{ typeOf (uniq (splitList "," "a,a")) }}|{{ typeOf (reverse (until 2)) }}|'
                               '{{ typeOf (concat (splitList "," "a") (until 1)) }}|{{ typeOf (append (splitList "," "a") "b") }}|'
                               '{{ typeOf (compact (splitList "," "a,")) }}|{{ typeOf (without (until 2) 1) }}'),
    ),
    "chunk": R(
        ("typed", '{{ printf "%#v" (chunk 2 (splitList "," "a,b,c")) }}|{{ typeOf (index (chunk 1 (list 1)) 0) }}|'
                  '{{ chunk 2 (until 3) | toJson }}'),
    ),
    "until": R(
        ("typed", '{{ printf "%#v" (until 3) }}|{{ index (until 3) 1 | typeOf }}|{{ deepEqual (until 2) (untilStep 0 2 1) }}|'
                  '{{ range until 2 }}{{ typeOf . }}{{ end }}'),
    ),
    "deepEqual": R(
        ("nil-slices", '{{ deepEqual (rest (list)) (initial (list)) }} {{ deepEqual (regexSplit "a" "b" 0) (regexFindAll "x" "b" -1) }} '
                       '{{ deepEqual (splitList "," "a") (toStrings (list "a")) }} {{ deepEqual (rest (list)) (regexSplit "a" "b" 0) }}'),
    ),
    "keys": R(
        ("typed", '{{ typeOf (keys (dict "a" 1)) }} {{ printf "%#v" (keys (dict "a" 1)) }} {{ keys (dict) | toJson }}'),
        ("map-string-error", '{{ keys (split "," "a") }}'),
    ),
    "join": R(
        ("typed", '{{ join "-" (splitList "," "a,b") }} {{ join "-" (until 3) }} {{ join "-" (rest (list)) }}'),
    ),
    "has": R(
        ("typed", '{{ has "a" (splitList "," "a") }} {{ has 1 (until 2) }} {{ has 1 (rest (list)) }}'),
    ),
    "first": R(
        ("typed", '{{ first (splitList "," "a,b") | typeOf }} {{ last (until 2) | typeOf }} {{ first (rest (list)) }}'),
    ),
    "typeIs": R(
        ("typed", '{{ typeIs "[]string" (splitList "," "a") }} {{ typeIs "map[string]string" (split "," "a") }} '
                  '{{ typeIs "[]int" (until 1) }} {{ kindIs "slice" (rest (list)) }}'),
    ),
}
