#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds, and opens ClozeScope on the bundled
# sample results. With no display it writes the report, the charts and the checkpoint table of
# the samples to a folder (out/demo, or $CLOZESCOPE_DEMO_OUT) and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCLOZESCOPE_BUILD_TESTS=OFF -DCLOZESCOPE_BUILD_GUI=ON
gui=build/app/gui/clozescope
cli=build/app/cli/clozescope-cli
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Opening ClozeScope on resources/samples"
    exec "$gui" resources/samples
fi
out="${CLOZESCOPE_DEMO_OUT:-$PWD/out/demo}"
mkdir -p "$out"
"$cli" inspect resources/samples
"$gui" --export-chart "$out/curves.png" resources/samples
"$gui" --export-chart "$out/curves.svg" resources/samples
"$gui" --export-chart "$out/real1.pdf" --metric Real@1 resources/samples
"$cli" report resources/samples --format md --out "$out/report.md" -q
"$cli" report resources/samples --format html --out "$out/report.html" -q
"$cli" table resources/samples --metric Real@1,Real@5,LAMBADA@1,score --format csv --out "$out/checkpoints.csv" -q
echo
echo "No display: ClozeScope wrote the analysis of the bundled samples to $out"
echo "  $out/report.html    the report (open in a browser)"
echo "  $out/curves.png     the curves with peaks, early stops and intervals (also .svg)"
echo "  $out/real1.pdf      Real@1 alone"
echo "  $out/report.md, $out/checkpoints.csv"
