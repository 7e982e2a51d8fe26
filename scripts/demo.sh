#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds, and opens ClozeScope on the bundled
# sample results. Until the GUI lands, it writes the analysis report (Markdown and HTML) of
# the samples to a folder and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCLOZESCOPE_BUILD_TESTS=OFF
out="${CLOZESCOPE_DEMO_OUT:-$PWD/out/demo}"
mkdir -p "$out"
cli=build/app/cli/clozescope-cli
"$cli" inspect resources/samples
"$cli" report resources/samples --format md --out "$out/report.md" -q
"$cli" report resources/samples --format html --out "$out/report.html" -q
"$cli" table resources/samples --metric Real@1,Real@5,LAMBADA@1,score --format csv --out "$out/checkpoints.csv" -q
echo
echo "ClozeScope demo: the report on the bundled samples is in $out"
echo "  $out/report.html   (open in a browser)"
echo "  $out/report.md"
echo "  $out/checkpoints.csv"
