// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <memory>

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace cs {

/// A SentencePiece model (spm.model) through Debian's libsentencepiece, with the special tokens
/// and template of tokenizer_config.json (DeBERTa-v2/v3: [CLS] … [SEP], [MASK] appended to the
/// vocabulary when the model lacks it).
class SpmTokenizer : public Tokenizer
{
  public:
    /// Loads spm.model; throws std::runtime_error with the reason.
    static std::unique_ptr<SpmTokenizer> fromModel(const std::string &path,
                                                   const nlohmann::json &config);
    ~SpmTokenizer() override;

  protected:
    void encodeSegment(const std::string &text, Encoding &out) const override;

  private:
    std::unique_ptr<sentencepiece::SentencePieceProcessor> m_sp;
};

/// Makes loadTokenizer read spm.model through this library.
void enableSentencePiece();

} // namespace cs
