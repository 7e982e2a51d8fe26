#!/bin/bash
# Evaluate one Trainer run's checkpoints as a Slurm job array: each task takes one shard.
#   sbatch --array=0-3 docs/slurm-eval.sh RUN_DIR MAX_LENGTH
# then: clozescope-cli merge results/shard-* --out results/merged
#SBATCH --job-name=clozescope-eval
#SBATCH --gres=gpu:1
#SBATCH --cpus-per-task=4
#SBATCH --time=04:00:00
set -euo pipefail
run=${1:?run folder}
length=${2:-512}
count=${SLURM_ARRAY_TASK_COUNT:-1}
index=${SLURM_ARRAY_TASK_ID:-0}
exec clozescope-cli eval --run "$run" \
    --data real=eval/real.jsonl --data lambada=eval/lambada.jsonl \
    --max-length "$length" --dtype bf16 --device cuda \
    --shard "$index/$count" --out "results/shard-$index"
