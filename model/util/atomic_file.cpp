// SPDX-License-Identifier: MIT
#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>

namespace cs {

std::string writeFileAtomically(const std::string &path, const std::string &content)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    std::random_device rd;
    const fs::path tmp = target.string() + ".tmp-" + std::to_string(rd());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return path + ": cannot write (" + std::strerror(errno) + ")";
        out << content;
        out.flush();
        if (!out) {
            fs::remove(tmp, ec);
            return path + ": write failed (disk full?)";
        }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return path + ": cannot replace the file (" + ec.message() + ")";
    }
    return {};
}

} // namespace cs
