// SPDX-License-Identifier: MIT
#include "results/protobuf_wire.h"

#include <cstring>

namespace cs::pb {

bool Reader::varint(std::uint64_t &out)
{
    out = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (m_pos >= m_data.size()) {
            m_error = "truncated varint at byte " + std::to_string(m_pos);
            return false;
        }
        const auto b = static_cast<unsigned char>(m_data[m_pos++]);
        out |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        if (!(b & 0x80)) return true;
    }
    m_error = "varint longer than 10 bytes at byte " + std::to_string(m_pos);
    return false;
}

bool Reader::next(Field &f)
{
    if (!m_error.empty() || m_pos >= m_data.size()) return false;
    const std::size_t start = m_pos;
    std::uint64_t key = 0;
    if (!varint(key)) return false;
    f.number = static_cast<std::uint32_t>(key >> 3);
    const int wt = static_cast<int>(key & 7);
    f.type = static_cast<WireType>(wt);
    f.bytes = {};
    f.varint = 0;
    auto need = [&](std::size_t n) {
        if (m_data.size() - m_pos < n) {
            m_error =
                "truncated field " + std::to_string(f.number) + " at byte " + std::to_string(start);
            return false;
        }
        return true;
    };
    switch (f.type) {
    case WireType::Varint: return varint(f.varint);
    case WireType::Fixed64:
        if (!need(8)) return false;
        std::memcpy(&f.varint, m_data.data() + m_pos, 8); // little-endian hosts only
        m_pos += 8;
        return true;
    case WireType::Fixed32: {
        if (!need(4)) return false;
        std::uint32_t v = 0;
        std::memcpy(&v, m_data.data() + m_pos, 4);
        f.varint = v;
        m_pos += 4;
        return true;
    }
    case WireType::Bytes: {
        std::uint64_t len = 0;
        if (!varint(len) || !need(len)) return false;
        f.bytes = m_data.substr(m_pos, len);
        m_pos += len;
        return true;
    }
    default:
        m_error = "wrong wire type " + std::to_string(wt) + " for field " +
                  std::to_string(f.number) + " at byte " + std::to_string(start);
        return false;
    }
}

float Reader::asFloat(const Field &f)
{
    const auto bits = static_cast<std::uint32_t>(f.varint);
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
}

double Reader::asDouble(const Field &f)
{
    double v;
    std::memcpy(&v, &f.varint, 8);
    return v;
}

} // namespace cs::pb
