// SPDX-License-Identifier: MIT
#include "engine/cpu_threads.h"

#include <torch/torch.h>

#include <dlfcn.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <thread>

namespace cs {

CpuThreading configureCpuThreads(int threads, bool fp32OnCpu)
{
    // OpenBLAS's own entry points, when the process has loaded it (as libblas.so.3 or by name).
    using GetInt = int (*)();
    using SetInt = void (*)(int);
    const auto getParallel = reinterpret_cast<GetInt>(dlsym(RTLD_DEFAULT, "openblas_get_parallel"));
    const auto setBlasThreads =
        reinterpret_cast<SetInt>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    const auto getBlasThreads =
        reinterpret_cast<GetInt>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    const int wanted =
        threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    CpuThreading t;
    const int parallel = getParallel ? getParallel() : -1; // 0 sequential, 1 pthreads, 2 OpenMP
    if (parallel == 1 && setBlasThreads) {
        setBlasThreads(fp32OnCpu ? wanted : 1);
        torch::set_num_threads(fp32OnCpu ? 1 : wanted);
        t.blas = "OpenBLAS (pthreads)";
    } else {
        if (threads > 0) torch::set_num_threads(threads);
        t.blas = parallel == 2 ? "OpenBLAS (OpenMP)" : parallel == 0 ? "OpenBLAS (sequential)" : "";
    }
    t.blasThreads = getBlasThreads ? getBlasThreads() : 0;
    t.torchThreads = torch::get_num_threads();
    return t;
}

void keepLargeBlocksOnTheHeap()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1 << 30); // blocks up to 1 GiB come from the heap
    mallopt(M_TRIM_THRESHOLD, -1);      // freed ones stay there (-1: never trimmed)
    mallopt(M_TOP_PAD, 1 << 30);        // and the heap grows a GiB at a time
#endif
}

} // namespace cs
