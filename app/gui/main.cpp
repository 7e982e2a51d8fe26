// SPDX-License-Identifier: MIT
// clozescope: the workbench window, or --export-chart without one.
#include "../version_text.h"
#include "formats/aliases_format.h"
#include "window/headless_export.h"
#include "window/main_window.h"
#include "window/redraw_bench.h"
#ifdef CLOZESCOPE_HAVE_ENGINE
#include "engine/cpu_threads.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <clocale>
#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
#ifdef CLOZESCOPE_HAVE_ENGINE
    cs::keepLargeBlocksOnTheHeap(); // before anything allocates (engine/cpu_threads.h)
#endif
    // The version and the engine's devices, without a display.
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--version" || std::string(argv[i]) == "-v") {
            std::puts(cs::versionText("clozescope").c_str());
            return 0;
        }
    // Rendering without a window needs no display.
    bool exportOnly = false;
    for (int i = 1; i < argc; ++i)
        exportOnly = exportOnly || std::string(argv[i]).rfind("--export-chart", 0) == 0 ||
                     std::string(argv[i]) == "--bench-redraw";
    if (exportOnly && !std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") &&
        !std::getenv("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C"); // the core parses and prints numbers the C way
    QApplication::setApplicationName("ClozeScope");
    QApplication::setOrganizationName("ClozeScope");
    QApplication::setApplicationVersion(CLOZESCOPE_VERSION);
    QTranslator translator, qtTranslator; // ours, and Qt's own (buttons, standard dialogs)
    if (translator.load(QLocale(), "clozescope", "_", ":/i18n"))
        QApplication::installTranslator(&translator);
    if (qtTranslator.load(QLocale(), "qtbase", "_",
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Choose which masked-LM checkpoint to keep."));
    parser.addHelpOption();
    parser.addOption({{"v", "version"},
                      QApplication::translate("main", "Print the version, LibTorch's and the "
                                                      "devices it sees, and exit.")});
    parser.addPositionalArgument(
        "paths", QApplication::translate("main", "Result files or folders to open."));
    QCommandLineOption exportChart(
        "export-chart",
        QApplication::translate("main", "Render the curves to FILE (.png, .svg, .pdf) and exit."),
        "FILE");
    QCommandLineOption metric(
        "metric", QApplication::translate("main", "Metric to draw (default: small multiples)."),
        "M");
    QCommandLineOption xAxis("x", QApplication::translate("main", "x axis: epoch or step."),
                             "epoch|step", "epoch");
    QCommandLineOption benchRedraw(
        "bench-redraw", QApplication::translate(
                            "main", "Time chart redraws of 50 runs × 20 checkpoints and exit."));
    QCommandLineOption evaluate(
        "evaluate", QApplication::translate(
                        "main", "Open the Evaluate dialog on the run folder given as PATH."));
    QCommandLineOption probe(
        "probe", QApplication::translate(
                     "main", "Open the Probe on the run or checkpoint folder given as PATH."));
    parser.addOptions({exportChart, metric, xAxis, benchRedraw, evaluate, probe});
    parser.process(app);
    const QStringList paths = parser.positionalArguments();

    if (parser.isSet(benchRedraw)) {
        std::fputs(qPrintable(cs::runRedrawBenchmark(50, 20, 5)), stdout);
        return 0;
    }
    // The user's metric aliases, as the CLI reads them on every start.
    const QString aliasError = QString::fromStdString(cs::loadUserAliases(cs::defaultAliases()));
    if (!aliasError.isEmpty())
        std::fprintf(stderr, "error: metric aliases %s\n", qPrintable(aliasError));
    if (parser.isSet(exportChart)) {
        if (!aliasError.isEmpty()) return 2; // as the CLI: a bad alias file reads nothing
        if (paths.isEmpty() || (parser.value(xAxis) != "epoch" && parser.value(xAxis) != "step")) {
            std::fprintf(
                stderr,
                "usage: clozescope --export-chart FILE [--metric M] [--x epoch|step] PATH…\n");
            return 2;
        }
        QStringList problems;
        const QString error = cs::exportChartHeadless(
            paths, parser.value(exportChart), parser.value(metric),
            parser.value(xAxis) == "step" ? cs::XAxis::Step : cs::XAxis::Epoch, &problems);
        for (const QString &p : problems)
            std::fprintf(stderr, "%s\n", qPrintable(p));
        if (!error.isEmpty()) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error));
            return 1;
        }
        std::fprintf(stderr, "wrote %s\n", qPrintable(parser.value(exportChart)));
        // As the CLI: drawn, but what could not be read is an input problem (exit 1).
        return problems.isEmpty() ? 0 : 1;
    }
    cs::MainWindow window;
    window.show();
    if (!aliasError.isEmpty())
        QMessageBox::warning(&window, QApplication::translate("main", "Metric aliases"),
                             QApplication::translate("main", "Your metric aliases were not "
                                                             "read: %1")
                                 .arg(aliasError));
    window.openPaths(paths);
    if ((parser.isSet(evaluate) && !window.openEvaluateDialog()) ||
        (parser.isSet(probe) && !window.openProbeDialog(paths.value(0))))
        std::fprintf(stderr, "error: this build has no evaluation engine (LibTorch)\n");
    return app.exec();
}
