// SPDX-License-Identifier: MIT
// The window end to end: import on the worker thread, runs tree, curves, verdict, table.
#include "charts/chart_view.h"
#include "charts/curves_grid.h"
#include "charts/metric_chart.h"
#include "dialogs/flips_dialog.h"
#include "models/flips_model.h"
#include "models/session.h"
#include "panels/checkpoint_table.h"
#include "panels/verdict_panel.h"
#include "results/metric_aliases.h"
#include "test_support.h"
#include "window/main_window.h"
#include "workers/examples_worker.h"
#include "workers/import_worker.h"
#ifdef CLOZESCOPE_HAVE_ENGINE
#include "engine/eval_run.h"
#endif

#include <QAbstractItemModelTester>

#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>
#include <QTreeView>
#include <QWheelEvent>
#include <QtTest>

#include <functional>

using namespace cs;

class TestMainWindow : public QObject
{
    Q_OBJECT
    /// Shows the window at size with the bundled samples opened and laid out.
    static bool showSamples(MainWindow &window, const QSize &size)
    {
        window.resize(size);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window)) return false;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        if (!shown.wait(30000)) return false;
        QCoreApplication::processEvents();
        return true;
    }

  private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent list and window state in a test location
    }

    void opensTheSamples()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        QCOMPARE(int(window.session()->results().runs.size()), 6);
        auto *runsView = window.findChild<QTreeView *>("runsView");
        QVERIFY(runsView);
        QCOMPARE(runsView->model()->rowCount(),
                 4); // experiments: combined, coref_finetune, mlm_v2, simple
        QCOMPARE(window.curves()->charts().size(), 8); // 4 metrics × 2 lengths
        QVERIFY(window.verdict()->verdictText().contains(
            "mlm_v2_scratch_1536: keep checkpoint-390 (epoch 3.0)"));
        QCOMPARE(window.table()->model()->rowCount(), 38);
    }

    void uncheckingARunHidesIt()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        auto *model =
            qobject_cast<QStandardItemModel *>(window.findChild<QTreeView *>("runsView")->model());
        QStandardItem *run = nullptr;
        for (int e = 0; e < model->rowCount(); ++e)
            for (int l = 0; l < model->item(e)->rowCount(); ++l)
                for (int r = 0; r < model->item(e)->child(l)->rowCount(); ++r)
                    if (model->item(e)->child(l)->child(r)->text() == "simple_2048")
                        run = model->item(e)->child(l)->child(r);
        QVERIFY(run);
        run->setCheckState(Qt::Unchecked);
        QVERIFY(!window.session()->isRunVisible("simple_2048@2048"));
        QCOMPARE(window.table()->model()->rowCount(), 33);
        QVERIFY(!window.verdict()->verdictText().contains("simple_2048"));
    }

    void workspaceSaveAndRestore()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("study.workspace.json");
        {
            MainWindow window;
            QSignalSpy shown(&window, &MainWindow::resultsShown);
            window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
            QVERIFY(shown.wait(30000));
            window.session()->setRunVisible("simple_2048@2048", false);
            AnalysisSettings s = window.session()->settings();
            s.earlyStop.patience = 5;
            s.weights = {{"Real@1", 0.5}, {"Real@5", 0.5}};
            window.session()->setSettings(s);
            window.session()->setUserStepsPerEpoch("mlm_v2_scratch_2048", 100);
            QCOMPARE(window.saveWorkspaceTo(file), QString());
        }
        MainWindow restored;
        QSignalSpy shown(&restored, &MainWindow::resultsShown);
        QCOMPARE(restored.openWorkspace(file), QString());
        QVERIFY(shown.wait(30000));
        QCOMPARE(restored.session()->settings().earlyStop.patience, 5);
        QCOMPARE(restored.session()->settings().weights.size(), std::size_t(2));
        QVERIFY(!restored.session()->isRunVisible("simple_2048@2048"));
        QVERIFY(restored.session()->isRunVisible("mlm_v2_scratch_1536@1536"));
        const Run *r = restored.session()->results().findRun("mlm_v2_scratch_2048@2048");
        QCOMPARE(*r->stepsPerEpoch, 100.0); // the user's value wins over the samples' workspace
        QCOMPARE(*r->checkpoints.back().epoch, 5.0); // 495 / 100, rounded
    }

    void liveReloadPicksUpNewResults()
    {
        QTemporaryDir dir;
        auto write = [&](int step, double real1) {
            QFile f(dir.filePath(QString("eval/checkpoint-%1_eval_results.json").arg(step)));
            QDir().mkpath(dir.filePath("eval"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QString(
                    R"({"checkpoint": "runs/live_512/checkpoint-%1", "seq_len": 512, "real1": %2,
                               "coref_samples": 100})")
                    .arg(step)
                    .arg(real1)
                    .toUtf8());
        };
        write(10, 0.5);
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({dir.path()});
        QVERIFY(shown.wait(30000));
        QCOMPARE(int(window.session()->results().runs.front().checkpoints.size()), 1);
        QCOMPARE(window.findChild<QLabel *>("statusSummary")->text(),
                 QString("1 run, 1 file, 1 problem")); // not "1 runs, 1 files, 1 problems"
        write(20, 0.6);                                // the evaluator writes the next checkpoint
        QVERIFY(shown.wait(30000));
        QCOMPARE(int(window.session()->results().runs.front().checkpoints.size()), 2);
    }

    void reportWithChartsEmbedded()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        QTemporaryDir dir;
        QCOMPARE(window.writeReport(dir.filePath("report.html")), QString());
        QFile html(dir.filePath("report.html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QByteArray text = html.readAll();
        // The curves inside the file, not a link to a PNG that does not travel with it.
        const QByteArray prefix = "<img src=\"data:image/png;base64,";
        const qsizetype at = text.indexOf(prefix);
        QVERIFY(at >= 0);
        const QByteArray encoded = text.mid(
            at + prefix.size(), text.indexOf('"', at + prefix.size()) - at - prefix.size());
        QVERIFY(!QImage::fromData(QByteArray::fromBase64(encoded), "PNG").isNull());
        QVERIFY(!QFile::exists(dir.filePath("report-curves.png")));
        QVERIFY(text.contains("keep checkpoint-390"));
        // Markdown links the PNG it writes beside itself.
        QCOMPARE(window.writeReport(dir.filePath("report.md")), QString());
        QFile md(dir.filePath("report.md"));
        QVERIFY(md.open(QIODevice::ReadOnly));
        QVERIFY(md.readAll().contains("](report-curves.png)"));
        QVERIFY(!QImage(dir.filePath("report-curves.png")).isNull());

        // In the interface's language: with the Korean catalogue, the Korean report.
        QTranslator catalogue;
        QVERIFY(catalogue.load(CLOZESCOPE_KO_QM));
        QCoreApplication::installTranslator(&catalogue);
        const QString error = window.writeReport(dir.filePath("report-ko.html"));
        QCoreApplication::removeTranslator(&catalogue);
        QCOMPARE(error, QString());
        QFile ko(dir.filePath("report-ko.html"));
        QVERIFY(ko.open(QIODevice::ReadOnly));
        const QString korean = QString::fromUtf8(ko.readAll());
        QVERIFY(korean.contains(QStringLiteral("checkpoint-390 유지 (에폭 3.0)")));
        QVERIFY(!korean.contains("keep checkpoint-390"));
    }

    void tableExportHasWhatIsShown()
    {
        // The charts' four metrics, each a "value [low, high]" column, not 47 columns of every
        // metric's bounds.
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        QTemporaryDir dir;
        QCOMPARE(window.writeTable(dir.filePath("t.tex")), QString());
        QFile tex(dir.filePath("t.tex"));
        QVERIFY(tex.open(QIODevice::ReadOnly));
        const QByteArray text = tex.readAll();
        const QByteArray header = text.mid(text.indexOf("\\begin{tabular}{") + 16);
        QVERIFY2(header.left(header.indexOf('}')).size() <= 10, text.left(800).constData());
        QVERIFY(text.contains("Real@1 & Real@5 & LAMBADA@1 & score"));
        QVERIFY(!text.contains("ci\\_low"));
        QVERIFY(!text.contains("eval\\_loss"));
        QVERIFY(text.contains("0.6604 [0.641, 0.679]"));
    }

    void fileMenuHasOneKeyEachAndQuitLast_data()
    {
        QTest::addColumn<bool>("korean");
        QTest::newRow("English") << false;
        QTest::newRow("Korean") << true;
    }
    void fileMenuHasOneKeyEachAndQuitLast()
    {
        // Every item of the File menu (and its Export menu) its own accelerator letter, in
        // either language; Quit last; shortcuts for saving, evaluating, probing, exporting.
        QFETCH(bool, korean);
        QTranslator catalogue;
        if (korean) {
            QVERIFY(catalogue.load(CLOZESCOPE_KO_QM));
            QCoreApplication::installTranslator(&catalogue);
        }
        MainWindow window;
        if (korean) QCoreApplication::removeTranslator(&catalogue);
        QMenu *file = window.menuBar()->actions().first()->menu();
        QVERIFY(file);
        const auto letters = [](const QMenu *menu) {
            QStringList seen, clashes;
            for (const QAction *a : menu->actions()) {
                const QString text = a->text();
                const qsizetype at = text.indexOf('&');
                if (a->isSeparator() || at < 0 || at + 1 >= text.size()) continue;
                const QString key = text.mid(at + 1, 1).toUpper();
                if (seen.contains(key)) clashes << text;
                seen << key;
            }
            return clashes;
        };
        QVERIFY2(letters(file).isEmpty(), qPrintable(letters(file).join(", ")));
        QAction *last = file->actions().last();
        QCOMPARE(last->shortcut(), QKeySequence(QKeySequence::Quit));
        QStringList shortcuts;
        const std::function<void(const QMenu *)> collect = [&](const QMenu *menu) {
            for (QAction *a : menu->actions()) {
                if (a->menu()) {
                    QVERIFY2(letters(a->menu()).isEmpty(), qPrintable(a->text()));
                    collect(a->menu());
                }
                if (!a->shortcut().isEmpty()) shortcuts << a->shortcut().toString();
            }
        };
        collect(file);
        QStringList expected{"Ctrl+S", "Ctrl+Shift+O", "Ctrl+Shift+E", "Ctrl+Shift+T",
                             "Ctrl+Shift+R"};
#ifdef CLOZESCOPE_HAVE_ENGINE
        expected << "Ctrl+E"
                 << "Ctrl+Shift+P"; // Evaluate, Probe
#endif
        for (const QString &key : expected)
            QVERIFY2(shortcuts.contains(key), qPrintable(key));
        QCOMPARE(shortcuts.removeDuplicates(), 0);
    }

    void aPathThatDoesNotExistIsSaidWhereTheChartsWouldBe()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({"/nonexistent/results"});
        QVERIFY(shown.wait(30000));
        auto *empty = window.findChild<QLabel *>("emptyMessage");
        QVERIFY(empty);
        QVERIFY2(empty->text().contains("/nonexistent/results: no such file or folder"),
                 qPrintable(empty->text()));
    }

    void addFolderKeepsWhatIsOpen()
    {
        // Open replaces; Add joins: a run and its evaluation's results side by side.
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        const std::size_t before = window.session()->results().runs.size();
        window.addPaths({QStringLiteral(CLOZESCOPE_TEST_DATA "/trainer-run")});
        QVERIFY(shown.wait(30000));
        QCOMPARE(window.session()->paths().size(), 2);
        QVERIFY(window.session()->results().runs.size() > before); // the samples stay
    }

    void usableAt1024x700_data()
    {
        QTest::addColumn<bool>("korean");
        QTest::newRow("English") << false;
        QTest::newRow("Korean") << true;
    }
    void usableAt1024x700()
    {
        // A laptop's window: every chart keeps its x axis (charts scroll when they do not fit)
        // and the table shows several rows, in either language. As on a first start: no saved
        // layout.
        QFETCH(bool, korean);
        QTranslator catalogue;
        if (korean) {
            QVERIFY(catalogue.load(CLOZESCOPE_KO_QM));
            QCoreApplication::installTranslator(&catalogue);
        }
        QSettings().remove("window");
        MainWindow window;
        QVERIFY(showSamples(window, QSize(1024, 700)));
        if (const QByteArray dir = qgetenv("CLOZESCOPE_SCREENSHOTS"); !dir.isEmpty()) {
            const QString name =
                QString::fromLocal8Bit(dir) + "/workbench" + (korean ? "-ko" : "") + "%1.png";
            window.grab().save(name.arg("-1024x700"));
            window.resize(1500, 950); // and as large as the default window, to look at
            QCoreApplication::processEvents();
            window.grab().save(name.arg(""));
            window.resize(1024, 700);
            QCoreApplication::processEvents();
        }
        if (korean) QCoreApplication::removeTranslator(&catalogue);
        const auto views = window.curves()->findChildren<ChartView *>();
        QVERIFY(views.size() >= 8);
        for (ChartView *v : views) {
            QVERIFY2(v->height() >= 220, qPrintable(QString::number(v->height())));
            QVERIFY(v->chart()->plotArea().height() >= 80); // room for the axis below it
        }
        QTableView *table = window.table();
        QVERIFY2(table->viewport()->height() >= 5 * table->verticalHeader()->defaultSectionSize(),
                 qPrintable(QString::number(table->viewport()->height())));
    }

    void hoverAndClickAPointWithTheMouse()
    {
        // Real mouse events through the chart view (no signal emitted by hand): hovering
        // checkpoint-390 of MLM v2 @ 1536 shows its tooltip, clicking it selects its row, and
        // the click zooms nothing.
        MainWindow window;
        QVERIFY(showSamples(window, QSize(1400, 900)));
        ChartView *view = nullptr;
        QLineSeries *line = nullptr;
        for (ChartView *v : window.curves()->findChildren<ChartView *>()) {
            auto *chart = qobject_cast<MetricChart *>(v->chart());
            if (!chart || chart->title() != "Real@1 @ 1536") continue;
            for (QAbstractSeries *s : chart->series())
                if (auto *l = qobject_cast<QLineSeries *>(s);
                    l && l->name() == "mlm_v2_scratch_1536" && l->count() > 0)
                    line = l, view = v;
        }
        QVERIFY(view && line);
        const QPointF value(3.0, 1585.0 / 2400); // checkpoint-390, the peak
        const QPoint at = view->mapFromScene(
            view->chart()->mapToScene(view->chart()->mapToPosition(value, line)));
        QTest::mouseMove(view->viewport(), at);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains("checkpoint-390"), qPrintable(QToolTip::text()));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        const QModelIndexList rows = window.table()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().siblingAtColumn(1).data().toString(), QString("checkpoint-390"));
        QVERIFY(!view->chart()->isZoomed());
        // Away from every point: no tooltip.
        QTest::mouseMove(view->viewport(), QPoint(5, 5));
        QTRY_VERIFY(!QToolTip::isVisible());
        // A hand that moves 2 px while clicking still clicks (it does not zoom into 2 px).
        window.table()->clearSelection();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseMove(view->viewport(), at + QPoint(2, 1));
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, at + QPoint(2, 1));
        QVERIFY(!view->chart()->isZoomed());
        QCOMPARE(window.table()->selectionModel()->selectedRows().size(), 1);
        // The wheel scrolls the charts; Ctrl+wheel zooms.
        const auto wheel = [&](Qt::KeyboardModifiers modifiers) {
            QWheelEvent e(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120),
                          Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(view->viewport(), &e);
        };
        wheel(Qt::NoModifier);
        QVERIFY(!view->chart()->isZoomed());
        wheel(Qt::ControlModifier);
        QVERIFY(view->chart()->isZoomed());
    }

    void aReplacedImportNeverReports()
    {
        ImportWorker worker;
        QSignalSpy done(&worker, &ImportWorker::finished);
        QTemporaryDir empty;
        worker.start({QStringLiteral(CLOZESCOPE_SAMPLES)});
        worker.start({empty.path()}); // replaces the first before it reports
        QVERIFY(done.wait(30000));
        QTest::qWait(0);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.front().front().toStringList(), QStringList{empty.path()});
    }

    void examplesWorkerSaysTheLatestRequest()
    {
        // Asked three times while reading, it reads the first and the last and says the last.
        QTemporaryDir dir;
        const std::string sidecar =
            R"({"id": "a", "dataset": "real", "rank": 1, "hits": {"1": true}})"
            "\n";
        for (const QString &name : {QString("checkpoint-1"), QString("checkpoint-2")}) {
            cs::test::writeFile(dir, name + ".examples.jsonl", QByteArray::fromStdString(sidecar));
            cs::test::writeFile(dir, name + ".results.json",
                                QByteArray::fromStdString(nlohmann::json{
                                    {"format", "clozescope-results"},
                                    {"version", 1},
                                    {"checkpoint", {{"name", name.toStdString()}}},
                                    {"examples", (name + ".examples.jsonl").toStdString()}}
                                                              .dump()));
        }
        ExamplesWorker worker;
        QSignalSpy done(&worker, &ExamplesWorker::finished);
        const QString first = dir.filePath("checkpoint-1.results.json"),
                      last = dir.filePath("checkpoint-2.results.json");
        worker.start({first, "checkpoint-1", {}, 1});
        worker.start({first, "checkpoint-1", {}, 2});
        worker.start({last, "checkpoint-2", {}, 3});
        QVERIFY(done.wait(10000));
        QTest::qWait(50);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.front().front().toULongLong(), quint64(3));
        const CheckpointExamples read = worker.takeResult();
        QCOMPARE(read.resultsFile, last.toStdString());
        QCOMPARE(read.examples.size(), std::size_t(1));
    }

    void reloadKeepsHiddenRuns()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::resultsShown);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(shown.wait(30000));
        window.session()->setRunVisible("simple_2048@2048", false);
        window.openPaths({QStringLiteral(CLOZESCOPE_SAMPLES)}); // File ▸ Reload
        QVERIFY(shown.wait(30000));
        QVERIFY(!window.session()->isRunVisible("simple_2048@2048"));
        QVERIFY(window.session()->isRunVisible("mlm_v2_scratch_1536@1536"));
    }

    void importCanBeCancelled()
    {
        ImportWorker worker;
        QSignalSpy done(&worker, &ImportWorker::finished);
        connect(
            &worker, &ImportWorker::progress, &worker,
            [&worker](int d) {
                if (d >= 1)
                    worker.cancel(); // on the worker thread: takes effect before the next file
            },
            Qt::DirectConnection);
        worker.start({QStringLiteral(CLOZESCOPE_SAMPLES)});
        QVERIFY(done.wait(30000));
        const ResultSet partial = worker.takeResult();
        QVERIFY(std::any_of(partial.problems.begin(), partial.problems.end(),
                            [](const Problem &p) { return p.code == ProblemCode::Cancelled; }));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
