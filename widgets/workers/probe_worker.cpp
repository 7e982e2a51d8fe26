// SPDX-License-Identifier: MIT
#include "workers/probe_worker.h"

namespace cs {

ProbeWorker::ProbeWorker(QObject *parent) : JobThread(parent) {}

ProbeWorker::~ProbeWorker()
{
    stopAndWait(); // the job writes m_rows
}

bool ProbeWorker::start(const std::vector<std::string> &checkpoints, const ProbeRequest &request)
{
    if (!readyToLaunch()) return false; // the last job no longer writes m_rows
    m_rows.clear();
    return launch([this, checkpoints, request](const std::atomic_bool &cancelled) {
        // Written before finished() is posted, read only after it arrives (the dialog starts
        // no other probe before that).
        QString error;
        try {
            m_rows =
                probeCheckpoints(checkpoints, request, [this, &cancelled](const ProbeProgress &p) {
                    emit progress(int(p.done), int(p.total), QString::fromStdString(p.checkpoint));
                    return !cancelled;
                });
        } catch (const std::exception &e) {
            error = QString::fromStdString(e.what());
        }
        return [this, stopped = bool(cancelled), error] { emit finished(stopped, error); };
    });
}

} // namespace cs
