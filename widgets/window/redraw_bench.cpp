// SPDX-License-Identifier: MIT
#include "window/redraw_bench.h"

#include "charts/curves_grid.h"
#include "models/checkpoint_model.h"
#include "models/session.h"
#include "results/result_loader.h"
#include "util/bench_tree.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPixmap>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <functional>
#include <vector>

namespace cs {
namespace {

/// As the event loop would after a change: delete the replaced chart items, lay out and paint
/// every chart.
void paint(CurvesGrid &grid)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    const QPixmap painted = grid.grab();
    Q_UNUSED(painted);
}

/// Median milliseconds over repeat times of: prepare (not timed, painted), then change and the
/// painting it causes.
double medianMs(CurvesGrid &grid, int repeat, const std::function<void()> &prepare,
                const std::function<void()> &change)
{
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        prepare();
        paint(grid);
        QElapsedTimer t;
        t.start();
        change();
        const double built = double(t.nsecsElapsed()) / 1e6;
        paint(grid);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (qEnvironmentVariableIsSet("CLOZESCOPE_BENCH_DETAIL"))
            qInfo("build %.1f ms, total %.1f ms", built, ms.back());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

/// One line of the report: what changed, the charts after it and the median.
QString line(const QString &what, const CurvesGrid &grid, double ms)
{
    return QStringLiteral("  %1 (%2 charts): median %3 ms (target < 100 ms)\n")
        .arg(what)
        .arg(grid.charts().size())
        .arg(ms, 0, 'f', 1);
}

} // namespace

QString runRedrawBenchmark(int runs, int checkpoints, int repeat)
{
    QTemporaryDir dir;
    writeBenchTree(dir.path().toStdString(), runs, checkpoints);
    Session session;
    session.setResults(loadResults({dir.path().toStdString()}), {dir.path()});
    CheckpointModel model(&session);
    CurvesGrid grid(&session, &model);
    grid.resize(1600, 1200);
    grid.setAttribute(Qt::WA_DontShowOnScreen);
    grid.show();
    QCoreApplication::processEvents();
    // Every change a user can make to what the charts show: a redraw (a setting), the x axis
    // either way, small multiples to one metric and back, each on both axes.
    const auto set = [&](const QString &metric, XAxis x) {
        return [&grid, metric, x] {
            grid.setMetric(metric);
            grid.setXAxis(x);
        };
    };
    QString report = QStringLiteral("bench redraw: %1 runs × %2 checkpoints, %3 repetitions, "
                                    "1600×1200 px\n")
                         .arg(runs)
                         .arg(checkpoints)
                         .arg(repeat);
    for (const XAxis x : {XAxis::Epoch, XAxis::Step}) {
        const QString axis = x == XAxis::Epoch ? "epoch" : "step";
        const XAxis other = x == XAxis::Epoch ? XAxis::Step : XAxis::Epoch;
        const QString otherName = x == XAxis::Epoch ? "step" : "epoch";
        double ms = medianMs(grid, repeat, set("", x), [&] { grid.rebuild(); });
        report += line("small multiples, x " + axis + ", redraw", grid, ms);
        ms = medianMs(grid, repeat, set("", other), [&] { grid.setXAxis(x); });
        report += line("small multiples, x " + otherName + " → " + axis, grid, ms);
        ms = medianMs(grid, repeat, set("", x), [&] { grid.setMetric("Real@1"); });
        report += line("small multiples → Real@1, x " + axis, grid, ms);
        ms = medianMs(grid, repeat, set("Real@1", other), [&] { grid.setXAxis(x); });
        report += line("Real@1, x " + otherName + " → " + axis, grid, ms);
        ms = medianMs(grid, repeat, set("Real@1", x), [&] { grid.setMetric(""); });
        report += line("Real@1 → small multiples, x " + axis, grid, ms);
    }
    return report + QStringLiteral("  machine: %1, %2 threads, Qt %3, platform %4\n")
                        .arg(QSysInfo::prettyProductName())
                        .arg(QThread::idealThreadCount())
                        .arg(QString::fromLatin1(qVersion()), QGuiApplication::platformName());
}

} // namespace cs
