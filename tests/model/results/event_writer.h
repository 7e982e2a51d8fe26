// SPDX-License-Identifier: MIT
// Test helper: writes TensorBoard events (protobuf wire format in TFRecord framing).
#pragma once

#include "results/tfrecord.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace cs::test {

/// Appends a protobuf varint.
inline void putVarint(std::string &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7f) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

/// Appends a field key.
inline void putKey(std::string &out, int field, int wireType)
{
    putVarint(out, static_cast<std::uint64_t>(field) << 3 | static_cast<std::uint64_t>(wireType));
}

/// Appends a length-delimited field.
inline void putBytes(std::string &out, int field, const std::string &bytes)
{
    putKey(out, field, 2);
    putVarint(out, bytes.size());
    out += bytes;
}

/// Appends a fixed32 float field.
inline void putFloat(std::string &out, int field, float v)
{
    putKey(out, field, 5);
    char b[4];
    std::memcpy(b, &v, 4);
    out.append(b, 4);
}

/// An Event{step, summary{value{tag, simple_value}}}.
inline std::string scalarEvent(std::int64_t step, const std::string &tag, float value)
{
    std::string v, summary, event;
    putBytes(v, 1, tag);
    putFloat(v, 2, value);
    putBytes(summary, 1, v);
    putKey(event, 2, 0);
    putVarint(event, static_cast<std::uint64_t>(step));
    putBytes(event, 5, summary);
    return event;
}

/// An Event whose value holds a tensor {dtype, tensor_content}.
inline std::string tensorEvent(std::int64_t step, const std::string &tag, int dtype,
                               const std::string &content)
{
    std::string tensor, v, summary, event;
    putKey(tensor, 1, 0);
    putVarint(tensor, static_cast<std::uint64_t>(dtype));
    putBytes(tensor, 4, content);
    putBytes(v, 1, tag);
    putBytes(v, 8, tensor);
    putBytes(summary, 1, v);
    putKey(event, 2, 0);
    putVarint(event, static_cast<std::uint64_t>(step));
    putBytes(event, 5, summary);
    return event;
}

/// One TFRecord: length, masked CRC of the length, data, masked CRC of the data.
inline std::string record(const std::string &data)
{
    std::string out, len(8, '\0');
    const std::uint64_t n = data.size();
    std::memcpy(&len[0], &n, 8);
    const std::uint32_t lenCrc = maskedCrc32c(len), dataCrc = maskedCrc32c(data);
    out += len;
    out.append(reinterpret_cast<const char *>(&lenCrc), 4);
    out += data;
    out.append(reinterpret_cast<const char *>(&dataCrc), 4);
    return out;
}

} // namespace cs::test
