#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes resources/samples/ from the first user's report tables (seed_tables.csv).

The MLM v2 runs are written as the user's evaluator (scripts/evaluate_checkpoint.py of
hong-seongmin/test_autocoref) writes them: one checkpoint-N_eval_results.json per
checkpoint in a flat evaluation_results_<timestamp>/ folder, full-precision count/n
fractions, no score, step or epoch. The steps per epoch the user knows (131, 110) go
into clozescope.workspace.json, where ClozeScope remembers what a user told it.
The Combined / Entity-FT / simple runs are the real real_coref_results_partial.json.

Usage: scripts/make_samples.py ../shared/seed/seed_tables.csv ../shared/realdata/seed_system
"""
import csv
import datetime
import json
import pathlib
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "samples"
FOLDER = "evaluation_results_20251011_191556"
REAL_N = {1536: 2400, 2048: 3200}
LAMBADA_N = 600
STEPS_PER_EPOCH = {1536: 131, 2048: 110}


def count_for(value: str, n: int) -> int:
    """The one count c with c / n == value at 4 decimals (halves rounded up, as the report did)."""
    target = float(value)
    hits = [c for c in range(n + 1) if abs(c / n - target) <= 0.00005 + 1e-12]
    if len(hits) != 1:
        raise SystemExit(f"{value} over {n}: {len(hits)} counts round to it")
    return hits[0]


def main() -> None:
    tables, seed_system = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    folder = OUT / FOLDER
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    when = datetime.datetime(2025, 10, 11, 19, 15, 56, 123456)
    for row in csv.DictReader(tables.open(encoding="utf-8")):
        if row["experiment"] != "mlm_v2":
            continue
        seq_len, step = int(row["seq_len"]), int(row["step"])
        n = REAL_N[seq_len]
        lambada = count_for(row["lambada_at_1"], LAMBADA_N) / LAMBADA_N
        real1 = count_for(row["real_at_1"], n) / n
        real5 = count_for(row["real_at_5"], n) / n
        timings = {"lambada": 70.1 + step % 7, "coref_build": 201.4 + step % 5,
                   "real_combined": 412.9 + seq_len / 4 + step % 11}
        when += datetime.timedelta(seconds=sum(timings.values()) + 3)
        result = {
            "checkpoint": f"runs/mlm_v2_scratch_{seq_len}/checkpoint-{step}",
            "seq_len": seq_len,
            "evaluated_at": when.isoformat(),
            "lambada_top1": lambada,
            "real1": real1,
            "real5": real5,
            "coref_samples": n,
            "eval_time_seconds": sum(timings.values()),
            "timings": timings,
        }
        path = folder / f"checkpoint-{step}_eval_results.json"
        path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    shutil.copyfile(seed_system / "real_coref_results_partial.json", OUT / "real_coref_results_partial.json")
    workspace = {
        "format": "clozescope-workspace",
        "version": 1,
        "runs": {f"mlm_v2_scratch_{k}": {"steps_per_epoch": v} for k, v in STEPS_PER_EPOCH.items()},
    }
    (OUT / "clozescope.workspace.json").write_text(json.dumps(workspace, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
