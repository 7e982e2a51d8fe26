// SPDX-License-Identifier: MIT
// Evaluate… end to end, offscreen: the dialog finds a run's checkpoints, evaluates them on the
// worker thread, the charts' session gains each finished checkpoint, and cancel keeps what
// finished.
#include "dialogs/eval_dialog.h"
#include "models/session.h"
#include "panels/examples_panel.h"
#include "window/main_window.h"

#include "results/metric_aliases.h"
#include "test_support.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

class TestEvalDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_run, m_smallSet;

    static int resultsIn(const QString &dir)
    {
        return QDir(dir + "/mlm_tiny_256").entryList({"*.results.json"}, QDir::Files).size();
    }

  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_run = m_tmp.filePath("mlm_tiny_256");
        test::makeRun(m_run.toStdString(), test::dataPath("hf-reference/deberta-v2-tiny"),
                      {"checkpoint-100", "checkpoint-200", "checkpoint-300"});
        m_smallSet = QString::fromStdString(test::writeFile(
            m_tmp, "real-10.jsonl",
            QByteArray::fromStdString(test::firstLines(test::dataPath("cloze/real.jsonl"), 10))));
    }

    void evaluatesAndChartsShowTheResults()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({m_run});
        QVERIFY(shown.wait(30000));

        EvalDialog *dialog = window.openEvaluateDialog();
        QVERIFY(dialog && dialog->isVisible());
        auto *list = dialog->findChild<QListWidget *>("checkpointList");
        QCOMPARE(list->count(), 3); // found from the opened run folder
        QCOMPARE(list->item(0)->text(), QString("checkpoint-100"));
        // The run's length (mlm_tiny_256), so the results join its curves.
        QCOMPARE(dialog->findChild<QSpinBox *>("maxLengthSpin")->value(), 256);
        list->item(1)->setCheckState(Qt::Unchecked);
        dialog->setDataset("real", m_smallSet);
        dialog->findChild<QSpinBox *>("maxLengthSpin")->setValue(64);
        QCOMPARE(dialog->outFolder(), QDir(m_run).filePath("clozescope-eval"));

        QSignalSpy ended(dialog, &EvalDialog::evaluationEnded);
        QTest::mouseClick(dialog->findChild<QPushButton *>("startButton"), Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended[0][0].toInt(), 2); // the two ticked checkpoints
        QCOMPARE(ended[0][1].toBool(), false);
        QCOMPARE(ended[0][2].toString(), QString());
        QCOMPARE(resultsIn(dialog->outFolder()), 2);
        for (const QFileInfo &f :
             QDir(dialog->outFolder() + "/mlm_tiny_256").entryInfoList({"*.results.json"})) {
            const auto doc = test::readJson(f.filePath().toStdString());
            QVERIFY(doc["created"]["by"].get<std::string>().rfind("clozescope ", 0) == 0);
        }
        QVERIFY(dialog->findChild<QLabel *>("statusLabel")->text().startsWith("Done"));
        // Nothing was there before: no word of skipped ones.
        QVERIFY(!dialog->findChild<QLabel *>("statusLabel")->text().contains("skipped"));

        // The window re-imports with the results folder added: Real@1 at both checkpoints.
        while (!window.session()->paths().contains(dialog->outFolder()) ||
               window.session()->results().runs.empty() ||
               window.session()->results().runs[0].checkpoints.size() < 2)
            QVERIFY(shown.wait(30000));
        const Run &run = window.session()->results().runs[0];
        QCOMPARE(run.name, std::string("mlm_tiny_256"));
        int withReal = 0;
        for (const Checkpoint &c : run.checkpoints)
            withReal += c.metrics.count(metric::Real1) ? 1 : 0;
        QCOMPARE(withReal, 2);
        QVERIFY(window.session()->metrics().contains(QString::fromStdString(metric::Real1)));
        // The set it evaluated on is the user's choice: the Examples tab may read its texts.
        QVERIFY(window.examples()->chosenSets().contains(QFileInfo(m_smallSet).absoluteFilePath()));
    }

    void cancelKeepsWhatFinished()
    {
        EvalDialog dialog;
        dialog.setRunFolder(m_run);
        dialog.setDataset("real", QString::fromStdString(test::dataPath("cloze/real.jsonl")));
        dialog.findChild<QSpinBox *>("maxLengthSpin")->setValue(64);
        const QString out = m_tmp.filePath("cancelled");
        dialog.findChild<QLineEdit *>("outEdit")->setText(out);
        QSignalSpy ended(&dialog, &EvalDialog::evaluationEnded);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QTest::mouseClick(dialog.findChild<QPushButton *>("cancelButton"), Qt::LeftButton);
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended[0][1].toBool(), true);
        const int evaluated = ended[0][0].toInt();
        QVERIFY(evaluated < 3);
        QCOMPARE(resultsIn(out), evaluated);
        QVERIFY(dialog.findChild<QLabel *>("statusLabel")->text().startsWith("Cancelled"));
        QVERIFY(dialog.findChild<QPushButton *>("startButton")->isEnabled());
        // Started again: the rest is evaluated, and those kept are said to be skipped.
        dialog.start();
        QVERIFY(ended.wait(60000));
        QCOMPARE(ended[1][0].toInt(), 3 - evaluated);
        const QString done = dialog.findChild<QLabel *>("statusLabel")->text();
        QVERIFY2(evaluated == 0
                     ? !done.contains("skipped")
                     : done.contains(QString("; %1 skipped (evaluated before").arg(evaluated)),
                 qPrintable(done));
    }

    void followsARunAndSaysWhenEarlyStoppingWouldStop()
    {
        // File → Follow a training run…: four checkpoints of one model (no improvement), each
        // with the trainer_state.json the Trainer writes; the curves grow as each is evaluated,
        // and at the fourth the window says early stopping (patience 3) would stop now.
        QTemporaryDir tmp;
        const QString run = tmp.filePath("mlm_follow_64");
        const std::vector<std::string> names = {"checkpoint-100", "checkpoint-200",
                                                "checkpoint-300", "checkpoint-400"};
        test::makeRun(run.toStdString(), test::dataPath("hf-reference/deberta-v2-tiny"), names);
        for (std::size_t i = 0; i < names.size(); ++i)
            test::writeFile(
                tmp, QString::fromStdString("mlm_follow_64/" + names[i] + "/trainer_state.json"),
                QByteArray::fromStdString(
                    "{\"global_step\": " + std::to_string((i + 1) * 100) +
                    ", \"max_steps\": 400, \"epoch\": " + std::to_string(i + 1) + "}"));
        MainWindow window;
        window.resize(1500, 950);
        window.show();
        auto *follow = window.findChild<QAction *>("followAction");
        QVERIFY(follow);
        follow->trigger();
        EvalDialog *dialog = window.openEvaluateDialog();
        QVERIFY(dialog->isFollowing());
        QVERIFY(!dialog->findChild<QListWidget *>("checkpointList")->isEnabled());
        dialog->setRunFolder(run);
        dialog->setDataset("real", m_smallSet);
        dialog->findChild<QSpinBox *>("maxLengthSpin")->setValue(64);
        dialog->findChild<QLineEdit *>("outEdit")->setText(tmp.filePath("out"));
        dialog->setSettleSeconds(0.1);
        QSignalSpy wouldStop(dialog, &EvalDialog::earlyStopWouldStop);
        QSignalSpy ended(dialog, &EvalDialog::evaluationEnded);
        dialog->start();
        QVERIFY(dialog->isRunning());
        QVERIFY(wouldStop.wait(120000));
        QCOMPARE(wouldStop[0][0].toString(), QString("checkpoint-400"));
        QVERIFY2(window.earlyStopNotice().contains("would stop now, at checkpoint-400") &&
                     window.earlyStopNotice().contains("restore checkpoint-100"),
                 qPrintable(window.earlyStopNotice()));
        QVERIFY(!ended.isEmpty() || ended.wait(60000)); // 400 = max_steps: training ended
        QCOMPARE(ended[0][2].toString(), QString());
        QCOMPARE(QDir(tmp.filePath("out/mlm_follow_64")).entryList({"*.results.json"}).size(), 4);
        QTRY_COMPARE_WITH_TIMEOUT( // the curves grew to every checkpoint
            window.session()->results().runs.empty()
                ? 0
                : int(window.session()->results().runs.front().checkpoints.size()),
            4, 30000);
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            QCoreApplication::processEvents();
            window.grab().save(QString::fromLocal8Bit(dir) + "/following.png");
            dialog->grab().save(QString::fromLocal8Bit(dir) + "/following-dialog.png");
        }
    }

    void saysWhatIsMissing()
    {
        EvalDialog dialog;
        dialog.setRunFolder(m_run);
        dialog.start(); // no set chosen
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.findChild<QLabel *>("statusLabel")->text().contains("set"));
        dialog.setRunFolder(m_tmp.filePath("nothing-here"));
        QCOMPARE(dialog.findChild<QListWidget *>("checkpointList")->count(), 0);
    }
};

QTEST_MAIN(TestEvalDialog)
#include "tst_eval_dialog.moc"
