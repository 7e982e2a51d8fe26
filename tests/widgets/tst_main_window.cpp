// SPDX-License-Identifier: MIT
// The window end to end: import on the worker thread, runs tree, curves, verdict, table.
#include "checkpoint_table.h"
#include "curves_grid.h"
#include "import_worker.h"
#include "main_window.h"
#include "session.h"
#include "verdict_panel.h"

#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTreeView>
#include <QtTest>

using namespace cs;

class TestMainWindow : public QObject
{
    Q_OBJECT
  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent list and window state in a test location
    }

    void opensTheSamples()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        QCOMPARE(int(window.session()->results().runs.size()), 6);
        auto *runsView = window.findChild<QTreeView *>("runsView");
        QVERIFY(runsView);
        QCOMPARE(runsView->model()->rowCount(),
                 4); // experiments: combined, coref_finetune, mlm_v2, simple
        QCOMPARE(window.curves()->charts().size(), 8); // 4 metrics × 2 lengths
        QVERIFY(window.verdict()->verdictText().contains(
            "mlm_v2_scratch_1536: keep checkpoint-390 (epoch 3.0)"));
        QCOMPARE(window.table()->model()->rowCount(), 38);
    }

    void uncheckingARunHidesIt()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        auto *model =
            qobject_cast<QStandardItemModel *>(window.findChild<QTreeView *>("runsView")->model());
        QStandardItem *run = nullptr;
        for (int e = 0; e < model->rowCount(); ++e)
            for (int l = 0; l < model->item(e)->rowCount(); ++l)
                for (int r = 0; r < model->item(e)->child(l)->rowCount(); ++r)
                    if (model->item(e)->child(l)->child(r)->text() == "simple_2048")
                        run = model->item(e)->child(l)->child(r);
        QVERIFY(run);
        run->setCheckState(Qt::Unchecked);
        QVERIFY(!window.session()->isRunVisible("simple_2048@2048"));
        QCOMPARE(window.table()->model()->rowCount(), 33);
        QVERIFY(!window.verdict()->verdictText().contains("simple_2048"));
    }

    void importCanBeCancelled()
    {
        ImportWorker worker;
        QSignalSpy done(&worker, &ImportWorker::finished);
        connect(
            &worker, &ImportWorker::progress, &worker,
            [&worker](int d) {
                if (d >= 1)
                    worker.cancel(); // on the worker thread: takes effect before the next file
            },
            Qt::DirectConnection);
        worker.start({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(done.wait(30000));
        const ResultSet partial = worker.takeResult();
        QVERIFY(std::any_of(partial.problems.begin(), partial.problems.end(), [](const Problem &p) {
            return p.message.find("cancelled") != std::string::npos;
        }));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
