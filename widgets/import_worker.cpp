// SPDX-License-Identifier: MIT
#include "import_worker.h"

#include "results/result_loader.h"

#include <QThread>

namespace cs {

ImportWorker::ImportWorker(QObject *parent) : QObject(parent) {}

ImportWorker::~ImportWorker()
{
    cancel();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ImportWorker::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ImportWorker::cancel()
{
    if (m_cancel) *m_cancel = true;
}

void ImportWorker::start(const QStringList &paths, const QMap<QString, double> &stepsPerEpoch)
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread; // its queued finished() is dropped with it (see the generation check)
        m_thread = nullptr;
    }
    const quint64 generation = ++m_generation;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto result = std::make_shared<ResultSet>();
    m_cancel = cancelFlag;
    LoadOptions options;
    for (auto it = stepsPerEpoch.begin(); it != stepsPerEpoch.end(); ++it)
        options.stepsPerEpoch[it.key().toStdString()] = it.value();
    std::vector<std::string> list;
    for (const QString &p : paths)
        list.push_back(p.toStdString());
    m_thread = QThread::create([this, list, options, cancelFlag, result] {
        *result = loadResults(
            list, options,
            [this, cancelFlag](std::size_t done, std::size_t total, const std::string &file) {
                emit progress(int(done), int(total), QString::fromStdString(file));
                return !*cancelFlag;
            });
    });
    connect(m_thread, &QThread::finished, this, [this, result, paths, generation] {
        if (generation != m_generation) return; // a later import replaced this one
        m_result = result;
        emit finished(paths);
    });
    m_thread->start();
}

ResultSet ImportWorker::takeResult()
{
    ResultSet out = m_result ? std::move(*m_result) : ResultSet{};
    m_result.reset();
    return out;
}

} // namespace cs
