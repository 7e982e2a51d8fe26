// SPDX-License-Identifier: MIT
#include "window/main_window.h"

#include "charts/curves_grid.h"
#include "models/checkpoint_model.h"
#include "panels/checkpoint_table.h"
#ifdef CLOZESCOPE_HAVE_ENGINE
#include "dialogs/eval_dialog.h"
#include "dialogs/probe_dialog.h"
#include "engine/eval_run.h"
#endif
#include "models/problems_model.h"
#include "models/runs_model.h"
#include "models/session.h"
#include "panels/examples_panel.h"
#include "panels/verdict_panel.h"
#include "report/report_builder.h"
#include "results/importers.h"
#include "window/interface_language.h"
#include "window/results_watcher.h"
#include "workers/import_worker.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace cs {
namespace {

/// The results file patterns of the importer registry, for a file dialog's filter.
QString resultPatterns()
{
    QStringList patterns;
    for (const std::string &p : resultFilePatterns())
        patterns << QString::fromStdString(p);
    return patterns.join(' ');
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_session(new Session(this)),
      m_model(new CheckpointModel(m_session, this)), m_runs(new RunsModel(m_session, this)),
      m_problems(new ProblemsModel(m_session, this)), m_importer(new ImportWorker(this)),
      m_curves(new CurvesGrid(m_session, m_model, this)), m_watcher(new ResultsWatcher(this)),
      m_workspaces(m_session), m_exports(m_session, m_curves, m_watcher)
{
    setWindowTitle(tr("ClozeScope"));
    setAcceptDrops(true);
    // Charts keep their axes in a small window: below their minimum height they scroll.
    auto *curvesArea = new QScrollArea(this);
    curvesArea->setObjectName("curvesArea");
    curvesArea->setWidgetResizable(true);
    curvesArea->setFrameShape(QFrame::NoFrame);
    curvesArea->setWidget(m_curves);
    setCentralWidget(curvesArea);
    buildActions();
    buildDocks();
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_status = new QLabel(tr("Open results to begin."), this);
    m_status->setObjectName("statusSummary");
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_importer, &ImportWorker::progress, this,
            [this](int done, int total, const QString &file) {
                m_progress->show();
                m_progress->setRange(0, total);
                m_progress->setValue(done);
                m_status->setText(tr("Reading %1").arg(QFileInfo(file).fileName()));
            });
    connect(m_importer, &ImportWorker::finished, this, &MainWindow::onImported);
    connect(m_runs, &RunsModel::stepsPerEpochEdited, this, [this] { openPaths(m_requestedPaths); });
    connect(m_curves, &CurvesGrid::checkpointClicked, this, &MainWindow::selectCheckpoint);
    connect(m_curves, &CurvesGrid::checkpointMenuRequested, this,
            [this](int run, int checkpoint, const QString &metric, const QPoint &at) {
                QMenu *menu = pointMenu(run, checkpoint, metric);
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(at);
            });
    connect(m_watcher, &ResultsWatcher::changed, this, [this] {
        if (!m_requestedPaths.isEmpty()) openPaths(m_requestedPaths);
    });
    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) resize(1500, 950);
    m_layoutRestored = restoreState(settings.value("window/state").toByteArray());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_layoutRestored || m_docksSized) return;
    m_docksSized = true;
    // First start, once shown at its size: side docks in proportion to the window (two chart
    // columns fit at 1024 px), the table at least five rows high.
    const int w = width();
    for (QDockWidget *d : findChildren<QDockWidget *>()) {
        if (d->objectName() == "tableDock")
            resizeDocks({d}, {290}, Qt::Vertical);
        else if (d->objectName() == "runsDock")
            resizeDocks({d}, {std::clamp(w * 18 / 100, 180, 330)}, Qt::Horizontal);
        else
            resizeDocks({d}, {std::clamp(w * 28 / 100, 270, 380)}, Qt::Horizontal);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName("mainToolBar");
    // Open replaces what is shown, Add joins it (a run and its evaluation's results).
    auto *openFolder = file->addAction(tr("Open &folder…"), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Open results folder"), lastFolder());
        if (!dir.isEmpty()) openPaths({rememberFolder(dir)});
    });
    openFolder->setShortcut(QKeySequence::Open);
    auto *addFolder = file->addAction(tr("&Add folder…"), this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Add results folder"), lastFolder());
        if (!dir.isEmpty()) addPaths({rememberFolder(dir)});
    });
    addFolder->setObjectName("addFolderAction");
    addFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("Open f&iles…"), this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, tr("Open result files"), lastFolder(),
                                          tr("Results (%1);;All files (*)").arg(resultPatterns()));
        if (!files.isEmpty()) {
            rememberFolder(files.front());
            openPaths(files);
        }
    });
    file->addAction(tr("Open &workspace…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open workspace"), lastFolder(),
                                         tr("ClozeScope workspace (*.workspace.json)"));
        if (!path.isEmpty())
            if (const QString error = openWorkspace(rememberFolder(path)); !error.isEmpty())
                QMessageBox::warning(this, tr("Open workspace"), error);
    });
    auto *save = file->addAction(tr("&Save workspace…"), this, [this] {
        saveAs(tr("Save workspace"), "clozescope.workspace.json",
               tr("ClozeScope workspace (*.workspace.json)"),
               [this](const QString &path) { return saveWorkspaceTo(path); });
    });
    save->setShortcut(QKeySequence::Save);
    m_recentMenu = file->addMenu(tr("Open re&cent"));
    rebuildRecentMenu();
    auto *reload = file->addAction(tr("&Reload"), this, [this] { openPaths(m_requestedPaths); });
    reload->setShortcut(QKeySequence::Refresh);
#ifdef CLOZESCOPE_HAVE_ENGINE
    file->addSeparator();
    auto *evaluate =
        file->addAction(tr("&Evaluate checkpoints…"), this, [this] { openEvaluateDialog(); });
    evaluate->setObjectName("evaluateAction");
    evaluate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    auto *followRun = file->addAction(tr("F&ollow a training run…"), this, [this] {
        if (EvalDialog *d = openEvaluateDialog(); d && !d->isRunning()) d->setFollowing(true);
    });
    followRun->setObjectName("followAction");
    auto *probe = file->addAction(tr("&Probe…"), this, [this] { openProbeDialog(); });
    probe->setObjectName("probeAction");
    probe->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
#endif
    file->addSeparator();
    auto *exportMenu = file->addMenu(tr("E&xport"));
    exportMenu->addAction(tr("&Charts (PNG, SVG, PDF)…"), this, &MainWindow::exportCharts)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportMenu
        ->addAction(tr("&Table (CSV, Markdown, LaTeX, JSON)…"), this, &MainWindow::exportTable)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    exportMenu->addAction(tr("&Report (Markdown, HTML)…"), this, &MainWindow::exportReport)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    bar->addAction(openFolder);
    bar->addAction(addFolder);
    bar->addAction(reload);
#ifdef CLOZESCOPE_HAVE_ENGINE
    bar->addAction(evaluate);
    bar->addAction(probe);
#endif
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Metric "), bar));
    m_metric = new QComboBox(bar);
    m_metric->setObjectName("metricCombo");
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("  x "), bar));
    m_xAxis = new QComboBox(bar);
    m_xAxis->setObjectName("xAxisCombo");
    m_xAxis->addItem(tr("Epoch"));
    m_xAxis->addItem(tr("Step"));
    bar->addWidget(m_xAxis);
    bar->addSeparator();
    bar->addAction(tr("Export charts…"), this, &MainWindow::exportCharts);
    connect(m_metric, &QComboBox::currentIndexChanged, this,
            [this] { m_curves->setMetric(m_metric->currentData().toString()); });
    connect(m_xAxis, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_curves->setXAxis(i == 1 ? XAxis::Step : XAxis::Epoch); });
    connect(m_session, &Session::changed, this, [this] {
        const QString current = m_metric->currentData().toString();
        const QSignalBlocker block(m_metric);
        m_metric->clear();
        m_metric->addItem(tr("Small multiples"), QString());
        for (const QString &m : m_session->metrics())
            m_metric->addItem(
                QString::fromStdString(metricLabel(m.toStdString(), interfaceLanguage())), m);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(current)));
        m_curves->setMetric(m_metric->currentData().toString()); // the blocker hid the change
    });
}

void MainWindow::buildDocks()
{
    m_runsView = new QTreeView(this);
    m_runsView->setModel(m_runs);
    m_runsView->setObjectName("runsView");
    connect(m_session, &Session::changed, m_runsView, [this] { // after RunsModel rebuilt
        m_runsView->expandAll();
        for (int c = 0; c < m_runs->columnCount(); ++c)
            m_runsView->resizeColumnToContents(c);
    });
    auto *runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName("runsDock");
    runsDock->setWidget(m_runsView);
    addDockWidget(Qt::LeftDockWidgetArea, runsDock);

    m_verdict = new VerdictPanel(m_session, this);
    auto *verdictDock = new QDockWidget(tr("Verdict"), this);
    verdictDock->setObjectName("verdictDock");
    // Scrolls when the window is short: its settings must not hold the table dock down.
    auto *verdictArea = new QScrollArea(verdictDock);
    verdictArea->setWidgetResizable(true);
    verdictArea->setFrameShape(QFrame::NoFrame);
    verdictArea->setWidget(m_verdict);
    verdictDock->setWidget(verdictArea);
    addDockWidget(Qt::RightDockWidgetArea, verdictDock);

    m_table = new CheckpointTable(m_session, m_model, this);
    auto *problemsView = new QTableView(this);
    problemsView->setModel(m_problems);
    problemsView->horizontalHeader()->setStretchLastSection(true);
    problemsView->setWordWrap(false);
    m_examples = new ExamplesPanel(this);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showExamplesOf(current); });
#ifdef CLOZESCOPE_HAVE_ENGINE
    m_examples->setProbeAvailable(true);
    connect(m_examples, &ExamplesPanel::probeRequested, this,
            [this](const ProbeSetup &setup) { openProbeDialog()->probe(setup); });
#endif
    auto *tabs = new QTabWidget(this);
    tabs->addTab(m_table, tr("Checkpoints"));
    tabs->addTab(problemsView, tr("Problems"));
    tabs->addTab(m_examples, tr("Examples"));
    connect(m_session, &Session::changed, tabs, [this, tabs] {
        const int n = int(m_session->results().problems.size());
        tabs->setTabText(1, n ? tr("Problems (%1)").arg(n) : tr("Problems"));
    });
    auto *bottom = new QDockWidget(tr("Table"), this);
    bottom->setObjectName("tableDock");
    bottom->setWidget(tabs);
    addDockWidget(Qt::BottomDockWidgetArea, bottom);
}

void MainWindow::openPaths(const QStringList &given)
{
    if (given.size() == 1 && given.front().endsWith(".workspace.json") &&
        QFileInfo(given.front()).isFile() && !m_openingWorkspace) {
        if (const QString error = openWorkspace(given.front()); !error.isEmpty())
            m_status->setText(error);
        return;
    }
    if (given.isEmpty()) return;
    QStringList paths; // absolute, so recent entries and workspaces work from anywhere
    for (const QString &p : given)
        paths << QFileInfo(p).absoluteFilePath();
    m_watcher->forgetPending();
    m_requestedPaths = paths;
    m_status->setText(tr("Reading…"));
    m_importer->start(paths, m_session->userStepsPerEpoch());
}

void MainWindow::showExamplesOf(const QModelIndex &tableIndex)
{
    const int run = tableIndex.data(CheckpointModel::RunIndexRole).toInt(),
              checkpoint = tableIndex.data(CheckpointModel::CheckpointIndexRole).toInt();
    const auto &runs = m_session->results().runs;
    if (!tableIndex.isValid() || run < 0 || run >= int(runs.size()) || checkpoint < 0 ||
        checkpoint >= int(runs[std::size_t(run)].checkpoints.size())) {
        m_examples->showNothing(
            tr("Select a checkpoint evaluated by ClozeScope to see its examples."));
        return;
    }
    const Run &r = runs[std::size_t(run)];
    const Checkpoint &c = r.checkpoints[std::size_t(checkpoint)];
    const QString label = QString::fromStdString(r.displayName() + " · " + c.name);
    for (const std::string &source : c.sources)
        if (QString::fromStdString(source).endsWith(".results.json")) {
            m_examples->showResults(QString::fromStdString(source), QString::fromStdString(c.name),
                                    label);
            return;
        }
    m_examples->showNothing(
        tr("%1: no per-example records (only ClozeScope's own evaluation writes them).")
            .arg(label));
}

void MainWindow::selectCheckpoint(int runIndex, int checkpointIndex)
{
    const QModelIndex source = m_model->index(m_model->rowOf(runIndex, checkpointIndex), 0);
    const auto *proxy = static_cast<QSortFilterProxyModel *>(m_table->model());
    const QModelIndex row = proxy->mapFromSource(source);
    if (!row.isValid()) return;
    m_table->selectRow(row.row());
    m_table->scrollTo(row);
}

void MainWindow::onImported(const QStringList &paths)
{
    m_progress->hide();
    ResultSet results = m_importer->takeResult();
    const std::size_t problems = results.problems.size();
    m_session->setResults(std::move(results), paths);
    // "1 run", not "1 runs" (English has no plural forms without a catalogue of its own).
    const auto counted = [](std::size_t n, const QString &one, const QString &many) {
        return n == 1 ? one : many.arg(n);
    };
    m_status->setText(counted(m_session->results().runs.size(), tr("1 run"), tr("%1 runs")) + ", " +
                      counted(m_session->results().files.size(), tr("1 file"), tr("%1 files")) +
                      ", " + counted(problems, tr("1 problem"), tr("%1 problems")));
    setWindowTitle(tr("ClozeScope — %1").arg(QFileInfo(paths.front()).fileName()));
    addRecent(paths);
    m_watcher->watch(paths);
    if (const auto w = m_workspaces.takeOpenedFor(paths)) {
        for (const QString &key : w->hiddenRuns)
            m_session->setRunVisible(key, false);
        m_xAxis->setCurrentIndex(w->xAxis == "step" ? 1 : 0);
        m_curves->setXAxis(w->xAxis == "step" ? XAxis::Step : XAxis::Epoch);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(w->metric)));
        m_curves->setMetric(m_metric->currentData().toString());
    }
    emit resultsShown();
}

void MainWindow::addRecent(const QStringList &paths)
{
    QSettings settings;
    QStringList recent = settings.value("recent").toStringList();
    const QString entry = paths.join('\n');
    recent.removeAll(entry);
    recent.prepend(entry);
    settings.setValue("recent", recent.mid(0, 10));
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recent").toStringList();
    for (const QString &entry : recent) {
        const QStringList paths = entry.split('\n');
        m_recentMenu->addAction(paths.join(", "), this, [this, paths] { openPaths(paths); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::addPaths(const QStringList &paths)
{
    QStringList all = m_requestedPaths;
    for (const QString &p : paths)
        if (!all.contains(p)) all << p;
    openPaths(all);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile()) paths << url.toLocalFile();
    openPaths(paths);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    QMainWindow::closeEvent(event);
}

EvalDialog *MainWindow::openEvaluateDialog()
{
#ifdef CLOZESCOPE_HAVE_ENGINE
    if (!m_evalDialog) {
        m_evalDialog = new EvalDialog(this);
        connect(m_evalDialog, &EvalDialog::resultsWritten, this, [this](const QString &out) {
            // The first checkpoint adds the folder; the others reload it. Not left to the file
            // watcher: a file written while an import is in flight, before the folder is
            // watched, would never show. The sets it read are the user's choice: the Examples
            // tab may read them.
            m_examples->addChosenSets(m_evalDialog->datasetFiles());
            if (!m_requestedPaths.contains(out))
                openPaths(m_requestedPaths + QStringList{out});
            else
                m_watcher->changeSoon();
        });
        connect(m_evalDialog, &EvalDialog::earlyStopWouldStop, this,
                [this](const QString &checkpoint, const QString &verdict) {
                    // The moment a followed run would stop: said in the window, and the desktop
                    // asked to draw attention to it.
                    m_earlyStopNotice =
                        tr("Early stopping would stop now, at %1: %2.").arg(checkpoint, verdict);
                    m_status->setText(m_earlyStopNotice);
                    statusBar()->showMessage(m_earlyStopNotice);
                    QApplication::alert(this);
                });
        if (const QString run = shownRunFolder(); !run.isEmpty()) m_evalDialog->setRunFolder(run);
    }
    m_evalDialog->show();
    m_evalDialog->raise();
    return m_evalDialog;
#else
    return nullptr;
#endif
}

QString MainWindow::shownRunFolder() const
{
#ifdef CLOZESCOPE_HAVE_ENGINE
    for (const QString &p : m_requestedPaths)
        if (QFileInfo(p).isDir() && !discoverCheckpoints(p.toStdString()).empty()) return p;
#endif
    return {};
}

ProbeDialog *MainWindow::openProbeDialog(const QString &folder)
{
#ifdef CLOZESCOPE_HAVE_ENGINE
    if (!m_probeDialog) {
        m_probeDialog = new ProbeDialog(this);
        m_probeDialog->setFolder(shownRunFolder());
    }
    if (!folder.isEmpty() && !m_probeDialog->isRunning()) m_probeDialog->setFolder(folder);
    m_probeDialog->show();
    m_probeDialog->raise();
    return m_probeDialog;
#else
    (void)folder;
    return nullptr;
#endif
}

} // namespace cs
