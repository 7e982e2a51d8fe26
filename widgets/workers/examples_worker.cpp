// SPDX-License-Identifier: MIT
#include "workers/examples_worker.h"

#include <memory>

namespace cs {

ExamplesWorker::ExamplesWorker(QObject *parent) : JobThread(parent) {}

ExamplesWorker::~ExamplesWorker()
{
    stopAndWait();
}

void ExamplesWorker::start(const Request &request)
{
    m_next = request;                  // the latest request wins
    if (readyToLaunch()) launchNext(); // else the read in flight launches it when it ends
}

void ExamplesWorker::launchNext()
{
    const Request r = *m_next;
    m_next.reset();
    std::vector<std::string> chosen;
    for (const QString &f : r.chosenSets)
        chosen.push_back(f.toStdString());
    launchLatest([this, r, chosen](const std::atomic_bool &) {
        auto result = std::make_shared<CheckpointExamples>(
            readEvaluatedExamples(r.resultsFile.toStdString(), r.checkpoint.toStdString(), chosen));
        return [this, result, id = r.id] {
            if (m_next && readyToLaunch()) return launchNext(); // a later request is waiting
            m_result = std::move(*result);
            emit finished(id);
        };
    });
}

CheckpointExamples ExamplesWorker::takeResult()
{
    return std::move(m_result);
}

} // namespace cs
