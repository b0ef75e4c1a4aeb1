#!/usr/bin/env python3
"""Generate the emitter golden data (Tests/Fixtures/emitter) from real Helm.

    .oracle-venv/bin/python scripts/gen-emitter-corpus.py        # or: make corpus

Two case sets, each a list of {"name", "value"} rendered through one throwaway chart
with `{{ toYaml .Values.cN }}` and `{{ toYamlPretty .Values.cN }}` (values reach Helm
through JSON, so numbers are float64):
  * helm-toyaml.json: hand-picked cases: scalar quoting, escapes, block scalars,
    80-column folding, key order, long and multi-line keys, numbers;
  * helm-toyaml-fuzz.json: random strings in random nestings (seeded, so stable).
Each case is rendered REPEAT times; a case whose output varies between runs is dropped
(go-yaml v2's key order is not transitive for some key sets, so Helm's `toYaml` of such a
map depends on Go's random map order).
"""
import random

from oracle_fixture import FIXTURES, render as render_chart, throwaway_chart, write_json

OUT = FIXTURES / "emitter"
REPEAT = 4


def handpicked():
    strings = ["yes","no","on","off","y","n","Y","N","true","True","NO","null","Null","NULL","~","1.0","1","0x1F","1e3","0777","0o17","08","0.",".5","+1","1_000","1_0","0b101",".inf",".nan","12:30","1:20","2021-01-01","", "2021-01-01T10:00:00Z","2021-1-1","2021-13-01","2021-02-30","2020-02-29 10:00:00","2021-01-01t10:00:00.123+02:00","2021-01-01T25:00:00Z","1e999",".5e3","-.5","+.inf","-1_2",
     "*a","&a","!t","%p","@x","`x","{a}","[a]","]","}",",","?","|",">","- x","-","#c","a: b","a #b"," lead","trail ",":","{{ x }}","'","x'y",'x"y',"=","<<","a:b","http://x:80/p","key=value","v1.2","0x",".","..","a,b","\\","é","a\u00a0","tab\there","\t","a\r\nb","\x01","𝄞","\ufeffbom","\u0085","a\u0085b","a \u0085 \u0085  b","\u2028","a\u2028b","x\u2029","---","--- x","...","a-b","-a","?a","? a",":a","a:","a: ","a #","#","a#b","[","a[b]","a{b}","a?b","a\\b","\x7f","\u0080","\u009f","\ufffe","中文","\x1b[0m","a\x00b","\u00a0","\u00a0x",
     "a\nb","a\nb\n","a\n\n","a\nb\n\n\n"," a\nb","  a\n","\na","\n\na\n","\n","a \nb","a\t\nb","a\n\tb","\ta\nb","a\n b","a\r\nb\n","a\u2028b\n","x\n\u0085y","a\n\nb"]
    long1 = " ".join(["word"]*30)
    longs = [long1, "x"*100, ("x"*85)+" y z", "a "+("b"*90), long1+"  double  spaces   here "+long1, "'"+long1+"'", "# "+long1, long1.replace("word","wörd"), "tab\t"+long1, long1+"\t", "é"*79+" a b c d e f", " "+long1, long1+" ", "\U0001D11E "+long1, long1.replace(" ", "  "), "a"*79+" b", "a"*80+" b", "a"*81+" b c", long1 + "\n" + long1, ("x"*70+" ")*3]
    cases = []
    for i, s in enumerate(strings + longs):
        cases.append({"name": "s%d" % i, "value": s})
        cases.append({"name": "ks%d" % i, "value": {"key": s, s: "v"}})
        cases.append({"name": "ls%d" % i, "value": [s, [s], {"k": [s]}]})
    nums = [0, 1, -1, 1.5, 1e6, 1e20, 1e21, 1e-6, 1e-7, -0.0, 123456789.0, 12345678901234567890.0, -12345678901234567890.0, 123456, 1.0, 0.1, 2.5e-8, 9007199254740993, 1e300, 3.14159265358979, 100000, 1234567.0]
    cases.append({"name": "nums", "value": nums})
    cases.append({"name": "numsmap", "value": {str(i): n for i, n in enumerate(nums)}})
    keys = ["_x","9","10","B","Z","a-1","a.1","a1b","a01","a2","a9","a10","b","x2y9","x2y10","é","a1_","a1-","a1.","a1B","ab","a","a0","a00","a001","a0b","1a","01","001","a 1","a1 ","x01y","x1y","αβ","a١٢","Ab","aB"]
    cases.append({"name": "keys", "value": {k: 1 for k in keys}})
    cases.append({"name": "nested", "value": {"a": {"b": {"c": [1, [2, [3, {"d": [4]}]], {"e": {"f": [{"g": 1, "h": [5]}]}}]}}, "l": [[[]], [{}], {}], "z": None, "t": True, "f": False}})
    cases.append({"name": "top", "value": [[1, 2], [[3]], {"a": [{"b": [1, 2]}]}]})
    cases.append({"name": "longkey", "value": {"k"*128: 1, "q"*129: 2, "r"*130: {"a": 1}, "s"*131: [1, 2], "t"*200: "x\ny", "multi\nline": 1, "multi\nkey2\n": {"a": 1}}})
    cases.append({"name": "nullv", "value": None})
    cases.append({"name": "boolv", "value": True})
    cases.append({"name": "empties", "value": {"m": {}, "l": [], "s": "", "n": None, "lm": [{}], "ll": [[]]}})
    cases.append({"name": "deepfold", "value": {"a": {"b": {"c": {"d": [{"e": long1 + " " + long1}]}}}}})
    return cases


def fuzzed():
    random.seed(7)
    alphabet = list("abcdefghij") * 6 + list("0123456789") * 2 + [" ", " ", " ", "  ", "#", ":", "'", '"', "\t", "é", "𝄞", "\n", "\n", "-", ",", "[", "\\", "\u00a0", "\u0085", "\r", "{", "&", "*", "!", "|", ">", "?", "%", "@", "`", "\x01", "\u2028", "\ufeff", "~", "."]
    def rstr():
        n = random.choice([1, 2, 3, 5, 8, 20, 60, 79, 80, 81, 82, 85, 90, 100, 150, 200])
        parts = []
        while sum(len(p) for p in parts) < n:
            r = random.random()
            if r < 0.6:
                parts.append("".join(random.choice("abcdefghijklmnop") for _ in range(random.randint(1, 12))))
            elif r < 0.85:
                parts.append(" " * random.choice([1, 1, 1, 2, 3]))
            else:
                parts.append(random.choice(alphabet))
        return "".join(parts)
    def wrap(v, depth):
        for _ in range(depth):
            v = random.choice([{"k" + str(random.randint(0, 9)): v}, [v], {"key": v, "other": [v]}])
        return v
    cases = []
    for i in range(400):
        s = rstr()
        cases.append({"name": "f%d" % i, "value": wrap(s, random.randint(0, 4))})
    for i in range(60):
        s = rstr()
        cases.append({"name": "fk%d" % i, "value": wrap({s: rstr(), rstr(): [s]}, random.randint(0, 2))})
    return cases


def render(cases):
    """Renders every case REPEAT times; returns the stable ones with their outputs."""
    files, values = {}, {}
    for i, case in enumerate(cases):
        values["c%d" % i] = case["value"]
        files["templates/t%d_y.yaml" % i] = "{{ toYaml .Values.c%d }}" % i
        files["templates/t%d_p.yaml" % i] = "{{ toYamlPretty .Values.c%d }}" % i
    with throwaway_chart(files, name="gen") as chart:
        runs = [render_chart(chart, values) for _ in range(REPEAT)]
    result = []
    for i, case in enumerate(cases):
        keys = ["gen/templates/t%d_y.yaml" % i, "gen/templates/t%d_p.yaml" % i]
        outputs = [tuple(run[k] for k in keys) for run in runs]
        if len(set(outputs)) != 1:
            continue
        result.append({"name": case["name"], "value": case["value"],
                       "toYaml": outputs[0][0], "toYamlPretty": outputs[0][1]})
    return result


def main():
    write_json(OUT / "helm-toyaml.json", render(handpicked()), sort_keys=False)
    write_json(OUT / "helm-toyaml-fuzz.json", render(fuzzed()), sort_keys=False)


if __name__ == "__main__":
    main()
