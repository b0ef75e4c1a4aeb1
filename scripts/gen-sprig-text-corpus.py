#!/usr/bin/env python3
"""Generate the Sprig text-function golden corpus (Tests/Fixtures/sprig-corpus/text.json) from real Helm v4.

    .oracle-venv/bin/python scripts/gen-sprig-text-corpus.py        # or: make corpus

Each case is one throwaway chart `c` whose `templates/t.yaml` is the case's template; the case's
`values` (YAML text, or null) are read by Helm's values reader (numbers are float64) and passed as
user values. The result is Helm's rendered text of `c/templates/t.yaml` (every `<no value>` already
removed) or the exact error text. Cases that depend on the current time only check a shape (they
print `ok`/`bad`), so the output is deterministic. The file is written only when its bytes change.
"""
import json

from oracle_fixture import FIXTURES, helm_values, record, render_case, write_json

OUT = FIXTURES / "sprig-corpus" / "text.json"

CASES = []


def C(function, name, template, values=None):
    CASES.append({"function": function, "name": "%s-%s" % (function, name), "template": template, "values": values})


def q(s):
    """A Go template string literal for s."""
    return json.dumps(s, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# regular expressions
# ---------------------------------------------------------------------------------------------

MATCH_ROWS = [
    ("a", "abc"), ("^a", "bab"), ("a$", "ba"), ("^$", ""), ("x*", ""), ("[0-9]+", "abc123"),
    ("(?i)HELLO", "hello world"), ("^[a-z]+\\[[0-9]+\\]$", "adam[23]"), ("\\bfoo\\b", "a foo b"),
    ("\\Bfoo", "afoo"), ("a.c", "a\nc"), ("(?s)a.c", "a\nc"), ("(?m)^b$", "a\nb\nc"), ("^b$", "a\nb\nc"),
    ("\\Aab\\z", "ab"), ("\\pL+", "héllo"), ("\\p{Greek}", "abc α"), ("\\PL", "abc"), ("[[:alpha:]]+", "12ab"),
    ("[^a-z]", "abc"), ("(?i)[^a-z]", "ABC"), ("\\d{2,3}", "a1234"), ("a{,3}", "a{,3}"), ("\\Qa.b\\E", "axb"),
    ("\\Qa.b\\E", "a.b"), ("\\x41\\x{42}", "AB"), ("\\101", "A"), ("[\\d\\s]+", "1 2"), ("é", "café"),
    ("(?i)straße", "STRASSE"), ("(?i)k", "\u212a"), ("[[:^digit:]]", "123"), ("\\p{Lu}", "abC"), ("\\p{Han}", "中文"),
]
for i, (re, s) in enumerate(MATCH_ROWS):
    C("regexMatch", "row%02d" % i, "{{ regexMatch %s %s }}" % (q(re), q(s)))
    C("mustRegexMatch", "row%02d" % i, "{{ mustRegexMatch %s %s }}" % (q(re), q(s)))

BAD_PATTERNS = [
    "(", ")", "a)", "[a", "[z-a]", "*", "a**", "a*+", "(?=x)", "(?!x)", "(?<=x)", "(?P<name", "(?P<>a)", "(?P<a-b>x)",
    "\\", "a\\", "\\1", "\\8", "\\C", "\\p{Foo}", "\\pX", "x{1001}", "x{2,1}", "(a{500}){3}", "[[:foo:]]", "\\xZZ",
    "\\x{110000}", "(?i", "(?z)", "(?-)", "(?i-i-i)", "a|*", "(*)", "\\Q", "[]a]", "[^]", "x{2}{3}", "a??+", "\\z\\Z",
    "(?P=n)", "(?<n>a)(?<n>b)", "\\q", "[\\q]", "a{1,2", "(?:", "((a)", "\x01(", "`(",
]
for i, re in enumerate(BAD_PATTERNS):
    C("mustRegexMatch", "bad%02d" % i, "{{ mustRegexMatch %s \"x\" }}" % q(re))
    C("regexFind", "bad%02d" % i, "{{ regexFind %s \"x\" }}" % q(re))
C("regexMatch", "bad-pattern-false", "{{ regexMatch \"(\" \"(\" }}")
C("mustRegexFind", "bad", "{{ mustRegexFind \"[\" \"x\" }}")
C("mustRegexFindAll", "bad", "{{ mustRegexFindAll \"+\" \"x\" -1 }}")
C("regexFindAll", "bad", "{{ regexFindAll \"+\" \"x\" -1 }}")
C("mustRegexReplaceAll", "bad", "{{ mustRegexReplaceAll \"a{2,1}\" \"x\" \"y\" }}")
C("regexReplaceAll", "bad", "{{ regexReplaceAll \"a{2,1}\" \"x\" \"y\" }}")
C("mustRegexReplaceAllLiteral", "bad", "{{ mustRegexReplaceAllLiteral \"(?x)\" \"x\" \"y\" }}")
C("regexReplaceAllLiteral", "bad", "{{ regexReplaceAllLiteral \"(?x)\" \"x\" \"y\" }}")
C("mustRegexSplit", "bad", "{{ mustRegexSplit \"\\\\\" \"x\" -1 }}")
C("regexSplit", "bad", "{{ regexSplit \"\\\\\" \"x\" -1 }}")

FIND_ROWS = [
    ("[a-z]+", "123abc456def"), ("a*", "baaac"), ("a*?", "aaa"), ("(?U)a*", "aaa"), ("(?U)a*?", "aaa"), ("x", "abc"),
    ("a|ab", "ab"), ("ab|a", "ab"), ("(a|ab)(c|bcd)", "abcd"), ("(a+)(b+)?", "aab"), ("\\w+@\\w+\\.com", "mail bob@example.com now"),
    ("", "abc"), ("$", "abc"), ("(?m)$", "a\nb"), ("é+", "ééé"), (".", "日本"), ("[^\\n]+", "ab\ncd"), ("(a*)*", "b"),
    ("(a*)+", "b"), ("(a|b)*?c", "abac"), ("a{2}", "aaaa"), ("a{2,}", "aaaaa"), ("a{2,3}?", "aaaa"), ("(?i)ǅ", "ǆ"),
]
for i, (re, s) in enumerate(FIND_ROWS):
    C("regexFind", "row%02d" % i, "[{{ regexFind %s %s }}]" % (q(re), q(s)))
    C("mustRegexFind", "row%02d" % i, "[{{ mustRegexFind %s %s }}]" % (q(re), q(s)))
    for n in (-1, 0, 1, 2):
        C("regexFindAll", "row%02d-n%d" % (i, n), "{{ regexFindAll %s %s %d }}" % (q(re), q(s), n))
    C("mustRegexFindAll", "row%02d" % i, "{{ mustRegexFindAll %s %s -1 | len }}" % (q(re), q(s)))
C("regexFindAll", "typeof", "{{ typeOf (regexFindAll \"a\" \"aa\" -1) }}")
C("regexFindAll", "empty-typeof", "{{ typeOf (regexFindAll \"x\" \"aa\" -1) }}|{{ regexFindAll \"x\" \"aa\" -1 }}")
C("regexFindAll", "float-n-error", "{{ regexFindAll \"a\" \"aa\" .Values.n }}", "n: 1\n")
C("regexFind", "int-arg-error", "{{ regexFind \"a\" 5 }}")

REPLACE_ROWS = [
    ("a(x*)b", "-ab-axxb-", "T"), ("a(x*)b", "-ab-axxb-", "$1"), ("a(x*)b", "-ab-axxb-", "$1W"), ("a(x*)b", "-ab-axxb-", "${1}W"),
    ("(?P<first>\\w+) (?P<last>\\w+)", "John Smith", "$last, $first"), ("(?P<first>\\w+) (?P<last>\\w+)", "John Smith", "${last}_$first"),
    ("a", "banana", "$$"), ("a", "banana", "$"), ("a", "banana", "${"), ("a", "banana", "${1"), ("(a)", "banana", "$01"),
    ("(a)", "banana", "$10"), ("(a)", "banana", "${0}"), ("x*", "abc", "-"), ("a*", "baaac", "-"), ("", "abc", "-"),
    ("b*", "abc", "X"), ("(?m)^", "a\nb", "> "), ("(?m)$", "a\nb", ";"), ("é", "café é", "e"), ("\\s+", "a  b \t c", " "),
    ("(a)(b)?", "a ab", "[$2]"), ("(?i)HELLO", "hello Hello", "hi"), ("a|", "bab", "X"), ("\\b", "ab cd", "|"),
    ("(\\w+)", "héllo wörld", "<$1>"), ("(x)", "abc", "$1"), ("ab", "ababab", "$0$0"), ("a(?P<n1>b)", "ab", "${n1}!"),
    ("(a)", "aa", "$ 1"), ("(a)", "aa", "$é"), ("(?P<é>a)", "aa", "[$é]"),
]
for i, (re, s, r) in enumerate(REPLACE_ROWS):
    C("regexReplaceAll", "row%02d" % i, "{{ regexReplaceAll %s %s %s }}" % (q(re), q(s), q(r)))
    C("regexReplaceAllLiteral", "row%02d" % i, "{{ regexReplaceAllLiteral %s %s %s }}" % (q(re), q(s), q(r)))
C("mustRegexReplaceAll", "normal", "{{ mustRegexReplaceAll \"(\\\\d+)\" \"a1b22\" \"<$1>\" }}")
C("mustRegexReplaceAllLiteral", "normal", "{{ mustRegexReplaceAllLiteral \"(\\\\d+)\" \"a1b22\" \"<$1>\" }}")
C("mustRegexReplaceAll", "empty-match", "{{ mustRegexReplaceAll \"x*\" \"abc\" \"-\" }}")
C("mustRegexReplaceAllLiteral", "dollar", "{{ mustRegexReplaceAllLiteral \"b\" \"abc\" \"$$1\" }}")
C("regexReplaceAll", "pipe", "{{ \"a-b-c\" | regexReplaceAll \"-\" \"a-b-c\" }}")

SPLIT_ROWS = [
    ("a", "banana"), (",", "a,b,,c,"), ("", "abc"), ("x*", "axbxxc"), ("z+", ""), ("", ""), (",", ""), ("\\s+", " a b  c "),
    ("a*", "baaac"), ("(?m)^", "a\nb\nc"), ("é", "xéyéz"), ("b", "abc"),
]
for i, (re, s) in enumerate(SPLIT_ROWS):
    for n in (-1, 0, 1, 2, 3):
        C("regexSplit", "row%02d-n%d" % (i, n), "{{ regexSplit %s %s %d | toJson }}" % (q(re), q(s), n))
    C("mustRegexSplit", "row%02d" % i, "{{ mustRegexSplit %s %s -1 }}" % (q(re), q(s)))

for i, s in enumerate(["a.b", "1+1=2", "[foo]", "\\d{3}", "^$|()*?", "", "héllo.*", "{a}"]):
    C("regexQuoteMeta", "row%02d" % i, "{{ regexQuoteMeta %s }}" % q(s))
C("regexQuoteMeta", "int-error", "{{ regexQuoteMeta 1 }}")
C("regexQuoteMeta", "roundtrip", "{{ regexMatch (regexQuoteMeta \"a.b*c\") \"xa.b*cx\" }}")

# ---------------------------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------------------------

T0 = 1614816000  # 2021-03-04T00:00:00Z
LAYOUTS = [
    "2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05.000 MST", "Mon Jan _2 15:04:05 2006",
    "Monday, January 2, 2006 3:04PM", "02/01/06 03:04:05.999999999 pm -0700", "Jan 2 '06 at 15h04", "2006.002 __2",
    "15:04:05.000000 -07:00:00 Z070000", "Z07 -07 Z0700", ".9 ,000 .99", "20060102150405", "January", "Mon",
    "1 2 3 4 5 6", "yes", "", "Jan Janx Monx MSTx",
]
for i, layout in enumerate(LAYOUTS):
    C("date", "layout%02d" % i, "{{ date %s %d }}" % (q(layout), T0 + 3723))
    C("dateInZone", "layout%02d" % i, "{{ dateInZone %s (toDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2021-07-04T09:08:07.123456789Z\") \"America/New_York\" }}" % q(layout))
for zone in ["UTC", "Asia/Tokyo", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "Nope/Zone", "", "Local", "EST", "Etc/GMT+5", "../etc"]:
    for ts in (T0, 1625389687, 4102444800):
        C("dateInZone", "zone-%s-%d" % (zone.replace("/", "_") or "empty", ts), "{{ dateInZone \"2006-01-02 15:04:05 MST -0700\" %d %s }}" % (ts, q(zone)))
C("date", "int0", "{{ date \"2006\" 0 }}")
C("date", "negative", "{{ date \"2006-01-02 15:04:05\" -86401 }}")
C("date", "time-value", "{{ date \"Jan 2, 2006\" (toDate \"2006-01-02\" \"2021-03-04\") }}")
C("date", "float-is-now", "{{ if eq (date \"2006\" .Values.t) (date \"2006\" now) }}ok{{ end }}", "t: 0\n")
C("date", "string-is-now", "{{ if eq (date \"2006\" \"0\") (now | date \"2006\") }}ok{{ end }}")
C("date", "fmt-int-error", "{{ date 1 0 }}")
C("date_in_zone", "alias", "{{ date_in_zone \"15:04 MST\" 0 \"Asia/Tokyo\" }}")
C("date_in_zone", "utc", "{{ date_in_zone \"2006-01-02T15:04:05Z07:00\" 86400 \"UTC\" }}")
C("date_in_zone", "bad-zone", "{{ date_in_zone \"15:04 MST\" 0 \"Nowhere/Zone\" }}")
C("htmlDate", "int", "{{ htmlDate %d }}" % T0)
C("htmlDate", "time", "{{ htmlDate (toDate \"2006-01-02\" \"1999-12-31\") }}")
C("htmlDate", "missing-arg-error", "{{ htmlDate }}")
C("htmlDateInZone", "int", "{{ htmlDateInZone %d \"Pacific/Kiritimati\" }}" % (T0 - 3600))
C("htmlDateInZone", "bad-zone", "{{ htmlDateInZone %d \"X\" }}" % T0)
C("htmlDateInZone", "zone-int-error", "{{ htmlDateInZone 0 1 }}")

TODATE_ROWS = [
    ("2006-01-02", "2021-03-04"), ("2006-01-02", "2021-3-4"), ("2006-1-2", "2021-3-4"), ("2006-01-02T15:04:05Z07:00", "2021-03-04T10:11:12+02:00"),
    ("2006-01-02T15:04:05Z07:00", "2021-03-04T10:11:12Z"), ("2006-01-02 15:04:05 MST", "2021-03-04 10:11:12 JST"),
    ("2006-01-02 15:04:05 MST", "2021-03-04 10:11:12 UTC"), ("2006-01-02 15:04:05 MST", "2021-03-04 10:11:12 GMT+3"),
    ("2006-01-02 15:04:05", "2021-03-04 10:11:12.5"), ("2006-01-02 15:04:05.000", "2021-03-04 10:11:12.123"),
    ("2006-01-02 15:04:05.999", "2021-03-04 10:11:12"), ("Jan 2 2006 3:04pm", "mar 4 2021 1:05PM"), ("Jan 2 2006 3:04PM", "Mar 4 2021 12:05AM"),
    ("2006-01-02", "2021-02-30"), ("2006-01-02", "2021-13-01"), ("15:04", "25:00"), ("2006-01-02", "2021-03-04x"),
    ("2006-01-02", "x"), ("2006-01-02", ""), ("2006.002", "2020.060"), ("2006.002", "2021.366"), ("06-01-02", "69-01-02"),
    ("06-01-02", "68-01-02"), ("Monday 2006-01-02", "Friday 2021-03-04"), ("2006-01-02  15", "2021-03-04 15"),
    ("2006-01-02 -0700", "2021-03-04 +0530"), ("2006-01-02 -07:00", "2021-03-04 -0530"), ("2006-01-02 Z07:00", "2021-03-04 +25:00"),
    ("2006-01-02T15:04:05.999999999Z07:00", "2021-03-04T10:11:12.987654321-03:00"), ("_2 Jan", " 4 Mar"), ("2006", "0000"),
    ("2006-01-02 15:04:05", "2021-03-04 10:11:60"), ("2006 MST", "2021 CEST"), ("2006 MST", "2021 abc"), ("02 Jan 06 15:04 MST", "04 Mar 21 10:11 PST"),
]
for i, (layout, value) in enumerate(TODATE_ROWS):
    C("toDate", "row%02d" % i, "{{ toDate %s %s }}" % (q(layout), q(value)))
    C("mustToDate", "row%02d" % i, "{{ mustToDate %s %s }}" % (q(layout), q(value)))
C("toDate", "typeof", "{{ typeOf (toDate \"2006\" \"2021\") }}")
C("toDate", "int-arg-error", "{{ toDate \"2006\" 2021 }}")
C("toDate", "unix", "{{ toDate \"2006-01-02\" \"2021-03-04\" | unixEpoch }}")
C("unixEpoch", "normal", "{{ unixEpoch (toDate \"2006-01-02T15:04:05Z07:00\" \"2021-03-04T10:11:12+02:00\") }}")
C("unixEpoch", "negative", "{{ unixEpoch (toDate \"2006-01-02\" \"1900-01-01\") }}")
C("unixEpoch", "int-error", "{{ unixEpoch 5 }}")
C("unixEpoch", "string-error", "{{ unixEpoch \"2021\" }}")
C("unixEpoch", "now-shape", "{{ if regexMatch \"^[0-9]{10}$\" (unixEpoch now) }}ok{{ end }}")

DURATIONS = ["1h", "1h30m", "-1.5h", "300ms", "1.000000001s", "2h45m30.5s", "1us", "1µs", "1μs", "3ns", "0", "+0", "-0", "",
             "1", ".5s", "1.s", ".s", "1x", "1h1", "9223372036854775807ns", "9223372036854775808ns", "2562047h", "2562048h",
             "1.5.5s", "-", "1e3s", "0.000000001ns", "1m0.5s", "100000h"]
for i, d in enumerate(DURATIONS):
    C("dateModify", "row%02d" % i, "{{ dateModify %s (toDate \"2006-01-02\" \"2021-03-04\") }}" % q(d))
    C("mustDateModify", "row%02d" % i, "{{ mustDateModify %s (toDate \"2006-01-02\" \"2021-03-04\") }}" % q(d))
    C("durationRound", "row%02d" % i, "{{ durationRound %s }}" % q(d))
C("date_modify", "alias", "{{ date_modify \"-24h\" (toDate \"2006-01-02\" \"2021-03-01\") | date \"2006-01-02\" }}")
C("date_modify", "minutes", "{{ date_modify \"90m\" (toDate \"2006-01-02\" \"2021-03-01\") | date \"15:04\" }}")
C("date_modify", "bad", "{{ date_modify \"soon\" (toDate \"2006-01-02\" \"2021-03-01\") }}")
C("must_date_modify", "alias", "{{ must_date_modify \"-24h\" (toDate \"2006-01-02\" \"2021-03-01\") | date \"2006-01-02\" }}")
C("must_date_modify", "hours", "{{ must_date_modify \"1.5h\" (toDate \"2006-01-02\" \"2021-03-01\") | date \"15:04\" }}")
C("must_date_modify", "bad", "{{ must_date_modify \"soon\" (toDate \"2006-01-02\" \"2021-03-01\") }}")
C("hello", "plain", "{{ hello }}")
C("hello", "piped", "{{ hello | upper }}")
C("hello", "arg-error", "{{ hello 1 }}")
C("dateModify", "int-error", "{{ dateModify \"1h\" 5 }}")
C("dateModify", "chain", "{{ toDate \"2006-01-02\" \"2021-03-04\" | dateModify \"1.5h\" | date \"15:04\" }}")

for i, v in enumerate(["\"95\"", "95", "\"-3600\"", "\"abc\"", "\"1.5\"", "\"86400\"", "\"9223372036854775807\"", "\"99999999999999999999\"",
                       "\"+7\"", "\"0\"", "nil", "(int64 95)", ".Values.n", "\"3723\"", "\"1_000\""]):
    C("duration", "row%02d" % i, "{{ duration %s }}" % v, "n: 95\n")
C("duration", "missing-arg-error", "{{ duration }}")
for i, v in enumerate(["3600", "(int64 3600000000000)", "(int64 -5400000000000)", "\"2h10m5s\"", "\"-3h\"", "\"24h1s\"", "\"721h\"",
                       "\"8761h\"", "\"1s\"", "\"1.5s\"", "\"61s\"", "nil", "\"x\"", "(int64 31536000000000001)", "(int64 2592000000000001)"]):
    C("durationRound", "v%02d" % i, "{{ durationRound %s }}" % v)
C("durationRound", "time-shape", "{{ durationRound (toDate \"2006\" \"2000\") | regexMatch \"^[0-9]+y$\" }}")
C("ago", "shape", "{{ ago (toDate \"2006\" \"2000\") | regexMatch \"^[0-9]+h[0-9]+m[0-9]+s$\" }}")
C("ago", "int-shape", "{{ ago 0 | regexMatch \"^[0-9]+h[0-9]+m[0-9]+s$\" }}")
C("ago", "now-shape", "{{ ago now | regexMatch \"^-?[0-9]+[nµm]?s$\" }}")
C("ago", "string-is-now", "{{ ago \"x\" }}")
C("ago", "missing-arg-error", "{{ ago }}")
C("now", "typeof", "{{ typeOf now }}")
C("now", "shape", "{{ now | date \"2006\" | regexMatch \"^20[0-9][0-9]$\" }}")
C("now", "arg-error", "{{ now 1 }}")
for name in ["mustToDuration", "durationSeconds", "durationMinutes", "durationRoundTo", "durationTruncateTo"]:
    C(name, "defined-error", "{{ %s \"1m\" }}" % name)

# ---------------------------------------------------------------------------------------------
# semver
# ---------------------------------------------------------------------------------------------

VERSIONS = ["1.2.3", "v1.2.3", "1.2", "1", "v1", "1.2.3-beta.1+build.5", "1.2.3+meta", "01.2.3", "1.2.03", "1.2.3-01",
            "1.2.3-a..b", "1.2.3+a..b", "x", "", "1.2.3.4", "1.2.3-", "99999999999999999999.1.1", "1.2.3-rc.1-x", " 1.2.3",
            "1.2.3-alpha_1", "v1.2.3-gke.100", "0.0.0"]
for i, v in enumerate(VERSIONS):
    C("semver", "row%02d" % i, "{{ $v := semver %s }}{{ $v }}|{{ $v.Major }}.{{ $v.Minor }}.{{ $v.Patch }}|{{ $v.Prerelease }}|{{ $v.Metadata }}|{{ $v.Original }}" % q(v))
C("semver", "typeof", "{{ typeOf (semver \"1.2.3\") }}")
C("semver", "compare", "{{ (semver \"1.2.3\").Compare (semver \"1.2.4\") }} {{ (semver \"1.2.3-b\").Compare (semver \"1.2.3-a\") }} {{ (semver \"1.2.3\").Compare (semver \"1.2.3+x\") }}")
C("semver", "lessthan", "{{ (semver \"1.2.3-alpha.10\").LessThan (semver \"1.2.3-alpha.9\") }} {{ (semver \"1.2.3-alpha\").LessThan (semver \"1.2.3-alpha.1\") }} {{ (semver \"1.2.3-1\").GreaterThan (semver \"1.2.3-a\") }}")
C("semver", "equal", "{{ (semver \"v1.2\").Equal (semver \"1.2.0\") }}")
C("semver", "inc", "{{ (semver \"v1.2.3-rc1+m\").IncPatch }} {{ (semver \"1.2.3\").IncPatch }} {{ (semver \"v1.2.3\").IncMinor.Original }} {{ (semver \"1.2.3\").IncMajor }}")
C("semver", "int-error", "{{ semver 1 }}")
C("semver", "toJson", "{{ semver \"v1.2.3\" | toJson }}")
C("semver", "print", "{{ print (semver \"1.2\") }} {{ printf \"%v %s\" (semver \"1.2\") (semver \"2\") }}")

COMPARE_ROWS = [
    (">=1.20", "v1.25.3-gke.100"), (">=1.20-0", "v1.25.3-gke.100"), ("~1.2", "1.3.0"), ("~1.2", "1.2.9"), ("^1.2", "1.9.0"),
    ("^1.2", "2.0.0"), ("^0.2.3", "0.2.9"), ("^0.2.3", "0.3.0"), ("^0.0.3", "0.0.4"), ("^0", "0.9.9"), ("^0.0", "0.0.9"),
    ("1.2.x", "1.2.7"), ("1.x", "1.9.1"), ("*", "5.0.0"), ("*", "5.0.0-rc1"), ("1.2 - 1.4", "1.4.9"), ("1.2 - 1.4", "1.5.0"),
    (">1.2 <2", "1.5.0"), (">1.2, <2", "2.0.0"), ("<1 || >2", "3.0.0"), ("<1 || >2", "1.5.0"), ("!=1.2.3", "1.2.3"),
    ("!=1.2", "1.2.5"), ("!=1.x", "2.0.0"), ("=1.2.3", "1.2.3"), ("1.2.3", "v1.2.3+build"), ("<=1.2", "1.2.9"), ("<=1.2.3", "1.2.4"),
    (">1.2", "1.2.9"), (">1.2", "1.3.0"), (">1.x", "2.0.0"), ("=>1.2", "1.2.0"), ("=<1.2", "1.3.0"), ("~>1.2.3", "1.2.9"),
    ("~0", "0.5.0"), ("~1", "1.9.0"), ("~1.2.3-beta", "1.2.3-beta.2"), ("^1.2.3-beta", "1.2.4-alpha"), (">=1.2.3-alpha", "1.2.3"),
    ("<1.2.3", "1.2.3-rc1"), ("<1.2.3-0", "1.2.3-rc1"), ("1.2.3 - 2.3.4 || >= 5", "5.1.0"), ("> = 1", "1.0.0"),
    ("bad", "1.0.0"), (">=1.0", "bad"), ("", "1.0.0"), (">=1.0 &&", "1.0.0"), ("1.2.3.4", "1.0.0"), ("^", "1.0.0"),
    (">= 1.2.3, < 2.0.0", "1.9.9"), ("~ 1.2", "1.2.1"), ("v1.2", "1.2.1"), (">=1.2.x", "1.2.0"), ("1.2.*", "1.3.0"),
    (">=1.x-0", "1.0.0-a"), ("||", "1.0.0"), (">1.2.3 ||", "1.2.4"), ("1.1 - 2", "2.9.0"), (">=0.0.0-0", "0.0.0-a"),
    (">= 1.2 <= 1.4", "1.4.0"), ("x", "0.0.0"), ("<2.0.0", "1.99999999999999999999.0"),
]
for i, (c, v) in enumerate(COMPARE_ROWS):
    C("semverCompare", "row%02d" % i, "{{ semverCompare %s %s }}" % (q(c), q(v)))
C("semverCompare", "int-error", "{{ semverCompare \">1\" 2 }}")
C("semverCompare", "pipe", "{{ \"1.2.3\" | semverCompare \"^1\" }}")

# ---------------------------------------------------------------------------------------------
# urls and paths
# ---------------------------------------------------------------------------------------------

URLS = ["https://user:pa%20ss@example.com:8080/a/b%20c?x=1&y=2#frag%20x", "http://example.com", "mailto:joe@example.com",
        "/just/path?q", "//host/p", "file:///etc/hosts", "rel/path#f", "https://[::1]:80/x", "http://h/%zz", "%zz",
        ":foo", "https://u@h", "a:b/c", "HTTP://Example.COM/", "http://h?", "", "https://h/a?b#c#d", "abc:/x", "1http://x"]
for i, u in enumerate(URLS):
    C("urlParse", "row%02d" % i, "{{ urlParse %s | toJson }}" % q(u))
C("urlParse", "int-error", "{{ urlParse 5 }}")
JOINS = [
    "(dict \"scheme\" \"https\" \"host\" \"example.com\" \"path\" \"/a b\" \"query\" \"x=1\" \"fragment\" \"f g\")",
    "(dict \"host\" \"h\" \"path\" \"p\")", "(dict \"path\" \"a:b/c\")", "(dict \"scheme\" \"mailto\" \"opaque\" \"joe@example.com\")",
    "(dict \"scheme\" \"https\" \"host\" \"h\" \"userinfo\" \"bob:pw\")", "(dict \"scheme\" \"https\" \"host\" \"h\" \"userinfo\" \"bob\")",
    "(dict)", "(dict \"host\" 5)", "(dict \"scheme\" \"x\" \"path\" \"/p?q#r!*\")", "(urlParse \"https://u:p@h:1/a?b#c\")",
    "(dict \"scheme\" \"https\" \"host\" \"h\" \"userinfo\" \"a b@c\")", "(dict \"host\" \"h é\")",
]
for i, j in enumerate(JOINS):
    C("urlJoin", "row%02d" % i, "{{ urlJoin %s }}" % j)
C("urlJoin", "string-error", "{{ urlJoin \"x\" }}")

PATHS = ["a/b/c.txt", "/a/b/", "", "/", "//", "a//b/../c/.", "../../a", "/../a", "a/", ".", "..", "a.tar.gz", ".bashrc",
         "a/b.c/d", "/a/./b/../../c/", "a\\b.txt", "x/y.", "héllo/wörld.ü"]
for fn in ["base", "dir", "clean", "ext", "isAbs", "osBase", "osDir", "osClean", "osExt", "osIsAbs"]:
    for i, p in enumerate(PATHS):
        C(fn, "row%02d" % i, "[{{ %s %s }}]" % (fn, q(p)))
    C(fn, "int-error", "{{ %s 5 }}" % fn)

# ---------------------------------------------------------------------------------------------
# string case helpers
# ---------------------------------------------------------------------------------------------

WORDS = ["hello world", "HELLO WORLD", "o'neil is here", "foo-bar_baz qux", "wORLD", "", "héllo élan", "ǆemal", "ßtraße",
         "HTTPServer", "HTTPServerID", "hello_world-foo bar", "FirstName", "NoHTTPS", "GO_PATH", "GO PATH", "http2xx",
         "HTTP20xOK", "Duration2m3s", "Bld4Floor3rd", "_complex__case_", "some  words", "a", "_", "__", "A", "ABC",
         "userID", "already_snake", "kebab-case-here", "Mixed123Numbers456", "x.y.z", "ÀÉÎ", "日本語 text", "a\tb\nc",
         "123abc", "abc123", "ĲssEL", "one,two", "  leading", "trailing  ", "iOS", "e-mail", "ǅungla", "ı İ"]
for fn in ["title", "untitle", "camelcase", "snakecase", "kebabcase", "swapcase", "initials"]:
    for i, w in enumerate(WORDS):
        C(fn, "row%02d" % i, "[{{ %s %s }}]" % (fn, q(w)))
    C(fn, "int-error", "{{ %s 5 }}" % fn)
    C(fn, "nil-error", "{{ %s nil }}" % fn)

ABBREV = [(5, "hello world"), (3, "hello world"), (4, "hello"), (11, "hello world"), (10, "hello world"), (0, ""), (4, "abcdefg"), (-1, "abc")]
for i, (n, s) in enumerate(ABBREV):
    C("abbrev", "row%02d" % i, "[{{ abbrev %d %s }}]" % (n, q(s)))
C("abbrev", "float-error", "{{ abbrev .Values.n \"hello world\" }}", "n: 5\n")
C("abbrev", "missing-arg-error", "{{ abbrev 5 }}")
ABBREVBOTH = [(5, 10, "1234 5678 9123"), (0, 10, "1234 5678 9123"), (1, 4, "abcdefghij"), (10, 7, "abcdefghijklmnop"),
              (20, 10, "abcdefghijklmnop"), (5, 6, "abcdefghijkl"), (0, 3, "abc"), (3, 20, "short"), (6, 8, "abcdefghijklmno")]
for i, (l, r, s) in enumerate(ABBREVBOTH):
    C("abbrevboth", "row%02d" % i, "[{{ abbrevboth %d %d %s }}]" % (l, r, q(s)))
C("abbrevboth", "string-error", "{{ abbrevboth \"1\" 5 \"x\" }}")

WRAPS = [(5, "hello world foo"), (10, "The quick brown fox jumps over the lazy dog"), (3, "abcdefgh ij"), (0, "a b c"),
         (-2, "ab cd"), (20, "short"), (4, "  lead space"), (5, ""), (6, "aaaaaaaaaa bb"), (5, "héllo wörld")]
for i, (n, s) in enumerate(WRAPS):
    C("wrap", "row%02d" % i, "{{ wrap %d %s | toJson }}" % (n, q(s)))
    C("wrapWith", "row%02d" % i, "{{ wrapWith %d \"<br>\" %s }}" % (n, q(s)))
C("wrapWith", "empty-sep", "{{ wrapWith 3 \"\" \"abcdef gh\" | toJson }}")
C("wrap", "string-width-error", "{{ wrap \"5\" \"a b\" }}")
C("wrapWith", "missing-arg-error", "{{ wrapWith 5 \"x\" }}")

C("shuffle", "length", "{{ shuffle \"hello world\" | len }}")
C("shuffle", "sorted", "{{ shuffle \"héllo\" | splitList \"\" | sortAlpha | join \"\" }}")
C("shuffle", "empty", "[{{ shuffle \"\" }}]")
C("shuffle", "int-error", "{{ shuffle 5 }}")


# ---------------------------------------------------------------------------------------------

def main():
    results = record(CASES, lambda case: render_case({"templates/t.yaml": case["template"]}, helm_values(case["values"])))
    if write_json(OUT, results):
        print("wrote", OUT)
    funcs = {}
    for r in results:
        funcs[r["function"]] = funcs.get(r["function"], 0) + 1
    print("%d cases, %d errors, %d functions" % (len(results), sum("error" in r for r in results), len(funcs)))


if __name__ == "__main__":
    main()
