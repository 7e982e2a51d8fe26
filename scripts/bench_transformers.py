#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""transformers on the same machine as `clozescope-cli bench`: the same kf-deberta-base
configuration with random weights, the same inputs' shapes. Prints JSON.

- fill-mask: one sequence of --fill-mask-tokens tokens (64), the head at one position, 2 CPU
  threads, in each of --dtypes (`clozescope-cli bench fill-mask --threads 2`).
- eval: batches of --batch (8) sequences of --tokens tokens, the head at one position each, on
  --device in each of --dtypes (`clozescope-cli bench eval --batch 8`); examples per second.
  With --compile also torch.compile'd (the "compiled" entries).
Needs torch and transformers (the GPU image has both; scripts/bench-side-by-side.sh installs
them here); not part of the test suite.
"""
import argparse
import json
import statistics
import time

import torch
from transformers import DebertaV2Config, DebertaV2ForMaskedLM

KF_DEBERTA_BASE = dict(vocab_size=130000, hidden_size=768, num_hidden_layers=12,
                       num_attention_heads=12, intermediate_size=3072,
                       max_position_embeddings=512, layer_norm_eps=1e-7, type_vocab_size=0,
                       relative_attention=True, pos_att_type=["p2c", "c2p"],
                       position_buckets=256, share_att_key=True, norm_rel_ebd="layer_norm",
                       position_biased_input=False, pad_token_id=0)


def model_on(device, dtype):
    torch.manual_seed(7)
    model = DebertaV2ForMaskedLM(DebertaV2Config(**KF_DEBERTA_BASE)).eval()
    return model.to(device=device, dtype=dtype)


def logits_at_mask(model, ids, position):
    """The encoder on the whole batch, the head at one position per sequence (as ClozeScope)."""
    hidden = model.deberta(input_ids=ids, attention_mask=torch.ones_like(ids)).last_hidden_state
    return model.cls(hidden[:, position, :])


def timed(fn, device, repeat):
    for _ in range(2):
        fn()
    times = []
    for _ in range(repeat):
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        t0 = time.perf_counter()
        fn()
        if device.startswith("cuda"):
            torch.cuda.synchronize()
        times.append(time.perf_counter() - t0)
    return times


DTYPES = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--device", default="cuda")
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--tokens", type=int, nargs="+", default=[1536, 2048])
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--dtypes", nargs="+", choices=list(DTYPES), default=None,
                   help="default: bf16 fp16 fp32 on CUDA, fp32 on the CPU")
    p.add_argument("--fill-mask-tokens", type=int, default=64)
    p.add_argument("--fill-mask-dtypes", nargs="+", choices=list(DTYPES), default=["fp32"])
    p.add_argument("--threads", type=int, default=2, help="CPU threads (fill-mask; eval on cpu)")
    p.add_argument("--compile", action="store_true", help="also time torch.compile'd models")
    a = p.parse_args()
    dtypes = a.dtypes or (["fp32"] if a.device == "cpu" else ["bf16", "fp16", "fp32"])
    out = {"transformers": __import__("transformers").__version__, "torch": torch.__version__,
           "threads": a.threads}
    gen = torch.Generator().manual_seed(11)

    torch.set_num_threads(a.threads)
    out["fill_mask_ms"] = {}
    with torch.inference_mode():
        for name in a.fill_mask_dtypes:
            model = model_on("cpu", DTYPES[name])
            ids = torch.randint(1000, 130000, (1, a.fill_mask_tokens), generator=gen)
            t = timed(lambda: logits_at_mask(model, ids, a.fill_mask_tokens // 2), "cpu", 10)
            out["fill_mask_ms"][f"{a.fill_mask_tokens}_{name}"] = {
                "median": 1000 * statistics.median(t), "min": 1000 * min(t)}
            del model

    out["eval_examples_per_s"] = {}
    with torch.inference_mode():
        for name in dtypes:
            model = model_on(a.device, DTYPES[name])
            variants = [("", model)]
            if a.compile:
                variants.append(("_compiled", torch.compile(model)))
            for suffix, m in variants:
                for tokens in a.tokens:
                    ids = torch.randint(1000, 130000, (a.batch, tokens), generator=gen)
                    ids = ids.to(a.device)
                    t = timed(lambda: logits_at_mask(m, ids, tokens // 2), a.device, a.repeat)
                    out["eval_examples_per_s"][f"{tokens}_{name}{suffix}"] = \
                        a.batch * len(t) / sum(t)
            del model, variants
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
