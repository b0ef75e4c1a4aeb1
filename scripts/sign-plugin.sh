#!/usr/bin/env bash
# Signs a Helm plugin archive for Helm 4's `helm plugin install --verify`:
#
#   scripts/sign-plugin.sh TARBALL GPG_KEY
#
# writes TARBALL.prov, a PGP clear-signed message in Helm's provenance form: the
# plugin's metadata (name, version, type from its plugin.yaml), a `...` line, then
# `files:` mapping file names to the archive's `sha256:HEX`. Helm checks the
# signature against its keyring and the hash listed under the archive's own name
# (so the archive keeps its name). Helm then stores the archive as NAME-VERSION.tgz
# beside the installed plugin, and `helm plugin list` calls the plugin signed only
# when the provenance lists that name too: a platform archive
# (chartunit-0.1.0-linux-amd64.tgz) is listed under both names. GPG_KEY is any key
# gpg's --local-user accepts (gpg's own keyring, GNUPGHOME). `helm plugin package
# --sign` writes the same form for an archive it names NAME-VERSION.tgz.
set -euo pipefail
tarball=$1 key=$2
entry=$(tar -tzf "$tarball" | grep -m1 -E '(^|/)plugin\.yaml$' || true)
[ -n "$entry" ] || { echo "sign-plugin: no plugin.yaml in $tarball" >&2; exit 1; }
metadata=$(tar -xzOf "$tarball" "$entry" | grep -E '^(apiVersion|name|version|type|runtime):')
field() { printf '%s\n' "$metadata" | sed -n "s/^$1: *//p"; }
stored=$(field name)-$(field version).tgz
sum=sha256:$(sha256sum < "$tarball" | cut -d' ' -f1)
{
    printf '%s\n...\nfiles:\n  %s: %s\n' "$metadata" "$(basename "$tarball")" "$sum"
    [ "$(basename "$tarball")" = "$stored" ] || printf '  %s: %s\n' "$stored" "$sum"
} | gpg --batch --yes --armor --clearsign --digest-algo SHA512 --local-user "$key" --output "$tarball.prov.tmp"
mv "$tarball.prov.tmp" "$tarball.prov"
