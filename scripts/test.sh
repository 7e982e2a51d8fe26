#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 2: installs what is missing, builds, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh -DCLOZESCOPE_BUILD_TESTS=ON
export QT_QPA_PLATFORM=offscreen
# A single-node Slurm for the evaluation's job-array test, stopped when this script ends.
SLURM_CONF="$(scripts/slurm-local.sh start)"
export SLURM_CONF CLOZESCOPE_REQUIRE_SLURM=1
trap 'scripts/slurm-local.sh stop' EXIT
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
# The CUDA configuration: PyPI's CUDA LibTorch 2.x with the CUDA kernels; the engine's suites run
# on the CPU (scripts/test-cuda.sh). Always in CI; elsewhere where a CUDA toolkit is installed.
if [ "${CI:-}" = "true" ] || [ -x "${CUDA_HOME:-/usr/local/cuda}/bin/nvcc" ]; then
    scripts/test-cuda.sh
else
    echo "test: no nvcc in ${CUDA_HOME:-/usr/local/cuda}/bin: the CUDA configuration is skipped"
fi
# The workbench must also build and pass without LibTorch (a machine without libtorch-dev).
export CCACHE_BASEDIR="$PWD"
cmake --preset no-engine -DCLOZESCOPE_BUILD_TESTS=ON
cmake --build --preset no-engine --parallel "$(nproc)"
ctest --test-dir build-noengine --output-on-failure --parallel "$(nproc)"
# CI also builds the Debian package and installs, uses and removes it (scripts/test-package.sh).
if [ "${CI:-}" = "true" ]; then
    cpack --config build/CPackConfig.cmake -B build/package
    scripts/test-package.sh
fi
