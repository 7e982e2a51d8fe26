// SPDX-License-Identifier: MIT
// Shared by the libFuzzer targets: the input written to a file of a chosen name in a private
// folder (the readers take paths, as they do for users).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace cs::fuzz {

/// A folder of this process, emptied of nothing: each input overwrites its file.
inline const std::filesystem::path &scratch()
{
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() /
                 ("clozescope-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

/// Writes bytes to scratch()/name and returns the path.
inline std::string writeInput(const std::string &name, const std::uint8_t *data, std::size_t size)
{
    const auto path = scratch() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    return path.string();
}

} // namespace cs::fuzz
