// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cs {

/// A regular expression as Hugging Face tokenizers runs its patterns: Oniguruma, UTF-8, its
/// default syntax (\p{L}, \s as Unicode White_Space, look-ahead).
class OnigRegex
{
  public:
    /// Compiles pattern; throws std::runtime_error with Oniguruma's message when it is invalid.
    explicit OnigRegex(const std::string &pattern);

    /// Byte ranges [begin, end) of the non-overlapping matches in text, left to right; empty
    /// matches are left out.
    std::vector<std::pair<std::size_t, std::size_t>> findAll(const std::string &text) const;

  private:
    std::shared_ptr<void> m_regex; ///< the compiled regex_t, freed with onig_free
};

} // namespace cs
