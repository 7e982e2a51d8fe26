// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

namespace cs {

/// An exclusive lock on a file (flock), held while this lives and released by the system when
/// the process dies, even when killed. The file says who holds it; it is removed on release.
class FileLock
{
  public:
    /// Takes the lock at path without waiting; nullptr when another process holds it (holder
    /// says who: "pid 1234 on host, since 2026-12-01T15:00:00Z"). Throws std::runtime_error
    /// with the reason when the lock file cannot be made or locked.
    static std::unique_ptr<FileLock> tryLock(const std::string &path, std::string &holder);
    ~FileLock();
    FileLock(const FileLock &) = delete;
    FileLock &operator=(const FileLock &) = delete;

  private:
    FileLock(std::string path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    std::string m_path;
    int m_fd;
};

/// "pid N on HOST, since TIME": this process, as a lock file records its holder.
std::string thisProcessDescription();

/// The current time as ISO 8601 UTC ("2026-12-01T15:00:00Z").
std::string utcNow();

} // namespace cs
