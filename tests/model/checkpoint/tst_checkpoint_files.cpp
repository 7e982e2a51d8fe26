// SPDX-License-Identifier: MIT
// safetensors (single, sharded, BF16; hostile headers) and config.json, on the fixtures.
#include "checkpoint/model_config.h"
#include "checkpoint/safetensors.h"
#include "checkpoint/torch_bin.h"

#include <nlohmann/json.hpp>

#include "hostile_files.h"
#include "test_support.h"
#include <QTemporaryDir>

#include <QtTest>

#include <cstring>
#include <fstream>
#include <set>
#include <sys/stat.h>

using namespace cs;
using cs::test::readJson;
using cs::test::readText;

namespace {

std::string data(const std::string &relative)
{
    return std::string(CLOZESCOPE_TEST_DATA) + "/" + relative;
}

/// A safetensors file: 8-byte length, header, data.
QByteArray safetensors(const std::string &header, const QByteArray &payload)
{
    const std::uint64_t n = header.size();
    QByteArray out(reinterpret_cast<const char *>(&n), 8);
    out += QByteArray::fromStdString(header);
    out += payload;
    return out;
}

} // namespace

class TestCheckpointFiles : public QObject
{
    Q_OBJECT
  private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("model");
        for (const char *m :
             {"bert-tiny", "deberta-v2-tiny", "roberta-tiny", "deberta-v3-tiny-spm"})
            QTest::newRow(m) << m;
    }
    void fixtures()
    {
        QFETCH(QString, model);
        const std::string dir = data("hf-reference/" + model.toStdString());
        SafetensorsCheckpoint ckpt;
        std::string error;
        QVERIFY2(openSafetensorsCheckpoint(dir, ckpt, error), error.c_str());
        const auto saved = readJson(data("hf-reference/" + model.toStdString() + ".expected.json"))
                               .at("saved_keys");
        std::set<std::string> expected(saved.begin(), saved.end()), found;
        for (const auto &[name, view] : ckpt.tensors) {
            found.insert(name);
            QCOMPARE(view->dtype, DType::F32);
            QCOMPARE(view->bytes, std::size_t(view->numel()) * 4);
        }
        QVERIFY(found == expected);
        ModelConfig config;
        QCOMPARE(parseModelConfig(readText(dir + "/config.json"), config), std::string());
        QCOMPARE(config.hiddenSize, 32);
        QCOMPARE(ckpt.tensors.size(), saved.size());
    }

    void debertaConfig()
    {
        ModelConfig c;
        QCOMPARE(parseModelConfig(readText(data("hf-reference/deberta-v2-tiny/config.json")), c),
                 std::string());
        QCOMPARE(c.architecture, Architecture::DebertaV2);
        QVERIFY(c.relativeAttention && c.shareAttKey && c.normRelEbdLayerNorm &&
                !c.positionBiasedInput);
        QCOMPARE(c.posAttType, (std::vector<std::string>{"p2c", "c2p"}));
        QCOMPARE(c.attentionSpan(), 256);
        QCOMPARE(c.layerNormEps, 1e-7);
        QCOMPARE(c.typeVocabSize, 0);
    }

    void shardedEqualsSingle()
    {
        SafetensorsCheckpoint single, sharded;
        std::string error;
        QVERIFY(openSafetensorsCheckpoint(data("hf-reference/deberta-v2-tiny"), single, error));
        QVERIFY2(openSafetensorsCheckpoint(data("storage/deberta-v2-tiny-sharded"), sharded, error),
                 error.c_str());
        QCOMPARE(sharded.files.size(), std::size_t(3));
        QCOMPARE(sharded.tensors.size(), single.tensors.size());
        for (const auto &[name, view] : single.tensors) {
            const TensorView *other = sharded.tensors.at(name);
            QCOMPARE(other->shape, view->shape);
            QVERIFY(std::memcmp(other->data, view->data, view->bytes) == 0);
        }
    }

    void bf16Weights()
    {
        SafetensorsCheckpoint ckpt;
        std::string error;
        QVERIFY2(openSafetensorsCheckpoint(data("storage/deberta-v2-tiny-bf16"), ckpt, error),
                 error.c_str());
        int bf16 = 0;
        for (const auto &[name, view] : ckpt.tensors)
            bf16 += view->dtype == DType::BF16;
        QVERIFY(bf16 > 0);
    }

    void hostile_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("reason");
        const QByteArray four(4, '\0'), eight(8, '\0');
        QTest::newRow("empty") << QByteArray() << "shorter than the 8-byte header length";
        QTest::newRow("header longer than the file")
            << QByteArray::fromHex("ffff000000000000") + QByteArray("{}") << "exceeds the file";
        QTest::newRow("header not JSON") << safetensors("{\"a\": ", {}) << "not JSON";
        QTest::newRow("unknown dtype")
            << safetensors(R"({"w": {"dtype": "F128", "shape": [1], "data_offsets": [0, 4]}})",
                           four)
            << "unknown dtype";
        QTest::newRow("offsets out of range")
            << safetensors(R"({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}})", four)
            << "out of range";
        QTest::newRow("offsets reversed")
            << safetensors(R"({"w": {"dtype": "F32", "shape": [1], "data_offsets": [4, 0]}})", four)
            << "out of range";
        QTest::newRow("size does not match the shape")
            << safetensors(R"({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}})",
                           eight)
            << "the shape needs";
        QTest::newRow("negative dimension")
            << safetensors(R"({"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}})",
                           four)
            << "not a non-negative integer";
        QTest::newRow("overlapping")
            << safetensors(R"({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                               "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}})",
                           eight)
            << "overlap";
        QTest::newRow("header not an object") << safetensors("[1, 2]", {}) << "not a JSON object";
        QTest::newRow("dtype nested 100 000 deep") // printing it for the message recursed
            << safetensors(R"({"w": {"dtype": )" + std::string(100000, '[') +
                               std::string(100000, ']') +
                               R"(, "shape": [1], "data_offsets": [0, 4]}})",
                           four)
            << "nested deeper than 16 levels";
        QTest::newRow("dtype not a name")
            << safetensors(R"({"w": {"dtype": [1], "shape": [1], "data_offsets": [0, 4]}})", four)
            << "unknown dtype (a array, not a name)";
    }
    void hostile()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath("model.safetensors");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file);
        f.close();
        std::string error;
        QVERIFY(!SafetensorsFile::open(path.toStdString(), error));
        QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
        QVERIFY(error.find(path.toStdString()) != std::string::npos); // names the file
    }

    void headerOverTheLimit()
    {
        // A header longer than safetensors' 100 MiB inside a file long enough (sparse here) is
        // refused for what it is, before it is parsed.
        QTemporaryDir dir;
        const QString path = dir.filePath("model.safetensors");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromHex("0100400600000000")); // 100 MiB + 1, little-endian
        QVERIFY(f.resize(110ll << 20));
        f.close();
        std::string error;
        QVERIFY(!SafetensorsFile::open(path.toStdString(), error));
        QVERIFY2(error.find("over safetensors' limit of 104857600 bytes") != std::string::npos,
                 error.c_str());
    }

    void configErrors_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unsupported model") << R"({"model_type": "gpt2", "vocab_size": 10})"
                                           << "\"gpt2\" is not supported";
        QTest::newRow("heads do not divide")
            << R"({"model_type": "bert", "vocab_size": 10, "hidden_size": 30, "num_hidden_layers": 1,
                   "num_attention_heads": 4, "intermediate_size": 8})"
            << "not a multiple of num_attention_heads";
        QTest::newRow("missing field") << R"({"model_type": "bert", "vocab_size": 10})"
                                       << "hidden_size";
        QTest::newRow("odd attention type")
            << R"({"model_type": "deberta-v2", "vocab_size": 10, "hidden_size": 8, "num_hidden_layers": 1,
                   "num_attention_heads": 2, "intermediate_size": 8, "pos_att_type": ["p2p"]})"
            << "pos_att_type \"p2p\"";
        QTest::newRow("not json") << "{"
                                  << "not JSON";
        QTest::newRow("a number written as a string")
            << R"({"model_type": "bert", "vocab_size": 10, "hidden_size": "768"})"
            << R"("hidden_size" must be an integer, not a string ("768"))";
        QTest::newRow("a flag written as a number")
            << R"({"model_type": "deberta-v2", "vocab_size": 10, "hidden_size": 8, "num_hidden_layers": 1,
                   "num_attention_heads": 2, "intermediate_size": 8, "relative_attention": 1})"
            << R"("relative_attention" must be true or false, not a number (1))";
    }
    void configErrors()
    {
        QFETCH(QString, config);
        QFETCH(QString, reason);
        ModelConfig c;
        const std::string error = parseModelConfig(config.toStdString(), c);
        QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
    }

    void pytorchBin()
    {
        // torch.save's zip + pickle read without LibTorch; tied tensors appear under both names.
        TorchBinFile bin;
        std::string error;
        QVERIFY2(bin.open(data("storage/deberta-v2-tiny-bin/pytorch_model.bin"), error),
                 error.c_str());
        SafetensorsCheckpoint reference;
        QVERIFY(openSafetensorsCheckpoint(data("hf-reference/deberta-v2-tiny"), reference, error));
        for (const auto &[name, view] : reference.tensors) {
            QVERIFY2(bin.tensors().count(name), name.c_str());
            const BinTensor &t = bin.tensors().at(name);
            QCOMPARE(t.shape, view->shape);
            QVERIFY(std::memcmp(t.data, view->data, view->bytes) == 0);
        }
        QVERIFY(bin.tensors().count("cls.predictions.decoder.weight"));
    }

    void brokenPytorchBin_data()
    {
        QTest::addColumn<int>("cut");
        QTest::addColumn<QByteArray>("replace");
        QTest::addColumn<QString>("reason");
        QTest::newRow("truncated") << 200 << QByteArray() << "no end of central directory";
        QTest::newRow("not a zip")
            << 0 << QByteArray("just some text, not a checkpoint") << "not a zip file";
    }
    void brokenPytorchBin()
    {
        QFETCH(int, cut);
        QFETCH(QByteArray, replace);
        QFETCH(QString, reason);
        QFile src(QString::fromStdString(data("storage/deberta-v2-tiny-bin/pytorch_model.bin")));
        QVERIFY(src.open(QIODevice::ReadOnly));
        QByteArray bytes = replace.isEmpty() ? src.readAll() : replace;
        bytes.chop(cut);
        QTemporaryDir dir;
        QFile out(dir.filePath("pytorch_model.bin"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
        out.close();
        TorchBinFile bin;
        std::string error;
        QVERIFY(!bin.open(out.fileName().toStdString(), error));
        QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
    }

    void hostilePytorchBin_data()
    {
        // Each of these crashed the reader or took gigabytes before it was mended; now each is
        // refused with its reason.
        using namespace cs::test::pickle;
        QTest::addColumn<QByteArray>("pickle");
        QTest::addColumn<int>("storageBytes");
        QTest::addColumn<QString>("reason");
        const auto row = [](const char *name, const std::string &p, int bytes, const char *why) {
            QTest::newRow(name) << QByteArray::fromStdString(p) << bytes << why;
        };
        // (Literals split where a hex escape would swallow the next letter or stop at NUL.)
        row("APPEND on an empty stack",
            "\x80\x02"
            "a.",
            16, "APPEND with nothing on the stack");
        row("APPENDS with nothing under its MARK", "\x80\x02(e.", 16,
            "APPENDS with nothing on the stack");
        row("SETITEM with no dict under it", "\x80\x02K\x01K\x02s.", 16,
            "SETITEM with nothing on the stack");
        row("SETITEMS with nothing under its MARK", "\x80\x02(u.", 16,
            "SETITEMS with nothing on the stack");
        row("BINPUT on an empty stack", std::string("\x80\x02q\x00.", 5), 16,
            "BINPUT with nothing on the stack");
        row("APPEND into a dict",
            "\x80\x02}K\x01"
            "a.",
            16, "APPEND into a dict, not a list");
        row("memo read before written", "\x80\x02h\x05.", 16,
            "memo slot 5 is read before it was written");
        row("a list nested a million deep",
            "\x80\x02" + std::string(1000000, ']') + std::string(999999, 'a') + ".", 16,
            "not a state dict");
        row("a tuple nested a million deep", "\x80\x02]" + std::string(1000000, '\x85') + ".", 16,
            "not a state dict");
        row("negative stride", stateDict("w", tensor({2, 2}, {-1, 1}, 2)), 16,
            "negative stride in dimension 0");
        row("fewer strides than dimensions", stateDict("w", tensor({2, 2}, {1})), 16,
            "2 dimensions but 1 strides");
        row("shape times stride overflows",
            stateDict("w", tensor({2147483647, 2147483647, 2147483647}, {2147483647, 1, 1})), 16,
            "overflow");
        row("a huge view of one element", stateDict("w", tensor({32768, 32768}, {0, 0})), 4,
            "1073741824 elements from a storage of 4 bytes");
        row("past its storage", stateDict("w", tensor({4, 4}, {4, 1})), 16,
            "runs past its storage");
        row("offset outside its storage", stateDict("w", tensor({1}, {1}, 1000)), 16,
            "storage offset 1000 outside its storage");
        std::string stringShape = tensor({1}, {1});
        stringShape.replace(stringShape.find(ints({1})), ints({1}).size(), "(" + str("x") + "t");
        row("shape holds a string", stateDict("w", stringShape), 16, "shape holds a string");
        // A value read back from the memo costs nothing to make; copies of it would.
        row("a shape of 100 000 dimensions",
            stateDict("w", tensor(std::vector<std::int32_t>(100000, 1),
                                  std::vector<std::int32_t>(100000, 1))),
            16, "has 100000 entries (at most 64 dimensions are read)");
        row("a storage key of a megabyte",
            stateDict("w", tensorFrom(ints({1}), ints({1}), 0, std::string(1 << 20, 'k'))), 16,
            "a storage key of 1048576 bytes");
        row("elements times their size wrap around",
            stateDict("w",
                      tensorFrom("(" + long64(std::int64_t(1) << 62) + "t", "(" + long64(0) + "t")),
            16, "4611686018427387904 elements from a storage of 16 bytes");
    }
    void hostilePytorchBin()
    {
        QFETCH(QByteArray, pickle);
        QFETCH(int, storageBytes);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const std::string path =
            test::writeFile(dir, "pytorch_model.bin",
                            QByteArray::fromStdString(
                                test::torchSave(pickle.toStdString(), std::size_t(storageBytes))));
        TorchBinFile bin;
        std::string error;
        QVERIFY(!bin.open(path, error));
        QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
        QVERIFY(error.rfind(path, 0) == 0); // names the file
    }

    void aWellFormedHandMadeStateDictIsRead()
    {
        // The builder above writes what torch.save writes: a good tensor reads back.
        using namespace cs::test::pickle;
        QTemporaryDir dir;
        const std::string path = test::writeFile(
            dir, "pytorch_model.bin",
            QByteArray::fromStdString(test::torchSave(stateDict("w", tensor({2, 2}, {2, 1})))));
        TorchBinFile bin;
        std::string error;
        QVERIFY2(bin.open(path, error), error.c_str());
        QCOMPARE(bin.tensors().at("w").shape, (std::vector<std::int64_t>{2, 2}));
    }

    void onlyRegularFilesAreRead()
    {
        // A device or a pipe named as a weight or index file is refused at once, not read
        // until memory runs out or waited on.
        QTemporaryDir dir;
        const QString bin = dir.filePath("pytorch_model.bin");
        QVERIFY(QFile::link("/dev/zero", bin));
        TorchBinFile torch;
        std::string error;
        QVERIFY(!torch.open(bin.toStdString(), error));
        QVERIFY2(error.find("not a regular file") != std::string::npos, error.c_str());
        const QString fifo = dir.filePath("model.safetensors");
        QCOMPARE(::mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        QVERIFY(!SafetensorsFile::open(fifo.toStdString(), error));
        QVERIFY2(error.find("not a regular file") != std::string::npos, error.c_str());
    }

    void shardIndexStaysInItsFolder_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("parent") << "../model-00001.safetensors";
        QTest::newRow("down and out") << "a/../../model-00001.safetensors";
    }
    void shardIndexStaysInItsFolder()
    {
        QFETCH(QString, file);
        QTemporaryDir dir;
        test::writeFile(dir, "ckpt/model.safetensors.index.json",
                        QByteArray::fromStdString(
                            nlohmann::json{{"weight_map", {{"w", file.toStdString()}}}}.dump()));
        SafetensorsCheckpoint ckpt;
        std::string error;
        QVERIFY(!openSafetensorsCheckpoint(dir.filePath("ckpt").toStdString(), ckpt, error));
        QVERIFY2(error.find("only files inside") != std::string::npos, error.c_str());
    }

    void shardsLinkedFromTheHuggingFaceCacheAreRead()
    {
        // The cache's snapshot folders link each file to ../../blobs/<hash>: the folder is the
        // user's own choice, so links out of it are followed (names with .. or / are not).
        QTemporaryDir dir;
        const QString from = QString::fromStdString(data("storage/deberta-v2-tiny-sharded")) + "/";
        QVERIFY(QDir(dir.path()).mkpath("blobs") && QDir(dir.path()).mkpath("snapshots/abc"));
        for (const QString &f : QDir(from).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(from + f, dir.filePath("blobs/" + f + ".blob")));
            QVERIFY(QFile::link("../../blobs/" + f + ".blob", dir.filePath("snapshots/abc/" + f)));
        }
        SafetensorsCheckpoint ckpt;
        std::string error;
        QVERIFY2(
            openSafetensorsCheckpoint(dir.filePath("snapshots/abc").toStdString(), ckpt, error),
            error.c_str());
        QCOMPARE(ckpt.files.size(), std::size_t(3));
    }

    void missingWeights()
    {
        SafetensorsCheckpoint ckpt;
        std::string error;
        QVERIFY(!openSafetensorsCheckpoint(data("storage/deberta-v2-tiny-bin"), ckpt, error));
        QVERIFY(error.find("no model.safetensors") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestCheckpointFiles)
#include "tst_checkpoint_files.moc"
