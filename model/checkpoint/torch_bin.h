// SPDX-License-Identifier: MIT
#pragma once

#include "checkpoint/safetensors.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace cs {

/// One tensor of a pytorch_model.bin: where its elements are inside the loaded file.
struct BinTensor
{
    DType dtype = DType::F32;           ///< element type
    std::vector<std::int64_t> shape;    ///< dimensions
    std::vector<std::int64_t> strides;  ///< element strides
    const std::uint8_t *data = nullptr; ///< first element (storage start + offset)
};

/// A state dict written by torch.save (zip format, pickle protocol 2), read without LibTorch:
/// the zip's stored entries, a small pickle machine for the OrderedDict of
/// torch._utils._rebuild_tensor_v2 calls, storages by key. Keeps the file in memory.
class TorchBinFile
{
  public:
    /// Reads path; "" or the reason in error.
    bool open(const std::string &path, std::string &error);
    /// Tensors by name.
    const std::map<std::string, BinTensor> &tensors() const { return m_tensors; }

  private:
    std::string m_bytes;
    std::map<std::string, BinTensor> m_tensors;
};

} // namespace cs
