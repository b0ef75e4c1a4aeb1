#!/usr/bin/env bash
# `make plugin-check`: the `make dist` archives installed and run the way a user would,
# with the real Helm 3 and Helm 4 CLIs, in throwaway Helm homes.
#
#   scripts/plugin-check.sh DIST HELM3 HELM4
#
# 1. the archived binary needs only glibc (ldd) and passes examples/webapp with an empty
#    environment (no Swift toolchain on PATH, empty LD_LIBRARY_PATH);
# 2. Helm 3: install from the unpacked directory and from the -helm3 archive over HTTP;
#    Helm 4: install from the unpacked directory, from the archive with --verify=false, and
#    verified with a .prov signed by a throwaway GPG key (scripts/sign-plugin.sh, and
#    `helm plugin package --sign` too), while an unsigned or altered archive is refused;
# 3. `helm plugin list` shows chartunit and its version; `helm chartunit test examples/webapp`
#    passes; on Tests/Fixtures/plugin/helm-version the suite of the running Helm's dialect passes
#    and the other one fails unless --helm-version names it;
# 4. the install hook refuses a package without a binary for this platform.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "$1") helm3=$(realpath "$2") helm4=$(realpath "$3")
fixture=Tests/Fixtures/plugin/helm-version

helm4_tgz=$(ls "$dist"/chartunit-*-*-*.tgz | grep -v -- '-helm3\.tgz$')
helm3_tgz=$(ls "$dist"/chartunit-*-helm3.tgz)
version=$(basename "$helm4_tgz" | sed -E 's/^chartunit-([^-]+)-.*/\1/')
platform=$(basename "$helm4_tgz" .tgz | sed -E 's/^chartunit-[^-]+-//')

tmp=$(mktemp -d)
server=
cleanup() {
    [ -z "$server" ] || kill "$server" 2> /dev/null || true
    [ ! -d "$tmp/gnupg" ] || GNUPGHOME="$tmp/gnupg" gpgconf --kill gpg-agent 2> /dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
say() { echo "plugin-check: $*"; }
fail() {
    echo "plugin-check: FAILED: $*" >&2
    exit 1
}
# expect STATUS TEXT COMMAND...: COMMAND exits with STATUS and prints TEXT (a fixed string).
expect() {
    local status=$1 text=$2 got=0
    shift 2
    "$@" > "$tmp/out" 2>&1 || got=$?
    if [ "$got" != "$status" ] || ! grep -qF -- "$text" "$tmp/out"; then
        cat "$tmp/out" >&2
        fail "'$*' exited $got (expected $status) or did not print '$text'"
    fi
}
# helm_home NAME HELM: throwaway Helm directories (Helm 4's local installer writes to
# $HELM_DATA_HOME/plugins, so HELM_PLUGINS points there too).
helm_home() {
    rm -rf "$tmp/$1"
    export HELM_DATA_HOME=$tmp/$1/data HELM_PLUGINS=$tmp/$1/data/plugins
    export HELM_CONFIG_HOME=$tmp/$1/config HELM_CACHE_HOME=$tmp/$1/cache
    mkdir -p "$HELM_PLUGINS" "$HELM_CONFIG_HOME" "$HELM_CACHE_HOME"
}
# runs HELM MAJOR: list, examples/webapp, and the Helm-version default, for an installed plugin.
runs() {
    local helm=$1 major=$2 other=$(($2 == 3 ? 4 : 3))
    expect 0 "chartunit" "$helm" plugin list
    grep -qE "^chartunit[[:space:]]+$version[[:space:]]" "$tmp/out" || { cat "$tmp/out"; fail "plugin list has no chartunit $version"; }
    expect 0 "Charts:      1 passed, 1 total" "$helm" chartunit test examples/webapp
    expect 0 "Tests:       1 passed, 1 total" "$helm" chartunit test -f "tests/helm${major}_test.yaml" "$fixture"
    expect 1 "Tests:       1 failed, 0 passed, 1 total" "$helm" chartunit test -f "tests/helm${other}_test.yaml" "$fixture"
    expect 0 "Tests:       1 passed, 1 total" "$helm" chartunit test --helm-version "$other" -f "tests/helm${other}_test.yaml" "$fixture"
}

say "$(cd "$dist" && sha256sum -c SHA256SUMS | tr '\n' ' ')"

# 1. The binary alone, as on a machine without the Swift toolchain.
mkdir -p "$tmp/unpacked" "$tmp/helm3-dir/chartunit"
tar -xzf "$helm4_tgz" -C "$tmp/unpacked"
tar -xzf "$helm3_tgz" -C "$tmp/helm3-dir/chartunit"
bin=$tmp/unpacked/chartunit/bin/chartunit-$platform
ldd "$bin" | sed 's/ (0x[0-9a-f]*)//; s/^/plugin-check: ldd: /'
if ldd "$bin" | grep -E 'libswift|libFoundation|lib_FoundationICU|libdispatch|libBlocksRuntime|libyaml|libz\.|libstdc\+\+|libgcc_s'; then
    fail "$bin links the libraries above dynamically"
fi
! env -i PATH=/usr/bin:/bin sh -c 'command -v swift' > /dev/null || fail "swift is on PATH=/usr/bin:/bin"
expect 0 "Charts:      1 passed, 1 total" env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= "$bin" test examples/webapp
say "the archived binary passes examples/webapp with env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="

# 2-3. Helm 3: the unpacked -helm3 archive, then the archive itself over HTTP.
helm_home helm3
expect 0 "Installed plugin: chartunit" "$helm3" plugin install "$tmp/helm3-dir/chartunit"
grep -qF "chartunit $version for ${platform/-//}" "$tmp/out" || fail "helm3: the install hook did not run"
runs "$helm3" 3
say "helm3 $("$helm3" version --template '{{.Version}}'): installed from a directory; list, examples/webapp and the Helm 3 default pass"
expect 0 "Uninstalled plugin: chartunit" "$helm3" plugin uninstall chartunit
# Helm 3 takes a URL for an archive only when the server calls it gzip (application/gzip,
# x-gzip, x-tgz or x-gtar); Python's server would say application/x-tar.
python3 -c '
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {".tgz": "application/gzip"}
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=sys.argv[1]))
open(sys.argv[2], "w").write(str(server.server_address[1]))
server.serve_forever()' "$dist" "$tmp/port" &
server=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
url=http://127.0.0.1:$(cat "$tmp/port")/$(basename "$helm3_tgz")
expect 0 "Installed plugin: chartunit" "$helm3" plugin install "$url"
runs "$helm3" 3
say "helm3: installed from $url; list, examples/webapp and the Helm 3 default pass"

# 2-3. Helm 4: the unpacked directory, then the archive unverified and verified.
helm_home helm4
expect 0 "Installed plugin: chartunit" "$helm4" plugin install "$tmp/unpacked/chartunit"
grep -qF "chartunit $version for ${platform/-//}" "$tmp/out" || fail "helm4: the install hook did not run"
runs "$helm4" 4
say "helm4 $("$helm4" version --template '{{.Version}}'): installed from a directory; list, examples/webapp and the Helm 4 default pass"
expect 0 "Uninstalled plugin: chartunit" "$helm4" plugin uninstall chartunit
expect 1 "no provenance file (.prov) found" "$helm4" plugin install "$helm4_tgz"
expect 0 "Installed plugin: chartunit" "$helm4" plugin install --verify=false "$helm4_tgz"
runs "$helm4" 4
say "helm4: $(basename "$helm4_tgz") refused without a .prov, installed with --verify=false; list, examples/webapp and the Helm 4 default pass"

export GNUPGHOME=$tmp/gnupg
mkdir -m 0700 "$GNUPGHOME"
key="chartunit plugin-check <plugin-check@chartunit.invalid>"
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-generate-key "$key" rsa2048 sign never 2> /dev/null
gpg --batch --export > "$tmp/pubring.gpg"
gpg --batch --pinentry-mode loopback --passphrase '' --export-secret-keys > "$tmp/secring.gpg"
mkdir "$tmp/signed" "$tmp/altered"
cp "$helm4_tgz" "$tmp/signed/"
signed=$tmp/signed/$(basename "$helm4_tgz")
scripts/sign-plugin.sh "$signed" "$key"
expect 0 "Signed by: $key" "$helm4" plugin verify --keyring "$tmp/pubring.gpg" "$signed"
cp "$signed" "$signed.prov" "$tmp/altered/"
printf 'x' >> "$tmp/altered/$(basename "$signed")"
helm_home helm4
expect 1 "sha256 sum does not match" "$helm4" plugin install --keyring "$tmp/pubring.gpg" "$tmp/altered/$(basename "$signed")"
expect 0 "Plugin Hash Verified: sha256:" "$helm4" plugin install --keyring "$tmp/pubring.gpg" "$signed"
runs "$helm4" 4
grep -qE "^chartunit[[:space:]].*[[:space:]]signed[[:space:]]" <("$helm4" plugin list) || fail "helm4 plugin list does not show chartunit as signed"
say "helm4: $(basename "$signed") with a .prov from scripts/sign-plugin.sh verified and installed (an altered copy refused); list shows it signed"
mkdir "$tmp/packaged"
expect 0 "Successfully signed" "$helm4" plugin package --sign --key "$key" --keyring "$tmp/secring.gpg" -d "$tmp/packaged" "$tmp/unpacked/chartunit"
helm_home helm4
expect 0 "Plugin Hash Verified: sha256:" "$helm4" plugin install --keyring "$tmp/pubring.gpg" "$tmp/packaged/chartunit-$version.tgz"
runs "$helm4" 4
say "helm4: 'helm plugin package --sign' of the unpacked plugin verified and installed too"

# 4. A package without a binary for this platform fails at install, saying why.
rm "$tmp/unpacked/chartunit/bin/chartunit-$platform" "$tmp/helm3-dir/chartunit/bin/chartunit-$platform"
helm_home helm3
expect 1 "this plugin package has no binary for ${platform/-//}" "$helm3" plugin install "$tmp/helm3-dir/chartunit"
helm_home helm4
expect 1 "this plugin package has no binary for ${platform/-//}" "$helm4" plugin install "$tmp/unpacked/chartunit"
say "helm3 and helm4: the install hook refuses a package without bin/chartunit-$platform"
say "passed"
