// SPDX-License-Identifier: MIT
// Precompiled header of the engine: LibTorch, which takes most of the engine's compile time.
#pragma once

#include <torch/torch.h>
