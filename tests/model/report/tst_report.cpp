// SPDX-License-Identifier: MIT
// The report on the samples covers what the seed report covers, with criteria and tests stated.
#include "report/report_builder.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;

class TestReport : public QObject
{
    Q_OBJECT
  private:
    ResultSet m_samples;

    /// The phrases the Korean catalogue lacks, for a failure message.
    static QString missingText()
    {
        QString missing = "not in the Korean catalogue:";
        for (const std::string &w : missingWords())
            missing += "\n" + QString::fromStdString(w);
        return missing;
    }
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
            << "| checkpoint-65 | 65 | 0.5 | 0.6558 | 0.8167 | 0.3567 | [0.637, 0.675] | 0.6143 "
               "[0.598, "
               "0.630] |"; // the score's delta-method interval, worked out by hand in tst_score
    }
    void contains()
    {
        QFETCH(QString, fragment);
        QVERIFY2(m_markdown.find(fragment.toStdString()) != std::string::npos,
                 qPrintable(fragment));
    }

    void inKorean_data()
    {
        // The same numbers in the first user's language; every phrase from the catalogue.
        QTest::addColumn<QString>("fragment");
        QTest::newRow("title") << "# ClozeScope 보고서";
        QTest::newRow("recommendation")
            << "mlm_v2_scratch_1536: checkpoint-390 유지 (에폭 3.0): Real@1 0.6604 [0.641, 0.679]; "
               "에폭 5.0까지의 1.37포인트 하락은 잡음 범위 안입니다 (p = 0.32)";
        QTest::newRow("best score") << "| coref_finetune_2048_20251010_063737 | 최고 종합 점수 "
                                       "| checkpoint-1600 | 2.843 | 0.6314 |";
        QTest::newRow("composite row")
            << "| checkpoint-65 | 65 | 0.5 | 0.6558 | 0.8167 | 0.3567 | [0.637, 0.675] | 0.6143 "
               "[0.598, "
               "0.630] |"; // the score's delta-method interval, worked out by hand in tst_score
        QTest::newRow("weights") << "종합 점수 = 0.3·LAMBADA@1 + 0.4·Real@1 + 0.3·Real@5";
        QTest::newRow("lengths") << "**mlm_v2_scratch: 1536 대 2048**";
        QTest::newRow("sets differ") << "길이마다 평가 세트가 다릅니다 (Real@k n 2400 대 3200)";
        QTest::newRow("patience sweep") << "5.0(checkpoint-655)에서 멈추고 checkpoint-390 복원";
        QTest::newRow("file scores")
            << "파일에 적힌 점수 18개를 그 지표로 다시 계산했습니다; 0개가 다릅니다.";
        QTest::newRow("shared epoch") << "체크포인트 2개가 에폭 5.0을(를) 공유합니다";
    }
    void inKorean()
    {
        QFETCH(QString, fragment);
        AnalysedResults analysed = analyseAll(m_samples, AnalysisSettings{});
        analysed.language = ReportLanguage::Korean;
        const std::string md = renderMarkdown(buildReport(analysed, {"samples"}));
        QVERIFY2(md.find(fragment.toStdString()) != std::string::npos, qPrintable(fragment));
        for (const char *english : {"## Recommendation", "keep checkpoint", "within noise",
                                    "Early stopping", "## Checkpoints", "Best values in bold"})
            QVERIFY2(md.find(english) == std::string::npos, english);
        QVERIFY2(missingWords().empty(), qPrintable(missingText()));
    }

    void inKoreanWithImportNotesAndUntestedDeclines()
    {
        // Real files of other tools: import notes, declines without n, trainer's best.
        const ResultSet set = loadResults({test::dataPath("realdata")});
        AnalysedResults analysed = analyseAll(set, AnalysisSettings{});
        analysed.language = ReportLanguage::Korean;
        const std::string md = renderMarkdown(buildReport(analysed, {"realdata"}));
        QVERIFY(md.find("## 가져오기 메모") != std::string::npos);
        QVERIFY2(missingWords().empty(), qPrintable(missingText()));
    }

    void noSignificantDeclineInTheSeed()
    {
        QVERIFY(m_markdown.find("significant decline |") == std::string::npos);
        QVERIFY(m_markdown.find("within noise") != std::string::npos);
    }

    void everyRunStatesItsPowerAndEveryScoreItsInterval()
    {
        // The bundled samples keep no per-example records: power from n and p, the score's
        // interval by the delta method, unpaired tests named as such.
        const AnalysedResults a = analyseAll(m_samples, AnalysisSettings{});
        for (std::size_t k = 0; k < m_samples.runs.size(); ++k) {
            const Run &run = m_samples.runs[k];
            const std::string rec = recommendation(run, a.analyses[k], a.settings);
            QVERIFY2(rec.find("a decline under ") != std::string::npos &&
                         rec.find(" points could not have been seen") != std::string::npos,
                     rec.c_str());
            QVERIFY2(rec.find("tied with it after Holm's correction") != std::string::npos,
                     rec.c_str());
            const Table t = checkpointTable(run, a.analyses[k], a.settings);
            const auto col =
                std::find(t.columns.begin(), t.columns.end(), "Score") - t.columns.begin();
            QVERIFY(std::size_t(col) < t.columns.size());
            for (std::size_t i = 0; i < run.checkpoints.size(); ++i) {
                QVERIFY(a.analyses[k].compositeSpread[i] &&
                        !a.analyses[k].compositeSpread[i]->bootstrap);
                QVERIFY2(t.rows[i][std::size_t(col)].text.find(" [") != std::string::npos,
                         t.rows[i][std::size_t(col)].text.c_str());
            }
        }
        QVERIFY(m_markdown.find("z on delta-method standard errors (unpaired, approximate)") !=
                std::string::npos);
        QVERIFY(m_markdown.find("| Detectable decline |") != std::string::npos);
        QVERIFY(m_markdown.find("3.9 points (n = 2400)") != std::string::npos);
        QVERIFY(m_markdown.find("What was lost after the peak") == std::string::npos); // no records
        // The data table gives the score its bounds and n: the items of both sets, 2400 + 600.
        const Table data = metricTable(a, {metric::Score});
        QCOMPARE(data.columns.back(), std::string("score n"));
        QCOMPARE(data.rows.front().back().text, std::string("3000"));
        QVERIFY(!data.rows.front()[data.columns.size() - 3].text.empty()); // ci_low
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

    void aTinyPValueReadsAsASentence()
    {
        // "p < 0.001", never "p = < 0.001".
        QTemporaryDir dir;
        test::writeFile(dir, "drop.results.json",
                        R"({"format": "clozescope-results", "version": 1, "run": {"name": "drop"},
                "checkpoints": [
                  {"checkpoint": "checkpoint-100", "metrics": {"Real@1": {"value": 0.9, "n": 2400}}},
                  {"checkpoint": "checkpoint-200", "metrics": {"Real@1": {"value": 0.5, "n": 2400}}}]})");
        const ResultSet set = loadResults({dir.path().toStdString()});
        const std::string md =
            renderMarkdown(buildReport(analyseAll(set, AnalysisSettings{}), {"drop"}));
        QVERIFY2(md.find("decline by checkpoint-200 is significant, p < 0.001") !=
                     std::string::npos,
                 md.c_str());
        QVERIFY(md.find("p = <") == std::string::npos);
    }

    void earlyStoppingSaysATieAndNoEmptyEpoch()
    {
        // Real@1 ties at checkpoint-100 and -200; the score keeps -200 while early stopping
        // (the Trainer's first best) restores -100: the report says why they differ. No epochs
        // known: no "(epoch )".
        QTemporaryDir dir;
        const auto entry = [](int step, double r1, double r5, double l1) {
            return QString(R"({"checkpoint": "checkpoint-%1", "metrics": {
                "Real@1": {"value": %2, "n": 2400}, "Real@5": {"value": %3, "n": 2400},
                "LAMBADA@1": {"value": %4, "n": 600}}})")
                .arg(step)
                .arg(r1)
                .arg(r5)
                .arg(l1);
        };
        const QString doc =
            R"({"format": "clozescope-results", "version": 1, "run": {"name": "tie"},
                "checkpoints": [)" +
            entry(100, 0.6, 0.80, 0.3) + "," + entry(200, 0.6, 0.85, 0.3) + "," +
            entry(300, 0.59, 0.8, 0.3) + "," + entry(400, 0.58, 0.8, 0.3) + "," +
            entry(500, 0.57, 0.8, 0.3) + "]}";
        test::writeFile(dir, "tie.results.json", doc.toUtf8());
        const ResultSet set = loadResults({dir.path().toStdString()});
        for (const ReportLanguage l : {ReportLanguage::English, ReportLanguage::Korean}) {
            AnalysedResults analysed = analyseAll(set, AnalysisSettings{});
            analysed.language = l;
            const std::string md = renderMarkdown(buildReport(analysed, {"tie"}));
            QVERIFY2(md.find("(epoch )") == std::string::npos &&
                         md.find("(에폭 )") == std::string::npos,
                     md.c_str());
            if (l == ReportLanguage::English) {
                QVERIFY2(md.find("keep checkpoint-200") != std::string::npos, md.c_str());
                QVERIFY2(md.find("training stops at checkpoint-400 and restores checkpoint-100 "
                                 "(checkpoint-200 ties with it on Real@1; ClozeScope keeps "
                                 "checkpoint-200, the tie broken by the score)") !=
                             std::string::npos,
                         md.c_str());
            } else {
                QVERIFY2(md.find("종합 점수로 동점을 가려 checkpoint-200") != std::string::npos,
                         md.c_str());
            }
        }
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
