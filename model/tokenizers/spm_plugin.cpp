// SPDX-License-Identifier: MIT
// libclozescope_spm_plugin.so: the only code that links libsentencepiece.
#include "tokenizers/spm_plugin.h"

#include <sentencepiece_processor.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

using Processor = sentencepiece::SentencePieceProcessor;

void *load(const char *path, char *error, size_t errorSize)
{
    try {
        auto sp = std::make_unique<Processor>(); // freed if Load throws, too
        if (const auto status = sp->Load(path); !status.ok()) {
            std::snprintf(error, errorSize, "%s", status.ToString().c_str());
            return nullptr;
        }
        return sp.release();
    } catch (const std::exception &e) {
        std::snprintf(error, errorSize, "%s", e.what());
        return nullptr;
    } catch (...) {
        std::snprintf(error, errorSize, "SentencePiece failed to load the model");
        return nullptr;
    }
}

void release(void *model)
{
    delete static_cast<Processor *>(model);
}

int pieceCount(const void *model)
{
    return static_cast<const Processor *>(model)->GetPieceSize();
}

const char *piece(const void *model, int id, size_t *length)
{
    const auto *sp = static_cast<const Processor *>(model);
    if (id < 0 || id >= sp->GetPieceSize()) return nullptr;
    const std::string &p = sp->IdToPiece(id);
    *length = p.size();
    return p.data();
}

int encode(const void *model, const char *text, size_t length, int *ids, int capacity)
{
    try {
        std::vector<int> out;
        if (!static_cast<const Processor *>(model)->Encode(std::string(text, length), &out).ok())
            return -1;
        for (int i = 0; i < capacity && i < static_cast<int>(out.size()); ++i)
            ids[i] = out[static_cast<std::size_t>(i)];
        return static_cast<int>(out.size());
    } catch (...) {
        return -1;
    }
}

const ClozescopeSpmApi api = {CLOZESCOPE_SPM_API_VERSION, load, release, pieceCount, piece, encode};

} // namespace

extern "C" __attribute__((visibility("default"))) const ClozescopeSpmApi *clozescope_spm_api(void)
{
    return &api;
}
