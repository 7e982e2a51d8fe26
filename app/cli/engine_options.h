// SPDX-License-Identifier: MIT
#pragma once

#include "engine/masked_lm.h"

#include <CLI/CLI.hpp>

namespace cs::cli {

/// Adds --device, --dtype, --threads and --attention (the engine's options) to a subcommand.
inline void addEngineOptions(CLI::App *sub, EngineOptions &o)
{
    sub->add_option("--device", o.device, "cpu, cuda, cuda:N (default cpu)");
    sub->add_option("--dtype", o.dtype, "fp32, bf16 or fp16 (default fp32)")
        ->check(CLI::IsMember({"fp32", "bf16", "fp16"}));
    sub->add_option("--threads", o.threads, "CPU threads (default: every core)")
        ->check(CLI::Range(0, 1024));
    sub->add_option("--attention", o.attention,
                    "attention backend: auto, plain, sdpa (LibTorch 2.x) or fused (default auto; "
                    "docs/engine.md)")
        ->check(CLI::IsMember({"auto", "plain", "sdpa", "fused"}));
}

} // namespace cs::cli
