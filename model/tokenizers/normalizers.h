// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <string>
#include <vector>

namespace cs {

/// One normalisation step of a tokenizer.json pipeline. startKept is cleared when the step
/// removes or replaces the text's first characters, so that its first character no longer
/// stands at the start of the original text (what Metaspace's prepend_scheme "first" asks).
using Normalizer = std::function<std::string(const std::string &, bool &startKept)>;

/// The steps of tokenizer.json's "normalizer" (null: none): Sequence, NFC, NFD, NFKC, NFKD,
/// Lowercase, Strip, StripAccents, Replace (string or regex), Prepend, Precompiled
/// (SentencePiece's charsmap). Any other is refused by name (std::runtime_error).
std::vector<Normalizer> readNormalizers(const nlohmann::json &normalizer);

/// Text after every step; startKept (when given) as the steps leave it.
std::string applyNormalizers(const std::vector<Normalizer> &steps, std::string text,
                             bool *startKept = nullptr);

} // namespace cs
