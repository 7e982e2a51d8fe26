// SPDX-License-Identifier: MIT
#include "analysis/comparisons.h"
#include "report/format.h"
#include "results/metric_aliases.h"
#include "results/result_loader.h"

#include <QtTest>

using namespace cs;

class TestComparisons : public QObject
{
    Q_OBJECT
  private:
    ResultSet m_samples;

  private slots:
    void initTestCase() { m_samples = loadResults({CLOZESCOPE_SAMPLES}); }

    void matchedEpochs()
    {
        const Run &combined = *m_samples.findRun("combined_experiment@1536");
        const Run &mlm = *m_samples.findRun("mlm_v2_scratch_1536@1536");
        const RunAnalysis ra = analyseRun(combined, {}), rb = analyseRun(mlm, {});
        const MatchedComparison mc = compareAtMatchedEpochs(combined, ra, mlm, rb, metric::Real1);
        QCOMPARE(mc.rows.size(), std::size_t(5)); // epochs 1..5
        // The seed's efficiency table: MLM v2 − Combined = +1.79, −0.16, −0.09, −1.20, −2.08.
        const char *expected[] = {"+1.79", "-0.16", "-0.09", "-1.20", "-2.08"};
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(mc.rows[i].epoch, double(i + 1));
            QCOMPARE(fmt::difference(mc.rows[i].valueA, mc.rows[i].valueB, true),
                     std::string(expected[i]));
        }
        // Of checkpoint-650 and -655 at epoch 5.0 the later one is compared.
        QCOMPARE(mlm.checkpoints[mc.rows[4].b].name, std::string("checkpoint-655"));
        QVERIFY(!mc.setsDiffer);
    }

    void sequenceLengths()
    {
        const Run &a = *m_samples.findRun("mlm_v2_scratch_1536@1536");
        const Run &b = *m_samples.findRun("mlm_v2_scratch_2048@2048");
        const LengthComparison lc = compareLengths(a, analyseRun(a, {}), b, analyseRun(b, {}));
        QCOMPARE(lc.lengthA, 1536);
        QCOMPARE(lc.lengthB, 2048);
        QVERIFY(lc.setsDiffer); // Real@k over 2400 vs 3200 examples
        // The seed's 1536 vs 2048 table: Real@1 +0.73, Real@5 −0.14, LAMBADA@1 +0.83.
        const std::map<std::string, std::string> expected = {
            {metric::Real1, "+0.73"}, {metric::Real5, "-0.14"}, {metric::Lambada1, "+0.83"}};
        int checked = 0;
        for (const auto &row : lc.rows) {
            if (!expected.count(row.metric)) continue;
            QCOMPARE(fmt::difference(row.valueB, row.valueA, true), expected.at(row.metric));
            QVERIFY(row.test.p && *row.test.p > 0.05);
            ++checked;
        }
        QCOMPARE(checked, 3);
    }
};

QTEST_APPLESS_MAIN(TestComparisons)
#include "tst_comparisons.moc"
