// SPDX-License-Identifier: MIT
#include "analysis/statistics.h"

#include <QtTest>

#include <algorithm>
#include <functional>
#include <random>

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

    void holm_data()
    {
        QTest::addColumn<QVector<double>>("p");
        QTest::addColumn<QVector<double>>("adjusted");
        // Worked by hand: sort, multiply the k-th smallest by (m − k + 1), carry the maximum.
        QTest::newRow("four") << QVector<double>{0.01, 0.04, 0.03, 0.005}
                              << QVector<double>{0.03, 0.06, 0.06, 0.02};
        QTest::newRow("capped at 1")
            << QVector<double>{0.5, 0.2, 0.9} << QVector<double>{1.0, 0.6, 1.0};
        QTest::newRow("ties keep order")
            << QVector<double>{0.02, 0.02, 0.001} << QVector<double>{0.04, 0.04, 0.003};
        QTest::newRow("one") << QVector<double>{0.3} << QVector<double>{0.3};
    }
    void holm()
    {
        QFETCH(QVector<double>, p);
        QFETCH(QVector<double>, adjusted);
        const auto got = cs::stats::holm(std::vector<double>(p.begin(), p.end()));
        QCOMPARE(int(got.size()), adjusted.size());
        for (int i = 0; i < adjusted.size(); ++i)
            QVERIFY2(qAbs(got[std::size_t(i)] - adjusted[i]) < 1e-12,
                     QByteArray::number(got[std::size_t(i)]));
    }

    void unpairedPowerAgreesWithASimulation_data()
    {
        QTest::addColumn<double>("p");
        QTest::addColumn<qlonglong>("n");
        QTest::newRow("seed Real@1, n 2400") << 0.6604 << 2400LL;
        QTest::newRow("seed LAMBADA, n 600") << 0.3567 << 600LL;
        QTest::newRow("low rate, n 3200") << 0.06 << 3200LL;
    }
    void unpairedPowerAgreesWithASimulation()
    {
        // The pooled z-test run on simulated evaluations: its power crosses 80 % within one
        // point of the decline the formula gives.
        QFETCH(double, p);
        QFETCH(qlonglong, n);
        const auto d = detectableDeclineUnpaired(p, n, 0.05);
        QVERIFY(d);
        std::mt19937_64 rng(7);
        const auto simulated = [&](double decline) {
            std::binomial_distribution<long long> before(n, p), after(n, p - decline);
            int found = 0;
            const int trials = 4000;
            for (int t = 0; t < trials; ++t)
                found +=
                    twoProportionZ(double(before(rng)) / n, n, double(after(rng)) / n, n) < 0.05;
            return double(found) / trials;
        };
        QVERIFY2(simulated(*d - 0.01) < 0.8, QByteArray::number(*d));
        QVERIFY2(simulated(*d + 0.01) > 0.8, QByteArray::number(*d));
        if (n == 2400) QVERIFY(*d > 0.037 && *d < 0.040); // "a decline under 3.9 points"
    }

    void pairedPowerAgreesWithASimulation_data()
    {
        QTest::addColumn<double>("psi");
        QTest::addColumn<qlonglong>("n");
        QTest::newRow("a fifth disagree, n 2400") << 0.2 << 2400LL;
        QTest::newRow("15 % disagree, n 300") << 0.15 << 300LL;
        QTest::newRow("5 % disagree, n 3200") << 0.05 << 3200LL;
    }
    void pairedPowerAgreesWithASimulation()
    {
        // Exact McNemar on simulated pairs, (ψ + δ)/2 right → wrong and (ψ − δ)/2 wrong → right.
        QFETCH(double, psi);
        QFETCH(qlonglong, n);
        const auto d = detectableDeclinePaired(psi, n, 0.05);
        QVERIFY(d);
        QVERIFY(*d < psi);
        std::mt19937_64 rng(11);
        const auto simulated = [&](double decline) {
            int found = 0;
            const int trials = 3000;
            for (int t = 0; t < trials; ++t) {
                std::binomial_distribution<long long> lost(n, (psi + decline) / 2);
                const long long b = lost(rng);
                std::binomial_distribution<long long> gained(n - b, ((psi - decline) / 2) /
                                                                        (1 - (psi + decline) / 2));
                found += mcnemarExact(b, gained(rng)) < 0.05;
            }
            return double(found) / trials;
        };
        QVERIFY2(simulated(std::max(0.0, *d - 0.01)) < 0.8, QByteArray::number(*d));
        QVERIFY2(simulated(std::min(psi, *d + 0.01)) > 0.8, QByteArray::number(*d));
        QVERIFY(!detectableDeclinePaired(0.0, n, 0.05)); // nothing disagrees: no paired figure
    }

    void bootstrapAgreesWithItsExactDistribution()
    {
        // Two sets of 5 and 3 items. Every one of the 5^5 · 3^3 equally likely resamples is
        // enumerated; the Monte Carlo bootstrap matches that distribution.
        const std::vector<double> a = {-0.7, 0.0, 0.3, 0.3, 0.7}, b = {-0.3, 0.0, 0.3};
        std::vector<double> exact;
        for (int i = 0; i < 3125; ++i) {
            double sa = 0;
            for (int k = 0, r = i; k < 5; ++k, r /= 5)
                sa += a[std::size_t(r % 5)];
            for (int j = 0; j < 27; ++j) {
                double sb = 0;
                for (int k = 0, r = j; k < 3; ++k, r /= 3)
                    sb += b[std::size_t(r % 3)];
                exact.push_back(sa / 5 + sb / 3);
            }
        }
        std::sort(exact.begin(), exact.end());
        const auto share = [](const std::vector<double> &v, const std::function<bool(double)> &f) {
            return double(std::count_if(v.begin(), v.end(), f)) / double(v.size());
        };
        ItemValues ga{{-0.7, 0.0, 0.3, 0.7}, {1, 1, 2, 1}}, gb{{-0.3, 0.0, 0.3}, {1, 1, 1}};
        const auto reps = bootstrap({ga, gb}, 40000, 3);
        QVERIFY(std::is_sorted(reps.begin(), reps.end()));
        for (double x : {-0.4, -0.2, 0.0, 0.1, 0.2, 0.35, 0.5})
            QVERIFY2(qAbs(share(reps, [&](double v) { return v <= x + 1e-9; }) -
                          share(exact, [&](double v) { return v <= x + 1e-9; })) < 0.01,
                     QByteArray::number(x));
        const double exactP =
            std::min(1.0, 2 * std::min(share(exact, [](double v) { return v <= 1e-12; }),
                                       share(exact, [](double v) { return v >= -1e-12; })));
        QVERIFY2(qAbs(bootstrapP(reps) - exactP) < 0.01,
                 QByteArray::number(bootstrapP(reps)) + " vs " + QByteArray::number(exactP));
        const Interval mc = percentileInterval(reps, 0.9), ex = percentileInterval(exact, 0.9);
        QVERIFY(qAbs(mc.low - ex.low) < 0.05 && qAbs(mc.high - ex.high) < 0.05);
        QCOMPARE(bootstrap({ga, gb}, 100, 3), bootstrap({ga, gb}, 100, 3)); // seeded
        QVERIFY(bootstrap({ga, gb}, 100, 3) != bootstrap({ga, gb}, 100, 4));
    }

    void counts()
    {
        QCOMPARE(countOf(0.6604166666666667, 2400), 1585LL);
        QCOMPARE(countOf(0.35833333333333334, 600), 215LL);
    }
};

QTEST_APPLESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
