// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cs::pb {

/// Protocol-buffer wire types.
enum class WireType : int {
    Varint = 0,
    Fixed64 = 1,
    Bytes = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5
};

/// One field read from a message.
struct Field
{
    std::uint32_t number = 0;         ///< field number
    WireType type = WireType::Varint; ///< wire type
    std::uint64_t varint = 0;         ///< value of Varint, Fixed64 and Fixed32 fields (raw bits)
    std::string_view bytes;           ///< payload of Bytes fields
};

/// Reads the fields of one serialized message in order. Stops with an error on a truncated
/// field, a group (wire types 3/4, not used by the messages ClozeScope reads) or an unknown
/// wire type.
class Reader
{
  public:
    /// Reads data (not owned; must outlive the reader).
    explicit Reader(std::string_view data) : m_data(data) {}

    /// Next field; false at the end or on an error (see error()).
    bool next(Field &field);
    /// "" when no error occurred; else the reason with the byte offset.
    const std::string &error() const { return m_error; }

    /// A Fixed32 field's bits as float.
    static float asFloat(const Field &f);
    /// A Fixed64 field's bits as double.
    static double asDouble(const Field &f);

  private:
    bool varint(std::uint64_t &out);

    std::string_view m_data;
    std::size_t m_pos = 0;
    std::string m_error;
};

} // namespace cs::pb
