// SPDX-License-Identifier: MIT
// Tokenizer parity far beyond a few cases: for every tokenizer.json the tests ship, the ids of
// 5 000 generated strings (Korean, Latin with accents, CJK, emoji and ZWJ sequences, combining
// marks, control characters, every Unicode whitespace, long repeats, masks glued to words) as
// Hugging Face tokenizers recorded them (scripts/make_tokenizer_corpus.py); 0 mismatches.
#include "tokenizers/tokenizer.h"

#include <nlohmann/json.hpp>

#include "test_support.h"

#include <QFile>
#include <QtTest>

using namespace cs;
using cs::test::dataPath;
using cs::test::readJson;

namespace {

/// A file written by the corpus script as Qt's qUncompress reads it, parsed as JSON.
nlohmann::json readCompressedJson(const std::string &path)
{
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read %s", path.c_str());
    const QByteArray bytes = qUncompress(f.readAll());
    return nlohmann::json::parse(bytes.constData(), bytes.constData() + bytes.size());
}

} // namespace

class TestTokenizerCorpus : public QObject
{
    Q_OBJECT
    std::vector<std::string> m_strings;

  private slots:
    void initTestCase()
    {
        m_strings =
            readJson(dataPath("tokenizers/corpus/strings.json")).get<std::vector<std::string>>();
        QCOMPARE(m_strings.size(), std::size_t(5000));
    }

    void everyShippedTokenizer_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("folder");
        const auto index = readJson(dataPath("tokenizers/corpus/index.json"));
        for (const auto &[name, folder] : index.at("files").items())
            QTest::newRow(name.c_str()) << QString::fromStdString(name)
                                        << QString::fromStdString(folder.get<std::string>());
        QVERIFY(index.at("files").size() >= 6);
    }
    void everyShippedTokenizer()
    {
        QFETCH(QString, name);
        QFETCH(QString, folder);
        std::string error;
        const auto tok = loadTokenizer(dataPath(folder.toStdString()), error);
        QVERIFY2(tok, error.c_str());
        const auto expected =
            readCompressedJson(dataPath("tokenizers/corpus/" + name.toStdString() + ".ids.qz"));
        QCOMPARE(expected.size(), m_strings.size());
        int mismatches = 0;
        QString shown;
        for (std::size_t i = 0; i < m_strings.size(); ++i) {
            const auto ids = tok->encode(m_strings[i]).ids;
            if (ids == expected[i].get<std::vector<int>>()) continue;
            if (++mismatches <= 3)
                shown += QString("\n  #%1 %2: ours %3, tokenizers %4")
                             .arg(i)
                             .arg(QString::fromStdString(
                                 nlohmann::json(m_strings[i]).dump(-1, ' ', true)))
                             .arg(QString::fromStdString(nlohmann::json(ids).dump()))
                             .arg(QString::fromStdString(expected[i].dump()));
        }
        QVERIFY2(mismatches == 0,
                 qPrintable(QString("%1 of 5000 differ:%2").arg(mismatches).arg(shown)));
    }
};

QTEST_APPLESS_MAIN(TestTokenizerCorpus)
#include "tst_tokenizer_corpus.moc"
