// SPDX-License-Identifier: MIT
#pragma once

// The C interface of libclozescope_spm_plugin.so: SentencePiece behind dlopen(RTLD_DEEPBIND), so
// that the protobuf-lite inside Debian's libsentencepiece never meets LibTorch's libprotobuf.

#include <stddef.h>

#define CLOZESCOPE_SPM_API_VERSION 1

extern "C" {

/// Function table of the plugin; no C++ exception crosses it.
struct ClozescopeSpmApi
{
    int version; ///< CLOZESCOPE_SPM_API_VERSION
    /// Loads spm.model; nullptr with the reason in error (NUL-terminated, errorSize bytes at most).
    void *(*load)(const char *path, char *error, size_t errorSize);
    /// Frees a model from load.
    void (*release)(void *model);
    /// Number of pieces.
    int (*pieceCount)(const void *model);
    /// The piece of an id and its length; valid while the model lives, nullptr when out of range.
    const char *(*piece)(const void *model, int id, size_t *length);
    /// Encodes text into at most capacity ids; returns how many it has (call again with more
    /// room when that is larger), or -1 on error.
    int (*encode)(const void *model, const char *text, size_t length, int *ids, int capacity);
};

/// The plugin's one exported symbol.
const ClozescopeSpmApi *clozescope_spm_api(void);
typedef const ClozescopeSpmApi *(*ClozescopeSpmApiFn)(void);
}
