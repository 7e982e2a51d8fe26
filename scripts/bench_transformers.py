#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""transformers on the same machine as `clozescope-cli bench`: the same kf-deberta-base
configuration with random weights, the same inputs' shapes. Prints JSON.

- fill-mask: one sequence of 64 tokens, the head at one position, 2 CPU threads, fp32
  (`clozescope-cli bench fill-mask --threads 2`).
- eval: batches of 8 sequences of --tokens tokens, the head at one position each, on --device in
  bf16/fp16/fp32 (`clozescope-cli bench eval --batch 8`); examples per second.
Needs torch and transformers (the GPU image has both); not part of the test suite.
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--device", default="cuda")
    p.add_argument("--repeat", type=int, default=20)
    p.add_argument("--tokens", type=int, nargs="+", default=[1536, 2048])
    a = p.parse_args()
    out = {"transformers": __import__("transformers").__version__, "torch": torch.__version__}
    gen = torch.Generator().manual_seed(11)

    torch.set_num_threads(2)
    with torch.inference_mode():
        model = model_on("cpu", torch.float32)
        ids = torch.randint(1000, 130000, (1, 64), generator=gen)
        t = timed(lambda: logits_at_mask(model, ids, 32), "cpu", 10)
        out["fill_mask_cpu_2_threads_fp32_ms"] = {"median": 1000 * statistics.median(t),
                                                 "min": 1000 * min(t)}

    dtypes = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}
    if a.device == "cpu":
        dtypes = {"fp32": torch.float32}
    out["eval_examples_per_s"] = {}
    with torch.inference_mode():
        for name, dtype in dtypes.items():
            model = model_on(a.device, dtype)
            for tokens in a.tokens:
                ids = torch.randint(1000, 130000, (8, tokens), generator=gen).to(a.device)
                t = timed(lambda: logits_at_mask(model, ids, tokens // 2), a.device, a.repeat)
                out["eval_examples_per_s"][f"{tokens}_{name}"] = 8 * len(t) / sum(t)
            del model
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
