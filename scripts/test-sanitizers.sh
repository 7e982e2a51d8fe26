#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds everything (Qt, LibTorch, the programs and every test suite) with AddressSanitizer and
# UndefinedBehaviorSanitizer (preset "sanitize") and runs every test. Undefined behaviour and
# memory errors end the test that met them; LeakSanitizer reports leaks at each test's exit
# (scripts/lsan-suppressions.txt is where a library's own leak would be named: none is).
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
# The Slurm test too, on the single-node Slurm the test command uses.
SLURM_CONF="$(scripts/slurm-local.sh start)"
export SLURM_CONF CLOZESCOPE_REQUIRE_SLURM=1
trap 'scripts/slurm-local.sh stop' EXIT
ctest --test-dir build-sanitize --output-on-failure --parallel "$(nproc)" "$@"
