// SPDX-License-Identifier: MIT
// checkParity (clozescope-cli parity): every fixture compared, in fp32 strictly, in bf16 on the
// top-1 with near ties counted apart; a changed reference value or a missing fixture is caught.
#include "engine/parity_check.h"

#include <nlohmann/json.hpp>

#include "test_support.h"
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <QtTest>

#include <fstream>
#include <set>

using namespace cs;
using cs::test::copyFiles;
using cs::test::dataPath;
using cs::test::fixture;
using cs::test::readJson;

namespace {

std::string describe(const std::vector<ParityResult> &results)
{
    std::string s;
    for (const auto &r : results)
        s += r.model + " " + r.check + " " + std::to_string(r.agreeing) + "/" +
             std::to_string(r.compared) + " " + std::to_string(r.maxDiff) + " " + r.error + "\n";
    return s;
}

/// bert-tiny and its expected file copied into dir, the expected file changed by edit.
void copyBertTiny(const QTemporaryDir &dir, const std::function<void(nlohmann::json &)> &edit)
{
    QVERIFY(copyFiles(fixture("bert-tiny"), dir.filePath("bert-tiny")));
    nlohmann::json expected = readJson(fixture("bert-tiny.expected.json"));
    edit(expected);
    std::ofstream(dir.filePath("bert-tiny.expected.json").toStdString()) << expected.dump();
}

} // namespace

class TestParityCheck : public QObject
{
    Q_OBJECT
  private slots:
    void everyFixtureHoldsInFp32()
    {
        std::vector<std::string> seen;
        const auto results = checkParity(dataPath(""), ParityOptions{}, [&](const std::string &m) {
            seen.push_back(m);
            return true;
        });
        const std::vector<std::string> models{
            "hf-reference/bert-tiny",           "hf-reference/deberta-v2-tiny",
            "hf-reference/deberta-v3-tiny-spm", "hf-reference/roberta-tiny",
            "families/distilbert-tiny",         "families/electra-tiny",
            "families/modernbert-tiny",         "families/roberta-bpe-tiny",
            "families/xlm-roberta-tiny",        "storage/deberta-v2-tiny-bf16",
            "storage/deberta-v2-tiny-bin",      "storage/deberta-v2-tiny-sharded"};
        QCOMPARE(seen, models);
        std::set<std::string> checks;
        int compared = 0;
        for (const auto &r : results) {
            QVERIFY2(r.ok(), describe(results).c_str());
            QVERIFY(r.maxDiff < 1e-4);
            checks.insert(r.check);
            compared += r.compared;
        }
        QCOMPARE(checks, (std::set<std::string>{"tokenizer", "golden", "hidden states",
                                                "padded batch", "long sequence"}));
        // The bf16 variant has its own golden only; the others borrow deberta-v2-tiny's.
        QCOMPARE(results.size(), std::size_t(11 * 5 + 1));
        QVERIFY(compared > 200);
    }

    void bf16KeepsTheTop1()
    {
        ParityOptions bf16;
        bf16.engine.dtype = "bf16";
        const auto results = checkParity(dataPath("hf-reference"), bf16);
        int ties = 0;
        for (const auto &r : results) {
            QVERIFY2(r.ok(), describe(results).c_str());
            ties += r.nearTies;
        }
        // deberta-v3-tiny-spm's first golden mask: transformers' best two are 0.028 apart.
        QVERIFY(ties <= 2);
        bf16.tieMargin = 0;
        bool strictFails = false;
        for (const auto &r : checkParity(dataPath("hf-reference"), bf16))
            strictFails = strictFails || !r.ok();
        QCOMPARE(strictFails, ties > 0);
    }

    void aChangedReferenceIsCaught()
    {
        QTemporaryDir dir;
        copyBertTiny(dir, [](nlohmann::json &e) {
            auto &row = e["golden"][0]["mask_logits"][0];
            row[7] = row[7].get<double>() + 1e-3;
            e["tokenizer"][2]["input_ids"][1] = -1;
        });
        const auto results = checkParity(dir.path().toStdString(), ParityOptions{});
        QCOMPARE(results.size(), std::size_t(5));
        for (const auto &r : results) {
            QCOMPARE(r.model, std::string("bert-tiny"));
            const bool broken = r.check == "golden" || r.check == "tokenizer";
            QVERIFY2(r.ok() != broken, describe(results).c_str());
        }
        QCOMPARE(results[0].check, std::string("tokenizer"));
        QCOMPARE(results[0].agreeing, 12);
        QVERIFY(std::fabs(results[1].maxDiff - 1e-3) < 1e-5);
    }

    void unreadableInputIsNamed()
    {
        QTemporaryDir empty;
        auto r = checkParity(empty.path().toStdString(), ParityOptions{});
        QCOMPARE(r.size(), std::size_t(1));
        QVERIFY(r[0].error.find("no <name>/ folder") != std::string::npos);

        QTemporaryDir nothing; // an empty golden list compares nothing: not a pass
        copyBertTiny(nothing, [](nlohmann::json &e) { e["golden"] = nlohmann::json::array(); });
        r = checkParity(nothing.path().toStdString(), ParityOptions{});
        QCOMPARE(r[1].check, std::string("golden"));
        QVERIFY(!r[1].ok());

        QTemporaryDir badTokenizer; // a tokenizer that fails to load is a failing row
        copyBertTiny(badTokenizer, [](nlohmann::json &) {});
        std::ofstream(badTokenizer.filePath("bert-tiny/tokenizer.json").toStdString()) << "{";
        r = checkParity(badTokenizer.path().toStdString(), ParityOptions{});
        QCOMPARE(r[0].check, std::string("tokenizer"));
        QVERIFY2(!r[0].ok() && r[0].error.find("tokenizer.json") != std::string::npos,
                 r[0].error.c_str());

        QTemporaryDir dir;
        copyBertTiny(dir, [](nlohmann::json &e) { e.erase("golden"); });
        r = checkParity(dir.path().toStdString(), ParityOptions{});
        QCOMPARE(r.back().check, std::string("read"));
        QVERIFY2(r.back().error.find("bert-tiny.expected.json") != std::string::npos,
                 r.back().error.c_str());
    }
};

QTEST_APPLESS_MAIN(TestParityCheck)
#include "tst_parity_check.moc"
