#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Run on a GPU machine (CUDA LibTorch from the Python torch package, no Qt), with .device-deps/
# from scripts/device-deps.sh: builds clozescope-cli, then checks the engine there — fixture
# parity on CUDA in fp32, bf16 and fp16 (clozescope-cli parity), the fill-mask latency and the
# evaluation throughput at 1536 and 2048 tokens, and transformers on the same machine
# (scripts/bench_transformers.py, scripts/transformers_bf16_top1.py). Everything it prints also
# goes to $OUT (default out/device).
# PHASE=build or PHASE=check runs one half (each fits a 10-minute command); default: both.
# DEVICE=cpu runs the same checks on the CPU (how the script itself is tried without a GPU);
# TOKENS="1536 2048" sets the evaluation lengths.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-out/device}
device=${DEVICE:-cuda}
phase=${PHASE:-all}
mkdir -p "$out"
exec > >(tee -a "$out/device-check.log") 2>&1
finish() { # flush the log before leaving
    echo "== done (status $1), results in $out"
    exec >&- 2>&-
    wait
    exit "$1"
}

prefix=$PWD/build-device/deps
arch_lib=$prefix/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)
export LD_LIBRARY_PATH=$arch_lib:${LD_LIBRARY_PATH:-}
cli=build-device/app/cli/clozescope-cli

if [ "$phase" != check ]; then
    shopt -s nullglob
    debs=(.device-deps/*.deb)
    if [ ${#debs[@]} -eq 0 ]; then
        echo "no .device-deps/*.deb: run scripts/device-deps.sh here and carry .device-deps"
        finish 1
    fi
    mkdir -p "$prefix"
    for deb in "${debs[@]}"; do dpkg -x "$deb" "$prefix"; done
    torch_prefix=${TORCH_PREFIX-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')}

    echo "== machine"
    date -u
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || true
    lscpu | grep -E 'Model name|^CPU\(s\)' || true
    python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)' || true

    echo "== build"
    kernels=OFF # the fused attention kernel, where nvcc is there
    command -v nvcc > /dev/null || [ -x /usr/local/cuda/bin/nvcc ] && kernels=ON
    export PATH=$PATH:/usr/local/cuda/bin TORCH_CUDA_ARCH_LIST=${TORCH_CUDA_ARCH_LIST:-9.0}
    echo "CUDA kernels: $kernels"
    cmake -S . -B build-device -DCMAKE_BUILD_TYPE=Release -DCLOZESCOPE_BUILD_GUI=OFF \
        -DCLOZESCOPE_BUILD_TESTS=OFF -DCLOZESCOPE_REQUIRE_ENGINE=ON \
        -DCLOZESCOPE_CUDA_KERNELS=$kernels \
        "-DCMAKE_PREFIX_PATH=$torch_prefix;$prefix/usr" || finish 1
    cmake --build build-device -j "$(nproc)" --target clozescope-cli clozescope_spm_plugin ||
        finish 1
fi
[ "$phase" = build ] && finish 0
if ! "$cli" parity --help > /dev/null 2>&1; then
    echo "no engine in $cli: build first (PHASE=build), with LibTorch found"
    finish 1
fi
status=0

echo "== parity (every attention backend)"
for attention in plain sdpa fused; do
    for dtype in fp32 bf16 fp16; do
        [ "$device" = cpu ] && [ "$dtype" = fp16 ] && continue # no Half LayerNorm on the CPU
        "$cli" parity --fixtures tests/data --device "$device" --dtype "$dtype" \
            --attention "$attention" || status=1
        "$cli" parity --fixtures tests/data --device "$device" --dtype "$dtype" \
            --attention "$attention" --json > "$out/parity-$device-$dtype-$attention.json" \
            2> /dev/null
    done
done

echo "== spm.model beside CUDA LibTorch"
spm=$(mktemp -d)
cp tests/data/hf-reference/deberta-v3-tiny-spm/{config.json,model.safetensors,spm.model,tokenizer_config.json} "$spm"
"$cli" fill-mask --model "$spm" --device "$device" --top-k 3 \
    "서울시는 28일 새로운 [MASK] 요금 체계를 발표했다." || status=1

# One benchmark: its JSON to a file and to the log; a failure counts.
bench() {
    local file=$1
    shift
    "$cli" bench "$@" --json > "$out/$file" && cat "$out/$file" || status=1
}
echo "== benchmarks"
repeat=20
[ "$device" = cpu ] && repeat=2
bench bench-fill-mask.json fill-mask --device "$device" --repeat "$repeat"
bench bench-fill-mask-cpu2.json fill-mask --threads 2 --repeat 10
for tokens in ${TOKENS:-1536 2048}; do
    for dtype in bf16 fp16 fp32; do
        [ "$device" = cpu ] && [ "$dtype" != fp32 ] && continue
        for attention in sdpa fused; do
            bench "bench-eval-$tokens-$dtype-$attention.json" eval --device "$device" \
                --tokens "$tokens" --batch 8 --repeat "$repeat" --dtype "$dtype" \
                --attention "$attention"
        done
    done
done

echo "== transformers on the same machine"
compile=--compile # transformers eager and torch.compile'd, in the same run
[ "$device" = cpu ] && compile=
python3 scripts/bench_transformers.py --device "$device" --repeat "$repeat" $compile \
    --tokens ${TOKENS:-1536 2048} > "$out/bench-transformers.json" &&
    cat "$out/bench-transformers.json" || status=1
for dtype in bf16 fp16; do
    [ "$device" = cpu ] && [ "$dtype" = fp16 ] && continue
    python3 scripts/transformers_bf16_top1.py --device "$device" --dtype "$dtype" \
        > "$out/transformers-parity-$dtype.json" && cat "$out/transformers-parity-$dtype.json" ||
        status=1
done
finish $status
