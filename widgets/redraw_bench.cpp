// SPDX-License-Identifier: MIT
#include "redraw_bench.h"

#include "checkpoint_model.h"
#include "curves_grid.h"
#include "results/result_loader.h"
#include "session.h"
#include "util/bench_tree.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPixmap>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <vector>

namespace cs {
namespace {

double medianMs(CurvesGrid &grid, int repeat)
{
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        grid.rebuild();
        const double built = double(t.nsecsElapsed()) / 1e6;
        // As the event loop would: delete the replaced chart items, then lay out and paint.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCoreApplication::processEvents();
        const QPixmap painted = grid.grab(); // lays out and paints every chart
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (qEnvironmentVariableIsSet("CLOZESCOPE_BENCH_DETAIL"))
            qInfo("build %.1f ms, total %.1f ms", built, ms.back());
        Q_UNUSED(painted);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
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
    const double multiples = medianMs(grid, repeat);
    const int charts = int(grid.charts().size());
    grid.setMetric("Real@1");
    const double single = medianMs(grid, repeat);
    return QStringLiteral("bench redraw: %1 runs × %2 checkpoints, %3 repetitions, 1600×1200 px\n"
                          "  small multiples (%4 charts): median %5 ms (target < 100 ms)\n"
                          "  one metric (Real@1, %6 charts): median %7 ms\n"
                          "  machine: %8, %9 threads, Qt %10, platform %11\n")
        .arg(runs)
        .arg(checkpoints)
        .arg(repeat)
        .arg(charts)
        .arg(multiples, 0, 'f', 1)
        .arg(grid.charts().size())
        .arg(single, 0, 'f', 1)
        .arg(QSysInfo::prettyProductName())
        .arg(QThread::idealThreadCount())
        .arg(QString::fromLatin1(qVersion()), QGuiApplication::platformName());
}

} // namespace cs
