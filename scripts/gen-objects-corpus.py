#!/usr/bin/env python3
"""Generate the Go-objects golden corpus (Tests/Fixtures/objects-corpus/time.json) from real Helm v4.

    .oracle-venv/bin/python scripts/gen-objects-corpus.py        # or: make corpus

Each case is one throwaway chart `c` whose `templates/t.yaml` is the case's template, rendered
by Helm; the result is the rendered text or Helm's exact error. The cases call the methods of the
Go objects a template can reach: `time.Time` (from `toDate`), the `time.Month`, `time.Weekday`,
`time.Duration` and `*time.Location` values its methods return, and how printing, conversion and
encoding functions see them; plus `toYaml` of a semver value and `urlParse` errors. Times come
from fixed texts (never `now`), so the output is deterministic. The file is written only when
its bytes change.
"""
import json

from oracle_fixture import FIXTURES, record, render_case, write_json

OUT = FIXTURES / "objects-corpus" / "time.json"

CASES = []


def C(group, name, template):
    CASES.append({"function": group, "name": "%s-%s" % (group, name), "template": template, "values": None})


def q(s):
    """A Go template string literal for s."""
    return json.dumps(s, ensure_ascii=False)


# Times: a plain date (time.Local, UTC here), one with a fixed offset and nanoseconds, the zero
# time (what toDate gives for a bad date), one before year 1's neighbourhood, one in UTC.
T = '(toDate "2006-01-02" "2021-03-04")'
TOFF = '(toDate "2006-01-02T15:04:05.999999999Z07:00" "2021-03-04T10:20:30.123456789+05:30")'
TNEG = '(toDate "2006-01-02T15:04:05Z07:00" "1969-12-31T23:59:59-01:00")'
TZERO = '(toDate "2006-01-02" "bad")'
TLATE = '(toDate "2006-01-02T15:04:05Z07:00" "2024-02-29T23:59:59.5Z")'
TIMES = {"local": T, "offset": TOFF, "neg": TNEG, "zero": TZERO, "late": TLATE}
DAY = "($t.AddDate 0 0 1).Sub $t"


def with_t(expr, body):
    return "{{ $t := %s }}%s" % (expr, body)


# ---------------------------------------------------------------------------------------------
# time.Time: zero-argument methods, on every time
# ---------------------------------------------------------------------------------------------
ZERO_ARG = ["String", "GoString", "IsZero", "IsDST", "Year", "Month", "Day", "Hour", "Minute", "Second",
            "Nanosecond", "Weekday", "YearDay", "Unix", "UnixMilli", "UnixMicro", "UnixNano", "UTC", "Local",
            "Location", "MarshalJSON", "MarshalText", "MarshalBinary", "GobEncode"]
for label, expr in TIMES.items():
    C("Time", "fields-" + label, with_t(expr, " ".join("{{ $t.%s }}" % m for m in ZERO_ARG)))
for m in ZERO_ARG:
    C("Time", "typeof-" + m, with_t(T, "{{ typeOf $t.%s }} {{ kindOf $t.%s }}" % (m, m)))
for m in ["Date", "Clock", "Zone", "ISOWeek", "ZoneBounds"]:
    C("Time", "several-results-" + m, with_t(T, "{{ $t.%s }}" % m))
C("Time", "several-results-with-arg", with_t(T, "{{ $t.Date 1 }}"))
C("Time", "zero-arg-given-arg", with_t(T, "{{ $t.Year 1 }}"))
C("Time", "zero-arg-piped-arg", with_t(T, "{{ 1 | $t.Unix }}"))
C("Time", "unknown-field", with_t(T, "{{ $t.Foo }}"))
C("Time", "unexported-setter", with_t(T, "{{ $t.UnmarshalText \"x\" }}"))
C("Time", "chain", "{{ %s.UTC.Month.String }}" % T)
C("Time", "marshal-json-bad-year", with_t('(toDate "2006-01-02" "2021-03-04")', "{{ ($t.AddDate 9000 0 0).MarshalJSON }}"))
C("Time", "marshal-text-negative-year", with_t(T, "{{ ($t.AddDate -3000 0 0).MarshalText }}"))
C("Time", "marshal-binary-odd-offset", with_t('(toDate "2006-01-02T15:04:05Z07:00:00" "2021-03-04T10:20:30+01:02:03")', "{{ $t.MarshalBinary }} {{ $t }}"))
C("Time", "year-zero-string", with_t(T, "{{ $t.AddDate -2021 0 0 }} {{ $t.AddDate -2022 0 0 }}"))

# ---------------------------------------------------------------------------------------------
# time.Time: methods with arguments
# ---------------------------------------------------------------------------------------------
for i, layout in enumerate(["2006-01-02", "Jan 2, 2006 at 3:04pm (MST)", "Monday 02 January 2006 15:04:05.000 -0700",
                            "2006-01-02T15:04:05.999999999Z07:00", "__2 002 .9 ,000", ""]):
    C("Format", "layout%02d" % i, with_t(TOFF, "{{ $t.Format %s }}|{{ $t.UTC.Format %s }}" % (q(layout), q(layout))))
C("Format", "int-arg", with_t(T, "{{ $t.Format 5 }}"))
C("Format", "no-arg", with_t(T, "{{ $t.Format }}"))
C("Format", "pipe", with_t(T, "{{ \"2006\" | $t.Format }}"))
C("Format", "value-arg", with_t(T, "{{ $t.Format (printf \"%s\" \"Jan\") }}"))

for label, arg in [("nanos", "5"), ("seconds", "5000000000"), ("negative", "-90000000000000"), ("zero", "0"),
                   ("huge", "9223372036854775807"), ("duration-value", "($t.Sub ($t.AddDate 0 0 -1))")]:
    C("Add", label, with_t(T, "{{ $t.Add %s }}" % arg))
    C("Add", label + "-offset", with_t(TOFF, "{{ $t.Add %s }}" % arg))
for label, arg in [("string", '"5s"'), ("float", "1.5"), ("int-value", "(int 5)"), ("int64-value", "(int64 5)"),
                   ("float-value", "(float64 5)"), ("nil", "nil"), ("too-big", "9223372036854775808"), ("bool", "true")]:
    C("Add", "bad-" + label, with_t(T, "{{ $t.Add %s }}" % arg))
C("Add", "no-arg", with_t(T, "{{ $t.Add }}"))
C("Add", "saturates", with_t(T, "{{ $u := $t.AddDate 292277026596 0 0 }}{{ $v := $t.AddDate -292277026596 0 0 }}"
                                "{{ $u.Add 9223372036854775807 }} {{ ($u.Add 9223372036854775807).Unix }} "
                                "{{ $v.Add -9223372036854775808 }} {{ ($v.Add -9223372036854775808).Unix }} {{ $v.Before $t }}"))
C("Add", "pipe", with_t(T, "{{ 60000000000 | $t.Add }}"))

for label, args in [("ymd", "1 2 3"), ("negative", "-1 -2 -3"), ("month-overflow", "0 11 0"), ("day-overflow", "0 0 400"),
                    ("leap", "1 0 0"), ("month-end", "0 1 0"), ("zero", "0 0 0")]:
    C("AddDate", label, with_t(T, "{{ $t.AddDate %s }}" % args))
    C("AddDate", label + "-late", with_t(TLATE, "{{ $t.AddDate %s }}" % args))
C("AddDate", "offset", with_t(TOFF, "{{ $t.AddDate 0 1 0 }}"))
# Go's int arithmetic wraps; times past its absolute epoch print as Go computes them.
for label, args in [("max-years", "9223372036854775807 0 0"), ("min-years", "-9223372036854775808 0 0"),
                    ("big-months", "0 1000000000000 0"), ("big-days", "0 0 1000000000000000"),
                    ("edge-years", "292277026596 0 0"), ("near-edge", "292277026000 0 0"), ("far-past", "-292277022000 0 0"),
                    ("past-edge", "-292277023000 0 0"), ("beyond", "300000000000 0 0"), ("before-year-one", "0 0 -738000"),
                    ("min-unix", "0 0 -106751991167300"), ("max-unix", "0 0 106751991167300"), ("min-edge", "-292277026596 0 0")]:
    C("AddDate", "extreme-" + label, with_t(T, "{{ $u := $t.AddDate %s }}{{ $u }} {{ $u.Year }} {{ $u.YearDay }} {{ $u.Weekday }} "
                                               "{{ $u.Unix }} {{ $u.UnixNano }} {{ $u.Truncate 3600000000000 }} {{ $u.Round 7 }} "
                                               "{{ $u.Sub $t }} {{ $u | toJson }}" % args))
C("AddDate", "two-args", with_t(T, "{{ $t.AddDate 1 2 }}"))
C("AddDate", "int64-value", with_t(T, "{{ $t.AddDate (int64 1) 0 0 }}"))
C("AddDate", "float", with_t(T, "{{ $t.AddDate 0 0 1.5 }}"))

for label, other in [("later", "($t.AddDate 1 2 3)"), ("earlier", "($t.AddDate -1 0 0)"), ("same", "$t"),
                     ("offset", TOFF), ("zero", TZERO), ("neg", TNEG)]:
    C("Sub", label, with_t(T, "{{ $t.Sub %s }} {{ %s.Sub $t }}" % (other, other)))
C("Sub", "saturates", with_t(T, "{{ $t.Sub ($t.AddDate 400 0 0) }} {{ ($t.AddDate 400 0 0).Sub $t }}"))
C("Sub", "int-arg", with_t(T, "{{ $t.Sub 5 }}"))
C("Sub", "string-arg", with_t(T, "{{ $t.Sub \"x\" }}"))
C("Sub", "nil-arg", with_t(T, "{{ $t.Sub nil }}"))
C("Sub", "semver-arg", with_t(T, "{{ $t.Sub (semver \"1.2.3\") }}"))

for m in ["Before", "After", "Equal", "Compare"]:
    C(m, "table", with_t(T, "{{ $t.%s $t }} {{ $t.%s ($t.Add 1) }} {{ ($t.Add 1).%s $t }} {{ $t.%s $t.UTC }} {{ $t.%s %s }}"
                      % (m, m, m, m, m, TOFF)))
C("Equal", "zones", with_t(TOFF, "{{ $t.Equal $t.UTC }} {{ eq $t $t.UTC }}"))
C("Before", "string-arg", with_t(T, "{{ $t.Before \"x\" }}"))
C("Compare", "nil-arg", with_t(T, "{{ $t.Compare nil }}"))

for m in ["Truncate", "Round"]:
    for label, d in [("hour", "3600000000000"), ("day", "86400000000000"), ("second", "1000000000"), ("ms", "1000000"),
                     ("zero", "0"), ("negative", "-5"), ("seven-days", "604800000000000"), ("odd", "7000000007")]:
        C(m, label, with_t(TOFF, "{{ $t.%s %s }}" % (m, d)))
    C(m, "late", with_t(TLATE, "{{ $t.%s 1000000000 }} {{ $t.%s 3600000000000 }}" % (m, m)))
    C(m, "neg", with_t(TNEG, "{{ $t.%s 7200000000000 }}" % m))
    C(m, "duration-value", with_t(T, "{{ $t.%s (%s) }}" % (m, DAY)))
    C(m, "string-arg", with_t(T, "{{ $t.%s \"1h\" }}" % m))

C("In", "own-location", with_t(TOFF, "{{ $t.In $t.Location }} {{ $t.UTC.In $t.Location }}"))
C("In", "utc-location", with_t(TOFF, "{{ $t.In $t.UTC.Location }}"))
C("In", "local-location", with_t(TOFF, "{{ $t.In (%s).Location }}" % T))
C("In", "nil", with_t(T, "{{ $t.In nil }}"))
C("In", "string", with_t(T, "{{ $t.In \"UTC\" }}"))
C("In", "no-arg", with_t(T, "{{ $t.In }}"))
C("In", "extreme", with_t(T, "{{ $u := ($t.AddDate -292277026596 0 0).Add -9223372036854775808 }}{{ $u.Truncate 7 }} {{ $u.Round 1000 }} "
                             "{{ $u.Truncate 3600000000000 }} {{ $u.Local }} {{ $u.In %s.Location }}" % TOFF))

C("Append", "format", with_t(T, "{{ $t.AppendFormat $t.MarshalText \" 2006\" | toString }}"))
C("Append", "format-nil", with_t(T, "{{ $t.AppendFormat nil \"2006\" }}"))
C("Append", "text", with_t(T, "{{ $t.AppendText $t.MarshalJSON | toString }}"))
C("Append", "binary-nil", with_t(T, "{{ $t.AppendBinary nil }}"))
C("Append", "format-string-arg", with_t(T, "{{ $t.AppendFormat \"x\" \"2006\" }}"))

# ---------------------------------------------------------------------------------------------
# time.Month, time.Weekday, time.Duration, *time.Location as values
# ---------------------------------------------------------------------------------------------
VALUES = {"month": "$t.Month", "weekday": "$t.Weekday", "duration": "(%s)" % DAY,
          "neg-duration": "($t.Sub ($t.Add 1500))", "location": "$t.Location", "utc-location": "$t.UTC.Location",
          "offset-location": "%s.Location" % TOFF}
PRINTERS = ["{{ %s }}", "{{ %s | toString }}", "{{ %s | toJson }}", "{{ %s | toPrettyJson }}", "{{ %s | toRawJson }}",
            "{{ %s | toYaml }}", "{{ %s | toYamlPretty }}", "{{ %s | kindOf }}", "{{ %s | typeOf }}",
            "{{ %s | quote }}", "{{ %s | squote }}", "{{ list %s | join \",\" }}", "{{ %s | empty }}",
            "{{ print %s }}", "{{ dict \"v\" %s }}", "{{ dict \"v\" %s | toJson }}", "{{ toToml (dict \"v\" %s) | trim }}"]
for label, expr in VALUES.items():
    C("print", label, with_t(T, "|".join(p % expr for p in PRINTERS)))
    C("printf", label, with_t(T, "{{ printf \"%%v %%d %%T %%s %%q %%x %%X %%#v %%+v %%5v|%%-8d|%%o %%b %%e %%t %%U\" "
                                 + " ".join([expr] * 16) + " }}"))
C("print", "month-range", with_t(T, "{{ range $i := until 14 }}{{ ($t.AddDate 0 $i 0).Month }},{{ end }}"))
C("print", "weekday-range", with_t(T, "{{ range $i := until 8 }}{{ ($t.AddDate 0 0 $i).Weekday }},{{ end }}"))
for i, n in enumerate([1, 999, 1000, 1500000, 2000000000, 3723000000000, -61000000000, 9223372036854775807]):
    C("print", "duration%02d" % i, with_t(T, "{{ $t.Sub ($t.Add -%d) }}" % n if n > 0 else "{{ $t.Sub ($t.Add %d) }}" % -n))

C("convert", "month", with_t(T, "{{ $t.Month | int }} {{ $t.Month | int64 }} {{ $t.Month | float64 }} {{ add $t.Month 1 }} "
                                "{{ mul $t.Weekday 2 }} {{ max $t.Month 7 }} {{ $t.Month | toDecimal }} {{ $t.Weekday | toString }}"))
C("convert", "duration", with_t(T, "{{ $d := %s }}{{ $d | int64 }} {{ $d | int }} {{ $d | float64 }} {{ add $d 1 }} "
                                   "{{ max $d 1 }} {{ $d | default 5 }}" % DAY))
C("convert", "upper-month", with_t(T, "{{ $t.Month | upper }}"))
C("compare", "month", with_t(T, "{{ eq $t.Month 3 }} {{ lt $t.Month 4 }} {{ le $t.Month 2 }} {{ ne $t.Weekday 4 }} "
                                "{{ eq $t.Month $t.Month }} {{ if $t.Month }}y{{ end }}"))
C("compare", "duration", with_t(T, "{{ $d := %s }}{{ eq $d 86400000000000 }} {{ lt $d 5 }} {{ gt $d 5 }}" % DAY))
C("compare", "month-weekday", with_t(T, "{{ eq $t.Month $t.Weekday }}"))
C("compare", "month-string", with_t(T, "{{ eq $t.Month \"March\" }}"))
C("compare", "locations-and-times", with_t(T, "{{ eq $t.Location $t.Location }} {{ eq $t.Location $t.UTC.Location }} "
                                              "{{ eq $t $t }} {{ eq $t ($t.Add 0) }} {{ ne $t $t.UTC }}"))
C("compare", "deep-equal", with_t(T, "{{ eq ($t.Sub $t) $t.Month }} {{ deepEqual $t.Month 3 }} {{ deepEqual $t.Month $t.Month }} "
                                     "{{ has $t.Month (list 3) }} {{ has 3 (list $t.Month) }} {{ uniq (list $t.Month $t.Month) }}"))
C("convert", "containers", with_t(T, "{{ index (list $t.Month) 0 }} {{ (index (list $t) 0).Year }} {{ (dict \"t\" $t).t.Weekday }} "
                                     "{{ range list $t.Month $t.Weekday }}{{ . }},{{ end }} {{ sortAlpha (list $t.Month $t.Weekday) }} "
                                     "{{ $t.Month | toString | b64enc }} {{ cat $t.Month $t.Weekday }} {{ min $t.Weekday 9 }}"))
C("compare", "zero-duration-false", with_t(T, "{{ if $t.Sub $t }}y{{ else }}n{{ end }}"))

for m in ["String", "Hours", "Minutes", "Seconds", "Milliseconds", "Microseconds", "Nanoseconds", "Abs"]:
    C("Duration", m, with_t(T, "{{ $d := %s }}{{ $n := $t.Sub ($t.Add 5400000001234) }}{{ $d.%s }} {{ $n.%s }} {{ typeOf $d.%s }}"
                           % (DAY, m, m, m)))
for m in ["Round", "Truncate"]:
    for label, arg in [("hour", "3600000000000"), ("zero", "0"), ("negative", "-1"), ("ms", "1000000"), ("odd", "7")]:
        C("Duration", "%s-%s" % (m, label), with_t(T, "{{ $n := $t.Sub ($t.Add 5400000001234) }}{{ $n.%s %s }} {{ ($n.Abs).%s %s }}"
                                               % (m, arg, m, arg)))
    C("Duration", m + "-string-arg", with_t(T, "{{ ($t.Sub $t).%s \"1h\" }}" % m))
C("Duration", "abs-min", with_t(T, "{{ ($t.Sub ($t.AddDate 400 0 0)).Abs }}"))
C("Duration", "min", with_t(T, "{{ $d := $t.Sub ($t.AddDate 400 0 0) }}{{ $d }} {{ $d.Round 7 }} {{ $d.Truncate 7 }} {{ $d.Hours }} "
                               "{{ $d.Minutes }} {{ $d.Seconds }} {{ $d.Milliseconds }} {{ $d.Round -1 }}"))
C("Duration", "unknown", with_t(T, "{{ ($t.Sub $t).Days }}"))
C("Duration", "string-arg", with_t(T, "{{ ($t.Sub $t).String 1 }}"))
C("Month", "String", with_t(T, "{{ $t.Month.String }} {{ $t.Weekday.String }} {{ $t.Location.String }}"))
C("Month", "unknown", with_t(T, "{{ $t.Month.Foo }}"))
C("Month", "arg", with_t(T, "{{ $t.Month 1 }}"))
C("Weekday", "unknown", with_t(T, "{{ $t.Weekday.Hours }}"))
C("Location", "unknown", with_t(T, "{{ $t.Location.Name }}"))

# ---------------------------------------------------------------------------------------------
# time.Time and semver through the encoders
# ---------------------------------------------------------------------------------------------
for label, expr in TIMES.items():
    C("encode", "time-" + label, with_t(expr, "{{ $t | toJson }}|{{ $t | toYaml }}|{{ $t | toYamlPretty }}|{{ $t | toString }}|"
                                             "{{ dict \"t\" $t | toYaml }}|{{ list $t | toJson }}"))
C("encode", "semver", "{{ semver \"1.2.3-rc.1+b5\" | toYaml }}|{{ semver \"1.2.3\" | toYamlPretty }}|"
                      "{{ dict \"v\" (semver \"v1.2\") | toYaml }}|{{ semver \"1.2.3\" | toJson }}|{{ (semver \"1.2.3\").IncMinor | toYaml }}")
C("encode", "semver-compare-nil", "{{ (semver \"1.2.3\").Compare nil }}")

# ---------------------------------------------------------------------------------------------
# urlParse: net/url's host errors
# ---------------------------------------------------------------------------------------------
URLS = ["http://[::1", "http://a:1:2", "mongo://a:1,b:2/x", "http://a b/", "http://x[::1]/", "http://[::1]:ab/",
        "http://[1.2.3.4]/", "http://[zz]/", "http://[::1::2]/", "http://%41/", "http://a:x/", "http://[fe80::1%25en0]:80/p",
        "http://[fe80::1%25%41]/", "http://h%zz/", "http://a<b/", "http://us%20er@h%C3%A9/", "http://u@[::1]:8080/",
        "http://a:/", "http://[::ffff:1.2.3.4]/", "http://é/", "http://a%25b/", "https://a:1:2"]
for i, u in enumerate(URLS):
    C("urlParse", "host%02d" % i, "{{ urlParse %s | toJson }}" % q(u))


# ---------------------------------------------------------------------------------------------

def main():
    results = record(CASES, lambda case: render_case({"templates/t.yaml": case["template"]}))
    if write_json(OUT, results):
        print("wrote", OUT)
    print("%d cases, %d errors" % (len(results), sum("error" in r for r in results)))


if __name__ == "__main__":
    main()
