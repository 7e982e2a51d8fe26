#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package of the workbench and the CLI from the default build (build/):
# build/package/clozescope_<version>_<arch>.deb. Install it with
#   sudo apt-get install ./build/package/clozescope_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh "$@"
cpack --config build/CPackConfig.cmake -B build/package
ls build/package/*.deb
