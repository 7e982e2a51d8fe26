#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What transformers itself does in reduced precision on the fixtures: each hf-reference model
loaded in bf16/fp16 on --device, logits at every golden and padded-batch mask compared with the
fp32 expected file (top-1 kept, largest difference) — the baseline for `clozescope-cli parity
--dtype bf16`. Prints JSON. Needs torch and transformers (the GPU image has both).
"""
import argparse
import json
import pathlib

import torch
from transformers import AutoModelForMaskedLM


def compare(model, device, ids, mask, positions, expected_rows):
    ids_t = torch.tensor([ids], device=device)
    att = torch.tensor([mask], device=device)
    logits = model(input_ids=ids_t, attention_mask=att).logits[0].float().cpu()
    same, worst = 0, 0.0
    for p, want in zip(positions, expected_rows):
        want = torch.tensor(want)
        same += int(logits[p].argmax() == want.argmax())
        worst = max(worst, float((logits[p] - want).abs().max()))
    return same, len(positions), worst


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--fixtures", default="tests/data/hf-reference")
    p.add_argument("--device", default="cuda")
    p.add_argument("--dtype", default="bf16", choices=["bf16", "fp16", "fp32"])
    a = p.parse_args()
    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16, "fp32": torch.float32}[a.dtype]
    out = {}
    for expected_file in sorted(pathlib.Path(a.fixtures).glob("*.expected.json")):
        name = expected_file.name[: -len(".expected.json")]
        e = json.loads(expected_file.read_text())
        model = AutoModelForMaskedLM.from_pretrained(expected_file.parent / name, dtype=dtype)
        model = model.to(a.device).eval()
        same = total = 0
        worst = 0.0
        with torch.inference_mode():
            cases = [(g["input_ids"], [1] * len(g["input_ids"]), g["mask_positions"],
                      g["mask_logits"]) for g in e["golden"]]
            cases += [(r["input_ids"], r["attention_mask"], r["mask_positions"], r["mask_logits"])
                      for r in e["batch"]["rows"]]
            for ids, mask, positions, rows in cases:
                s, t, w = compare(model, a.device, ids, mask, positions, rows)
                same, total, worst = same + s, total + t, max(worst, w)
        out[name] = {"top1_same": same, "masks": total, "max_abs_diff": worst}
    print(json.dumps({"device": a.device, "dtype": a.dtype, "models": out}, indent=2))


if __name__ == "__main__":
    main()
