#!/bin/sh
# Replace the vendored axe-core with VERSION from the npm registry: sh tests/vendor/axe-core/refresh.sh 4.14.1
# The browser suite loads axe.min.js from here, so CI needs neither npm nor the network.
set -eu
version=${1:?usage: refresh.sh VERSION}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "axe-core@$version" >/dev/null && tar xzf "axe-core-$version.tgz")
cp "$work/package/axe.min.js" "$work/package/LICENSE" "$here/"
echo "$version" > "$here/VERSION"
