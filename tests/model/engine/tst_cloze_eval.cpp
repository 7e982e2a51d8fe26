// SPDX-License-Identifier: MIT
// Cloze evaluation reproduces both reference runs of deberta-v2-tiny.expected.json → eval:
// final input ids, rank, gold log-probability (1e-4) and the top-5 candidates per example.
#include "engine/cloze_eval.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <fstream>
#include <memory>
#include <numeric>

using namespace cs;

class TestClozeEval : public QObject
{
    Q_OBJECT
    std::unique_ptr<MaskedLM> m_model; // deberta-v2-tiny, the fixture the references are of
    std::unique_ptr<Tokenizer> m_tok;

  private slots:
    void initTestCase()
    {
        const std::string dir = std::string(CLOZESCOPE_TEST_DATA) + "/hf-reference/deberta-v2-tiny";
        std::string error;
        m_model = MaskedLM::load(dir, EngineOptions{}, error);
        m_tok = loadTokenizer(dir, error);
        QVERIFY2(m_model && m_tok, error.c_str());
    }

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
        const MaskedLM *model = m_model.get();
        const Tokenizer *tok = m_tok.get();
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

    void outOfMemoryHalvesTheBatch()
    {
        std::vector<std::size_t> seen;
        std::vector<std::size_t> sizes;
        const int kept = forEachBatch(23, 8, [&](std::size_t first, std::size_t count) {
            sizes.push_back(count);
            if (count > 2)
                throw std::runtime_error("CUDA out of memory. Tried to allocate 2.00 GiB");
            for (std::size_t i = first; i < first + count; ++i)
                seen.push_back(i);
        });
        QCOMPARE(kept, 2);
        QCOMPARE(sizes.front(), std::size_t(8)); // 8 fails, 4 fails, then 2 for the rest
        QCOMPARE(sizes[1], std::size_t(4));
        std::vector<std::size_t> all(23);
        std::iota(all.begin(), all.end(), std::size_t(0));
        QVERIFY(seen == all); // every item once, in order
        // Other errors, and out of memory at batch 1, are not swallowed.
        QVERIFY_THROWS_EXCEPTION(
            std::runtime_error,
            forEachBatch(4, 4, [](std::size_t, std::size_t) { throw std::runtime_error("bad"); }));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 forEachBatch(4, 4, [](std::size_t, std::size_t) {
                                     throw std::runtime_error("out of memory");
                                 }));
        // Cancel before a batch stops there.
        std::size_t calls = 0;
        forEachBatch(
            10, 3, [&](std::size_t, std::size_t) { ++calls; },
            [](std::size_t done) { return done < 6; });
        QCOMPARE(calls, std::size_t(2));
    }

    void batchedEqualsOneByOne()
    {
        const MaskedLM *model = m_model.get();
        const Tokenizer *tok = m_tok.get();
        std::vector<ClozeExample> examples =
            readClozeDataset(std::string(CLOZESCOPE_TEST_DATA) + "/cloze/real.jsonl").examples;
        examples.resize(40);
        examples[3].answers.push_back(examples[4].answers[0]); // an example with two answers
        ClozeSettings one;
        one.maxLength = 48; // some inputs truncated, lengths differ within a batch
        one.batchSize = 1;
        ClozeSettings batched = one;
        batched.batchSize = 16;
        const ClozeResult a = evaluateCloze(*model, *tok, examples, one);
        const ClozeResult b = evaluateCloze(*model, *tok, examples, batched);
        QCOMPARE(b.records.size(), examples.size());
        for (std::size_t i = 0; i < a.records.size(); ++i) {
            QCOMPARE(b.records[i].id, a.records[i].id);
            QCOMPARE(b.records[i].inputIds, a.records[i].inputIds);
            QCOMPARE(b.records[i].rank, a.records[i].rank);
            QVERIFY(std::abs(b.records[i].goldLogprob - a.records[i].goldLogprob) < 1e-4);
        }
        QCOMPARE(b.hitAt, a.hitAt);
    }

    void fillMaskScoresAnAnswerAsTheEvaluation()
    {
        // The probe's number for an example: fill-mask with the answer as target and the
        // evaluation's truncation gives the evaluation's gold log-probability — multi-token
        // answers and cut texts included.
        const MaskedLM *model = m_model.get();
        const Tokenizer *tok = m_tok.get();
        std::vector<ClozeExample> examples =
            readClozeDataset(std::string(CLOZESCOPE_TEST_DATA) + "/cloze/real.jsonl").examples;
        examples.resize(40);
        ClozeSettings s;
        s.maxLength = 40;
        s.rightKeep = 6;
        const ClozeResult result = evaluateCloze(*model, *tok, examples, s);
        int multiToken = 0, cut = 0;
        for (std::size_t i = 0; i < examples.size(); ++i) {
            const ClozeRecord &r = result.records[i];
            multiToken += r.answerIds.size() > 1;
            cut += r.untruncatedLength > s.maxLength;
            const FillMaskResult f = fillMask(*model, *tok, examples[i].text, 5,
                                              {examples[i].answers[0]}, {s.maxLength, s.rightKeep});
            QVERIFY2(std::fabs(f.targets.at(0).second.logProb - r.goldLogprob) < 1e-4,
                     r.id.c_str());
            if (r.answerIds.size() == 1)
                QCOMPARE(f.perMask.at(0).at(0).ids, r.top.at(0).ids); // the best filling
        }
        QVERIFY(multiToken > 5 && cut > 5); // the cases this is about occur
        // Without the evaluation's truncation, a cut text scores otherwise.
        bool compared = false;
        for (std::size_t i = 0; i < examples.size() && !compared; ++i)
            if (result.records[i].untruncatedLength > s.maxLength + 2) {
                const FillMaskResult whole =
                    fillMask(*model, *tok, examples[i].text, 5, {examples[i].answers[0]});
                QVERIFY(std::fabs(whole.targets.at(0).second.logProb -
                                  result.records[i].goldLogprob) > 1e-4);
                compared = true;
            }
        QVERIFY(compared);
    }

    void aCutThatLeavesOutAMaskIsRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<int>("rightKeep");
        QTest::addColumn<QString>("reason");
        const QString longText = QString::fromUtf8(
            "[MASK] 서울시는 28일 새로운 대중교통 요금 체계를 발표했다 . 시민들은 새 요금 체계가 "
            "다음 달부터 적용된다고 들었다 . 시는 [MASK] 요금을 내린다고 밝혔다 .");
        QTest::newRow("no room beside the special tokens") << longText << 2 << 4 << "no room";
        QTest::newRow("the first of two masks cut") << longText << 12 << 2 << "leaves out a mask";
        QTest::newRow("right keep wider than the budget")
            << QString::fromUtf8(
                   "[MASK] 서울시는 28일 새로운 대중교통 요금 체계를 발표했다 . 시민들은 "
                   "새 요금 체계가 다음 달부터 적용된다고 들었다 .")
            << 10 << 64 << "leaves out a mask";
    }
    void aCutThatLeavesOutAMaskIsRefused()
    {
        // As the evaluation refuses to cut into the masks, fill-mask says so (never fewer masks
        // than the text has, never a window past the text).
        QFETCH(QString, text);
        QFETCH(int, maxLength);
        QFETCH(int, rightKeep);
        QFETCH(QString, reason);
        const MaskedLM *model = m_model.get();
        const Tokenizer *tok = m_tok.get();
        try {
            fillMask(*model, *tok, text.toStdString(), 3, {}, {maxLength, rightKeep});
            QFAIL("the cut was accepted");
        } catch (const std::runtime_error &e) {
            QVERIFY2(std::string(e.what()).find(reason.toStdString()) != std::string::npos,
                     e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestClozeEval)
#include "tst_cloze_eval.moc"
