// SPDX-License-Identifier: MIT
#pragma once

#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include <memory>

struct ClozescopeSpmApi;

namespace cs {

/// A SentencePiece model (spm.model) through Debian's libsentencepiece, with the special tokens
/// and template of tokenizer_config.json (DeBERTa-v2/v3: [CLS] … [SEP], [MASK] appended to the
/// vocabulary when the model lacks it). libsentencepiece lives in a plugin loaded with
/// RTLD_DEEPBIND (see spmPluginPath), so it works beside LibTorch.
class SpmTokenizer : public Tokenizer
{
  public:
    /// Loads spm.model; throws std::runtime_error with the reason.
    static std::unique_ptr<SpmTokenizer> fromModel(const std::string &path,
                                                   const nlohmann::json &config);
    SpmTokenizer() = default;
    SpmTokenizer(const SpmTokenizer &) = delete; ///< owns the plugin's model
    SpmTokenizer &operator=(const SpmTokenizer &) = delete;
    ~SpmTokenizer() override;

  protected:
    void encodeSegment(const std::string &text, bool atStart, Encoding &out) const override;

  private:
    const ClozescopeSpmApi *m_api = nullptr;
    void *m_model = nullptr;
};

/// The SentencePiece plugin's file: $CLOZESCOPE_SPM_PLUGIN when set, else the installed one
/// beside the program (../lib/clozescope/), else the build tree's.
std::string spmPluginPath();

} // namespace cs
