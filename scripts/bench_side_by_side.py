#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""ClozeScope and transformers in one run, same model configuration (kf-deberta-base, random
weights), shapes, batch, threads and precision: fill-mask latency at --fill-mask-tokens and
evaluation throughput at --tokens. Prints the machine, both sides' JSON and a Markdown table for
docs/benchmarks.md. Run by scripts/bench-side-by-side.sh, with the interpreter that has torch
and transformers; not part of the test suite.
"""
import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cpu_model():
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def clozescope(cli, *args):
    out = subprocess.run([cli, "bench", *args, "--json"], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", default="build/app/cli/clozescope-cli")
    p.add_argument("--device", default="cpu")
    p.add_argument("--dtypes", nargs="+", default=["fp32", "bf16"])
    p.add_argument("--fill-mask-tokens", type=int, default=64)
    p.add_argument("--tokens", type=int, default=512)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--attention", default="auto")
    a = p.parse_args()

    version = subprocess.run([a.cli, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"machine: {cpu_model()}, {platform.system()} {platform.release()}")
    print(f"ClozeScope: {a.cli}: {version}")
    ours = {}
    for dtype in a.dtypes:
        ours[("fill-mask", dtype)] = clozescope(
            a.cli, "fill-mask", "--tokens", str(a.fill_mask_tokens), "--dtype", dtype,
            "--threads", str(a.threads), "--repeat", "10", "--attention", a.attention)
        ours[("eval", dtype)] = clozescope(
            a.cli, "eval", "--tokens", str(a.tokens), "--batch", str(a.batch), "--dtype", dtype,
            "--threads", str(a.threads), "--repeat", str(a.repeat), "--device", a.device,
            "--attention", a.attention)
    theirs = json.loads(subprocess.run(
        [sys.executable, str(HERE / "bench_transformers.py"), "--device", a.device,
         "--repeat", str(a.repeat), "--tokens", str(a.tokens), "--batch", str(a.batch),
         "--threads", str(a.threads), "--dtypes", *a.dtypes,
         "--fill-mask-tokens", str(a.fill_mask_tokens), "--fill-mask-dtypes", *a.dtypes],
        check=True, capture_output=True, text=True).stdout)
    print(json.dumps({f"{k[0]} {k[1]}": v for k, v in ours.items()}, indent=2))
    print(json.dumps(theirs, indent=2))

    print(f"\n| benchmark | precision | ClozeScope | transformers {theirs['transformers']} "
          f"(torch {theirs['torch']}) | ClozeScope's speed-up |")
    print("| --- | --- | --- | --- | --- |")
    for dtype in a.dtypes:
        mine = ours[("fill-mask", dtype)]["latency_ms_median"]
        other = theirs["fill_mask_ms"][f"{a.fill_mask_tokens}_{dtype}"]["median"]
        print(f"| fill-mask, {a.fill_mask_tokens} tokens, {a.threads} threads, median latency "
              f"| {dtype} | {mine:.0f} ms | {other:.0f} ms | {other / mine:.2f}× |")
    for dtype in a.dtypes:
        mine = ours[("eval", dtype)]["examples_per_second"]
        other = theirs["eval_examples_per_s"][f"{a.tokens}_{dtype}"]
        agree = ours[("eval", dtype)]["top1_agreement_with_fp32"]
        print(f"| eval, {a.tokens} tokens, batch {a.batch}, {a.device} | {dtype} "
              f"| {mine:.2f} examples/s (top-1 = fp32: {100 * agree:.1f} %) "
              f"| {other:.2f} examples/s | {mine / other:.2f}× |")


if __name__ == "__main__":
    main()
