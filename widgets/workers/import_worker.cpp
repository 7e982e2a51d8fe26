// SPDX-License-Identifier: MIT
#include "workers/import_worker.h"

#include "results/result_loader.h"

namespace cs {

ImportWorker::ImportWorker(QObject *parent) : JobThread(parent) {}

ImportWorker::~ImportWorker()
{
    stopAndWait(); // the job emits this class's signals
}

void ImportWorker::start(const QStringList &paths, const QMap<QString, double> &stepsPerEpoch)
{
    stopAndWait(); // a running import ends with what it read; being replaced, it says nothing
    LoadOptions options;
    for (auto it = stepsPerEpoch.begin(); it != stepsPerEpoch.end(); ++it)
        options.stepsPerEpoch[it.key().toStdString()] = it.value();
    std::vector<std::string> list;
    for (const QString &p : paths)
        list.push_back(p.toStdString());
    launchLatest([this, list, options, paths](const std::atomic_bool &cancelled) {
        auto result = std::make_shared<ResultSet>(loadResults(
            list, options,
            [this, &cancelled](std::size_t done, std::size_t total, const std::string &file) {
                emit progress(int(done), int(total), QString::fromStdString(file));
                return !cancelled;
            }));
        return [this, result, paths] {
            m_result = result;
            emit finished(paths);
        };
    });
}

ResultSet ImportWorker::takeResult()
{
    ResultSet out = m_result ? std::move(*m_result) : ResultSet{};
    m_result.reset();
    return out;
}

} // namespace cs
