#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ClozeScope beside transformers in one run on this machine (docs/benchmarks.md): installs
# transformers into the pinned torch environment (scripts/torch-venv.sh) and runs
# scripts/bench_side_by_side.py. Arguments go to it, e.g. --cli build-cuda/app/cli/clozescope-cli
# (LibTorch 2.x) or --dtypes fp32.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(scripts/torch-venv.sh transformers==5.17.0 numpy)
exec "$venv/bin/python" scripts/bench_side_by_side.py "$@"
