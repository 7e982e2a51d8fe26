// SPDX-License-Identifier: MIT
// DeBERTa's ConvLayer (conv_kernel_size > 0) and hidden_act. No fixture of transformers has a
// ConvLayer, so its formula (transformers' modeling_deberta_v2.ConvLayer) is computed here by hand
// in double precision, on the deberta-v2-tiny fixture given random convolution weights.
#include "engine/masked_lm.h"

#include <nlohmann/json.hpp>

#include "test_support.h"
#include <QTemporaryDir>

#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <random>

using namespace cs;
using cs::test::fixture;
using cs::test::readJson;
using cs::test::readText;

namespace {

/// A ConvLayer's configuration and weights.
struct Conv
{
    int kernel = 3;
    int groups = 1;
    std::string act = "tanh";
    std::vector<float> weight, bias, gamma, beta; ///< [H × H/groups × kernel], [H] × 3
};

Conv randomConv(int hidden, int kernel, int groups, const std::string &act)
{
    std::mt19937 rng(7);
    std::normal_distribution<float> n(0, 0.3f);
    Conv c{kernel, groups, act, {}, {}, {}, {}};
    c.weight.resize(std::size_t(hidden * (hidden / groups) * kernel));
    for (auto &v : c.weight)
        v = n(rng);
    for (auto *vec : {&c.bias, &c.gamma, &c.beta}) {
        vec->resize(std::size_t(hidden));
        for (auto &v : *vec)
            v = n(rng) + (vec == &c.gamma ? 1.0f : 0.0f);
    }
    return c;
}

/// Writes a safetensors file of F32 tensors.
void writeSafetensors(const std::string &path,
                      const std::vector<std::pair<std::string, std::vector<std::int64_t>>> &shapes,
                      const std::vector<const std::vector<float> *> &data)
{
    nlohmann::json header = nlohmann::json::object();
    std::size_t offset = 0;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        const std::size_t bytes = data[i]->size() * sizeof(float);
        header[shapes[i].first] = {{"dtype", "F32"},
                                   {"shape", shapes[i].second},
                                   {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    const std::string text = header.dump();
    const std::uint64_t length = text.size();
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char *>(&length), 8);
    out.write(text.data(), std::streamsize(text.size()));
    for (const auto *d : data)
        out.write(reinterpret_cast<const char *>(d->data()), std::streamsize(d->size() * 4));
}

/// deberta-v2-tiny copied into dir with config.json edited and its weights under weightsFile;
/// returns the weights' bytes.
std::string copyTinyDeberta(const QTemporaryDir &dir, const nlohmann::json &configEdits,
                            const std::string &weightsFile = "model.safetensors")
{
    const std::string src = fixture("deberta-v2-tiny"), out = dir.path().toStdString();
    nlohmann::json config = readJson(src + "/config.json");
    config.update(configEdits);
    std::ofstream(out + "/config.json") << config.dump();
    const std::string weights = readText(src + "/model.safetensors");
    std::ofstream(out + "/" + weightsFile, std::ios::binary) << weights;
    return weights;
}

/// deberta-v2-tiny with a ConvLayer in dir: the fixture's weights in one shard, the
/// convolution's (of c's kernel and groups) in a second (model.safetensors.index.json joins
/// them). configEdits change config.json last.
void makeConvModel(const QTemporaryDir &dir, const Conv &c,
                   const nlohmann::json &configEdits = nlohmann::json::object())
{
    const std::string out = dir.path().toStdString();
    nlohmann::json edits = {
        {"conv_kernel_size", c.kernel}, {"conv_groups", c.groups}, {"conv_act", c.act}};
    edits.update(configEdits);
    const std::string weights = copyTinyDeberta(dir, edits, "model-00001-of-00002.safetensors");
    std::uint64_t headerLength = 0;
    std::memcpy(&headerLength, weights.data(), 8);
    nlohmann::json map = nlohmann::json::object();
    const nlohmann::json header = nlohmann::json::parse(weights.substr(8, headerLength));
    for (const auto &[name, _] : header.items())
        if (name != "__metadata__") map[name] = "model-00001-of-00002.safetensors";
    const auto h = std::int64_t(c.bias.size()); // hidden_size
    const std::string p = "deberta.encoder.conv.";
    writeSafetensors(out + "/model-00002-of-00002.safetensors",
                     {{p + "conv.weight", {h, h / c.groups, c.kernel}},
                      {p + "conv.bias", {h}},
                      {p + "LayerNorm.weight", {h}},
                      {p + "LayerNorm.bias", {h}}},
                     {&c.weight, &c.bias, &c.gamma, &c.beta});
    for (const char *n : {"conv.weight", "conv.bias", "LayerNorm.weight", "LayerNorm.bias"})
        map[p + n] = "model-00002-of-00002.safetensors";
    std::ofstream(out + "/model.safetensors.index.json")
        << nlohmann::json{{"metadata", nlohmann::json::object()}, {"weight_map", map}}.dump();
}

double activation(double x, const std::string &name)
{
    if (name == "tanh") return std::tanh(x);
    if (name == "relu") return std::max(0.0, x);
    return 0.5 * x * (1 + std::erf(x / std::sqrt(2.0))); // gelu
}

/// transformers' ConvLayer on one unpadded sequence: LayerNorm(layer + act(conv(embeddings))).
std::vector<double> referenceConv(const std::vector<float> &embedded,
                                  const std::vector<float> &layerOut, int hidden, const Conv &c,
                                  double eps)
{
    const int length = int(embedded.size()) / hidden, perGroup = hidden / c.groups;
    const int pad = (c.kernel - 1) / 2;
    std::vector<double> out(embedded.size());
    for (int t = 0; t < length; ++t) {
        std::vector<double> row(std::size_t(hidden), 0.0);
        for (int o = 0; o < hidden; ++o) {
            double z = c.bias[std::size_t(o)];
            const int firstIn = (o / (hidden / c.groups)) * perGroup;
            for (int ci = 0; ci < perGroup; ++ci)
                for (int j = 0; j < c.kernel; ++j) {
                    const int at = t + j - pad;
                    if (at < 0 || at >= length) continue;
                    z += double(c.weight[std::size_t((o * perGroup + ci) * c.kernel + j)]) *
                         embedded[std::size_t(at * hidden + firstIn + ci)];
                }
            row[std::size_t(o)] = layerOut[std::size_t(t * hidden + o)] + activation(z, c.act);
        }
        double mean = 0, var = 0;
        for (double v : row)
            mean += v / hidden;
        for (double v : row)
            var += (v - mean) * (v - mean) / hidden;
        for (int o = 0; o < hidden; ++o)
            out[std::size_t(t * hidden + o)] =
                (row[std::size_t(o)] - mean) / std::sqrt(var + eps) * c.gamma[std::size_t(o)] +
                c.beta[std::size_t(o)];
    }
    return out;
}

std::vector<int> goldenIds()
{
    return readJson(fixture("deberta-v2-tiny.expected.json"))
        .at("golden")
        .at(0)
        .at("input_ids")
        .get<std::vector<int>>();
}

std::unique_ptr<MaskedLM> loadOrFail(const QTemporaryDir &dir)
{
    std::string error;
    auto lm = MaskedLM::load(dir.path().toStdString(), EngineOptions{}, error);
    if (!lm) qFatal("%s", error.c_str());
    return lm;
}

} // namespace

class TestDebertaConv : public QObject
{
    Q_OBJECT
  private slots:
    void convLayerAsTransformersDefinesIt_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("groups");
        QTest::addColumn<QString>("act");
        QTest::newRow("kernel 3, tanh (the default)") << 3 << 1 << "tanh";
        QTest::newRow("kernel 5, 4 groups, gelu") << 5 << 4 << "gelu";
        QTest::newRow("kernel 1, relu") << 1 << 1 << "relu";
    }
    void convLayerAsTransformersDefinesIt()
    {
        // The first layer's output passes through the ConvLayer; the embeddings do not change.
        QFETCH(int, kernel);
        QFETCH(int, groups);
        QFETCH(QString, act);
        std::string error;
        const auto base = MaskedLM::load(fixture("deberta-v2-tiny"), EngineOptions{}, error);
        QVERIFY2(base, error.c_str());
        const int h = base->config().hiddenSize;
        const Conv c = randomConv(h, kernel, groups, act.toStdString());
        QTemporaryDir dir;
        makeConvModel(dir, c);
        const auto lm = loadOrFail(dir);
        QCOMPARE(lm->config().convKernelSize, kernel);

        const std::vector<int> ids = goldenIds();
        const auto plain = base->hiddenStates(ids);
        const auto states = lm->hiddenStates(ids);
        QCOMPARE(states.size(), plain.size());
        QCOMPARE(states[0], plain[0]);
        const auto want = referenceConv(plain[0], plain[1], h, c, base->config().layerNormEps);
        double diff = 0;
        for (std::size_t i = 0; i < want.size(); ++i)
            diff = std::max(diff, std::fabs(double(states[1][i]) - want[i]));
        QVERIFY2(diff < 1e-4, qPrintable(QString("ConvLayer output differs by %1").arg(diff)));
        double moved = 0; // the later layers see the convolved states
        for (std::size_t i = 0; i < states.back().size(); ++i)
            moved = std::max(moved, double(std::fabs(states.back()[i] - plain.back()[i])));
        QVERIFY(moved > 1e-2);
    }

    void paddingChangesNothing()
    {
        // The convolution reaches across the end of a shorter sequence into the padding, whose
        // embeddings are zero, as the convolution's own zero padding is at a sequence's end: the
        // shorter sequence's logits are those it has alone.
        QTemporaryDir dir;
        makeConvModel(dir, randomConv(32, 5, 1, "tanh"));
        const auto lm = loadOrFail(dir);
        const std::vector<int> longer = goldenIds();
        const std::vector<int> shorter(longer.begin(), longer.begin() + 6);
        const auto batch = lm->logitsAt({longer, shorter}, {{1, 2}, {1, 4}});
        const auto alone = lm->logitsAt({shorter}, {{1, 4}});
        for (std::size_t m = 0; m < 2; ++m)
            for (std::size_t v = 0; v < alone[0][m].size(); ++v)
                QVERIFY(std::fabs(batch[1][m][v] - alone[0][m][v]) < 1e-4);
    }

    void bf16Runs()
    {
        // The convolution in bf16 (LibTorch's CPU conv1d has a bf16 kernel): close to fp32.
        QTemporaryDir dir;
        makeConvModel(dir, randomConv(32, 3, 1, "tanh"));
        EngineOptions bf16;
        bf16.dtype = "bf16";
        std::string error;
        const auto half = MaskedLM::load(dir.path().toStdString(), bf16, error);
        QVERIFY2(half, error.c_str());
        const auto exact = loadOrFail(dir);
        const std::vector<int> ids = goldenIds();
        const auto a = half->logitsAt({ids}, {{1}})[0][0];
        const auto b = exact->logitsAt({ids}, {{1}})[0][0];
        double diff = 0;
        for (std::size_t v = 0; v < a.size(); ++v) {
            QVERIFY(std::isfinite(a[v]));
            diff = std::max(diff, double(std::fabs(a[v] - b[v])));
        }
        QVERIFY2(diff < 0.5, qPrintable(QString::number(diff)));
    }

    void badConvConfigurations_data()
    {
        // config.json edits over weights of kernel 3, one group.
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("reason");
        QTest::newRow("even kernel") << R"({"conv_kernel_size": 4})"
                                     << "is even";
        QTest::newRow("groups") << R"({"conv_groups": 3})"
                                << "conv_groups 3 does not divide hidden_size 32";
        QTest::newRow("activation") << R"({"conv_act": "bogus"})"
                                    << "activation \"bogus\" is not supported";
        QTest::newRow("hidden_act") << R"({"hidden_act": "bogus"})"
                                    << "activation \"bogus\" is not supported";
        QTest::newRow("weight shape") << R"({"conv_kernel_size": 5})"
                                      << "weight \"deberta.encoder.conv.conv.weight\" has shape";
    }
    void badConvConfigurations()
    {
        QFETCH(QString, edit);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        makeConvModel(dir, randomConv(32, 3, 1, "tanh"), nlohmann::json::parse(edit.toStdString()));
        std::string error;
        QVERIFY(!MaskedLM::load(dir.path().toStdString(), EngineOptions{}, error));
        QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
    }

    void missingConvWeights()
    {
        QTemporaryDir dir;
        copyTinyDeberta(dir, {{"conv_kernel_size", 3}});
        std::string error;
        QVERIFY(!MaskedLM::load(dir.path().toStdString(), EngineOptions{}, error));
        QVERIFY2(error.find("missing weight \"deberta.encoder.conv.conv.weight\"") !=
                     std::string::npos,
                 error.c_str());
    }

    void hiddenActIsHonoured()
    {
        // gelu_new (tanh approximation) instead of gelu: close, yet not the same numbers.
        QTemporaryDir dir;
        copyTinyDeberta(dir, {{"hidden_act", "gelu_new"}});
        std::string error;
        const auto base = MaskedLM::load(fixture("deberta-v2-tiny"), EngineOptions{}, error);
        QVERIFY2(base, error.c_str());
        const auto approx = loadOrFail(dir);
        const auto a = base->hiddenStates(goldenIds()).back();
        const auto b = approx->hiddenStates(goldenIds()).back();
        double diff = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            diff = std::max(diff, double(std::fabs(a[i] - b[i])));
        QVERIFY2(diff > 1e-7 && diff < 0.05, qPrintable(QString::number(diff)));
    }
};

QTEST_APPLESS_MAIN(TestDebertaConv)
#include "tst_deberta_conv.moc"
