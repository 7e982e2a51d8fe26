// SPDX-License-Identifier: MIT
// The families beyond the first fixtures (tests/data/families, made by
// scripts/make_family_fixtures.py with transformers): ELECTRA, DistilBERT, XLM-RoBERTa,
// RoBERTa with byte-level BPE and ModernBERT. Token ids identical, logits and hidden states within
// 1e-4 with the same top 5 (fp32, CPU) on the golden texts, a padded batch and 1 024 tokens;
// fill-mask, probe and eval run on each folder through clozescope-cli.
#include "engine/parity_check.h"

#include "cli_support.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace cs;
using cs::test::dataPath;

class TestFamilies : public QObject
{
    Q_OBJECT
    std::vector<ParityResult> m_results;

    static void families()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"electra-tiny", "distilbert-tiny", "xlm-roberta-tiny",
                                 "roberta-bpe-tiny", "modernbert-tiny"})
            QTest::newRow(name) << QString(name);
    }

  private slots:
    void initTestCase() { m_results = checkParity(dataPath("families"), ParityOptions{}); }

    void matchTransformers_data() { families(); }
    void matchTransformers()
    {
        QFETCH(QString, name);
        std::set<std::string> checks;
        for (const auto &r : m_results) {
            if (r.model != name.toStdString()) continue;
            QVERIFY2(r.ok(), qPrintable(QString("%1: %2 of %3 agree, largest difference %4 %5")
                                            .arg(QString::fromStdString(r.check))
                                            .arg(r.agreeing)
                                            .arg(r.compared)
                                            .arg(r.maxDiff)
                                            .arg(QString::fromStdString(r.error))));
            checks.insert(r.check);
        }
        QCOMPARE(checks, (std::set<std::string>{"tokenizer", "golden", "hidden states",
                                                "padded batch", "long sequence"}));
    }

    void commandLine_data() { families(); }
    void commandLine()
    {
        QFETCH(QString, name);
        const QString folder = QString::fromStdString(dataPath("families/" + name.toStdString()));
        auto r = cs::test::runCli({"fill-mask", "--model", folder, "--top-k", "3",
                                   "서울시는 28일 새로운 [MASK] 요금 체계를 발표했다."});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(r.out.contains("mask 1 (position"), r.out.constData());
        // a run of two checkpoints of the folder: probe and eval
        QTemporaryDir tmp;
        const QString run = tmp.filePath("run");
        for (const char *checkpoint : {"checkpoint-1", "checkpoint-2"}) {
            const std::filesystem::path to = (run + "/" + checkpoint).toStdString();
            std::filesystem::create_directories(to);
            for (const auto &f : std::filesystem::directory_iterator(folder.toStdString()))
                std::filesystem::copy_file(f.path(), to / f.path().filename());
        }
        r = cs::test::runCli({"probe", "--run", run, "--top-k", "3",
                              "The quick brown [MASK] jumps over the lazy dog."});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(r.out.contains("checkpoint-1") && r.out.contains("checkpoint-2"));
        const QString data = QString::fromStdString(dataPath("cloze/real.jsonl"));
        r = cs::test::runCli({"eval", "--run", run, "--data", "real=" + data, "--max-length", "64",
                              "--out", tmp.filePath("out")});
        QVERIFY2(r.code == 0, r.err.constData());
        for (const char *checkpoint : {"checkpoint-1", "checkpoint-2"})
            QVERIFY(
                QFile::exists(tmp.filePath(QString("out/run/%1.results.json").arg(checkpoint))));
    }
};

QTEST_APPLESS_MAIN(TestFamilies)
#include "tst_families.moc"
