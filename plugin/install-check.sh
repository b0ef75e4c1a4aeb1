#!/bin/sh
# Install hook of the chartunit Helm plugin (Helm 3 and Helm 4): checks that
# the package holds a chartunit binary for this machine and that it runs, so
# a wrong download fails at `helm plugin install` with a message saying why.
os=$(uname -s | tr '[:upper:]' '[:lower:]')
case $(uname -m) in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) arch=$(uname -m) ;;
esac
bin="$HELM_PLUGIN_DIR/bin/chartunit-$os-$arch"
if [ ! -f "$bin" ]; then
  echo "chartunit: this plugin package has no binary for $os/$arch (bin/chartunit-$os-$arch is not in $HELM_PLUGIN_DIR)." >&2
  echo "chartunit: install the chartunit release archive built for $os/$arch." >&2
  exit 1
fi
if ! version=$("$bin" version 2>&1); then
  echo "chartunit: $bin does not run on this $os/$arch machine:" >&2
  echo "$version" >&2
  exit 1
fi
echo "$version for $os/$arch: run it as 'helm chartunit test CHART...'"
