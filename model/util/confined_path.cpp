// SPDX-License-Identifier: MIT
#include "util/confined_path.h"

#include <algorithm>
#include <filesystem>

namespace cs {

std::optional<std::string> pathInside(const std::string &folder, const std::string &named,
                                      std::string &why, LinksOut links)
{
    namespace fs = std::filesystem;
    const fs::path p(named);
    const std::string base = folder.empty() ? std::string(".") : folder;
    if (named.empty()) {
        why = "an empty path";
        return std::nullopt;
    }
    if (p.is_absolute() || p.has_root_name() || p.has_root_directory()) {
        why = "an absolute path (" + named + "); only files inside " + base + " are read";
        return std::nullopt;
    }
    // Lexically first ("a/../../x"), then as the file system resolves it (symbolic links).
    const fs::path joined = (fs::path(base) / p).lexically_normal();
    const auto inside = [](const fs::path &parent, const fs::path &child) {
        const auto mismatch =
            std::mismatch(parent.begin(), parent.end(), child.begin(), child.end());
        return mismatch.first == parent.end() && mismatch.second != child.end();
    };
    std::error_code ec;
    const fs::path root = links == LinksOut::Followed
                              ? fs::absolute(base, ec).lexically_normal()
                              : fs::weakly_canonical(fs::absolute(base), ec);
    const fs::path target = ec ? fs::path()
                            : links == LinksOut::Followed
                                ? fs::absolute(joined, ec)
                                : fs::weakly_canonical(fs::absolute(joined), ec);
    if (ec || !inside(root, target) || p.lexically_normal().begin()->string() == "..") {
        why = "\"" + named + "\" leads outside " + base + "; only files inside it are read";
        return std::nullopt;
    }
    return joined.string();
}

} // namespace cs
