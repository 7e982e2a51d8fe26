// SPDX-License-Identifier: MIT
// The clozescope executable without a window: --export-chart, the Korean translation (ours
// and Qt's own).
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLibraryInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

class TestGuiApp : public QObject
{
    Q_OBJECT
  private:
    static int run(const QStringList &args, const QString &lang = "C", QByteArray *err = nullptr,
                   QByteArray *out = nullptr, const QString &configHome = QString())
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!configHome.isEmpty()) env.insert("XDG_CONFIG_HOME", configHome);
        env.insert("LANG", lang);
        env.insert("LC_ALL", lang);
        env.insert("QT_QPA_PLATFORM", "offscreen");
        p.setProcessEnvironment(env);
        p.start(CLOZESCOPE_GUI, args);
        if (!p.waitForFinished(120000)) qFatal("clozescope did not finish");
        if (err) *err = p.readAllStandardError();
        if (out) *out = p.readAllStandardOutput();
        return p.exitCode();
    }

  private slots:
    void versionNeedsNoDisplay()
    {
        // Printed before any window system is asked for: no platform plugin at all.
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.insert("QT_QPA_PLATFORM", "xcb");
        p.setProcessEnvironment(env);
        p.start(CLOZESCOPE_GUI, {"--version"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(out.startsWith("clozescope ") &&
                     (out.contains("\nLibTorch ") || out.contains("without the engine")),
                 out.constData());
    }

    void exportChartSaysWhatItCouldNotRead()
    {
        // Drawn from what could be read, and, as the CLI, exit 1 naming the file it could not.
        QTemporaryDir dir;
        QFile broken(dir.filePath("broken.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\"checkpoint-1\": ");
        broken.close();
        QByteArray err;
        QCOMPARE(
            run({"--export-chart", dir.filePath("c.png"), CLOZESCOPE_SAMPLES, broken.fileName()},
                "C", &err),
            1);
        QVERIFY2(err.contains("error: " + broken.fileName().toUtf8()), err.constData());
        QVERIFY(!QImage(dir.filePath("c.png")).isNull());
    }

    void theUsersMetricAliasesAreRead()
    {
        // ~/.config/clozescope/aliases.json, which the CLI reads on every start, the workbench
        // too: coref_f1 is Real@1.
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("config/clozescope") && QDir(dir.path()).mkpath("run_a"));
        QFile aliases(dir.filePath("config/clozescope/aliases.json"));
        QVERIFY(aliases.open(QIODevice::WriteOnly));
        aliases.write(R"({"aliases": {"coref_f1": "Real@1"}})");
        aliases.close();
        QFile results(dir.filePath("run_a/results.json"));
        QVERIFY(results.open(QIODevice::WriteOnly));
        results.write(
            R"({"checkpoint-100": {"coref_f1": 0.61}, "checkpoint-200": {"coref_f1": 0.65}})");
        results.close();
        QByteArray err;
        QCOMPARE(run({"--export-chart", dir.filePath("c.png"), "--metric", "Real@1",
                      dir.filePath("run_a")},
                     "C", &err, nullptr, dir.filePath("config")),
                 0);
        QVERIFY2(err.contains("wrote"), err.constData());
    }

    void exportChart_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("png small multiples") << "c.png" << QStringList{};
        QTest::newRow("svg one metric by step")
            << "c.svg" << QStringList{"--metric", "Real@1", "--x", "step"};
        QTest::newRow("pdf") << "c.pdf" << QStringList{"--metric", "score"};
    }
    void exportChart()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, extra);
        QTemporaryDir dir;
        const QString out = dir.filePath(file);
        QByteArray err;
        QCOMPARE(run(QStringList{"--export-chart", out} + extra + QStringList{CLOZESCOPE_SAMPLES},
                     "C", &err),
                 0);
        QVERIFY2(err.contains("wrote"), err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (file.endsWith("png"))
            QVERIFY(!QImage::fromData(bytes).isNull());
        else if (file.endsWith("svg"))
            QVERIFY(bytes.contains("Real@1 @ 1536") && bytes.contains("Step"));
        else
            QVERIFY(bytes.startsWith("%PDF-"));
    }

    void koreanTranslation()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("ko.svg");
        QCOMPARE(run({"--export-chart", out, CLOZESCOPE_SAMPLES}, "ko_KR.UTF-8"), 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(f.readAll());
        QVERIFY(svg.contains(QStringLiteral("정점"))); // "Peak"
        QVERIFY(svg.contains(QStringLiteral("에폭"))); // "Epoch"
        QVERIFY(!svg.contains(QStringLiteral(">Epoch<")));
    }

    void qtsOwnTextsInKorean()
    {
        if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_ko.qm"))
            QSKIP("qtbase_ko.qm is not installed (Debian package qt6-translations-l10n)");
        QByteArray out;
        QCOMPARE(run({"--help"}, "ko_KR.UTF-8", nullptr, &out), 0);
        const QString help = QString::fromUtf8(out);
        QVERIFY2(help.contains(QStringLiteral("체크포인트")), qPrintable(help)); // ours
        // Qt's own (QCommandLineParser's "Displays help on commandline options."), from
        // qtbase_ko.qm.
        QVERIFY2(help.contains(QStringLiteral("명령행 옵션 도움말을 표시합니다")),
                 qPrintable(help));
        QVERIFY(!help.contains("Displays"));
    }

    void usageAndInputErrors()
    {
        QTemporaryDir dir;
        QCOMPARE(run({"--export-chart", dir.filePath("x.png")}), 2); // no paths
        QCOMPARE(run({"--export-chart", dir.filePath("x.png"), "--x", "time", CLOZESCOPE_SAMPLES}),
                 2);
        QCOMPARE(
            run({"--export-chart", dir.filePath("x.png"), "--metric", "bleu", CLOZESCOPE_SAMPLES}),
            1);
        QCOMPARE(run({"--export-chart", dir.filePath("x.bmp"), CLOZESCOPE_SAMPLES}), 1);
        QCOMPARE(run({"--export-chart", dir.filePath("x.png"), "/nonexistent/results"}), 1);
    }
};

QTEST_GUILESS_MAIN(TestGuiApp)
#include "tst_gui_app.moc"
