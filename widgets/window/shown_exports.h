// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace cs {

class CurvesGrid;
class ResultsWatcher;
class Session;

/// Writes what the window shows: the charts as an image, the table of the shown metrics and
/// runs, the report with the charts in it. Each write is marked as the window's own, so the
/// results watcher does not reload for it.
class ShownExports
{
    Q_DECLARE_TR_FUNCTIONS(ShownExports)
  public:
    /// Exports of session as curves shows it.
    ShownExports(const Session *session, CurvesGrid *curves, ResultsWatcher *watcher);

    /// The charts as shown (PNG, SVG or PDF by suffix). "" or why not.
    QString writeCharts(const QString &path) const;
    /// The table of the charts' metrics and the ticked runs in the format of the suffix (.csv,
    /// .md, .tex, .json); Markdown and LaTeX a column per metric with its interval. "" or why.
    QString writeTable(const QString &path) const;
    /// The report (Markdown or HTML by suffix) with the charts as shown: inside the HTML (a PNG
    /// data URI), as a PNG beside the Markdown. "" or why not.
    QString writeReport(const QString &path) const;

  private:
    const Session *m_session;
    CurvesGrid *m_curves;
    ResultsWatcher *m_watcher;
};

} // namespace cs
