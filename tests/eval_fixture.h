// SPDX-License-Identifier: MIT
// What the evaluation suites share: a training run of three tiny checkpoints, as the Trainer
// leaves it, and small cloze sets cut from the bundled ones.
#pragma once

#include "engine/eval_run.h"

#include "test_support.h"

#include <QTemporaryDir>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace cs::test {

struct EvalFixture
{
    QTemporaryDir tmp;
    std::string run; ///< mlm_tiny_512: checkpoint-5, -10 (with trainer_state), -20

    EvalFixture()
    {
        namespace fs = std::filesystem;
        // Out of order on disk; a TensorBoard folder and Accelerate's checkpoint_3 beside them.
        run = tmp.filePath("mlm_tiny_512").toStdString();
        makeRun(run, dataPath("hf-reference/deberta-v2-tiny"),
                {"checkpoint-20", "checkpoint-10", "checkpoint-5"});
        std::ofstream(fs::path(run) / "checkpoint-10" / "trainer_state.json")
            << R"({"epoch": 2.0, "global_step": 10})";
        fs::create_directories(fs::path(run) / "runs");
        fs::create_directories(fs::path(run) / "checkpoint_3");
    }

    /// The first n lines of a bundled cloze set, as a file of its own.
    std::string subset(const std::string &name, int n)
    {
        return writeFile(
            tmp, QString::fromStdString("sets/" + name + ".jsonl"),
            QByteArray::fromStdString(firstLines(dataPath("cloze/" + name + ".jsonl"), n)));
    }

    /// Twelve Real and eight LAMBADA examples.
    std::vector<EvalDataset> datasets()
    {
        std::vector<std::string> warnings;
        return loadEvalDatasets({{"real", subset("real", 12)}, {"lambada", subset("lambada", 8)}},
                                warnings);
    }

    /// Options writing under tmp/out, max length 64.
    EvalRunOptions options(const QString &out)
    {
        EvalRunOptions o;
        o.outDir = tmp.filePath(out).toStdString();
        o.cloze.maxLength = 64;
        return o;
    }
};

} // namespace cs::test
