#!/usr/bin/env bash
# `make dist`: the release archives of chartunit for this machine's platform.
#
#   scripts/dist.sh BINARY OUTDIR [GPG_KEY]
#
# OUTDIR (emptied first) gets
#   chartunit-VERSION-OS-ARCH.tgz        the Helm 4 plugin: chartunit/ holding the v1 plugin.yaml,
#                                        install-check.sh and bin/chartunit-OS-ARCH
#   chartunit-VERSION-OS-ARCH.tgz.prov   its provenance, signed with GPG_KEY (only when one is given)
#   chartunit-VERSION-OS-ARCH-helm3.tgz  the Helm 3 plugin: the legacy plugin.yaml, install-check.sh
#                                        and bin/ at the archive root (what Helm 3 installs from a URL)
#   SHA256SUMS                           `sha256sum -c SHA256SUMS` checks the files above
# The binary is stripped. Archives are reproducible: sorted entries, owner 0, every mtime
# SOURCE_DATE_EPOCH (default: the last commit's time), gzip without a name or time stamp.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$1 out=$2 key=${3:-}
version=$("$bin" version | awk '{print $2}')
for manifest in plugin/helm3/plugin.yaml plugin/helm4/plugin.yaml; do
    grep -qx "version: $version" "$manifest" || {
        echo "dist: $manifest does not say 'version: $version' (what $bin version prints)" >&2
        exit 1
    }
done
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $(uname -m) in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch=$(uname -m) ;;
esac
name=chartunit-$version-$os-$arch
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
layout() { # DIR MANIFEST: a plugin directory
    mkdir -p "$1/bin"
    install -m 0644 "$2" "$1/plugin.yaml"
    install -m 0755 plugin/install-check.sh "$1/install-check.sh"
    install -m 0755 "$stage/chartunit" "$1/bin/chartunit-$os-$arch"
}
archive() { # TARBALL DIR ENTRY...: a reproducible .tgz of the ENTRYs of DIR
    local tarball=$1 dir=$2
    shift 2
    tar -C "$dir" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" --no-xattrs --format=gnu \
        -cf - "$@" | gzip -n > "$tarball.tmp"
    mv "$tarball.tmp" "$tarball"
}

cp "$bin" "$stage/chartunit"
strip "$stage/chartunit"
"$stage/chartunit" version > /dev/null
layout "$stage/helm4/chartunit" plugin/helm4/plugin.yaml
layout "$stage/helm3" plugin/helm3/plugin.yaml

rm -rf "$out"
mkdir -p "$out"
archive "$out/$name.tgz" "$stage/helm4" chartunit
archive "$out/$name-helm3.tgz" "$stage/helm3" bin install-check.sh plugin.yaml
if [ -n "$key" ]; then
    scripts/sign-plugin.sh "$out/$name.tgz" "$key"
fi
(cd "$out" && sha256sum -- *.tgz* > SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)
echo "dist: $out/ (chartunit $version, $os/$arch, binary $(stat -c %s "$stage/chartunit") bytes stripped)"
(cd "$out" && ls -l --time-style=+ -- * | awk '{print "  " $5 "\t" $NF}')
