// SPDX-License-Identifier: MIT
#include "util/file_read.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

bool readRegularFile(const std::string &path, std::string &out, std::string &error,
                     std::uintmax_t maxBytes)
{
    // Opened without blocking (a FIFO would wait for a writer), then checked on the open file.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        error = std::string("cannot open the file (") + std::strerror(errno) + ")";
        return false;
    }
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0) {
        error = std::string("cannot read the file (") + std::strerror(errno) + ")";
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        error = S_ISDIR(st.st_mode) ? "a folder, not a file"
                                    : "not a regular file (a device, pipe or socket); not read";
        return false;
    }
    if (std::uintmax_t(st.st_size) > maxBytes) {
        error = "the file is " + std::to_string(st.st_size) + " bytes, over the limit of " +
                std::to_string(maxBytes) + "; not read";
        return false;
    }
    std::string bytes(std::size_t(st.st_size), '\0');
    std::size_t have = 0;
    while (true) {
        if (have == bytes.size()) {
            if (bytes.size() >= maxBytes) break; // grew while read: stop at the limit
            bytes.resize(std::min<std::uintmax_t>(maxBytes, bytes.size() + 65536));
        }
        const ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = std::string("cannot read the file (") + std::strerror(errno) + ")";
            return false;
        }
        if (n == 0) break;
        have += std::size_t(n);
    }
    if (have >= maxBytes && have > std::size_t(st.st_size)) {
        error = "the file grew past the limit of " + std::to_string(maxBytes) + " bytes; not read";
        return false;
    }
    bytes.resize(have);
    out = std::move(bytes);
    return true;
}

} // namespace cs
