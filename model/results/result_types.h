// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cs {

/// How serious an import problem is.
enum class Severity { Info, Warning, Error };

/// What kind of problem it is: code that acts on problems reads this, never the words.
enum class ProblemCode {
    Other,         ///< anything not named below
    Unreadable,    ///< a path that is missing or cannot be read
    Syntax,        ///< bytes that are not valid JSON, CSV or event records
    NotRecognised, ///< a file in no format ClozeScope reads
    NoResults,     ///< a record or file with nothing that looks like results in it
    SkippedFile,   ///< a file left out on purpose (no results in it, a CSV companion)
    BadValue,      ///< a value of the wrong type or out of range, ignored
    EpochUnknown,  ///< checkpoints whose epoch could not be found
    Cancelled,     ///< the import was cancelled
    NothingToShow, ///< nothing came of the paths given
};

/// One problem found while importing: which file, where in it, and why.
struct Problem
{
    Severity severity = Severity::Warning; ///< how serious
    std::string file;                      ///< path of the file
    std::string location;                  ///< "line 3, column 7", "results[4].real1", ...
    std::string message;                   ///< the reason, in words
    ProblemCode code = ProblemCode::Other; ///< what kind of problem
};

/// Where a checkpoint's epoch came from.
enum class EpochSource { None, File, TrainerState, StepsPerEpoch };

/// One per-example outcome, used for paired tests.
struct ExampleOutcome
{
    std::string id;   ///< example id within its dataset
    bool hit = false; ///< whether the metric counted the example as correct
};

/// One metric value of one checkpoint.
struct MetricValue
{
    double value = 0.0;                   ///< the value as the file has it
    std::optional<std::int64_t> n;        ///< number of examples, when known
    std::optional<double> stderr_;        ///< standard error, when the file gives one
    std::string dataset;                  ///< dataset identity, when known
    std::string source;                   ///< "file: location" the value came from
    std::vector<ExampleOutcome> examples; ///< per-example records, when available
};

/// A score the file computed itself, kept beside the one ClozeScope computes.
struct FileScore
{
    double value = 0.0;             ///< the file's number
    std::vector<std::string> basis; ///< metric ids the file's score combines (0.4/0.3/0.3)
    std::string source;             ///< where it came from
};

/// One evaluated checkpoint of a run.
struct Checkpoint
{
    std::string name;                            ///< "checkpoint-390", or "final"
    std::optional<std::int64_t> step;            ///< global step, when known
    std::optional<double> epoch;                 ///< epoch after mapping
    EpochSource epochSource = EpochSource::None; ///< where the epoch came from
    std::map<std::string, MetricValue> metrics;  ///< canonical metric id -> value
    std::vector<FileScore> fileScores;           ///< scores written by the file itself
    std::string path;                            ///< checkpoint path as the file names it
    std::vector<std::string> sources;            ///< files that contributed
};

/// What a Hugging Face Trainer recorded as its best checkpoint.
struct TrainerBest
{
    std::string checkpoint;           ///< best_model_checkpoint's folder name
    std::optional<std::int64_t> step; ///< best_global_step or the number in the name
    double metric = 0.0;              ///< best_metric
};

/// One training run at one sequence length.
struct Run
{
    std::string name;                    ///< run folder name, e.g. "mlm_v2_scratch_1536"
    std::string experiment;              ///< experiment it belongs to, e.g. "mlm_v2_scratch"
    std::optional<int> seqLen;           ///< evaluation sequence length, when known
    std::optional<double> stepsPerEpoch; ///< from metadata or the user
    std::string stepsPerEpochSource;     ///< "workspace", "trainer_state", ...
    std::map<std::int64_t, double> trainerEpochs; ///< step -> epoch from trainer_state.json
    std::optional<TrainerBest> trainerBest;       ///< the Trainer's own best checkpoint
    std::vector<Checkpoint> checkpoints;          ///< ordered by epoch, then step
    std::vector<std::string> sources;             ///< files that contributed

    /// Unique key: name, plus "@len" when the sequence length is known.
    std::string key() const;
    /// Name for people: the run name, with " @ len" unless the name already holds it.
    std::string displayName() const;
};

/// A file that was read, and what it was.
struct SourceFile
{
    std::string path;        ///< the file
    std::string kind;        ///< what it was recognised as
    std::size_t records = 0; ///< checkpoint records it gave
};

/// Everything imported from a set of paths.
struct ResultSet
{
    std::vector<Run> runs;         ///< runs, sorted by experiment, length, name
    std::vector<Problem> problems; ///< problems found, in the order found
    std::vector<SourceFile> files; ///< files read, with what they held

    /// Run by key, or nullptr.
    const Run *findRun(const std::string &key) const;
    /// True when any problem is a warning or an error.
    bool hasInputProblems() const;
};

/// "checkpoint-390" -> 390; nullopt when the name carries no step.
std::optional<std::int64_t> stepFromCheckpointName(const std::string &name);

/// Name of a severity for people ("error", "warning", "info").
const char *severityName(Severity s);

/// A problem on one line as the command line prints it: "warning: file: place: reason".
std::string problemLine(const Problem &p);

} // namespace cs
