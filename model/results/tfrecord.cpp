// SPDX-License-Identifier: MIT
#include "results/tfrecord.h"

#include <array>
#include <cstring>

namespace cs {
namespace {

std::array<std::uint32_t, 256> makeTable()
{
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
        t[i] = c;
    }
    return t;
}

template <typename T> T readLe(const char *p)
{
    T v;
    std::memcpy(&v, p, sizeof v); // little-endian hosts only
    return v;
}

} // namespace

std::uint32_t crc32c(std::string_view data)
{
    static const auto table = makeTable();
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : data)
        c = table[(c ^ b) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t maskedCrc32c(std::string_view data)
{
    const std::uint32_t c = crc32c(data);
    return ((c >> 15) | (c << 17)) + 0xa282ead8u;
}

void readTfRecords(std::string_view file,
                   const std::function<void(std::size_t, std::size_t, std::string_view)> &onRecord,
                   const std::function<void(const TfRecordIssue &)> &onIssue)
{
    std::size_t pos = 0, index = 0;
    while (pos < file.size()) {
        const std::size_t start = pos;
        if (file.size() - pos < 12) {
            onIssue({start,
                     "truncated record header (" + std::to_string(file.size() - pos) + " bytes)",
                     true});
            return;
        }
        const std::string_view header = file.substr(pos, 8);
        const auto length = readLe<std::uint64_t>(file.data() + pos);
        const auto lengthCrc = readLe<std::uint32_t>(file.data() + pos + 8);
        if (maskedCrc32c(header) != lengthCrc) {
            onIssue(
                {start,
                 "length CRC mismatch (corrupt record header); the rest of the file is not read",
                 true});
            return;
        }
        pos += 12;
        if (length > file.size() - pos || file.size() - pos - length < 4) {
            onIssue({start,
                     "truncated record: " + std::to_string(length) + " bytes announced, " +
                         std::to_string(file.size() - pos) + " left",
                     true});
            return;
        }
        const std::string_view data = file.substr(pos, length);
        const auto dataCrc = readLe<std::uint32_t>(file.data() + pos + length);
        pos += length + 4;
        if (maskedCrc32c(data) != dataCrc)
            onIssue(
                {start, "data CRC mismatch; record " + std::to_string(index) + " skipped", false});
        else
            onRecord(index, start, data);
        ++index;
    }
}

} // namespace cs
