#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The CUDA configuration (CMake preset "cuda", folder build-cuda/): PyPI's CUDA LibTorch, pinned
# and installed by scripts/torch-venv.sh into a virtual environment outside the clone (kept
# between runs), nvcc from CUDA_HOME (default /usr/local/cuda). Builds the engine with its CUDA kernels, the CLI and the
# engine's test suites, then runs those suites on the CPU under LibTorch 2.x. No GPU is needed;
# scripts/device-check.sh is the run for a machine with one.
set -euo pipefail
cd "$(dirname "$0")/.."
cuda=${CUDA_HOME:-/usr/local/cuda}
if [ ! -x "$cuda/bin/nvcc" ]; then
    echo "test-cuda: no nvcc in $cuda/bin (set CUDA_HOME to a CUDA 13 toolkit)" >&2
    exit 1
fi
venv=$(scripts/torch-venv.sh)
torch_dir=$("$venv/bin/python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' \
    2> /dev/null)
export PATH="$cuda/bin:$PATH" CCACHE_BASEDIR="$PWD"
# LibTorch's CMake looks for libtorch and libc10 on the system paths first, where Debian's 1.13
# may be: they are named here.
cmake --preset cuda "-DCMAKE_PREFIX_PATH=$torch_dir/share/cmake" \
    "-DTORCH_LIBRARY=$torch_dir/lib/libtorch.so" "-Dc10_LIBRARY=$torch_dir/lib/libc10.so" \
    "-DCMAKE_CUDA_COMPILER=$cuda/bin/nvcc" "$@"
cmake --build --preset cuda --parallel "$(nproc)" --target engine_tests
QT_QPA_PLATFORM=offscreen ctest --test-dir build-cuda -L engine --output-on-failure \
    --parallel "$(nproc)"
