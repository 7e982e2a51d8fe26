// SPDX-License-Identifier: MIT
#include "models/session.h"

#include "analysis/run_analysis.h"
#include "results/metric_aliases.h"

#include <algorithm>

namespace cs {

Session::Session(QObject *parent) : QObject(parent), m_results(std::make_shared<ResultSet>())
{
    m_analysed = analyseAll(*m_results, AnalysisSettings{});
}

void Session::setResults(ResultSet results, const QStringList &paths)
{
    // A run the user hid stays hidden across reloads; new runs are shown.
    QSet<QString> hidden;
    for (const Run &r : m_results->runs)
        if (!m_visible.contains(QString::fromStdString(r.key())))
            hidden.insert(QString::fromStdString(r.key()));
    if (paths != m_paths) hidden.clear();
    emit aboutToChange();
    const AnalysisSettings settings = m_analysed.settings;
    m_results = std::make_shared<ResultSet>(std::move(results));
    m_paths = paths;
    m_analysed = analyseAll(*m_results, settings);
    m_visible.clear();
    for (const Run &r : m_results->runs)
        if (!hidden.contains(QString::fromStdString(r.key())))
            m_visible.insert(QString::fromStdString(r.key()));
    emit changed();
}

void Session::setSettings(const AnalysisSettings &settings)
{
    emit aboutToChange();
    m_analysed = analyseAll(*m_results, settings);
    emit changed();
}

void Session::clearUserStepsPerEpoch()
{
    m_userStepsPerEpoch.clear();
}

void Session::setRunVisible(const QString &key, bool visible)
{
    if (visible == m_visible.contains(key)) return;
    if (visible)
        m_visible.insert(key);
    else
        m_visible.remove(key);
    emit visibilityChanged();
}

void Session::setUserStepsPerEpoch(const QString &runName, double value)
{
    if (value > 0)
        m_userStepsPerEpoch[runName] = value;
    else
        m_userStepsPerEpoch.remove(runName);
}

QStringList Session::visibleRuns() const
{
    QStringList out;
    for (const Run &r : m_results->runs)
        if (m_visible.contains(QString::fromStdString(r.key())))
            out << QString::fromStdString(r.key());
    return out;
}

QColor Session::runColour(int runIndex) const
{
    // One colour per experiment, so a run keeps its colour across the sequence-length columns.
    if (runIndex >= 0 && runIndex < int(m_results->runs.size())) {
        std::vector<std::string> experiments;
        for (const Run &r : m_results->runs)
            if (std::find(experiments.begin(), experiments.end(), r.experiment) ==
                experiments.end())
                experiments.push_back(r.experiment);
        runIndex = int(std::find(experiments.begin(), experiments.end(),
                                 m_results->runs[std::size_t(runIndex)].experiment) -
                       experiments.begin());
    }
    // Okabe–Ito palette (colour-blind safe), then hues spaced by the golden angle.
    static const QColor palette[] = {
        QColor(0, 114, 178), QColor(213, 94, 0),   QColor(0, 158, 115),   QColor(204, 121, 167),
        QColor(230, 159, 0), QColor(86, 180, 233), QColor(120, 120, 120), QColor(240, 228, 66)};
    if (runIndex >= 0 && runIndex < 8) return palette[runIndex];
    return QColor::fromHsv((runIndex * 137) % 360, 200, 190);
}

int Session::runIndex(const QString &key) const
{
    for (int i = 0; i < int(m_results->runs.size()); ++i)
        if (QString::fromStdString(m_results->runs[i].key()) == key) return i;
    return -1;
}

QStringList Session::metrics(bool shownOnly) const
{
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < m_results->runs.size(); ++i) {
        if (shownOnly && !isRunVisible(QString::fromStdString(m_results->runs[i].key()))) continue;
        for (const auto &m : runMetrics(m_results->runs[i], &m_analysed.analyses[i]))
            ids.push_back(m);
    }
    QStringList out;
    for (const auto &id : MetricAliases::ordered(ids))
        out << QString::fromStdString(id);
    return out;
}

} // namespace cs
