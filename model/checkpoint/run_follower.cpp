// SPDX-License-Identifier: MIT
#include "checkpoint/run_follower.h"

#include "checkpoint/safetensors.h"
#include "results/json_reader.h"
#include "results/run_naming.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cs {
namespace fs = std::filesystem;
namespace {

/// True when the zip at path ends with its whole end-of-central-directory record (a
/// torch.save file written to the end): the record, its comment and the central directory it
/// points to all inside the file.
bool zipHasEnd(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!in || ec || size < 22) return false;
    const std::uintmax_t tail = std::min<std::uintmax_t>(size, 65535 + 22);
    std::string bytes(tail, '\0');
    in.seekg(std::streamoff(size - tail));
    in.read(bytes.data(), std::streamsize(tail));
    if (!in) return false;
    const auto u16 = [&](std::size_t at) {
        return std::uint32_t(std::uint8_t(bytes[at])) | std::uint32_t(std::uint8_t(bytes[at + 1]))
                                                            << 8;
    };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    for (std::size_t at = bytes.rfind(std::string("PK\x05\x06", 4)); at != std::string::npos;
         at = at == 0 ? std::string::npos : bytes.rfind(std::string("PK\x05\x06", 4), at - 1)) {
        if (at + 22 > bytes.size() || at + 22 + u16(at + 20) != bytes.size()) continue;
        const std::uintmax_t record = size - tail + at, dirSize = u32(at + 12),
                             dirOffset = u32(at + 16);
        // ZIP64 files mark these 0xFFFFFFFF; their own end record comes first, so accept.
        if (dirOffset == 0xFFFFFFFFu || dirOffset + dirSize <= record) return true;
    }
    return false;
}

/// Names, sizes and modification times of a folder's files, one line each.
std::string signatureOf(const fs::path &dir)
{
    std::map<std::string, std::string> files;
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(dir, ec)) {
        std::error_code sizeError, timeError;
        const auto size = e.file_size(sizeError);
        const auto time = e.last_write_time(timeError);
        files[e.path().filename().string()] =
            std::to_string(sizeError ? 0 : size) + " " +
            std::to_string(timeError ? 0 : time.time_since_epoch().count());
    }
    std::string out = ec ? "unreadable" : "";
    for (const auto &[name, stamp] : files)
        out += name + " " + stamp + "\n";
    return out;
}

/// How long ago the newest file of a folder was written (zero when unknown or in the future).
std::chrono::duration<double> ageOfNewest(const fs::path &dir)
{
    std::error_code ec;
    fs::file_time_type newest = fs::file_time_type::min();
    for (const auto &e : fs::directory_iterator(dir, ec)) {
        std::error_code timeError;
        const auto t = e.last_write_time(timeError);
        if (!timeError) newest = std::max(newest, t);
    }
    const auto age = fs::file_time_type::clock::now() - newest;
    if (ec || newest == fs::file_time_type::min() || age.count() < 0) return {};
    return std::chrono::duration_cast<std::chrono::duration<double>>(age);
}

} // namespace

std::string checkpointIncomplete(const std::string &dir)
{
    const fs::path d(dir);
    std::error_code ec;
    for (const char *needed : {"config.json", "trainer_state.json"})
        if (!fs::is_regular_file(d / needed, ec)) return std::string(needed) + " not written yet";
    if (fs::exists(d / "model.safetensors", ec) ||
        fs::exists(d / "model.safetensors.index.json", ec)) {
        SafetensorsCheckpoint weights;
        std::string error;
        if (!openSafetensorsCheckpoint(dir, weights, error)) return error;
        return {};
    }
    if (fs::exists(d / "pytorch_model.bin", ec))
        return zipHasEnd(d / "pytorch_model.bin") ? "" : "pytorch_model.bin not written to its end";
    return "no weights written yet (model.safetensors or pytorch_model.bin)";
}

bool trainerStateSaysEnded(const std::string &trainerStateFile)
{
    const JsonDocument doc = readJsonFile(trainerStateFile);
    if (!doc.error.empty() || !doc.json.is_object()) return false;
    const auto step = integerValue(doc.json.value("global_step", nlohmann::json()));
    const auto max = integerValue(doc.json.value("max_steps", nlohmann::json()));
    return step && max && *max > 0 && *step >= *max;
}

RunFollower::RunFollower(std::string runDir, double settleSeconds)
    : m_runDir(std::move(runDir)), m_settle(std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(settleSeconds)))
{
}

std::vector<std::string>
RunFollower::poll(Clock::time_point now, std::vector<std::pair<std::string, std::string>> *waiting)
{
    std::vector<std::string> ready;
    const std::vector<std::string> dirs = discoverCheckpoints(m_runDir); // in step order
    for (auto it = m_seen.begin(); it != m_seen.end();) // a folder the Trainer rotated away
        it = !it->second.handedOut && std::find(dirs.begin(), dirs.end(), it->first) == dirs.end()
                 ? m_seen.erase(it)
                 : std::next(it);
    for (const std::string &dir : dirs) {
        Seen &seen = m_seen[dir];
        if (seen.handedOut) continue;
        const std::string signature = signatureOf(dir);
        if (seen.signature.empty()) {
            // First sight: files written long enough ago (a run followed again after a
            // restart) have settled already.
            seen.signature = signature;
            seen.since = ageOfNewest(dir) >= m_settle ? now - m_settle : now;
        } else if (signature != seen.signature) {
            seen.signature = signature;
            seen.since = now;
        }
        std::string why = checkpointIncomplete(dir);
        if (why.empty() && now - seen.since < m_settle)
            why = "waiting for its files to stay unchanged for the settle time";
        if (why.empty()) {
            // Read again after the wait: it must still be what was judged complete.
            if (signatureOf(dir) != seen.signature) continue;
            seen.handedOut = true;
            ++m_handedOut;
            ready.push_back(dir);
            m_ended = m_ended || trainerStateSaysEnded(dir + "/trainer_state.json");
        } else if (waiting && why != seen.said) {
            waiting->emplace_back(dir, why);
        }
        seen.said = why;
    }
    std::error_code ec;
    const fs::path own = fs::path(m_runDir) / "trainer_state.json";
    if (fs::is_regular_file(own, ec)) m_ended = m_ended || trainerStateSaysEnded(own.string());
    return ready;
}

std::size_t RunFollower::pending() const
{
    std::size_t n = 0;
    for (const auto &[dir, seen] : m_seen)
        n += !seen.handedOut;
    return n;
}

bool RunFollower::trainingEnded() const
{
    return m_ended;
}

} // namespace cs
