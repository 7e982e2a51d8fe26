// SPDX-License-Identifier: MIT
// Tokenisation equals Hugging Face's for every tokenizer text of the fixtures: WordPiece from
// tokenizer.json and from vocab.txt + tokenizer_config.json, Unigram from tokenizer.json.
#include "tokenizers/tokenizer.h"
#include "tokenizers/wordpiece_tokenizer.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace cs;

namespace {

std::string fixture(const std::string &relative)
{
    return std::string(CLOZESCOPE_TEST_DATA) + "/hf-reference/" + relative;
}

nlohmann::json readJson(const std::string &path)
{
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

std::string readText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace

class TestTokenizers : public QObject
{
    Q_OBJECT
  private slots:
    void matchesTransformers_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("source");
        for (const char *model : {"bert-tiny", "deberta-v2-tiny", "roberta-tiny"})
            for (const char *source : {"tokenizer.json", "vocab.txt"})
                QTest::newRow(qPrintable(QString("%1 from %2").arg(model, source))) << model << source;
        QTest::newRow("deberta-v3-tiny-spm (Unigram) from tokenizer.json") << "deberta-v3-tiny-spm"
                                                                          << "tokenizer.json";
    }
    void matchesTransformers()
    {
        QFETCH(QString, model);
        QFETCH(QString, source);
        const std::string dir = fixture(model.toStdString());
        std::unique_ptr<Tokenizer> tok;
        if (source == "tokenizer.json") {
            std::string error;
            tok = loadTokenizer(dir, error);
            QVERIFY2(tok, error.c_str());
        } else {
            tok = WordPieceTokenizer::fromVocab(readText(dir + "/vocab.txt"),
                                                readJson(dir + "/tokenizer_config.json"));
        }
        const nlohmann::json expected = readJson(fixture(model.toStdString() + ".expected.json"));
        QCOMPARE(tok->maskId(), expected.at("mask_token_id").get<int>());
        QCOMPARE(tok->padId(), expected.at("pad_token_id").get<int>());
        int cases = 0;
        for (const auto &c : expected.at("tokenizer")) {
            const std::string text = c.at("text").get<std::string>();
            const Encoding enc = tok->encode(text);
            const auto ids = c.at("input_ids").get<std::vector<int>>();
            QVERIFY2(enc.ids == ids, ("ids differ for: " + text).c_str());
            if (source == "tokenizer.json")
                QVERIFY2(enc.tokens == c.at("tokens").get<std::vector<std::string>>(),
                         text.c_str());
            ++cases;
        }
        QCOMPARE(cases, 13);
        for (const auto &g : expected.at("golden")) // the parity texts too
            QVERIFY(tok->encode(g.at("text").get<std::string>()).ids ==
                    g.at("input_ids").get<std::vector<int>>());
    }

    void missingFolder()
    {
        std::string error;
        QVERIFY(!loadTokenizer("/nonexistent/model", error));
        QVERIFY(error.find("no tokenizer.json or vocab.txt") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestTokenizers)
#include "tst_tokenizers.moc"
