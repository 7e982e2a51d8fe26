// SPDX-License-Identifier: MIT
// Tokenisation equals Hugging Face's for every tokenizer text of the fixtures: WordPiece from
// tokenizer.json and from vocab.txt + tokenizer_config.json, Unigram from tokenizer.json,
// byte-level BPE from tokenizer.json; the pipeline's flags and refusals.
#include "tokenizers/spm_tokenizer.h"
#include "tokenizers/tokenizer.h"
#include "tokenizers/wordpiece_tokenizer.h"

#include <nlohmann/json.hpp>

#include "test_support.h"
#include <QFile>
#include <QTemporaryDir>

#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace cs;
using cs::test::copyFiles;
using cs::test::fixture;
using cs::test::readJson;
using cs::test::readText;

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
                QTest::newRow(qPrintable(QString("%1 from %2").arg(model, source)))
                    << model << source;
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

    void byteLevelBpeMatchesTokenizers()
    {
        // RoBERTa's kind of tokenizer.json (scripts/make_bpe_fixture.py, Hugging Face
        // tokenizers): GPT-2's split, bytes as characters, merges by rank, <s> … </s>, and a
        // <mask> that takes the space before it (lstrip). Korean, emoji and ZWJ sequences,
        // combining marks, contractions, whitespace runs, a 300-letter word, masks glued.
        const std::string dir = test::dataPath("tokenizers/roberta-bpe-tiny");
        std::string error;
        const std::unique_ptr<Tokenizer> tok = loadTokenizer(dir, error);
        QVERIFY2(tok, error.c_str());
        QCOMPARE(tok->maskToken(), std::string("<mask>"));
        QCOMPARE(tok->maskId(), 800);
        QCOMPARE(tok->padId(), 1);
        const nlohmann::json expected = readJson(dir + "/expected.json");
        int cases = 0;
        for (const auto &c : expected.at("texts")) {
            const std::string text = c.at("text").get<std::string>();
            const auto ids = c.at("ids").get<std::vector<int>>();
            const Encoding enc = tok->encode(text);
            QVERIFY2(enc.ids == ids, ("ids differ for: " + text).c_str());
            ++cases;
        }
        QCOMPARE(cases, 20);
    }

    void refusesUnknownComponentsByName_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("said");
        QTest::newRow("a normalizer") << R"({"normalizer": {"type": "Nmt"}})"
                                      << "normalizer \"Nmt\" is not supported";
        QTest::newRow("one in a Sequence")
            << R"({"normalizer": {"type": "Sequence", "normalizers": [{"type": "NFC"}, {"type": "BertNormalizer"}]}})"
            << "normalizer \"BertNormalizer\" is not supported";
        QTest::newRow("a pre-tokenizer") << R"({"pre_tokenizer": {"type": "UnicodeScripts"}})"
                                         << "pre_tokenizer \"UnicodeScripts\" is not supported";
        QTest::newRow("a split behaviour")
            << R"({"pre_tokenizer": {"type": "Split", "pattern": {"String": " "}, "behavior": "Sideways"}})"
            << "split behavior \"Sideways\"";
        QTest::newRow("a bad regex")
            << "{\"pre_tokenizer\": {\"type\": \"Split\", \"pattern\": {\"Regex\": \"[a\"}}}"
            << "regex \"[a\"";
        QTest::newRow("a post-processor") << R"({"post_processor": {"type": "Pipeline"}})"
                                          << "post_processor \"Pipeline\" is not supported";
        QTest::newRow("a merge outside the vocabulary")
            << R"({"model": {"merges": [["zz", "qq"]]}})"
            << "merge \"zz qq\" needs \"zz\", which is not in the vocabulary";
        QTest::newRow("dropout") << R"({"model": {"dropout": 0.1}})"
                                 << "dropout";
        QTest::newRow("a bad charsmap")
            << R"({"normalizer": {"type": "Precompiled", "precompiled_charsmap": "AAAA"}})"
            << "precompiled_charsmap";
    }
    void refusesUnknownComponentsByName()
    {
        QFETCH(QString, change);
        QFETCH(QString, said);
        nlohmann::json doc = readJson(test::dataPath("tokenizers/roberta-bpe-tiny/tokenizer.json"));
        doc.merge_patch(nlohmann::json::parse(change.toStdString()));
        QTemporaryDir dir;
        std::ofstream(dir.filePath("tokenizer.json").toStdString()) << doc.dump();
        std::string error;
        QVERIFY(!loadTokenizer(dir.path().toStdString(), error));
        QVERIFY2(error.find(said.toStdString()) != std::string::npos, error.c_str());
    }

    void sentencePieceModel()
    {
        // spm.model through libsentencepiece equals what the SentencePiece library produced.
#ifndef CLOZESCOPE_HAVE_SPM
        QSKIP("the SentencePiece plugin was not built (libsentencepiece-dev missing)");
#endif
        const std::string dir = fixture("deberta-v3-tiny-spm");
        auto tok =
            SpmTokenizer::fromModel(dir + "/spm.model", readJson(dir + "/tokenizer_config.json"));
        QCOMPARE(tok->maskId(), 384);
        const nlohmann::json expected = readJson(fixture("deberta-v3-tiny-spm.sentencepiece.json"));
        int cases = 0;
        for (const auto &c : expected) {
            if (c.at("text").get<std::string>().find("[MASK]") != std::string::npos) {
                ++cases; // the bare library knows no [MASK]; the tokenizer splits it out first
                continue;
            }
            const Encoding enc = tok->encodePlain(c.at("text").get<std::string>());
            QVERIFY2(enc.ids == c.at("ids").get<std::vector<int>>(),
                     c.at("text").get<std::string>().c_str());
            const auto pieces = c.at("pieces").get<std::vector<std::string>>();
            for (std::size_t i = 0; i < pieces.size() && i < enc.tokens.size(); ++i)
                if (enc.ids[i] != tok->unkId()) // the library spells unknown pieces by their text
                    QCOMPARE(enc.tokens[i], pieces[i]);
            ++cases;
        }
        QCOMPARE(cases, 13);
        const Encoding masked = tok->encode("서울[MASK]시");
        QCOMPARE(masked.ids.front(), 1);
        QCOMPARE(masked.ids.back(), 2);
        QVERIFY(std::find(masked.ids.begin(), masked.ids.end(), 384) != masked.ids.end());
    }

    void spmModelFolder()
    {
        // A folder with spm.model and no tokenizer.json: loadTokenizer reads it through the
        // plugin, with the ids tokenizer.json gives for every golden text.
#ifndef CLOZESCOPE_HAVE_SPM
        QSKIP("the SentencePiece plugin was not built (libsentencepiece-dev missing)");
#endif
        QTemporaryDir dir;
        QVERIFY(copyFiles(fixture("deberta-v3-tiny-spm"), dir.path(),
                          {"spm.model", "tokenizer_config.json"}));
        QVERIFY(!spmPluginPath().empty());
        std::string error;
        const auto tok = loadTokenizer(dir.path().toStdString(), error);
        QVERIFY2(tok && dynamic_cast<const SpmTokenizer *>(tok.get()), error.c_str());
        QCOMPARE(tok->maskId(), 384);
        const nlohmann::json expected = readJson(fixture("deberta-v3-tiny-spm.expected.json"));
        for (const auto &g : expected.at("golden"))
            QVERIFY(tok->encode(g.at("text").get<std::string>()).ids ==
                    g.at("input_ids").get<std::vector<int>>());

        QVERIFY(QFile(dir.filePath("spm.model")).resize(100)); // truncated: the library's reason
        QVERIFY(!loadTokenizer(dir.path().toStdString(), error));
        QVERIFY2(error.find("spm.model") != std::string::npos, error.c_str());
    }

    void hostileTokenizerJson_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("reason");
        QTest::newRow("an id of 100 000 000") << "bert-tiny"
                                              << "id"
                                              << "has id 100000000, beyond any vocabulary";
        QTest::newRow("normalisers nested 100 000 deep") << "deberta-v3-tiny-spm"
                                                         << "nest"
                                                         << "nested deeper than 128 levels";
    }
    void hostileTokenizerJson()
    {
        // Each took gigabytes or the stack before: now refused by name, nothing allocated.
        QFETCH(QString, model);
        QFETCH(QString, change);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        std::string text = readText(fixture(model.toStdString()) + "/tokenizer.json");
        if (change == "id") {
            nlohmann::json doc = nlohmann::json::parse(text);
            doc["model"]["vocab"]["[UNK]"] = 100000000;
            text = doc.dump();
        } else {
            const std::size_t at = text.find("\"normalizer\"");
            QVERIFY(at != std::string::npos);
            std::string nested;
            for (int i = 0; i < 100000; ++i)
                nested += R"({"type": "Sequence", "normalizers": [)";
            nested += R"({"type": "NFC"})";
            for (int i = 0; i < 100000; ++i)
                nested += "]}";
            // The fixture's own normaliser is kept under another name.
            text.replace(at, 12, "\"normalizer\": " + nested + ", \"ignored_normalizer\"");
        }
        std::ofstream(dir.filePath("tokenizer.json").toStdString()) << text;
        std::string error;
        QVERIFY(!loadTokenizer(dir.path().toStdString(), error));
        QVERIFY2(error.find(reason.toStdString()) != std::string::npos, error.c_str());
        QVERIFY(error.find("tokenizer.json") != std::string::npos);
    }

    void normalizedAddedTokenMatchedAfterNormalizing()
    {
        // bpe-split-digits adds "<Mask>" with normalized: true behind a Lowercase normaliser:
        // it is found in "<MASK>" and "<mask>" once lower-cased, never in the raw text.
        std::string error;
        const auto tok = loadTokenizer(test::dataPath("tokenizers/bpe-split-digits"), error);
        QVERIFY2(tok, error.c_str());
        const int id = tok->tokenId("<Mask>");
        QVERIFY(id >= 0);
        for (const char *text : {"a <MASK> b", "a <mask> b", "a <Mask> b"}) {
            const auto ids = tok->encodePlain(text).ids;
            QVERIFY2(std::count(ids.begin(), ids.end(), id) == 1, text);
        }
    }

    void metaspaceWrittenByOlderTokenizers()
    {
        // Files written before prepend_scheme existed say add_prefix_space (XLM-R on the Hub).
        auto doc = readJson(test::dataPath("tokenizers/xlm-roberta-hub/tokenizer.json"));
        doc["pre_tokenizer"] = {
            {"type", "Metaspace"}, {"replacement", "\u2581"}, {"add_prefix_space", true}};
        QTemporaryDir dir;
        std::ofstream(dir.filePath("tokenizer.json").toStdString()) << doc.dump();
        std::string error;
        const auto legacy = loadTokenizer(dir.path().toStdString(), error);
        const auto current = loadTokenizer(test::dataPath("tokenizers/xlm-roberta-hub"), error);
        QVERIFY2(legacy && current, error.c_str());
        for (const char *text : {"hello world", "Ｆｕｌｌｗｉｄｔｈ  <mask> data", " 한국어 "})
            QCOMPARE(legacy->encode(text).ids, current->encode(text).ids);
        QVERIFY(current->encode("x").tokens.at(1).rfind("\u2581", 0) == 0); // ▁ prepended
    }

    void sentencePieceModelAloneIsExplained()
    {
        QTemporaryDir dir;
        std::ofstream(dir.filePath("sentencepiece.bpe.model").toStdString()) << "x";
        std::string error;
        QVERIFY(!loadTokenizer(dir.path().toStdString(), error));
        QVERIFY2(error.find("sentencepiece.bpe.model alone is not read") != std::string::npos,
                 error.c_str());
    }

    void missingFolder()
    {
        std::string error;
        QVERIFY(!loadTokenizer("/nonexistent/model", error));
        QVERIFY(error.find("no tokenizer.json, vocab.txt or spm.model") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestTokenizers)
#include "tst_tokenizers.moc"
