// SPDX-License-Identifier: MIT
#include "checkpoint/safetensors.h"

#include "util/confined_path.h"
#include "util/file_read.h"
#include "util/json_depth.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {
namespace {

constexpr std::uint64_t kMaxHeader = 100u << 20; // safetensors' own limit

bool parseDType(const std::string &s, DType &out)
{
    static const std::map<std::string, DType> names = {
        {"F64", DType::F64}, {"F32", DType::F32},  {"F16", DType::F16}, {"BF16", DType::BF16},
        {"I64", DType::I64}, {"I32", DType::I32},  {"I16", DType::I16}, {"I8", DType::I8},
        {"U8", DType::U8},   {"BOOL", DType::Bool}};
    auto it = names.find(s);
    if (it == names.end()) return false;
    out = it->second;
    return true;
}

/// Validates one header entry; "" or the reason.
std::string readEntry(const std::string &name, const nlohmann::json &e, std::size_t dataSize,
                      TensorView &t, std::pair<std::uint64_t, std::uint64_t> &range)
{
    if (!e.is_object()) return "entry is not an object";
    const auto dtype = e.find("dtype");
    if (dtype == e.end() || !dtype->is_string() || !parseDType(dtype->get<std::string>(), t.dtype))
        // A value quoted only when it is a string: dumping a list nested 100 000 deep recursed.
        return "unknown dtype " + (dtype == e.end() ? std::string("(none)")
                                   : dtype->is_string()
                                       ? "\"" + dtype->get<std::string>() + "\""
                                       : std::string("(a ") + dtype->type_name() + ", not a name)");
    const auto shape = e.find("shape");
    if (shape == e.end() || !shape->is_array()) return "shape is not a list";
    std::uint64_t numel = 1;
    for (const auto &d : *shape) {
        if (!d.is_number_unsigned())
            return "shape holds " + d.dump() + ", not a non-negative integer";
        const auto v = d.get<std::uint64_t>();
        if (v != 0 && numel > (std::uint64_t(1) << 62) / v) return "shape too large";
        numel *= v;
        t.shape.push_back(static_cast<std::int64_t>(v));
    }
    const auto offsets = e.find("data_offsets");
    if (offsets == e.end() || !offsets->is_array() || offsets->size() != 2 ||
        !(*offsets)[0].is_number_unsigned() || !(*offsets)[1].is_number_unsigned())
        return "data_offsets is not [begin, end]";
    range = {(*offsets)[0].get<std::uint64_t>(), (*offsets)[1].get<std::uint64_t>()};
    if (range.first > range.second || range.second > dataSize)
        return "data_offsets [" + std::to_string(range.first) + ", " +
               std::to_string(range.second) + "] out of range (data is " +
               std::to_string(dataSize) + " bytes)";
    if (range.second - range.first != numel * dtypeSize(t.dtype))
        return "data_offsets span " + std::to_string(range.second - range.first) +
               " bytes, the shape needs " + std::to_string(numel * dtypeSize(t.dtype));
    t.name = name;
    t.bytes = static_cast<std::size_t>(range.second - range.first);
    return {};
}

} // namespace

std::size_t dtypeSize(DType t)
{
    switch (t) {
    case DType::F64:
    case DType::I64: return 8;
    case DType::F32:
    case DType::I32: return 4;
    case DType::F16:
    case DType::BF16:
    case DType::I16: return 2;
    case DType::I8:
    case DType::U8:
    case DType::Bool: return 1;
    }
    return 1;
}

const char *dtypeName(DType t)
{
    switch (t) {
    case DType::F64: return "F64";
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    case DType::I64: return "I64";
    case DType::I32: return "I32";
    case DType::I16: return "I16";
    case DType::I8: return "I8";
    case DType::U8: return "U8";
    case DType::Bool: return "BOOL";
    }
    return "?";
}

std::int64_t TensorView::numel() const
{
    std::int64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

SafetensorsFile::~SafetensorsFile()
{
    if (m_map) munmap(m_map, m_size);
}

std::unique_ptr<SafetensorsFile> SafetensorsFile::open(const std::string &path, std::string &error)
{
    auto fail = [&](const std::string &why) {
        error = path + ": " + why;
        return nullptr;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK); // a FIFO: no wait
    if (fd < 0) return fail(std::string("cannot open (") + std::strerror(errno) + ")");
    struct stat st
    {
    };
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail("not a regular file; not read");
    }
    if (st.st_size < 8) {
        ::close(fd);
        return fail("truncated: shorter than the 8-byte header length");
    }
    std::unique_ptr<SafetensorsFile> f(new SafetensorsFile);
    f->m_path = path;
    f->m_size = static_cast<std::size_t>(st.st_size);
    f->m_map = mmap(nullptr, f->m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (f->m_map == MAP_FAILED) {
        f->m_map = nullptr;
        return fail(std::string("cannot map (") + std::strerror(errno) + ")");
    }
    const auto *bytes = static_cast<const std::uint8_t *>(f->m_map);
    std::uint64_t headerLen = 0;
    std::memcpy(&headerLen, bytes, 8); // little-endian hosts only
    if (headerLen > f->m_size - 8)
        return fail("header length " + std::to_string(headerLen) + " exceeds the file (" +
                    std::to_string(f->m_size) + " bytes)");
    if (headerLen > kMaxHeader)
        return fail("header length " + std::to_string(headerLen) +
                    " is over safetensors' limit of " + std::to_string(kMaxHeader) + " bytes");
    nlohmann::json header;
    const std::string headerText(reinterpret_cast<const char *>(bytes) + 8, headerLen);
    if (jsonNestingDepth(headerText) > 16) // a header is three levels deep
        return fail("header nested deeper than 16 levels; not a safetensors header");
    try {
        header = nlohmann::json::parse(headerText);
    } catch (const nlohmann::json::exception &e) {
        return fail(std::string("header is not JSON (") + e.what() + ")");
    }
    if (!header.is_object()) return fail("header is not a JSON object");
    const std::size_t dataSize = f->m_size - 8 - static_cast<std::size_t>(headerLen);
    const std::uint8_t *data = bytes + 8 + headerLen;
    std::vector<std::pair<std::pair<std::uint64_t, std::uint64_t>, std::string>> ranges;
    for (const auto &[name, entry] : header.items()) {
        if (name == "__metadata__") {
            if (entry.is_object())
                for (const auto &[k, v] : entry.items())
                    if (v.is_string()) f->m_metadata[k] = v.get<std::string>();
            continue;
        }
        TensorView t;
        std::pair<std::uint64_t, std::uint64_t> range;
        if (const std::string why = readEntry(name, entry, dataSize, t, range); !why.empty())
            return fail("tensor \"" + name + "\": " + why);
        t.data = data + range.first;
        ranges.push_back({range, name});
        f->m_tensors.emplace(name, std::move(t));
    }
    std::sort(ranges.begin(), ranges.end());
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].first.first < ranges[i - 1].first.second)
            return fail("tensors \"" + ranges[i - 1].second + "\" and \"" + ranges[i].second +
                        "\" overlap");
    return f;
}

bool openSafetensorsCheckpoint(const std::string &dirPath, SafetensorsCheckpoint &out,
                               std::string &error)
{
    namespace fs = std::filesystem;
    const fs::path dir(dirPath);
    std::vector<std::string> files;
    if (fs::exists(dir / "model.safetensors")) {
        files.push_back((dir / "model.safetensors").string());
    } else if (fs::exists(dir / "model.safetensors.index.json")) {
        const std::string index = (dir / "model.safetensors.index.json").string();
        try {
            std::string text, why;
            if (!readRegularFile(index, text, why)) throw std::runtime_error(why);
            const nlohmann::json doc = nlohmann::json::parse(text);
            for (const auto &[name, file] : doc.at("weight_map").items()) {
                if (!file.is_string())
                    throw std::runtime_error("weight_map[\"" + name + "\"] is not a file name");
                // Shards inside the folder; as links (the Hugging Face cache's) they may point
                // elsewhere, the folder being the user's own choice.
                const auto p =
                    pathInside(dirPath, file.get<std::string>(), why, LinksOut::Followed);
                if (!p) throw std::runtime_error("weight_map[\"" + name + "\"]: " + why);
                if (std::find(files.begin(), files.end(), *p) == files.end()) files.push_back(*p);
            }
        } catch (const std::exception &e) {
            error = index + ": " + e.what();
            return false;
        }
    } else {
        error = dirPath + ": no model.safetensors or model.safetensors.index.json";
        return false;
    }
    for (const auto &p : files) {
        auto f = SafetensorsFile::open(p, error);
        if (!f) return false;
        for (const auto &[name, view] : f->tensors())
            if (!out.tensors.emplace(name, &view).second) {
                error = p + ": tensor \"" + name + "\" is also in another shard";
                return false;
            }
        out.files.push_back(std::move(f));
    }
    return true;
}

} // namespace cs
