import json, random
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
json.dump(cases, open("/tmp/emo/fuzz.json", "w"), ensure_ascii=False)
