// SPDX-License-Identifier: MIT
// Probe… end to end, offscreen: the window's run folder is proposed, every checkpoint of a real
// Trainer run is probed on the worker thread, the table shows epoch × rank and the followed
// word's curve follows the epochs; a folder that is not a run is refused with the reason; a
// failing example of an evaluation opens in the probe with the same number as the evaluation.
#include "dialogs/probe_dialog.h"
#include "models/examples_model.h"
#include "models/probe_model.h"
#include "panels/checkpoint_table.h"
#include "panels/examples_panel.h"
#include "window/main_window.h"

#include "engine/eval_run.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

namespace {

const QString kRun = QString(CLOZESCOPE_TEST_DATA) + "/trainer-run/mlm_synth_128";
const QString kText = QStringLiteral("정현우는 세종에서 열린 경기에서 두 골을 넣었다 . 감독은 경기 "
                                     "후 인터뷰에서 [MASK] 활약을 높이 평가했다 .");
const QString kWord = QStringLiteral("정현우의");

} // namespace

class TestProbeDialog : public QObject
{
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void probesEveryCheckpointOfTheShownRun()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({kRun});
        QVERIFY(shown.wait(30000));
        ProbeDialog *dialog = window.openProbeDialog();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->findChild<QLineEdit *>("folderEdit")->text(), kRun);
        QAbstractItemModelTester tester(const_cast<ProbeModel *>(&dialog->model()),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog->setText(kText, {kWord, QStringLiteral("강지민의")});
        QSignalSpy ended(dialog, &ProbeDialog::probeEnded);
        dialog->findChild<QPushButton *>("probeButton")->click();
        QVERIFY(dialog->isRunning() || !ended.isEmpty());
        QVERIFY(ended.count() == 1 || ended.wait(120000));
        QCOMPARE(ended.first()[0].toInt(), 3); // the checkpoints that kept their weights
        QCOMPARE(ended.first()[1].toBool(), false);

        const ProbeModel &model = dialog->model();
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.columnCount(), 2 + 5 + 2); // checkpoint, epoch, top 5, two words
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QString("#1"));
        QCOMPARE(model.headerData(7, Qt::Horizontal).toString(), "p(" + kWord + ")");
        QCOMPARE(model.index(9, 0).data().toString(), QString("checkpoint-625"));
        QCOMPARE(model.index(9, 1).data().toString(), QString("5.00"));
        QCOMPARE(model.index(9, 1).data(ProbeModel::EpochRole).toDouble(), 5.0);
        QCOMPARE(model.index(1, 2).data().toString(), QString("failed"));
        QVERIFY(model.index(1, 2).data(Qt::ToolTipRole).toString().contains("checkpoint-126"));
        for (int row : {0, 4, 9}) {
            const ProbeRow &probe = model.rows()[std::size_t(row)];
            QVERIFY2(probe.error.empty(), probe.error.c_str());
            for (int rank = 0; rank < 5; ++rank) {
                const QModelIndex cell = model.index(row, model.candidateColumn(0, rank));
                const FillCandidate &c = probe.result.perMask[0][std::size_t(rank)];
                QCOMPARE(cell.data(ProbeModel::TokenRole).toString(),
                         QString::fromStdString(c.tokens[0]));
                QCOMPARE(cell.data(ProbeModel::ProbabilityRole).toDouble(), c.prob);
                QVERIFY(cell.data().toString().endsWith(QString::number(c.prob, 'f', 3)));
            }
            QCOMPARE(model.index(row, model.targetColumn(kWord)).data(ProbeModel::ProbabilityRole),
                     QVariant(*targetProbability(probe, kWord.toStdString())));
        }
        // The curve: one series per followed word, a point per answered checkpoint, by epoch.
        const auto series = dialog->chart()->series();
        QCOMPARE(series.size(), 2);
        auto *line = qobject_cast<QLineSeries *>(series[0]);
        QCOMPARE(line->name(), kWord);
        QCOMPARE(line->count(), 3);
        QCOMPARE(line->at(0).x(), 0.504);
        QCOMPARE(line->at(2).x(), 5.0);
        QVERIFY(line->at(0).y() < line->at(1).y() && line->at(1).y() < line->at(2).y());
        const auto *status = dialog->findChild<QLabel *>("statusLabel");
        QVERIFY2(status->text().startsWith("3 checkpoint(s) answered; 7 failed (first: "),
                 qPrintable(status->text()));
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            QCoreApplication::processEvents(); // the chart lays out its axes on the next pass
            dialog->grab().save(QString::fromLocal8Bit(dir) + "/probe.png");
        }
    }

    void followedWordAmongTheCandidatesIsBold()
    {
        // Follow the word checkpoint-625 ranks first: that cell, and only it, is bold.
        const QString checkpoint = kRun + "/checkpoint-625";
        ProbeRequest request;
        request.text = kText.toStdString();
        const std::string top =
            probeCheckpoints({checkpoint.toStdString()}, request)[0].result.perMask[0][0].tokens[0];
        ProbeDialog dialog;
        QSignalSpy ended(&dialog, &ProbeDialog::probeEnded);
        QVERIFY(dialog.probe({checkpoint, kText, {QString::fromStdString(top)}, 0, 64, {}}));
        QVERIFY(!dialog.probe({kRun, "다른 [MASK]", {}, 0, 64, {}}));       // one probe at a time
        QCOMPARE(dialog.findChild<QLineEdit *>("textEdit")->text(), kText); // fields kept
        QVERIFY(dialog.findChild<QLabel *>("statusLabel")->text().contains("running"));
        QVERIFY(ended.count() == 1 || ended.wait(120000));
        const ProbeModel &model = dialog.model();
        for (int rank = 0; rank < 5; ++rank)
            QCOMPARE(model.index(0, model.candidateColumn(0, rank)).data(Qt::FontRole).isValid(),
                     rank == 0);
    }

    void everyCheckpointFailingStillShowsWhy()
    {
        QTemporaryDir dir;
        test::makeRun(dir.path().toStdString(), kRun.toStdString() + "/checkpoint-126",
                      {"checkpoint-1", "checkpoint-2"}); // no weights, no tokenizer
        ProbeDialog dialog;
        QSignalSpy ended(&dialog, &ProbeDialog::probeEnded);
        QVERIFY(dialog.probe({dir.path(), kText, {}, 0, 64, {}}));
        QVERIFY(ended.count() == 1 || ended.wait(120000));
        QCOMPARE(ended.first()[0].toInt(), 0);
        QCOMPARE(dialog.model().rowCount(), 2);
        QCOMPARE(dialog.model().index(1, ProbeModel::FirstCandidateColumn).data().toString(),
                 QString("failed"));
    }

    void failingExampleOpensInTheProbe()
    {
        // Evaluate the last checkpoint on 30 examples of the real set, as Evaluate… does.
        QTemporaryDir tmp;
        const std::string set = test::writeFile(
            tmp, "sets/real.jsonl",
            QByteArray::fromStdString(test::firstLines(test::dataPath("cloze/real.jsonl"), 30)));
        std::vector<std::string> warnings;
        EvalRunOptions options;
        options.outDir = tmp.filePath("results").toStdString();
        options.cloze.maxLength = 17; // the texts (19 tokens) cut around the mask
        options.cloze.rightKeep = 2;
        const std::string checkpoint = (kRun + "/checkpoint-625").toStdString();
        QCOMPARE(evaluateCheckpoints({checkpoint}, loadEvalDatasets({{"real", set}}, warnings),
                                     options, [](const std::string &) {}),
                 1);

        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({tmp.filePath("results")});
        QVERIFY(shown.wait(30000));
        ExamplesPanel *panel = window.examples();
        QCOMPARE(panel->model().rowCount(), 0);
        QAbstractItemModelTester tester(const_cast<ExamplesModel *>(&panel->model()),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy examplesShown(panel, &ExamplesPanel::examplesShown);
        QTableView *table = window.table(); // the checkpoint's row
        table->setCurrentIndex(table->model()->index(0, 0));
        QVERIFY(examplesShown.wait(30000));
        // The results record the set's path, outside their folder: not read until the user
        // chooses the set (Locate set…, or an evaluation run from this window).
        auto *locate = panel->findChild<QPushButton *>("locateSetButton");
        QVERIFY(!locate->isHidden());
        QCOMPARE(panel->model().examples().missingSets.size(), std::size_t(1));
        QCOMPARE(panel->model().examples().missingSets[0].recorded, set);
        QVERIFY(panel->model().examples().examples.front().text.empty());
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            window.findChild<QTabWidget *>()->setCurrentWidget(panel);
            QCoreApplication::processEvents();
            window.grab().save(QString::fromLocal8Bit(dir) + "/examples-locate.png");
        }
        panel->addChosenSets({QString::fromStdString(set)});
        QVERIFY(examplesShown.wait(30000));
        QVERIFY(locate->isHidden());
        const ExamplesModel &examples = panel->model();
        QCOMPARE(examples.rowCount(), 30);
        QVERIFY(examples.examples().problems.empty());
        int failing = 0;
        for (const EvaluatedExample &e : examples.examples().examples) {
            failing += e.failed();
            QVERIFY(!e.text.empty() && !e.answers.empty());
        }
        QVERIFY(failing > 0 && failing < 30);
        QCOMPARE(panel->view()->model()->rowCount(), failing); // failing only, worst first
        QVERIFY(panel->findChild<QLabel *>("examplesSummary")
                    ->text()
                    .contains(QString::number(failing)));

        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            window.findChild<QTabWidget *>()->setCurrentWidget(panel);
            QCoreApplication::processEvents();
            window.grab().save(QString::fromLocal8Bit(dir) + "/examples.png");
        }

        // The worst example in the probe, on the evaluated checkpoint, its answer followed.
        panel->view()->setCurrentIndex(panel->view()->model()->index(0, 0));
        const EvaluatedExample worst =
            examples.examples()
                .examples[std::size_t(static_cast<QSortFilterProxyModel *>(panel->view()->model())
                                          ->mapToSource(panel->view()->currentIndex())
                                          .row())];
        QVERIFY(worst.failed());
        std::string error;
        const auto tokenizer = loadCheckpointTokenizer(checkpoint, "", error);
        QVERIFY2(tokenizer, error.c_str());
        QVERIFY(tokenizer->encode(worst.text).ids.size() > 17); // it was cut
        panel->findChild<QPushButton *>("probeExampleButton")->click();
        ProbeDialog *dialog = window.openProbeDialog();
        QSignalSpy ended(dialog, &ProbeDialog::probeEnded);
        QVERIFY2(dialog->isRunning() || ended.count() == 1,
                 qPrintable(dialog->findChild<QLabel *>("statusLabel")->text()));
        QVERIFY(ended.count() == 1 || ended.wait(120000));
        QCOMPARE(dialog->findChild<QLineEdit *>("folderEdit")->text(),
                 QFileInfo(QString::fromStdString(checkpoint)).absoluteFilePath());
        QCOMPARE(dialog->model().rowCount(), 1);
        const ProbeRow &row = dialog->model().rows()[0];
        QVERIFY2(row.error.empty(), row.error.c_str());
        // The probe scores the answer as the evaluation did.
        const auto p = targetProbability(row, worst.answers[0]);
        QVERIFY(p && worst.goldLogprob);
        QVERIFY2(qAbs(std::log(*p) - *worst.goldLogprob) < 1e-4,
                 qPrintable(QString("%1 vs %2").arg(std::log(*p)).arg(*worst.goldLogprob)));
        QCOMPARE(dialog->findChild<QSpinBox *>("maxLengthSpin")->value(), 17); // as evaluated
        // Its rank: the evaluation's best filling of a one-token answer is the probe's first.
        if (worst.best.size() == 1) QCOMPARE(row.result.perMask[0][0].tokens, worst.best);

        // Results copied to a machine without the checkpoint: said in the tab, no probe.
        const QString moved = tmp.filePath("moved.results.json");
        QFile original(QString::fromStdString(examples.examples().resultsFile));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray text = original.readAll();
        text.replace(QFileInfo(QString::fromStdString(checkpoint)).absoluteFilePath().toUtf8(),
                     "/gone/checkpoint-625");
        QFile copy(moved);
        QVERIFY(copy.open(QIODevice::WriteOnly) && copy.write(text) > 0);
        copy.close();
        QVERIFY(QFile::copy(QFileInfo(original).dir().filePath("checkpoint-625.examples.jsonl"),
                            tmp.filePath("checkpoint-625.examples.jsonl")));
        panel->showResults(moved, "checkpoint-625", "moved");
        QVERIFY(examplesShown.wait(30000));
        QSignalSpy requested(panel, &ExamplesPanel::probeRequested);
        panel->probeCurrent();
        QCOMPARE(requested.count(), 0);
        QVERIFY2(panel->findChild<QLabel *>("examplesSummary")->text().contains("/gone/"),
                 qPrintable(panel->findChild<QLabel *>("examplesSummary")->text()));
    }

    void refusesWhatIsNotARun()
    {
        ProbeDialog dialog;
        QSignalSpy ended(&dialog, &ProbeDialog::probeEnded);
        dialog.setFolder(QString(CLOZESCOPE_TEST_DATA) + "/cloze");
        dialog.setText(kText);
        dialog.start();
        QVERIFY(!dialog.isRunning());
        const auto *status = dialog.findChild<QLabel *>("statusLabel");
        QVERIFY2(status->text().contains("neither a checkpoint"), qPrintable(status->text()));
        dialog.setFolder(kRun + "/checkpoint-63");
        dialog.setText("  ");
        dialog.start();
        QVERIFY(!dialog.isRunning());
        QVERIFY(status->text().contains("[MASK]"));
        QCOMPARE(ended.count(), 0);
    }

    void cancelStopsAfterTheCheckpointInProgress()
    {
        ProbeDialog dialog;
        dialog.setFolder(kRun);
        dialog.setText(kText);
        QSignalSpy ended(&dialog, &ProbeDialog::probeEnded);
        dialog.start();
        dialog.cancel();
        QVERIFY(ended.count() == 1 || ended.wait(120000));
        QCOMPARE(ended.first()[1].toBool(), true);
        QVERIFY(dialog.model().rowCount() < 10);
        QVERIFY(dialog.findChild<QLabel *>("statusLabel")->text().contains("stopped"));
    }
};

QTEST_MAIN(TestProbeDialog)
#include "tst_probe_dialog.moc"
