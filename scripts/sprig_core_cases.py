"""The cases of the Sprig core corpus (see gen-sprig-core-corpus.py).

`CASES` (parts A and B), `EXTRA` and `TYPED` map a function name to rows `(suffix, template)` or `(suffix, template, values)`; a case
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

from sprig_core_cases_a import CASES_A  # noqa: E402
from sprig_core_cases_b import CASES_B  # noqa: E402
from sprig_core_cases_extra import EXTRA, TYPED  # noqa: E402

CASES = {**CASES_A, **CASES_B}


def all_cases():
    out = []
    for function, rows in list(CASES.items()) + list(EXTRA.items()) + list(TYPED.items()):
        for row in rows:
            suffix, template = row[0], row[1]
            values = row[2] if len(row) > 2 else (V if ".Values" in template else None)
            out.append({"name": "%s-%s" % (function, suffix), "function": function,
                        "template": template, "values": values})
    return out
