// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace cs {

/// CRC-32C (Castagnoli) of data.
std::uint32_t crc32c(std::string_view data);
/// TFRecord's masked CRC: rotate right by 15, add 0xa282ead8.
std::uint32_t maskedCrc32c(std::string_view data);

/// A problem in a TFRecord file, at a byte offset.
struct TfRecordIssue
{
    std::size_t offset = 0; ///< byte offset of the record
    std::string message;    ///< what is wrong
    bool fatal = false;     ///< reading stopped here
};

/// Reads TFRecord framing (u64 length, masked CRC of length, data, masked CRC of data).
/// Calls onRecord(index, offset, data) for every record whose CRCs match; a record with a bad
/// data CRC is reported and skipped; a bad length CRC or a truncated record stops reading.
void readTfRecords(std::string_view file,
                   const std::function<void(std::size_t, std::size_t, std::string_view)> &onRecord,
                   const std::function<void(const TfRecordIssue &)> &onIssue);

} // namespace cs
