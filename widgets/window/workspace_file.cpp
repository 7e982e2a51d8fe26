// SPDX-License-Identifier: MIT
#include "window/workspace_file.h"

#include "formats/workspace_format.h"

namespace cs {
namespace {

QStringList qStrings(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out << QString::fromStdString(s);
    return out;
}

std::vector<std::string> stdStrings(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

QString saveWorkspace(const Workspace &w, const QString &path)
{
    WorkspaceFile file;
    file.paths = stdStrings(w.paths);
    file.hiddenRuns = stdStrings(w.hiddenRuns);
    file.settings = w.settings;
    for (auto it = w.stepsPerEpoch.begin(); it != w.stepsPerEpoch.end(); ++it)
        file.runs[it.key().toStdString()].stepsPerEpoch = it.value();
    file.metric = w.metric.toStdString();
    file.xAxis = w.xAxis.toStdString();
    file.windowState = w.windowState.toBase64().toStdString();
    file.geometry = w.geometry.toBase64().toStdString();
    return QString::fromStdString(saveWorkspaceFile(file, path.toStdString()));
}

QString loadWorkspace(const QString &path, Workspace &out)
{
    WorkspaceFile file;
    if (const std::string error = loadWorkspaceFile(path.toStdString(), file); !error.empty())
        return QString::fromStdString(error);
    Workspace w;
    w.paths = qStrings(file.paths);
    w.hiddenRuns = qStrings(file.hiddenRuns);
    w.settings = file.settings;
    for (const auto &[name, run] : file.runs)
        if (run.stepsPerEpoch) w.stepsPerEpoch[QString::fromStdString(name)] = *run.stepsPerEpoch;
    w.metric = QString::fromStdString(file.metric);
    w.xAxis = QString::fromStdString(file.xAxis);
    w.windowState = QByteArray::fromBase64(QByteArray::fromStdString(file.windowState));
    w.geometry = QByteArray::fromBase64(QByteArray::fromStdString(file.geometry));
    out = w;
    return {};
}

} // namespace cs
