#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds everything (Qt, LibTorch, the programs and every test suite) with AddressSanitizer and
# UndefinedBehaviorSanitizer (preset "sanitize") and runs every test. Undefined behaviour and
# memory errors end the test that met them; leaks are reported for ClozeScope's own code
# (scripts/lsan-suppressions.txt names the libraries whose process-lifetime caches are not).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export CCACHE_BASEDIR="$PWD"
cmake --preset sanitize
cmake --build --preset sanitize --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"
ctest --test-dir build-sanitize --output-on-failure --parallel "$(nproc)" "$@"
