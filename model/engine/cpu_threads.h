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

/// Keeps glibc's allocator from handing the large blocks of a forward pass (attention scores of
/// hundreds of MiB) back to the kernel when they are freed: by default each is a fresh mmap whose
/// pages fault in zeroed on every layer (13 million page faults in `bench eval` at 512 tokens
/// against 0.8 million; a quarter of the time, measured). The process keeps its peak memory
/// instead. Called first thing in main(): set later, once LibTorch has allocated, it was
/// measured not to take. Nothing on other C libraries.
void keepLargeBlocksOnTheHeap();

} // namespace cs
