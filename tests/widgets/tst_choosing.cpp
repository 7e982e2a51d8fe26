// SPDX-License-Identifier: MIT
// Choosing a checkpoint in the workbench: the score's interval drawn as a band, and a chart
// point's context menu opening the examples that changed since the previous checkpoint or the
// peak, each opening in the probe (the real Trainer run, evaluated with its per-example records).
#include "charts/curves_grid.h"
#include "charts/metric_chart.h"
#include "dialogs/flips_dialog.h"
#include "engine/eval_run.h"
#include "models/flips_model.h"
#include "models/session.h"
#include "results/metric_aliases.h"
#include "test_support.h"
#include "window/main_window.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace cs;

class TestChoosing : public QObject
{
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void scoreCurvesHaveBands()
    {
        // The composite score's interval (delta method on the samples) is drawn as a band, as
        // every metric's is.
        MainWindow window;
        window.resize(1500, 950);
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        window.curves()->setMetric(QString::fromStdString(metric::Score));
        QCoreApplication::processEvents();
        QVERIFY(!window.curves()->charts().isEmpty());
        int bands = 0;
        for (MetricChart *chart : window.curves()->charts())
            for (QAbstractSeries *series : chart->series())
                bands += overlayOf(series) == Overlay::IntervalBand && series->isVisible();
        QVERIFY2(bands >= 2, qPrintable(QString::number(bands)));
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty())
            window.grab().save(QString::fromLocal8Bit(dir) + "/score-bands.png");
    }

    void flipsFromAPointsMenu()
    {
        // The real Trainer run's three checkpoints with weights, evaluated with their records.
        QTemporaryDir tmp;
        const std::string data = CLOZESCOPE_TEST_DATA;
        std::vector<std::string> checkpoints;
        for (const char *c : {"checkpoint-63", "checkpoint-315", "checkpoint-625"}) {
            const QString dir = tmp.filePath(QString("mlm_synth_128/") + c);
            QVERIFY(test::copyFiles(data + "/trainer-run/mlm_synth_128/" + c, dir,
                                    {"config.json", "model.safetensors", "tokenizer.json",
                                     "tokenizer_config.json", "trainer_state.json"}));
            checkpoints.push_back(dir.toStdString());
        }
        std::vector<std::string> warnings;
        const auto sets = loadEvalDatasets(
            {{"real", data + "/cloze/real.jsonl"}, {"lambada", data + "/cloze/lambada.jsonl"}},
            warnings);
        EvalRunOptions o;
        o.outDir = tmp.filePath("out").toStdString(); // results go in out/mlm_synth_128
        o.cloze.maxLength = 128;
        QCOMPARE(evaluateCheckpoints(checkpoints, sets, o, [](const std::string &) {}), 3);
        for (const char *set : {"real.jsonl", "lambada.jsonl"}) // their texts beside the results
            QVERIFY(QFile::copy(QString::fromStdString(data + "/cloze/") + set,
                                tmp.filePath("out/mlm_synth_128/") + set));

        MainWindow window;
        window.resize(1500, 950);
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({tmp.filePath("out")});
        QVERIFY(shown.wait(30000));
        QCOMPARE(int(window.session()->results().runs.size()), 1);

        // The first checkpoint has nothing before it; lambada@10 peaks at checkpoint-315.
        std::unique_ptr<QMenu> first(window.pointMenu(0, 0, "lambada@10"));
        QVERIFY(!first->findChild<QAction *>("flipsSincePrevious")->isEnabled());
        std::unique_ptr<QMenu> menu(window.pointMenu(0, 2, "lambada@10"));
        QVERIFY(menu->findChild<QAction *>("flipsSincePrevious")->isEnabled());
        QAction *sincePeak = menu->findChild<QAction *>("flipsSincePeak");
        QVERIFY(sincePeak && sincePeak->isEnabled());
        sincePeak->trigger();
        auto *dialog = window.findChild<FlipsDialog *>("flipsDialog");
        QVERIFY(dialog && dialog->isVisible());
        QAbstractItemModelTester tester(dialog->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const DescribedFlips &d = dialog->model()->flips();
        QCOMPARE(d.from, std::string("checkpoint-315"));
        QCOMPARE(d.to, std::string("checkpoint-625"));
        QVERIFY(!d.flips.lost.empty());
        QCOMPARE(dialog->model()->rowCount(), int(d.flips.lost.size() + d.flips.gained.size()));
        QVERIFY2(
            dialog->summary().contains(QString("%1 right → wrong, %2 wrong → right of 300 examples")
                                           .arg(d.flips.lost.size())
                                           .arg(d.flips.gained.size())),
            qPrintable(dialog->summary()));
        const QModelIndex firstRow = dialog->model()->index(0, FlipsModel::TextColumn);
        QVERIFY2(firstRow.data().toString().contains("[MASK]"),
                 d.problems.empty() ? "no problem said" : problemLine(d.problems[0]).c_str());
        QVERIFY(firstRow.siblingAtColumn(0).data(FlipsModel::LostRole).toBool());
        QVERIFY(firstRow.siblingAtColumn(FlipsModel::RankAfterColumn).data().toString() == ">10");

        // Each example opens in the probe, on the run's folder with the evaluation's settings.
        ProbeSetup asked;
        connect(dialog, &FlipsDialog::probeRequested, this,
                [&asked](const ProbeSetup &setup) { asked = setup; });
        dialog->probeCurrent();
        QCOMPARE(asked.text, firstRow.data().toString());
        QCOMPARE(QDir(asked.folder).canonicalPath(),
                 QDir(tmp.filePath("mlm_synth_128")).canonicalPath());
        QCOMPARE(asked.maxLength, 128);
        QVERIFY(!asked.targets.isEmpty());
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            QCoreApplication::processEvents();
            dialog->grab().save(QString::fromLocal8Bit(dir) + "/flips.png");
        }

        // A right click on a point of the score's chart asks for its menu; the score's flips
        // are those of the run's criterion, Real@1.
        window.curves()->setMetric(QString::fromStdString(metric::Score));
        QCoreApplication::processEvents();
        MetricChart *chart = window.curves()->charts().front();
        QSignalSpy asks(window.curves(), &CurvesGrid::checkpointMenuRequested);
        const double score = *window.session()->analysed().analyses[0].composite[2];
        QVERIFY(chart->menuAt(chart->mapToPosition({5.0, score}), 8, QPoint()));
        QCOMPARE(asks.size(), 1);
        QCOMPARE(asks[0][1].toInt(), 2);
        std::unique_ptr<QMenu> scoreMenu(
            window.pointMenu(0, 2, QString::fromStdString(metric::Score)));
        QVERIFY(scoreMenu->findChild<QAction *>("flipsSincePrevious")->isEnabled());
        QVERIFY(!scoreMenu->findChild<QAction *>("flipsSincePeak")->isEnabled()); // it is the peak
        scoreMenu->findChild<QAction *>("flipsSincePrevious")->trigger();
        QCOMPARE(dialog->model()->flips().flips.metric, metric::Real1);
    }
};

QTEST_MAIN(TestChoosing)
#include "tst_choosing.moc"
