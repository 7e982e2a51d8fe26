// SPDX-License-Identifier: MIT
#include "tokenizers/spm_tokenizer.h"

#include "tokenizers/spm_plugin.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace cs {
namespace {

// Loads the plugin once per process; throws with the file and the loader's reason.
const ClozescopeSpmApi &spmApi()
{
    static std::mutex mutex;
    static const ClozescopeSpmApi *api = nullptr;
    const std::lock_guard<std::mutex> lock(mutex);
    if (api) return *api;
    const std::string path = spmPluginPath();
    if (path.empty())
        throw std::runtime_error("the SentencePiece plugin (" CLOZESCOPE_SPM_PLUGIN_NAME
                                 ") is neither installed beside this program nor in the build "
                                 "tree (it needs libsentencepiece-dev at build time); set "
                                 "CLOZESCOPE_SPM_PLUGIN or use the checkpoint's tokenizer.json");
        // RTLD_DEEPBIND: the plugin and libsentencepiece bind to their own protobuf-lite first.
        // AddressSanitizer refuses it (google/sanitizers#611): its build loads the plugin plainly.
#ifdef __SANITIZE_ADDRESS__
    constexpr int deepBind = 0;
#else
    constexpr int deepBind = RTLD_DEEPBIND;
#endif
    void *handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | deepBind);
    if (!handle) throw std::runtime_error("SentencePiece plugin: " + std::string(dlerror()));
    const auto entry = reinterpret_cast<ClozescopeSpmApiFn>(dlsym(handle, "clozescope_spm_api"));
    const ClozescopeSpmApi *found = entry ? entry() : nullptr;
    if (!found || found->version != CLOZESCOPE_SPM_API_VERSION)
        throw std::runtime_error(path + ": not a SentencePiece plugin of this ClozeScope version");
    api = found; // never unloaded: tokenizers may outlive any owner
    return *api;
}

} // namespace

std::string spmPluginPath()
{
    namespace fs = std::filesystem;
    if (const char *env = std::getenv("CLOZESCOPE_SPM_PLUGIN"); env && *env) return env;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path() / CLOZESCOPE_SPM_PLUGIN_INSTALLED;
        if (fs::exists(installed, ec)) return installed.lexically_normal().string();
    }
#ifdef CLOZESCOPE_SPM_PLUGIN_BUILT
    if (fs::exists(CLOZESCOPE_SPM_PLUGIN_BUILT, ec)) return CLOZESCOPE_SPM_PLUGIN_BUILT;
#endif
    return {};
}

SpmTokenizer::~SpmTokenizer()
{
    if (m_model) m_api->release(m_model);
}

std::unique_ptr<SpmTokenizer> SpmTokenizer::fromModel(const std::string &path,
                                                      const nlohmann::json &config)
{
    auto tok = std::make_unique<SpmTokenizer>();
    tok->m_api = &spmApi();
    char error[512] = {};
    tok->m_model = tok->m_api->load(path.c_str(), error, sizeof error);
    if (!tok->m_model) throw std::runtime_error(path + ": " + error);
    const int pieces = tok->m_api->pieceCount(tok->m_model);
    for (int id = 0; id < pieces; ++id) {
        std::size_t length = 0;
        const char *piece = tok->m_api->piece(tok->m_model, id, &length);
        tok->addVocab(std::string(piece, length), id);
    }
    const nlohmann::json cfg = config.is_object() ? config : nlohmann::json::object();
    auto str = [&](const char *key, const char *fallback) {
        const auto it = cfg.find(key);
        return it != cfg.end() && it->is_string() ? it->get<std::string>() : std::string(fallback);
    };
    tok->m_unkToken = str("unk_token", "[UNK]");
    tok->m_maskToken = str("mask_token", "[MASK]");
    tok->m_padToken = str("pad_token", "[PAD]");
    if (tok->tokenId(tok->m_maskToken) < 0) // DeBERTa-v2 appends [MASK] after the model's pieces
        tok->addVocab(tok->m_maskToken, static_cast<int>(tok->vocabSize()));
    for (const std::string &special : {tok->m_unkToken, str("sep_token", "[SEP]"), tok->m_padToken,
                                       str("cls_token", "[CLS]"), tok->m_maskToken})
        if (const int id = tok->tokenId(special); id >= 0)
            tok->m_added.push_back({special, id, true});
    tok->sortLongestFirst(tok->m_added);
    const int cls = tok->tokenId(str("cls_token", "[CLS]")),
              sep = tok->tokenId(str("sep_token", "[SEP]"));
    if (cls < 0 || sep < 0)
        throw std::runtime_error(path + ": the model lacks the [CLS] or [SEP] piece");
    tok->m_prefix = {cls};
    tok->m_suffix = {sep};
    return tok;
}

void SpmTokenizer::encodeSegment(const std::string &text, bool, Encoding &out) const
{
    std::vector<int> ids(text.size() + 8);
    int n =
        m_api->encode(m_model, text.data(), text.size(), ids.data(), static_cast<int>(ids.size()));
    if (n > static_cast<int>(ids.size())) {
        ids.resize(static_cast<std::size_t>(n));
        n = m_api->encode(m_model, text.data(), text.size(), ids.data(), n);
    }
    if (n < 0) throw std::runtime_error("SentencePiece could not encode the text");
    ids.resize(static_cast<std::size_t>(n));
    for (int id : ids) {
        out.ids.push_back(id);
        out.tokens.push_back(token(id));
    }
}

} // namespace cs
