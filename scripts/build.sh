#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds ClozeScope (CMake preset "default", folder build/). Extra arguments go
# to the configure step, e.g. -DCLOZESCOPE_BUILD_TESTS=OFF.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD" # cache hits across clones (CI builds a fresh clone)
cmake --preset default "$@"
cmake --build --preset default --parallel "$(nproc)"
