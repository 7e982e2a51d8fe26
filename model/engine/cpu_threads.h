// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace cs {

/// How the CPU threads are shared between LibTorch's own pool and the BLAS library.
struct CpuThreading
{
    std::string blas;     ///< "OpenBLAS (pthreads)", "OpenBLAS (OpenMP)", … or "" when unknown
    int blasThreads = 0;  ///< threads the BLAS runs (0: its own choice)
    int torchThreads = 0; ///< LibTorch's intra-op threads
};

/// Gives `threads` CPU threads (0: every core) to the engine. Debian's LibTorch runs its
/// intra-op work on an OpenMP pool while a pthreads OpenBLAS runs a second pool of its own; both
/// busy on the same cores spin against each other (3–4 times slower on 2 cores, measured). With
/// such a BLAS, fp32 work on the CPU (its matrix products are the BLAS's) gives the threads to
/// the BLAS and LibTorch keeps one; anything else (bf16/fp16, CUDA) gives them to LibTorch and
/// one to the BLAS.
CpuThreading configureCpuThreads(int threads, bool fp32OnCpu);

} // namespace cs
