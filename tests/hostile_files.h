// SPDX-License-Identifier: MIT
// Builds torch.save files by hand (a stored zip holding a pickle and storages), so that tests
// can feed the pytorch_model.bin reader what a hostile or broken writer would.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cs::test {

/// A zip of stored (uncompressed) entries, as torch.save writes them.
inline std::string storedZip(const std::vector<std::pair<std::string, std::string>> &entries)
{
    auto le16 = [](std::string &s, std::uint16_t v) {
        s += char(v & 0xff);
        s += char(v >> 8);
    };
    auto le32 = [&](std::string &s, std::uint32_t v) {
        le16(s, std::uint16_t(v & 0xffff));
        le16(s, std::uint16_t(v >> 16));
    };
    std::string out, central;
    for (const auto &[name, data] : entries) {
        const auto offset = std::uint32_t(out.size());
        le32(out, 0x04034b50);
        for (int i = 0; i < 5; ++i) // version, flags, method 0, time, date
            le16(out, 0);
        le32(out, 0); // crc (not checked)
        le32(out, std::uint32_t(data.size()));
        le32(out, std::uint32_t(data.size()));
        le16(out, std::uint16_t(name.size()));
        le16(out, 0);
        out += name + data;
        le32(central, 0x02014b50);
        for (int i = 0; i < 6; ++i) // versions, flags, method 0, time, date
            le16(central, 0);
        le32(central, 0);
        le32(central, std::uint32_t(data.size()));
        le32(central, std::uint32_t(data.size()));
        le16(central, std::uint16_t(name.size()));
        for (int i = 0; i < 4; ++i) // extra, comment, disk, internal attributes
            le16(central, 0);
        le32(central, 0);
        le32(central, offset);
        central += name;
    }
    const auto centralAt = std::uint32_t(out.size());
    out += central;
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, std::uint16_t(entries.size()));
    le16(out, std::uint16_t(entries.size()));
    le32(out, std::uint32_t(central.size()));
    le32(out, centralAt);
    le16(out, 0);
    return out;
}

/// Pickle pieces (protocol 2) for a state dict of tensors.
namespace pickle {

/// A string: BINUNICODE.
inline std::string str(const std::string &s)
{
    std::string out = "X";
    for (int i = 0; i < 4; ++i)
        out += char((s.size() >> (8 * i)) & 0xff);
    return out + s;
}

/// An int: BININT (4 bytes, signed).
inline std::string integer(std::int32_t v)
{
    std::string out = "J";
    for (int i = 0; i < 4; ++i)
        out += char((std::uint32_t(v) >> (8 * i)) & 0xff);
    return out;
}

/// An int of 8 bytes: LONG1.
inline std::string long64(std::int64_t v)
{
    std::string out = "\x8a\x08";
    for (int i = 0; i < 8; ++i)
        out += char((std::uint64_t(v) >> (8 * i)) & 0xff);
    return out;
}

/// A tuple of ints: MARK, the ints, TUPLE.
inline std::string ints(const std::vector<std::int32_t> &values)
{
    std::string out = "(";
    for (std::int32_t v : values)
        out += integer(v);
    return out + "t";
}

/// _rebuild_tensor_v2(storage key of float, offset, shape, strides, False, OrderedDict()),
/// shape and strides given as pickle programs.
inline std::string tensorFrom(const std::string &shape, const std::string &strides,
                              std::int32_t offset = 0, const std::string &key = "0")
{
    return "ctorch._utils\n_rebuild_tensor_v2\n(" + std::string("(") + str("storage") +
           "ctorch\nFloatStorage\n" + str(key) + str("cpu") + integer(4) + "tQ" + integer(offset) +
           shape + strides +
           "\x89"
           "ccollections\nOrderedDict\n)Rt" +
           "R";
}

/// The same with shape and strides as tuples of ints.
inline std::string tensor(const std::vector<std::int32_t> &shape,
                          const std::vector<std::int32_t> &strides, std::int32_t offset = 0)
{
    return tensorFrom(ints(shape), ints(strides), offset);
}

/// A whole state dict {name: tensor} program.
inline std::string stateDict(const std::string &name, const std::string &tensorProgram)
{
    return "\x80\x02}(" + str(name) + tensorProgram + "u.";
}

} // namespace pickle

/// A pytorch_model.bin holding a pickle program and a storage "0" of storageBytes bytes.
inline std::string torchSave(const std::string &pickleProgram, std::size_t storageBytes = 16)
{
    return storedZip(
        {{"archive/data.pkl", pickleProgram}, {"archive/data/0", std::string(storageBytes, '\0')}});
}

} // namespace cs::test
