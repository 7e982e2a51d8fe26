// SPDX-License-Identifier: MIT
// Tokenizer loaders and encoders: the first byte picks tokenizer.json or vocab.txt; a loaded
// tokenizer encodes a fixed text with masks, Korean and long words.
#include "fuzz_support.h"
#include "tokenizers/tokenizer.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) return 0;
    const bool json = data[0] % 2 == 0;
    const auto dir = cs::fuzz::scratch() / "tokenizer";
    std::filesystem::remove_all(dir);
    cs::fuzz::writeInput(json ? "tokenizer/tokenizer.json" : "tokenizer/vocab.txt", data + 1,
                         size - 1);
    std::string error;
    if (const auto tok = cs::loadTokenizer(dir.string(), error)) {
        tok->encode("강지민의 [MASK] was 3.5 km away, unbelievably unbelievable <mask> 😀");
        tok->encode(std::string(300, 'a'));
        (void)tok->token(tok->maskId());
    }
    return 0;
}
