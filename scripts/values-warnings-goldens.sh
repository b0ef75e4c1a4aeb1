#!/bin/sh
# Prints what the real tools log on stderr while they coalesce values, for
# the fixture charts in Tests/Fixtures/charts/values-warnings: `helm
# template` of Helm 3.20.2 and 4.2.3 for each scenario, then helm-unittest
# 1.1.0 on the fixtures' suites (stdout and stderr interleaved, log
# timestamps masked as TS). The expectations of ValuesWarningTests
# (Tests/HelmTests) and of the CLI test were recorded from this output.
#
#   scripts/values-warnings-goldens.sh [HELM_DIR] [PEER]
# defaults: /work/main/.helm and /work/main/.peer/helm-unittest
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
helm_dir=${1:-/work/main/.helm}
peer=${2:-/work/main/.peer/helm-unittest}
cd "$here/Tests/Fixtures/charts/values-warnings" || exit 1
mask() { sed -E 's#^[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} #TS #'; }
scenario() {
    echo "== $*"
    for v in 3 4; do
        echo "-- helm$v template $*"
        "$helm_dir/helm$v" template "$@" 2>&1 >/dev/null
    done
}
scenario plain -f plain/over.yaml
scenario plain --set nested.inner=3
scenario plain -f plain/over.yaml --set nested.leaf=4 --set list.x=1 --set big=null
scenario formats -f formats/over.yaml
scenario deps
scenario deps --set global=5
scenario deps --set sub.global.x=5 --set sub.global.w.z=1
scenario deps --set sub.global=3
echo "== helm-unittest plain deps formats"
"$peer" plain deps formats 2>&1 | mask
echo "== helm-unittest -v extra.yaml plain"
"$peer" -v "$PWD/extra.yaml" plain 2>&1 | mask
echo "== an error after the warnings"
for v in 3 4; do
    echo "-- helm$v template plain --set nested.inner=3 --show-only templates/nope.yaml"
    "$helm_dir/helm$v" template plain --set nested.inner=3 --show-only templates/nope.yaml 2>&1 >/dev/null || true
done
