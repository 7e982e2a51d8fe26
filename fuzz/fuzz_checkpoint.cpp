// SPDX-License-Identifier: MIT
// Checkpoint files without LibTorch: the first byte picks model.safetensors, pytorch_model.bin
// or config.json; each must end in a value or a clear error.
#include "checkpoint/model_config.h"
#include "checkpoint/safetensors.h"
#include "checkpoint/torch_bin.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) return 0;
    std::string error;
    switch (data[0] % 3) {
    case 0: {
        const auto f = cs::SafetensorsFile::open(
            cs::fuzz::writeInput("model.safetensors", data + 1, size - 1), error);
        if (f)
            for (const auto &[name, t] : f->tensors())
                (void)t.numel();
        break;
    }
    case 1: {
        cs::TorchBinFile f;
        f.open(cs::fuzz::writeInput("pytorch_model.bin", data + 1, size - 1), error);
        break;
    }
    case 2: {
        cs::ModelConfig config;
        cs::parseModelConfig(std::string(reinterpret_cast<const char *>(data) + 1, size - 1),
                             config);
        break;
    }
    }
    return 0;
}
