#!/usr/bin/env bash
# Run CI as a new user would meet the project: a fresh clone of HEAD beside ../shared, .ci/run in it
# (the README's two commands in a clean environment).
#   scripts/fresh_clone_check.sh                  as CI runs it
#   scripts/fresh_clone_check.sh --no-cjk-fonts   also hide the machine's CJK fonts (needs root: a
#                                                 private mount namespace covers /usr/share/fonts
#                                                 with an empty folder; nothing changes outside it)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(cd "$repo/../shared" && pwd)"
d="$(mktemp -d)"
trap 'rm -rf "$d"' EXIT
git clone -q "$repo" "$d/main"
ln -s "$shared" "$d/shared"
if [ "${1:-}" = "--no-cjk-fonts" ]; then
  mkdir -p "$d/nofonts"
  unshare -m bash -c '
    for f in /usr/share/fonts/opentype /usr/share/fonts/truetype/wqy /usr/share/fonts/truetype/libreoffice /usr/local/share/fonts; do
      [ -d "$f" ] && mount --bind "$1" "$f"
    done
    fc-list :lang=zh 2>/dev/null | grep -q . && { echo "CJK fonts still visible" >&2; exit 1; }
    cd "$2" && bash .ci/run' _ "$d/nofonts" "$d/main"
else
  (cd "$d/main" && bash .ci/run)
fi
