// SPDX-License-Identifier: MIT
#pragma once

#include "results/evaluated_examples.h"
#include "workers/job_thread.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace cs {

/// Reads a checkpoint's evaluated examples on a worker thread (a thin wrapper of
/// readEvaluatedExamples). Asked again while reading, it reads the latest request next and
/// says only that one.
class ExamplesWorker : public JobThread
{
    Q_OBJECT
  public:
    /// One read: the results file, the checkpoint in it, the sets the user chose.
    struct Request
    {
        QString resultsFile;    ///< results file
        QString checkpoint;     ///< checkpoint name in it
        QStringList chosenSets; ///< cloze set files the user chose
        quint64 id = 0;         ///< the caller's number for it, said back
    };

    /// An idle worker.
    explicit ExamplesWorker(QObject *parent = nullptr);
    ~ExamplesWorker() override;

    /// Reads request (after the read in flight, which is then not said).
    void start(const Request &request);
    /// What the last said read gave (moved out).
    CheckpointExamples takeResult();

  signals:
    /// A read ended: its request's id; call takeResult().
    void finished(quint64 id);

  private:
    void launchNext();

    std::optional<Request> m_next;
    CheckpointExamples m_result;
};

} // namespace cs
