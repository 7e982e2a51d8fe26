// SPDX-License-Identifier: MIT
// MainWindow's flips: a chart point's context menu and the flips dialog it opens.
#include "window/main_window.h"

#include "dialogs/flips_dialog.h"
#include "models/session.h"
#include "results/metric_aliases.h"

#include <QLabel>
#include <QMenu>

#ifdef CLOZESCOPE_HAVE_ENGINE
#include "dialogs/probe_dialog.h"
#endif

namespace cs {
namespace {

/// The metric whose examples flip: the shown one, or for the score the run's criterion (else
/// Real@1), since the score has no per-example right or wrong.
std::string flipsMetric(const RunAnalysis &ra, const QString &shown)
{
    const std::string m = shown.toStdString();
    if (m != metric::Score) return m;
    return ra.criterion != metric::Score && !ra.criterion.empty() ? ra.criterion : metric::Real1;
}

} // namespace

QMenu *MainWindow::pointMenu(int runIndex, int checkpointIndex, const QString &metric)
{
    auto *menu = new QMenu(this);
    menu->setObjectName("pointMenu");
    const auto &runs = m_session->results().runs;
    if (runIndex < 0 || runIndex >= int(runs.size())) return menu;
    const Run &run = runs[std::size_t(runIndex)];
    const RunAnalysis &ra = m_session->analysed().analyses[std::size_t(runIndex)];
    const MetricAnalysis *shown = ra.find(metric.toStdString());
    const std::string flipped = flipsMetric(ra, metric);
    // The checkpoint before this one on the shown curve, and the curve's peak.
    std::optional<std::size_t> previous, peak;
    if (shown) {
        for (std::size_t i : shown->points)
            if (int(i) < checkpointIndex) previous = i;
        if (!shown->points.empty() && int(shown->peak) != checkpointIndex) peak = shown->peak;
    }
    const auto add = [&](const QString &text, std::optional<std::size_t> from,
                         const QString &objectName) {
        QAction *a = menu->addAction(text);
        a->setObjectName(objectName);
        std::string why = "no such checkpoint";
        if (from && flipsBetween(run.checkpoints[*from],
                                 run.checkpoints[std::size_t(checkpointIndex)], flipped, &why)) {
            const int f = int(*from);
            connect(a, &QAction::triggered, this, [this, runIndex, f, checkpointIndex, metric] {
                showFlips(runIndex, f, checkpointIndex, metric);
            });
        } else {
            a->setEnabled(false);
            a->setText(text + " (" + QString::fromStdString(why) + ")");
        }
    };
    add(tr("Flips since the previous checkpoint"), previous, "flipsSincePrevious");
    add(tr("Flips since the peak"), peak, "flipsSincePeak");
    return menu;
}

FlipsDialog *MainWindow::showFlips(int runIndex, int from, int to, const QString &metric)
{
    const auto &runs = m_session->results().runs;
    if (runIndex < 0 || runIndex >= int(runs.size())) return nullptr;
    const Run &run = runs[std::size_t(runIndex)];
    if (from < 0 || to < 0 || from >= int(run.checkpoints.size()) ||
        to >= int(run.checkpoints.size()))
        return nullptr;
    const std::string flipped =
        flipsMetric(m_session->analysed().analyses[std::size_t(runIndex)], metric);
    std::string why;
    auto flips = describeFlips(run.checkpoints[std::size_t(from)], run.checkpoints[std::size_t(to)],
                               flipped, {}, &why);
    if (!flips) {
        m_status->setText(tr("No flips: %1").arg(QString::fromStdString(why)));
        return nullptr;
    }
    if (!m_flipsDialog) {
#ifdef CLOZESCOPE_HAVE_ENGINE
        m_flipsDialog = new FlipsDialog(true, this);
        connect(m_flipsDialog, &FlipsDialog::probeRequested, this,
                [this](const ProbeSetup &setup) { openProbeDialog()->probe(setup); });
#else
        m_flipsDialog = new FlipsDialog(false, this);
#endif
    }
    m_flipsDialog->showFlips(QString::fromStdString(run.displayName()), std::move(*flips));
    m_flipsDialog->show();
    m_flipsDialog->raise();
    return m_flipsDialog;
}

} // namespace cs
