// SPDX-License-Identifier: MIT
// Probe… end to end, offscreen: the window's run folder is proposed, every checkpoint of a real
// Trainer run is probed on the worker thread, the table shows epoch × rank and the followed
// word's curve follows the epochs; a folder that is not a run is refused with the reason.
#include "main_window.h"
#include "probe_dialog.h"
#include "probe_model.h"

#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
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
        // A followed word among the candidates is bold (강지민의 is in checkpoint-625's top 5
        // or not: whichever, bold marks exactly the followed words).
        for (int rank = 0; rank < 5; ++rank) {
            const QModelIndex cell = model.index(9, model.candidateColumn(0, rank));
            const bool followed = cell.data(ProbeModel::TokenRole).toString() == kWord ||
                                  cell.data(ProbeModel::TokenRole).toString() == "강지민의";
            QCOMPARE(cell.data(Qt::FontRole).isValid(), followed);
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
        QVERIFY2(status->text().contains("3") && status->text().contains("7"),
                 qPrintable(status->text()));
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            QCoreApplication::processEvents(); // the chart lays out its axes on the next pass
            dialog->grab().save(QString::fromLocal8Bit(dir) + "/probe.png");
        }
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
