#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Prints the path of a virtual environment (outside the clone, kept between runs) holding PyPI's
# CUDA LibTorch at the pinned version, installing it first when missing. Extra arguments are more
# pip requirements for it (scripts/bench-side-by-side.sh adds transformers).
set -euo pipefail
TORCH_VERSION=2.11.0 # the GPU image's LibTorch; CUDA 13.0 wheels, as nvcc 13
venv=${CLOZESCOPE_TORCH_VENV:-$HOME/.cache/clozescope/venv-torch-$TORCH_VERSION}
if ! "$venv/bin/python" -c "import torch; assert torch.__version__.startswith('$TORCH_VERSION')" \
    2> /dev/null; then
    echo "torch-venv: installing torch $TORCH_VERSION into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "torch==$TORCH_VERSION" >&2
fi
if [ $# -gt 0 ]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$@" >&2
fi
echo "$venv"
