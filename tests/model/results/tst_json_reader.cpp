// SPDX-License-Identifier: MIT
#include "formats/workspace_format.h"
#include "results/json_reader.h"
#include "test_support.h"

#include <QtTest>

#include <cmath>

using namespace cs;

class TestJsonReader : public QObject
{
    Q_OBJECT
  private slots:
    void nonFiniteLiteralsAreAccepted()
    {
        const JsonDocument d =
            parseJson(R"({"a": NaN, "b": Infinity, "c": -Infinity, "s": "NaN in a string"})");
        QVERIFY2(d.error.empty(), d.error.c_str());
        QVERIFY(std::isnan(*numberValue(d.json["a"])));
        QCOMPARE(*numberValue(d.json["b"]), std::numeric_limits<double>::infinity());
        QCOMPARE(*numberValue(d.json["c"]), -std::numeric_limits<double>::infinity());
        QCOMPARE(d.json["s"].get<std::string>(), std::string("NaN in a string"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("location");
        QTest::newRow("empty") << ""
                               << "empty"
                               << "line 1, column 1";
        QTest::newRow("blank") << "  \n "
                               << "empty"
                               << "line 1, column 1";
        QTest::newRow("truncated") << "{\n  \"a\": [1, 2,"
                                   << "truncated"
                                   << "line 2";
        QTest::newRow("malformed") << "{\n  \"a\": 1,\n  oops\n}"
                                   << "malformed"
                                   << "line 3, column 3";
        // Found by fuzz_formats: nlohmann throws out_of_range (not parse_error) for it, which
        // left parseJson and crashed a reader without its own guard (a workspace opened).
        QTest::newRow("number beyond a double") << "{\n  \"alpha\": 1e999\n}"
                                                << "a number out of range"
                                                << "line 2, column 12";
    }

    void fuzzFindingsAreErrors()
    {
        // Every input the fuzz targets found, kept as it is: an error, never an exception.
        const QDir dir(QString::fromStdString(test::dataPath("fuzz")));
        const QStringList files = dir.entryList(QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files) {
            const JsonDocument d = readJsonFile(dir.filePath(f).toStdString());
            QVERIFY2(!d.error.empty(), qPrintable(f));
        }
        WorkspaceFile w;
        const std::string error = loadWorkspaceFile(dir.filePath(files.front()).toStdString(), w);
        QVERIFY2(error.find("a number out of range") != std::string::npos, error.c_str());
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        QFETCH(QString, location);
        const JsonDocument d = parseJson(text.toStdString());
        QVERIFY2(d.error.find(error.toStdString()) != std::string::npos, d.error.c_str());
        QVERIFY2(d.location.find(location.toStdString()) != std::string::npos, d.location.c_str());
    }

    void integerValues()
    {
        QCOMPARE(*integerValue(nlohmann::json(3.0)), 3LL);
        QVERIFY(!integerValue(nlohmann::json(3.5)));
        QVERIFY(!integerValue(nlohmann::json("3")));
    }

    void missingFile()
    {
        const JsonDocument d = readJsonFile("/nonexistent/clozescope.json");
        QVERIFY(d.error.find("cannot open") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestJsonReader)
#include "tst_json_reader.moc"
