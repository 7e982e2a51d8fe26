// SPDX-License-Identifier: MIT
// Every attention backend against transformers' numbers on every fixture (fp32, CPU: logits and
// hidden states within 1e-4, the 2 048-token case included), and against the plain path on
// DeBERTa configurations the fixtures lack (c2p or p2c alone, unshared position projections,
// no bucketing, absolute positions, lengths around the 32-key tiles, padding).
#include "engine/engine_info.h"
#include "engine/fill_mask.h"
#include "engine/masked_lm.h"

#include <nlohmann/json.hpp>

#include "engine_support.h"
#include "test_support.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace cs;
using cs::test::fixture;
using cs::test::maxAbsDiff;
using cs::test::readJson;
using cs::test::top5;

namespace {

std::unique_ptr<MaskedLM> load(const std::string &model, const std::string &attention)
{
    EngineOptions o;
    o.attention = attention;
    std::string error;
    auto lm = MaskedLM::load(fixture(model), o, error);
    if (!lm) qFatal("%s", error.c_str());
    return lm;
}

/// A small DeBERTa-v2 with random weights; tests change its options.
ModelConfig smallDeberta()
{
    ModelConfig c;
    c.architecture = Architecture::DebertaV2;
    c.modelType = "deberta-v2";
    c.vocabSize = 300;
    c.hiddenSize = c.embeddingSize = 32;
    c.numLayers = 2;
    c.numHeads = 2; // head size 16: a tile's lanes cover it with some idle
    c.intermediateSize = 64;
    c.maxPositionEmbeddings = 128;
    c.layerNormEps = 1e-7;
    c.typeVocabSize = 0;
    c.relativeAttention = true;
    c.posAttType = {"p2c", "c2p"};
    c.positionBuckets = 16; // saturates past ~128: whole tiles share a slot at 700 tokens
    c.shareAttKey = true;
    c.normRelEbdLayerNorm = true;
    c.positionBiasedInput = false;
    return c;
}

} // namespace

class TestAttentionBackends : public QObject
{
    Q_OBJECT
  private slots:
    void backendsListed()
    {
        const auto names = attentionBackends();
        QCOMPARE(names.front(), std::string("plain"));
        QVERIFY(std::count(names.begin(), names.end(), "fused") == 1);
        std::string error;
        const auto lm = MaskedLM::load(fixture("bert-tiny"), {}, error); // "auto"
        QVERIFY2(lm, error.c_str());
        QCOMPARE(lm->attention(), names.size() > 2 ? std::string("sdpa") : std::string("plain"));
    }

    void refusedByName()
    {
        EngineOptions o;
        o.attention = "flash";
        QVERIFY(QString::fromStdString(engineOptionsProblem(o)).contains("not one of auto"));
        std::string error;
        QVERIFY(!MaskedLM::load(fixture("bert-tiny"), o, error));
        QVERIFY(QString::fromStdString(error).contains("\"flash\""));
        o.attention = "sdpa";
        const auto names = attentionBackends();
        if (std::count(names.begin(), names.end(), "sdpa"))
            QVERIFY(engineOptionsProblem(o).empty());
        else
            QVERIFY(QString::fromStdString(engineOptionsProblem(o)).contains("LibTorch 2.0"));
    }

    void matchTransformers_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("attention");
        for (const auto &backend : attentionBackends())
            for (const char *model :
                 {"bert-tiny", "roberta-tiny", "deberta-v2-tiny", "deberta-v3-tiny-spm"})
                QTest::addRow("%s %s", model, backend.c_str())
                    << QString(model) << QString::fromStdString(backend);
    }
    void matchTransformers()
    {
        QFETCH(QString, model);
        QFETCH(QString, attention);
        const auto lm = load(model.toStdString(), attention.toStdString());
        QCOMPARE(QString::fromStdString(lm->attention()), attention);
        const auto expected = readJson(fixture(model.toStdString() + ".expected.json"));
        const auto &first = expected.at("golden").at(0);
        const auto ids = first.at("input_ids").get<std::vector<int>>();
        const auto states = lm->hiddenStates(ids);
        for (std::size_t s = 0; s < states.size(); ++s)
            QVERIFY2(maxAbsDiff(states[s],
                                first.at("hidden_states").at(s).get<std::vector<double>>()) < 1e-4,
                     qPrintable(QString("hidden state %1").arg(s)));
        // the padded batch: padding changes nothing
        std::vector<std::vector<int>> batch, positions;
        const auto &rows = expected.at("batch").at("rows");
        for (const auto &r : rows) {
            const auto padded = r.at("input_ids").get<std::vector<int>>();
            const auto mask = r.at("attention_mask").get<std::vector<int>>();
            batch.emplace_back(padded.begin(),
                               padded.begin() + std::count(mask.begin(), mask.end(), 1));
            positions.push_back(r.at("mask_positions").get<std::vector<int>>());
        }
        const auto out = lm->logitsAt(batch, positions);
        for (std::size_t b = 0; b < rows.size(); ++b)
            for (std::size_t m = 0; m < positions[b].size(); ++m)
                QVERIFY(maxAbsDiff(out[b][m],
                                   rows[b].at("mask_logits").at(m).get<std::vector<double>>()) <
                        1e-4);
        // the long case (2 048 tokens for DeBERTa: buckets saturate far from the diagonal)
        const auto &l = expected.at("long");
        const auto longIds = l.at("input_ids").get<std::vector<int>>();
        const auto at = l.at("mask_positions").get<std::vector<int>>();
        const auto logits = lm->logitsAt({longIds}, {at}).at(0);
        for (std::size_t m = 0; m < at.size(); ++m) {
            const double diff =
                maxAbsDiff(logits[m], l.at("mask_logits").at(m).get<std::vector<double>>());
            QVERIFY2(diff < 1e-4, qPrintable(QString("long: logits differ by %1").arg(diff)));
            QCOMPARE(top5(logits[m]), l.at("mask_top5").at(m).get<std::vector<int>>());
        }
    }

    void agreeWithPlain_data()
    {
        QTest::addColumn<QString>("attention");
        QTest::addColumn<QString>("variant");
        for (const auto &backend : attentionBackends()) {
            if (backend == "plain") continue;
            for (const char *variant : {"kf-deberta", "c2p only", "p2c only", "unshared",
                                        "no buckets", "absolute positions", "no relative"})
                QTest::addRow("%s %s", backend.c_str(), variant)
                    << QString::fromStdString(backend) << QString(variant);
        }
    }
    void agreeWithPlain()
    {
        QFETCH(QString, attention);
        QFETCH(QString, variant);
        ModelConfig c = smallDeberta();
        if (variant == "c2p only") c.posAttType = {"c2p"};
        if (variant == "p2c only") c.posAttType = {"p2c"};
        if (variant == "unshared") c.shareAttKey = false;
        if (variant == "no buckets") {
            c.positionBuckets = -1;
            c.maxRelativePositions = 40;
        }
        if (variant == "absolute positions") {
            c.positionBiasedInput = true;
            c.maxPositionEmbeddings = 800;
        }
        if (variant == "no relative") c.relativeAttention = false;
        EngineOptions plain, other;
        plain.attention = "plain";
        other.attention = attention.toStdString();
        const auto reference = MaskedLM::randomDeberta(c, plain, 5);
        const auto lm = MaskedLM::randomDeberta(c, other, 5);
        // lengths on both sides of a 32-key tile, a single token, and a long padded row
        std::mt19937 rng(3);
        std::vector<std::vector<int>> batch, positions;
        for (int length : {1, 31, 32, 33, 97, 700}) {
            std::vector<int> ids(static_cast<std::size_t>(length));
            for (auto &id : ids)
                id = int(rng() % 290) + 5;
            batch.push_back(ids);
            positions.push_back({0, length / 2, length - 1});
        }
        const auto want = reference->logitsAt(batch, positions);
        const auto got = lm->logitsAt(batch, positions);
        for (std::size_t b = 0; b < batch.size(); ++b)
            for (std::size_t m = 0; m < positions[b].size(); ++m) {
                const double diff = maxAbsDiff(got[b][m], want[b][m]);
                QVERIFY2(diff < 1e-4, qPrintable(QString("length %1, position %2: %3")
                                                     .arg(batch[b].size())
                                                     .arg(positions[b][m])
                                                     .arg(diff)));
            }
        const auto states = lm->hiddenStates(batch[4]),
                   plainStates = reference->hiddenStates(batch[4]);
        for (std::size_t s = 0; s < states.size(); ++s)
            QVERIFY(maxAbsDiff(states[s], plainStates[s]) < 1e-4);
    }
};

QTEST_APPLESS_MAIN(TestAttentionBackends)
#include "tst_attention_backends.moc"
