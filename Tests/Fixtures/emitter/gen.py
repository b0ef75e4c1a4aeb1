import sys, json, os, shutil, helm_python as h
# gen.py cases.json out.json : cases = [{"name":..., "value": <json>}]
cases = json.load(open(sys.argv[1]))
d = '/tmp/emo/gen'
shutil.rmtree(d, ignore_errors=True)
os.makedirs(d + '/templates')
open(d + '/Chart.yaml', 'w').write('apiVersion: v2\nname: gen\nversion: 0.1.0\n')
vals = {}
for i, c in enumerate(cases):
    vals['c%d' % i] = c['value']
    open(d + '/templates/t%d_y.yaml' % i, 'w').write('{{ toYaml .Values.c%d }}' % i)
    open(d + '/templates/t%d_p.yaml' % i, 'w').write('{{ toYamlPretty .Values.c%d }}' % i)
out = h.Chart.load(d).render(vals)
res = []
for i, c in enumerate(cases):
    res.append({"name": c["name"], "value": c["value"],
                "toYaml": out['gen/templates/t%d_y.yaml' % i],
                "toYamlPretty": out['gen/templates/t%d_p.yaml' % i]})
json.dump(res, open(sys.argv[2], 'w'), indent=1, ensure_ascii=False)
