#!/usr/bin/env bash
# Fetch the web UI's third-party assets from the npm registry and commit them here, so that
# `pip install yusuan` needs no network. Run from anywhere: bash yusuan/web/static/vendor/fetch.sh
# Change a version below, run the script, look at the diff, commit. VERSIONS.txt is rewritten.
set -euo pipefail
cd "$(dirname "$0")"
HTMX=2.0.11          # htmx.org (BSD-0-Clause)
ECHARTS=6.1.0        # echarts (Apache-2.0)
SWAGGER=5.36.0       # swagger-ui-dist (Apache-2.0), for /docs

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {  # fetch NAME VERSION → $work/NAME/package
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
}
fetch htmx.org "$HTMX"
fetch echarts "$ECHARTS"
fetch swagger-ui-dist "$SWAGGER"

cp "$work/htmx.org/package/dist/htmx.min.js" htmx.min.js
cp "$work/htmx.org/package/LICENSE" htmx.LICENSE.txt
cp "$work/echarts/package/dist/echarts.min.js" echarts.min.js
cp "$work/echarts/package/LICENSE" echarts.LICENSE.txt
cp "$work/swagger-ui-dist/package/swagger-ui-bundle.js" swagger-ui-bundle.js
cp "$work/swagger-ui-dist/package/swagger-ui.css" swagger-ui.css
cp "$work/swagger-ui-dist/package/LICENSE" swagger-ui.LICENSE.txt

{
  echo "# file  package@version  licence  sha256 — written by fetch.sh from the npm registry"
  for f in htmx.min.js:htmx.org@$HTMX:BSD-0-Clause echarts.min.js:echarts@$ECHARTS:Apache-2.0 \
           swagger-ui-bundle.js:swagger-ui-dist@$SWAGGER:Apache-2.0 swagger-ui.css:swagger-ui-dist@$SWAGGER:Apache-2.0; do
    IFS=: read -r file pkg licence <<<"$f"
    echo "$file  $pkg  $licence  $(sha256sum "$file" | cut -d' ' -f1)"
  done
} > VERSIONS.txt
cat VERSIONS.txt
