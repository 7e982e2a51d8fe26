#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one libFuzzer target for SECONDS (default 600) on a corpus seeded from the real files,
# the fixtures and tests/data: scripts/fuzz.sh fuzz_import 600. Targets: fuzz_import fuzz_csv
# fuzz_formats fuzz_checkpoint fuzz_tokenizer fuzz_cloze_set. A crash, hang or memory blow-up
# is written to build-fuzz/artifacts/ and must become a regression test in tests/data/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?"usage: scripts/fuzz.sh TARGET [SECONDS]"}
seconds=${2:-600}
command -v clang++ >/dev/null || { echo "fuzz: needs clang (apt-get install clang)"; exit 2; }
export CCACHE_BASEDIR="$PWD"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "$target"
corpus=build-fuzz/corpus/$target
mkdir -p "$corpus" build-fuzz/artifacts
if [ -z "$(ls -A "$corpus")" ]; then
    python3 - "$target" "$corpus" <<'PY'
import os, sys, hashlib
target, corpus = sys.argv[1], sys.argv[2]
roots = ["tests/data", "resources/samples"]
def files():
    for root in roots:
        for d, _, names in os.walk(root):
            for n in names:
                p = os.path.join(d, n)
                if os.path.getsize(p) <= 1 << 20:
                    yield p, n
def selector(name):  # the first byte each target reads, matching the file
    if target == "fuzz_import":
        if "tfevents" in name: return 11
        if name.endswith(".jsonl"): return 6
        if name.endswith(".csv"): return 10
        if name.endswith(".json"): return 0 if "trainer_state" in name else 4
    if target == "fuzz_checkpoint":
        if name.endswith(".safetensors"): return 0
        if name.endswith(".bin"): return 1
        if name == "config.json": return 2
    if target == "fuzz_tokenizer":
        if name == "tokenizer.json": return 0
        if name == "vocab.txt": return 1
    if target == "fuzz_formats" and name.endswith(".json"): return 0
    if target == "fuzz_csv" and name.endswith(".csv"): return -1
    if target == "fuzz_cloze_set" and name.endswith(".jsonl"): return -1
    return None
for path, name in files():
    s = selector(name)
    if s is None: continue
    data = open(path, "rb").read()
    if s >= 0: data = bytes([s]) + data
    open(os.path.join(corpus, hashlib.sha1(data).hexdigest()), "wb").write(data)
PY
fi
exec "build-fuzz/fuzz/$target" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$target-"
