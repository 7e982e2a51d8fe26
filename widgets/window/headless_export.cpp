// SPDX-License-Identifier: MIT
#include "window/headless_export.h"

#include "charts/chart_export.h"
#include "charts/curves_grid.h"
#include "models/checkpoint_model.h"
#include "models/session.h"
#include "results/result_loader.h"

#include <QCoreApplication>

namespace cs {

QString exportChartHeadless(const QStringList &paths, const QString &file, const QString &metric,
                            XAxis x, QStringList *problems)
{
    std::vector<std::string> list;
    for (const QString &p : paths)
        list.push_back(p.toStdString());
    Session session;
    ResultSet results = loadResults(list);
    for (const Problem &p : results.problems)
        if (problems && p.severity != Severity::Info)
            *problems << QString::fromStdString(problemLine(p));
    if (results.runs.empty())
        return QCoreApplication::translate("cs", "no runs found in %1").arg(paths.join(", "));
    session.setResults(std::move(results), paths);
    CheckpointModel model(&session);
    CurvesGrid grid(&session, &model);
    if (!metric.isEmpty() && !session.metrics().contains(metric))
        return QCoreApplication::translate("cs", "no run has the metric %1; available: %2")
            .arg(metric, session.metrics().join(", "));
    grid.setMetric(metric);
    grid.setXAxis(x);
    const int rows = std::max<int>(1, int(grid.rowMetrics().size()));
    grid.resize(metric.isEmpty() ? 1600 : 1000, metric.isEmpty() ? 340 * rows : 600);
    grid.setAttribute(Qt::WA_DontShowOnScreen);
    grid.show();
    QCoreApplication::processEvents();
    return exportWidget(&grid, file);
}

} // namespace cs
