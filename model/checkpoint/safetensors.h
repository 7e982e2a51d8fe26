// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cs {

/// Element types a safetensors file may hold.
enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

/// Bytes per element of a dtype.
std::size_t dtypeSize(DType t);
/// Name of a dtype as safetensors writes it ("F32").
const char *dtypeName(DType t);

/// One tensor of a safetensors file: where its bytes are (memory-mapped, read-only).
struct TensorView
{
    std::string name;                   ///< parameter name
    DType dtype = DType::F32;           ///< element type
    std::vector<std::int64_t> shape;    ///< dimensions
    const std::uint8_t *data = nullptr; ///< first byte (inside the mapping)
    std::size_t bytes = 0;              ///< byte count (elements × element size)

    /// Number of elements.
    std::int64_t numel() const;
};

/// A memory-mapped safetensors file whose header was validated: header length within the
/// file, JSON, known dtypes, non-negative shapes, offsets in range, sizes matching shapes, no
/// two tensors overlapping.
class SafetensorsFile
{
  public:
    /// Opens and validates path; nullptr and the reason (with the file name) on failure.
    static std::unique_ptr<SafetensorsFile> open(const std::string &path, std::string &error);
    ~SafetensorsFile();
    SafetensorsFile(const SafetensorsFile &) = delete;
    SafetensorsFile &operator=(const SafetensorsFile &) = delete;

    /// Tensors by name.
    const std::map<std::string, TensorView> &tensors() const { return m_tensors; }
    /// The __metadata__ strings.
    const std::map<std::string, std::string> &metadata() const { return m_metadata; }
    /// The file.
    const std::string &path() const { return m_path; }

  private:
    SafetensorsFile() = default;

    std::string m_path;
    void *m_map = nullptr;
    std::size_t m_size = 0;
    std::map<std::string, TensorView> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

/// Every tensor of a checkpoint folder: model.safetensors, or the shards that
/// model.safetensors.index.json names. The files stay mapped while this lives.
struct SafetensorsCheckpoint
{
    std::vector<std::unique_ptr<SafetensorsFile>> files; ///< open files
    std::map<std::string, const TensorView *> tensors;   ///< name -> view into one of them
};

/// Opens model.safetensors or the sharded index of a folder; "" or the reason in error.
bool openSafetensorsCheckpoint(const std::string &dir, SafetensorsCheckpoint &out,
                               std::string &error);

} // namespace cs
