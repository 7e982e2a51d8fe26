// SPDX-License-Identifier: MIT
#include "report/table.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace cs;

class TestTable : public QObject
{
    Q_OBJECT
  private:
    static Table sample()
    {
        Table t;
        t.caption = "Real@1 of run_a";
        t.columns = {"checkpoint", "Real@1"};
        t.addRow({"checkpoint-65", "0.6558"});
        t.addRow({"a, \"quoted\" | name_x", "0.6604"});
        t.rows[1][1].bold = true;
        return t;
    }

  private slots:
    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("csv")
            << "csv"
            << "checkpoint,Real@1\ncheckpoint-65,0.6558\n\"a, \"\"quoted\"\" | name_x\",0.6604\n";
        QTest::newRow("markdown")
            << "md"
            << "**Real@1 of run_a**\n\n| checkpoint | Real@1 |\n| --- | ---: |\n"
               "| checkpoint-65 | 0.6558 |\n| a, \"quoted\" \\| name_x | **0.6604** |\n";
        QTest::newRow("latex")
            << "latex"
            << "\\begin{table}[ht]\n\\centering\n\\caption{Real@1 of "
               "run\\_a}\n\\begin{tabular}{lr}\n"
               "\\hline\ncheckpoint & Real@1 \\\\\n\\hline\ncheckpoint-65 & 0.6558 \\\\\n"
               "a, \"quoted\" | name\\_x & \\textbf{0.6604} "
               "\\\\\n\\hline\n\\end{tabular}\n\\end{table}\n";
    }
    void formats()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        TableFormat f;
        QVERIFY(parseTableFormat(format.toStdString(), f));
        QCOMPARE(QString::fromStdString(renderTable(sample(), f)), expected);
    }

    void json()
    {
        const auto j = nlohmann::json::parse(renderTable(sample(), TableFormat::Json));
        QCOMPARE(j["rows"].size(), std::size_t(2));
        QCOMPARE(j["rows"][0]["Real@1"].get<double>(), 0.6558);
        QCOMPARE(j["rows"][1]["checkpoint"].get<std::string>(),
                 std::string("a, \"quoted\" | name_x"));
    }

    void html()
    {
        const std::string h = renderTable(sample(), TableFormat::Html);
        QVERIFY(h.find("<td><b>0.6604</b></td>") != std::string::npos);
        QVERIFY(h.find("&quot;quoted&quot;") != std::string::npos);
    }

    void unknownFormat()
    {
        TableFormat f;
        QVERIFY(!parseTableFormat("xlsx", f));
    }
};

QTEST_APPLESS_MAIN(TestTable)
#include "tst_table.moc"
