// SPDX-License-Identifier: MIT
#include "analysis/statistics.h"

#include <QtTest>

using namespace cs::stats;

class TestStatistics : public QObject
{
    Q_OBJECT
  private slots:
    void normal()
    {
        QVERIFY(qAbs(normalQuantile(0.975) - 1.959963985) < 1e-8);
        QVERIFY(qAbs(normalCdf(1.959963985) - 0.975) < 1e-9);
        QVERIFY(qAbs(normalQuantile(0.001) + 3.090232306) < 1e-8);
    }

    void wilson_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<qlonglong>("n");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // Reference values computed independently from the Wilson formula (z = 1.959964).
        QTest::newRow("half of 100") << 0.5 << 100LL << 0.403832 << 0.596168;
        QTest::newRow("seed checkpoint-390") << 1585.0 / 2400 << 2400LL << 0.641227 << 0.679093;
        QTest::newRow("zero of 10") << 0.0 << 10LL << 0.0 << 0.277533;
        QTest::newRow("all of 10") << 1.0 << 10LL << 0.722467 << 1.0;
    }
    void wilson()
    {
        QFETCH(double, p);
        QFETCH(qlonglong, n);
        QFETCH(double, low);
        QFETCH(double, high);
        const Interval i = cs::stats::wilson(p, n);
        QVERIFY2(qAbs(i.low - low) < 1e-5, QByteArray::number(i.low, 'f', 6));
        QVERIFY2(qAbs(i.high - high) < 1e-5, QByteArray::number(i.high, 'f', 6));
    }

    void mcnemar_data()
    {
        QTest::addColumn<qlonglong>("b");
        QTest::addColumn<qlonglong>("c");
        QTest::addColumn<double>("p");
        QTest::newRow("no discordant pairs") << 0LL << 0LL << 1.0;
        QTest::newRow("0 vs 5") << 0LL << 5LL << 0.0625;
        QTest::newRow("3 vs 10") << 3LL << 10LL << 2.0 * 378 / 8192;
        QTest::newRow("balanced") << 7LL << 7LL << 1.0;
        QTest::newRow("large") << 100LL << 140LL << 0.011664;
    }
    void mcnemar()
    {
        QFETCH(qlonglong, b);
        QFETCH(qlonglong, c);
        QFETCH(double, p);
        QVERIFY2(qAbs(mcnemarExact(b, c) - p) < 1e-5,
                 QByteArray::number(mcnemarExact(b, c), 'f', 6));
        QCOMPARE(mcnemarExact(b, c), mcnemarExact(c, b));
    }

    void twoProportion()
    {
        // Seed: MLM v2 @1536 Real@1 peak 1585/2400 vs last 1552/2400: z = 1.00, p = 0.317.
        const double p = twoProportionZ(1585.0 / 2400, 2400, 1552.0 / 2400, 2400);
        QVERIFY2(qAbs(p - 0.3168) < 5e-4, QByteArray::number(p));
        QCOMPARE(twoProportionZ(0.5, 100, 0.5, 100), 1.0);
        QVERIFY(twoProportionZ(0.2, 1000, 0.3, 1000) < 1e-6);
    }

    void counts()
    {
        QCOMPARE(countOf(0.6604166666666667, 2400), 1585LL);
        QCOMPARE(countOf(0.35833333333333334, 600), 215LL);
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
