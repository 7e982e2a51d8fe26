// SPDX-License-Identifier: MIT
// The report on the samples covers what the seed report covers, with criteria and tests stated.
#include "report/report_builder.h"
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;

class TestReport : public QObject
{
    Q_OBJECT
  private:
    ResultSet m_samples;
    std::string m_markdown;

  private slots:
    void initTestCase()
    {
        m_samples = loadResults({CLOZESCOPE_SAMPLES});
        m_markdown =
            renderMarkdown(buildReport(analyseAll(m_samples, AnalysisSettings{}), {"samples"}));
    }

    void contains_data()
    {
        QTest::addColumn<QString>("fragment");
        QTest::newRow("recommendation 1536")
            << "mlm_v2_scratch_1536: keep checkpoint-390 (epoch 3.0): Real@1 0.6604 [0.641, "
               "0.679]; the 1.37-point "
               "decline by epoch 5.0 is within noise, p = 0.32";
        QTest::newRow("recommendation 2048")
            << "mlm_v2_scratch_2048: keep checkpoint-55 (epoch 0.5)";
        QTest::newRow("0.78 points") << "the 0.78-point decline by epoch 4.5 is within noise";
        QTest::newRow("combined peak")
            << "| combined_experiment @ 1536 | best Real@1 | checkpoint-1980 | 5.0 | 0.6675 |";
        QTest::newRow("entity best score") << "| coref_finetune_2048_20251010_063737 | best Score "
                                              "| checkpoint-1600 | 2.843 | 0.6314 |";
        QTest::newRow("both 650 and 655") << "| checkpoint-650 | 650 | 5.0 | 0.6467 |";
        QTest::newRow("655 too") << "| checkpoint-655 | 655 | 5.0 | 0.6467 |";
        QTest::newRow("shared epoch note")
            << "2 checkpoints share epoch 5.0; each is kept and shown.";
        QTest::newRow("weights stated")
            << "Composite score = 0.3·LAMBADA@1 + 0.4·Real@1 + 0.3·Real@5";
        QTest::newRow("test stated") << "pooled two-proportion z-test";
        QTest::newRow("alpha stated") << "Significance level 0.05";
        QTest::newRow("early stopping stated") << "EarlyStoppingCallback: patience 3, threshold 0";
        QTest::newRow("length comparison") << "**mlm_v2_scratch: 1536 vs 2048**";
        QTest::newRow("sets differ")
            << "The evaluation sets differ between the lengths (Real@k n 2400 vs 3200)";
        QTest::newRow("matched epochs")
            << "**Real@1: combined_experiment @ 1536 vs mlm_v2_scratch_1536**";
        QTest::newRow("patience sweep") << "stops at 5.0 (checkpoint-655), restores checkpoint-390";
        QTest::newRow("file scores checked")
            << "18 scores carried by the files were recomputed from their own metrics; 0 disagree.";
        QTest::newRow("composite for MLM v2")
            << "| checkpoint-65 | 65 | 0.5 | 0.6558 | 0.8167 | 0.3567 | [0.637, 0.675] | 0.6143 |";
    }
    void contains()
    {
        QFETCH(QString, fragment);
        QVERIFY2(m_markdown.find(fragment.toStdString()) != std::string::npos,
                 qPrintable(fragment));
    }

    void noSignificantDeclineInTheSeed()
    {
        QVERIFY(m_markdown.find("significant decline |") == std::string::npos);
        QVERIFY(m_markdown.find("within noise") != std::string::npos);
    }

    void html()
    {
        const std::string html =
            renderHtml(buildReport(analyseAll(m_samples, AnalysisSettings{}), {"samples"}));
        QVERIFY(html.rfind("<!DOCTYPE html>", 0) == 0);
        QVERIFY(html.find("<td><b>0.6604</b></td>") != std::string::npos);
        QVERIFY(html.find("</html>") != std::string::npos);
    }

    void settingsChangeTheReport()
    {
        AnalysisSettings s;
        s.earlyStop.patience = 5;
        s.criterion = "score";
        const std::string md = renderMarkdown(buildReport(analyseAll(m_samples, s), {"samples"}));
        QVERIFY(md.find("mlm_v2_scratch_1536: keep checkpoint-195 (epoch 1.5): Score 0.6170") !=
                std::string::npos);
        QVERIFY(md.find("EarlyStoppingCallback: patience 5") != std::string::npos);
    }

    void metricTableHasIntervals()
    {
        const Table t = metricTable(analyseAll(m_samples, AnalysisSettings{}), {"Real@1"});
        QCOMPARE(t.columns.size(), std::size_t(10));
        QCOMPARE(t.rows.size(), std::size_t(38)); // every checkpoint of the six runs
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"
