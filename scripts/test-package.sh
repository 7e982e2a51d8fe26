#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the package scripts/package.sh built, checks it as a user would from /usr/bin, and
# removes it: nothing of it may stay. Needs root (or sudo) and apt.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
deb=$(ls build/package/clozescope_*.deb | head -1)
files=$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$')
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "./$deb"
trap 'DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -q clozescope >/dev/null 2>&1 || true' EXIT

/usr/bin/clozescope-cli --version | grep -q "clozescope-cli"
/usr/bin/clozescope-cli --version
/usr/bin/clozescope --version | grep -q "^clozescope "
out=$(mktemp -d)
env -u DISPLAY QT_QPA_PLATFORM=offscreen /usr/bin/clozescope --export-chart "$out/curves.png" resources/samples
test -s "$out/curves.png"
/usr/bin/clozescope-cli report resources/samples --format html -o "$out/report.html" -q
test -s "$out/report.html"
man -w clozescope-cli >/dev/null
man -w clozescope >/dev/null
appstreamcli validate --no-net /usr/share/metainfo/io.github.clozescope.ClozeScope.metainfo.xml
desktop-file-validate /usr/share/applications/io.github.clozescope.ClozeScope.desktop
grep -q "clozescope-workspace" /usr/share/mime/packages/io.github.clozescope.ClozeScope.xml
# spm.model through the plugin installed beside the program
mkdir "$out/spm"
for f in config.json model.safetensors spm.model tokenizer_config.json; do
    cp "tests/data/hf-reference/deberta-v3-tiny-spm/$f" "$out/spm/"
done
/usr/bin/clozescope-cli fill-mask --model "$out/spm" "the [MASK] sat" >/dev/null

DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -q clozescope
trap - EXIT
left=0
for f in $files; do
    if [ -e "$f" ]; then echo "left behind: $f"; left=1; fi
done
rm -rf "$out"
[ "$left" -eq 0 ] && echo "test-package: installed, used and removed cleanly ($deb)"
