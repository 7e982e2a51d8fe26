// SPDX-License-Identifier: MIT
// Cloze datasets (design §4): both shapes, the first user's keys, bad lines by number.
#include "results/cloze_dataset.h"
#include "test_support.h"

#include <QtTest>

using namespace cs;

class TestClozeDataset : public QObject
{
    Q_OBJECT
  private slots:
    void fixtureSets()
    {
        const ClozeDataset real = readClozeDataset(cs::test::dataPath("cloze/real.jsonl"));
        QVERIFY(real.problems.empty());
        QCOMPARE(real.examples.size(), std::size_t(300));
        QCOMPARE(real.examples[0].id, std::string("real-0000"));
        QCOMPARE(real.examples[0].answers, std::vector<std::string>{"강지민의"});
        const ClozeDataset lambada = readClozeDataset(cs::test::dataPath("cloze/lambada.jsonl"));
        QVERIFY(lambada.problems.empty());
        QCOMPARE(lambada.examples.size(), std::size_t(300));
        const ClozeExample &l = lambada.examples[0];
        QCOMPARE(l.answers, std::vector<std::string>{"가방"});
        QVERIFY(l.text.size() > 6 && l.text.compare(l.text.size() - 7, 7, " [MASK]") == 0);
    }

    void bundledKoreanSets_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("real") << "eval/real.jsonl";
        QTest::newRow("lambada") << "eval/lambada.jsonl";
    }
    void bundledKoreanSets()
    {
        QFETCH(QString, file);
        const ClozeDataset set =
            readClozeDataset(std::string(CLOZESCOPE_SAMPLES) + "/" + file.toStdString());
        QVERIFY(set.problems.empty());
        QCOMPARE(set.examples.size(), std::size_t(24));
        for (const auto &e : set.examples)
            QVERIFY(!e.answers.empty() && e.text.find("[MASK]") != std::string::npos);
    }

    void setsInAResultsFolderAreRecognisedNotReported()
    {
        // Cloze sets beside results are evaluation input: named as such, no note of their own,
        // no records; with nothing else opened, the one note says there is nothing to show.
        const ResultSet rs =
            loadResults({cs::test::dataPath("cloze"), std::string(CLOZESCOPE_SAMPLES) + "/eval"});
        QCOMPARE(rs.problems.size(), std::size_t(1));
        QCOMPARE(rs.problems[0].severity, Severity::Info);
        QVERIFY(rs.problems[0].message.rfind("nothing to show: none of the 4 file(s)", 0) == 0);
        QCOMPARE(rs.files.size(), std::size_t(4));
        for (const SourceFile &f : rs.files) {
            QCOMPARE(f.kind, std::string("cloze set (evaluation input)"));
            QCOMPARE(f.records, std::size_t(0));
        }
    }

    void shapesAndBadLines()
    {
        QTemporaryDir dir;
        const std::string path = cs::test::writeFile(
            dir, "set.jsonl",
            "{\"id\": 1, \"text\": \"서울 [MASK] 요금\", \"answers\": [\"버스\", \"지하철\"]}\n"
            "{\"masked\": \"그는 [MASK] 말했다\", \"target\": \"이렇게\"}\n"
            "not json\n"
            "{\"text\": \"두 개 [MASK] [MASK]\", \"answer\": \"x\"}\n"
            "\n"
            "{\"text\": \"한단어\"}\n"
            "{\"answer\": \"y\"}\n"
            "{\"text\": \"끝 단어 예측\"}\n");
        const ClozeDataset ds = readClozeDataset(path);
        QCOMPARE(ds.examples.size(), std::size_t(3));
        QCOMPARE(ds.examples[0].id, std::string("1"));
        QCOMPARE(ds.examples[0].answers.size(), std::size_t(2));
        QCOMPARE(ds.examples[1].id, std::string("line-2"));
        QCOMPARE(ds.examples[2].text, std::string("끝 단어 [MASK]"));
        QCOMPARE(ds.examples[2].answers, std::vector<std::string>{"예측"});
        QCOMPARE(ds.problems.size(), std::size_t(4));
        QVERIFY(cs::test::hasProblem(ResultSet{{}, ds.problems, {}}, Severity::Warning, "set.jsonl",
                                     "line 3", ""));
        QVERIFY(cs::test::hasProblem(ResultSet{{}, ds.problems, {}}, Severity::Warning, "",
                                     "line 4", "2 [MASK]"));
        QVERIFY(cs::test::hasProblem(ResultSet{{}, ds.problems, {}}, Severity::Warning, "",
                                     "line 6", "two words"));
        QVERIFY(cs::test::hasProblem(ResultSet{{}, ds.problems, {}}, Severity::Warning, "",
                                     "line 7", "no \"text\""));
    }
};

QTEST_APPLESS_MAIN(TestClozeDataset)
#include "tst_cloze_dataset.moc"
