// SPDX-License-Identifier: MIT
// Cloze evaluation reproduces both reference runs of deberta-v2-tiny.expected.json → eval:
// final input ids, rank, gold log-probability (1e-4) and the top-5 candidates per example.
#include "engine/cloze_eval.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <fstream>

using namespace cs;

class TestClozeEval : public QObject
{
    Q_OBJECT
  private slots:
    void truncationRule_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("budget");
        QTest::addColumn<int>("lastMask");
        QTest::addColumn<int>("rightKeep");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("end");
        QTest::newRow("fits") << 10 << 22 << 3 << 4 << 0 << 10;
        QTest::newRow("mask early") << 40 << 22 << 2 << 4 << 0 << 22;
        QTest::newRow("mask late") << 40 << 22 << 35 << 4 << 18 << 40;
        QTest::newRow("mask in the middle") << 40 << 22 << 20 << 4 << 3 << 25;
    }
    void truncationRule()
    {
        QFETCH(int, n);
        QFETCH(int, budget);
        QFETCH(int, lastMask);
        QFETCH(int, rightKeep);
        QFETCH(int, start);
        QFETCH(int, end);
        QCOMPARE(truncationWindow(n, budget, lastMask, rightKeep), std::make_pair(start, end));
    }

    void referenceRuns()
    {
        const std::string dir = std::string(CLOZESCOPE_TEST_DATA) + "/hf-reference/deberta-v2-tiny";
        std::string error;
        const auto model = MaskedLM::load(dir, EngineOptions{}, error);
        const auto tok = loadTokenizer(dir, error);
        QVERIFY2(model && tok, error.c_str());
        std::ifstream in(std::string(CLOZESCOPE_TEST_DATA) +
                         "/hf-reference/deberta-v2-tiny.expected.json");
        const auto runs = nlohmann::json::parse(in).at("eval");
        QCOMPARE(runs.size(), std::size_t(2));
        for (const auto &run : runs) {
            std::vector<ClozeExample> examples;
            for (const auto &e : run.at("examples"))
                examples.push_back({e.at("id").get<std::string>(),
                                    e.at("text").get<std::string>(),
                                    {e.at("answer").get<std::string>()}});
            ClozeSettings s;
            s.maxLength = run.at("max_length").get<int>();
            s.rightKeep = run.at("right_keep").get<int>();
            const ClozeResult result = evaluateCloze(*model, *tok, examples, s);
            QCOMPARE(result.records.size(), examples.size());
            for (std::size_t i = 0; i < examples.size(); ++i) {
                const auto &want = run.at("examples").at(i);
                const ClozeRecord &r = result.records[i];
                QVERIFY2(r.inputIds == want.at("input_ids").get<std::vector<int>>(), r.id.c_str());
                QCOMPARE(r.answerIds, want.at("answer_ids").get<std::vector<int>>());
                QCOMPARE(r.untruncatedLength, want.at("untruncated_len").get<int>());
                QVERIFY2(std::fabs(r.goldLogprob - want.at("gold_logprob").get<double>()) < 1e-4,
                         r.id.c_str());
                QCOMPARE(r.rank.has_value(), !want.at("rank").is_null());
                if (r.rank) QCOMPARE(*r.rank, want.at("rank").get<int>());
                QCOMPARE(r.top.size(), want.at("top5").size());
                for (std::size_t c = 0; c < r.top.size(); ++c) {
                    QCOMPARE(r.top[c].ids, want.at("top5").at(c).at("ids").get<std::vector<int>>());
                    QVERIFY(std::fabs(r.top[c].logProb -
                                      want.at("top5").at(c).at("logprob").get<double>()) < 1e-4);
                }
            }
            QCOMPARE(result.hitAt.at(1), run.at("hit@1").get<double>());
            QCOMPARE(result.hitAt.at(10), run.at("hit@10").get<double>());
            QVERIFY(std::fabs(result.meanGoldLogprob - run.at("mean_gold_logprob").get<double>()) <
                    1e-4);
        }
    }
};

QTEST_APPLESS_MAIN(TestClozeEval)
#include "tst_cloze_eval.moc"
