// SPDX-License-Identifier: MIT
// The cloze-set reader (evaluation input) on any bytes.
#include "results/cloze_dataset.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    cs::parseClozeDataset("real.jsonl", std::string(reinterpret_cast<const char *>(data), size));
    return 0;
}
