#!/usr/bin/env python3
"""Generate the --set golden data (Tests/Fixtures/strvals-corpus.json) from real Helm.

    .oracle-venv/bin/python scripts/gen-strvals-corpus.py        # or: make corpus

Each case is one expression parsed by Helm's pkg/strvals in one mode (`typed` = --set,
`string` = --set-string, `json` = --set-json, `literal` = --set-literal). The result is the
JSON text Helm's own encoder writes for the parsed map (so int64 and float64 both print as
digits), or the exact error text. Nothing in the output is written by hand.
"""
from oracle_fixture import FIXTURES, oracle, write_json

_, _native = oracle()

OUT = FIXTURES / "strvals-corpus.json"
FUNCS = {
    "typed": "helm_strvals_parse",
    "string": "helm_strvals_parse_string",
    "json": "helm_strvals_parse_json",
    "literal": "helm_strvals_parse_literal",
}

COMMON = [
    "a=1", "a=b", "a.b=c", "a.b.c=d", "a=1,b=2", "a=1,a=2", "a=", "a", "=x", "a=x=y", 'a="q"', "a='q'",
    "a=true", "a=TRUE", "a=False", "a=null", "a=Null", "a=NULL", "a=0", "a=-5", "a=+5", "a=007", "a=1.5",
    "a=1e3", "a=0x10", "a=9999999999999999999", "a=-9223372036854775808", "a=9223372036854775807",
    "a={}", "a={a,b}", "a={1,2,3}", "a={true,null,x}", "a={a, b}", "a={a", "a={a,b},c=1", "a={a}b",
    "a[0]=x", "a[2]=x", "a[1]=x,a[0]=y", "a[-1]=x", "a[65537]=x", "a[x]=1", "a[]=1",
    "a[0][1]=x", "a[0].b=x", "a[0].b=x,a[0].c=y", "a[0]", "a[0]b=1", "a[0]=1,a.b=2", "a.b=1,a[0]=2",
    "a.b=1,a.b.c=2", "a=1,a.b=2", "a..b=1", "a.=1", ".a=1", "a.b.=1", "a\\.b=c", "a\\,b=c", "a=b\\,c",
    "a=b\\=c", "a\\[0]=x", "a=b,", "a=b,,c=d", ",a=b", "a,b=c", "a b=c", " a=b", "a= b", "a=b ",
    "a=é", "é=1", "a.b[0].c[1]=x", "a[0][0][0]=x", "a={x,y},a[1]=z", "name=value1\\,value2",
    "a=[1]", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd.ee=1",
    "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.aa.bb.cc.dd=1",
    "a=1,b.c=x,d={1,2},e[1]=y", "outer.inner1=value1,outer.inner2=value2", "a[0]=1,a[0][0]=2",
    "a.b=c,a=x", "a=x,a.b=c", "a[0]=x,a[0].b=c", "a.b=c,a[0]=x", "a=\\", "a\\", "\\=1",
]
JSON = [
    'a={"x": [1, 2.5]}', 'a=1', 'a="s"', 'a=null', 'a=true', 'a=', 'a= ', 'a=[1,"2",{"b":3}]',
    'a={"x":1},b=2', 'a=1,b={"c":[]}', 'a={', 'a={"x"', 'a=x', 'a=1x', 'a={"a":1}x', 'a=1e400',
    'a[0]={"b":1}', 'a[1]=2', 'a.b={"c":"d"}', 'a="\\u00e9"', 'a=-0', 'a=1.50', 'a=[', 'a={}',
    'a={"<":"&"}', 'a=  {"x": 1}  ,b=2',
]
LITERAL = [
    "a=b,c=d", "a=1", "a.b=c", "a[0]=x", "a=", "a", "a=true", "a={x,y}", "a\\.b=c", "a=b=c,d",
    "a[0].b=1", "a..b=1", "a[x]=1", "a[-1]=1", "a[0][1]=x",
]


def run(mode, expr):
    try:
        return {"mode": mode, "input": expr, "json": _native.call_string(FUNCS[mode], expr)}
    except Exception as e:  # noqa: BLE001 - the oracle raises its own error types
        return {"mode": mode, "input": expr, "error": str(e)}


def main():
    cases = []
    for expr in COMMON:
        cases.append(run("typed", expr))
        cases.append(run("string", expr))
    for expr in JSON:
        cases.append(run("json", expr))
    for expr in LITERAL + COMMON[:30]:
        cases.append(run("literal", expr))
    write_json(OUT, cases)
    print(f"strvals corpus: {len(cases)} cases, {sum('error' in c for c in cases)} errors")


if __name__ == "__main__":
    main()
