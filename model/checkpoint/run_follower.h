// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cs {

/// Why a checkpoint folder cannot be read yet: "" when it holds config.json,
/// trainer_state.json and weights written to the end (model.safetensors or every shard its
/// index names with each tensor within its file; pytorch_model.bin with its zip end record).
std::string checkpointIncomplete(const std::string &dir);

/// The end of training a trainer_state.json records: global_step ≥ max_steps (> 0).
bool trainerStateSaysEnded(const std::string &trainerStateFile);

/// Follows a training run folder as the Trainer writes it: each checkpoint-N is handed out
/// once, when it is complete (checkpointIncomplete) and none of its files has changed (size or
/// time) for the settle time; so a half-written checkpoint is never read. Time is given by the
/// caller (tests drive it without waiting).
class RunFollower
{
  public:
    using Clock = std::chrono::steady_clock; ///< the clock polls are timed by

    /// Follows runDir; a checkpoint is ready once unchanged for settleSeconds.
    RunFollower(std::string runDir, double settleSeconds);

    /// Looks at the folder at time now. Returns the checkpoints ready now, in step order, each
    /// once. waiting (optional) receives (checkpoint, why) for a checkpoint not ready, each
    /// reason once per checkpoint. Throws std::runtime_error when the run folder is unreadable.
    std::vector<std::string> poll(Clock::time_point now,
                                  std::vector<std::pair<std::string, std::string>> *waiting = {});
    /// True once a checkpoint handed out, or the run folder's own trainer_state.json, records
    /// the end of training.
    bool trainingEnded() const;
    /// Checkpoints handed out so far.
    std::size_t handedOut() const { return m_handedOut; }
    /// Checkpoints seen at the last poll and not handed out (being written, or broken).
    std::size_t pending() const;

  private:
    /// What the follower knows of one checkpoint folder.
    struct Seen
    {
        std::string signature;   ///< names, sizes and times of its files
        Clock::time_point since; ///< when the signature last changed
        bool handedOut = false;  ///< returned by poll
        std::string said;        ///< the last reason given to waiting
    };

    std::string m_runDir;
    Clock::duration m_settle;
    std::map<std::string, Seen> m_seen; ///< by folder path
    bool m_ended = false;
    std::size_t m_handedOut = 0;
};

} // namespace cs
