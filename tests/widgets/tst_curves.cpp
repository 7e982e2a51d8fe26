// SPDX-License-Identifier: MIT
// Curves: series and marker positions equal the analysis; settings move the markers at once;
// exports are valid files that contain the markers.
#include "charts/chart_export.h"
#include "charts/curves_grid.h"
#include "models/checkpoint_model.h"
#include "panels/verdict_panel.h"
#include "report/report_builder.h"
#include "test_support.h"
#include "widget_support.h"

#include <QChartView>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPointer>
#include <QProcess>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QValueAxis>
#include <QtTest>

#include <set>

using namespace cs;

namespace {

/// Pixels of exactly the early-stop marker's red.
int redPixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 180 && c.green() < 60 && c.blue() < 60;
        }
    return n;
}

bool near(const QPointF &a, double x, double y)
{
    return qAbs(a.x() - x) < 1e-9 && qAbs(a.y() - y) < 1e-9;
}

} // namespace

class TestCurves : public QObject
{
    Q_OBJECT
  private slots:
    void seriesAndMarkersEqualTheAnalysis()
    {
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        MetricChart chart;
        chart.build(model, "Real@1", XAxis::Epoch, 1536);
        QCOMPARE(chart.curveCount(), 2); // Combined and MLM v2 at 1536
        const auto peaks = chart.markers(MarkerKind::Peak);
        QCOMPARE(peaks.size(), 2);
        QVERIFY(near(peaks[0], 5.0, 1602.0 / 2400)); // Combined: checkpoint-1980
        QVERIFY(near(peaks[1], 3.0, 1585.0 / 2400)); // MLM v2: checkpoint-390
        const auto stops = chart.markers(MarkerKind::EarlyStop);
        QCOMPARE(stops.size(), 1); // patience 3 stops MLM v2 at epoch 2.0
        QVERIFY(near(stops[0], 2.0, 1539.0 / 2400));
        QCOMPARE(chart.markers(MarkerKind::Restored).size(), 1);
        QVERIFY(near(chart.markers(MarkerKind::Restored)[0], 0.5, 1574.0 / 2400));
        const auto decline = chart.markers(MarkerKind::Decline);
        QCOMPARE(decline.size(), 1); // MLM v2 from the peak at 3.0 to the end at 5.0
        QCOMPARE(decline[0], QPointF(3.0, 5.0));
        QCOMPARE(chart.markers(MarkerKind::WithinNoise).size(), 3 + 10);
        int lines = 0;
        for (QAbstractSeries *s : chart.series())
            if (auto *line = qobject_cast<QLineSeries *>(s);
                line && line->name() == "mlm_v2_scratch_1536") {
                ++lines;
                QCOMPARE(line->count(), 11); // checkpoint-650 and -655 both drawn
            }
        QCOMPARE(lines, 1);
        chart.build(model, "Real@1", XAxis::Step, 1536);
        QVERIFY(near(chart.markers(MarkerKind::Peak)[1], 390, 1585.0 / 2400));
    }

    void switchingTheXAxisNeverAsksForThousandsOfTicks()
    {
        // Epoch → Step froze the window for two minutes: the step range was set while the axis
        // still ticked every half epoch. At no moment may the axis ask for more than a few
        // dozen ticks, in either direction; and steps, like epochs, do not run below 0.
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        MetricChart chart;
        chart.build(model, "Real@1", XAxis::Epoch, 1536);
        auto *axis = qobject_cast<QValueAxis *>(chart.axes(Qt::Horizontal).first());
        QVERIFY(axis);
        double mostTicks = 0;
        const auto check = [&] {
            if (axis->tickType() == QValueAxis::TicksDynamic && axis->tickInterval() > 0)
                mostTicks = std::max(mostTicks, (axis->max() - axis->min()) / axis->tickInterval());
        };
        connect(axis, &QValueAxis::rangeChanged, this, check);
        connect(axis, &QValueAxis::tickIntervalChanged, this, check);
        connect(axis, &QValueAxis::tickTypeChanged, this, check);
        for (XAxis x : {XAxis::Step, XAxis::Epoch, XAxis::Step, XAxis::Epoch}) {
            chart.build(model, "Real@1", x, 1536);
            QVERIFY(axis->min() >= 0);
            QVERIFY2(mostTicks <= 50, qPrintable(QString::number(mostTicks)));
        }
        QCOMPARE(axis->tickType(), QValueAxis::TicksDynamic); // epochs: every half or whole one
        QVERIFY(axis->tickInterval() >= 0.5);
    }

    void scoreIsNamedInTheInterfacesLanguage()
    {
        // Chart titles and table headers say "Score" in the interface's language.
        Session session;
        test::loadSamples(session);
        QTranslator korean;
        QVERIFY(korean.load(CLOZESCOPE_KO_QM));
        QCoreApplication::installTranslator(&korean);
        CheckpointModel model(&session);
        MetricChart chart;
        chart.build(model, "score", XAxis::Epoch, 1536);
        const QString header =
            model.headerData(model.metricColumn("score"), Qt::Horizontal).toString();
        QCoreApplication::removeTranslator(&korean);
        QCOMPARE(chart.title(), QString::fromUtf8("종합 점수 @ 1536"));
        QCOMPARE(header, QString::fromUtf8("종합 점수"));
    }

    void overlaysAreMarkedByKind_data()
    {
        QTest::addColumn<bool>("korean");
        QTest::newRow("English") << false;
        QTest::newRow("Korean") << true;
    }
    void overlaysAreMarkedByKind()
    {
        // The legend keeps one entry per run and one per other kind, in any language: series
        // are told apart by their Overlay, not their translated names.
        QFETCH(bool, korean);
        Session session;
        test::loadSamples(session);
        QTranslator translator;
        if (korean) {
            QVERIFY(translator.load(CLOZESCOPE_KO_QM));
            QCoreApplication::installTranslator(&translator);
        }
        CheckpointModel model(&session);
        auto *chartPtr = new MetricChart;
        MetricChart &chart = *chartPtr;
        QChartView view(chartPtr); // legend entries are visible only on a shown chart
        chart.build(model, "Real@1", XAxis::Epoch, 1536);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCoreApplication::processEvents();
        QCoreApplication::removeTranslator(&translator);
        std::map<Overlay, int> shownEntries;
        std::set<QString> runNames;
        for (QLegendMarker *m : chart.legend()->markers()) {
            const Overlay kind = overlayOf(m->series());
            if (kind == Overlay::RunCurve) runNames.insert(m->series()->name());
            shownEntries[kind] += m->isVisible();
        }
        QCOMPARE(shownEntries[Overlay::RunCurve], chart.curveCount());
        QCOMPARE(runNames,
                 (std::set<QString>{"combined_experiment @ 1536", "mlm_v2_scratch_1536"}));
        QCOMPARE(shownEntries[Overlay::IntervalBand], 1); // one "95 % interval" for both runs
        QCOMPARE(shownEntries[Overlay::Decline], 1);      // MLM v2's decline
        QCOMPARE(shownEntries[Overlay::Marker], 3);       // peak, early stop, restored
    }

    void rowsFollowTheMetricsOfTheShownRuns()
    {
        // A Trainer run shown alone: rows of its eval_accuracy and eval_loss, not four empty
        // cloze panels because a hidden run has them.
        Session session;
        session.setResults(
            loadResults({CLOZESCOPE_SAMPLES, test::dataPath("trainer-run")}),
            {CLOZESCOPE_SAMPLES, QString::fromStdString(test::dataPath("trainer-run"))});
        CheckpointModel model(&session);
        CurvesGrid grid(&session, &model);
        QCOMPARE(grid.rowMetrics().mid(0, 4),
                 QStringList({"Real@1", "Real@5", "LAMBADA@1", "score"}));
        for (const Run &run : session.results().runs)
            session.setRunVisible(QString::fromStdString(run.key()), run.name == "mlm_synth_128");
        const QStringList rows = grid.rowMetrics();
        QVERIFY2(rows.contains("eval_accuracy") && rows.contains("eval_loss") &&
                     !rows.contains("Real@1"),
                 qPrintable(rows.join(", ")));
        for (MetricChart *chart : grid.charts())
            QVERIFY2(chart->curveCount() > 0, qPrintable(chart->title())); // none left empty
    }

    void switchingLayoutsKeepsTheirCharts()
    {
        // Small multiples → one metric → small multiples: the eight charts are refilled, not
        // built again (new chart views cost 250–350 ms on a 2-core machine).
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        CurvesGrid grid(&session, &model);
        QList<QPointer<MetricChart>> multiples;
        for (MetricChart *c : grid.charts())
            multiples << c;
        QCOMPARE(multiples.size(), 8);
        grid.setMetric("Real@1");
        QCOMPARE(grid.charts().size(), 2);
        QVERIFY(!multiples.contains(grid.charts().first()));
        grid.setXAxis(XAxis::Step);
        grid.setMetric("");
        QCOMPARE(grid.charts().size(), 8);
        for (int i = 0; i < 8; ++i) {
            QVERIFY(multiples[i]); // still alive
            QCOMPARE(grid.charts()[i], multiples[i].data());
            QVERIFY(multiples[i]->curveCount() > 0);
        }
        QVERIFY(grid.charts().first()->title().startsWith("Real@1"));
        // Refilled for the setting changed while they were hidden: the x axis is now steps.
        const auto axes = grid.charts().first()->axes(Qt::Horizontal);
        QVERIFY(!axes.isEmpty());
        QCOMPARE(axes.first()->titleText(), QString("Step"));
        // Only the last few layouts are kept: three more single metrics push the grid out.
        for (const char *m : {"Real@5", "LAMBADA@1", "score"})
            grid.setMetric(m);
        QVERIFY(std::all_of(multiples.begin(), multiples.end(),
                            [](const QPointer<MetricChart> &c) { return c.isNull(); }));
    }

    void aChartBlankForWantOfEpochsSaysWhy()
    {
        // Steps only, no steps per epoch: on the epoch axis the chart is blank, and says why.
        QTemporaryDir dir;
        test::writeFile(
            dir, "steps_512/results.json",
            R"({"checkpoint-100": {"Real@1": 0.5}, "checkpoint-200": {"Real@1": 0.6}})");
        Session session;
        session.setResults(loadResults({dir.path().toStdString()}), {dir.path()});
        CheckpointModel model(&session);
        MetricChart chart;
        chart.build(model, "Real@1", XAxis::Epoch, 512);
        QCOMPARE(chart.curveCount(), 0);
        QVERIFY2(chart.title().contains("No epochs known: choose x = Step"),
                 qPrintable(chart.title()));
        chart.build(model, "Real@1", XAxis::Step, 512);
        QCOMPARE(chart.curveCount(), 1);
        QVERIFY(!chart.title().contains("known"));
    }

    void yAxisStaysInTheValuesDomain()
    {
        // Shares near 0 and near 1: the padding around them must not leave [0, 1].
        QTemporaryDir dir;
        test::writeFile(dir, "low_512/results.json",
                        R"({"checkpoint-100": {"Real@1": 0.001, "Real@5": 0.97, "eval_loss": 2.5},
                            "checkpoint-200": {"Real@1": 0.03, "Real@5": 0.998, "eval_loss": 2.1},
                            "checkpoint-300": {"Real@1": 0.02, "Real@5": 0.99, "eval_loss": 0.01}})");
        Session session;
        session.setResults(loadResults({dir.path().toStdString()}), {dir.path()});
        CheckpointModel model(&session);
        MetricChart chart;
        QVERIFY(model.metricIds().size() >= 3);
        for (const QString &metric : model.metricIds()) {
            chart.build(model, metric, XAxis::Step, 512);
            double lo = INFINITY, hi = -INFINITY;
            for (QAbstractSeries *s : chart.series())
                if (auto *line = qobject_cast<QLineSeries *>(s); line && line->isVisible())
                    for (const QPointF &p : line->points()) {
                        lo = std::min(lo, p.y());
                        hi = std::max(hi, p.y());
                    }
            QVERIFY2(std::isfinite(lo), qPrintable(metric));
            auto *axis = qobject_cast<QValueAxis *>(chart.axes(Qt::Vertical).value(0));
            QVERIFY(axis);
            QVERIFY2(axis->min() <= lo && axis->max() >= hi, qPrintable(metric));
            QVERIFY2(axis->min() >= 0, qPrintable(metric));
            if (hi <= 1)
                QVERIFY2(axis->max() <= 1, qPrintable(metric));
            else
                QVERIFY2(axis->max() > hi, qPrintable(metric)); // a loss keeps its headroom
        }
    }

    void verdictSaysTheReportsRecommendation()
    {
        // The panel's sentence is the report's, in the interface's language: English, and
        // Korean once the Korean catalogue is installed.
        Session session;
        test::loadSamples(session);
        const auto &runs = session.results().runs;
        for (ReportLanguage language : {ReportLanguage::English, ReportLanguage::Korean}) {
            QTranslator korean;
            if (language == ReportLanguage::Korean) {
                QVERIFY(korean.load(CLOZESCOPE_KO_QM));
                QCoreApplication::installTranslator(&korean);
            }
            VerdictPanel panel(&session);
            std::set<Verdict> verdicts;
            for (std::size_t i = 0; i < runs.size(); ++i) {
                const RunAnalysis &ra = session.analysed().analyses[i];
                verdicts.insert(ra.find(ra.criterion)->verdict);
                const std::string said = recommendation(runs[i], ra, session.settings(), language);
                QVERIFY2(panel.verdictText().contains(QString::fromStdString(said)), said.c_str());
            }
            QVERIFY(verdicts.size() >= 2);
            QCoreApplication::removeTranslator(&korean);
        }
    }

    void patienceMovesTheMarkers()
    {
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        VerdictPanel panel(&session);
        CurvesGrid grid(&session, &model);
        grid.setMetric("Real@1");
        auto *patience = panel.findChild<QSpinBox *>("patienceSpin");
        QVERIFY(patience);
        patience->setValue(5);
        QCOMPARE(session.settings().earlyStop.patience, 5);
        QVERIFY(panel.verdictText().contains(
            "stops at checkpoint-655 (epoch 5.0) and restores checkpoint-390"));
        const MetricChart *chart = nullptr;
        for (MetricChart *c : grid.charts())
            if (c->title().endsWith("1536")) chart = c;
        QVERIFY(chart);
        QVERIFY(near(chart->markers(MarkerKind::EarlyStop)[0], 5.0, 1552.0 / 2400));
        QVERIFY(near(chart->markers(MarkerKind::Restored)[0], 3.0, 1585.0 / 2400));
        patience->setValue(2);
        for (MetricChart *c : grid.charts())
            if (c->title().endsWith("1536"))
                QVERIFY(near(c->markers(MarkerKind::EarlyStop)[0], 1.5, 1570.0 / 2400));
    }

    void editingOneSettingKeepsTheOthersExact()
    {
        Session session;
        test::loadSamples(session);
        AnalysisSettings s = session.settings();
        s.alpha = 0.00005; // below what the spin box shows
        s.weights = {{"Real@1", 0.125}, {"Real@5", 0.3}, {"LAMBADA@1", 0.3}};
        session.setSettings(s);
        VerdictPanel panel(&session);
        panel.findChild<QSpinBox *>("patienceSpin")->setValue(4);
        QCOMPARE(session.settings().earlyStop.patience, 4);
        QCOMPARE(session.settings().alpha, 0.00005);
        QCOMPARE(session.settings().weights.at("Real@1"), 0.125);
    }

    void weightsChangeTheScoreCurve()
    {
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        VerdictPanel panel(&session);
        MetricChart chart;
        chart.build(model, "score", XAxis::Epoch, 1536);
        QVERIFY(near(chart.markers(MarkerKind::Peak)[1], 1.5,
                     0.4 * 1570 / 2400 + 0.3 * 1955.0 / 2400 + 0.3 * 222 / 600));
        auto *real5 = panel.findChild<QDoubleSpinBox *>("weight:Real@5");
        QVERIFY(real5);
        real5->setValue(0.0);
        chart.build(model, "score", XAxis::Epoch, 1536);
        QVERIFY(near(chart.markers(MarkerKind::Peak)[1], 1.5, 0.4 * 1570 / 2400 + 0.3 * 222 / 600));
    }

    void exports()
    {
        Session session;
        test::loadSamples(session);
        CheckpointModel model(&session);
        CurvesGrid grid(&session, &model);
        grid.resize(1400, 1200);
        grid.setAttribute(Qt::WA_DontShowOnScreen);
        grid.show();
        QTemporaryDir dir;
        for (const char *name : {"c.png", "c.svg", "c.pdf"})
            QCOMPARE(exportWidget(&grid, dir.filePath(name)), QString());
        QImage png(dir.filePath("c.png"));
        QVERIFY(!png.isNull());
        QCOMPARE(png.size(), QSize(2800, 2400));
        QFile svg(dir.filePath("c.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg") && svgText.contains("</svg>"));
        QVERIFY(svgText.contains("Early stop") && svgText.contains("Peak"));
        QFile pdf(dir.filePath("c.pdf"));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray pdfBytes = pdf.readAll();
        QVERIFY(pdfBytes.startsWith("%PDF-") && pdfBytes.trimmed().endsWith("%%EOF"));

        // The same charts without early stopping (patience beyond the run): the red markers go.
        AnalysisSettings s = session.settings();
        s.earlyStop.patience = 50;
        session.setSettings(s);
        QCOMPARE(exportWidget(&grid, dir.filePath("none.png")), QString());
        QCOMPARE(exportWidget(&grid, dir.filePath("none.pdf")), QString());
        const int withMarkers = redPixels(png),
                  without = redPixels(QImage(dir.filePath("none.png")));
        QVERIFY2(withMarkers > without + 200,
                 qPrintable(QString("%1 vs %2").arg(withMarkers).arg(without)));
        QVERIFY(svgText.count("fill=\"#c81e1e\"") > 0 || svgText.count("#c81e1e") > 0);

        const QString pdftoppm = QStandardPaths::findExecutable("pdftoppm");
        QVERIFY2(!pdftoppm.isEmpty(),
                 "pdftoppm (poppler-utils) is needed to check the PDF's pixels");
        auto rasterise = [&](const QString &pdfName) {
            QProcess p;
            const QString out = dir.filePath(pdfName + "-page");
            p.start(pdftoppm, {"-png", "-r", "96", "-singlefile", dir.filePath(pdfName), out});
            p.waitForFinished(60000);
            return QImage(out + ".png");
        };
        const QImage pageWith = rasterise("c.pdf"), pageWithout = rasterise("none.pdf");
        QVERIFY(!pageWith.isNull() && !pageWithout.isNull());
        QVERIFY2(
            redPixels(pageWith) > redPixels(pageWithout) + 50,
            qPrintable(QString("%1 vs %2").arg(redPixels(pageWith)).arg(redPixels(pageWithout))));
    }

    void unknownFormatIsRefused()
    {
        QWidget w;
        QVERIFY(exportWidget(&w, "/tmp/x.bmp").contains("unknown image format"));
    }
};

QTEST_MAIN(TestCurves)
#include "tst_curves.moc"
