// SPDX-License-Identifier: MIT
// Engine parity with Hugging Face transformers on the fixtures (fp32, CPU): hidden states and
// logits within 1e-4, identical top-5, padding that changes nothing, long sequences.
#include "engine/fill_mask.h"
#include "engine/masked_lm.h"

#include <nlohmann/json.hpp>

#include "engine_support.h"
#include "test_support.h"
#include <QFile>
#include <QTemporaryDir>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>

using namespace cs;
using cs::test::fixture;
using cs::test::maxAbsDiff;
using cs::test::readJson;
using cs::test::readText;
using cs::test::top5;

namespace {

std::unique_ptr<MaskedLM> loadModel(const std::string &model)
{
    std::string error;
    auto lm = MaskedLM::load(fixture(model), EngineOptions{}, error);
    if (!lm) qFatal("%s", error.c_str());
    return lm;
}

} // namespace

class TestMaskedLM : public QObject
{
    Q_OBJECT
  private slots:
    void golden_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("bert-tiny") << "bert-tiny";
        QTest::newRow("roberta-tiny") << "roberta-tiny";
        QTest::newRow("deberta-v2-tiny") << "deberta-v2-tiny";
        QTest::newRow("deberta-v3-tiny-spm") << "deberta-v3-tiny-spm";
    }
    void golden()
    {
        QFETCH(QString, model);
        const auto lm = loadModel(model.toStdString());
        const auto expected = readJson(fixture(model.toStdString() + ".expected.json"));
        bool first = true;
        for (const auto &g : expected.at("golden")) {
            const auto ids = g.at("input_ids").get<std::vector<int>>();
            const auto positions = g.at("mask_positions").get<std::vector<int>>();
            const auto logits = lm->logitsAt({ids}, {positions}).at(0);
            for (std::size_t m = 0; m < positions.size(); ++m) {
                const double diff =
                    maxAbsDiff(logits[m], g.at("mask_logits").at(m).get<std::vector<double>>());
                QVERIFY2(diff < 1e-4, qPrintable(QString("logits differ by %1").arg(diff)));
                QCOMPARE(top5(logits[m]), g.at("mask_top5").at(m).get<std::vector<int>>());
            }
            if (first) { // hidden states of the first text: embeddings, then every layer
                const auto states = lm->hiddenStates(ids);
                const auto want = g.at("hidden_states");
                QCOMPARE(states.size(), want.size());
                for (std::size_t s = 0; s < states.size(); ++s) {
                    const double diff =
                        maxAbsDiff(states[s], want.at(s).get<std::vector<double>>());
                    QVERIFY2(diff < 1e-4,
                             qPrintable(QString("hidden state %1 differs by %2").arg(s).arg(diff)));
                }
                first = false;
            }
        }
    }

    void paddedBatch_data() { golden_data(); }
    void paddedBatch()
    {
        QFETCH(QString, model);
        const auto lm = loadModel(model.toStdString());
        const auto rows =
            readJson(fixture(model.toStdString() + ".expected.json")).at("batch").at("rows");
        std::vector<std::vector<int>> batch, positions;
        for (const auto &r : rows) {
            const auto ids = r.at("input_ids").get<std::vector<int>>();
            const auto mask = r.at("attention_mask").get<std::vector<int>>();
            batch.emplace_back(ids.begin(), ids.begin() + std::count(mask.begin(), mask.end(), 1));
            positions.push_back(r.at("mask_positions").get<std::vector<int>>());
        }
        const auto out = lm->logitsAt(batch, positions);
        for (std::size_t b = 0; b < rows.size(); ++b)
            for (std::size_t m = 0; m < positions[b].size(); ++m)
                QVERIFY(maxAbsDiff(out[b][m],
                                   rows[b].at("mask_logits").at(m).get<std::vector<double>>()) <
                        1e-4);
    }

    void longSequence_data() { golden_data(); }
    void longSequence()
    {
        QFETCH(QString, model);
        const auto lm = loadModel(model.toStdString());
        const auto l = readJson(fixture(model.toStdString() + ".expected.json")).at("long");
        const auto ids = l.at("input_ids").get<std::vector<int>>();
        const auto positions = l.at("mask_positions").get<std::vector<int>>();
        const auto logits = lm->logitsAt({ids}, {positions}).at(0);
        for (std::size_t m = 0; m < positions.size(); ++m) {
            QVERIFY(maxAbsDiff(logits[m], l.at("mask_logits").at(m).get<std::vector<double>>()) <
                    1e-4);
            QCOMPARE(top5(logits[m]), l.at("mask_top5").at(m).get<std::vector<int>>());
        }
        const auto last = lm->hiddenStates(ids).back();
        const int hidden = lm->config().hiddenSize;
        const auto probes = l.at("last_hidden_probe_positions").get<std::vector<int>>();
        for (std::size_t p = 0; p < probes.size(); ++p) {
            const std::vector<float> row(last.begin() + probes[p] * hidden,
                                         last.begin() + (probes[p] + 1) * hidden);
            QVERIFY(maxAbsDiff(row, l.at("last_hidden_probe").at(p).get<std::vector<double>>()) <
                    1e-4);
        }
    }

    void storageVariants_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pytorch_model.bin") << "storage/deberta-v2-tiny-bin"
                                           << "hf-reference/deberta-v2-tiny.expected.json";
        QTest::newRow("sharded safetensors") << "storage/deberta-v2-tiny-sharded"
                                             << "hf-reference/deberta-v2-tiny.expected.json";
        QTest::newRow("bf16 weights") << "storage/deberta-v2-tiny-bf16"
                                      << "storage/deberta-v2-tiny-bf16.expected.json";
    }
    void storageVariants()
    {
        QFETCH(QString, folder);
        QFETCH(QString, expected);
        const std::string root = std::string(CLOZESCOPE_TEST_DATA) + "/";
        std::string error;
        const auto lm = MaskedLM::load(root + folder.toStdString(), EngineOptions{}, error);
        QVERIFY2(lm, error.c_str());
        const nlohmann::json want = readJson(root + expected.toStdString());
        for (const auto &g : want.at("golden")) {
            const auto positions = g.at("mask_positions").get<std::vector<int>>();
            const auto logits =
                lm->logitsAt({g.at("input_ids").get<std::vector<int>>()}, {positions}).at(0);
            for (std::size_t m = 0; m < positions.size(); ++m)
                QVERIFY(maxAbsDiff(logits[m],
                                   g.at("mask_logits").at(m).get<std::vector<double>>()) < 1e-4);
        }
    }

    void halfPrecisionWeightsOnAPaddedBatch_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::newRow("bf16") << "bf16";
        // fp16 is for CUDA: LibTorch's CPU LayerNorm has no Half kernel.
    }
    void halfPrecisionWeightsOnAPaddedBatch()
    {
        // Weights stored in bf16/fp16 (not autocast): the attention mask's fill value must fit
        // the type; one seed gives the same weights in every dtype.
        QFETCH(QString, dtype);
        ModelConfig c;
        c.architecture = Architecture::DebertaV2;
        c.modelType = "deberta-v2";
        c.vocabSize = 500;
        c.hiddenSize = c.embeddingSize = 32;
        c.numLayers = 2;
        c.numHeads = 4;
        c.intermediateSize = 64;
        c.maxPositionEmbeddings = 128;
        c.layerNormEps = 1e-7;
        c.typeVocabSize = 0;
        c.relativeAttention = true;
        c.posAttType = {"p2c", "c2p"};
        c.positionBuckets = 32;
        c.shareAttKey = true;
        c.normRelEbdLayerNorm = true;
        c.positionBiasedInput = false;
        EngineOptions half;
        half.dtype = dtype.toStdString();
        const auto lm = MaskedLM::randomDeberta(c, half, 3);
        const auto exact = MaskedLM::randomDeberta(c, EngineOptions{}, 3);
        const std::vector<std::vector<int>> batch{{1, 40, 41, 42, 43, 44, 45, 2}, {1, 50, 51, 2}};
        const std::vector<std::vector<int>> at{{3, 5}, {2}};
        const auto a = lm->logitsAt(batch, at);
        const auto b = exact->logitsAt(batch, at);
        QCOMPARE(a.size(), std::size_t(2));
        QCOMPARE(a[1].size(), std::size_t(1));
        for (std::size_t s = 0; s < a.size(); ++s)
            for (std::size_t m = 0; m < a[s].size(); ++m) {
                QVERIFY(std::isfinite(a[s][m][0]));
                double diff = 0;
                for (std::size_t v = 0; v < a[s][m].size(); ++v)
                    diff = std::max(diff, double(std::abs(a[s][m][v] - b[s][m][v])));
                QVERIFY2(diff < 0.05, qPrintable(QString::number(diff)));
            }
    }

    void brokenCheckpoints_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong shape") << "shape"
                                     << "has shape";
        QTest::newRow("missing weight") << "missing"
                                        << "missing weight";
        QTest::newRow("unsupported model") << "model_type"
                                           << "\"gpt2\" is not supported";
        QTest::newRow("truncated weights") << "truncate"
                                           << "model.safetensors";
    }
    void brokenCheckpoints()
    {
        // bert-tiny with one thing broken: a clear error naming it.
        QFETCH(QString, change);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString src = QString::fromStdString(fixture("bert-tiny"));
        QFile::copy(src + "/config.json", dir.filePath("config.json"));
        QFile weights(src + "/model.safetensors");
        QVERIFY(weights.open(QIODevice::ReadOnly));
        QByteArray bytes = weights.readAll();
        std::uint64_t headerLength = 0;
        std::memcpy(&headerLength, bytes.constData(), 8);
        QByteArray header = bytes.mid(8, int(headerLength));
        if (change ==
            "shape") // query weight [32, 32] declared as [16, 64]: same bytes, wrong shape
            header.replace("\"bert.encoder.layer.0.attention.self.query.weight\":{\"dtype\":"
                           "\"F32\",\"shape\":[32,32]",
                           "\"bert.encoder.layer.0.attention.self.query.weight\":{\"dtype\":"
                           "\"F32\",\"shape\":[16,64]");
        if (change == "missing")
            header.replace("bert.encoder.layer.1.output.dense.weight",
                           "bert.encoder.layer.1.output.dense.weighX");
        if (change == "model_type") {
            QFile config(dir.filePath("config.json"));
            QVERIFY(config.open(QIODevice::ReadWrite));
            QByteArray text = config.readAll().replace("\"bert\"", "\"gpt2\"");
            config.resize(0);
            config.write(text);
        }
        QByteArray out = bytes.left(8) + header + bytes.mid(8 + int(headerLength));
        if (change == "truncate") out.chop(100);
        QFile file(dir.filePath("model.safetensors"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(out);
        file.close();
        std::string error;
        const auto lm = MaskedLM::load(dir.path().toStdString(), EngineOptions{}, error);
        QVERIFY2(!lm && error.find(reason.toStdString()) != std::string::npos, error.c_str());
    }

    void cpuThreadsShared_data()
    {
        QTest::addColumn<QString>("dtype");
        QTest::newRow("fp32") << "fp32";
        QTest::newRow("bf16") << "bf16";
    }
    void cpuThreadsShared()
    {
        // Two threads asked for: a pthreads OpenBLAS gets them for fp32 (its matrix products)
        // and LibTorch keeps one; bf16 runs on LibTorch's pool. Otherwise LibTorch has them.
        QFETCH(QString, dtype);
        EngineOptions o;
        o.threads = 2;
        o.dtype = dtype.toStdString();
        std::string error;
        const auto lm = MaskedLM::load(fixture("bert-tiny"), o, error);
        QVERIFY2(lm, error.c_str());
        const CpuThreading &t = lm->cpuThreading();
        const bool fp32 = dtype == "fp32";
        if (t.blas == "OpenBLAS (pthreads)") {
            QCOMPARE(t.blasThreads, fp32 ? 2 : 1);
            QCOMPARE(t.torchThreads, fp32 ? 1 : 2);
        } else {
            QCOMPARE(t.torchThreads, 2);
        }
        if (t.blas == "OpenBLAS (OpenMP)") QCOMPARE(t.blasThreads, 2); // the same OpenMP pool
    }

    void devicesAndPrecisionsThisMachineLacks_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("dtype");
        QTest::addColumn<QString>("reason"); // when refused
        QTest::newRow("unknown device") << "tpu"
                                        << "fp32"
                                        << "is not supported: cpu, cuda";
        QTest::newRow("mps") << "mps"
                             << "fp32"
                             << "is not supported";
        QTest::newRow("cuda") << "cuda"
                              << "fp32"
                              << "no CUDA here";
        QTest::newRow("ninth GPU") << "cuda:8"
                                   << "fp32"
                                   << "GPU";
        QTest::newRow("fp16 on the CPU") << "cpu"
                                         << "fp16"
                                         << "fp16 on the CPU";
    }
    void devicesAndPrecisionsThisMachineLacks()
    {
        // Refused with the reason in words (no LibTorch backtrace), or used where the machine
        // has it (a CUDA machine; a LibTorch with half-precision LayerNorm on the CPU).
        QFETCH(QString, device);
        QFETCH(QString, dtype);
        QFETCH(QString, reason);
        EngineOptions o;
        o.device = device.toStdString();
        o.dtype = dtype.toStdString();
        std::string error;
        const auto lm = MaskedLM::load(fixture("bert-tiny"), o, error);
        QVERIFY(error.find("Exception raised from") == std::string::npos);
        QVERIFY(error.find("frame #") == std::string::npos);
        if (device == "tpu" || device == "mps") QVERIFY(!lm);
        if (!lm) {
            QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
            QVERIFY2(error.find(device.toStdString()) != std::string::npos ||
                         error.find("fp16") != std::string::npos,
                     error.c_str());
        } else {
            QVERIFY(!lm->logitsAt({{101, 103, 102}}, {{1}}).at(0).empty());
        }
    }

    void libtorchErrorsComeWithoutBacktrace()
    {
        // An out-of-range position reaches LibTorch's index_select: its message, no backtrace.
        std::string error;
        const auto lm = MaskedLM::load(fixture("bert-tiny"), EngineOptions{}, error);
        QVERIFY2(lm, error.c_str());
        try {
            lm->logitsAt({{101, 103, 102}}, {{7}});
            QFAIL("a position outside the sequence was accepted");
        } catch (const std::runtime_error &e) {
            const std::string what = e.what();
            QVERIFY2(what.find("index") != std::string::npos, what.c_str());
            QVERIFY2(what.find("Exception raised from") == std::string::npos, what.c_str());
        }
    }

    void refusals()
    {
        std::string error;
        QVERIFY(!MaskedLM::load("/nonexistent/model", EngineOptions{}, error));
        QVERIFY(error.find("config.json") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestMaskedLM)
#include "tst_masked_lm.moc"
