// SPDX-License-Identifier: MIT
#pragma once

#include "report/report_builder.h"
#include "results/result_types.h"

#include <QColor>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace cs {

/// What the window shows: the imported results, the analysis settings, the analysis, and which
/// runs are visible. Every view listens to changed().
class Session : public QObject
{
    Q_OBJECT
  public:
    /// An empty session.
    explicit Session(QObject *parent = nullptr);

    /// Replaces the results (after an import) and re-analyses. Runs hidden before stay hidden
    /// when the same paths are re-read (a reload); new runs are shown.
    void setResults(ResultSet results, const QStringList &paths);
    /// Changes the analysis settings and re-analyses.
    void setSettings(const AnalysisSettings &settings);
    /// Shows or hides a run by key.
    void setRunVisible(const QString &key, bool visible);

    /// The imported results.
    const ResultSet &results() const { return *m_results; }
    /// The analysis of every run, same order as results().runs.
    const AnalysedResults &analysed() const { return m_analysed; }
    /// The current settings.
    const AnalysisSettings &settings() const { return m_analysed.settings; }
    /// The paths that were opened.
    const QStringList &paths() const { return m_paths; }
    /// Whether a run is shown.
    bool isRunVisible(const QString &key) const { return m_visible.contains(key); }
    /// Keys of the visible runs, in result order.
    QStringList visibleRuns() const;
    /// The colour of a run: one per experiment, stable while the results are.
    QColor runColour(int runIndex) const;
    /// Index of a run by key, or -1.
    int runIndex(const QString &key) const;
    /// Metric ids present in any run (only the shown ones when shownOnly), plus "score", in
    /// display order.
    QStringList metrics(bool shownOnly = false) const;
    /// Steps per epoch the user set, by run name (used by the next import, saved in workspaces).
    const QMap<QString, double> &userStepsPerEpoch() const { return m_userStepsPerEpoch; }
    /// Sets (or with value <= 0 clears) a run's steps per epoch; the next import uses it.
    void setUserStepsPerEpoch(const QString &runName, double value);
    /// Forgets every steps per epoch the user set (a workspace brings its own).
    void clearUserStepsPerEpoch();

  signals:
    /// Results or analysis are about to change (item models begin their reset here).
    void aboutToChange();
    /// Results or analysis changed: views rebuild.
    void changed();
    /// Only the visibility of runs changed.
    void visibilityChanged();

  private:
    std::shared_ptr<ResultSet> m_results;
    AnalysedResults m_analysed;
    QSet<QString> m_visible;
    QStringList m_paths;
    QMap<QString, double> m_userStepsPerEpoch;
};

} // namespace cs
