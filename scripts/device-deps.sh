#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run here, before a GPU session: downloads the Debian packages clozescope-cli needs beyond what
# the GPU image has (CUDA LibTorch, CMake) into .device-deps/, which
# scripts/device-check.sh unpacks there. Carry .device-deps with the run.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .device-deps
cd .device-deps
apt-get download libutf8proc2 libutf8proc-dev libsentencepiece0 libsentencepiece-dev \
    libprotobuf-lite32 libonig5 libonig-dev libcli11-dev nlohmann-json3-dev
ls -l
