// SPDX-License-Identifier: MIT
// The CSV reader on any bytes.
#include "results/csv_reader.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const cs::CsvTable t = cs::parseCsv(std::string(reinterpret_cast<const char *>(data), size));
    (void)cs::csvColumn(t, "Step");
    return 0;
}
