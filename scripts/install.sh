#!/usr/bin/env bash
# Install everything yusuan and its tests need: the Debian packages (when apt-get can run) and .venv.
# The README's first command runs this, and so does CI (.ci/run): there is no other set-up step.
set -euo pipefail
cd "$(dirname "$0")/.."

# System libraries and tools the Python packages cannot bring: OpenCV's libGL/GLib (OCR),
# pango/harfbuzz (WeasyPrint), CJK fonts (published PDFs), Chromium (browser tests), LibreOffice and
# poppler (tests/data/make_test_documents.py, bench/), qpdf. The test suite itself needs no font:
# its synthetic PDFs embed their own font and its drawn scans use the dev extra's Noto Sans SC.
DEB_PACKAGES=(libgl1 libglib2.0-0 libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk
              chromium libreoffice-calc libreoffice-core poppler-utils qpdf)

missing=()
if command -v dpkg-query >/dev/null; then
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo -n true 2>/dev/null && sudo=(sudo)
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ "${#sudo[@]}" -gt 0 ]; }; then
    echo "== apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "== not installed (no apt-get, or not root and no sudo): ${missing[*]}" >&2
    echo "   yusuan still installs; OCR needs libgl1 and libglib2.0-0, publishing PDF needs pango." >&2
  fi
fi

echo "== python environment (.venv)"
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[dev,ocr]'
