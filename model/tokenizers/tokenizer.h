// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace cs {

/// Token ids and the tokens they stand for.
struct Encoding
{
    std::vector<int> ids;            ///< token ids
    std::vector<std::string> tokens; ///< token strings, one per id
};

/// A token the vocabulary adds (special tokens such as [MASK]): matched in raw text before
/// normalisation, never split.
struct AddedToken
{
    std::string content;     ///< the literal text
    int id = -1;             ///< its id
    bool special = true;     ///< a special token (left out when decoding)
    bool lstrip = false;     ///< whitespace before it belongs to it (RoBERTa's <mask>)
    bool rstrip = false;     ///< whitespace after it belongs to it
    bool normalized = false; ///< matched in normalised text, not raw (tokenizer.json pipelines)
};

/// Token ids a tokenizer may have: the largest vocabularies in use have about 256 000.
constexpr int kMaxTokenId = 1 << 24;

/// A tokenizer as Hugging Face defines it: added tokens split out first, then normalise,
/// pre-tokenise, the model (WordPiece, Unigram, SentencePiece), and the template.
class Tokenizer
{
  public:
    virtual ~Tokenizer() = default;

    /// Tokenises text without special tokens around it (added tokens inside are kept).
    Encoding encodePlain(const std::string &text) const;
    /// Tokenises text with the model's template ([CLS] … [SEP], <s> … </s>).
    Encoding encode(const std::string &text) const;

    /// Id of a token, or -1.
    int tokenId(const std::string &token) const;
    /// Token of an id, or "" when out of range.
    std::string token(int id) const;
    /// Number of ids.
    std::size_t vocabSize() const { return m_idToToken.size(); }

    /// The mask token ("[MASK]", "<mask>") and its id.
    const std::string &maskToken() const { return m_maskToken; }
    /// Id of the mask token, or -1.
    int maskId() const { return tokenId(m_maskToken); }
    /// Id of the padding token, or -1.
    int padId() const { return tokenId(m_padToken); }
    /// Id of the unknown token, or -1.
    int unkId() const { return tokenId(m_unkToken); }

  protected:
    /// Tokenises one piece of raw text that holds no added token; atStart: it begins the input.
    virtual void encodeSegment(const std::string &text, bool atStart, Encoding &out) const = 0;

    /// Splits text at the given added tokens (sorted longest first): onToken for each match,
    /// onSegment(text, byte offset) for the text between them.
    static void
    splitAtAddedTokens(const std::string &text, const std::vector<AddedToken> &tokens,
                       const std::function<void(const std::string &, std::size_t)> &onSegment,
                       const std::function<void(const AddedToken &)> &onToken);

    /// Registers a vocabulary entry; throws std::runtime_error for an id of kMaxTokenId or more.
    void addVocab(const std::string &token, int id);
    /// Reads tokenizer.json's added_tokens (and finds the mask and pad tokens among them).
    void readAddedTokens(const nlohmann::json &doc);
    /// Reads tokenizer.json's post_processor (TemplateProcessing, Bert/RobertaProcessing).
    void readPostProcessor(const nlohmann::json &post);
    /// Sorts added tokens longest first (for matching).
    static void sortLongestFirst(std::vector<AddedToken> &tokens);

    std::vector<AddedToken> m_added;    ///< added tokens matched in raw text, longest first
    std::vector<int> m_prefix;          ///< ids before the text
    std::vector<int> m_suffix;          ///< ids after the text
    std::string m_maskToken = "[MASK]"; ///< mask token
    std::string m_padToken = "[PAD]";   ///< padding token
    std::string m_unkToken = "[UNK]";   ///< unknown token
    std::unordered_map<std::string, int> m_tokenToId; ///< vocabulary
    std::vector<std::string> m_idToToken;             ///< reverse vocabulary
};

/// Loads the tokenizer of a checkpoint folder: tokenizer.json, else vocab.txt (+ its
/// tokenizer_config.json), else spm.model (through the SentencePiece plugin). nullptr with
/// the reason in error when none loads.
std::unique_ptr<Tokenizer> loadTokenizer(const std::string &dir, std::string &error);

/// Whether a folder holds any file loadTokenizer reads (tokenizer.json, vocab.txt, spm.model).
bool hasTokenizerFiles(const std::string &dir);

/// The tokenizer for a checkpoint: tokenizerDir when given, else the checkpoint's own files,
/// else its parent (run) folder's (a Trainer's checkpoint-N/ may hold none).
std::unique_ptr<Tokenizer> loadCheckpointTokenizer(const std::string &checkpointDir,
                                                   const std::string &tokenizerDir,
                                                   std::string &error);

} // namespace cs
