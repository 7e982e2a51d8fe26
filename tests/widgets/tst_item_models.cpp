// SPDX-License-Identifier: MIT
// Every item model through QAbstractItemModelTester; table contents and bold best values.
#include "models/checkpoint_model.h"
#include "models/problems_model.h"
#include "models/runs_model.h"
#include "panels/checkpoint_table.h"
#include "results/result_loader.h"
#include "widget_support.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace cs;

class TestItemModels : public QObject
{
    Q_OBJECT
  private slots:
    void modelsPassTheTester()
    {
        Session session;
        CheckpointModel checkpoints(&session);
        RunsModel runs(&session);
        ProblemsModel problems(&session);
        VisibleRunsProxy proxy(&session, &checkpoints);
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        QAbstractItemModelTester t1(&checkpoints, mode), t2(&runs, mode), t3(&problems, mode),
            t4(&proxy, mode);
        test::loadSamples(session);
        session.setRunVisible("simple_2048@2048", false);
        AnalysisSettings s = session.settings();
        s.earlyStop.patience = 5;
        session.setSettings(s);
        QCOMPARE(checkpoints.rowCount(), 38);
        QCOMPARE(proxy.rowCount(), 33);
        QCOMPARE(problems.rowCount(), 1);
    }

    void problemsShowTheFileNameAndTheWholePathOnHover()
    {
        Session session;
        QAbstractItemModelTester tester(new ProblemsModel(&session, &session),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString missing = "/nonexistent/deep/folder/of/results/run_a.results.json";
        session.setResults(loadResults({missing.toStdString()}), {missing});
        ProblemsModel problems(&session);
        QVERIFY(problems.rowCount() >= 1);
        const QModelIndex file = problems.index(0, 1);
        QCOMPARE(file.data(Qt::DisplayRole).toString(), QString("results/run_a.results.json"));
        QCOMPARE(file.data(Qt::ToolTipRole).toString(), missing);
    }

    void checkpointRows_data()
    {
        QTest::addColumn<QString>("run");
        QTest::addColumn<int>("checkpoint");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("bold");
        QTest::newRow("390 Real@1 is the peak") << "mlm_v2_scratch_1536@1536" << 5 << "Real@1"
                                                << "0.6604" << true;
        QTest::newRow("655 Real@1") << "mlm_v2_scratch_1536@1536" << 10 << "Real@1"
                                    << "0.6467" << false;
        QTest::newRow("entity score") << "coref_finetune_2048_20251010_063737@2048" << 1 << "score"
                                      << "0.6314" << true;
    }
    void checkpointRows()
    {
        QFETCH(QString, run);
        QFETCH(int, checkpoint);
        QFETCH(QString, metric);
        QFETCH(QString, text);
        QFETCH(bool, bold);
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        const int row = model.rowOf(session.runIndex(run), checkpoint);
        QVERIFY(row >= 0);
        const QModelIndex idx = model.index(row, model.metricColumn(metric));
        QCOMPARE(idx.data().toString(), text);
        QCOMPARE(idx.data(Qt::FontRole).value<QFont>().bold(), bold);
        QCOMPARE(idx.data(CheckpointModel::IsPeakRole).toBool(), bold);
    }

    void rolesChartsRead()
    {
        // Colour, verdict, early stop and the interval level come from the model: the charts
        // read nothing else.
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        const int run = session.runIndex("mlm_v2_scratch_1536@1536");
        const RunAnalysis &ra = session.analysed().analyses[std::size_t(run)];
        const int col = model.metricColumn("Real@1");
        const QModelIndex first = model.index(model.rowOf(run, 0), col);
        QCOMPARE(first.data(CheckpointModel::RunColourRole).value<QColor>(),
                 session.runColour(run));
        QCOMPARE(first.data(CheckpointModel::RunNameRole).toString(),
                 QString::fromStdString(session.results().runs[std::size_t(run)].displayName()));
        QCOMPARE(first.data(CheckpointModel::SeqLenRole).toInt(), 1536);
        QVERIFY(first.data(CheckpointModel::RunShownRole).toBool());
        QCOMPARE(first.data(CheckpointModel::VerdictRole).toInt(), int(ra.find("Real@1")->verdict));
        QVERIFY(ra.earlyStop && ra.earlyStop->stopped);
        const auto marks = [&](std::size_t c) {
            return model.index(model.rowOf(run, int(c)), col)
                .data(CheckpointModel::EarlyStopRole)
                .toInt();
        };
        QCOMPARE(marks(ra.earlyStop->stopAt), int(CheckpointModel::StoppedHere));
        QCOMPARE(marks(ra.earlyStop->restored), int(CheckpointModel::RestoredHere));
        QCOMPARE(marks(ra.earlyStop->stopAt + 1), int(CheckpointModel::NoEarlyStop));
        // Early stopping watches the criterion only.
        QCOMPARE(
            model
                .index(model.rowOf(run, int(ra.earlyStop->stopAt)), model.metricColumn("LAMBADA@1"))
                .data(CheckpointModel::EarlyStopRole)
                .toInt(),
            int(CheckpointModel::NoEarlyStop));
        QCOMPARE(model.headerData(col, Qt::Horizontal, CheckpointModel::ConfidenceRole).toDouble(),
                 0.95);
        session.setRunVisible("mlm_v2_scratch_1536@1536", false);
        QVERIFY(
            !model.index(model.rowOf(run, 0), col).data(CheckpointModel::RunShownRole).toBool());
    }

    void weightsChangeTheScore()
    {
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        const int row = model.rowOf(session.runIndex("mlm_v2_scratch_1536@1536"), 0);
        const int col = model.metricColumn("score");
        QCOMPARE(model.index(row, col).data().toString(), QString("0.6143"));
        AnalysisSettings s = session.settings();
        s.weights = {{"Real@1", 1.0}};
        session.setSettings(s);
        QCOMPARE(model.index(row, model.metricColumn("score")).data().toString(),
                 QString("0.6558"));
    }

    void copyAsTsvAndMarkdown()
    {
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        for (const Run &r : session.results().runs)
            session.setRunVisible(QString::fromStdString(r.key()),
                                  r.key() == "coref_finetune_2048_20251010_063737@2048");
        CheckpointTable table(&session, &model);
        const QString tsv = table.selectionAsTsv();
        QCOMPARE(tsv.count('\n'), 4); // header and three checkpoints
        QVERIFY2(tsv.contains("checkpoint-1600\t1600\t2.843\t0.6778\t0.8244\t0.3767\t0.6314"),
                 qPrintable(tsv));
        QVERIFY(table.selectionAsMarkdown().startsWith("| Run | Checkpoint | Step | Epoch |"));
    }
};

QTEST_MAIN(TestItemModels)
#include "tst_item_models.moc"
