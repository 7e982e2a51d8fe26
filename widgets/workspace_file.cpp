// SPDX-License-Identifier: MIT
#include "workspace_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace cs {

QString saveWorkspace(const Workspace &w, const QString &path)
{
    QJsonObject weights, runs;
    for (const auto &[metric, weight] : w.settings.weights)
        weights[QString::fromStdString(metric)] = weight;
    for (auto it = w.stepsPerEpoch.begin(); it != w.stepsPerEpoch.end(); ++it)
        runs[it.key()] = QJsonObject{{"steps_per_epoch", it.value()}};
    const QJsonObject settings{
        {"weights", weights},
        {"alpha", w.settings.alpha},
        {"criterion", QString::fromStdString(w.settings.criterion)},
        {"early_stop", QJsonObject{{"metric", QString::fromStdString(w.settings.earlyStop.metric)},
                                   {"patience", w.settings.earlyStop.patience},
                                   {"threshold", w.settings.earlyStop.threshold}}}};
    const QJsonObject view{{"metric", w.metric},
                           {"x", w.xAxis},
                           {"window_state", QString::fromLatin1(w.windowState.toBase64())},
                           {"geometry", QString::fromLatin1(w.geometry.toBase64())}};
    const QJsonObject doc{{"format", "clozescope-workspace"},
                          {"version", 1},
                          {"paths", QJsonArray::fromStringList(w.paths)},
                          {"hidden_runs", QJsonArray::fromStringList(w.hiddenRuns)},
                          {"settings", settings},
                          {"view", view},
                          {"runs", runs}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    file.write(QJsonDocument(doc).toJson());
    if (!file.commit()) return QObject::tr("%1: cannot write (%2)").arg(path, file.errorString());
    return {};
}

QString loadWorkspace(const QString &path, Workspace &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QObject::tr("%1: cannot open (%2)").arg(path, file.errorString());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return QObject::tr("%1: byte %2: %3").arg(path).arg(error.offset).arg(error.errorString());
    const QJsonObject o = doc.object();
    if (o.value("format").toString() != "clozescope-workspace")
        return QObject::tr(
                   "%1: not a ClozeScope workspace (no \"format\": \"clozescope-workspace\")")
            .arg(path);
    if (o.value("version").toInt() > 1)
        return QObject::tr("%1: workspace version %2 is newer than this ClozeScope reads (1)")
            .arg(path)
            .arg(o.value("version").toInt());
    Workspace w;
    const QDir base = QFileInfo(path).absoluteDir();
    for (const auto &p : o.value("paths").toArray())
        w.paths << QDir::cleanPath(base.absoluteFilePath(p.toString()));
    for (const auto &r : o.value("hidden_runs").toArray())
        w.hiddenRuns << r.toString();
    const QJsonObject s = o.value("settings").toObject();
    if (s.contains("weights")) {
        w.settings.weights.clear();
        const QJsonObject weights = s.value("weights").toObject();
        for (auto it = weights.begin(); it != weights.end(); ++it)
            w.settings.weights[it.key().toStdString()] = it.value().toDouble();
    }
    w.settings.alpha = s.value("alpha").toDouble(w.settings.alpha);
    w.settings.criterion = s.value("criterion").toString().toStdString();
    const QJsonObject es = s.value("early_stop").toObject();
    w.settings.earlyStop.metric = es.value("metric").toString().toStdString();
    w.settings.earlyStop.patience = es.value("patience").toInt(w.settings.earlyStop.patience);
    w.settings.earlyStop.threshold = es.value("threshold").toDouble(0.0);
    const QJsonObject runs = o.value("runs").toObject();
    for (auto it = runs.begin(); it != runs.end(); ++it)
        if (const double spe = it.value().toObject().value("steps_per_epoch").toDouble(); spe > 0)
            w.stepsPerEpoch[it.key()] = spe;
    const QJsonObject view = o.value("view").toObject();
    w.metric = view.value("metric").toString();
    w.xAxis = view.value("x").toString("epoch");
    w.windowState = QByteArray::fromBase64(view.value("window_state").toString().toLatin1());
    w.geometry = QByteArray::fromBase64(view.value("geometry").toString().toLatin1());
    out = w;
    return {};
}

} // namespace cs
