// SPDX-License-Identifier: MIT
#include "util/file_lock.h"

#include "util/file_read.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <stdexcept>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cs {

std::string utcNow()
{
    const std::time_t t = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buf;
}

std::string thisProcessDescription()
{
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0) std::strcpy(host, "this machine");
    return "pid " + std::to_string(getpid()) + " on " + host + ", since " + utcNow();
}

namespace {

/// True when fd is still the file at path: a holder removes the file on release, so a lock
/// taken on a file that was removed (or replaced) meanwhile guards nothing.
bool stillThere(int fd, const std::string &path)
{
    struct stat open
    {
    }, named{};
    return ::fstat(fd, &open) == 0 && open.st_nlink > 0 && ::stat(path.c_str(), &named) == 0 &&
           open.st_dev == named.st_dev && open.st_ino == named.st_ino;
}

} // namespace

std::unique_ptr<FileLock> FileLock::tryLock(const std::string &path, std::string &holder)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw std::runtime_error("cannot make the lock file " + path + " (" +
                                     std::strerror(errno) + ")");
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int why = errno;
            ::close(fd);
            if (why != EWOULDBLOCK)
                throw std::runtime_error("cannot lock " + path + " (" + std::strerror(why) + ")");
            std::string text, error;
            holder = readRegularFile(path, text, error, 4096) && !text.empty()
                         ? text
                         : "another process (it has not said which yet)";
            while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\r'))
                holder.pop_back();
            return nullptr;
        }
        if (!stillThere(fd, path)) { // released and removed between open and flock: again
            ::close(fd);
            continue;
        }
        const std::string me = thisProcessDescription() + "\n";
        if (::ftruncate(fd, 0) != 0 || ::write(fd, me.data(), me.size()) < 0) {
            // The lock holds all the same; only who holds it goes unsaid.
        }
        return std::unique_ptr<FileLock>(new FileLock(path, fd));
    }
    throw std::runtime_error("cannot lock " + path + " (it keeps being removed)");
}

FileLock::~FileLock()
{
    // Removed while still held: one that opened the old file meanwhile finds it removed when
    // its flock succeeds (stillThere) and opens the path again.
    ::unlink(m_path.c_str());
    ::close(m_fd);
}

} // namespace cs
